"""Read the scenarios and sessions to replay under two versions: the file side of impact."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from threshold_guide.scenarios.files import SUFFIXES, is_scenario_file, load_scenario
from threshold_guide.scenarios.session_files import (
    SessionFileError,
    is_kept_document,
    read_sessions,
)
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic
from threshold_guide.versions.impact import Case, scenario_case, session_case


class CasesUnreadable(Exception):
    """Scenario or session files that cannot be used; carries every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


def _scenario_files(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    # Inside a folder only scenario files count, so a folder may hold documents too; a file
    # named on its own is read as a scenario, so a wrong one gets a scenario error.
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*"))
                     if p.suffix in SUFFIXES and is_scenario_file(p)]
            if not found:
                problems.append(diagnostic(
                    "E100", path, 1, 1, "no scenario files in this folder",
                    "scenario files are .yaml, .yml or .json files with 'kind: scenario'"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(diagnostic("E100", path, 1, 1, "no such file or folder",
                                       "check the spelling"))
    return list(dict.fromkeys(files)), problems


def read_scenario_cases(paths: Iterable[Path], old: str, new: str) -> list[Case]:
    """The scenarios in the files and folders named, with their answers for the ``old`` and
    ``new`` version numbers. Raises :class:`CasesUnreadable` with every problem at once."""
    files, problems = _scenario_files(paths)
    cases: list[Case] = []
    for path in files:
        loaded = load_scenario(path)
        problems += loaded.diagnostics
        if loaded.scenario is not None and not loaded.diagnostics:
            cases.append(scenario_case(loaded.scenario, path, old, new))
    if problems:
        raise CasesUnreadable(problems)
    return cases


def _session_files(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    # The app's sessions folder also keeps copies of documents and, after a crash, the
    # temporary files of atomic writes: neither is a session.
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = [p for p in sorted(path.rglob("*"))
                 if p.suffix == ".json" and p.is_file() and not p.name.startswith(".")
                 and not is_kept_document(p)]
        if not found:
            problems.append(diagnostic("E100", path, 1, 1, "no session files in this folder",
                                       "session files are the .json files the app or "
                                       "'run --save-session' wrote"))
        files += found
    return files, problems


def read_session_cases(paths: Iterable[Path]) -> list[Case]:
    """The sessions in the files and folders named (in a folder: every ``.json`` file).
    Raises :class:`CasesUnreadable` with every problem at once."""
    files, problems = _session_files(paths)
    try:
        sessions = read_sessions(files)
    except SessionFileError as problem:
        problems += problem.diagnostics
        sessions = []
    if problems:
        raise CasesUnreadable(problems)
    return [session_case(item.session, item.path) for item in sessions]
