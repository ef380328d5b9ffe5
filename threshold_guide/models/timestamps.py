"""The one way a time is written in every file: UTC, ISO 8601, ending in ``Z``.

Sessions, summaries and explanations are compared and diffed by people and scripts; one
time written two ways (``Z`` in one file, ``+00:00`` in another, ``+01:00`` for the same
instant) reads as a difference where there is none. Every model field that holds a time
is a :data:`Timestamp`, serialised by :func:`format_time`, and the Markdown renderers call
the same function.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer


def in_utc(value: dt.datetime) -> dt.datetime:
    """The same instant in UTC; a time without a zone is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def format_time(value: dt.datetime) -> str:
    """``value`` in UTC as ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``; a time without a zone is UTC."""
    return in_utc(value).replace(tzinfo=None).isoformat() + "Z"


Timestamp = Annotated[
    dt.datetime,
    AfterValidator(in_utc),
    PlainSerializer(format_time, return_type=str, when_used="json"),
]
"""A time in a file format: read as any ISO 8601 time and held in UTC (so a value read
back from its file equals the one written), always written by :func:`format_time`."""
