"""What the session and household flows need from the app, as protocols.

The flows are imported by the app (lazily, after the first frame) and must not import it
back: typing them against these protocols keeps the import graph one-way
(app -> flow -> household_flow -> host).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.notifications import SeverityLevel
from textual.screen import Screen

if TYPE_CHECKING:
    from threshold_guide.models.document import ThresholdDocument
    from threshold_guide.session.walkthrough import Walkthrough
    from threshold_guide.tui.messages import Clock


class AppHost(Protocol):
    """The app, as the flows see it: its screens, its notices and its save state."""

    guidance: list[Path]
    current: Walkthrough | None
    saved_path: Path | None
    unsaved: str | None

    @property
    def screen(self) -> Screen[object]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def push_screen(self, screen: Screen[Any], callback: Any = None) -> object: ...

    def pop_screen(self) -> object: ...

    def switch_screen(self, screen: Screen[Any]) -> object: ...


class SessionHost(Protocol):
    """The session flow, as the household flow sees it."""

    app: AppHost
    clock: Clock
    export_dir: Path

    def keep(self, document: ThresholdDocument, sha256: str) -> None: ...

    def pinned_document(self, doc_id: str, version: str, sha: str) -> ThresholdDocument | None:
        ...

    def refresh_start(self) -> None: ...

    def today(self) -> dt.date: ...
