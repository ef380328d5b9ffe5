"""Open dated steps across saved sessions: what ``threshold-guide due`` lists.

Pure over already-loaded sessions and documents; reading the folder is the command's job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from threshold_guide.deadlines.schedule import follow_through
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.engine.routing import AnswerError
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.due import DueItem, DueList, Skipped
from threshold_guide.models.follow_through import DatedStepInfo, StepStatus
from threshold_guide.models.session import Session


@dataclass(frozen=True)
class Found:
    """A saved session and where it was read from."""

    file: str
    session: Session
    child: str | None = None
    """For a household case: the child whose walk ``session`` is (see
    :func:`~threshold_guide.household.walk.child_session`)."""
    household_id: str | None = None
    """For a household case: the household's id, listed instead of the session's."""


FindDocument = Callable[[Session], ThresholdDocument | None]


def _item(found: Found, step: DatedStepInfo) -> DueItem:
    session = found.session
    ref = session.guidance
    return DueItem(
        session_id=found.household_id or session.session_id, child=found.child,
        reference=session.reference,
        document=f"{ref.id} {ref.version}", step=step.id, label=step.label, span=step.span,
        due=step.due, due_text=step.due_text, status=step.status,
        confirm_locally=step.confirm_locally,
    )


def due_list(sessions: Iterable[Found], find: FindDocument, calendar: WorkingCalendar,
             at: dt.datetime, skipped: Iterable[Skipped] = (),
             language: str = "en") -> DueList:
    """Every step not yet done in ``sessions`` at ``at``, soonest due first; step labels,
    timescales and due dates in ``language``."""
    items: list[DueItem] = []
    chase: list[str] = []
    left_out = list(skipped)
    for found in sessions:
        session = found.session
        document = find(session)
        if document is None:
            left_out.append(Skipped(file=found.file, reason=(
                f"its guidance ({session.guidance.id} {session.guidance.version}) is not "
                "available")))
            continue
        try:
            info = follow_through(document, session, at, calendar, language)
        except (AnswerError, KeyError, ValueError) as problem:
            left_out.append(Skipped(file=found.file, reason=f"its answers do not fit: {problem}"))
            continue
        if info is None:
            continue
        steps = [s for s in info.steps if s.status is not StepStatus.DONE]
        if info.escalation is not None and info.escalation.next_step is not None:
            steps.append(info.escalation.next_step)
        items += [_item(found, step) for step in steps]
        if info.chase_now:
            chase.append(found.household_id or session.session_id)
    items.sort(key=lambda item: (item.due, item.reference, item.session_id, item.child or "",
                                 item.step))
    return DueList(at=at, items=items, chase_now=sorted(chase),
                   skipped=sorted(left_out, key=lambda s: s.file))
