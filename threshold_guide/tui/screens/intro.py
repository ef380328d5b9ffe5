"""The first-run note: what the tool is and is not. Also shown again from the start screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Markdown

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.screens.base import BaseModal

INTRO = N_("""\
**threshold-guide** walks you through a threshold document one question at a time and writes
down why the decision was reached, so you can share the reasoning with partners.

- It **supports professional judgement**; it does not make the decision. If your judgement
  says a child is at risk, act on it, whatever this tool shows.
- The guidance shipped with it is **an example** for a Regional Safeguarding Board to adapt,
  check and publish as its own.
- **Nobody should wait on this tool when a child is in danger.** Call the police on 999.
- It never needs the child's name: use a case reference. Your answers save themselves on this
  computer after every change, readable only by your user account.
""")


class IntroModal(BaseModal[bool]):
    TITLE_TEXT = N_("Before you start")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "understood", N_("Understood")),
        Binding("escape", "understood", N_("Close"), show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-body"):
            yield Markdown(_(INTRO))
        yield Button(_("Understood (Enter)"), id="understood", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self) -> None:
        self.action_understood()

    def action_understood(self) -> None:
        self.dismiss(True)
