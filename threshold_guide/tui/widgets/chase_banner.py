"""The "chase now" line: shown when nothing has come back from social services in time."""

from __future__ import annotations

from textual.widgets import Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.follow_through import FollowThroughInfo
from threshold_guide.summary.follow_through_markdown import CHASE_NOW

# The same words as CHASE_NOW, marked here too so the banner is translated whoever owns
# that constant.
N_("Nothing has come back from social services within the time the procedures allow. "
   "Contact them again now and record what they say; if you are still not satisfied, "
   "use the professional differences route.")


class ChaseBanner(Static):
    """A bold warning line, hidden unless a session's response is overdue."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, info: FollowThroughInfo | None) -> None:
        chase = info is not None and info.chase_now
        # Words and a mark, not colour alone: the line reads the same without colour.
        self.update(_("⚠ CHASE NOW: {what} (F8)").format(what=_(CHASE_NOW)) if chase else "")
        self.display = chase
