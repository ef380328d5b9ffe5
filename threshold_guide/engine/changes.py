"""'What would change the decision': single-answer changes that lead to another outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from threshold_guide.engine.graph import Graph
from threshold_guide.engine.route import Route, agreeing_route
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class Alternative:
    """One answer changed, and where the walk would then go.

    ``outcome`` is set when the other answers already given decide the result. Otherwise
    the walk would stop at ``pending`` (a question not yet answered) and ``possible`` lists
    the outcomes still open from there.
    """

    question: str
    position: int
    given: Selection
    instead: Selection
    added: tuple[str, ...]
    removed: tuple[str, ...]
    outcome: str | None
    pending: str | None
    possible: tuple[str, ...]
    level_change: int

    @property
    def decided(self) -> bool:
        return self.outcome is not None


Variant = tuple[Selection, tuple[str, ...], tuple[str, ...]]
"""Another selection for a question, with the answer ids it adds and removes."""


def _variants(route: Route, index: int) -> list[Variant]:
    step = route.steps[index]
    question = step.question
    if question.type is QuestionType.SINGLE:
        return [(a.id, (a.id,), (str(step.selection),)) for a in question.answers
                if a.id != step.selection and a.routes]
    ticked = set(step.selection)
    variants: list[Variant] = []
    for answer in question.answers:
        if answer.id in ticked:
            changed = [a for a in step.selection if a != answer.id]
            variants.append((changed, (), (answer.id,)))
        else:
            added = [a.id for a in question.answers if a.id in ticked or a.id == answer.id]
            variants.append((added, (answer.id,), ()))
    return variants


def what_would_change(
    document: ThresholdDocument, answers: Mapping[str, Selection], route: Route
) -> list[Alternative]:
    """For a finished route, every single change of answer that leads elsewhere.

    Nearest first: changes that decide a different outcome on the answers already given
    come before those that would need further answers; then the smallest change in outcome
    level; then the change made latest on the route (closest to the decision).
    """
    if route.outcome is None:
        return []
    agreed = frozenset(
        step.question.id for step in route.steps
        if step.suggestion is not None and not step.departed
    )
    current = route.outcome
    graph = Graph.of(document)
    found: list[Alternative] = []
    for index, step in enumerate(route.steps):
        for instead, added, removed in _variants(route, index):
            changed = dict(answers)
            changed[step.question.id] = instead
            new_route = agreeing_route(document, changed, agreed - {step.question.id})
            if new_route.outcome is not None:
                if new_route.outcome.id == current.id:
                    continue
                found.append(
                    Alternative(
                        step.question.id, index, step.selection, instead, added, removed,
                        new_route.outcome.id, None, (new_route.outcome.id,),
                        new_route.outcome.level - current.level,
                    )
                )
                continue
            assert new_route.pending is not None
            possible = sorted(
                graph.outcomes_below.get(new_route.pending.id, frozenset()),
                key=lambda outcome_id: (-document.outcome(outcome_id).level, outcome_id),
            )
            if possible == [current.id]:
                continue
            levels = [
                document.outcome(o).level - current.level for o in possible if o != current.id
            ]
            found.append(
                Alternative(
                    step.question.id, index, step.selection, instead, added, removed,
                    None, new_route.pending.id, tuple(possible),
                    min(levels, key=abs) if levels else 0,
                )
            )
    found.sort(key=lambda alt: (not alt.decided, abs(alt.level_change), -alt.position))
    return found
