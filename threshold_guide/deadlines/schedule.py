"""The dated steps of a finished session, where each stands, and the escalation route's next step.

Pure: the same document, session, calendar and time give the same answer.

- The steps are the ``deadlines`` of the outcome acted on: the override's outcome if there
  is one, else the outcome the guidance reached.
- They count from the **time of the decision**: when the override was made, else when the
  last answer on the route was given (the moment the outcome was reached).
- A step counting from an earlier step counts from when that step was recorded as done,
  or, until it is, from when it is due.
- A step that awaits the response is met by the first response recorded (other than
  "nothing came back"). While none has come, it shows **chase now** once it has passed;
  each record that nothing came back (social services contacted again) starts the same
  span again from that contact.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide.deadlines.working_days import (
    END_OF_DAY,
    ENGLAND_AND_WALES,
    LONDON,
    TIME_ZONE,
    SpanError,
    WorkingCalendar,
    due_text,
    due_time,
    local,
    span_text,
)
from threshold_guide.engine.route import Route, derive_route
from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.document import Outcome, ThresholdDocument
from threshold_guide.models.follow_through import (
    ESCALATION_LABELS,
    RESPONSE_LABELS,
    DatedStepInfo,
    Escalation,
    EscalationInfo,
    EscalationLevel,
    EscalationStepInfo,
    FollowThrough,
    FollowThroughInfo,
    ResponseInfo,
    ResponseOutcome,
    StepStatus,
)
from threshold_guide.models.session import Session
from threshold_guide.models.text import render
from threshold_guide.models.timescales import DECISION, Deadline

ESCALATION_FIRST_DAYS = 1
"""Working days from disagreeing to the first step of the route (to be confirmed locally)."""
ESCALATION_NEXT_DAYS = 2
"""Working days from an unresolved step to the next one (to be confirmed locally)."""
ROUTE = list(EscalationLevel)


def acted_on(document: ThresholdDocument, session: Session, route: Route) -> Outcome | None:
    """The outcome whose steps apply: the override's, else the one the guidance reached."""
    override = session.override
    if override is not None:
        for outcome in document.outcomes:
            if outcome.id == override.outcome:
                return outcome
    return route.outcome


def decision_time(session: Session, route: Route) -> dt.datetime:
    """When the decision was reached: the override, else the last answer on the route."""
    if session.override is not None and session.override.at is not None:
        return session.override.at
    stamps = [
        given.answered_at for step in route.steps
        if (given := session.answers.get(step.question.id)) is not None
        and given.answered_at is not None
    ]
    return max(stamps) if stamps else session.created_at


def _step(deadline: Deadline, due: dt.datetime, status: StepStatus, done_at: dt.datetime | None,
          language: str) -> DatedStepInfo:
    return DatedStepInfo(
        id=deadline.id, label=render(deadline.label, language),
        span=span_text(deadline, language), due=due, due_text=due_text(due, language),
        status=status, done_at=done_at, confirm_locally=deadline.confirm_locally,
        awaits_response=deadline.awaits_response,
    )


def _steps(outcome: Outcome, record: FollowThrough, decided: dt.datetime,
           calendar: WorkingCalendar, now: dt.datetime, language: str) -> list[DatedStepInfo]:
    answered = [r for r in record.responses if r.outcome is not ResponseOutcome.NONE]
    chased = [r.at for r in record.responses if r.outcome is ResponseOutcome.NONE]
    reached: dict[str, dt.datetime] = {}
    steps: list[DatedStepInfo] = []
    for deadline in outcome.deadlines:
        start = decided if deadline.from_ == DECISION else reached.get(deadline.from_, decided)
        try:
            due = due_time(deadline, start, calendar)
        except SpanError:
            continue  # the validator refuses such a document; never fail a summary on it
        done_at = record.done.get(deadline.id)
        if deadline.awaits_response:
            if answered:
                done_at = done_at or answered[0].at
            elif chased:
                due = due_time(deadline, max(chased), calendar)
        if done_at is not None:
            status = StepStatus.DONE
        elif now > due:
            status = StepStatus.CHASE_NOW if deadline.awaits_response else StepStatus.OVERDUE
        else:
            status = StepStatus.DUE
        reached[deadline.id] = done_at or due
        steps.append(_step(deadline, local(due), status, done_at, language))
    return steps


def next_escalation(escalation: Escalation, calendar: WorkingCalendar,
                    now: dt.datetime, language: str = "en") -> DatedStepInfo | None:
    """The next step of the professional differences route and when it is due; None once
    resolved, or after the board's protocol (the last step the tool records)."""
    if escalation.resolved:
        return None
    if escalation.steps:
        last = escalation.steps[-1]
        index = ROUTE.index(last.level) + 1
        if index >= len(ROUTE):
            return None
        start, days = last.at, ESCALATION_NEXT_DAYS
    else:
        index, start, days = 0, escalation.started_at, ESCALATION_FIRST_DAYS
    level = ROUTE[index]
    day = calendar.add_working_days(local(start).date(), days)
    due = local(dt.datetime.combine(day, END_OF_DAY, tzinfo=LONDON))
    tr = translator(language)
    return DatedStepInfo(
        id=f"escalation-{level.value}",
        label=tr.gettext("Escalation, next step: {step}").format(
            step=tr.gettext(ESCALATION_LABELS[level])),
        span=tr.ngettext("within {count} working day", "within {count} working days", days),
        due=due, due_text=due_text(due, language),
        status=StepStatus.OVERDUE if now > due else StepStatus.DUE,
        done_at=None, confirm_locally=True, awaits_response=False,
    )


def _escalation(escalation: Escalation, calendar: WorkingCalendar,
                now: dt.datetime, language: str) -> EscalationInfo:
    tr = translator(language)
    return EscalationInfo(
        started_at=escalation.started_at,
        disagreement=escalation.disagreement,
        steps=[EscalationStepInfo(level=s.level,
                                  level_label=tr.gettext(ESCALATION_LABELS[s.level]),
                                  at=s.at, contacted=s.contacted, said=s.said,
                                  resolved=s.resolved) for s in escalation.steps],
        resolved=escalation.resolved,
        next_step=next_escalation(escalation, calendar, now, language),
        confirm_locally=True,
    )


def follow_through(
    document: ThresholdDocument,
    session: Session,
    now: dt.datetime,
    calendar: WorkingCalendar = ENGLAND_AND_WALES,
    language: str = "en",
    route: Route | None = None,
) -> FollowThroughInfo | None:
    """The dated steps, response and escalation of a session at ``now``.

    None when the walk has no outcome yet, or its outcome has no dated steps and nothing has
    been recorded after the decision.
    """
    route = route if route is not None else derive_route(document, session.selections())
    outcome = acted_on(document, session, route)
    record = session.follow_through or FollowThrough()
    if outcome is None or (not outcome.deadlines and record == FollowThrough()):
        return None
    decided = decision_time(session, route)
    steps = _steps(outcome, record, decided, calendar, now, language)
    tr = translator(language)
    return FollowThroughInfo(
        decided_at=decided,
        time_zone=TIME_ZONE,
        steps=steps,
        chase_now=any(step.status is StepStatus.CHASE_NOW for step in steps),
        responses=[ResponseInfo(outcome=r.outcome,
                                outcome_label=tr.gettext(RESPONSE_LABELS[r.outcome]),
                                reason=r.reason, at=r.at, by=r.by) for r in record.responses],
        escalation=(_escalation(record.escalation, calendar, now, language)
                    if record.escalation is not None else None),
    )
