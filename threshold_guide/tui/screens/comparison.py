"""Exercise mode's feedback: the participant's route against the model answer.

Everything shown comes from :func:`~threshold_guide.scenarios.compare.compare_to_model`;
this module only lays it out, question by question, in words (a match is never shown by
colour alone).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from threshold_guide.engine.routing import AnswerError
from threshold_guide.i18n.catalogue import N_, _, ngettext
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.text import render
from threshold_guide.scenarios.compare import (
    Match,
    QuestionComparison,
    RouteComparison,
    compare_to_model,
)
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.summary.markdown_escape import escape
from threshold_guide.tui.messages import Navigate
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView

VERDICT = {
    Match.SAME: N_("✓ Same as the model answer"),
    Match.DIFFERENT: N_("✗ Different from the model answer"),
    Match.ONLY_PARTICIPANT: N_("✗ Not on the model route"),
    Match.ONLY_MODEL: N_("✗ On the model route; you did not reach it"),
}


def _flat(text: str) -> str:
    return escape(" ".join(text.split()))


def _answer(labels: tuple[str, ...]) -> str:
    return "; ".join(_flat(label) for label in labels) or _("(not reached on this route)")


def _row(number: int, row: QuestionComparison) -> list[str]:
    lines = ["", f"### {number}. {_flat(row.prompt)}", "", f"**{_(VERDICT[row.match])}**", "",
             "- " + _("**Your answer:** {answer}").format(answer=_answer(row.given_labels)),
             "- " + _("**Model answer:** {answer}").format(answer=_answer(row.model_labels))]
    # The guidance's reasoning for the model answer, and for yours where it differs.
    lines += ["- " + _("**The guidance, on the model answer:** {text}").format(text=_flat(r))
              for r in row.model_rationale if r.strip()]
    if row.match is not Match.SAME:
        lines += ["- " + _("**The guidance, on your answer:** {text}").format(text=_flat(r))
                  for r in row.given_rationale if r.strip()]
    if row.why:
        lines.append("- " + _("**Why, in this case:** {text}").format(text=_flat(row.why)))
    return lines


def comparison_markdown(comparison: RouteComparison, scenario: Scenario,
                        language: str = "en") -> str:
    """The comparison in the interface language; the scenario's and the document's own
    words (titles, prompts, labels) in ``language``, the one the comparison was made in."""
    mine = comparison.outcome
    model = comparison.model_outcome

    def level(title: str | dict[str, str], number: int) -> str:
        return _("{title} (level {level})").format(title=_flat(render(title, language)),
                                                   level=number)

    yours = level(mine.title, mine.level) if mine else _("not reached")
    lines = [
        f"# {_flat(render(scenario.title, language))}",
        "",
        "- " + _("**Your outcome:** {outcome}").format(outcome=yours),
        "- " + _("**Model outcome:** {outcome}").format(outcome=level(model.title, model.level)),
        "- " + ngettext("You matched {matched} of {count} model answer.",
                        "You matched {matched} of {count} model answers.",
                        comparison.model_questions).format(matched=comparison.matched),
        "",
        "## " + _("Question by question"),
    ]
    for number, row in enumerate(comparison.rows, start=1):
        lines += _row(number, row)
    lines += ["", "## " + _("Learning points"), ""]
    lines += [f"- {_flat(point)}" for point in comparison.learning_points]
    return "\n".join(lines) + "\n"


class ComparisonScreen(BaseScreen):
    HELP_TITLE = N_("Exercise: your route against the model")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "summary", N_("Summary"), tooltip=N_("The summary of your walk")),
        Binding("f4", "review", N_("Back to answers"), tooltip=N_("Back to the last question")),
        Binding("f10", "home", N_("Save and close")),
    ]

    def __init__(self, state: Walkthrough, scenario: Scenario) -> None:
        super().__init__()
        self.state = state
        self.scenario = scenario

    def compose_body(self) -> ComposeResult:
        yield Static(id="comparison-line", markup=False)
        yield MarkdownView(id="comparison")

    def on_mount(self) -> None:
        self.sub_title = _("Exercise · {scenario}").format(scenario=self.scenario.id)
        language = self.state.session.language
        view = self.query_one("#comparison", MarkdownView)
        line = self.query_one("#comparison-line", Static)
        try:
            comparison = compare_to_model(self.state.document, self.scenario,
                                          self.state.session.selections(), language)
        except (AnswerError, ValueError) as problem:
            line.update(_("No comparison can be made."))
            view.update("# " + _("No comparison") + f"\n\n{escape(str(problem))}")
        else:
            line.update(_("✓ Your outcome matches the model answer.")
                        if comparison.outcome_matches
                        else _("✗ Your outcome differs from the model answer."))
            view.update(comparison_markdown(comparison, self.scenario, language))
        view.focus()

    def action_summary(self) -> None:
        self.post_message(Navigate("summary", self.state))

    def action_review(self) -> None:
        self.post_message(Navigate("question", self.state.back()))

    def action_home(self) -> None:
        self.post_message(Navigate("start"))
