"""Text fields that can carry Welsh beside English without breaking existing documents.

Every human-readable field in a threshold document is a ``Text``: either a plain string
(taken to be English) or a mapping of language code to text, e.g.
``{en: "Is the child in danger?", cy: "..."}``. A document written with plain strings
today stays valid when a board later adds a Welsh translation.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

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

