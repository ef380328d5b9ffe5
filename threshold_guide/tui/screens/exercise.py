"""Exercise mode's start: pick a training scenario, say who you are, and walk it."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static

from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.text import render
from threshold_guide.scenarios.library import ScenarioLibrary, document_for
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.widgets.cursor_list import CursorList, Row


class ExerciseScreen(BaseScreen):
    HELP_TITLE = N_("Exercise: choose a scenario")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "begin", N_("Start exercise")),
        Binding("escape", "close", N_("Back")),
    ]

    class Begin(Message):
        def __init__(self, scenario: Scenario, entry: Entry, role: str, agency: str) -> None:
            super().__init__()
            self.scenario = scenario
            self.entry = entry
            self.role = role
            self.agency = agency

    def __init__(self, library: ScenarioLibrary, catalog: Catalog, today: dt.date,
                 role: str = "", agency: str = "") -> None:
        super().__init__()
        self.catalog = catalog
        self.role = role
        self.agency = agency
        # Only scenarios with a version of their document here can be walked.
        self.choices: list[tuple[Scenario, Entry]] = []
        for scenario in library.scenarios:
            entry = document_for(scenario, catalog, today)
            if entry is not None:
                self.choices.append((scenario, entry))

    def compose_body(self) -> ComposeResult:
        yield Static(_("Practise on a fictional case, then see your route against the model "
                       "answer. Enter or Ctrl+N starts the chosen scenario."), markup=False,
                     id="exercise-help")
        with Horizontal(classes="field"):
            yield Label(_("Your role"), classes="field-label")
            yield Input(self.role, id="role", compact=True,
                        placeholder=_("e.g. Designated safeguarding person"))
        with Horizontal(classes="field"):
            yield Label(_("Agency"), classes="field-label")
            yield Input(self.agency, id="agency", compact=True,
                        placeholder=_("e.g. school, health, police"))
        # No session yet: the scenarios' titles come in the app's language.
        language = interface_language()
        rows = [
            Row(scenario.id, _("{title} · for {audience} · {document} {version}").format(
                title=render(scenario.title, language), audience=", ".join(scenario.audience),
                document=entry.document.id, version=entry.version), f"{n}.")
            for n, (scenario, entry) in enumerate(self.choices, start=1)
        ]
        yield CursorList(rows, id="scenarios", compact=True)
        if not rows:
            yield Static(_("No scenarios match the guidance here."), markup=False)

    def on_mount(self) -> None:
        self.sub_title = _("Exercise")
        self.query_one("#scenarios", CursorList).focus()

    @on(OptionList.OptionSelected, "#scenarios")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_begin()

    @on(Input.Submitted)
    def action_begin(self) -> None:
        index = self.query_one("#scenarios", CursorList).highlighted
        if index is None or not self.choices:
            self.notify(_("Choose a scenario first."), severity="warning")
            return
        scenario, entry = self.choices[index]
        self.post_message(self.Begin(
            scenario, entry, self.query_one("#role", Input).value.strip(),
            self.query_one("#agency", Input).value.strip(),
        ))

    def action_close(self) -> None:
        self.app.pop_screen()
