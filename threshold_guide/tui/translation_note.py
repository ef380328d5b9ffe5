"""The app's line that says a document's translation has not been checked yet."""

from __future__ import annotations

from threshold_guide.i18n.unchecked import unchecked_notice
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.text import language_coverage


def unchecked_note(document: ThresholdDocument, language: str) -> str | None:
    """The notice every output carries (:func:`~threshold_guide.i18n.unchecked.
    unchecked_notice`), as a warning line; None also when the document has no text in
    ``language`` at all (the app says that in another notice)."""
    notice = unchecked_notice(document, language)
    if notice is None or language_coverage(document, language)[1] == 0:
        return None
    return f"⚠ {notice}"
