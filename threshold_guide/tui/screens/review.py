"""All answers so far; choose one to change it. The route re-derives on the question screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from threshold_guide.engine.route import DecisionStep
from threshold_guide.i18n.catalogue import N_, _, ngettext
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough, describe_outcome, describe_selection
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.cursor_list import CursorList, Row
from threshold_guide.tui.widgets.danger_banner import DangerBanner
from threshold_guide.tui.widgets.footer import KeyFooter


class ReviewScreen(TranslatedKeys, Screen[str | None]):
    """Dismisses with the id of the question to change, or None to go back unchanged."""

    HELP_TITLE = N_("Review screen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "change", N_("Change this answer"), show=False),
        Binding("c", "change", N_("Change this answer")),
        Binding("escape", "close", N_("Back")),
    ]

    def __init__(self, state: Walkthrough) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DangerBanner()
        yield Static(
            _("Your answers so far. Choose one and press Enter to change it; answers after "
              "it are kept where the route does not change."),
            id="review-intro", markup=False,
        )
        yield CursorList(self._rows(), id="review-list")
        yield Static(self._footnote(), id="review-end", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Review answers")
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
        language = self.state.session.language
        rows = []
        for number, step in enumerate(route.steps, start=1):
            rows += decision_rows(route.decisions, number - 1, language)
            given = self.state.session.answers.get(step.question.id)
            lines = [
                render(step.question.prompt, language),
                _("Answer: {answer}").format(
                    answer=describe_selection(step.question, step.selection, language)),
            ]
            if step.suggestion is not None:
                suggested = describe_selection(step.question, step.suggestion.target, language)
                rationale = render(step.suggestion.rationale, language)
                lines.append((_("Suggested: {answer}, because {rationale} (⚠ DEPARTED)")
                              if step.departed else
                              _("Suggested: {answer}, because {rationale} (agreed)")).format(
                                  answer=suggested, rationale=rationale))
                if step.departed and given is not None and given.departure_reason:
                    lines.append(_("Reason: {reason}").format(
                        reason=_cut(given.departure_reason)))
            if given is not None and given.note:
                kinds = ", ".join(kind.value for kind in given.evidence)
                lines.append((_("Note ({kinds}): {note}") if kinds else _("Note: {note}")).format(
                    kinds=kinds, note=_cut(given.note)))
            rows.append(Row(step.question.id, "\n".join(lines), f"{number:>2}."))
        rows += decision_rows(route.decisions, len(route.steps), language)
        return rows

    def _footnote(self) -> str:
        route = self.state.route
        language = self.state.session.language
        if route.outcome is not None:
            end = _("Outcome on these answers: {outcome}.").format(
                outcome=render(route.outcome.title, language))
            override = self.state.progress.override
            if override is not None and override.id != route.outcome.id:
                end = _("Outcome acted on: {outcome}.").format(
                    outcome=describe_outcome(route.outcome, override, language))
        elif route.pending is not None and route.pending.id in self.state.session.answers:
            # The route stops at a departure that has no reason yet.
            end = _("Waiting at: {question} The answer departs from the guidance's suggestion "
                    "and needs your reason, or agree with it.").format(
                        question=render(route.pending.prompt, language))
        elif route.pending is not None:
            end = _("Next unanswered question: {question}").format(
                question=render(route.pending.prompt, language))
        else:
            end = ""
        off_route = len(set(self.state.session.answers) - set(route.question_ids))
        if off_route:
            end += " " + ngettext(
                "{count} other answer is kept from an earlier route and comes back if the "
                "route returns to it.",
                "{count} other answers are kept from an earlier route and come back if the "
                "route returns to them.", off_route)
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


def decision_rows(decisions: Sequence[DecisionStep], after: int,
                   language: str = "en") -> list[Row]:
    """The decision points passed after ``after`` answers: shown, never chosen."""
    rows = []
    for step in decisions:
        if step.after == after:
            title = render(step.point.title, language)
            rationale = render(step.hit.rationale, language)
            text = (_("Decided by the guidance (rule {number}): {title}: {rationale}").format(
                        number=step.hit.rule + 1, title=title, rationale=rationale)
                    if step.hit.rule is not None else
                    _("Decided by the guidance (fallback): {title}: {rationale}").format(
                        title=title, rationale=rationale))
            rows.append(Row(f"decision:{step.point.id}", text, "  ◆", disabled=True))
    return rows


def _cut(text: str, width: int = 160) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"
