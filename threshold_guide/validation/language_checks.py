"""Checks on the languages a document or scenario offers: every text in each of them, and a
translation review record for each.

A text lacking a language the file offers is shown in English to a reader who chose that
language, mid-page; the author should know where each gap is, not only how many there are.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.text import DEFAULT_LANGUAGE, text_fields

Report = Callable[[str, Location, str, str], None]
"""Adds a diagnostic: code, location, message, hint."""

TextValue = str | dict[str, str]


def located_texts(model: BaseModel, prefix: Location = ()) -> Iterator[tuple[Location, TextValue]]:
    """Every non-empty text in ``model`` at any depth, with where it is in the file (field
    names as the file spells them, list indexes and mapping keys), in file order."""
    cls = type(model)
    fields = text_fields(cls)
    for name, info in cls.model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        where = (*prefix, info.alias or name)
        if name not in fields:
            yield from _models(value, where)
        elif _is_mapping_of_texts(info.annotation):
            for key, item in value.items():
                yield from _texts(item, (*where, key))
        else:
            yield from _texts(value, where)


def _texts(value: Any, where: Location) -> Iterator[tuple[Location, TextValue]]:
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


def _models(value: Any, where: Location) -> Iterator[tuple[Location, TextValue]]:
    if isinstance(value, BaseModel):
        yield from located_texts(value, where)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _models(item, (*where, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _models(item, (*where, key))


def offered_languages(texts: list[tuple[Location, TextValue]],
                      reviewed: Mapping[str, object] = {}) -> list[str]:
    """The languages other than English that any text (or a review record) is given in."""
    found = {code for _, text in texts if isinstance(text, dict) for code in text}
    found.update(reviewed)
    found.discard(DEFAULT_LANGUAGE)
    return sorted(found)


def check_languages(model: BaseModel, report: Report, kind: str,
                    reviewed: Mapping[str, object] | None = None) -> None:
    """W502 for each text lacking a language the file offers; W503 (documents only, where
    ``reviewed`` is the ``translations`` mapping) for an offered language with no review
    record."""
    texts = list(located_texts(model))
    for language in offered_languages(texts, reviewed or {}):
        first: Location | None = None
        for location, text in texts:
            if isinstance(text, dict) and language in text:
                first = first or location
                continue
            report("W502", location,
                   f"this text has no '{language}', which the {kind} offers elsewhere; "
                   "a reader who chose that language sees it in English",
                   f"add '{language}:' beside the English, e.g. {{en: ..., {language}: ...}}")
        if reviewed is not None and language not in reviewed:
            report("W503", first or ("id",),
                   f"the {kind} offers '{language}' but 'translations' has no entry for it",
                   f"add 'translations: {{{language}: {{checked: false}}}}' until a fluent "
                   "speaker with safeguarding knowledge has checked the text")
