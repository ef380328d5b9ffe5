"""The household view: one conference, the case details and a row for each child.

Each row shows the child's progress and decision (or "not decided yet"); every flag the
household logic computes (a child with no voice recorded first among them) is listed below
in words. The screen only shows and collects: walking is asked of the app by message, and
every change is sent up as :class:`HouseholdChanged` to be saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

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
from threshold_guide.models.household import Household
from threshold_guide.tui.messages import Clock, HouseholdChanged, Navigate
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.child_details import ChildDetailsScreen
from threshold_guide.tui.screens.child_ref import ChildRefModal
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.papers import PapersScreen

FIELDS = (
    ("reference", "Case ref.", "never a name"),
    ("chair", "Chair", "the chair's role, e.g. Independent conference chair"),
    ("reason", "Reason", "why the conference is held, in plain words"),
    ("s47_conclusion", "S47 result", "what the section 47 enquiries concluded"),
    ("attending", "Agencies", "agencies invited, separated by commas"),
)


class HouseholdScreen(BaseScreen):
    HELP_TITLE = "Household view (conference)"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f4", "walk_household", "Household", tooltip="The questions asked once for "
                "the whole household"),
        Binding("f6", "details", "Child", tooltip="This child's voice, each agency's view, "
                "the chair's reason and the plan"),
        Binding("f7", "papers", "Papers", tooltip="The invitation, decision records and "
                "agency report outline: read and export"),
        Binding("f2", "add", "Add", tooltip="Add a child (by reference, never a name)"),
        Binding("f3", "rename", "Rename", tooltip="Rename the child under the cursor"),
        Binding("delete", "remove", "Remove", tooltip="Remove the child under the cursor "
                "(asks first)"),
        Binding("f10", "home", "Close", tooltip="Save and close: back to the start screen"),
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
                    yield Label(label, classes="household-label")
                    yield Input(self._value(name), placeholder=hint, id=f"hh-{name}",
                                compact=True)
            yield DataTable(id="children", cursor_type="row", zebra_stripes=False)
            yield Static(id="household-hint", markup=False)
            with VerticalScroll(id="household-flags"):
                yield Static(id="flags", markup=False)

    def _value(self, name: str) -> str:
        value = getattr(self.household, name)
        return ", ".join(value) if isinstance(value, list) else str(value)

    def on_mount(self) -> None:
        self.sub_title = f"Conference · {self.pinned.document.id} {self.pinned.document.version}"
        table = self.query_one("#children", DataTable)
        table.add_columns("Child", "Progress", "Flags", "Decision")
        self._show_children()
        table.focus()

    def _show_children(self) -> None:
        table = self.query_one("#children", DataTable)
        row = table.cursor_row
        table.clear()
        rows = child_rows(self.pinned.document, self.household)
        for line in rows:
            voice = "⚠ no voice" if any("no voice recorded" in f for f in line.flags) else ""
            more = len(line.flags) - (1 if voice else 0)
            flags = (f"{voice} +{more}" if voice and more else voice or
                     (f"⚠ {more}" if more else "—"))
            table.add_row(line.child, line.progress, flags, _short(line.decision),
                          key=line.child)
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1))
        self.rows = rows
        self._show_current()
        every = household_flags(self.pinned.document, self.household)
        every += [flag for line in rows for flag in line.flags]
        self.query_one("#flags", Static).update(
            "\n".join(f"⚠ {flag}" for flag in every) if every else "No flags.")

    @on(DataTable.RowHighlighted, "#children")
    def _show_current(self) -> None:
        """The decision of the child under the cursor in full (the table may shorten it)."""
        child = self._current_child()
        line = next((row for row in self.rows if row.child == child), None)
        self.query_one("#household-hint", Static).update(
            f"{line.child}: {line.decision} (Enter walks {line.child})"
            if line is not None else "")

    def _current_child(self) -> str | None:
        table = self.query_one("#children", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _changed(self, household: Household) -> None:
        self.household = household
        self.post_message(HouseholdChanged(household))

    # The case details -------------------------------------------------------------------

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("hh-")
        value: object = event.value
        if name == "attending":
            value = [part.strip() for part in event.value.split(",") if part.strip()]
        if name in {n for n, _, _ in FIELDS} and getattr(self.household, name) != value:
            try:
                household = Household.model_validate(
                    {**self.household.model_dump(), name: value})
            except ValueError:
                self.notify("That is too long to keep.", severity="warning")
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
        self.app.push_screen(ChildRefModal("Add a child", next_child_ref(self.household)),
                             self._added)

    def _added(self, child: str | None) -> None:
        if not child:
            return
        try:
            self._changed(add_child(self.household, child))
        except ValueError as problem:
            self.notify(_problem(problem), title="Not added", severity="warning")

    def action_rename(self) -> None:
        child = self._current_child()
        if child is not None:
            self.app.push_screen(ChildRefModal(f"Rename {child}", child),
                                 lambda new: self._renamed(child, new))

    def _renamed(self, old: str, new: str | None) -> None:
        if not new or new == old:
            return
        try:
            self._changed(rename_child(self.household, old, new))
        except ValueError as problem:
            self.notify(_problem(problem), title="Not renamed", severity="warning")

    def action_remove(self) -> None:
        child = self._current_child()
        if child is None:
            return
        if len(self.household.children) == 1:
            self.notify("A household keeps at least one child.", severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._changed(remove_child(self.household, child))

        self.app.push_screen(ConfirmModal(
            f"Remove {child}?", f"{child}'s answers, voice, agency views and plan will be "
            "removed from this case.", "Remove"), confirmed)

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
            words.append("use letters, digits and spaces (at most 40), such as 'Child D'; "
                         "never a name")
        else:
            words.append(str(error.get("msg", "")).removeprefix("Value error, "))
    return "; ".join(words) or str(problem)
