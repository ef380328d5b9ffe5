"""Replay scenarios and sessions under two versions and say which ones a change affects.

Pure: the cases come in as answers, already read from their files. A scenario is replayed
with the model answers it gives for each version (its ``by_version`` answers where it has
them), so a scenario already written for both versions shows the outcome each gives; a
session is replayed with its own answers under both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import AnswerError
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import Selection, Session
from threshold_guide.versions.diff import destination
from threshold_guide.versions.model import (
    CaseImpact,
    CaseKind,
    CaseStatus,
    DocumentDiff,
    Impact,
    SkippedCase,
    WalkResult,
)


@dataclass(frozen=True)
class Case:
    """Answers to replay under an old and a new version."""

    kind: CaseKind
    id: str
    file: str
    document: str
    """The document id the case was written for."""
    old_answers: Mapping[str, Selection]
    new_answers: Mapping[str, Selection]
    old_reasons: Mapping[str, str] = field(default_factory=dict)
    """Departure reasons recorded with the answers, by question id."""
    new_reasons: Mapping[str, str] = field(default_factory=dict)


def scenario_case(scenario: Scenario, file: Path, old: str, new: str) -> Case:
    """A scenario's model answers for the ``old`` and ``new`` version numbers."""
    def answers(version: str) -> dict[str, Selection]:
        return {q: given.answer for q, given in scenario.answers_for(version).items()}

    def reasons(version: str) -> dict[str, str]:
        return {q: given.departure_reason for q, given in scenario.answers_for(version).items()
                if given.departure_reason}

    return Case("scenario", scenario.id, str(file), scenario.guidance.id,
                answers(old), answers(new), reasons(old), reasons(new))


def session_case(session: Session, file: Path) -> Case:
    answers = session.selections()
    reasons = session.departure_reasons()
    return Case("session", session.session_id, str(file), session.guidance.id, answers, answers,
                reasons, reasons)


@dataclass(frozen=True)
class _Walk:
    result: WalkResult
    route: Route


def walk(document: ThresholdDocument, answers: Mapping[str, Selection],
         reasons: Mapping[str, str] | None = None) -> _Walk:
    """Follow the answers as far as they go; an answer the version does not accept stops
    the walk at its question instead of failing it, and so does an answer that departs from
    the version's suggestion without a recorded reason (the practitioner is asked again)."""
    problem: AnswerError | None = None
    reasons = reasons or {}
    try:
        route = derive_route(document, answers, reasons)
    except AnswerError as error:
        problem = error
        # Without the answer that failed, the route is the same up to its question and
        # stops there, so this cannot fail again.
        route = derive_route(document, {q: s for q, s in answers.items() if q != error.question},
                             reasons)
    pending = route.pending
    asks_again = (pending.id if pending is not None and problem is None
                  and route.pending_suggestion is not None and pending.id in answers else None)
    result = WalkResult(
        outcome=route.outcome.id if route.outcome is not None else None,
        level=route.outcome.level if route.outcome is not None else None,
        stopped_at=pending.id if pending is not None else None,
        not_accepted=str(problem) if problem is not None else None,
        route=route.question_ids,
        departures=[step.question.id for step in route.departures],
        asks_again=asks_again,
    )
    return _Walk(result, route)


def divergence(old: Route, new: Route) -> str | None:
    """The question where two routes part: where an answer differs or leads elsewhere, or
    where one route stops while the other goes on."""
    for before, after in zip(old.steps, new.steps, strict=False):
        if (before.question.id != after.question.id or before.selection != after.selection
                or destination(before.target) != destination(after.target)):
            return before.question.id
    if len(old.steps) < len(new.steps):
        return new.steps[len(old.steps)].question.id
    if len(new.steps) < len(old.steps):
        return old.steps[len(new.steps)].question.id
    return None


def _status(old: WalkResult, new: WalkResult, parted: bool) -> CaseStatus:
    if old == new:
        return "route-changed" if parted else "unchanged"
    if new.not_accepted is not None and new.not_accepted != old.not_accepted:
        return "answer-not-accepted"
    if new.asks_again is not None and new.asks_again != old.asks_again:
        return "asks-again"
    if old.outcome == new.outcome:
        return "route-changed"
    if new.outcome is None:
        return "stops-early" if old.outcome is not None else "route-changed"
    return "outcome-changed"


def replay_case(case: Case, old: ThresholdDocument, new: ThresholdDocument,
                reasked: set[str]) -> CaseImpact:
    """One case under both versions; ``reasked`` are the questions whose answers fall."""
    before = walk(old, case.old_answers, case.old_reasons)
    after = walk(new, case.new_answers, case.new_reasons)
    parted = divergence(before.route, after.route)
    return CaseImpact(
        kind=case.kind, id=case.id, file=case.file,
        status=_status(before.result, after.result, parted is not None),
        old=before.result, new=after.result,
        diverges_at=parted,
        reasked=[q for q in before.result.route if q in reasked],
    )


def impact(cases: Sequence[Case], old: ThresholdDocument, new: ThresholdDocument,
           diff: DocumentDiff) -> Impact:
    """Replay every case written for either document; skip the others, saying why."""
    replayed: list[CaseImpact] = []
    skipped: list[SkippedCase] = []
    reasked = diff.reasked()
    for case in cases:
        if case.document in (old.id, new.id):
            replayed.append(replay_case(case, old, new, reasked))
        else:
            skipped.append(SkippedCase(kind=case.kind, id=case.id, file=case.file,
                                       reason=f"written for document '{case.document}'"))
    return Impact(cases=replayed, skipped=skipped)
