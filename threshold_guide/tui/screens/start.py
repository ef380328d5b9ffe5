"""Start: pick a document and version, say who you are and the case reference, or resume."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.i18n.languages import INTERFACE_LANGUAGES, language_name
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import Status
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import reference_warning
from threshold_guide.summary.build import DECISION_NAMES
from threshold_guide.summary.markdown_escape import escape
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.browser import BrowserScreen
from threshold_guide.tui.translation_note import unchecked_note
from threshold_guide.tui.widgets.markdown_view import MarkdownView
from threshold_guide.tui.widgets.session_list import ResumeRow, SessionList

ABOUT = N_(
    "This tool supports professional judgement; it does not make the decision. The shipped "
    "guidance is an example for a Regional Safeguarding Board to adapt. Nobody should wait "
    "on it when a child is in danger."
)

STATUS_NAMES = {
    Status.DRAFT: N_("draft"),
    Status.PUBLISHED: N_("published"),
    Status.WITHDRAWN: N_("withdrawn"),
}

# The words of summary.build's DECISION_NAMES, marked here too so the start screen shows
# them translated whoever owns that table.
N_("Duty to report a child at risk")
N_("Section 47 enquiry: reasonable cause to suspect significant harm")
N_("Registration on the Child Protection Register")
N_("Level of need")

NOT_RECORDED = "-"
"""The family's language choice for "not recorded" (a Select value cannot be None)."""


class StartScreen(BaseScreen):
    HELP_TITLE = N_("Start screen")
    AUTO_FOCUS = ".first-focus"
    """First use starts at the role; later, role and agency come from the last session and
    the case reference is what is left to type."""
    BINDINGS: ClassVar[list[BindingType]] = [
        # Translators: footer key labels; keep them short (the footer has 80 columns).
        Binding("ctrl+n", "begin", N_("Start walk")),
        Binding("f5", "book", N_("Logic book")),
        Binding("ctrl+r", "show_tab('resume')", N_("Resume list")),
        Binding("escape", "show_tab('new')", N_("New walk"), show=False),
        Binding("delete", "delete", N_("Delete session"), show=False),
        Binding("f7", "exercise", N_("Exercise"),
                tooltip=N_("Exercise mode: practise a scenario")),
        Binding("f8", "about", N_("About")),
    ]

    class Begin(Message):
        def __init__(self, entry: Entry, role: str, agency: str, reference: str,
                     family_language: str | None = None) -> None:
            super().__init__()
            self.entry = entry
            self.role = role
            self.agency = agency
            self.reference = reference
            self.family_language = family_language
            """The family's language as the practitioner recorded it; None: not recorded."""

    class Resume(Message):
        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    class Delete(Message):
        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    class About(Message):
        """Show the first-run note again."""

    class Exercise(Message):
        """Open exercise mode with the role and agency typed here."""

        def __init__(self, role: str, agency: str) -> None:
            super().__init__()
            self.role = role
            self.agency = agency

    def __init__(
        self, catalog: Catalog, today: dt.date, rows: list[ResumeRow], role: str = "",
        agency: str = "",
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.today = today
        self.rows = rows
        self.role = role
        self.agency = agency

    # Layout -----------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with TabbedContent(initial="new", id="tabs"):
            with TabPane(_("New walk"), id="new"), VerticalScroll(id="new-form"):
                yield from self._compose_new()
            with TabPane(self._resume_label(), id="resume"):
                yield Static(id="resume-help", markup=False)
                yield SessionList(id="sessions")
            if self.catalog.broken:
                label = _("Problems ({count})").format(count=len(self.catalog.broken))
                with TabPane(label, id="problems"):
                    yield MarkdownView(self._problems_markdown(), id="problems-text")

    def _compose_new(self) -> ComposeResult:
        ids = self.catalog.ids()
        with Horizontal(classes="field"):
            # Translators: a field label, at most 11 characters.
            yield Label(_("Document"), classes="field-label")
            yield Select[str](
                [(self._doc_label(i), i) for i in ids], id="document", compact=True,
                allow_blank=False, value=ids[0] if ids else Select.NULL,
            ) if ids else Static(_("No usable guidance found (see Problems)."), markup=False)
        with Horizontal(classes="field"):
            # Translators: a field label, at most 11 characters.
            yield Label(_("Version"), classes="field-label")
            yield Select[str]([], id="version", compact=True, prompt=_("Choose a version"))
        yield Static(id="doc-info", markup=False)
        with Horizontal(classes="field"):
            # Translators: a field label, at most 11 characters.
            yield Label(_("Your role"), classes="field-label")
            yield Input(self.role, id="role", compact=True, classes=self._first("role"),
                        placeholder=_("e.g. Designated safeguarding person"))
        with Horizontal(classes="field"):
            # Translators: a field label, at most 11 characters.
            yield Label(_("Agency"), classes="field-label")
            yield Input(self.agency, id="agency", compact=True,
                        placeholder=_("e.g. school, health, police"))
        with Horizontal(classes="field"):
            # Translators: a field label, at most 11 characters.
            yield Label(_("Case ref."), classes="field-label")
            yield Input(id="reference", compact=True, max_length=200,
                        classes=self._first("reference"),
                        placeholder=_("a case or file reference, never the child's name"))
        yield Static(id="reference-warning", markup=False)
        with Horizontal(classes="field"):
            yield Label(_("Family's language"), classes="field-label wide")
            yield Select[str](
                [(_("not recorded"), NOT_RECORDED),
                 *((language_name(code), code) for code in INTERFACE_LANGUAGES)],
                id="family-language", compact=True, allow_blank=False, value=NOT_RECORDED,
            )
        with Horizontal(classes="buttons"):
            yield Button(_("Start walk (Ctrl+N)"), id="begin", variant="primary", compact=True)
            yield Button(_("Logic book (F5)"), id="book", compact=True)
            yield Button(self._other_language_label(), id="language", compact=True)
        yield Static(_(ABOUT), id="about", markup=False)

    @staticmethod
    def _other_language_label() -> str:
        """The switch names the other language in its own words, as bilingual sites do."""
        other = next(code for code in INTERFACE_LANGUAGES if code != interface_language())
        return f"{language_name(other)} (F9)"

    def _first(self, field: str) -> str:
        return "first-focus" if field == ("reference" if self.role else "role") else ""

    def on_mount(self) -> None:
        self.sub_title = _("Start")
        self.query_one("#reference-warning").display = False
        self.show_rows(self.rows)
        if self.catalog.ids():
            self._fill_versions(self.catalog.ids()[0])


    def _resume_label(self) -> str:
        return _("Resume ({count})").format(count=sum(1 for row in self.rows if row.readable))

    def _doc_label(self, document_id: str) -> str:
        latest = self.catalog.versions(document_id)[-1].document
        return render(latest.title, interface_language())

    def _problems_markdown(self) -> str:
        out = [
            _("These files in the guidance folder could not be used. The other documents are "
              "usable. Fix the files (run `threshold-guide validate`) and restart."),
            "",
        ]
        for checked in self.catalog.broken:
            out += [f"**{escape(str(checked.path))}**", ""]
            # A list, not a code block, so long messages wrap at 80 columns.
            out += [f"- {escape(' '.join(d.render().split()))}" for d in checked.diagnostics]
            out.append("")
        return "\n".join(out)

    # Document and version ---------------------------------------------------------------

    @on(Select.Changed, "#document")
    def _document_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._fill_versions(event.value)

    def _fill_versions(self, document_id: str) -> None:
        current = self.catalog.current(document_id, self.today)
        options = []
        for entry in reversed(self.catalog.versions(document_id)):
            doc = entry.document
            tags = []
            if current is not None and entry.path == current.path:
                tags.append(_("current"))
            if doc.status is not Status.PUBLISHED:
                tags.append(_(STATUS_NAMES[doc.status]))
            elif doc.effective_from > self.today:
                tags.append(_("not yet in effect"))
            elif current is not None and entry.path != current.path:
                tags.append(_("superseded"))
            label = _("{version} from {date}").format(
                version=doc.version, date=doc.effective_from.isoformat())
            if tags:
                label = _("{version} ({tags})").format(version=label, tags=", ".join(tags))
            options.append((label, str(entry.path)))
        select = self.query_one("#version", Select)
        select.set_options(options)
        chosen = current or self.catalog.versions(document_id)[-1]
        select.value = str(chosen.path)
        self._show_info(chosen)

    @on(Select.Changed, "#version")
    def _version_changed(self, event: Select.Changed) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._show_info(entry)

    def _show_info(self, entry: Entry) -> None:
        doc = entry.document
        language = interface_language()
        info = _("Supports: {decision}. In effect from {date} ({status}). {publisher}.").format(
            decision=_(DECISION_NAMES[doc.decision]), date=doc.effective_from.isoformat(),
            status=_(STATUS_NAMES[doc.status]), publisher=render(doc.publisher, language))
        note = unchecked_note(doc, language)
        self.query_one("#doc-info", Static).update(f"{info}\n{note}" if note else info)

    def selected_entry(self) -> Entry | None:
        if not self.catalog.entries:
            return None
        value = self.query_one("#version", Select).value
        for entry in self.catalog.entries:
            if str(entry.path) == value:
                return entry
        return None

    # Actions ----------------------------------------------------------------------------

    @on(Input.Changed, "#reference")
    def _reference_changed(self, event: Input.Changed) -> None:
        warning = reference_warning(event.value)
        label = self.query_one("#reference-warning", Static)
        label.update(_("⚠ {warning}").format(warning=warning) if warning else "")
        label.display = warning is not None

    @on(Input.Submitted)
    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.notify(_("No usable guidance to start with."), severity="error")
            return
        reference = self.query_one("#reference", Input)
        family = self.query_one("#family-language", Select).value
        self.post_message(self.Begin(
            entry,
            self.query_one("#role", Input).value.strip(),
            self.query_one("#agency", Input).value.strip(),
            reference.value.strip(),
            family if isinstance(family, str) and family != NOT_RECORDED else None,
        ))
        # A reference belongs to one case: the next walk started here must not inherit it.
        # Role and agency stay, as they describe the practitioner.
        reference.value = ""

    @on(Button.Pressed, "#book")
    def action_book(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.app.push_screen(BrowserScreen(entry.document))

    @on(Button.Pressed, "#language")
    async def _switch_language(self) -> None:
        await self.run_action("app.switch_language")

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one("#sessions" if tab == "resume" else "#reference").focus()

    def action_exercise(self) -> None:
        self.post_message(self.Exercise(self.query_one("#role", Input).value.strip(),
                                        self.query_one("#agency", Input).value.strip()))

    def action_about(self) -> None:
        self.post_message(self.About())

    # Resume list ------------------------------------------------------------------------

    def show_rows(self, rows: list[ResumeRow]) -> None:
        """Replace the resume list (the app calls this after sessions change)."""
        self.rows = rows
        self.query_one(SessionList).show(rows)
        readable = sum(1 for row in rows if row.readable)
        self.query_one("#resume-help", Static).update(
            _("Enter resumes the session; Delete removes it.") if rows else
            _("No saved sessions. Sessions save themselves after every answer.")
        )
        self.query_one(TabbedContent).get_tab("resume").label = _("Resume ({count})").format(
            count=readable)

    @on(SessionList.Chosen)
    def _resume(self, event: SessionList.Chosen) -> None:
        self.post_message(self.Resume(event.row.key))

    def action_delete(self) -> None:
        if self.query_one(TabbedContent).active != "resume":
            return
        row = self.query_one(SessionList).current()
        if row is not None and row.readable:
            self.post_message(self.Delete(row.key))
