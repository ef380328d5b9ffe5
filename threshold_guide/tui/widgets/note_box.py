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
    """Posts :class:`NoteBox.Edited` after a pause in typing, and at once on leaving."""

    DEFAULT_CSS = """
    NoteBox { height: auto; }
    NoteBox > Label { width: 100%; }
    NoteBox > TextArea { height: 5; }
    NoteBox > Select { width: 100%; margin-bottom: 1; }
    """

    class Edited(Message):
        def __init__(self, note: str, evidence: EvidenceType | None) -> None:
            super().__init__()
            self.note = note
            self.evidence = evidence

    def __init__(
        self,
        request: NoteRequest,
        note: str,
        evidence: EvidenceType | None,
        *,
        language: str = "en",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.request = request
        self.language = language
        self._note = note
        self._evidence = evidence
        self._pending = False
        self._waiting = False

    def compose(self) -> ComposeResult:
        need = "required" if self.request.required else "optional"
        yield Label(f"Note ({need}): {render(self.request.prompt, self.language)}",
                    markup=False, classes="note-prompt")
        yield Select[EvidenceType](
            [(EVIDENCE_LABELS[kind], kind) for kind in self.request.evidence],
            prompt="How do you know? (evidence type)",
            value=self._evidence if self._evidence in self.request.evidence else Select.NULL,
            compact=True,
            id="evidence",
        )
        yield TextArea(self._note, id="note", soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus")

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
        self._pending = True
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
        self._pending = True
        self.flush()

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Post the note now if it changed since the last post."""
        if not self._pending:
            return
        self._pending = False
        self.post_message(self.Edited(self.note, self.evidence))
