"""Enumerate every route from the start question to an outcome."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from threshold_guide.engine.answer_classes import Checklist, abstract_answers, checklists
from threshold_guide.engine.decisions import decide, suggest
from threshold_guide.engine.witnesses import route_witnesses
from threshold_guide.models.document import Question, QuestionType, Target, ThresholdDocument
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class _Destination:
    ref: str
    is_outcome: bool

    @property
    def next(self) -> str | None:
        return None if self.is_outcome else self.ref

    @property
    def outcome(self) -> str | None:
        return self.ref if self.is_outcome else None


@dataclass(frozen=True)
class Choice:
    """One way to answer a question, and where it leads."""

    selection: Selection
    target: Target | _Destination


def rule_tests(document: ThresholdDocument) -> dict[str, Checklist]:
    """For each checklist that decision rules or floors test, the tests made on it."""
    return {qid: tests for qid, tests in checklists(document).items() if tests.atoms}


def choices(question: Question, tests: Checklist | None = None) -> list[Choice]:
    """The distinct ways forward from a question: one per answer, or one per reachable route.

    A checklist that rules test has one way forward per distinct result of those tests
    and route taken, so that every rule a route could meet is listed.
    """
    if tests is not None:
        return [
            Choice(option.selection, _Destination(option.target, option.to_outcome))
            for option in abstract_answers(question, tests)
        ]
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
    """A complete route: the answers that lead from the start to ``outcome``.

    ``departures`` names the judgement questions whose answer on this route departs from
    what the earlier answers suggest (each needs a recorded reason in a real walk).
    """

    outcome: str
    answers: dict[str, Selection]
    departures: tuple[str, ...] = ()


@dataclass
class _Frame:
    node: str
    options: Iterator[Choice]
    departed: bool


def all_routes(document: ThresholdDocument) -> Iterator[FullRoute]:
    """Every route, depth-first in document order. Lazy: a DAG can have very many.

    Decision points are passed through by their rules on the answers of the route so far,
    and every answer of a judgement question is a route of its own: agreeing with the
    suggestion, or departing from it.
    """
    cache: dict[str, list[Choice]] = {}
    tests = rule_tests(document)

    def options(question_id: str) -> list[Choice]:
        if question_id not in cache:
            cache[question_id] = choices(document.question(question_id), tests.get(question_id))
        return cache[question_id]

    path: dict[str, Selection] = {}
    departures: list[str] = []

    def enter(node: str) -> _Frame | FullRoute:
        # Decision points ask nothing: follow their rules until a question or an outcome.
        while document.is_decision_point(node):
            hit = decide(document.decision_point(node), path)
            if hit.outcome:
                return FullRoute(hit.target, dict(path), tuple(departures))
            node = hit.target
        return _Frame(node, iter(options(node)), False)

    first = enter(document.start)
    if isinstance(first, FullRoute):
        yield first
        return
    frames = [first]
    while frames:
        frame = frames[-1]
        # Undo the previous choice made at this frame before trying the next one.
        path.pop(frame.node, None)
        if frame.departed:
            departures.pop()
            frame.departed = False
        choice = next(frame.options, None)
        if choice is None:
            frames.pop()
            continue
        suggestion = suggest(document.question(frame.node), path)
        path[frame.node] = choice.selection
        if suggestion is not None and choice.selection != suggestion.target:
            departures.append(frame.node)
            frame.departed = True
        if choice.target.outcome is not None:
            yield FullRoute(choice.target.outcome, dict(path), tuple(departures))
            continue
        following = enter(choice.target.ref)
        if isinstance(following, FullRoute):
            yield following
            continue
        frames.append(following)
