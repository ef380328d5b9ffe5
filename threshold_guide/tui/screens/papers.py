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
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.household import Household
from threshold_guide.models.papers import ConferencePapers
from threshold_guide.storage.exports import ExplanationExported, export_papers
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.export import ExportModal, written_line
from threshold_guide.tui.widgets.markdown_view import MarkdownView

CHOICES: tuple[tuple[str, str, str], ...] = (
    ("invitation", "partners", N_("Invitation")),
    ("invitation", "family", N_("Family invitation")),
    ("decision-record", "partners", N_("Decision records")),
    ("agency-report", "partners", N_("Agency report")),
)


class PapersScreen(BaseScreen):
    HELP_TITLE = N_("Conference papers")
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"choose({n})", choice[2], show=False)
          for n, choice in enumerate(CHOICES, 1)),
        Binding("ctrl+s", "export", N_("Export")),
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the household view")),
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
        self.family_confirmed = False
        """The chair confirmed the family invitation may go although a child's words are
        marked not to be shared with the family."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="paper-choice", markup=False)
        yield Static(id="export-line", markup=False)
        yield MarkdownView(id="paper")

    def on_mount(self) -> None:
        self.query_one("#export-line").display = False
        self.action_choose(self.choice + 1)
        self.query_one(MarkdownView).focus()

    def withheld(self) -> list[str]:
        """The children whose words are marked not to be shared with the family."""
        return [case.child for case in self.household.children
                if case.voice.withhold_from_family]

    def action_choose(self, number: int) -> None:
        paper, audience, _label = CHOICES[number - 1]
        withheld = self.withheld()
        if audience == "family" and withheld and not self.family_confirmed:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.family_confirmed = True
                    self.action_choose(number)

            self.app.push_screen(ConfirmModal(
                _("A child's words are marked not to be shared with the family"),
                _("What {children} said is marked not to be shared with the family. The "
                  "invitation quotes no child, but it names the children and says why the "
                  "conference is held. Show it only if the chair and social services agree "
                  "the family can be invited now.").format(children=", ".join(withheld)),
                _("Show the family invitation")), confirmed)
            return
        self.choice = number - 1
        self.papers = build_papers(self.pinned, self.household, paper, self.clock(),
                                   audience=audience)
        self.query_one("#paper-choice", Static).update("  ".join(
            f"[{n}] {_(choice[2])}" if n - 1 == self.choice else f" {n}  {_(choice[2])}"
            for n, choice in enumerate(CHOICES, 1)))
        self.sub_title = _("Papers · {reference}").format(
            reference=self.household.reference or _("no reference"))
        self.query_one(MarkdownView).update(render_papers_markdown(self.papers))

    def action_export(self) -> None:
        papers = self.papers
        if papers is None:
            return
        stem = self.household.household_id or "household"

        def write(folder: Path) -> ExplanationExported:
            return export_papers(papers, folder, stem)

        self.app.push_screen(
            ExportModal(write, self.export_dir, _("Markdown and HTML"),
                        _("{stem}-{paper}….md and .html").format(stem=stem, paper=papers.paper),
                        title=_("Export the paper")),
            self._exported)

    def _exported(self, result: ExplanationExported | None) -> None:
        if result is None:
            return
        line = self.query_one("#export-line", Static)
        line.update(written_line(result))
        line.display = True

    def action_back(self) -> None:
        self.dismiss()
