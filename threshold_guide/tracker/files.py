"""Tracker export files on disk: read with located errors, and the practitioner's key."""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.tracker import TrackerExport
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic
from threshold_guide.validation.schema_errors import schema_diagnostics
from threshold_guide.validation.validate import problem_diagnostic

KEY_FILE = "tracker.key"
"""The practitioner's own secret, in the data folder, that keys record ids."""


class TrackerFileError(Exception):
    """An export file that cannot be imported; carries every located problem."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class ReadExport:
    export: TrackerExport
    sha256: str


def read_export(path: Path) -> ReadExport:
    """The export in ``path``, validated in full. Raises :class:`TrackerFileError`."""
    try:
        text = read_text(path)
    except YamlProblem as problem:
        raise TrackerFileError([problem_diagnostic(path, problem)]) from None
    except OSError as error:
        raise TrackerFileError([diagnostic("E100", path, 1, 1, "cannot read the file: "
                                           f"{error.strerror or error}", "check the path")]
                               ) from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        return ReadExport(TrackerExport.model_validate_json(text), digest)
    except ValidationError:
        pass
    # The fast path failed: parse again with positions to say exactly where and why.
    try:
        parsed = parse_yaml_text(text)
    except YamlProblem as problem:
        raise TrackerFileError([problem_diagnostic(path, problem)]) from None
    if not isinstance(parsed.data, dict) or parsed.data.get("kind") != (
        "threshold-guide-tracker-export"
    ):
        raise TrackerFileError([diagnostic(
            "E108", path, 1, 1, "not a threshold-guide tracker export",
            "import the files that 'threshold-guide tracker export' writes")])
    try:
        return ReadExport(TrackerExport.model_validate(parsed.data), digest)
    except ValidationError as error:
        raise TrackerFileError(
            schema_diagnostics(error, parsed.data, parsed.source_map, path, TrackerExport)
        ) from None


def practitioner_key(data_dir: Path) -> bytes:
    """The secret that keys record ids, created (0600) on first use."""
    path = data_dir / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (FileNotFoundError, ValueError):
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key
