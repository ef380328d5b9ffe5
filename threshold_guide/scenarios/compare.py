"""A participant's route against a scenario's model answer, question by question.

This is the whole of exercise mode's feedback screen as data: for each question on
either route, what the participant answered, what the model answer is, the guidance's
own reasoning for both, and the scenario's note on why the model answer fits the case.
Pure: the same document, scenario and answers give the same comparison.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from threshold_guide.engine.route import Route, Step, derive_route
from threshold_guide.models.document import Outcome, Question, ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render
from threshold_guide.scenarios.replay import model_route


class Match(StrEnum):
    """How one question compares with the model answer."""

    SAME = "same"
    """Both routes pass the question and the answers are the same."""
    DIFFERENT = "different"
    """Both routes pass the question; the answers differ."""
    ONLY_PARTICIPANT = "only-participant"
    """The participant's route passes a question the model route does not."""
    ONLY_MODEL = "only-model"
    """The model route passes a question the participant did not reach."""


@dataclass(frozen=True)
class QuestionComparison:
    """One question: the participant's answer beside the model answer, with reasons."""

    question: str
    prompt: str
    given: Selection | None
    given_labels: tuple[str, ...]
    given_rationale: tuple[str, ...]
    model: Selection | None
    model_labels: tuple[str, ...]
    model_rationale: tuple[str, ...]
    why: str | None
    """The scenario's explanation of the model answer, if it gives one."""

    @property
    def match(self) -> Match:
        if self.given is None:
            return Match.ONLY_MODEL
        if self.model is None:
            return Match.ONLY_PARTICIPANT
        return Match.SAME if self.given == self.model else Match.DIFFERENT


@dataclass(frozen=True)
class RouteComparison:
    """A whole route against the model route."""

    rows: tuple[QuestionComparison, ...]
    outcome: Outcome | None
    """The participant's outcome; None when their walk is not finished."""
    model_outcome: Outcome
    learning_points: tuple[str, ...]

    @property
    def outcome_matches(self) -> bool:
        return self.outcome is not None and self.outcome.id == self.model_outcome.id

    @property
    def level_difference(self) -> int | None:
        """Participant's level minus the model's: above 0 means a more urgent outcome."""
        return None if self.outcome is None else self.outcome.level - self.model_outcome.level

    @property
    def first_difference(self) -> QuestionComparison | None:
        return next((row for row in self.rows if row.match is not Match.SAME), None)

    @property
    def model_questions(self) -> int:
        return sum(1 for row in self.rows if row.model is not None)

    @property
    def matched(self) -> int:
        return sum(1 for row in self.rows if row.match is Match.SAME)


def _merge(first: list[str], second: list[str]) -> list[str]:
    """Both routes' questions in one order that respects each route's own order.

    Both are paths through an acyclic graph from the same start, so questions they share
    come in the same order on both; the others are placed between the shared ones.
    """
    shared = set(first) & set(second)
    merged: list[str] = []
    i = j = 0
    while i < len(first) or j < len(second):
        while i < len(first) and first[i] not in shared:
            merged.append(first[i])
            i += 1
        while j < len(second) and second[j] not in shared:
            merged.append(second[j])
            j += 1
        if i < len(first) and j < len(second):
            merged.append(first[i])
            i += 1
            j += 1
    return merged


def _texts(question: Question, selection: Selection | None, language: str,
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if selection is None:
        return (), ()
    chosen = [selection] if isinstance(selection, str) else selection
    picked = [answer for answer in question.answers if answer.id in chosen]
    return (tuple(render(a.label, language) for a in picked),
            tuple(render(a.rationale, language) for a in picked))


def compare_routes(
    document: ThresholdDocument,
    scenario: Scenario,
    route: Route,
    model: Route,
    language: str = "en",
) -> RouteComparison:
    """Compare two routes already derived in ``document``."""
    if model.outcome is None:
        raise ValueError(
            f"the model answers of scenario '{scenario.id}' do not reach an outcome in "
            f"{document.id} {document.version}; run 'threshold-guide scenarios check'"
        )
    given: dict[str, Step] = {step.question.id: step for step in route.steps}
    expected: dict[str, Step] = {step.question.id: step for step in model.steps}
    rows: list[QuestionComparison] = []
    for question_id in _merge(route.question_ids, model.question_ids):
        question = document.question(question_id)
        mine = given[question_id].selection if question_id in given else None
        theirs = expected[question_id].selection if question_id in expected else None
        given_labels, given_rationale = _texts(question, mine, language)
        model_labels, model_rationale = _texts(question, theirs, language)
        why = scenario.why.get(question_id)
        rows.append(QuestionComparison(
            question=question_id,
            prompt=render(question.prompt, language),
            given=mine,
            given_labels=given_labels,
            given_rationale=given_rationale,
            model=theirs,
            model_labels=model_labels,
            model_rationale=model_rationale,
            why=render(why, language) if why is not None else None,
        ))
    return RouteComparison(
        rows=tuple(rows),
        outcome=route.outcome,
        model_outcome=model.outcome,
        learning_points=tuple(render(point, language) for point in scenario.learning_points),
    )


def compare_to_model(
    document: ThresholdDocument,
    scenario: Scenario,
    answers: Mapping[str, Selection],
    language: str = "en",
) -> RouteComparison:
    """A participant's answers (e.g. ``session.selections()``) against the model answer.

    Raises :class:`~threshold_guide.engine.routing.AnswerError` if the participant's
    answers do not fit the document, and ``ValueError`` if the scenario's own model
    answers do not reach an outcome in it (``scenarios check`` reports that first).
    """
    return compare_routes(document, scenario, derive_route(document, answers),
                          model_route(scenario, document), language)
