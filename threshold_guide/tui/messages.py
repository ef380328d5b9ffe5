"""Messages screens send up to the app: the app saves, and decides which screen comes next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:  # the app imports this module before the core, to paint sooner
    from threshold_guide.models.household import Household
    from threshold_guide.session.walkthrough import Walkthrough

Clock = Callable[[], dt.datetime]
"""Where screens get the time from; tests pass a frozen clock."""

View = Literal["question", "outcome", "voice", "summary", "start", "comparison"]
"""Where to go. "outcome" means the walk just reached its outcome: the app decides whether
the child's voice prompts or the summary come first."""


class SessionChanged(Message):
    """The session changed: save it now."""

    def __init__(self, state: Walkthrough) -> None:
        super().__init__()
        self.state = state


class Navigate(Message):
    """Show ``view`` for ``state`` (the app saves the state first)."""

    def __init__(self, view: View, state: Walkthrough | None = None) -> None:
        super().__init__()
        self.view = view
        self.state = state


class HouseholdChanged(Message):
    """A household case changed: save it now (``child`` is the child whose walk, voice,
    views or plan changed, or None for the household itself)."""

    def __init__(self, household: Household, child: str | None = None) -> None:
        super().__init__()
        self.household = household
        self.child = child


class WalkLeft(Message):
    """A household's or a child's walk was left (closed, or it reached its end)."""

    def __init__(self, child: str | None, finished: bool) -> None:
        super().__init__()
        self.child = child
        self.finished = finished
