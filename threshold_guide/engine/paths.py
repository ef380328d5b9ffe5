"""Enumerate every route from the start question to an outcome."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from threshold_guide.engine.witnesses import route_witnesses
from threshold_guide.models.document import Question, QuestionType, Target, ThresholdDocument
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class Choice:
    """One way to answer a question, and where it leads."""

    selection: Selection
    target: Target


def choices(question: Question) -> list[Choice]:
    """The distinct ways forward from a question: one per answer, or one per reachable route."""
    if question.type is QuestionType.SINGLE:
        return [Choice(answer.id, answer) for answer in question.answers if answer.routes]
    order = [answer.id for answer in question.answers]
    found: list[Choice] = []
    for route, witness in zip(question.routes, route_witnesses(question), strict=True):
        if witness is not None:
            found.append(Choice([a for a in order if a in witness], route))
    return found


@dataclass(frozen=True)
class FullRoute:
    """A complete route: the answers that lead from the start to ``outcome``."""

    outcome: str
    answers: dict[str, Selection]


def all_routes(document: ThresholdDocument) -> Iterator[FullRoute]:
    """Every route, depth-first in document order. Lazy: a DAG can have very many."""
    cache: dict[str, list[Choice]] = {}

    def options(question_id: str) -> list[Choice]:
        if question_id not in cache:
            cache[question_id] = choices(document.question(question_id))
        return cache[question_id]

    path: list[tuple[str, Selection]] = []
    frames = [iter(options(document.start))]
    current = [document.start]
    while frames:
        choice = next(frames[-1], None)
        if choice is None:
            frames.pop()
            current.pop()
            if path:
                path.pop()
            continue
        question_id = current[-1]
        if choice.target.outcome is not None:
            yield FullRoute(choice.target.outcome, dict([*path, (question_id, choice.selection)]))
            continue
        path.append((question_id, choice.selection))
        current.append(choice.target.ref)
        frames.append(iter(options(choice.target.ref)))
