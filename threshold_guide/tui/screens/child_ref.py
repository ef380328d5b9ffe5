"""Ask for a child's reference ("Child A"): never a name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.screens.base import BaseModal


class ChildRefModal(BaseModal[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
    ]

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self._title = title
        self._value = value

    def dialog_title(self) -> str:
        return self._title

    def compose_body(self) -> ComposeResult:
        yield Static(_("How the papers refer to the child, e.g. 'Child A'. Never a name."),
                     markup=False, classes="dialog-note")
        yield Input(self._value, id="child-ref", max_length=40, compact=True)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("OK"), id="ok", variant="primary", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#child-ref", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.dismiss(self.query_one("#child-ref", Input).value.strip())
        else:
            self.dismiss(None)
