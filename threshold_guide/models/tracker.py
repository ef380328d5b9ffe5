"""The board tracker's export file: anonymised decisions a Regional Safeguarding Board may
receive from every agency.

Nothing in a record is free text: every string is an id defined by the guidance document
(question, answer, outcome, floor ids), a category from a fixed list, or a week. There is
no case reference, no note, no child's words and no reason text, and no date finer than an
ISO week, so a record cannot identify a child or a practitioner's case on its own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from threshold_guide.models.base import Identifier, Strict
from threshold_guide.models.document import Decision

TRACKER_FORMAT: Literal[1] = 1
"""The export file format version this code writes and reads."""

WEEK_PATTERN = r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$"


class AgencyCategory(StrEnum):
    """The practitioner's agency, reduced to the categories a board compares."""

    EDUCATION = "education"
    HEALTH = "health"
    POLICE = "police"
    SOCIAL_SERVICES = "social-services"
    OTHER = "other"
    UNKNOWN = "unknown"


class RoleCategory(StrEnum):
    """The practitioner's role, reduced to a category (never the role as typed)."""

    DESIGNATED_SAFEGUARDING_PERSON = "designated-safeguarding-person"
    PRACTITIONER = "practitioner"
    MANAGER = "manager"
    CONFERENCE_CHAIR = "conference-chair"
    OTHER = "other"
    UNKNOWN = "unknown"


class Direction(StrEnum):
    """How a departure or override moved the outcome, by outcome level."""

    NONE = "none"
    LOWER = "lower"
    SAME_LEVEL = "same-level"
    HIGHER = "higher"


class TrackerRecord(Strict):
    """One finished walk, anonymised."""

    record_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    """A keyed hash of the session id: the same session always gives the same id, so a
    re-import changes nothing, but the id cannot be turned back into the session or its
    reference without the practitioner's own key."""
    document_id: Identifier
    """The guidance document's id."""
    document_version: str = Field(pattern=r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
    """The guidance version the walk was pinned to (MAJOR.MINOR.PATCH)."""
    decision: Decision
    """Which decision the document supports."""
    agency: AgencyCategory
    """The practitioner's agency category."""
    role: RoleCategory
    """The practitioner's role category."""
    week: str = Field(pattern=WEEK_PATTERN)
    """The ISO week the decision was reached, e.g. '2026-W48'."""
    ticked: dict[Identifier, list[Identifier]] = Field(default_factory=dict)
    """Checklist question id to the answer ids ticked on the route (the indicators and named
    situations)."""
    guidance_outcome: Identifier
    """The outcome the guidance reached on the answers given."""
    suggested_outcome: Identifier
    """The outcome agreeing with every suggestion would have reached (the guidance outcome
    when there was no departure, or when it cannot be told)."""
    chosen_outcome: Identifier
    """The outcome acted on: an override's outcome, else the guidance outcome."""
    chosen_level: int
    """The level of the chosen outcome."""
    test_met: bool
    """Whether the chosen outcome meets the document's test."""
    departures: list[Identifier] = Field(default_factory=list)
    """Judgement questions where the practitioner departed from the suggestion."""
    departure: Direction = Direction.NONE
    """The direction of the departures taken together (suggested against guidance outcome)."""
    override: Direction = Direction.NONE
    """The direction of an override of the guidance outcome, if any."""
    floors: list[Identifier] = Field(default_factory=list)
    """Ids of the floors (minimum responses) that applied on the route."""
    floors_met: bool = True
    """False when the chosen outcome is below a floor that applied."""
    uncertain: list[Identifier] = Field(default_factory=list)
    """Question ids answered 'not sure' or 'not yet known' on the route."""
    response: Identifier | None = None
    """What came back from social services, as a category id, when recorded."""
    escalated: bool = False
    """Whether a professional difference was escalated."""
    hours_to_decision: int | None = Field(default=None, ge=0)
    """Whole hours from the start of the walk to the decision."""
    working_days_to_response: int | None = Field(default=None, ge=0)
    """Working days from the decision to the response, when one was recorded."""


class TrackerExport(Strict):
    """A file of anonymised records from one practitioner's saved sessions."""

    format: Literal[1] = TRACKER_FORMAT
    """The export format version."""
    kind: Literal["threshold-guide-tracker-export"] = "threshold-guide-tracker-export"
    """Marks the file as a tracker export, so a wrong file is refused plainly."""
    tool_version: str
    """The threshold-guide version that wrote the file."""
    week: str = Field(pattern=WEEK_PATTERN)
    """The ISO week the export was made."""
    records: list[TrackerRecord]
    """The records, sorted by record id."""
