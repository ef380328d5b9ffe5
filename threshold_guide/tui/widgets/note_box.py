"""The note a question asks for, with how it is known (its evidence type)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Select, TextArea

from threshold_guide.models.document import EVIDENCE_LABELS, EvidenceType, NoteRequest
from threshold_guide.models.text import render

TYPING_PAUSE = 0.4
"""Seconds from a first keystroke to the save of its batch; leaving the box saves at once."""


class NoteBox(Vertical):
    """One box reused for every question (re-creating widgets per question is slow).

    Posts :class:`NoteBox.Edited` at most :data:`TYPING_PAUSE` seconds after typing starts,
    and at once when the evidence type changes or focus leaves the box.
    """

    DEFAULT_CSS = """
    NoteBox { height: auto; }
    NoteBox > Label { width: 100%; }
    NoteBox > TextArea { height: 5; }
    NoteBox > Select { width: 100%; margin-bottom: 1; }
    """

    class Edited(Message):
        def __init__(self, question_id: str, note: str, evidence: EvidenceType | None) -> None:
            super().__init__()
            self.question_id = question_id
            self.note = note
            self.evidence = evidence

    def __init__(self, *, language: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.question_id = ""
        self._shown: tuple[str, EvidenceType | None] = ("", None)
        self._kinds: list[EvidenceType] = []
        self._waiting = False

    def compose(self) -> ComposeResult:
        yield Label("", markup=False, id="note-prompt")
        yield Select[EvidenceType]([], prompt="How do you know? (evidence type)", compact=True,
                                   id="evidence")
        yield TextArea(id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")

    def show(self, question_id: str, request: NoteRequest, note: str,
             evidence: EvidenceType | None) -> None:
        """Show the note of another question (or the same one, reloaded)."""
        self.question_id = question_id
        need = "required" if request.required else "optional"
        self.query_one("#note-prompt", Label).update(
            f"Note ({need}): {render(request.prompt, self.language)}"
        )
        select: Select[EvidenceType] = self.query_one("#evidence", Select)
        if request.evidence != self._kinds:
            self._kinds = list(request.evidence)
            select.set_options([(EVIDENCE_LABELS[kind], kind) for kind in self._kinds])
        select.value = evidence if evidence in self._kinds else Select.NULL
        area = self.query_one("#note", TextArea)
        if area.text != note:
            area.load_text(note)
        self._shown = (note, evidence if evidence in self._kinds else None)

    @property
    def note(self) -> str:
        return self.query_one("#note", TextArea).text

    @property
    def evidence(self) -> EvidenceType | None:
        value = self.query_one("#evidence", Select).value
        return value if isinstance(value, EvidenceType) else None

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

    def on_select_changed(self, event: Select.Changed) -> None:
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
