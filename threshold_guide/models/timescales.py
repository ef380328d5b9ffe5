"""Timescales as data: the dated steps of an outcome, and a board's local closure days.

A threshold document may give each outcome a list of ``deadlines``: what must be done by
when, counted from the decision or from an earlier step. The dates themselves are computed
by :mod:`threshold_guide.deadlines` in working days (England and Wales bank holidays and a
board's closure days skipped). Cross-checks (a step counting from an unknown step, a
negative or missing span) are made by the validator, with a location and a stable code.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.models.text import Text

# The same rule as ``document.Identifier``; repeated so that document.py can import this
# module without a cycle.
Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=120)]


class Strict(BaseModel):
    """Base for file models: unknown fields are errors, as in the document models."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

DECISION = "decision"
"""The value of ``from`` that counts a step from the time of the decision itself."""

SPAN_FIELDS = ("working_days", "hours", "calendar_months", "same_day", "immediately")
"""The ways a deadline's span can be given; each deadline gives exactly one."""


class Deadline(Strict):
    """A dated step of an outcome: what must be done, and by when.

    Give exactly one span: ``working_days``, ``hours``, ``calendar_months``,
    ``same_day: true`` or ``immediately: true``.
    """

    model_config = ConfigDict(**Strict.model_config, serialize_by_alias=True)

    id: Identifier
    """Unique among the outcome's deadlines; sessions record a step as done under it, and
    later steps count from it with ``from``."""
    label: Text
    """The step in a few words, as the summary lists it: 'Confirm the report in writing'."""
    working_days: int | None = None
    """Due at 17:00 (Europe/London) on this working day after the day it counts from;
    weekends, England and Wales bank holidays and the board's closure days are skipped."""
    hours: int | None = None
    """Due this many clock hours after the time it counts from (nights and weekends count)."""
    calendar_months: int | None = None
    """Due at 17:00 on the same day this many months later (the month's last day if shorter),
    brought forward to the working day before when that day is not a working day."""
    same_day: bool = False
    """Due the same day: 17:00 if counted from before 17:00, otherwise 23:59 that day."""
    immediately: bool = False
    """Due at once: at the time it counts from."""
    from_: str = Field(default=DECISION, alias="from")
    """What the step counts from: 'decision' (the time the decision was reached) or the id
    of an earlier deadline of the same outcome (the time that step was recorded as done;
    until then, the time it is due)."""
    confirm_locally: bool = False
    """True where the timescale is to be confirmed against local procedures; the summary
    and calendar entries say so."""
    awaits_response: bool = False
    """The step is met when the response from social services is recorded. If it passes
    with no response, the session shows 'chase now'."""


class Closure(Strict):
    """A day a board's services are closed, besides weekends and bank holidays."""

    date: dt.date
    """The day (YYYY-MM-DD)."""
    reason: Text
    """Why, e.g. 'Council offices closed between Christmas and New Year'."""


CLOSURES_FILE = "closures.yaml"
"""The name of the closure-days file in a guidance folder."""


class ClosureDays(Strict):
    """``closures.yaml`` in a guidance folder: local closure days that are not working days."""

    kind: Literal["closures"]
    """Always 'closures': marks the file as closure days, not a threshold document."""
    about: Text | None = None
    """Who keeps the list and for which services (optional)."""
    closures: list[Closure] = Field(default_factory=list)
    """The closure days, one entry per day."""
