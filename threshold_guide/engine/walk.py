"""A walk in progress: the answers so far and which question is on screen.

Every method returns a new :class:`Walk`; the old one is untouched, so a front end can
keep history, and tests can compare states.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import normalise
from threshold_guide.models.document import Outcome, Question, ThresholdDocument
from threshold_guide.models.session import Selection


@dataclass(frozen=True)
class Walk:
    """Answers given (on or off the route) and the position of the question on screen.

    ``position`` indexes the route's steps; it equals ``len(route.steps)`` when the walk
    stands at the pending question or at the outcome.
    """

    document: ThresholdDocument
    answers: Mapping[str, Selection] = field(default_factory=dict)
    position: int | None = None
    reasons: Mapping[str, str] | None = None
    """Departure reasons by question id; when given, a departure without one stops the
    route at its judgement question (see :func:`derive_route`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))

    @cached_property
    def route(self) -> Route:
        return derive_route(self.document, self.answers, self.reasons)

    @property
    def index(self) -> int:
        """Where the walk stands, clamped to the route."""
        steps = len(self.route.steps)
        return steps if self.position is None else max(0, min(self.position, steps))

    @property
    def at_end(self) -> bool:
        return self.index == len(self.route.steps)

    @property
    def question(self) -> Question | None:
        """The question on screen, or None when the walk stands at the outcome."""
        route = self.route
        if self.index < len(route.steps):
            return route.steps[self.index].question
        return route.pending

    @property
    def outcome(self) -> Outcome | None:
        """The outcome, once the walk stands at it."""
        return self.route.outcome if self.at_end else None

    @property
    def current_selection(self) -> Selection | None:
        question = self.question
        return None if question is None else self.answers.get(question.id)

    def answer(self, selection: Selection) -> Walk:
        """Answer the question on screen and move to the next one.

        The route is re-derived; answers to later questions are kept, so if the route
        rejoins questions already answered they come back pre-filled.
        """
        question = self.question
        if question is None:
            raise ValueError("the walk has reached its outcome; go back to change an answer")
        answers = dict(self.answers)
        answers[question.id] = normalise(question, selection)
        return Walk(self.document, answers, self.index + 1, self.reasons)

    def back(self) -> Walk:
        """Step back one question; answers are kept."""
        return Walk(self.document, self.answers, max(0, self.index - 1), self.reasons)

    def forward(self) -> Walk:
        """Step forward over a question already answered."""
        if self.index >= len(self.route.steps):
            return self
        return Walk(self.document, self.answers, self.index + 1, self.reasons)

    def go_to(self, question_id: str) -> Walk:
        """Jump to a question on the route, e.g. from the review screen."""
        for index, step in enumerate(self.route.steps):
            if step.question.id == question_id:
                return Walk(self.document, self.answers, index, self.reasons)
        raise KeyError(question_id)

    def to_end(self) -> Walk:
        """Jump to the furthest point the kept answers reach."""
        return Walk(self.document, self.answers, None, self.reasons)
