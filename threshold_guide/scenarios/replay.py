"""Replay a scenario's model answers against one document version. Pure: no files, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from threshold_guide.engine.changes import what_would_change
from threshold_guide.engine.route import Route, derive_route
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import GivenAnswer, Selection


@dataclass(frozen=True)
class Replay:
    """The model answers of one scenario walked through one document version.

    ``route`` is None when the answers do not fit the document (an unknown question or
    answer); the diagnostics of :mod:`threshold_guide.scenarios.checks` say why.
    """

    scenario: Scenario
    document: ThresholdDocument
    expected: str
    route: Route | None

    @property
    def version(self) -> str:
        return self.document.version

    @property
    def outcome(self) -> str | None:
        if self.route is None or self.route.outcome is None:
            return None
        return self.route.outcome.id

    @property
    def passed(self) -> bool:
        return self.outcome == self.expected


def selections(answers: Mapping[str, GivenAnswer]) -> dict[str, Selection]:
    return {question: given.answer for question, given in answers.items()}


def replay(scenario: Scenario, document: ThresholdDocument, *, route: Route | None) -> Replay:
    return Replay(scenario, document, scenario.expected_for(document.version), route)


def model_route(scenario: Scenario, document: ThresholdDocument) -> Route:
    """The route the model answers take in ``document``. Raises AnswerError if they do not fit."""
    answers = scenario.answers_for(document.version)
    reasons = {q: g.departure_reason for q, g in answers.items() if g.departure_reason}
    return derive_route(document, selections(answers), reasons)


def nearest_fix(item: Replay) -> tuple[str, Selection] | None:
    """The single change of model answer, nearest the decision, that reaches the expected
    outcome on the answers already given; None if no single change does."""
    if item.route is None or item.route.outcome is None:
        return None
    answers = selections(item.scenario.answers_for(item.version))
    for alternative in what_would_change(item.document, answers, item.route):
        if alternative.outcome == item.expected:
            return alternative.question, alternative.instead
    return None
