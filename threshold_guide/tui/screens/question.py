"""One question at a time: prompt, answers, note, help; back, forward and review."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from threshold_guide.engine.routing import AnswerError
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.logic_book import definitions_markdown, why_markdown
from threshold_guide.models.document import QuestionType
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import NotReady, Walkthrough
from threshold_guide.tui.messages import Clock, Navigate, SessionChanged
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.browser import BrowserScreen
from threshold_guide.tui.screens.departure import DepartureModal
from threshold_guide.tui.screens.info import InfoModal
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.widgets.answers import AnswerList, chosen_ids
from threshold_guide.tui.widgets.breadcrumb import Breadcrumb
from threshold_guide.tui.widgets.markdown_view import markdown_text
from threshold_guide.tui.widgets.note_box import NoteBox
from threshold_guide.tui.widgets.suggestion_box import SuggestionBox

HINT_SINGLE = N_("Press the answer's number, or use ↑ ↓ and Enter.")
HINT_SINGLE_NOTE = N_("Choose an answer (number or Enter), write the note, then Ctrl+N to "
                      "go on.")
HINT_MULTIPLE = N_("Tick all that apply (number, Space or Enter), then Continue or Ctrl+N.")


class QuestionScreen(BaseScreen):
    HELP_TITLE = N_("Question screen")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Translators: footer key labels; all eight share one 80-column line, keep them short.
        Binding("ctrl+n", "next", N_("Next")),
        Binding("ctrl+b", "back", N_("Back")),
        # Translators: short for "Forward" (footer).
        Binding("ctrl+f", "forward", N_("Fwd"),
                tooltip=N_("Forward to the next answered question")),
        Binding("ctrl+e", "to_end", N_("Last"), tooltip=N_("Jump to the furthest answer")),
        Binding("f2", "definitions", N_("Terms"),
                tooltip=N_("Definitions this question relies on")),
        Binding("f3", "why", N_("Why?"), tooltip=N_("Why am I asked this? (with sources)")),
        Binding("f4", "review", N_("Review"), tooltip=N_("Review and change answers")),
        Binding("f10", "home", N_("Close"),
                tooltip=N_("Save and close: back to the start screen")),
        # Not in the footer, which has room for 80 columns of keys: F1 and the palette
        # list them, and in exercise mode the title says "F7 the case".
        Binding("f5", "book", N_("Book"), tooltip=N_("The logic book: the whole guidance"),
                show=False),
        Binding("f7", "vignette", N_("Case"), tooltip=N_("The exercise's case (exercise mode)"),
                show=False),
        Binding("f8", "reason", N_("Reason"), show=False,
                tooltip=N_("Why you depart from the guidance's suggestion (judgement "
                           "questions)")),
        *(Binding(str(n), f"pick({n})", N_("Answer"), show=False) for n in range(1, 10)),
    ]

    def __init__(self, state: Walkthrough, clock: Clock, vignette: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.clock = clock
        self.vignette = vignette
        """An exercise's case in Markdown; None outside exercise mode."""
        self._departs_shown = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A key is only offered (footer, palette) when it has something to do.
        if action == "reason":
            return self.state.departs
        return not (action == "vignette" and self.vignette is None)

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Breadcrumb(id="crumb")
            yield Static(id="prompt", markup=False)
            yield Static(id="hint", markup=False)
            yield SuggestionBox(id="suggestion")
            yield AnswerList(id="answers", language=self.state.session.language)
            yield NoteBox(id="note-box", language=self.state.session.language)
            yield Static(id="problem", markup=False)
            yield Button(_("Continue ▸"), id="continue", compact=True)
            yield Static(id="help")

    def on_mount(self) -> None:
        self.sub_title = self._subtitle()
        self._show()

    def _subtitle(self) -> str:
        ref = self.state.session.reference or _("no reference")
        if self.vignette is not None:  # the case is one key away on every question
            return _("Exercise · {reference} · F7 the case").format(reference=ref)
        # The case and the version first: at 80 columns a long document title is what the
        # header cuts short, never the reference the practitioner is working on.
        title = render(self.state.document.title, self.state.session.language)
        return f"{ref} · {self.state.document.version} · {title}"

    # Showing ----------------------------------------------------------------------------

    def _show(self, *, new_question: bool = True) -> None:
        state = self.state
        question = state.question
        if question is None:
            return
        self.query_one(Breadcrumb).show(state)
        multiple = question.type is QuestionType.MULTIPLE
        language = state.session.language
        self.query_one("#prompt", Static).update(render(question.prompt, language))
        hint = HINT_MULTIPLE if multiple else HINT_SINGLE_NOTE if question.note else HINT_SINGLE
        self.query_one("#hint", Static).update(_(hint))
        self.query_one(SuggestionBox).show(state)
        suggestion = state.suggestion
        answers = self.query_one(AnswerList)
        answers.show(question, state.walk.current_selection,
                     suggestion.target if suggestion is not None else None)
        if state.departs != self._departs_shown:  # F8 is offered only while it departs
            self._departs_shown = state.departs
            self.refresh_bindings()
        self.query_one("#continue").display = multiple or question.note is not None
        if new_question:
            self._set_problem(None)
            self._show_note()
            self._show_help()
            self.query_one("#body", VerticalScroll).scroll_home(animate=False)
            answers.focus()
        box = self.query_one(NoteBox)
        # A single-choice note belongs to an answer, so it waits for one. Only touched
        # when shown and changed: re-styling the box is a large part of a keypress.
        waiting = question.type is QuestionType.SINGLE and self.state.given is None
        if box.display and box.disabled != waiting:
            box.disabled = waiting

    def _show_help(self) -> None:
        question = self.state.question
        language = self.state.session.language
        help_text = render(question.help, language).strip() if question is not None else ""
        help_widget = self.query_one("#help", Static)
        help_widget.display = bool(help_text)
        # Pre-rendered, cached text: Textual's Markdown widget would build a widget per
        # paragraph on every question, which is far slower.
        width = max(20, self.query_one("#body").scrollable_content_region.width or 76)
        help_widget.update(markdown_text(help_text, width) if help_text else "")

    def on_resize(self) -> None:
        self._show_help()

    def _show_note(self) -> None:
        box = self.query_one(NoteBox)
        question = self.state.question
        box.display = question is not None and question.note is not None
        if question is None or question.note is None:
            box.question_id = ""
            return
        given = self.state.given
        box.show(question.id, question.note, (given.note or "") if given else "",
                 given.evidence if given else [])

    def _set_problem(self, text: str | None) -> None:
        problem = self.query_one("#problem", Static)
        problem.update(_("⚠ {problem}").format(problem=text) if text else "")
        problem.display = bool(text)

    # Changing the session ---------------------------------------------------------------

    def _commit(self, state: Walkthrough, *, moved: bool) -> None:
        """Adopt ``state``, have the app save it, and show where it now stands."""
        if state is self.state:
            return
        self.state = state
        self.post_message(SessionChanged(state))
        if self.walk_ended(state):
            self.post_message(Navigate("outcome", state))
            return
        self._show(new_question=moved)

    def walk_ended(self, state: Walkthrough) -> bool:
        """Whether ``state`` has left this screen's questions (a household's walk ends at
        the first question about a child)."""
        return state.question is None

    def _apply_note(self) -> None:
        """Take what is in the note box now, so a save never waits for the typing pause."""
        box = self.query_one(NoteBox)
        question = self.state.question
        if question is None or box.question_id != question.id or box.disabled:
            return
        try:
            state = self.state.set_note(box.note, box.evidence, self.clock())
        except NotReady:
            return
        self._commit(state, moved=False)

    def flush_edits(self) -> Walkthrough:
        """Take what is typed now; the app saves the result before quitting."""
        self._apply_note()
        return self.state

    @on(NoteBox.Edited)
    def _note_edited(self) -> None:
        self._apply_note()

    @on(AnswerList.Picked)
    def _picked(self, event: AnswerList.Picked) -> None:
        question = self.state.question
        if question is None:
            return
        now = self.clock()
        self._apply_note()
        try:
            if question.type is QuestionType.MULTIPLE:
                ticked = chosen_ids(self.state.walk.current_selection)
                if event.answer_id in ticked:
                    ticked.remove(event.answer_id)
                else:
                    ticked.append(event.answer_id)
                self._commit(self.state.choose(ticked, now), moved=False)
            else:
                chosen = self.state.choose(event.answer_id, now)
                if chosen.departs:  # a professional-judgement departure: ask why first
                    self._commit(chosen, moved=False)
                    self._set_problem(None)
                    self.action_reason()
                elif question.note is None:
                    self._commit(chosen.next(now), moved=True)
                else:
                    self._commit(chosen, moved=False)
                    self._focus_note()
        except AnswerError as problem:
            self._set_problem(str(problem))

    # A departure's reason ---------------------------------------------------------------

    def action_reason(self) -> None:
        if self.state.departs:
            self.app.push_screen(DepartureModal(self.state, self._record_reason),
                                 self._reason_done)

    def _record_reason(self, text: str) -> Walkthrough | None:
        try:
            state = self.state.set_departure_reason(text, self.clock())
        except NotReady:  # the answer on screen no longer departs
            return None
        self._commit(state, moved=False)
        return self.state

    def _reason_done(self, go_on: bool | None) -> None:
        if not go_on:
            self._set_problem(self.state.problem())
            return
        question = self.state.question
        if question is not None and question.note is not None:
            self._focus_note()
        else:
            self.action_next()

    def _focus_note(self) -> None:
        self.query_one(NoteBox).focus_note()

    @on(AnswerList.Done)
    @on(Button.Pressed, "#continue")
    def action_next(self) -> None:
        self._apply_note()
        try:
            state = self.state.next(self.clock())
        except NotReady as problem:
            self._set_problem(str(problem))
            given = self.state.given
            if self.state.departs and not (given and (given.departure_reason or "").strip()):
                self.action_reason()  # what is missing is the reason: ask for it
            elif given is not None and self.query_one(NoteBox).display:
                self._focus_note()  # what is missing is the note: go to it
            return
        self._commit(state, moved=True)

    def action_back(self) -> None:
        self._apply_note()
        if self.state.index == 0:
            self.notify(_("This is the first question."))
            return
        self._commit(self.state.back(), moved=True)

    def action_forward(self) -> None:
        self._apply_note()
        if self.state.given is None:
            self.notify(_("This question has no answer yet."))
            return
        self.action_next()

    def action_to_end(self) -> None:
        self._apply_note()
        self._commit(self.state.to_end(), moved=True)

    def action_pick(self, number: int) -> None:
        self.query_one(AnswerList).pick_number(number)

    # Looking things up ------------------------------------------------------------------

    def action_definitions(self) -> None:
        question = self.state.question
        if question is not None:
            text = definitions_markdown(self.state.document, question,
                                        self.state.session.language)
            self.app.push_screen(InfoModal(_("Definitions for this question"), text))

    def action_why(self) -> None:
        if self.state.question is not None:
            self.app.push_screen(InfoModal(
                _("Why am I asked this?"),
                why_markdown(self.state.document, self.state.question,
                             self.state.session.language),
            ))

    def action_vignette(self) -> None:
        if self.vignette is not None:
            self.app.push_screen(InfoModal(_("The case"), self.vignette))

    def action_book(self) -> None:
        self.app.push_screen(BrowserScreen(self.state.document))

    def action_review(self) -> None:
        self._apply_note()
        self.app.push_screen(ReviewScreen(self.state), self._review_done)

    def _review_done(self, question_id: str | None) -> None:
        if question_id is not None:
            self._commit(self.state.go_to(question_id), moved=True)

    def action_home(self) -> None:
        self._apply_note()
        self.post_message(Navigate("start"))
