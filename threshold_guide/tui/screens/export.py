"""Export to files in a folder the user chooses, showing where the files went.

The summary and the explanation share this dialog: each passes what to write and the
names of the files, so the folder prompt and the error handling are written once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Generic, Protocol, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.exports import Exported, export_summary
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseModal

__all__ = ["ExportModal", "Exported", "summary_export"]


class Written(Protocol):
    @property
    def folder(self) -> Path: ...

    def paths(self) -> tuple[Path, ...]: ...


W = TypeVar("W", bound=Written)


class ExportModal(BaseModal[W], Generic[W]):
    TITLE_TEXT = N_("Export")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        Binding("ctrl+s", "export", N_("Export")),
    ]

    def __init__(self, write: Callable[[Path], W], folder: Path, kinds: str, files: str,
                 title: str = N_("Export the summary")) -> None:
        super().__init__()
        self.write = write
        self.folder = folder
        self.kinds = kinds
        self.files = files
        self.title_text = title

    def dialog_title(self) -> str:
        return _(self.title_text)

    def compose_body(self) -> ComposeResult:
        yield Label(_("Folder for the files ({kinds}):").format(kinds=_(self.kinds)))
        yield Input(str(self.folder), id="folder", compact=True)
        yield Static(_("Files: {files}. They hold case information: keep them where your "
                       "agency keeps case records.").format(files=self.files),
                     markup=False, classes="dialog-note")
        yield Static(id="export-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Export"), id="do-export", variant="primary", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

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
            problem.update(_("⚠ Give a folder."))
            problem.display = True
            return
        try:
            result = self.write(Path(folder_text))
        except OSError as error:
            problem.update(_("⚠ Could not write there: {reason}").format(
                reason=error.strerror or error))
            problem.display = True
            return
        self.dismiss(result)


def summary_export(state: Walkthrough, clock: Clock, folder: Path,
                   calendar: WorkingCalendar = ENGLAND_AND_WALES) -> ExportModal[Exported]:
    """The summary's export dialog: Markdown, JSON and HTML."""
    stem = state.session.session_id

    def write(target: Path) -> Exported:
        return export_summary(state.summary(clock(), state.session.language, calendar=calendar),
                              target, stem)

    return ExportModal(write, folder, N_("Markdown, JSON and HTML"),
                       _("{stem}-summary.md, .json and .html").format(stem=stem))


def written_line(result: Written) -> str:
    return _("Exported: {paths}").format(paths="  ".join(str(path) for path in result.paths()))
