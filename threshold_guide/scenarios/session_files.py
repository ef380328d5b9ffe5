"""Read the session files of an exercise (JSON, or YAML) with located errors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.session import Session
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic
from threshold_guide.validation.schema_errors import schema_diagnostics

SUFFIXES = (".json", ".yaml", ".yml")


class SessionFileError(Exception):
    """Session files that cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class SessionFile:
    path: Path
    session: Session


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder that is not a session, and why it was left out."""

    path: Path
    reason: str


@dataclass(frozen=True)
class SessionsFound:
    sessions: list[SessionFile]
    skipped: list[Skipped]
    """Files found in the folders named that are not sessions (never files named alone)."""


KEPT_DOCUMENT = "a copy of a guidance document the app keeps beside its sessions"
NOT_A_SESSION = "not a session file (it has no session_id)"
_SHA256_NAME = re.compile(r"^[0-9a-f]{64}\.json$")


def is_kept_document(path: Path) -> bool:
    """Whether ``path`` is a document copy the app keeps in ``sessions/documents/``."""
    return path.parent.name == "documents" and bool(_SHA256_NAME.match(path.name))


def _read(path: Path, *, found_in_folder: bool = False) -> SessionFile | Skipped | list[
        Diagnostic]:
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        return [diagnostic(problem.code, path, problem.position.line, problem.position.column,
                           problem.message, problem.hint)]
    except OSError as error:
        return [diagnostic("E100", path, 1, 1,
                           f"cannot read the session file: {error.strerror or error}",
                           "check the path and its permissions")]
    if found_in_folder and not (isinstance(parsed.data, dict) and "session_id" in parsed.data):
        # An app data folder also holds exports, preferences and the like: not sessions.
        return Skipped(path, NOT_A_SESSION)
    if not isinstance(parsed.data, dict):
        return [diagnostic("E108", path, 1, 1, "a session file holds a mapping (a JSON object)",
                           "pass the session files saved by the app or by 'run --save-session'")]
    try:
        return SessionFile(path, Session.model_validate(parsed.data))
    except ValidationError as error:
        return schema_diagnostics(error, parsed.data, parsed.source_map, path, Session)


def find_sessions(paths: Iterable[Path]) -> SessionsFound:
    """Every session in the files named and under the folders named (sorted, recursive).

    In a folder, temp files, the document copies the app keeps and files that are not
    sessions at all are skipped and listed; a file named on its own must be a session.
    Raises :class:`SessionFileError` with the problems of every bad file at once.
    """
    files: list[tuple[Path, bool]] = []
    skipped: list[Skipped] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*")
                                if p.suffix in SUFFIXES and p.is_file()
                                and not p.name.startswith(".")):
                if is_kept_document(found):
                    skipped.append(Skipped(found, KEPT_DOCUMENT))
                else:
                    files.append((found, True))
        elif path.is_file():
            files.append((path, False))
        else:
            problems.append(diagnostic("E100", path, 1, 1, "no such file or folder",
                                       "check the spelling"))
    sessions: list[SessionFile] = []
    for path, in_folder in dict.fromkeys(files):
        result = _read(path, found_in_folder=in_folder)
        if isinstance(result, SessionFile):
            sessions.append(result)
        elif isinstance(result, Skipped):
            skipped.append(result)
        else:
            problems.extend(result)
    if problems:
        raise SessionFileError(problems)
    return SessionsFound(sessions, skipped)


def read_sessions(paths: Iterable[Path]) -> list[SessionFile]:
    """The sessions of :func:`find_sessions`, without the list of what was skipped."""
    return find_sessions(paths).sessions
