"""Export the summary as Markdown and JSON, showing where the files went."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from threshold_guide.storage.exports import Exported, export_summary
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.walkthrough import Walkthrough

__all__ = ["ExportModal", "Exported"]


class ExportModal(BaseModal[Exported]):
    TITLE_TEXT = "Export the summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel"),
        Binding("ctrl+s", "export", "Export"),
    ]

    def __init__(self, state: Walkthrough, clock: Clock, folder: Path) -> None:
        super().__init__()
        self.state = state
        self.clock = clock
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        stem = self.state.session.session_id
        yield Label("Folder for the files (Markdown and JSON):")
        yield Input(str(self.folder), id="folder", compact=True)
        yield Static(f"Files: {stem}-summary.md and {stem}-summary.json. They hold case "
                     "information: keep them where your agency keeps case records.",
                     markup=False, classes="dialog-note")
        yield Static(id="export-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button("Export", id="do-export", variant="primary", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-problem").display = False
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "do-export":
            self.action_export()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        folder_text = self.query_one("#folder", Input).value.strip()
        problem = self.query_one("#export-problem", Static)
        if not folder_text:
            problem.update("⚠ Give a folder.")
            problem.display = True
            return
        try:
            result = export_summary(
                self.state.summary(self.clock()), Path(folder_text), self.state.session.session_id
            )
        except OSError as error:
            problem.update(f"⚠ Could not write there: {error.strerror or error}")
            problem.display = True
            return
        self.dismiss(result)
