"""All answers so far; choose one to change it. The route re-derives on the question screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from threshold_guide.engine.route import DecisionStep
from threshold_guide.models.text import render
from threshold_guide.plural import counted
from threshold_guide.session.walkthrough import Walkthrough, describe_outcome, describe_selection
from threshold_guide.tui.widgets.cursor_list import CursorList, Row
from threshold_guide.tui.widgets.danger_banner import DangerBanner
from threshold_guide.tui.widgets.footer import KeyFooter


class ReviewScreen(Screen[str | None]):
    """Dismisses with the id of the question to change, or None to go back unchanged."""

    HELP_TITLE = "Review screen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "change", "Change this answer", show=False),
        Binding("c", "change", "Change this answer"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, state: Walkthrough) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DangerBanner()
        yield Static(
            "Your answers so far. Choose one and press Enter to change it; answers after it "
            "are kept where the route does not change.",
            id="review-intro", markup=False,
        )
        yield CursorList(self._rows(), id="review-list")
        yield Static(self._footnote(), id="review-end", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Review answers"
        listing = self.query_one(CursorList)
        steps = self.state.route.steps
        if steps:  # the row of the question on screen; decision rows cannot be chosen
            here = steps[min(self.state.index, len(steps) - 1)].question.id
            listing.highlighted = next(
                (i for i in range(listing.option_count)
                 if listing.get_option_at_index(i).id == here), 0)
        listing.focus()

    def _rows(self) -> list[Row]:
        route = self.state.route
        rows = []
        for number, step in enumerate(route.steps, start=1):
            rows += decision_rows(route.decisions, number - 1)
            given = self.state.session.answers.get(step.question.id)
            text = (f"{render(step.question.prompt)}\n"
                    f"Answer: {describe_selection(step.question, step.selection)}")
            if step.suggestion is not None:
                suggested = describe_selection(step.question, step.suggestion.target)
                text += (f"\nSuggested: {suggested}, because {render(step.suggestion.rationale)}"
                         f" ({'⚠ DEPARTED' if step.departed else 'agreed'})")
                if step.departed and given is not None and given.departure_reason:
                    text += f"\nReason: {_cut(given.departure_reason)}"
            if given is not None and given.note:
                kinds = ", ".join(kind.value for kind in given.evidence)
                kind = f" ({kinds})" if kinds else ""
                text += f"\nNote{kind}: {_cut(given.note)}"
            rows.append(Row(step.question.id, text, f"{number:>2}."))
        rows += decision_rows(route.decisions, len(route.steps))
        return rows

    def _footnote(self) -> str:
        route = self.state.route
        if route.outcome is not None:
            end = f"Outcome on these answers: {render(route.outcome.title)}."
            override = self.state.progress.override
            if override is not None and override.id != route.outcome.id:
                end = f"Outcome acted on: {describe_outcome(route.outcome, override)}."
        elif route.pending is not None and route.pending.id in self.state.session.answers:
            # The route stops at a departure that has no reason yet.
            end = (f"Waiting at: {render(route.pending.prompt)} The answer departs from the "
                   "guidance's suggestion and needs your reason, or agree with it.")
        elif route.pending is not None:
            end = f"Next unanswered question: {render(route.pending.prompt)}"
        else:
            end = ""
        off_route = len(set(self.state.session.answers) - set(route.question_ids))
        if off_route:
            end += (f" {counted(off_route, 'other answer is', 'other answers are')} kept from an "
                    "earlier route and come back if the route returns to them.")
        return end

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_change(self) -> None:
        listing = self.query_one(CursorList)
        if listing.highlighted is not None:
            self.dismiss(listing.get_option_at_index(listing.highlighted).id)

    def action_close(self) -> None:
        self.dismiss(None)


def decision_rows(decisions: Sequence[DecisionStep], after: int) -> list[Row]:
    """The decision points passed after ``after`` answers: shown, never chosen."""
    rows = []
    for step in decisions:
        if step.after == after:
            which = f"rule {step.hit.rule + 1}" if step.hit.rule is not None else "fallback"
            rows.append(Row(
                f"decision:{step.point.id}",
                f"Decided by the guidance ({which}): {render(step.point.title)}: "
                f"{render(step.hit.rationale)}",
                "  ◆", disabled=True,
            ))
    return rows


def _cut(text: str, width: int = 160) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"
