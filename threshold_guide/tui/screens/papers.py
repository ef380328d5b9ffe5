"""The conference papers on screen: invitation (partners or family), the decision record
for each child, the agency report outline; exported to Markdown and HTML."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from threshold_guide.household.papers import build_papers
from threshold_guide.household.papers_markdown import render_papers_markdown
from threshold_guide.household.walk import Pinned
from threshold_guide.models.household import Household
from threshold_guide.models.papers import ConferencePapers
from threshold_guide.storage.exports import ExplanationExported, export_papers
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.export import ExportModal, written_line
from threshold_guide.tui.widgets.markdown_view import MarkdownView

CHOICES: tuple[tuple[str, str, str], ...] = (
    ("invitation", "partners", "Invitation"),
    ("invitation", "family", "Family invitation"),
    ("decision-record", "partners", "Decision records"),
    ("agency-report", "partners", "Agency report"),
)


class PapersScreen(BaseScreen):
    HELP_TITLE = "Conference papers"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"choose({n})", label, show=False)
          for n, (_, _, label) in enumerate(CHOICES, 1)),
        Binding("ctrl+s", "export", "Export"),
        Binding("escape", "back", "Back", tooltip="Back to the household view"),
    ]

    def __init__(self, pinned: Pinned, household: Household, export_dir: Path,
                 clock: Clock) -> None:
        super().__init__()
        self.pinned = pinned
        self.household = household
        self.export_dir = export_dir
        self.clock = clock
        self.choice = 0
        self.papers: ConferencePapers | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="paper-choice", markup=False)
        yield Static(id="export-line", markup=False)
        yield MarkdownView(id="paper")

    def on_mount(self) -> None:
        self.query_one("#export-line").display = False
        self.action_choose(self.choice + 1)
        self.query_one(MarkdownView).focus()

    def action_choose(self, number: int) -> None:
        self.choice = number - 1
        paper, audience, _ = CHOICES[self.choice]
        self.papers = build_papers(self.pinned, self.household, paper, self.clock(),
                                   audience=audience)
        self.query_one("#paper-choice", Static).update("  ".join(
            f"[{n}] {label}" if n - 1 == self.choice else f" {n}  {label}"
            for n, (_, _, label) in enumerate(CHOICES, 1)))
        self.sub_title = f"Papers · {self.household.reference or 'no reference'}"
        self.query_one(MarkdownView).update(render_papers_markdown(self.papers))

    def action_export(self) -> None:
        papers = self.papers
        if papers is None:
            return
        stem = self.household.household_id or "household"

        def write(folder: Path) -> ExplanationExported:
            return export_papers(papers, folder, stem)

        self.app.push_screen(
            ExportModal(write, self.export_dir, "Markdown and HTML",
                        f"{stem}-{papers.paper}….md and .html", title="Export the paper"),
            self._exported)

    def _exported(self, result: ExplanationExported | None) -> None:
        if result is None:
            return
        line = self.query_one("#export-line", Static)
        line.update(written_line(result))
        line.display = True

    def action_back(self) -> None:
        self.dismiss()
