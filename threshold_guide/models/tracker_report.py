"""The board tracker's report as data: the JSON output, and what Markdown and HTML render.

Every count below :data:`SUPPRESS_BELOW` (other than zero) is replaced by null and shown as
'<5', and so is any rate computed from such a count: small cells can identify a child.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

SUPPRESS_BELOW = 5
"""Counts from 1 to 4 are suppressed (statistical disclosure control)."""


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Count(_Out):
    """A label and how many records have it (null when suppressed)."""

    label: str
    """What is counted (an outcome id, a response, an agency ...)."""
    count: int | None
    """How many; null when between 1 and 4."""


class AgencyMix(_Out):
    """The outcomes one agency's records reached."""

    agency: str
    """The agency category."""
    total: int | None
    """Records from this agency (null when suppressed)."""
    outcomes: list[Count]
    """Chosen outcome ids and their counts, most common first."""


class SituationMix(_Out):
    """For one ticked indicator or named situation: the outcome mix of each agency."""

    document_id: str
    """The guidance document."""
    question: str
    """The checklist question id."""
    answer: str
    """The answer id ticked."""
    total: int | None
    """Records where it was ticked (null when suppressed)."""
    agencies: list[AgencyMix]
    """Each agency's outcome mix."""


class DepartureRow(_Out):
    """Departures from the guidance's suggestions, and overrides, for one group."""

    group: str
    """An agency category, or 'document version'."""
    records: int | None
    """Records in the group (null when suppressed)."""
    departures: int | None
    """Records with at least one departure."""
    lower: int | None
    """Departures that lowered the outcome."""
    higher: int | None
    """Departures that raised it."""
    overrides: int | None
    """Records with an override of the outcome."""
    rate: float | None
    """departures / records, to three places (null when either is suppressed)."""


class UncertainQuestion(_Out):
    """A question answered 'not sure' or 'not yet known'."""

    document_id: str
    """The guidance document."""
    question: str
    """The question id."""
    count: int | None
    """How many records answered it so (null when suppressed)."""


class MonthTrend(_Out):
    """One month's records and departures."""

    month: str
    """YYYY-MM (an ISO week belongs to the month of its Thursday)."""
    records: int | None
    """Records decided in the month."""
    departures: int | None
    """Of which with a departure."""


class TrackerReport(_Out):
    """The consistency report for a board."""

    format: Literal[1] = 1
    """The report format version."""
    generated_at: dt.datetime
    """When the report was made."""
    document: str | None
    """The document id the report was limited to, if any."""
    from_week: str | None
    """The first ISO week included, if limited."""
    to_week: str | None
    """The last ISO week included, if limited."""
    records: int
    """Records in the report (never suppressed: it is the whole)."""
    suppressed_below: int
    """Counts from 1 to this minus one are shown as null ('<5')."""
    outcome_mix: list[AgencyMix]
    """Each agency's outcome mix over all records."""
    situations: list[SituationMix]
    """The real-world consistency view: for each indicator or named situation ticked, the
    outcome mix by agency."""
    departures_by_agency: list[DepartureRow]
    """Departure and override rates by agency."""
    departures_by_version: list[DepartureRow]
    """Departure and override rates by document version ('document@version')."""
    uncertainty: list[UncertainQuestion]
    """The questions most often answered 'not sure' or 'not yet known', most first."""
    responses: list[Count]
    """What came back from social services, by category ('none recorded' included)."""
    escalations: int | None
    """Records with an escalated professional difference."""
    median_working_days_to_response: float | None
    """The median, where at least five responses were recorded."""
    median_hours_to_decision: float | None
    """The median time from starting the walk to the decision, where at least five."""
    trends: list[MonthTrend]
    """Records and departures by month, oldest first."""
