"""Compare field values the way a reader would: re-wrapping a paragraph is not a change.

Text fields are compared per language with runs of whitespace collapsed, because YAML
folding and re-wrapping change the bytes but not what anyone reads. A change that only adds
or removes a translation, leaving every shared language as it was, is told apart from a
change of wording: it never makes an earlier answer invalid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum, StrEnum

from pydantic import BaseModel, JsonValue

from threshold_guide.models.text import DEFAULT_LANGUAGE
from threshold_guide.versions.model import FieldChange


class TextChange(StrEnum):
    NONE = "none"
    TRANSLATION = "translation"
    WORDING = "wording"


def _languages(text: str | dict[str, str]) -> dict[str, str]:
    mapping = {DEFAULT_LANGUAGE: text} if isinstance(text, str) else text
    return {code: " ".join(value.split()) for code, value in mapping.items()}


def text_change(old: object, new: object) -> TextChange:
    """How a text field (plain, a language mapping, or absent) changed."""
    if old == new:
        return TextChange.NONE
    if old is None or new is None:
        return TextChange.NONE if old is new else TextChange.WORDING
    if not isinstance(old, str | dict) or not isinstance(new, str | dict):
        return TextChange.NONE if as_json(old) == as_json(new) else TextChange.WORDING
    before, after = _languages(old), _languages(new)
    if before == after:
        return TextChange.NONE
    shared = before.keys() & after.keys()
    if shared and all(before[code] == after[code] for code in shared):
        return TextChange.TRANSLATION
    return TextChange.WORDING


def same(old: object, new: object) -> bool:
    """Whether two field values read the same."""
    if old == new:
        return True
    if isinstance(old, str | dict) or isinstance(new, str | dict):
        return text_change(old, new) is TextChange.NONE
    return as_json(old) == as_json(new)


def as_json(value: object) -> JsonValue:
    """A field value as JSON data, for the diff's ``old`` and ``new``."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return as_json(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        dumped: JsonValue = value.model_dump(mode="json")
        return dumped
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    raise TypeError(f"cannot compare a {type(value).__name__}")


def changes(
    old: BaseModel, new: BaseModel, names: Iterable[str], prefix: str = ""
) -> list[FieldChange]:
    """A :class:`FieldChange` for each named field that reads differently."""
    found: list[FieldChange] = []
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if not same(before, after):
            found.append(FieldChange(field=prefix + name, old=as_json(before),
                                     new=as_json(after)))
    return found
