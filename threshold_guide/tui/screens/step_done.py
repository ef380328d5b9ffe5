"""Choose a dated step that has been done (recorded as done now)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.follow_through import DatedStepInfo
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.cursor_list import CursorList, Row


class StepDoneModal(BaseModal[str]):
    TITLE_TEXT = N_("A dated step done")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
    ]

    def __init__(self, steps: list[DatedStepInfo]) -> None:
        super().__init__()
        self.steps = steps

    def compose_body(self) -> ComposeResult:
        # A Static, not a Label: a Label does not wrap, and the Welsh is wider than the dialog.
        yield Static(_("Which step has been done? It is recorded as done now. (Enter "
                       "chooses)"), markup=False)
        yield CursorList([Row(step.id, _("{step} (by {due})").format(
                              step=step.label, due=step.due_text), f"{i}.")
                          for i, step in enumerate(self.steps, start=1)],
                         id="steps", compact=True)

    def on_mount(self) -> None:
        self.query_one("#steps", CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)
