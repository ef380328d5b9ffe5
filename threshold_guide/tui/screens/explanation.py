"""A finished session's decision explained for one partner, with export to Markdown and HTML."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.engine.routing import AnswerError
from threshold_guide.explain import ExplainError, explain, render_explanation_markdown
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.i18n.languages import reader_language
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.exports import ExplanationExported, export_explanation
from threshold_guide.summary.build import SummaryError
from threshold_guide.tui.messages import Clock
from threshold_guide.tui.screens.audience import NAMES
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.export import ExportModal, written_line
from threshold_guide.tui.widgets.markdown_view import MarkdownView


class ExplanationScreen(BaseScreen):
    HELP_TITLE = N_("Explanation screen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", N_("Export")),
        Binding("escape", "close", N_("Back to the summary")),
    ]

    def __init__(self, state: Walkthrough, audience: Audience, clock: Clock,
                 export_dir: Path, calendar: WorkingCalendar = ENGLAND_AND_WALES, *,
                 confirm_unsafe_share: str | None = None) -> None:
        super().__init__()
        self.calendar = calendar
        self.state = state
        self.audience = audience
        self.confirm_unsafe_share = confirm_unsafe_share
        """The reason typed to produce the family version although the walk recorded that
        telling the family could put the child at risk."""
        self.clock = clock
        self.export_dir = export_dir
        self.explanation: Explanation | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="export-line", markup=False)
        yield MarkdownView(id="explanation")

    def on_mount(self) -> None:
        self.sub_title = _("Explanation · {audience}").format(audience=_(NAMES[self.audience]))
        self.query_one("#export-line").display = False
        session = self.state.session
        # The family reads it in their language, when recorded; partners in the walk's.
        language = reader_language(session, family=self.audience is Audience.FAMILY)
        try:
            # Stamped once, when opened: the export then says exactly what is on screen.
            self.explanation = explain(self.state.document, self.state.sha256,
                                       session, self.audience, self.clock(), language,
                                       self.calendar,
                                       confirm_unsafe_share=self.confirm_unsafe_share)
        except (ExplainError, SummaryError, AnswerError) as problem:
            self.query_one("#explanation", MarkdownView).update(
                _("# No explanation\n\n{problem}").format(problem=problem))
        else:
            self.query_one("#explanation", MarkdownView).update(
                render_explanation_markdown(self.explanation))
        self.query_one("#explanation").focus()

    def action_export(self) -> None:
        explanation = self.explanation
        if explanation is None:
            return
        stem = self.state.session.session_id

        def write(folder: Path) -> ExplanationExported:
            return export_explanation(explanation, folder, stem)

        name = f"{stem}-explain-{self.audience.value}"
        self.app.push_screen(
            ExportModal(write, self.export_dir, N_("Markdown and HTML"),
                        _("{name}.md and .html").format(name=name),
                        title=N_("Export the explanation")),
            self._exported,
        )

    def _exported(self, result: ExplanationExported | None) -> None:
        if result is None:
            return
        line = self.query_one("#export-line", Static)
        line.update(written_line(result))
        line.display = True
        self.notify(_("Saved {markdown} and {html} in {folder}").format(
            markdown=result.markdown.name, html=result.html.name, folder=result.folder))

    def action_close(self) -> None:
        self.app.pop_screen()
