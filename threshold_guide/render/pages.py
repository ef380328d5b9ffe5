"""The summary, the explanation and the logic book as print-ready HTML files.

Each is rendered from the same Markdown the other exports use, so the HTML says exactly
what the Markdown says; only the page around it differs.
"""

from __future__ import annotations

from threshold_guide.explain.markdown import render_explanation_markdown
from threshold_guide.logic_book import render_logic_book
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.explanation import Explanation
from threshold_guide.models.summary import Summary
from threshold_guide.models.text import render
from threshold_guide.render.html import render_html
from threshold_guide.summary.markdown import render_markdown


def _titled(title: str, reference: str) -> str:
    return f"{title}: {reference}" if reference.strip() else title


def summary_html(summary: Summary) -> str:
    """The referral rationale summary as one print-ready HTML file."""
    title = _titled("Referral rationale summary", summary.reference)
    return render_html(render_markdown(summary), title=title, language=summary.language)


def explanation_html(explanation: Explanation) -> str:
    """An explanation for one partner as one print-ready HTML file."""
    title = _titled(f"Explanation for {explanation.audience_name}", explanation.reference)
    return render_html(render_explanation_markdown(explanation), title=title,
                       language=explanation.language)


def book_html(document: ThresholdDocument, language: str = "en") -> str:
    """The whole document (the logic book) as one print-ready HTML file."""
    title = f"Logic book: {render(document.title, language)} {document.version}"
    return render_html(render_logic_book(document, language), title=title, language=language)
