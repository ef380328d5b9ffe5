"""The tracker report as one print-ready HTML file, with charts where matplotlib is there."""

from __future__ import annotations

from markdown_it.common.utils import escapeHtml

from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.tracker_report import TrackerReport
from threshold_guide.render.html import html_page, markdown_to_html
from threshold_guide.tracker.charts import (
    charts_available,
    departure_chart,
    outcome_chart,
    trend_chart,
)
from threshold_guide.tracker.report_text import render_report_markdown


def render_report_html(report: TrackerReport, language: str = "en") -> str:
    """Same content as the Markdown, as inert HTML (no scripts, nothing loaded)."""
    _ = translator(language).gettext
    body = markdown_to_html(render_report_markdown(report, language), language)
    if charts_available():
        figures = [svg for svg in (outcome_chart(report, language),
                                   departure_chart(report, language),
                                   trend_chart(report, language)) if svg]
        if figures:
            body += f"<h2>{escapeHtml(_('Charts'))}</h2>\n" + "".join(
                f'<figure class="chart">{svg}</figure>\n' for svg in figures
            )
    else:
        body += "<p><em>" + escapeHtml(_(
            "Charts need the optional extra: pip install 'threshold-guide[charts]'.")) + \
            "</em></p>\n"
    return html_page(body, title=_("Threshold consistency report"), language=language)
