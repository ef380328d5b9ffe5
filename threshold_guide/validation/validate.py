"""Validate threshold document files, alone and together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.yaml_source import (
    Position,
    SourceMap,
    YamlProblem,
    parse_yaml_text,
    paused_gc,
    read_text,
)
from threshold_guide.models.document import DOCUMENT_FORMAT, ThresholdDocument
from threshold_guide.models.timescales import CLOSURES_FILE
from threshold_guide.validation.bounded import SchemaProblems, validate_bounded
from threshold_guide.validation.diagnostics import (
    Diagnostic,
    diagnostic,
    has_errors,
    sort_key,
)
from threshold_guide.validation.document_checks import check_document
from threshold_guide.validation.schema_errors import schema_diagnostics

DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class CheckedFile:
    """One file after validation. ``document`` is set when the file has no errors."""

    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: ThresholdDocument | None = None
    sha256: str | None = None
    source_map: SourceMap = field(default_factory=SourceMap)

    @property
    def ok(self) -> bool:
        return self.document is not None


def problem_diagnostic(path: Path, problem: YamlProblem) -> Diagnostic:
    """A problem found while reading a file, as a located diagnostic."""
    return diagnostic(
        problem.code, path, problem.position.line, problem.position.column,
        problem.message, problem.hint,
    )


def check_file(path: Path) -> CheckedFile:
    """Parse, validate and cross-check one document file. Never raises for bad input."""
    with paused_gc():
        return _check_file(path)


def _check_file(path: Path) -> CheckedFile:
    result = CheckedFile(path)
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        result.diagnostics.append(problem_diagnostic(path, problem))
        return result
    except OSError as error:
        result.diagnostics.append(
            diagnostic("E100", path, 1, 1, f"cannot read the file: {error.strerror or error}",
                       "check the path and its permissions")
        )
        return result
    result.source_map = parsed.source_map
    data = parsed.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        result.diagnostics.append(
            diagnostic("E108", path, 1, 1, f"the file holds {kind}, not a document mapping",
                       "a threshold document is a mapping that starts with 'id:' and "
                       "'version:'; see 'threshold-guide schema'")
        )
        return result
    declared = data.get("format", DOCUMENT_FORMAT)
    if isinstance(declared, int) and not isinstance(declared, bool) and declared > DOCUMENT_FORMAT:
        position = parsed.source_map.locate(("format",))
        result.diagnostics.append(
            diagnostic("E203", path, position.line, position.column,
                       f"the file uses document format {declared}, newer than this version of "
                       f"threshold-guide understands ({DOCUMENT_FORMAT})",
                       "upgrade threshold-guide")
        )
        return result
    try:
        document = validate_bounded(ThresholdDocument, data)
    except SchemaProblems as error:
        result.diagnostics.extend(
            schema_diagnostics(error, data, parsed.source_map, path, ThresholdDocument)
        )
        result.diagnostics.sort(key=sort_key)
        return result
    result.diagnostics.extend(check_document(document, parsed.source_map, path))
    result.diagnostics.sort(key=sort_key)
    if not has_errors(result.diagnostics):
        result.document = document
        result.sha256 = content_hash(document)
    return result


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files named, and document files found under folders named (sorted, recursive)."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            # A board's closure days sit beside its documents but are not one.
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix in DOCUMENT_SUFFIXES
                       and p.name != CLOSURES_FILE and p.is_file())
            )
        elif path.exists():
            files.append(path)
        else:
            problems.append(
                diagnostic("E100", path, 1, 1, "no such file or folder",
                           "check the spelling, or run 'threshold-guide guidance list'")
            )
    return files, problems


def cross_file(results: Iterable[CheckedFile]) -> list[Diagnostic]:
    """Problems between files: the same id and version published twice."""
    first: dict[tuple[str, str], CheckedFile] = {}
    found: list[Diagnostic] = []
    for result in results:
        if result.document is None:
            continue
        key = (result.document.id, result.document.version)
        if key in first:
            position = result.source_map.locate(("version",))
            found.append(
                diagnostic("E601", result.path, position.line, position.column,
                           f"document '{key[0]}' version {key[1]} is also defined in "
                           f"{first[key].path}",
                           "give this file a new version number, or remove one copy")
            )
        else:
            first[key] = result
    return found


@dataclass
class ValidationReport:
    files: list[CheckedFile]
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def validate_paths(paths: Iterable[Path]) -> ValidationReport:
    files, problems = expand(paths)
    results = [check_file(path) for path in files]
    diagnostics = problems + [d for result in results for d in result.diagnostics]
    diagnostics += cross_file(results)
    return ValidationReport(results, sorted(diagnostics, key=sort_key))


__all__ = ["CheckedFile", "Position", "ValidationReport", "check_file", "validate_paths"]
