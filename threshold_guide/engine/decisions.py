"""Apply a document's decision rules: decision points, suggestions and floors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from threshold_guide.engine.conditions import Leaf, Unanswered, concrete_leaf, evaluate
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Outcome, Question, ThresholdDocument
from threshold_guide.models.rules import Condition, DecisionPoint, Floor
from threshold_guide.models.session import Selection
from threshold_guide.models.text import Text


class RuleError(ValueError):
    """A rule read a question not answered on the route: the document needs fixing.

    The validator proves this cannot happen in a valid document (E404), so meeting it
    means the document was not validated. ``str()`` is a complete user message.
    """

    def __init__(self, node: str, question: str) -> None:
        super().__init__(
            _("'{node}': a rule reads question '{question}', which was not answered on this "
              "route; run 'threshold-guide validate' on the document").format(
                  node=node, question=question)
        )
        self.node = node
        self.question = question


@dataclass(frozen=True)
class RuleHit:
    """Which rule of a decision point or suggestion decided, and why.

    ``rule`` is the rule's index, or None when the fallback (``otherwise``) decided.
    ``target`` is the id it leads to: a question, decision point or outcome for a decision
    point; an answer id for a suggestion.
    """

    rule: int | None
    target: str
    outcome: bool
    rationale: Text


def first_rule(point: DecisionPoint, leaf: Leaf) -> RuleHit:
    """The first rule of ``point`` whose condition holds, else its fallback."""
    for index, rule in enumerate(point.rules):
        if evaluate(rule.when, leaf):
            return RuleHit(index, rule.ref, rule.outcome is not None, rule.rationale)
    fallback = point.otherwise
    if fallback is None:
        raise ValueError(f"decision point '{point.id}' has no 'otherwise'")
    return RuleHit(None, fallback.ref, fallback.outcome is not None, fallback.rationale)


def first_suggestion(question: Question, leaf: Leaf) -> RuleHit | None:
    """The answer the earlier answers point to, or None for a question without one."""
    suggestion = question.suggest
    if suggestion is None:
        return None
    for index, rule in enumerate(suggestion.rules):
        if evaluate(rule.when, leaf):
            return RuleHit(index, rule.answer, False, rule.rationale)
    fallback = suggestion.otherwise
    if fallback is None:
        raise ValueError(f"question '{question.id}' has a suggestion with no 'otherwise'")
    return RuleHit(None, fallback.answer, False, fallback.rationale)


def decide(point: DecisionPoint, answers: Mapping[str, Selection]) -> RuleHit:
    """Where a decision point leads on these answers. Raises :class:`RuleError`."""
    try:
        return first_rule(point, concrete_leaf(answers))
    except Unanswered as missing:
        raise RuleError(point.id, missing.question) from None


def suggest(question: Question, answers: Mapping[str, Selection]) -> RuleHit | None:
    """The suggested answer of a judgement question. Raises :class:`RuleError`."""
    try:
        return first_suggestion(question, concrete_leaf(answers))
    except Unanswered as missing:
        raise RuleError(question.id, missing.question) from None


def floor_applies(floor: Floor, answers: Mapping[str, Selection]) -> bool:
    """Whether a floor's condition holds; a test on a question not asked does not hold."""
    leaf = concrete_leaf(answers)

    def lenient(test: Condition) -> bool:
        try:
            return leaf(test)
        except Unanswered:
            return False

    return evaluate(floor.when, lenient)


@dataclass(frozen=True)
class FloorCheck:
    """A floor that applies on a route, and whether the outcome reached meets it."""

    floor: Floor
    minimum: Outcome
    met: bool


def floor_checks(
    document: ThresholdDocument, answers: Mapping[str, Selection], outcome: Outcome
) -> list[FloorCheck]:
    """Every floor whose condition holds on these answers, in document order."""
    found: list[FloorCheck] = []
    for floor in document.floors:
        if floor_applies(floor, answers):
            minimum = document.outcome(floor.minimum)
            found.append(FloorCheck(floor, minimum, outcome.level >= minimum.level))
    return found


def rule_conditions(document: ThresholdDocument) -> list[Condition]:
    """Every condition of the document's decision points, suggestions and floors."""
    found = [rule.when for point in document.decision_points for rule in point.rules]
    found += [
        rule.when for question in document.questions if question.suggest
        for rule in question.suggest.rules
    ]
    return found + [floor.when for floor in document.floors]
