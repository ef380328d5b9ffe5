"""On a judgement question: what the answers so far point to, why, and the departure."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Question
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough

REASON_KEY = "F8"
"""The key that opens the departure reason on the question screen."""


def answer_label(question: Question, answer_id: str, language: str = "en") -> str:
    found = next((a for a in question.answers if a.id == answer_id), None)
    return render(found.label, language) if found is not None else answer_id


def suggestion_lines(state: Walkthrough) -> list[tuple[str, str]]:
    """The box's lines as (text, style); empty when the question is not a judgement."""
    suggestion, question = state.suggestion, state.question
    if suggestion is None or question is None:
        return []
    language = state.session.language
    suggested = answer_label(question, suggestion.target, language)
    lines = [
        (_("The answers so far point to: {answer}.").format(answer=suggested), "bold"),
        (_("Suggested because: {rationale}.").format(
            rationale=render(suggestion.rationale, language)), ""),
    ]
    given = state.given
    if not state.departs or given is None:
        lines.append((_("Do you agree? Choose “{answer}” to agree. Another answer departs "
                        "from the guidance and needs your reason.").format(answer=suggested),
                      ""))
        return lines
    chosen = answer_label(question, str(given.answer), language)
    reason = (given.departure_reason or "").strip()
    if not reason:
        # Reached when an earlier answer changed the suggestion, or a reason was never given.
        lines.append((_("⚠ Asked again: your answer “{chosen}” departs from this suggestion "
                        "and has no reason recorded. A changed earlier answer can change the "
                        "suggestion. Choose “{answer}” to agree, or press {key} to give your "
                        "reason.").format(chosen=chosen, answer=suggested, key=REASON_KEY),
                      "bold"))
    else:
        short = reason.replace("\n", " ")
        short = short if len(short) <= 120 else short[:119] + "…"
        lines.append((_("You depart from the suggestion with “{chosen}”. Your reason: "
                        "{reason} ({key} to change it)").format(
                            chosen=chosen, reason=short, key=REASON_KEY), ""))
    effect = state.departure_effect()
    if effect is not None and effect.lower:
        assert effect.chosen is not None and effect.suggested is not None
        lines.append((_("⚠ A LOWER level than the guidance suggests: {chosen} instead of "
                        "{suggested}. The summary flags it; check it with your designated "
                        "safeguarding person.").format(
                            chosen=render(effect.chosen.title, language),
                            suggested=render(effect.suggested.title, language)), "bold"))
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
