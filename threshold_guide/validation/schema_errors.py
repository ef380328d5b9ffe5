"""Translate pydantic validation errors into located, actionable diagnostics."""

from __future__ import annotations

import types
import typing
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from threshold_guide.loading.yaml_source import Location, SourceMap
from threshold_guide.validation.bounded import MAX_SCHEMA_ERRORS, SchemaProblems
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic, did_you_mean

_EXPECTED: dict[str, str] = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping of language code to text (e.g. en: ...)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD, without a time",
}


def _unwrap(annotation: Any) -> Any:
    """The model class inside list[...], X | None and Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset):
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def _model_at(root: type[BaseModel], location: Location) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in location:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        inner = _unwrap(field.annotation)
        model = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return model


def _contains(node: Any, part: int | str) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _data_location(loc: tuple[int | str, ...], data: Any) -> Location:
    """Drop the union-member tags pydantic inserts (e.g. 'str') that are not in the data."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if _contains(node, part):
            node = node[part]
            kept.append(part)
    return tuple(kept)


def _error_location(detail: ErrorDetails, data: Any) -> Location:
    loc = detail["loc"]
    if detail["type"] in ("missing", "extra_forbidden") and loc:
        # The last part names the key that is missing or unknown.
        return (*_data_location(loc[:-1], data), loc[-1])
    return _data_location(loc, data)


def _describe(location: Location) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "the document"


def _field_doc(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    description = model.model_fields[name].description or ""
    return description.split("\n")[0].strip()


def schema_diagnostics(
    error: ValidationError | SchemaProblems,
    data: Any,
    source_map: SourceMap,
    file: Path | str,
    root: type[BaseModel],
) -> list[Diagnostic]:
    """Every pydantic error of one file, as diagnostics at the line they concern."""
    if isinstance(error, ValidationError):
        error = SchemaProblems(error.errors(include_url=False), more=False)
    grouped: dict[Location, list[ErrorDetails]] = defaultdict(list)
    for detail in error.details:
        grouped[_error_location(detail, data)].append(detail)

    found: list[Diagnostic] = []
    for location, details in grouped.items():
        kinds = {detail["type"] for detail in details}
        if "missing" in kinds:
            parent, name = location[:-1], location[-1]
            position = source_map.locate(parent, key=True)
            model = _model_at(root, parent)
            doc = _field_doc(model, str(name))
            found.append(
                diagnostic(
                    "E201",
                    file,
                    position.line,
                    position.column,
                    f"{_describe(parent)} is missing the required field '{name}'",
                    f"add '{name}:'" + (f" ({doc})" if doc else ""),
                )
            )
            continue
        if "extra_forbidden" in kinds:
            parent, name = location[:-1], location[-1]
            position = source_map.locate(location, key=True)
            model = _model_at(root, parent)
            known = list(model.model_fields) if model else []
            hint = did_you_mean(str(name), known)
            if not hint and known:
                hint = "allowed fields here: " + ", ".join(known)
            found.append(
                diagnostic(
                    "E202",
                    file,
                    position.line,
                    position.column,
                    f"unknown field '{name}' in {_describe(parent)}",
                    hint,
                )
            )
            continue
        position = source_map.locate(location)
        # Plain text first: it is what most authors mean to write.
        expected = sorted(
            {_EXPECTED[kind] for kind in kinds if kind in _EXPECTED},
            key=lambda text: (text != "text", text),
        )
        if expected:
            message = f"{_describe(location)} should be {' or '.join(expected)}"
        else:
            message = f"{_describe(location)}: " + "; ".join(
                _clean_message(detail) for detail in details
            )
        found.append(
            diagnostic(
                "E203", file, position.line, position.column, message, _hint(details, root)
            )
        )
    if error.more:
        last = max(found, key=lambda item: (item.line, item.column))
        found.append(
            diagnostic(
                "E204", file, last.line, last.column,
                f"more problems than the first {MAX_SCHEMA_ERRORS:,} listed; checking stopped "
                "there",
                "fix these and validate again",
            )
        )
    return found


def _clean_message(detail: ErrorDetails) -> str:
    message = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    if detail["type"] in ("enum", "literal_error"):
        expected = str(detail.get("ctx", {}).get("expected", ""))
        message = f"should be {expected}, not {detail['input']!r}"
    if detail["type"] == "string_pattern_mismatch":
        message = (
            f"{detail['input']!r} is not a valid id: use lower-case letters, digits, "
            "'-', '_' or '.'"
        )
    return message


def _hint(details: list[ErrorDetails], root: type[BaseModel]) -> str:
    for detail in details:
        if detail["type"] == "string_type" and isinstance(detail["input"], bool):
            return (
                "YAML reads an unquoted yes, no, true or false as a boolean: "
                'put it in quotes, e.g. "yes"'
            )
        if detail["type"] == "string_type" and isinstance(detail["input"], int | float):
            return 'put numbers that are meant as text in quotes, e.g. "1.0.0"'
        if detail["type"] == "enum":
            expected = str(detail.get("ctx", {}).get("expected", ""))
            options = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
            close = did_you_mean(str(detail["input"]), [o for o in options if o])
            if close:
                return close
        if detail["type"] == "string_pattern_mismatch":
            return "for example 'immediate-danger' or 'q-harm-type'"
    return ""
