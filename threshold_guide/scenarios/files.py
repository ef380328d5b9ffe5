"""Find scenario files, tell them apart from threshold documents, and load them with positions.

A scenario file carries a top-level ``kind: scenario``; threshold documents have no
``kind`` field at all. A file with a top-level ``kind`` (any value) or ``model_answers``
is treated as a scenario, so a misspelt kind or a forgotten one gets a scenario error
("kind should be 'scenario'") rather than a page of document errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threshold_guide.loading.limits import MAX_FILE_BYTES
from threshold_guide.loading.reading import read_capped
from threshold_guide.loading.yaml_source import (
    SourceMap,
    YamlProblem,
    parse_yaml_text,
    read_text,
)
from threshold_guide.models.scenario import SCENARIO_FORMAT, Scenario
from threshold_guide.models.timescales import CLOSURES_FILE
from threshold_guide.validation.bounded import SchemaProblems, validate_bounded
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic, sort_key
from threshold_guide.validation.schema_errors import schema_diagnostics

SUFFIXES = (".yaml", ".yml", ".json")

# Block-style YAML keys at column 0 are top-level; documents never have these keys at
# any level, so in JSON (where indentation says nothing) any occurrence will do.
_YAML_MARKER = re.compile(rb"^(?:kind|model_answers)[ \t]*:", re.MULTILINE)
_JSON_MARKER = re.compile(rb'(?<!\\)"(?:kind|model_answers)"\s*:')


def is_scenario_file(path: Path) -> bool:
    """Whether ``path`` holds a scenario rather than a threshold document (cheap: no parse)."""
    if path.name == CLOSURES_FILE:  # a board's closure days have a 'kind:' too
        return False
    try:
        if not path.is_file():
            return False
        raw = read_capped(path, MAX_FILE_BYTES)
    except (OSError, YamlProblem):
        return False
    return bool(_YAML_MARKER.search(raw) or _JSON_MARKER.search(raw))


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.suffix in SUFFIXES and p.name != CLOSURES_FILE and p.is_file())


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files named, and every .yaml/.yml/.json file under folders named (sorted, recursive)."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files.extend(_files_under(path))
        elif path.exists():
            files.append(path)
        else:
            problems.append(
                diagnostic("E100", path, 1, 1, "no such file or folder",
                           "check the spelling; shipped scenarios are listed by "
                           "'threshold-guide scenarios check'")
            )
    return list(dict.fromkeys(files)), problems


def split_scenarios(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Split PATH arguments into scenario files and everything else (documents, folders
    holding only documents, missing paths), keeping the order given."""
    scenarios: list[Path] = []
    others: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _files_under(path)
            picked = [p for p in found if is_scenario_file(p)]
            scenarios.extend(picked)
            if not picked:
                others.append(path)
            else:
                chosen = set(picked)
                others.extend(p for p in found if p not in chosen)
        elif is_scenario_file(path):
            scenarios.append(path)
        else:
            others.append(path)
    return scenarios, others


@dataclass
class ScenarioFile:
    """One scenario file after parsing and schema validation."""

    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scenario: Scenario | None = None
    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)


def load_scenario(path: Path) -> ScenarioFile:
    """Parse and validate one scenario file against the model. Never raises for bad input."""
    result = ScenarioFile(path)
    try:
        parsed = parse_yaml_text(read_text(path))
    except YamlProblem as problem:
        result.diagnostics.append(diagnostic(
            problem.code, path, problem.position.line, problem.position.column,
            problem.message, problem.hint,
        ))
        return result
    except OSError as error:
        result.diagnostics.append(diagnostic(
            "E100", path, 1, 1, f"cannot read the file: {error.strerror or error}",
            "check the path and its permissions",
        ))
        return result
    result.data, result.source_map = parsed.data, parsed.source_map
    if not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        result.diagnostics.append(diagnostic(
            "E108", path, 1, 1, f"the file holds {kind}, not a scenario mapping",
            "a scenario is a mapping that starts with 'kind: scenario' and 'id:'; see "
            "'threshold-guide schema --kind scenario'",
        ))
        return result
    declared = parsed.data.get("format", SCENARIO_FORMAT)
    if isinstance(declared, int) and not isinstance(declared, bool) and declared > SCENARIO_FORMAT:
        position = parsed.source_map.locate(("format",))
        result.diagnostics.append(diagnostic(
            "E203", path, position.line, position.column,
            f"the file uses scenario format {declared}, newer than this version of "
            f"threshold-guide understands ({SCENARIO_FORMAT})", "upgrade threshold-guide",
        ))
        return result
    try:
        result.scenario = validate_bounded(Scenario, parsed.data)
    except SchemaProblems as error:
        result.diagnostics.extend(
            schema_diagnostics(error, parsed.data, parsed.source_map, path, Scenario)
        )
        result.diagnostics.sort(key=sort_key)
    return result
