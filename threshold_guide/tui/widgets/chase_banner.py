"""The "chase now" line: shown when nothing has come back from social services in time."""

from __future__ import annotations

from textual.widgets import Static

from threshold_guide.models.follow_through import FollowThroughInfo
from threshold_guide.summary.follow_through_markdown import CHASE_NOW


class ChaseBanner(Static):
    """A bold warning line, hidden unless a session's response is overdue."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, info: FollowThroughInfo | None) -> None:
        chase = info is not None and info.chase_now
        # Words and a mark, not colour alone: the line reads the same without colour.
        self.update(f"⚠ CHASE NOW: {CHASE_NOW} (F8)" if chase else "")
        self.display = chase
