"""The line every screen shows: immediate danger means 999, not this tool."""

from __future__ import annotations

from textual.widgets import Static

from threshold_guide.i18n.catalogue import N_, _

DANGER_TEXT = N_("⚠ Child in immediate danger? Call the police on 999 now. Do not wait.")


class DangerBanner(Static):
    """Always visible at the top of a screen; the warning sign keeps it clear without colour."""

    DEFAULT_CSS = """
    DangerBanner {
        height: 1;
        width: 100%;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
        text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__(_(DANGER_TEXT), markup=False)
