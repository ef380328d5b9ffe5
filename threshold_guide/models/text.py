"""Text fields that can carry Welsh beside English without breaking existing documents.

Every human-readable field in a threshold document is a ``Text``: either a plain string
(taken to be English) or a mapping of language code to text, e.g.
``{en: "Is the child in danger?", cy: "..."}``. A document written with plain strings
today stays valid when a board later adds a Welsh translation.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
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


TextValue = str | dict[str, str]
"""One text: plain (English) or a language mapping."""

TextPath = tuple[str | int, ...]
"""Where a text is in its file: field names as the file spells them, list indexes and
mapping keys (the same shape as :data:`threshold_guide.loading.source_map.Location`)."""


def located_texts(model: BaseModel, prefix: TextPath = ()) -> Iterator[tuple[TextPath, TextValue]]:
    """Every non-empty text in ``model`` at any depth, with where it is in the file, in file
    order: the one walk over texts that coverage counts and validation locates."""
    cls = type(model)
    fields = _text_fields(cls)
    for name, info in cls.model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        where = (*prefix, info.alias or name)
        if name not in fields:
            yield from _texts_in_models(value, where)
        elif _is_mapping_of_texts(info.annotation):
            for key, item in value.items():
                yield from _texts(item, (*where, key))
        else:
            yield from _texts(value, where)


def _texts(value: Any, where: TextPath) -> Iterator[tuple[TextPath, TextValue]]:
    """One text, or a list of texts."""
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*where, index))
    elif value:  # an empty text needs no translation
        yield where, value


def _is_mapping_of_texts(annotation: Any) -> bool:
    """``dict[Identifier, Text]`` (a scenario's ``why``), as against a text, which may
    itself be a language mapping: told apart by the annotation, never by the keys."""
    options = (typing.get_args(annotation)
               if typing.get_origin(annotation) in (typing.Union, types.UnionType)
               else (annotation,))
    # A Text reads ``str | dict[str, str]`` once pydantic has taken its metadata off; a
    # mapping of texts keeps the Annotated Text as its value type.
    return any(typing.get_origin(option) is dict
               and typing.get_origin(typing.get_args(option)[1]) is typing.Annotated
               for option in options)


def _texts_in_models(value: Any, where: TextPath) -> Iterator[tuple[TextPath, TextValue]]:
    if isinstance(value, BaseModel):
        yield from located_texts(value, where)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts_in_models(item, (*where, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in_models(item, (*where, key))


def language_coverage(model: BaseModel, language: str) -> tuple[int, int]:
    """How many texts ``model`` holds (at any depth), and how many of them are in
    ``language``. A plain string is English."""
    texts = translated = 0
    for _, text in located_texts(model):
        texts += 1
        translated += (language in text) if isinstance(text, dict) else (
            language == DEFAULT_LANGUAGE)
    return texts, translated
