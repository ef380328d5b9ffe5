"""A footer that redraws only when the keys it shows change, and fits in 80 columns.

Textual's footer rebuilds its keys on every focus change; on a question screen that is
several rebuilds per answer for the same keys, and most of the time spent per keypress.

It is compact (one space between keys) and leaves out the command palette's key, which F1
help lists: at 80 columns the keys a screen shows must all be readable, not cut off.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = tuple(
            (key, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if shown == self._shown and self._shown is not None:
            return
        if screen.app.app_focus:
            self._shown = shown
        super().bindings_changed(screen)
