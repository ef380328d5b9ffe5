"""Derive the route a set of answers takes through a document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from threshold_guide.engine.decisions import RuleHit, decide, suggest
from threshold_guide.engine.routing import normalise, target_for
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Outcome, Question, Target, ThresholdDocument
from threshold_guide.models.rules import DecisionPoint
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class Step:
    """One answered question on the route.

    ``suggestion`` is set on a judgement question: the answer the earlier answers point to
    and the rule that picked it. The step *departs* when another answer was chosen.
    """

    question: Question
    selection: Selection
    target: Target
    suggestion: RuleHit | None = None

    @property
    def departed(self) -> bool:
        return self.suggestion is not None and self.selection != self.suggestion.target


@dataclass(frozen=True)
class DecisionStep:
    """A decision point the route passed through, after ``after`` answered steps."""

    point: DecisionPoint
    hit: RuleHit
    after: int


@dataclass(frozen=True)
class Route:
    """The questions answered from the start, and where the walk stands after them.

    Exactly one of ``outcome`` (the walk is finished) and ``pending`` (the next question
    to answer) is set. ``decisions`` are the decision points passed on the way. When
    ``pending`` is a judgement question, ``pending_suggestion`` is what it suggests.
    """

    steps: tuple[Step, ...]
    outcome: Outcome | None
    pending: Question | None
    decisions: tuple[DecisionStep, ...] = ()
    pending_suggestion: RuleHit | None = None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def question_ids(self) -> list[str]:
        return [step.question.id for step in self.steps]

    def selections(self) -> dict[str, Selection]:
        return {step.question.id: step.selection for step in self.steps}

    @property
    def departures(self) -> list[Step]:
        return [step for step in self.steps if step.departed]


def derive_route(
    document: ThresholdDocument,
    answers: Mapping[str, Selection],
    reasons: Mapping[str, str] | None = None,
) -> Route:
    """Follow ``answers`` from the start until an outcome or an unanswered question.

    Answers to questions off the route are ignored (and kept by callers), so changing an
    earlier answer re-derives the route while later answers survive where it is unchanged.
    Decision points are passed through by their rules. With ``reasons`` (question id to
    the practitioner's reason), a judgement answer that departs from its suggestion without
    a reason is not taken: the walk stops there to ask again. This is how a changed earlier
    answer that changes a suggestion sends the practitioner back to confirm or explain.
    Raises :class:`~threshold_guide.engine.routing.AnswerError` for an invalid answer and
    :class:`~threshold_guide.engine.decisions.RuleError` for a rule an unvalidated document
    cannot apply.
    """
    steps: list[Step] = []
    decisions: list[DecisionStep] = []
    on_route: dict[str, Selection] = {}
    node = document.start
    # A validated document is acyclic; the bound protects against one that is not.
    for _hop in range(len(document.questions) + len(document.decision_points) + 1):
        if document.is_decision_point(node):
            point = document.decision_point(node)
            hit = decide(point, on_route)
            decisions.append(DecisionStep(point, hit, len(steps)))
            if hit.outcome:
                return Route(tuple(steps), document.outcome(hit.target), None, tuple(decisions))
            node = hit.target
            continue
        question = document.question(node)
        suggestion = suggest(question, on_route)
        if question.id not in answers:
            return Route(tuple(steps), None, question, tuple(decisions), suggestion)
        selection = normalise(question, answers[question.id])
        if (
            reasons is not None
            and suggestion is not None
            and selection != suggestion.target
            and not (reasons.get(question.id) or "").strip()
        ):
            return Route(tuple(steps), None, question, tuple(decisions), suggestion)
        target = target_for(question, selection)
        steps.append(Step(question, selection, target, suggestion))
        on_route[question.id] = selection
        if target.outcome is not None:
            return Route(tuple(steps), document.outcome(target.outcome), None, tuple(decisions))
        node = target.ref
    raise ValueError(_("document '{document}' has a cycle; run 'threshold-guide validate'")
                     .format(document=document.id))


def agreeing_route(
    document: ThresholdDocument, answers: dict[str, Selection], agreed: frozenset[str]
) -> Route:
    """The route when the practitioner keeps agreeing wherever they agreed before.

    Without this, a changed factor answer would only change a suggestion, never the
    outcome, and 'what would change' would miss the rules that decide.
    """
    route = derive_route(document, answers)
    for _round in range(len(agreed) + 1):
        moved = False
        for step in route.steps:
            if step.question.id in agreed and step.departed and step.suggestion is not None:
                answers[step.question.id] = step.suggestion.target
                moved = True
        if not moved:
            return route
        route = derive_route(document, answers)
    return route
