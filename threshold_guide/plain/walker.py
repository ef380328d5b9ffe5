"""The plain-mode walk: each question as numbered lines, then the child's voice and strengths.

The loop only shows and collects. Every change goes through a :class:`Walkthrough` method,
the same ones the terminal app's screens call, and is saved at once through ``save``, as
the app autosaves after every answer, note and line of the child's voice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from threshold_guide.engine.routing import AnswerError
from threshold_guide.logic_book import why_markdown
from threshold_guide.models.document import (
    EVIDENCE_LABELS,
    EvidenceType,
    NoteRequest,
    Outcome,
    Question,
    QuestionType,
    VoicePrompt,
)
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render
from threshold_guide.plain.choices import (
    InputProblem,
    how_to_answer,
    parse_selection,
    selected_numbers,
    typed_number,
)
from threshold_guide.plain.dialogue import Command, Dialogue, command
from threshold_guide.plain.markdown_text import markdown_to_text
from threshold_guide.walkthrough import NotReady, VoiceKind, Walkthrough

Clock = Callable[[], dt.datetime]
Save = Callable[[Walkthrough], None]

CLEAR = "-"
"""Typed alone at a note or child's-voice prompt: remove what was written before."""
TEXT_COMMANDS = frozenset({Command.HELP, Command.BACK, Command.QUIT})
VOICE_SECTIONS: dict[VoiceKind, str] = {
    "child_voice": "The child's voice",
    "strengths": "Strengths and protective factors",
}


class _Quit(Exception):
    """The user typed q: everything is saved already, so the walk just stops."""


class _Back(Exception):
    """The user typed b at a prompt inside a question: return to that question's answers."""


@dataclass
class PlainWalk:
    """One session walked over a :class:`Dialogue`. ``state`` is always the last saved."""

    dialogue: Dialogue
    state: Walkthrough
    clock: Clock
    save: Save
    language: str = "en"

    def run(self) -> bool:
        """Walk to the end of the child's voice prompts.

        Returns True when the summary is due, False when the user typed q. Raises
        :class:`~threshold_guide.plain.dialogue.EndOfInput` if the input ends first; the
        session is saved up to the last line read either way.
        """
        try:
            while True:
                if self.state.question is not None:
                    self._question()
                elif self._voice():
                    return True
        except _Quit:
            return False

    # Saving -----------------------------------------------------------------------------

    def _commit(self, state: Walkthrough) -> None:
        if state is not self.state:
            self.state = state
            self.save(state)

    def _text(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.language).strip()

    # Questions --------------------------------------------------------------------------

    def _question(self) -> None:
        state = self.state
        question = state.question
        assert question is not None
        self._show_question(state, question)
        while True:
            line = self.dialogue.ask(self._answer_cue(question, state.walk.current_selection))
            if self._looked_up(question, line):
                continue
            found = command(line, frozenset({Command.BACK, Command.QUIT}))
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                if state.index == 0:
                    self.dialogue.say("This is the first question: there is nothing to go back to.")
                    continue
                self._commit(state.back())
                return
            if not self._take_answer(question, line):
                continue
            if question.note is not None:
                try:
                    self._note(question.note)
                except _Back:
                    self._show_answers(question, self.state.walk.current_selection)
                    continue
            try:
                moved = self.state.next(self.clock())
            except NotReady as problem:
                self.dialogue.say(str(problem))
                continue
            self._commit(moved)
            return

    def _show_question(self, state: Walkthrough, question: Question) -> None:
        number = state.index + 1
        fewest, most = state.remaining
        # "About" because the route is not known yet: the count is the longest way left.
        total = f"{number + most}" if fewest == most else f"about {number + most}"
        self.dialogue.gap()
        self.dialogue.say(f"Question {number} of {total}: {self._text(question.prompt)}")
        self._show_answers(question, state.walk.current_selection)
        extras = []
        if question.help:
            extras.append("? help")
        if question.definitions:
            extras.append("d definitions")
        if question.why or question.sources:
            extras.append("w why this is asked")
        if state.index > 0:
            extras.append("b back")
        extras.append("q save and quit")
        self.dialogue.say("Also: " + ", ".join(extras) + ".")

    def _show_answers(self, question: Question, selection: Selection | None) -> None:
        chosen = selected_numbers(question, selection)
        for number, answer in enumerate(question.answers, start=1):
            mark = " (chosen)" if number in chosen else ""
            self.dialogue.say(f"{number}. {self._text(answer.label)}{mark}")

    def _answer_cue(self, question: Question, selection: Selection | None) -> str:
        count = len(question.answers)
        if question.type is QuestionType.MULTIPLE:
            cue = "Numbers of all that apply (for example 1,3), or none"
        else:
            cue = "Your answer, 1" if count == 1 else f"Your answer, 1 to {count}"
        if selection is not None:
            numbers = selected_numbers(question, selection)
            kept = ",".join(str(n) for n in numbers) if numbers else "none"
            cue += f", or Enter to keep {kept}"
        return cue + ": "

    def _take_answer(self, question: Question, line: str) -> bool:
        """Record the answer a line gives; False (with a message) if it gives none."""
        if not line:
            if self.state.given is not None:
                return True  # Enter keeps the answer already given
            self.dialogue.say(how_to_answer(question) + ".")
            return False
        try:
            selection = parse_selection(question, line)
            chosen = self.state.choose(selection, self.clock())
        except (InputProblem, AnswerError) as problem:
            self.dialogue.say(str(problem))
            return False
        self._commit(chosen)
        return True

    def _looked_up(self, question: Question, line: str) -> bool:
        """Show help, definitions or the reason for the question if the line asks for it."""
        found = command(line, frozenset({Command.HELP, Command.DEFINITIONS, Command.WHY}))
        if found is None:
            return False
        self.dialogue.gap()
        if found is Command.HELP:
            text = self._text(question.help)
            self.dialogue.say("Help: " + (markdown_to_text(text) if text else
                                          "this question has no help text."))
        elif found is Command.DEFINITIONS:
            self._definitions(question)
        else:
            self.dialogue.say("Why this is asked: " + markdown_to_text(
                why_markdown(self.state.document, question, self.language)))
        self.dialogue.gap()
        return True

    def _definitions(self, question: Question) -> None:
        document = self.state.document
        found = [d for d in (document.definition(i) for i in question.definitions) if d]
        if not found:
            self.dialogue.say("This question relies on no defined terms.")
            return
        for definition in found:
            self.dialogue.say(f"Definition: {self._text(definition.term)}.",
                              markdown_to_text(self._text(definition.text)))

    # Notes ------------------------------------------------------------------------------

    def _note(self, request: NoteRequest) -> None:
        """Ask for the note, then its evidence type; each is saved as soon as it is typed."""
        while True:
            text = self._note_text(request)
            given = self.state.given
            evidence = given.evidence if given is not None and text else None
            self._commit(self.state.set_note(text, evidence, self.clock()))
            if not text:
                return
            try:
                evidence = self._evidence(request, evidence)
            except _Back:
                continue
            self._commit(self.state.set_note(text, evidence, self.clock()))
            return

    def _note_text(self, request: NoteRequest) -> str:
        given = self.state.given
        current = (given.note or "") if given is not None else ""
        need = "required" if request.required else "optional"
        self.dialogue.say(f"Note ({need}): {self._text(request.prompt)}")
        if current:
            self.dialogue.say("Current note: " + current)
            cue = f"Type a new note on one line, Enter to keep this one, or {CLEAR} to remove it: "
        elif request.required:
            cue = "Type the note on one line: "
        else:
            cue = "Type the note on one line, or press Enter to skip it: "
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                raise _Back
            if found is Command.HELP:
                self.dialogue.say(
                    "Write what you saw, heard or were told, on one line. Type b to choose "
                    "the answer again, or q to save and quit. To write a note that is only "
                    "one of these letters, add a full stop after it."
                )
                continue
            text = current if not line else "" if line == CLEAR else line
            if request.required and not text.strip():
                self.dialogue.say("This question needs a note before you go on.")
                continue
            return text

    def _evidence(self, request: NoteRequest, current: EvidenceType | None) -> EvidenceType | None:
        kinds = request.evidence
        self.dialogue.say("How do you know what the note records?")
        for number, kind in enumerate(kinds, start=1):
            self.dialogue.say(f"{number}. {EVIDENCE_LABELS[kind]}")
        span = "1" if len(kinds) == 1 else f"1 to {len(kinds)}"
        keep = (f"Enter to keep {kinds.index(current) + 1}" if current in kinds
                else "Enter to skip")
        while True:
            line = self.dialogue.ask(f"Evidence type, {span}, or {keep}: ")
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                raise _Back
            if not line:
                return current if current in kinds else None
            picked = typed_number(line)
            if picked is not None and 1 <= picked <= len(kinds):
                return kinds[picked - 1]
            self.dialogue.say(f"Type a number from {span}, or press Enter to skip.")

    # The outcome, the child's voice and strengths ---------------------------------------

    def _voice(self) -> bool:
        """The prompts after the outcome; False if the user went back to the questions."""
        outcome = self.state.outcome
        assert outcome is not None
        self._show_outcome(outcome)
        prompts: list[tuple[VoiceKind, VoicePrompt]] = [
            (kind, prompt) for kind in VOICE_SECTIONS for prompt in self.state.voice_prompts(kind)
        ]
        # As in the app, an emergency outcome goes straight to the summary.
        if outcome.emergency or not prompts:
            return True
        self.dialogue.gap()
        self.dialogue.say(
            "Now record what the child said and what is working well, in the child's own "
            "words where you can. Press Enter to leave a prompt empty; the summary says what "
            f"was not recorded. Also: ? help, b back, q save and quit, {CLEAR} removes what "
            "was written before."
        )
        index = 0
        while index < len(prompts):
            kind, prompt = prompts[index]
            step = self._voice_prompt(kind, prompt, prompts)
            if step < 0 and index == 0:
                self._commit(self.state.back())
                return False
            index += step
        return True

    def _show_outcome(self, outcome: Outcome) -> None:
        self.dialogue.gap()
        self.dialogue.say(f"Outcome: {self._text(outcome.title)}.")
        if outcome.emergency:
            self.dialogue.say("This is an emergency. What to do now:",
                              markdown_to_text(self._text(outcome.do_now)))

    def _voice_prompt(self, kind: VoiceKind, prompt: VoicePrompt,
                      prompts: list[tuple[VoiceKind, VoicePrompt]]) -> int:
        """Ask one prompt; 1 to go on, -1 to go back."""
        in_section = [p for k, p in prompts if k == kind]
        position = in_section.index(prompt) + 1
        self.dialogue.gap()
        self.dialogue.say(f"{VOICE_SECTIONS[kind]}, {position} of {len(in_section)}: "
                          f"{self._text(prompt.prompt)}")
        current = getattr(self.state.session, kind).get(prompt.id, "")
        if current:
            self.dialogue.say("Current: " + current)
            cue = "Type on one line, or press Enter to keep it: "
        else:
            cue = "Type on one line, or press Enter to leave it empty: "
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                return -1
            if found is Command.HELP:
                help_text = self._text(prompt.help)
                self.dialogue.say("Help: " + (markdown_to_text(help_text) if help_text else
                                              "this prompt has no help text."))
                continue
            text = current if not line else "" if line == CLEAR else line
            self._commit(self.state.set_voice(kind, prompt.id, text, self.clock()))
            return 1
