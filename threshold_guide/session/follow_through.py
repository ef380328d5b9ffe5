"""Pure operations on a finished session after the decision: mark a dated step done, record
the response from social services, and record the professional differences route.

Each returns a new session (with the change in its history) or raises
:class:`FollowThroughError`, whose ``str()`` is a message for the user. The app, plain mode
and the CLI all go through these, so the rules are the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from pydantic import ValidationError

from threshold_guide.deadlines.schedule import acted_on
from threshold_guide.deadlines.working_days import due_text
from threshold_guide.engine.route import derive_route
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.follow_through import (
    ESCALATION_LABELS,
    RESPONSE_LABELS,
    Escalation,
    EscalationLevel,
    EscalationStep,
    FollowThrough,
    Response,
    ResponseOutcome,
)
from threshold_guide.models.session import HistoryEvent, Session
from threshold_guide.validation.diagnostics import did_you_mean


class FollowThroughError(ValueError):
    """A change that cannot be recorded. ``str()`` says why and what to do."""


def _record(session: Session) -> FollowThrough:
    return session.follow_through or FollowThrough()


def _changed(session: Session, record: FollowThrough, event: str, now: dt.datetime) -> Session:
    history = [*session.history, HistoryEvent(at=now, event=event)]
    return session.model_copy(
        update={"follow_through": record, "history": history, "updated_at": now})


Model = TypeVar("Model")


def _build(kind: type[Model], **fields: object) -> Model:
    try:
        return kind(**fields)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise FollowThroughError(f"{where}: {problem['msg']}") from None


def _finished(document: ThresholdDocument, session: Session) -> None:
    route = derive_route(document, session.selections())
    if route.outcome is None:
        raise FollowThroughError(
            _("the walk has not reached an outcome yet: finish it before recording what "
              "happened after the decision"))


def step_ids(document: ThresholdDocument, session: Session) -> list[str]:
    """The ids of the dated steps of the outcome the session acts on."""
    route = derive_route(document, session.selections())
    outcome = acted_on(document, session, route)
    return [] if outcome is None else [d.id for d in outcome.deadlines]


def mark_done(document: ThresholdDocument, session: Session, step: str, at: dt.datetime,
              now: dt.datetime) -> Session:
    """Record that dated step ``step`` was done at ``at``."""
    _finished(document, session)
    known = step_ids(document, session)
    if step not in known:
        hint = did_you_mean(step, known) or (
            _("its steps: {steps}").format(steps=", ".join(known)) if known
            else _("its outcome has no dated steps"))
        raise FollowThroughError(
            _("'{step}' is not a dated step of this session's outcome; {hint}").format(
                step=step, hint=hint))
    record = _record(session)
    record = record.model_copy(update={"done": {**record.done, step: at}})
    return _changed(session, record, f"Step '{step}' done {due_text(at)}", now)


def record_response(document: ThresholdDocument, session: Session, outcome: ResponseOutcome,
                    reason: str, at: dt.datetime, now: dt.datetime, by: str = "") -> Session:
    """Record what came back from social services (or that nothing has come back)."""
    _finished(document, session)
    response = _build(Response, outcome=outcome, reason=reason.strip(), at=at, by=by.strip())
    record = _record(session)
    record = record.model_copy(update={"responses": [*record.responses, response]})
    return _changed(session, record,
                    f"Response recorded: {RESPONSE_LABELS[outcome]} ({due_text(at)})", now)


def start_escalation(document: ThresholdDocument, session: Session, disagreement: str,
                     at: dt.datetime, now: dt.datetime) -> Session:
    """Record that the practitioner disagrees with the response, starting the route."""
    _finished(document, session)
    record = _record(session)
    if record.escalation is not None:
        raise FollowThroughError(
            _("an escalation was already started {when}; record its next step "
              "instead").format(when=due_text(record.escalation.started_at)))
    if not disagreement.strip():
        raise FollowThroughError(_("say why you disagree with the response"))
    escalation = _build(Escalation, started_at=at, disagreement=disagreement.strip())
    return _changed(session, record.model_copy(update={"escalation": escalation}),
                    f"Disagreement with the response recorded ({due_text(at)})", now)


def next_level(session: Session) -> EscalationLevel | None:
    """The step of the route that comes next; None when not started, resolved or done."""
    escalation = _record(session).escalation
    if escalation is None or escalation.resolved:
        return None
    if not escalation.steps:
        return EscalationLevel.LINE_MANAGER
    route = list(EscalationLevel)
    index = route.index(escalation.steps[-1].level) + 1
    return route[index] if index < len(route) else None


def add_escalation_step(session: Session, level: EscalationLevel | None, contacted: str,
                        said: str, resolved: bool, at: dt.datetime,
                        now: dt.datetime) -> Session:
    """Record one dated step of the route: who was contacted, what they said, and whether
    that resolved it. ``level`` None means the next step of the route."""
    record = _record(session)
    escalation = record.escalation
    if escalation is None:
        raise FollowThroughError(_("record that you disagree with the response first"))
    if escalation.resolved:
        raise FollowThroughError(_("the difference was already recorded as resolved"))
    chosen = level or next_level(session) or EscalationLevel.BOARD
    if not contacted.strip():
        raise FollowThroughError(
            _("say who was contacted (role and team, never a child's name)"))
    step = _build(EscalationStep, level=chosen, at=at, contacted=contacted.strip(),
                  said=said.strip(), resolved=resolved)
    updated = escalation.model_copy(update={"steps": [*escalation.steps, step]})
    outcome = "resolved" if resolved else "not resolved"
    return _changed(session, record.model_copy(update={"escalation": updated}),
                    f"Escalation step: {ESCALATION_LABELS[chosen]} ({due_text(at)}; "
                    f"{outcome})", now)
