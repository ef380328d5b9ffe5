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
    Match.SAME: "✓ Same as the model answer",
    Match.DIFFERENT: "✗ Different from the model answer",
    Match.ONLY_PARTICIPANT: "✗ Not on the model route",
    Match.ONLY_MODEL: "✗ On the model route; you did not reach it",
}


def _flat(text: str) -> str:
    return escape(" ".join(text.split()))


def _answer(labels: tuple[str, ...]) -> str:
    return "; ".join(_flat(label) for label in labels) or "(not reached on this route)"


def _row(number: int, row: QuestionComparison) -> list[str]:
    lines = ["", f"### {number}. {_flat(row.prompt)}", "", f"**{VERDICT[row.match]}**", "",
             f"- **Your answer:** {_answer(row.given_labels)}",
             f"- **Model answer:** {_answer(row.model_labels)}"]
    # The guidance's reasoning for the model answer, and for yours where it differs.
    lines += [f"- **The guidance, on the model answer:** {_flat(r)}"
              for r in row.model_rationale if r.strip()]
    if row.match is not Match.SAME:
        lines += [f"- **The guidance, on your answer:** {_flat(r)}"
                  for r in row.given_rationale if r.strip()]
    if row.why:
        lines.append(f"- **Why, in this case:** {_flat(row.why)}")
    return lines


def comparison_markdown(comparison: RouteComparison, scenario: Scenario) -> str:
    mine = comparison.outcome
    model = comparison.model_outcome
    yours = f"{_flat(render(mine.title))} (level {mine.level})" if mine else "not reached"
    lines = [
        f"# {_flat(render(scenario.title))}",
        "",
        f"- **Your outcome:** {yours}",
        f"- **Model outcome:** {_flat(render(model.title))} (level {model.level})",
        f"- You matched {comparison.matched} of {comparison.model_questions} model answers.",
        "",
        "## Question by question",
    ]
    for number, row in enumerate(comparison.rows, start=1):
        lines += _row(number, row)
    lines += ["", "## Learning points", ""]
    lines += [f"- {_flat(point)}" for point in comparison.learning_points]
    return "\n".join(lines) + "\n"


class ComparisonScreen(BaseScreen):
    HELP_TITLE = "Exercise: your route against the model"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "summary", "Summary", tooltip="The summary of your walk"),
        Binding("f4", "review", "Back to answers", tooltip="Back to the last question"),
        Binding("f10", "home", "Save and close"),
    ]

    def __init__(self, state: Walkthrough, scenario: Scenario) -> None:
        super().__init__()
        self.state = state
        self.scenario = scenario

    def compose_body(self) -> ComposeResult:
        yield Static(id="comparison-line", markup=False)
        yield MarkdownView(id="comparison")

    def on_mount(self) -> None:
        self.sub_title = f"Exercise · {self.scenario.id}"
        view = self.query_one("#comparison", MarkdownView)
        line = self.query_one("#comparison-line", Static)
        try:
            comparison = compare_to_model(self.state.document, self.scenario,
                                          self.state.session.selections())
        except (AnswerError, ValueError) as problem:
            line.update("No comparison can be made.")
            view.update(f"# No comparison\n\n{escape(str(problem))}")
        else:
            line.update("✓ Your outcome matches the model answer." if comparison.outcome_matches
                        else "✗ Your outcome differs from the model answer.")
            view.update(comparison_markdown(comparison, self.scenario))
        view.focus()

    def action_summary(self) -> None:
        self.post_message(Navigate("summary", self.state))

    def action_review(self) -> None:
        self.post_message(Navigate("question", self.state.back()))

    def action_home(self) -> None:
        self.post_message(Navigate("start"))
