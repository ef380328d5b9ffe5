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

from pydantic import PlainSerializer


def format_time(value: dt.datetime) -> str:
    """``value`` in UTC as ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``; a time without a zone is UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat() + "Z"


Timestamp = Annotated[dt.datetime, PlainSerializer(format_time, return_type=str,
                                                   when_used="json")]
"""A time in a file format: read as any ISO 8601 time, always written by :func:`format_time`."""
