"""Ask before doing something that cannot be undone."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.screens.base import BaseModal


class ConfirmModal(BaseModal[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        Binding("y", "yes", N_("Yes"), show=False),
        Binding("n", "close", N_("No"), show=False),
    ]

    def __init__(self, title: str, question: str, yes: str) -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._yes = yes

    def dialog_title(self) -> str:
        return self._title

    def compose_body(self) -> ComposeResult:
        yield Static(self._question, markup=False, classes="dialog-note")
        with Horizontal(classes="dialog-buttons"):
            yield Button(self._yes, id="yes", variant="error", compact=True)
            yield Button(_("Cancel"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)
