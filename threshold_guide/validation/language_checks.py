"""Checks on the languages a document or scenario offers: every text in each of them, and a
translation review record for each.

A text lacking a language the file offers is shown in English to a reader who chose that
language, mid-page; the author should know where each gap is, not only how many there are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pydantic import BaseModel

from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.text import DEFAULT_LANGUAGE, TextValue, located_texts

Report = Callable[[str, Location, str, str], None]
"""Adds a diagnostic: code, location, message, hint."""

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
