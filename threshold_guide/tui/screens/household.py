"""The household view: one conference, the case details and a row for each child.

Each row shows the child's progress and decision (or "not decided yet"); every flag the
household logic computes (a child with no voice recorded first among them) is listed below
in words. The screen only shows and collects: walking is asked of the app by message, and
every change is sent up as :class:`HouseholdChanged` to be saved.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Select, Static

from threshold_guide.deadlines.working_days import local, parse_local
from threshold_guide.household.decisions import household_flags
from threshold_guide.household.editing import (
    ChildRow,
    add_child,
    child_rows,
    next_child_ref,
    remove_child,
    rename_child,
)
from threshold_guide.household.walk import Pinned
from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.i18n.languages import INTERFACE_LANGUAGES, language_name
from threshold_guide.models.household import Household
from threshold_guide.tui.messages import Clock, HouseholdChanged, Navigate
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.child_details import ChildDetailsScreen
from threshold_guide.tui.screens.child_ref import ChildRefModal
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.papers import PapersScreen

# Translators: each label is at most 13 characters wide on screen.
FIELDS = (
    ("reference", N_("Case ref."), N_("never a name")),
    ("chair", N_("Chair"), N_("the chair's role, e.g. Independent conference chair")),
    ("reason", N_("Reason"), N_("why the conference is held, in plain words")),
    ("s47_conclusion", N_("S47 result"), N_("what the section 47 enquiries concluded")),
    ("attending", N_("Agencies"), N_("agencies invited, separated by commas")),
)
NO_LANGUAGE = "none"
"""The family-language choice 'not recorded'."""


def family_language_choices() -> list[tuple[str, str]]:
    return [(_("Not recorded"), NO_LANGUAGE),
            *((language_name(code), code) for code in sorted(INTERFACE_LANGUAGES))]


class HouseholdScreen(BaseScreen):
    HELP_TITLE = N_("Household view (conference)")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f4", "walk_household", N_("Household"), tooltip=N_(
            "The questions asked once for the whole household")),
        Binding("f6", "details", N_("Child"), tooltip=N_(
            "This child's voice, age, each agency's view, the chair's reason and the plan")),
        Binding("f7", "papers", N_("Papers"), tooltip=N_(
            "The invitation, decision records and agency report outline: read and export")),
        Binding("f2", "add", N_("Add"), tooltip=N_("Add a child (by reference, never a name)")),
        # Not in the footer (F1 lists it): with it the Welsh keys run past 80 columns.
        Binding("f3", "rename", N_("Rename"), tooltip=N_("Rename the child under the cursor"),
                show=False),
        Binding("delete", "remove", N_("Remove"), tooltip=N_(
            "Remove the child under the cursor (asks first)")),
        Binding("f10", "home", N_("Close"), tooltip=N_(
            "Save and close: back to the start screen")),
    ]

    class Walk(Message):
        """Walk the household's questions (``child`` None) or one child's."""

        def __init__(self, child: str | None) -> None:
            super().__init__()
            self.child = child

    def __init__(self, pinned: Pinned, household: Household, export_dir: Path,
                 clock: Clock) -> None:
        super().__init__()
        self.pinned = pinned
        self._household = household
        self.export_dir = export_dir
        self.clock = clock
        self.rows: list[ChildRow] = []

    @property
    def household(self) -> Household:
        return self._household

    @household.setter
    def household(self, household: Household) -> None:
        self._household = household
        if self.is_mounted:
            self._show_children()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="household-body"):
            for name, label, hint in FIELDS:
                with Horizontal(classes="household-field"):
                    yield Label(_(label), classes="household-label")
                    yield Input(self._value(name), placeholder=_(hint), id=f"hh-{name}",
                                compact=True)
            with Horizontal(classes="household-field"):
                # Translators: when the conference is held; at most 13 characters.
                yield Label(_("When"), classes="household-label")
                yield Input(self._held(), placeholder=_("YYYY-MM-DD HH:MM (UK time)"),
                            id="hh-held_at", compact=True)
                # Translators: the family's language of choice; at most 12 characters.
                yield Label(_("Family lang."), classes="household-label household-label-2")
                yield Select(family_language_choices(),
                             value=self.household.family_language or NO_LANGUAGE,
                             allow_blank=False, id="hh-family_language", compact=True)
            yield DataTable(id="children", cursor_type="row", zebra_stripes=False)
            yield Static(id="household-hint", markup=False)
            with VerticalScroll(id="household-flags"):
                yield Static(id="flags", markup=False)

    def _value(self, name: str) -> str:
        value = getattr(self.household, name)
        return ", ".join(value) if isinstance(value, list) else str(value)

    def _held(self) -> str:
        held = self.household.held_at
        return local(held).strftime("%Y-%m-%d %H:%M") if held is not None else ""

    def on_mount(self) -> None:
        self.sub_title = _("Conference · {document} {version}").format(
            document=self.pinned.document.id, version=self.pinned.document.version)
        table = self.query_one("#children", DataTable)
        table.add_columns(_("Child"), _("Progress"), _("Flags"), _("Decision"))
        self._show_children()
        table.focus()

    def _show_children(self) -> None:
        table = self.query_one("#children", DataTable)
        row = table.cursor_row
        table.clear()
        language = interface_language()
        rows = child_rows(self.pinned.document, self.household, language)
        silent = {case.child for case in self.household.children if not case.voice.recorded}
        for line in rows:
            voice = _("⚠ no voice") if line.child in silent else ""
            more = len(line.flags) - (1 if voice else 0)
            flags = (f"{voice} +{more}" if voice and more else voice or
                     (f"⚠ {more}" if more else "—"))
            table.add_row(line.child, line.progress, flags, _short(line.decision),
                          key=line.child)
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1))
        self.rows = rows
        self._show_current()
        every = household_flags(self.pinned.document, self.household, language)
        every += [flag for line in rows for flag in line.flags]
        self.query_one("#flags", Static).update(
            "\n".join(f"⚠ {flag}" for flag in every) if every else _("No flags."))

    @on(DataTable.RowHighlighted, "#children")
    def _show_current(self) -> None:
        """The decision of the child under the cursor in full (the table may shorten it)."""
        child = self._current_child()
        line = next((row for row in self.rows if row.child == child), None)
        self.query_one("#household-hint", Static).update(
            _("{child}: {decision} (Enter walks {child})").format(
                child=line.child, decision=line.decision) if line is not None else "")

    def _current_child(self) -> str | None:
        table = self.query_one("#children", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _changed(self, household: Household) -> None:
        self.household = household
        self.post_message(HouseholdChanged(household))

    # The case details -------------------------------------------------------------------

    @on(Input.Changed, "#hh-held_at")
    def _held_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        try:
            held = parse_local(text).astimezone(dt.UTC) if text else None
        except ValueError:
            return  # still being typed; kept once it reads as a time
        if held != self.household.held_at:
            self._changed(self.household.model_copy(update={"held_at": held}))

    @on(Select.Changed, "#hh-family_language")
    def _family_language_changed(self, event: Select.Changed) -> None:
        event.stop()
        chosen = None if event.value in (NO_LANGUAGE, Select.BLANK) else str(event.value)
        if chosen != self.household.family_language:
            self._changed(self.household.model_copy(update={"family_language": chosen}))

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("hh-")
        value: object = event.value
        if name == "attending":
            value = [part.strip() for part in event.value.split(",") if part.strip()]
        if name in {field[0] for field in FIELDS} and getattr(self.household, name) != value:
            try:
                household = Household.model_validate(
                    {**self.household.model_dump(), name: value})
            except ValueError:
                self.notify(_("That is too long to keep."), severity="warning")
                return
            self._changed(household)

    # Children ---------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#children")
    def _walk_child(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Walk(str(event.row_key.value)))

    def action_walk_household(self) -> None:
        self.post_message(self.Walk(None))

    def action_details(self) -> None:
        child = self._current_child()
        if child is not None:
            self.app.push_screen(ChildDetailsScreen(self.pinned, self.household, child))

    def action_papers(self) -> None:
        self.app.push_screen(PapersScreen(self.pinned, self.household, self.export_dir,
                                          self.clock))

    def action_add(self) -> None:
        self.app.push_screen(ChildRefModal(_("Add a child"), next_child_ref(self.household)),
                             self._added)

    def _added(self, child: str | None) -> None:
        if not child:
            return
        try:
            self._changed(add_child(self.household, child))
        except ValueError as problem:
            self.notify(_problem(problem), title=_("Not added"), severity="warning")

    def action_rename(self) -> None:
        child = self._current_child()
        if child is not None:
            self.app.push_screen(ChildRefModal(_("Rename {child}").format(child=child), child),
                                 lambda new: self._renamed(child, new))

    def _renamed(self, old: str, new: str | None) -> None:
        if not new or new == old:
            return
        try:
            self._changed(rename_child(self.household, old, new))
        except ValueError as problem:
            self.notify(_problem(problem), title=_("Not renamed"), severity="warning")

    def action_remove(self) -> None:
        child = self._current_child()
        if child is None:
            return
        if len(self.household.children) == 1:
            self.notify(_("A household keeps at least one child."), severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._changed(remove_child(self.household, child, interface_language()))

        self.app.push_screen(ConfirmModal(
            _("Remove {child}?").format(child=child),
            _("{child}'s answers, voice, agency views and plan will be removed from this "
              "case.").format(child=child), _("Remove")), confirmed)

    def action_home(self) -> None:
        self.post_message(Navigate("start"))


DECISION_WIDTH = 34


def _short(decision: str) -> str:
    """The decision in the width its column has; the line below the table has it in full."""
    return decision if len(decision) <= DECISION_WIDTH else decision[:DECISION_WIDTH - 1] + "…"


def _problem(problem: ValueError) -> str:
    errors = getattr(problem, "errors", None)
    if not callable(errors):
        return str(problem)
    words = []
    for error in errors():
        if error.get("type") in {"string_pattern_mismatch", "string_too_short"}:
            words.append(_("use letters, digits and spaces (at most 40), such as 'Child D'; "
                           "never a name"))
        else:
            words.append(_("two children cannot have the same reference: give each their own "
                           "('Child A', 'Child B')") if "two children" in str(error.get("msg"))
                         else str(error.get("msg", "")).removeprefix("Value error, "))
    return "; ".join(words) or str(problem)
