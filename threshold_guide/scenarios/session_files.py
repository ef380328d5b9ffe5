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
_KEPT_DOCUMENT = re.compile(r"^[0-9a-f]{64}\.json$")


def _kept_document(path: Path) -> bool:
    """A copy of a document version that the app keeps beside its sessions.

    The sessions folder holds ``documents/<sha256>.json`` (see ``SessionStore``); a folder
    of sessions (a data folder, or ``serve``'s participants folder) is read without them.
    """
    return path.parent.name == "documents" and bool(_KEPT_DOCUMENT.match(path.name))


class SessionFileError(Exception):
    """Session files that cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class SessionFile:
    path: Path
    session: Session


def _read(path: Path) -> SessionFile | list[Diagnostic]:
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        return [diagnostic(problem.code, path, problem.position.line, problem.position.column,
                           problem.message, problem.hint)]
    except OSError as error:
        return [diagnostic("E100", path, 1, 1,
                           f"cannot read the session file: {error.strerror or error}",
                           "check the path and its permissions")]
    if not isinstance(parsed.data, dict):
        return [diagnostic("E108", path, 1, 1, "a session file holds a mapping (a JSON object)",
                           "pass the session files saved by the app or by 'run --save-session'")]
    try:
        return SessionFile(path, Session.model_validate(parsed.data))
    except ValidationError as error:
        return schema_diagnostics(error, parsed.data, parsed.source_map, path, Session)


def read_sessions(paths: Iterable[Path]) -> list[SessionFile]:
    """Every session in the files named and under the folders named (sorted, recursive;
    the documents the app keeps beside its sessions are left out).

    Raises :class:`SessionFileError` with the problems of every bad file at once.
    """
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES
                                and p.is_file() and not _kept_document(p)))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(diagnostic("E100", path, 1, 1, "no such file or folder",
                                       "check the spelling"))
    found: list[SessionFile] = []
    for path in dict.fromkeys(files):
        result = _read(path)
        if isinstance(result, SessionFile):
            found.append(result)
        else:
            problems.extend(result)
    if problems:
        raise SessionFileError(problems)
    return found
