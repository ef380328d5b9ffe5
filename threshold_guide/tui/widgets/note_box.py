"""The note a question asks for, with how it is known (its evidence types)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, TextArea

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.document import EvidenceType, NoteRequest
from threshold_guide.models.text import render
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.cursor_list import CursorList, Row

EVIDENCE_NAMES: dict[EvidenceType, str] = {
    EvidenceType.OBSERVED: N_("Observed"),
    EvidenceType.DISCLOSED: N_("Disclosed by the child (their own words)"),
    EvidenceType.REPORTED: N_("Reported by someone else"),
    EvidenceType.OPINION: N_("Professional opinion"),
}
"""The evidence types as the app names them (models' EVIDENCE_LABELS, in the catalogue)."""

TYPING_PAUSE = 0.4
"""Seconds from a first keystroke to the save of its batch; leaving the box saves at once."""


class EvidenceList(TranslatedKeys, CursorList):
    """The evidence types a question offers, each ticked [x] or not [ ] (marks, not colour)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", N_("Tick"), show=False),
    ]

    DEFAULT_CSS = """
    EvidenceList { height: auto; max-height: 4; border: none; padding: 0; }
    EvidenceList:focus { border: none; }
    """

    class Changed(Message):
        """A type was ticked or unticked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.kinds: list[EvidenceType] = []
        self.ticked: list[EvidenceType] = []

    def show(self, kinds: list[EvidenceType], ticked: Sequence[EvidenceType]) -> None:
        same = kinds == self.kinds
        self.kinds = list(kinds)
        self.ticked = [kind for kind in kinds if kind in ticked]
        self.set_rows(self._evidence_rows(), highlight=self.highlighted if same else 0)

    def _evidence_rows(self) -> list[Row]:
        return [Row(kind.value, _(EVIDENCE_NAMES[kind]),
                    "[x]" if kind in self.ticked else "[ ]")
                for kind in self.kinds]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind = EvidenceType(str(event.option.id))
        chosen = set(self.ticked) ^ {kind}
        self.ticked = [k for k in self.kinds if k in chosen]
        self.set_rows(self._evidence_rows(), highlight=event.option_index)
        self.post_message(self.Changed())


class NoteBox(Vertical):
    """One box reused for every question (re-creating widgets per question is slow).

    Posts :class:`NoteBox.Edited` at most :data:`TYPING_PAUSE` seconds after typing starts,
    and at once when an evidence type is ticked or unticked, or focus leaves the box. A
    note may rest on several kinds of evidence (seen, and also told), so the types are
    ticked, not chosen one of.
    """

    DEFAULT_CSS = """
    NoteBox { height: auto; }
    NoteBox > Label { width: 100%; }
    NoteBox > TextArea { height: 5; }
    NoteBox > EvidenceList { margin-bottom: 1; }
    """

    class Edited(Message):
        def __init__(self, question_id: str, note: str,
                     evidence: list[EvidenceType]) -> None:
            super().__init__()
            self.question_id = question_id
            self.note = note
            self.evidence = evidence

    def __init__(self, *, language: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.question_id = ""
        self._shown: tuple[str, list[EvidenceType]] = ("", [])
        self._waiting = False

    def compose(self) -> ComposeResult:
        yield Label("", markup=False, id="note-prompt")
        yield TextArea(id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Label(_("How do you know? Tick every type that applies (Space or Enter):"),
                    markup=False, id="evidence-prompt")
        yield EvidenceList(id="evidence")

    def show(self, question_id: str, request: NoteRequest, note: str,
             evidence: Sequence[EvidenceType]) -> None:
        """Show the note of another question (or the same one, reloaded)."""
        self.question_id = question_id
        prompt = render(request.prompt, self.language)
        self.query_one("#note-prompt", Label).update(
            (_("Note (required): {prompt}") if request.required
             else _("Note (optional): {prompt}")).format(prompt=prompt)
        )
        ticked = [kind for kind in request.evidence if kind in evidence]
        self.query_one(EvidenceList).show(list(request.evidence), ticked)
        area = self.query_one("#note", TextArea)
        if area.text != note:
            area.load_text(note)
        self._shown = (note, ticked)

    @property
    def note(self) -> str:
        return self.query_one("#note", TextArea).text

    @property
    def evidence(self) -> list[EvidenceType]:
        return list(self.query_one(EvidenceList).ticked)

    def focus_note(self) -> None:
        self.query_one("#note", TextArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        # One timer per batch of keystrokes: a long stretch of typing is still saved
        # every TYPING_PAUSE seconds rather than only when it stops.
        if not self._waiting:
            self._waiting = True
            self.set_timer(TYPING_PAUSE, self._timer_done, name="note-save")

    def _timer_done(self) -> None:
        self._waiting = False
        self.flush()

    def on_evidence_list_changed(self, event: EvidenceList.Changed) -> None:
        event.stop()
        self.flush()

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Post the note now if it differs from what was last shown or posted."""
        current = (self.note, self.evidence)
        if not self.question_id or current == self._shown:
            return
        self._shown = current
        self.post_message(self.Edited(self.question_id, *current))
