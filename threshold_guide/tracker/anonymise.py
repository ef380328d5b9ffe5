"""Turn one finished session into an anonymised tracker record (pure: no files)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, local
from threshold_guide.engine.decisions import floor_checks
from threshold_guide.engine.route import Route, agreeing_route, derive_route
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.follow_through import ResponseOutcome
from threshold_guide.models.session import Session
from threshold_guide.models.text import render
from threshold_guide.models.tracker import (
    AgencyCategory,
    Direction,
    RoleCategory,
    TrackerRecord,
)


class NotExportable(ValueError):
    """A session that gives no record (not finished, or its answers no longer fit)."""


# Keyword tables, first match wins: the agency and role are typed freely in the app, and
# only the category may leave the practitioner's machine.
_AGENCIES: list[tuple[AgencyCategory, re.Pattern[str]]] = [
    (AgencyCategory.POLICE, re.compile(r"\bpolice|\bheddlu|\bconstab", re.I)),
    (AgencyCategory.SOCIAL_SERVICES, re.compile(
        r"social|children'?s services|local authority|front door|\bmash\b|\biaa\b|"
        r"gwasanaethau cymdeithasol", re.I)),
    (AgencyCategory.HEALTH, re.compile(
        r"health|\bnhs\b|\bgp\b|nurs|midwi|hospital|doctor|paediatric|pediatric|\bcamhs\b|"
        r"iechyd", re.I)),
    (AgencyCategory.EDUCATION, re.compile(
        r"school|educat|college|nursery|early years|academy|ysgol|addysg", re.I)),
]
_ROLES: list[tuple[RoleCategory, re.Pattern[str]]] = [
    (RoleCategory.CONFERENCE_CHAIR, re.compile(r"chair|independent reviewing|\biro\b", re.I)),
    (RoleCategory.DESIGNATED_SAFEGUARDING_PERSON, re.compile(
        r"designated|\bdsp\b|\bdsl\b|safeguarding lead|named (nurse|doctor|person)", re.I)),
    (RoleCategory.MANAGER, re.compile(r"manager|head ?teacher|\bhead\b|supervisor|sergeant",
                                      re.I)),
    (RoleCategory.PRACTITIONER, re.compile(
        r"teacher|nurse|worker|officer|visitor|midwife|doctor|practitioner|assistant|"
        r"constable|clinician|therapist|paediatrician", re.I)),
]
_UNCERTAIN = re.compile(
    r"not[ -]sure|unsure|not[ -](yet[ -])?known|unknown|don'?t know|do not know|cannot tell",
    re.I,
)


def agency_category(agency: str) -> AgencyCategory:
    if not agency.strip():
        return AgencyCategory.UNKNOWN
    for category, pattern in _AGENCIES:
        if pattern.search(agency):
            return category
    return AgencyCategory.OTHER


def role_category(role: str) -> RoleCategory:
    if not role.strip():
        return RoleCategory.UNKNOWN
    for category, pattern in _ROLES:
        if pattern.search(role):
            return category
    return RoleCategory.OTHER


def record_id(key: bytes, session_id: str) -> str:
    """A keyed hash: stable for re-imports, and not reversible to the session id."""
    return hmac.new(key, session_id.encode(), hashlib.sha256).hexdigest()[:32]


def iso_week(moment: dt.datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _direction(chosen: int, compared: int) -> Direction:
    if chosen < compared:
        return Direction.LOWER
    if chosen > compared:
        return Direction.HIGHER
    return Direction.SAME_LEVEL


def _uncertain(route: Route) -> list[str]:
    found: list[str] = []
    for step in route.steps:
        picked = [step.selection] if isinstance(step.selection, str) else step.selection
        for answer in step.question.answers:
            if answer.id in picked and (
                _UNCERTAIN.search(answer.id.replace("-", " "))
                or _UNCERTAIN.search(render(answer.label))
            ):
                found.append(step.question.id)
                break
    return found


def _response(session: Session, decided: dt.datetime) -> tuple[str | None, int | None]:
    """The latest response's category, and working days from the decision to the first."""
    follow = session.follow_through
    real = [r for r in (follow.responses if follow else [])
            if r.outcome is not ResponseOutcome.NONE]
    if not real:
        return None, None
    first = min(real, key=lambda r: r.at)
    latest = max(real, key=lambda r: r.at)
    days = ENGLAND_AND_WALES.working_days_between(local(decided).date(), local(first.at).date())
    return latest.outcome.value, max(days, 0)


def decision_time(session: Session, route: Route) -> dt.datetime:
    """When the outcome was reached: the last change of an answer on the route."""
    times = [
        given.answered_at for step in route.steps
        if (given := session.answers.get(step.question.id)) and given.answered_at
    ]
    return max(times) if times else session.updated_at


def anonymise(document: ThresholdDocument, session: Session, key: bytes) -> TrackerRecord:
    """The record a board may receive for one finished session. Raises NotExportable."""
    try:
        route = derive_route(document, session.selections(), session.departure_reasons())
    except (ValueError, KeyError) as problem:
        raise NotExportable(_("its answers no longer fit the document: {problem}").format(
            problem=problem)) from None
    if route.outcome is None:
        raise NotExportable(_("the walk has not reached an outcome"))
    reached = route.outcome
    suggested = reached
    if route.departures:
        answers = session.selections()
        for step in route.departures:
            assert step.suggestion is not None
            answers[step.question.id] = step.suggestion.target
        agreed = frozenset(s.question.id for s in route.steps if s.suggestion is not None)
        suggested = agreeing_route(document, answers, agreed).outcome or reached
    chosen = reached
    override = Direction.NONE
    if session.override is not None:
        chosen = document.outcome(session.override.outcome)
        override = _direction(chosen.level, reached.level)
    checks = floor_checks(document, session.selections(), reached)
    response, days = _response(session, decision_time(session, route))
    decided = decision_time(session, route)
    hours = int(max((decided - session.created_at).total_seconds(), 0) // 3600)
    return TrackerRecord(
        record_id=record_id(key, session.session_id),
        document_id=document.id,
        document_version=document.version,
        decision=document.decision,
        agency=agency_category(session.agency),
        role=role_category(session.role),
        week=iso_week(decided),
        ticked={
            step.question.id: list(step.selection)
            for step in route.steps
            if step.question.type is QuestionType.MULTIPLE and isinstance(step.selection, list)
        },
        guidance_outcome=reached.id,
        suggested_outcome=suggested.id,
        chosen_outcome=chosen.id,
        chosen_level=chosen.level,
        test_met=chosen.test_met,
        departures=[step.question.id for step in route.departures],
        departure=(_direction(reached.level, suggested.level) if route.departures
                   else Direction.NONE),
        override=override,
        floors=[check.floor.id for check in checks],
        floors_met=all(chosen.level >= check.minimum.level for check in checks),
        uncertain=_uncertain(route),
        response=response,
        escalated=bool(session.follow_through and session.follow_through.escalation),
        hours_to_decision=hours,
        working_days_to_response=days,
    )
