"""A board's local closure days: ``closures.yaml`` in a guidance folder, checked like a document.

Example::

    kind: closures
    about: Example Regional Safeguarding Board, council offices
    closures:
      - date: 2026-12-29
        reason: Council offices closed between Christmas and New Year

Every problem is a located diagnostic with a stable code (the schema codes E201-E203, and
E904 for a day listed twice), never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.loading.yaml_source import YamlProblem, parse_yaml_text, read_text
from threshold_guide.models.timescales import CLOSURES_FILE, ClosureDays
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic, has_errors, sort_key
from threshold_guide.validation.schema_errors import schema_diagnostics


@dataclass
class CheckedClosures:
    """One closures file after checking; ``closures`` is set when it has no errors."""

    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    closures: ClosureDays | None = None


def is_closures_file(path: Path) -> bool:
    return path.name == CLOSURES_FILE


def check_closures(path: Path) -> CheckedClosures:
    """Parse and check one closures file. Never raises for bad input."""
    result = CheckedClosures(path)
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        result.diagnostics.append(diagnostic(problem.code, path, problem.position.line,
                                             problem.position.column, problem.message,
                                             problem.hint))
        return result
    except OSError as error:
        result.diagnostics.append(diagnostic("E100", path, 1, 1,
                                             f"cannot read the file: {error.strerror or error}",
                                             "check the path and its permissions"))
        return result
    data = parsed.data
    if not isinstance(data, dict):
        result.diagnostics.append(diagnostic(
            "E108", path, 1, 1, "the file does not hold a mapping",
            "start the file with 'kind: closures' and list the days under 'closures:'"))
        return result
    try:
        days = ClosureDays.model_validate(data)
    except ValidationError as error:
        result.diagnostics.extend(
            schema_diagnostics(error, data, parsed.source_map, path, ClosureDays))
        result.diagnostics.sort(key=sort_key)
        return result
    first: dict[object, int] = {}
    for index, closure in enumerate(days.closures):
        if closure.date in first:
            where = parsed.source_map.locate(("closures", index, "date"))
            earlier = parsed.source_map.locate(("closures", first[closure.date], "date"))
            result.diagnostics.append(diagnostic(
                "E904", path, where.line, where.column,
                f"closure day {closure.date.isoformat()} is listed twice (first on line "
                f"{earlier.line})", "keep one entry per day"))
        else:
            first[closure.date] = index
    if not has_errors(result.diagnostics):
        result.closures = days
    return result


def closures_paths(folders: Iterable[Path]) -> list[Path]:
    """The closures file of each guidance folder that has one."""
    return [folder / CLOSURES_FILE for folder in folders
            if folder.is_dir() and (folder / CLOSURES_FILE).is_file()]


def load_calendar(folders: Iterable[Path]) -> tuple[WorkingCalendar, list[CheckedClosures]]:
    """The working calendar for these guidance folders: bank holidays plus every valid
    closures file's days. A broken file adds no days and is returned with its problems."""
    checked = [check_closures(path) for path in closures_paths(folders)]
    days = [c.date for item in checked if item.closures for c in item.closures.closures]
    return WorkingCalendar.with_closures(days), checked
