"""Where the walk is: the answers given so far, newest kept in view, and how far to go."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.session.walkthrough import Walkthrough, describe_selection

SEPARATOR = " \u203a "  # a single right-pointing angle quote


class Breadcrumb(Widget):
    """Two lines: the trail of answers (oldest dropped first) and the progress."""

    DEFAULT_CSS = """
    Breadcrumb { height: 2; width: 100%; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._trail: list[str] = []
        self._status = ""

    def show(self, state: Walkthrough) -> None:
        route = state.route
        language = state.session.language
        self._trail = [
            f"{number}. {_short(describe_selection(step.question, step.selection, language), 24)}"
            for number, step in enumerate(route.steps[: state.index], start=1)
        ]
        number = state.index + 1
        if state.question is None:
            self._status = ngettext("Outcome reached after {count} question",
                                    "Outcome reached after {count} questions", state.index)
        else:
            fewest, most = state.remaining
            if most == 0:
                left = _("the outcome comes next")
            elif fewest == most:
                left = _("{most} more to the outcome").format(most=most)
            elif fewest == 0:
                left = _("up to {most} more to the outcome").format(most=most)
            else:
                left = _("{fewest} to {most} more to the outcome").format(
                    fewest=fewest, most=most)
            answered = len(state.route.steps)
            # Counted: Welsh says one answer ("wedi'i ateb") unlike several ("wedi'u hateb").
            self._status = ngettext("Question {number} · {left} · {count} answered",
                                    "Question {number} · {left} · {count} answered",
                                    answered).format(number=number, left=left)
        self.refresh()

    def render(self) -> Text:
        width = max(10, self.size.width - 2)
        trail = self._trail_text(width)
        return Text.assemble((trail + "\n", ""), (self._status, "italic"), no_wrap=True,
                             overflow="ellipsis")

    def _trail_text(self, width: int) -> str:
        if not self._trail:
            return _("Start of the walk")
        text = ""
        for item in reversed(self._trail):
            candidate = item + (SEPARATOR + text if text else "")
            if len(candidate) + 2 > width:
                return "…" + SEPARATOR + text if text else item[: width - 1] + "…"
            text = candidate
        return text


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
