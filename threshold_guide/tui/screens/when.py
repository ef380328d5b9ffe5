"""The optional "when" box of the after-the-decision dialogs: empty means now."""

from __future__ import annotations

import datetime as dt

from threshold_guide.deadlines.working_days import parse_local
from threshold_guide.i18n.catalogue import N_
from threshold_guide.tui.messages import Clock

WHEN_HINT = N_("When (YYYY-MM-DD HH:MM, UK time; leave empty for now):")
"""Shown translated (``_(WHEN_HINT)``) where the dialogs use it."""


def read_when(text: str, clock: Clock) -> dt.datetime:
    """The time typed, or now. Raises ValueError with a message for the user."""
    return parse_local(text) if text.strip() else clock()
