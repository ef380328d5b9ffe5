"""The languages the interface speaks, and their names in their own words."""

from __future__ import annotations

from typing import Protocol

DEFAULT_LANGUAGE = "en"
"""English: the language of the source strings, and of a document's plain-string texts."""

INTERFACE_LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
"""Every language the catalogue has, by code, named as its speakers name it."""


def language_name(code: str) -> str:
    """``Cymraeg`` for ``cy``; a code the interface lacks is shown as the code itself."""
    return INTERFACE_LANGUAGES.get(code, code)


def is_interface_language(code: str) -> bool:
    return code in INTERFACE_LANGUAGES


class Languages(Protocol):
    """A session or a household case: the practitioner's language and the family's."""

    @property
    def language(self) -> str: ...

    @property
    def family_language(self) -> str | None: ...


def reader_language(record: Languages, *, family: bool) -> str:
    """The language a reader gets by default: what is written for the family comes in the
    family's language where it is recorded; everything else in the practitioner's."""
    return (record.family_language or record.language) if family else record.language
