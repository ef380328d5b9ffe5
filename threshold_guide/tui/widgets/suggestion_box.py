"""On a judgement question: what the answers so far point to, why, and the departure."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from threshold_guide.models.document import Question
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough

REASON_KEY = "F8"
"""The key that opens the departure reason on the question screen."""


def answer_label(question: Question, answer_id: str) -> str:
    found = next((a for a in question.answers if a.id == answer_id), None)
    return render(found.label) if found is not None else answer_id


def suggestion_lines(state: Walkthrough) -> list[tuple[str, str]]:
    """The box's lines as (text, style); empty when the question is not a judgement."""
    suggestion, question = state.suggestion, state.question
    if suggestion is None or question is None:
        return []
    suggested = answer_label(question, suggestion.target)
    lines = [
        (f"The answers so far point to: {suggested}.", "bold"),
        (f"Suggested because: {render(suggestion.rationale)}.", ""),
    ]
    given = state.given
    if not state.departs or given is None:
        lines.append((f"Do you agree? Choose “{suggested}” to agree. Another answer departs "
                      "from the guidance and needs your reason.", ""))
        return lines
    chosen = answer_label(question, str(given.answer))
    reason = (given.departure_reason or "").strip()
    if not reason:
        # Reached when an earlier answer changed the suggestion, or a reason was never given.
        lines.append((f"⚠ Asked again: your answer “{chosen}” departs from this suggestion "
                      "and has no reason recorded. A changed earlier answer can change the "
                      f"suggestion. Choose “{suggested}” to agree, or press {REASON_KEY} to "
                      "give your reason.", "bold"))
    else:
        short = reason.replace("\n", " ")
        short = short if len(short) <= 120 else short[:119] + "…"
        lines.append((f"You depart from the suggestion with “{chosen}”. Your reason: {short} "
                      f"({REASON_KEY} to change it)", ""))
    effect = state.departure_effect()
    if effect is not None and effect.lower:
        assert effect.chosen is not None and effect.suggested is not None
        lines.append((f"⚠ A LOWER level than the guidance suggests: "
                      f"{render(effect.chosen.title)} instead of "
                      f"{render(effect.suggested.title)}. The summary flags it; check it "
                      "with your designated safeguarding person.", "bold"))
    return lines


class SuggestionBox(Static):
    """Shown above the answers of a judgement question; hidden on any other question."""

    DEFAULT_CSS = """
    SuggestionBox {
        height: auto;
        border-left: thick $accent;
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    def show(self, state: Walkthrough) -> None:
        lines = suggestion_lines(state)
        self.display = bool(lines)
        text = Text()
        for number, (line, style) in enumerate(lines):
            text.append(("\n" if number else "") + line, style=style)
        self.update(text)
