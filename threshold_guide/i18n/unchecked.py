"""The notice every output carries where it shows a document's unchecked translation.

A translation of safeguarding guidance can mislead in ways only a fluent speaker who knows
the procedures would catch, so until the document records such a check for the language
(``translations.<lang>.checked``), every summary, explanation, book and chart in that
language says so, in that language, from this one place.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import translator
from threshold_guide.i18n.languages import DEFAULT_LANGUAGE
from threshold_guide.models.document import ThresholdDocument


def unchecked_notice(document: ThresholdDocument, language: str) -> str | None:
    """The notice in ``language`` when ``document``'s text in it has not been checked by a
    fluent reviewer, else ``None`` (always ``None`` for English, the source language)."""
    if language == DEFAULT_LANGUAGE:
        return None
    review = document.translations.get(language)
    if review is not None and review.checked:
        return None
    tr = translator(language)
    return tr.gettext(
        "This Welsh text has not yet been checked by a fluent Welsh-speaking safeguarding "
        "reviewer.")


def notice_markdown(notice: str | None) -> list[str]:
    """The notice as Markdown lines for the top of a document (none when ``None``)."""
    return [f"> **{notice}**", ""] if notice else []
