"""Why the practitioner departs from the guidance's suggestion: a required, saved reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Label, Static, TextArea

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.note_box import TYPING_PAUSE
from threshold_guide.tui.widgets.suggestion_box import answer_label

QUESTION = N_("Why do you depart from the guidance's suggestion? (required)")

Record = Callable[[str], Walkthrough | None]
"""Takes the reason as typed so far, saves it, and returns the state it is saved in."""


class DepartureModal(BaseModal[bool]):
    """Dismisses with True to go on (a reason is given), or None to choose again.

    Every edit goes to ``record`` as it is typed, as a note does, so the reason is saved
    whichever way the dialog closes, and when the app quits with it open.
    """

    DEFAULT_CSS = """
    #departure-lower, #departure-problem { text-style: bold; color: $text-error; }
    #departure-lower { margin-bottom: 1; }
    """
    TITLE_TEXT = N_("Departing from the guidance's suggestion")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Choose again")),
        Binding("ctrl+s", "save", N_("Save reason and go on")),
    ]

    def __init__(self, state: Walkthrough, record: Record) -> None:
        super().__init__()
        self.state = state
        self.record = record
        given = state.given
        self._saved = (given.departure_reason or "") if given is not None else ""
        self._waiting = False

    def compose_body(self) -> ComposeResult:
        state = self.state
        suggestion, question, given = state.suggestion, state.question, state.given
        assert suggestion is not None and question is not None and given is not None
        language = state.session.language
        yield Static(
            _("The answers so far point to “{suggested}” (suggested because: {rationale}). "
              "You chose “{chosen}”: a professional-judgement departure. The summary shows "
              "both, with your reason.").format(
                  suggested=answer_label(question, suggestion.target, language),
                  rationale=render(suggestion.rationale, language),
                  chosen=answer_label(question, str(given.answer), language)),
            markup=False, classes="dialog-note",
        )
        effect = state.departure_effect()
        if effect is not None and effect.lower:
            assert effect.chosen is not None and effect.suggested is not None
            yield Static(
                _("⚠ This is a LOWER level than the guidance suggests: {chosen} instead of "
                  "{suggested}. The summary will flag it; check it with your designated "
                  "safeguarding person.").format(
                      chosen=render(effect.chosen.title, language),
                      suggested=render(effect.suggested.title, language)),
                id="departure-lower", markup=False,
            )
        yield Label(_(QUESTION))
        yield TextArea(self._saved, id="departure-reason", soft_wrap=True,
                       tab_behavior="focus")
        yield Static(id="departure-problem", markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save reason and go on"), id="save", variant="primary",
                         compact=True)
            yield Button(_("Choose again"), id="again", compact=True)

    def on_mount(self) -> None:
        self.query_one("#departure-problem").display = False
        area = self.query_one("#departure-reason", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def reason(self) -> str:
        return self.query_one("#departure-reason", TextArea).text

    # Saving as it is typed ------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if not self._waiting:
            self._waiting = True
            self.set_timer(TYPING_PAUSE, self._timer_done, name="reason-save")

    def _timer_done(self) -> None:
        self._waiting = False
        self.flush_edits()

    def on_descendant_blur(self) -> None:
        self.flush_edits()

    def flush_edits(self) -> Walkthrough | None:
        """Hand over what is typed now; the app calls this before it quits."""
        text = self.reason
        if text == self._saved:
            return None
        self._saved = text
        return self.record(text)

    # Leaving ----------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_close()

    def action_save(self) -> None:
        self.flush_edits()
        if not self.reason.strip():
            problem = self.query_one("#departure-problem", Static)
            problem.update(_("⚠ A reason is required to depart from the suggestion. Press "
                             "Escape to choose another answer instead."))
            problem.display = True
            return
        self.dismiss(True)

    def action_close(self) -> None:
        self.flush_edits()
        self.dismiss(None)
