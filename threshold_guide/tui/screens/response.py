"""Record the response from social services: what came back, the reason given, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.follow_through import RESPONSE_LABELS, ResponseOutcome
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.screens.when import WHEN_HINT, read_when
from threshold_guide.tui.widgets.cursor_list import CursorList, Row

CHOICES = [kind for kind in ResponseOutcome if kind is not ResponseOutcome.NONE]


@dataclass(frozen=True)
class ResponseEntry:
    outcome: ResponseOutcome
    reason: str
    by: str
    at: dt.datetime


class ResponseModal(BaseModal[ResponseEntry]):
    TITLE_TEXT = N_("The response from social services")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save response")),
    ]

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.selected: ResponseOutcome | None = None

    def dialog_title(self) -> str:
        return _(self.TITLE_TEXT)

    def compose_body(self) -> ComposeResult:
        yield Label(_("What came back? (arrows and Enter)"))
        yield CursorList(self._rows(), id="response-outcomes", compact=True)
        yield Label(_("The reason they gave (leave empty if none was given):"))
        yield TextArea("", id="response-reason", soft_wrap=True, tab_behavior="focus")
        yield Label(_("Who responded (team or role, never a name):"))
        yield Input(id="response-by", compact=True)
        yield Label(_(WHEN_HINT))
        yield Input(id="response-at", compact=True)
        yield Static(id="response-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save response"), id="save", variant="primary", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def _rows(self) -> list[Row]:
        return [Row(kind.value, _(RESPONSE_LABELS[kind]),
                    "(•)" if kind is self.selected else "( )") for kind in CHOICES]

    def on_mount(self) -> None:
        self.query_one("#response-problem").display = False
        self.query_one("#response-outcomes", CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        self.selected = ResponseOutcome(event.option.id)
        listing = self.query_one("#response-outcomes", CursorList)
        listing.set_rows(self._rows(), highlight=listing.highlighted)
        self.query_one("#response-reason", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        problem = self.query_one("#response-problem", Static)
        try:
            at = read_when(self.query_one("#response-at", Input).value, self.clock)
        except ValueError as error:
            problem.update(f"⚠ {error}")
            problem.display = True
            return
        if self.selected is None:
            problem.update(_("⚠ Choose what came back first (arrows and Enter)."))
            problem.display = True
            return
        self.dismiss(ResponseEntry(
            self.selected, self.query_one("#response-reason", TextArea).text.strip(),
            self.query_one("#response-by", Input).value.strip(), at))
