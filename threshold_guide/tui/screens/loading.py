"""The first frame: the 999 line at once, while the guidance loads behind it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from threshold_guide.i18n.catalogue import _
from threshold_guide.tui.screens.base import BaseScreen


class LoadingScreen(BaseScreen):
    def compose_body(self) -> ComposeResult:
        yield Static(_("Loading the guidance…"), id="loading", markup=False)
