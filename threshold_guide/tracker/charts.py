"""Charts for the tracker's HTML report, drawn by matplotlib as inline SVG.

matplotlib is an optional extra (``pip install 'threshold-guide[charts]'``): a board that
only needs the tables does not install it, and the report says where charts would be.
The SVG is made deterministic (fixed hash salt, no date) so the same database gives the
same file, and it is plain drawing: no scripts, no links, nothing loaded from elsewhere.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.tracker_report import TrackerReport

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
# Only references inside the drawing itself (href="#...") may stay.
_ACTIVE = re.compile(r"<script|<a\b|<image\b|<foreignObject|href=\"(?!#)|\bon\w+=|url\((?!#)",
                     re.I)


def charts_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _svg(draw: Callable[[Any], None]) -> str:
    import matplotlib

    matplotlib.use("svg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.hashsalt": "threshold-guide", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9}):
        figure, axes = pyplot.subplots(figsize=(7.0, 3.2))
        try:
            draw(axes)
            figure.tight_layout()
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            pyplot.close(figure)
    svg = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1))
    if _ACTIVE.search(svg):
        # Never expected from matplotlib; refuse rather than embed anything active.
        return ""
    return svg


def outcome_chart(report: TrackerReport, language: str = "en") -> str:
    """Stacked bars: each agency's outcome mix (suppressed cells left out)."""
    mixes = [m for m in report.outcome_mix if m.total]
    if not mixes:
        return ""
    outcomes = sorted({c.label for m in mixes for c in m.outcomes})

    _ = translator(language).gettext

    def draw(axes: Any) -> None:
        bottoms = [0] * len(mixes)
        for outcome in outcomes:
            heights = [
                next((c.count or 0 for c in m.outcomes if c.label == outcome), 0) for m in mixes
            ]
            axes.bar([m.agency for m in mixes], heights, bottom=bottoms, label=outcome)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        axes.set_ylabel(_("records"))
        axes.set_title(_("Outcomes by agency"))
        axes.tick_params(axis="x", labelrotation=20)
        axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    return _svg(draw)


def departure_chart(report: TrackerReport, language: str = "en") -> str:
    """Bars: the departure rate of each agency (suppressed rates left out)."""
    rows = [r for r in report.departures_by_agency if r.rate is not None]
    if not rows:
        return ""

    _ = translator(language).gettext

    def draw(axes: Any) -> None:
        axes.bar([r.group for r in rows], [r.rate for r in rows], color="#555555")
        axes.set_ylim(0, 1)
        axes.set_ylabel(_("share of records"))
        axes.set_title(_("Departures from the guidance's suggestion, by agency"))
        axes.tick_params(axis="x", labelrotation=20)

    return _svg(draw)


def trend_chart(report: TrackerReport, language: str = "en") -> str:
    """Lines: records and departures by month."""
    months = [t for t in report.trends if t.records is not None]
    if len(months) < 2:
        return ""

    _ = translator(language).gettext

    def draw(axes: Any) -> None:
        labels = [t.month for t in months]
        axes.plot(labels, [t.records for t in months], marker="o", label=_("records"))
        axes.plot(labels, [t.departures or 0 for t in months], marker="s",
                  label=_("departures"))
        axes.set_title(_("By month"))
        axes.tick_params(axis="x", labelrotation=45)
        axes.legend(fontsize=7)

    return _svg(draw)
