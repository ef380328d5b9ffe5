"""What ``threshold-guide due`` lists: open dated steps across saved sessions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.models.follow_through import StepStatus


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class DueItem(_Out):
    """One dated step not yet done."""

    session_id: str
    """The session it belongs to (for a household case: the household's id)."""
    child: str | None = Field(default=None, exclude_if=lambda v: v is None)
    """For a household case: the child whose plan or decision the step is for (left out
    for a session)."""
    reference: str
    """The case reference (never a name)."""
    document: str
    """The document id and version the session is pinned to."""
    step: str
    """The step id (give it to 'threshold-guide done' once done)."""
    label: str
    """The step in a few words."""
    span: str
    """The timescale in words."""
    due: dt.datetime
    """When it is due (Europe/London time, with its offset)."""
    due_text: str
    """The due time in words."""
    status: StepStatus
    """due, overdue or chase-now."""
    confirm_locally: bool
    """The timescale is to be confirmed against local procedures."""


class Skipped(_Out):
    """A session file that could not be read or placed, and why."""

    file: str
    """The file."""
    reason: str
    """Why it was left out."""


class DueList(_Out):
    """Open dated steps across saved sessions, soonest first."""

    format: int = 1
    """Format version."""
    at: dt.datetime
    """The time the statuses are worked out at."""
    items: list[DueItem]
    """Steps not yet done, soonest due first."""
    chase_now: list[str]
    """Session ids whose response is overdue: contact social services again."""
    skipped: list[Skipped]
    """Files left out, and why."""
