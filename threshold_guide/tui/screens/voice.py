"""The child's voice and strengths, asked before the summary and reported beside the worries."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Label, Static, TextArea

from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import VoiceKind, Walkthrough
from threshold_guide.tui.messages import Clock, Navigate, SessionChanged
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.widgets.markdown_view import markdown_text
from threshold_guide.tui.widgets.note_box import TYPING_PAUSE

SECTIONS: list[tuple[VoiceKind, str]] = [
    ("child_voice", N_("The child's voice")),
    ("strengths", N_("Strengths and protective factors")),
]


class VoiceHelp(Static):
    """A prompt's help, from Markdown, wrapped to the width it is shown at."""

    def __init__(self, markdown: str, *, classes: str) -> None:
        super().__init__(classes=classes)
        self.markdown = markdown

    def on_resize(self) -> None:
        self.update(markdown_text(self.markdown, max(20, self.size.width)))


class VoiceScreen(BaseScreen):
    HELP_TITLE = N_("Child's voice screen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "summary", N_("Summary")),
        Binding("ctrl+b", "back", N_("Back")),
        Binding("f10", "home", N_("Save and close"), show=False),
    ]

    def __init__(self, state: Walkthrough, clock: Clock) -> None:
        super().__init__()
        self.state = state
        self.clock = clock
        self._pending: set[str] = set()

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="voice-body"):
            yield Static(
                _("Record what the child said and what is working well. Use the child's own "
                  "words. Leave a box empty if it does not apply; the summary says what was "
                  "not recorded. Tab moves between boxes; Ctrl+N goes to the summary."),
                markup=False, classes="intro",
            )
            language = interface_language()
            for kind, heading in SECTIONS:
                prompts = self.state.voice_prompts(kind)
                if not prompts:
                    continue
                yield Static(_(heading), classes="section-title", markup=False)
                stored = getattr(self.state.session, kind)
                for prompt in prompts:
                    yield Label(render(prompt.prompt, language), markup=False)
                    if prompt.help:
                        yield VoiceHelp(render(prompt.help, language).strip(),
                                        classes="voice-help")
                    yield TextArea(stored.get(prompt.id, ""), id=f"{kind}--{prompt.id}",
                                   soft_wrap=True, tab_behavior="focus", classes="voice-text")
            yield Button(_("Continue to the summary ▸"), id="to-summary", compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("The child's voice and strengths")
        boxes = self.query(TextArea)
        if boxes:
            boxes.first().focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        if event.text_area.id is None:
            return
        if not self._pending:
            # One save per batch of keystrokes, however long the typing goes on.
            self.set_timer(TYPING_PAUSE, self._save)
        self._pending.add(event.text_area.id)

    def flush_edits(self) -> Walkthrough:
        """Take what is typed now; the app saves the result before quitting."""
        self._save()
        return self.state

    def _save(self) -> None:
        """Save every box typed in since the last save."""
        state = self.state
        now = self.clock()
        for box_id in sorted(self._pending):
            kind, _sep, prompt_id = box_id.partition("--")
            box = self.query_one(f"#{box_id}", TextArea)
            state = state.set_voice("strengths" if kind == "strengths" else "child_voice",
                                    prompt_id, box.text, now)
        self._pending.clear()
        if state is not self.state:
            self.state = state
            self.post_message(SessionChanged(state))

    @on(Button.Pressed, "#to-summary")
    def action_summary(self) -> None:
        self._save()
        self.post_message(Navigate("summary", self.state))

    def action_back(self) -> None:
        self._save()
        self.post_message(Navigate("question", self.state.back()))

    def action_home(self) -> None:
        self._save()
        self.post_message(Navigate("start"))

    def on_screen_suspend(self) -> None:
        self._save()
