"""The summary, the explanation and the logic book as print-ready HTML files.

Each is rendered from the same Markdown the other exports use, so the HTML says exactly
what the Markdown says; only the page around it differs.
"""

from __future__ import annotations

from threshold_guide.explain.markdown import render_explanation_markdown
from threshold_guide.i18n.catalogue import translator
from threshold_guide.logic_book import render_logic_book
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.explanation import Explanation
from threshold_guide.models.summary import Summary
from threshold_guide.models.text import render
from threshold_guide.render.html import render_html
from threshold_guide.summary.markdown import render_markdown


def _titled(title: str, reference: str, language: str) -> str:
    if not reference.strip():
        return title
    return translator(language).gettext("{title}: {reference}").format(
        title=title, reference=reference)


def summary_title(summary: Summary) -> str:
    """The summary's page title, in its language."""
    words = translator(summary.language).gettext("Referral rationale summary")
    return _titled(words, summary.reference, summary.language)


def explanation_title(explanation: Explanation) -> str:
    """An explanation's page title, in its language."""
    words = translator(explanation.language).gettext("Explanation for {audience}").format(
        audience=explanation.audience_name)
    return _titled(words, explanation.reference, explanation.language)


def summary_html(summary: Summary) -> str:
    """The referral rationale summary as one print-ready HTML file."""
    title = summary_title(summary)
    return render_html(render_markdown(summary), title=title, language=summary.language)


def explanation_html(explanation: Explanation) -> str:
    """An explanation for one partner as one print-ready HTML file."""
    title = explanation_title(explanation)
    return render_html(render_explanation_markdown(explanation), title=title,
                       language=explanation.language)


def book_html(document: ThresholdDocument, language: str = "en") -> str:
    """The whole document (the logic book) as one print-ready HTML file."""
    title = translator(language).gettext("Logic book: {title} {version}").format(
        title=render(document.title, language), version=document.version)
    return render_html(render_logic_book(document, language), title=title, language=language)
