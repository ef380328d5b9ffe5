"""The optional "when" box of the after-the-decision dialogs: empty means now."""

from __future__ import annotations

import datetime as dt

from threshold_guide.deadlines.working_days import parse_local
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.messages import Clock

WHEN_HINT = N_("When (YYYY-MM-DD HH:MM, UK time; leave empty for now):")
"""Shown translated (``_(WHEN_HINT)``) where the dialogs use it."""


def read_when(text: str, clock: Clock) -> dt.datetime:
    """The time typed, or now. Raises ValueError with a message for the user, in the
    interface language (the parser's own message is English)."""
    if not text.strip():
        return clock()
    try:
        return parse_local(text)
    except ValueError:
        raise ValueError(_("{typed} is not a time like 2026-12-07 11:00").format(
            typed=repr(text.strip()))) from None
