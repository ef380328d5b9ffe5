"""The line that says a document's translation has not been checked yet."""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.i18n.languages import DEFAULT_LANGUAGE
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.text import language_coverage

UNCHECKED = N_("The Welsh text has not been checked yet by a fluent Welsh-speaking "
               "safeguarding reviewer.")


def unchecked_note(document: ThresholdDocument, language: str) -> str | None:
    """In ``language``: that ``document``'s text in it is not checked; None when it is
    checked, or English, or the document has no text in it (another notice says so)."""
    if language == DEFAULT_LANGUAGE:
        return None
    review = document.translations.get(language)
    if review is not None and review.checked:
        return None
    if language_coverage(document, language)[1] == 0:
        return None
    return "⚠ " + translator(language).gettext(UNCHECKED)
