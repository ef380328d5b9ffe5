"""Disagreeing with the response, and each step of the professional differences route:
who was contacted, what they said, whether it was resolved, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.follow_through import ESCALATION_LABELS, EscalationLevel
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.screens.when import WHEN_HINT, read_when


@dataclass(frozen=True)
class EscalationEntry:
    disagreement: str | None
    """Why the practitioner disagrees: given when the route starts, else None."""
    contacted: str
    """Who was contacted at this step; empty when only the disagreement is recorded."""
    said: str
    resolved: bool
    at: dt.datetime


class EscalationModal(BaseModal[EscalationEntry]):
    TITLE_TEXT = N_("Professional differences (escalation)")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
    ]

    def __init__(self, clock: Clock, started: bool, level: EscalationLevel | None,
                 route: str) -> None:
        super().__init__()
        self.clock = clock
        self.started = started
        self.level = level or EscalationLevel.LINE_MANAGER
        self.route = route
        """The route in words, in the interface language."""

    def dialog_title(self) -> str:
        return _(self.TITLE_TEXT)

    def compose_body(self) -> ComposeResult:
        # The fields scroll (the focused one scrolls into view) and the buttons stay below
        # them: at 80x24 the whole form is taller than the screen, in Welsh even more so.
        with VerticalScroll(id="escalation-fields"):
            yield Static(self.route, markup=False, classes="dialog-note")
            if not self.started:
                yield Label(_("Why do you disagree with the response? (required)"))
                yield TextArea("", id="disagreement", soft_wrap=True, tab_behavior="focus")
            # A Static, not a Label: the step's name is long, and a Label does not wrap.
            yield Static(_("Step: {step}. Who was contacted (role and team; leave empty if "
                           "not yet):").format(step=_(ESCALATION_LABELS[self.level])),
                         markup=False)
            yield Input(id="contacted", compact=True)
            yield Label(_("What did they say?"))
            yield TextArea("", id="said", soft_wrap=True, tab_behavior="focus")
            yield Checkbox(_("The difference was resolved at this step"), id="resolved",
                           compact=True)
            yield Label(_(WHEN_HINT))
            yield Input(id="escalation-at", compact=True)
        yield Static(id="escalation-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save"), id="save", variant="primary", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#escalation-problem").display = False
        first = "#disagreement" if not self.started else "#contacted"
        self.query_one(first).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def _problem(self, text: str) -> None:
        problem = self.query_one("#escalation-problem", Static)
        problem.update(f"⚠ {text}")
        problem.display = True

    def action_save(self) -> None:
        try:
            at = read_when(self.query_one("#escalation-at", Input).value, self.clock)
        except ValueError as error:
            self._problem(str(error))
            return
        disagreement = None
        if not self.started:
            disagreement = self.query_one("#disagreement", TextArea).text.strip()
            if not disagreement:
                self._problem(_("Say why you disagree with the response."))
                return
        contacted = self.query_one("#contacted", Input).value.strip()
        if self.started and not contacted:
            self._problem(_("Say who was contacted at this step."))
            return
        self.dismiss(EscalationEntry(
            disagreement, contacted, self.query_one("#said", TextArea).text.strip(),
            self.query_one("#resolved", Checkbox).value, at))
