"""Each child's walk in a household case: shared answers, then the child's own.

A document marks the questions answered once for the whole household with ``scope:
household``. A child's walk is the ordinary walk of the document over the shared answers
with the child's own laid on top (a child's own answer wins where it differs), so every
rule, suggestion and floor applies to each child exactly as to a one-child session. The
household part of the walk is the route over the shared answers alone, up to the first
question about a child.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.models.document import Question, Scope, ThresholdDocument
from threshold_guide.models.household import ChildCase, Household
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Session


def household_question_ids(document: ThresholdDocument) -> frozenset[str]:
    """Ids of the questions answered once for the whole household."""
    return frozenset(q.id for q in document.questions if q.scope == Scope.HOUSEHOLD)


def is_household_question(question: Question) -> bool:
    return question.scope == Scope.HOUSEHOLD


def child_answers(household: Household, case: ChildCase) -> dict[str, GivenAnswer]:
    """The answers of one child's walk: the shared answers, the child's own on top."""
    return {**household.shared, **case.answers}


def _reasons(answers: dict[str, GivenAnswer]) -> dict[str, str]:
    return {q: given.departure_reason for q, given in answers.items() if given.departure_reason}


def shared_route(document: ThresholdDocument, household: Household) -> Route:
    """The route over the shared answers alone: the household part of every child's walk."""
    answers = {q: given.answer for q, given in household.shared.items()}
    return derive_route(document, answers, _reasons(household.shared))


def household_pending(document: ThresholdDocument, household: Household) -> Question | None:
    """The next household-level question to answer, or None when the household part is done
    (the walk has reached a question about a child, or an outcome for every child)."""
    route = shared_route(document, household)
    if route.pending is not None and is_household_question(route.pending):
        return route.pending
    return None


def child_route(document: ThresholdDocument, household: Household, case: ChildCase) -> Route:
    """One child's route: their decision when it reaches an outcome."""
    answers = child_answers(household, case)
    return derive_route(document, {q: g.answer for q, g in answers.items()}, _reasons(answers))


@dataclass(frozen=True)
class Pinned:
    """The document a household is walked against, and the hash of its content."""

    document: ThresholdDocument
    sha256: str


def child_session(pinned: Pinned, household: Household, case: ChildCase,
                  at: dt.datetime) -> Session:
    """One child's walk as an ordinary session, for the summary, explanations and dates.

    Every answer without a time is stamped with the conference time, so the dated steps of
    the child's decision count from the conference, and the same file gives the same papers.
    """
    held = household.held_at or at
    answers = {
        q: given if given.answered_at is not None else given.model_copy(
            update={"answered_at": held})
        for q, given in child_answers(household, case).items()
    }
    document = pinned.document
    voice: dict[str, str] = {}
    prompts = {prompt.id for prompt in document.child_voice}
    if case.voice.said.strip() and "own-words" in prompts:
        voice["own-words"] = case.voice.said
    if case.voice.wishes.strip() and "wishes" in prompts:
        voice["wishes"] = case.voice.wishes
    reference = f"{household.reference} {case.child}".strip()
    return Session(
        session_id=(household.household_id or "household")[:48] + "-"
        + "".join(ch for ch in case.child.lower() if ch.isalnum())[:15],
        reference=reference,
        guidance=household.guidance or GuidanceRef(
            id=document.id, version=document.version, sha256=pinned.sha256),
        role=household.chair,
        agency="conference",
        answers=answers,
        child_voice=voice,
        created_at=household.created_at or held,
        updated_at=household.updated_at or held,
    )
