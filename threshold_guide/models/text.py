"""Text fields that can carry Welsh beside English without breaking existing documents.

Every human-readable field in a threshold document is a ``Text``: either a plain string
(taken to be English) or a mapping of language code to text, e.g.
``{en: "Is the child in danger?", cy: "..."}``. A document written with plain strings
today stays valid when a board later adds a Welsh translation.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

DEFAULT_LANGUAGE = "en"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _check_text(value: str | dict[str, str]) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if not value:
        raise ValueError("a language mapping needs at least one entry, e.g. {en: '...'}")
    for code in value:
        if not _LANGUAGE_CODE.match(code):
            raise ValueError(
                f"{code!r} is not a language code; use a code such as 'en' or 'cy'"
            )
    # Sorted, so a document's content hash does not depend on the order languages are listed.
    return dict(sorted(value.items()))


Text = Annotated[
    str | dict[str, str],
    AfterValidator(_check_text),
    Field(
        json_schema_extra={
            "description": "Plain text (English), or a mapping of language code to text."
        }
    ),
]
"""A human-readable string, optionally translated: ``"text"`` or ``{en: ..., cy: ...}``."""


def render(text: str | dict[str, str] | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Pick the text for ``language``, falling back to English, then to the first given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if language in text:
        return text[language]
    if DEFAULT_LANGUAGE in text:
        return text[DEFAULT_LANGUAGE]
    return next(iter(text.values()))



def _is_text(annotation: Any, metadata: typing.Iterable[Any] = ()) -> bool:
    """Whether a field annotated so holds :data:`Text` (itself, optional, or in a list)."""
    if any(isinstance(item, AfterValidator) and item.func is _check_text for item in metadata):
        return True
    if typing.get_origin(annotation) is Annotated:
        return _is_text(typing.get_args(annotation)[0], typing.get_args(annotation)[1:])
    return any(_is_text(arg) for arg in typing.get_args(annotation))


@functools.cache
def _text_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(name for name, field in model.model_fields.items()
                     if _is_text(field.annotation, field.metadata))


@functools.cache
def _mapping_fields(model: type[BaseModel]) -> frozenset[str]:
    """Text fields whose value is a mapping of keys to texts (e.g. a scenario's ``why``),
    not one text's language mapping."""
    def is_mapping(annotation: Any) -> bool:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is dict:
            return _is_text(args[1])
        if origin is Annotated:  # Text itself is one text, whatever its inner union holds
            return not _is_text(annotation) and is_mapping(args[0])
        return any(is_mapping(arg) for arg in args)
    return frozenset(name for name in _text_fields(model)
                     if is_mapping(model.model_fields[name].annotation))


def text_fields(model: type[BaseModel]) -> frozenset[str]:
    """The names of ``model``'s fields that hold texts (alone, optional, in a list or as
    the values of a mapping)."""
    return _text_fields(model)


def language_coverage(model: BaseModel, language: str) -> tuple[int, int]:
    """How many texts ``model`` holds (at any depth), and how many of them are in
    ``language``. A plain string is English."""
    texts = translated = 0
    stack: list[Any] = [model]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(item)
            continue
        if isinstance(item, dict):  # e.g. a scenario's per-version variants
            stack.extend(item.values())
            continue
        if not isinstance(item, BaseModel):
            continue
        fields = _text_fields(type(item))
        mappings = _mapping_fields(type(item))
        for name in type(item).model_fields:
            value = getattr(item, name)
            if name not in fields:
                stack.append(value)
                continue
            if name in mappings:
                found = list(value.values())
            else:
                found = value if isinstance(value, list) else [value]
            for text in found:
                if text and isinstance(text, str | dict):  # an empty text needs no translation
                    texts += 1
                    has = (language in text) if isinstance(text, dict) else (
                        language == DEFAULT_LANGUAGE)
                    translated += has
    return texts, translated
