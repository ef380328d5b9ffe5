"""A plain-text bar chart of how a room's outcomes spread, for the terminal and Markdown.

ASCII only, so it survives any terminal, e-mail or projector laptop.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.scenario_report import ScenarioResult

BAR_WIDTH = 30
LABEL_WIDTH = 44


def _label(text: str) -> str:
    if len(text) <= LABEL_WIDTH:
        return text.ljust(LABEL_WIDTH)
    return text[: LABEL_WIDTH - 3] + "..."


def outcome_chart(result: ScenarioResult, language: str = "en") -> str:
    """The outcome spread of one scenario, most urgent outcome first, model answer marked,
    its words in ``language``."""
    tr = translator(language)
    finished = result.finished
    lines = [
        f"{result.reference}: {result.title} ({result.id})",
        tr.gettext("{sessions}, {finished} finished").format(
            sessions=tr.ngettext("{count} session", "{count} sessions", result.sessions),
            finished=finished),
    ]
    counts = [item.count for item in result.spread] + [result.sessions - finished]
    digits = len(str(max(counts, default=0)))
    for item in result.spread:
        bar = "#" * round(BAR_WIDTH * item.count / finished) if finished else ""
        share = f"{round(100 * item.count / finished):>3d}%" if finished else "    "
        line = f"  {_label(item.title)} {item.count:>{digits}d} |{bar.ljust(BAR_WIDTH)} {share}"
        if item.model:
            line += "  <- " + tr.gettext("model answer")
        lines.append(line.rstrip())
    if result.sessions > finished:
        unfinished = tr.gettext("(not finished)")
        lines.append(f"  {_label(unfinished)} {result.sessions - finished:>{digits}d}")
    return "\n".join(lines) + "\n"
