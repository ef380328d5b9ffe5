"""Answers that mean the family must not be told the case details yet.

A document marks them with ``withhold_from_family: true`` on the answer. The documents
already published cannot be marked: any edit changes their content hash, and every session
pinned to them would then be told its guidance had changed. So the answers of those
documents that mean the same are listed here, by document id, question id and answer id,
whichever version; a new version should carry the field itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.document import Answer, Question, ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.models.text import render

PUBLISHED_WITHOUT_THE_FIELD: frozenset[tuple[str, str, str]] = frozenset({
    # "Would telling the parents or carers about the report put the child, or anyone else,
    # at greater risk?": yes, or not sure (the rationale says to take advice first).
    ("wales-duty-to-report", "parents-informed", "risky-to-tell"),
    ("wales-duty-to-report", "parents-informed", "unsure-to-tell"),
})


@dataclass(frozen=True)
class FamilyRisk:
    """An answer given in the walk that means the family must not be told yet."""

    question: str
    """The question id."""
    prompt: str
    """The question as shown."""
    answer: str
    """The answer as shown."""

    def describe(self) -> str:
        return f"“{self.prompt}”: {self.answer}"


def withholds(document: ThresholdDocument, question: Question, answer: Answer) -> bool:
    """Whether ``answer`` means the family must not be told the case details yet."""
    return answer.withhold_from_family or (
        (document.id, question.id, answer.id) in PUBLISHED_WITHOUT_THE_FIELD)


def family_risks(document: ThresholdDocument, session: Session,
                 language: str = "en") -> list[FamilyRisk]:
    """Every answer in ``session`` that means the family must not be told yet.

    All answers kept count, not only those on the route: a walk that recorded the risk and
    then took another way has still recorded it.
    """
    risks = []
    for question in document.questions:
        given = session.answers.get(question.id)
        if given is None:
            continue
        chosen = [given.answer] if isinstance(given.answer, str) else given.answer
        for answer in question.answers:
            if answer.id in chosen and withholds(document, question, answer):
                risks.append(FamilyRisk(question.id, render(question.prompt, language),
                                        render(answer.label, language)))
    return risks


def risk_sentence(risks: list[FamilyRisk], language: str = "en") -> str:
    """The risks in one sentence, for a warning or an error."""
    return translator(language).gettext(
        "The walk recorded that telling the family could put the child at risk: "
        "{answers}.").format(answers="; ".join(risk.describe() for risk in risks))
