"""Professional-judgement override: a different outcome, with a required reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Label, OptionList, Static, TextArea

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.cursor_list import CursorList, Row


@dataclass(frozen=True)
class OverrideChoice:
    outcome: str | None
    """The outcome chosen instead, or None to remove the override."""
    reason: str = ""
    saved: bool = True
    """False when the dialog was closed without saving: ``outcome`` and ``reason`` are
    then what was chosen and typed so far, kept for the next time it opens."""


class OverrideModal(BaseModal[OverrideChoice]):
    TITLE_TEXT = N_("Professional-judgement override")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save override")),
    ]

    def __init__(self, state: Walkthrough, draft: OverrideChoice | None = None) -> None:
        super().__init__()
        self.state = state
        reached = state.route.outcome
        self.reached = reached.id if reached else None
        current = state.session.override
        self.selected: str | None = current.outcome if current else None
        reason = current.reason if current else ""
        if draft is not None:  # what was chosen and typed before the dialog was closed
            self.selected = draft.outcome or self.selected
            reason = draft.reason or reason
        self.reason = reason

    def compose_body(self) -> ComposeResult:
        yield Label(_("Choose the outcome your professional judgement reaches instead:"))
        yield CursorList(self._rows(), id="outcomes", compact=True)
        yield Static(id="lower-warning", markup=False)
        yield Static(_("Reason (required; shown in the summary beside the guidance outcome). "
                       "Tab, or Enter on an outcome, moves here:"), markup=False)
        yield TextArea(self.reason, id="reason", soft_wrap=True, tab_behavior="focus")
        yield Static(id="override-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save override"), id="save", variant="primary", compact=True)
            if self.state.session.override is not None:
                yield Button(_("Remove override"), id="remove", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def _rows(self) -> list[Row]:
        rows = []
        language = self.state.session.language
        for outcome in sorted(self.state.document.outcomes, key=lambda o: -o.level):
            mark = "(•)" if outcome.id == self.selected else "( )"
            text = (_("{title} (level {level}) ← the guidance outcome")
                    if outcome.id == self.reached else _("{title} (level {level})")).format(
                        title=render(outcome.title, language), level=outcome.level)
            rows.append(Row(outcome.id, text, mark, disabled=outcome.id == self.reached))
        return rows

    def on_mount(self) -> None:
        self.query_one("#override-problem").display = False
        self._warn()
        outcomes = self.query_one("#outcomes", CursorList)
        if self.selected is not None:
            outcomes.highlighted = next(
                (i for i, row in enumerate(self._rows()) if row.id == self.selected), 0)
        # With an outcome chosen already, what is left to do is the reason.
        if self.selected is not None:
            area = self.query_one("#reason", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
        else:
            outcomes.focus()

    def _typed(self) -> OverrideChoice:
        return OverrideChoice(self.selected, self.query_one("#reason", TextArea).text,
                              saved=False)

    def action_close(self) -> None:
        self.dismiss(self._typed())

    def _warn(self) -> None:
        warning = self.query_one("#lower-warning", Static)
        lower = self.selected is not None and self.state.override_is_lower(self.selected)
        warning.update(
            _("⚠ This is a LOWER level than the guidance reached. The summary will flag it; "
              "check it with your designated safeguarding person.") if lower else ""
        )
        warning.display = lower

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.selected = event.option.id
        listing = self.query_one("#outcomes", CursorList)
        listing.set_rows(self._rows(), highlight=listing.highlighted)
        self._warn()
        self.query_one("#reason", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "remove":
            self.dismiss(OverrideChoice(None))
        else:
            self.action_close()

    def action_save(self) -> None:
        reason = self.query_one("#reason", TextArea).text.strip()
        problem = self.query_one("#override-problem", Static)
        if self.selected is None:
            problem.update(_("⚠ Choose an outcome first (arrows and Enter)."))
        elif self.selected == self.reached:
            problem.update(_("⚠ That is the outcome the guidance reached: an override must "
                             "choose a different one. To agree with the guidance, cancel."))
        elif not reason:
            problem.update(_("⚠ A reason is required for an override."))
        else:
            self.dismiss(OverrideChoice(self.selected, reason))
            return
        problem.display = True

