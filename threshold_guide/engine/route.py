"""Derive the route a set of answers takes through a document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from threshold_guide.engine.routing import normalise, target_for
from threshold_guide.models.document import Outcome, Question, Target, ThresholdDocument
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class Step:
    """One answered question on the route."""

    question: Question
    selection: Selection
    target: Target


@dataclass(frozen=True)
class Route:
    """The questions answered from the start, and where the walk stands after them.

    Exactly one of ``outcome`` (the walk is finished) and ``pending`` (the next question
    to answer) is set.
    """

    steps: tuple[Step, ...]
    outcome: Outcome | None
    pending: Question | None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def question_ids(self) -> list[str]:
        return [step.question.id for step in self.steps]

    def selections(self) -> dict[str, Selection]:
        return {step.question.id: step.selection for step in self.steps}


def derive_route(document: ThresholdDocument, answers: Mapping[str, Selection]) -> Route:
    """Follow ``answers`` from the start question until an outcome or an unanswered question.

    Answers to questions off the route are ignored (and kept by callers), so changing an
    earlier answer re-derives the route while later answers survive where it is unchanged.
    Raises :class:`~threshold_guide.engine.routing.AnswerError` for an invalid answer.
    """
    steps: list[Step] = []
    question = document.question(document.start)
    # A validated document is acyclic; the bound protects against one that is not.
    for _ in range(len(document.questions) + 1):
        if question.id not in answers:
            return Route(tuple(steps), None, question)
        selection = normalise(question, answers[question.id])
        target = target_for(question, selection)
        steps.append(Step(question, selection, target))
        if target.outcome is not None:
            return Route(tuple(steps), document.outcome(target.outcome), None)
        question = document.question(target.ref)
    raise ValueError(f"document '{document.id}' has a cycle; run 'threshold-guide validate'")
