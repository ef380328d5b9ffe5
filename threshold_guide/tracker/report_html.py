"""The tracker report as one print-ready HTML file, with charts where matplotlib is there."""

from __future__ import annotations

from threshold_guide.models.tracker_report import TrackerReport
from threshold_guide.render.html import html_page, markdown_to_html
from threshold_guide.tracker.charts import (
    charts_available,
    departure_chart,
    outcome_chart,
    trend_chart,
)
from threshold_guide.tracker.report_text import render_report_markdown


def render_report_html(report: TrackerReport) -> str:
    """Same content as the Markdown, as inert HTML (no scripts, nothing loaded)."""
    body = markdown_to_html(render_report_markdown(report))
    if charts_available():
        figures = [svg for svg in (outcome_chart(report), departure_chart(report),
                                   trend_chart(report)) if svg]
        if figures:
            body += "<h2>Charts</h2>\n" + "".join(
                f'<figure class="chart">{svg}</figure>\n' for svg in figures
            )
    else:
        body += ("<p><em>Charts need the optional extra: pip install "
                 "'threshold-guide[charts]'.</em></p>\n")
    return html_page(body, title="Threshold consistency report")
