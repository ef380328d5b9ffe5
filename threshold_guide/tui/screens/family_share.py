"""Before the family version: the walk recorded that telling the family could put the child
at risk. Produce it only with a reason, which is stamped on the letter."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from threshold_guide.explain import FamilyRisk
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.screens.base import BaseModal


class FamilyShareModal(BaseModal[str]):
    """Dismisses with the reason typed, or None (no family letter)."""

    TITLE_TEXT = N_("Telling the family could put the child at risk")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", N_("Cancel"))]

    def __init__(self, risks: list[FamilyRisk]) -> None:
        super().__init__()
        self.risks = risks

    def compose_body(self) -> ComposeResult:
        recorded = "\n".join(f"• {risk.describe()}" for risk in self.risks)
        yield Static(_("This walk recorded:\n{recorded}").format(recorded=recorded),
                     markup=False, classes="dialog-note")
        yield Static(_("The family version names the case and your agency. Produce it only "
                       "if your DSP or social services have agreed that the family can be "
                       "told now."), markup=False)
        yield Label(_("Why is it safe to share now? (stamped on the letter)"))
        yield Input(id="share-reason", compact=True)
        yield Static(id="share-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Produce the letter"), id="share", variant="warning", compact=True)
            yield Button(_("Cancel"), id="cancel", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#share-problem").display = False
        self.query_one("#share-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._share()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "share":
            self._share()
        else:
            self.dismiss(None)

    def _share(self) -> None:
        reason = self.query_one("#share-reason", Input).value.strip()
        if not reason:
            problem = self.query_one("#share-problem", Static)
            problem.update(_("⚠ Give the reason, or cancel: no letter is produced without "
                             "one."))
            problem.display = True
            return
        self.dismiss(reason)
