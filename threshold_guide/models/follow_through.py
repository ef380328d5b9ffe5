"""After the decision: the dated steps done, the response from social services, and the
professional differences route when the practitioner disagrees with it.

Kept on a session in :class:`FollowThrough` (optional: a session without it reads as
before), and reported in the summary and explanations as :class:`FollowThroughInfo`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.i18n.catalogue import N_
from threshold_guide.models.base import Identifier


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ResponseOutcome(StrEnum):
    """What came back from social services about a report."""

    ENQUIRIES = "enquiries"
    ASSESSMENT = "assessment"
    IAA = "iaa"
    NO_FURTHER_ACTION = "no-further-action"
    NONE = "none"


RESPONSE_LABELS: dict[ResponseOutcome, str] = {
    ResponseOutcome.ENQUIRIES: N_("Accepted for enquiries (strategy discussion / section 47)"),
    ResponseOutcome.ASSESSMENT: N_("Accepted for an assessment of care and support needs"),
    ResponseOutcome.IAA: N_("Information, advice and assistance"),
    ResponseOutcome.NO_FURTHER_ACTION: N_("No further action"),
    ResponseOutcome.NONE: N_("Nothing has come back yet (contacted them again)"),
}
"""In English; marked for the catalogue, so where one is shown ``_(label)`` gives it in the
interface language."""


class EscalationLevel(StrEnum):
    """The steps of the professional differences route, in order."""

    LINE_MANAGER = "line-manager"
    SENIOR_MANAGER = "senior-manager"
    BOARD = "board"


ESCALATION_LABELS: dict[EscalationLevel, str] = {
    EscalationLevel.LINE_MANAGER: N_(
        "Your line manager or designated safeguarding person talks to the social services "
        "team manager"
    ),
    EscalationLevel.SENIOR_MANAGER: N_(
        "Your line manager or designated safeguarding person raises it with the social "
        "services senior manager"
    ),
    EscalationLevel.BOARD: N_("The Regional Safeguarding Board's escalation protocol"),
}
"""In English, marked for the catalogue like :data:`RESPONSE_LABELS`."""


class Response(_Model):
    """One thing heard back from social services (or a check that nothing had come back)."""

    outcome: ResponseOutcome
    """enquiries, assessment, iaa, no-further-action, or none (nothing came back)."""
    reason: str = Field(default="", max_length=5000)
    """The reason social services gave. Empty when none was given: the summary says so."""
    at: dt.datetime
    """When it came back, or for 'none' when they were contacted again."""
    by: str = Field(default="", max_length=200)
    """Who responded: a team or role, never a child's name."""


class EscalationStep(_Model):
    """One dated step of the professional differences route."""

    level: EscalationLevel
    """Which step of the route this was."""
    at: dt.datetime
    """When the contact was made."""
    contacted: str = Field(min_length=1, max_length=200)
    """Who was contacted: role and team (e.g. 'Team manager, duty team')."""
    said: str = Field(default="", max_length=5000)
    """What they said."""
    resolved: bool = False
    """Whether the difference was resolved at this step; the route ends here if so."""


class Escalation(_Model):
    """The professional differences route, started because the practitioner disagrees."""

    started_at: dt.datetime
    """When the practitioner recorded that they disagree."""
    disagreement: str = Field(min_length=1, max_length=5000)
    """Why the practitioner disagrees with the response."""
    steps: list[EscalationStep] = Field(default_factory=list)
    """The steps taken, oldest first."""

    @property
    def resolved(self) -> bool:
        return any(step.resolved for step in self.steps)


class FollowThrough(_Model):
    """What happened after the decision, kept on the session."""

    done: dict[Identifier, dt.datetime] = Field(default_factory=dict)
    """Dated steps recorded as done, by deadline id, with when they were done."""
    responses: list[Response] = Field(default_factory=list)
    """What came back from social services, oldest first, including checks where nothing
    had come back."""
    escalation: Escalation | None = None
    """The professional differences route, if the practitioner disagrees with a response."""


# What the summary and explanations report -------------------------------------------------


class StepStatus(StrEnum):
    """Where a dated step stands at the time of the summary (or of ``due --at``)."""

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    CHASE_NOW = "chase-now"


class DatedStepInfo(_Model):
    id: str
    """The deadline id, or 'escalation-<level>' for the next step of an escalation."""
    label: str
    """The step in a few words."""
    span: str
    """The timescale in words, e.g. 'within 1 working day' or 'immediately'."""
    due: dt.datetime
    """When it is due (Europe/London time, with its UTC offset)."""
    due_text: str
    """The due time in words, e.g. 'Tue 1 Dec 2026, 17:00'."""
    status: StepStatus
    """done, due, overdue or chase-now."""
    done_at: dt.datetime | None
    """When it was recorded as done (for a step awaiting the response: when it came)."""
    confirm_locally: bool
    """The timescale is to be confirmed against local procedures."""
    awaits_response: bool
    """Met when the response from social services is recorded."""


class ResponseInfo(_Model):
    outcome: ResponseOutcome
    """What came back."""
    outcome_label: str
    """It in words."""
    reason: str
    """The reason given; empty if none was given."""
    at: dt.datetime
    """When."""
    by: str
    """Who responded (team or role)."""


class EscalationStepInfo(_Model):
    level: EscalationLevel
    """Which step of the route."""
    level_label: str
    """The step in words."""
    at: dt.datetime
    """When the contact was made."""
    contacted: str
    """Who was contacted."""
    said: str
    """What they said."""
    resolved: bool
    """Whether the difference was resolved at this step."""


class EscalationInfo(_Model):
    started_at: dt.datetime
    """When the practitioner recorded that they disagree."""
    disagreement: str
    """Why."""
    steps: list[EscalationStepInfo]
    """The steps taken, oldest first."""
    resolved: bool
    """Whether the difference has been resolved."""
    next_step: DatedStepInfo | None
    """The next step of the route and its due date, while unresolved."""
    confirm_locally: bool
    """The route's timescales are to be confirmed against local procedures (always true)."""


class FollowThroughInfo(_Model):
    """The dated steps of the decision, the response and any escalation."""

    decided_at: dt.datetime
    """The time the steps count from: when the outcome was reached (or the override made)."""
    time_zone: str
    """The time zone due times are given in (Europe/London)."""
    steps: list[DatedStepInfo]
    """Each dated step of the outcome acted on, in the document's order."""
    chase_now: bool
    """True when a step awaiting the response has passed with nothing back."""
    responses: list[ResponseInfo]
    """What came back from social services, oldest first."""
    escalation: EscalationInfo | None
    """The professional differences route, if started."""
