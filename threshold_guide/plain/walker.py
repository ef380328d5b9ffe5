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
from threshold_guide.i18n.catalogue import N_, _
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
    EVIDENCE_MENU,
    InputProblem,
    how_to_answer,
    none_word,
    parse_evidence,
    parse_selection,
    selected_numbers,
)
from threshold_guide.plain.dialogue import Command, Dialogue, command
from threshold_guide.plain.markdown_text import markdown_to_text
from threshold_guide.session.walkthrough import NotReady, VoiceKind, Walkthrough

Clock = Callable[[], dt.datetime]
Save = Callable[[Walkthrough], None]

CLEAR = "-"
"""Typed alone at a note or child's-voice prompt: remove what was written before."""
TEXT_COMMANDS = frozenset({Command.HELP, Command.BACK, Command.QUIT})
VOICE_SECTIONS: dict[VoiceKind, str] = {
    "child_voice": N_("The child's voice"),
    "strengths": N_("Strengths and protective factors"),
}


class SaveFailed(Exception):
    """Raised by ``save`` when a change could not be written: the walk stops there, since
    going on would ask for answers the user would believe are kept. ``str()`` says why."""


def _numbers(kinds: list[EvidenceType]) -> str:
    return ",".join(str(EVIDENCE_MENU.index(kind) + 1) for kind in kinds)


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
    language: str | None = None
    """The language of the document's text (``--lang``); None: the session's language."""

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

    @property
    def text_language(self) -> str:
        """The language the document's own text is shown in."""
        return self.language or self.state.session.language

    def _text(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.text_language).strip()

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
                    self.dialogue.say(
                        _("This is the first question: there is nothing to go back to."))
                    continue
                self._commit(state.back())
                return
            if not self._take_answer(question, line):
                continue
            if self.state.departs:
                try:
                    self._departure_reason(question)
                except _Back:
                    self._show_answers(question, self.state.walk.current_selection)
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
        heading = (_("Question {number} of {total}: {prompt}") if fewest == most
                   else _("Question {number} of about {total}: {prompt}"))
        self.dialogue.gap()
        self.dialogue.say(heading.format(number=number, total=number + most,
                                         prompt=self._text(question.prompt)))
        self._show_suggestion(state, question)
        self._show_answers(question, state.walk.current_selection)
        suggestion = state.suggestion
        if suggestion is not None:
            agree = self._number_of(question, suggestion.target)
            self.dialogue.say(_("Do you agree? Type {number} to agree. Another answer departs "
                                "from the guidance's suggestion and needs your reason.")
                              .format(number=agree))
        # Each starts with the key to type, which stays the same in every language.
        wanted = [
            # Translators: a key and what it does: keep the first character, the key to type.
            (bool(question.help), _("? help")),
            # Translators: a key and what it does: keep the first character, the key to type.
            (bool(question.definitions), _("d definitions")),
            # Translators: a key and what it does: keep the first character, the key to type.
            (bool(question.why or question.sources), _("w why this is asked")),
            # Translators: a key and what it does: keep the first character, the key to type.
            (state.index > 0, _("b back")),
            # Translators: a key and what it does: keep the first character, the key to type.
            (True, _("q save and quit")),
        ]
        extras = [key for shown, key in wanted if shown]
        self.dialogue.say(_("Also: {keys}.").format(keys=", ".join(extras)))

    def _show_answers(self, question: Question, selection: Selection | None) -> None:
        chosen = selected_numbers(question, selection)
        suggestion = self.state.suggestion
        suggested = suggestion.target if suggestion is not None else None
        for number, answer in enumerate(question.answers, start=1):
            marks = []
            if answer.id == suggested:
                # Translators: after an answer in the list: the guidance suggests it.
                marks.append(_("(suggested)"))
            if number in chosen:
                # Translators: after an answer in the list: the user chose it.
                marks.append(_("(chosen)"))
            self.dialogue.say(" ".join([f"{number}. {self._text(answer.label)}", *marks]))

    # Judgement questions ----------------------------------------------------------------

    def _label(self, question: Question, answer_id: str) -> str:
        found = next((a for a in question.answers if a.id == answer_id), None)
        return self._text(found.label) if found is not None else answer_id

    @staticmethod
    def _number_of(question: Question, answer_id: str) -> int:
        return next(n for n, a in enumerate(question.answers, start=1) if a.id == answer_id)

    def _show_suggestion(self, state: Walkthrough, question: Question) -> None:
        """What the answers so far point to, why, and where a departure stands."""
        suggestion = state.suggestion
        if suggestion is None:
            return
        suggested = self._label(question, suggestion.target)
        self.dialogue.say(
            _("The answers so far point to: {answer}.").format(answer=suggested),
            _("Suggested because: {rationale}.").format(
                rationale=self._text(suggestion.rationale)))
        given = state.given
        if not state.departs or given is None:
            return
        chosen = self._label(question, str(given.answer))
        reason = (given.departure_reason or "").strip()
        if reason:
            self.dialogue.say(_("Your answer {answer} departs from this suggestion. "
                                "Your reason: {reason}").format(answer=chosen, reason=reason))
        else:
            # Reached when an earlier answer changed the suggestion, or a reason was never
            # given: say why the question is here again.
            self.dialogue.say(_(
                "Asked again: your answer {answer} departs from this suggestion and has no "
                "reason recorded. A changed earlier answer can change the suggestion. Agree, "
                "or keep your answer and give your reason.").format(answer=chosen))
        self._warn_if_lower()

    def _warn_if_lower(self) -> None:
        effect = self.state.departure_effect()
        if effect is not None and effect.lower:
            assert effect.chosen is not None and effect.suggested is not None
            self.dialogue.say(_(
                "Warning: this is a LOWER level than the guidance suggests: {chosen} instead "
                "of {suggested}. The summary flags it; check it with your designated "
                "safeguarding person.").format(chosen=self._text(effect.chosen.title),
                                               suggested=self._text(effect.suggested.title)))

    def _departure_reason(self, question: Question) -> None:
        """Ask why the answer departs from the suggestion; required, saved once typed."""
        given = self.state.given
        current = (given.departure_reason or "").strip() if given is not None else ""
        self.dialogue.say(_("This answer departs from what the guidance suggests: a "
                            "professional-judgement departure. The summary shows both, with "
                            "your reason."))
        self._warn_if_lower()
        if current:
            self.dialogue.say(_("Current reason: {reason}").format(reason=current))
            cue = _("Reason for departing from the suggestion (Enter keeps it): ")
        else:
            cue = _("Reason for departing from the suggestion: ")
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                raise _Back
            if found is Command.HELP:
                self.dialogue.say(_(
                    "Write on one line why your professional judgement differs from the "
                    "guidance's suggestion. Type b to choose the answer again (choosing the "
                    "suggested answer needs no reason), or q to save and quit."))
                continue
            text = line or current
            if not text.strip():
                self.dialogue.say(_("A reason is required to depart from the suggestion. "
                                    "Type it on one line, or b to choose another answer."))
                continue
            self._commit(self.state.set_departure_reason(text, self.clock()))
            return

    def _answer_cue(self, question: Question, selection: Selection | None) -> str:
        count = len(question.answers)
        if question.type is QuestionType.MULTIPLE:
            cue = _("Numbers of all that apply (for example 1,3), or {none}").format(
                none=none_word())
        elif count == 1:
            cue = _("Your answer, 1")
        else:
            cue = _("Your answer, 1 to {count}").format(count=count)
        if selection is not None:
            numbers = selected_numbers(question, selection)
            kept = ",".join(str(n) for n in numbers) if numbers else none_word()
            # Translators: {cue} is one of the answer prompts above, e.g. "Your answer, 1 to 3".
            cue = _("{cue}, or Enter to keep {kept}").format(cue=cue, kept=kept)
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
            self.dialogue.say(_("Help: {text}").format(text=markdown_to_text(text)) if text
                              else _("Help: this question has no help text."))
        elif found is Command.DEFINITIONS:
            self._definitions(question)
        else:
            self.dialogue.say(_("Why this is asked: {text}").format(text=markdown_to_text(
                why_markdown(self.state.document, question, self.text_language))))
        self.dialogue.gap()
        return True

    def _definitions(self, question: Question) -> None:
        document = self.state.document
        found = [d for d in (document.definition(i) for i in question.definitions) if d]
        if not found:
            self.dialogue.say(_("This question relies on no defined terms."))
            return
        for definition in found:
            self.dialogue.say(_("Definition: {term}.").format(term=self._text(definition.term)),
                              markdown_to_text(self._text(definition.text)))

    # Notes ------------------------------------------------------------------------------

    def _note(self, request: NoteRequest) -> None:
        """Ask for the note, then its evidence types; each is saved as soon as it is typed."""
        while True:
            text = self._note_text(request)
            given = self.state.given
            evidence = list(given.evidence) if given is not None and text else []
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
        heading = _("Note (required): {prompt}") if request.required else _(
            "Note (optional): {prompt}")
        self.dialogue.say(heading.format(prompt=self._text(request.prompt)))
        if current:
            self.dialogue.say(_("Current note: {note}").format(note=current))
            cue = _("Type a new note on one line, Enter to keep this one, or {clear} to remove "
                    "it: ").format(clear=CLEAR)
        elif request.required:
            cue = _("Type the note on one line: ")
        else:
            cue = _("Type the note on one line, or press Enter to skip it: ")
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                raise _Back
            if found is Command.HELP:
                self.dialogue.say(_(
                    "Write what you saw, heard or were told, on one line. Type b to choose "
                    "the answer again, or q to save and quit. To write a note that is only "
                    "one of these letters, add a full stop after it."))
                continue
            text = current if not line else "" if line == CLEAR else line
            if request.required and not text.strip():
                self.dialogue.say(_("This question needs a note before you go on."))
                continue
            return text

    def _evidence(self, request: NoteRequest,
                  current: list[EvidenceType]) -> list[EvidenceType]:
        """The evidence types of the note. The menu is always the same four, numbered the
        same on every question, so a number typed from memory means the same type; a type
        the question does not offer is refused with a message, never taken as another."""
        offered = request.evidence
        self.dialogue.say(_("How do you know what the note records? Choose every type that "
                            "applies."))
        for number, kind in enumerate(EVIDENCE_MENU, start=1):
            line = f"{number}. {_(EVIDENCE_LABELS[kind])}"
            self.dialogue.say(line if kind in offered else " ".join(
                [line, _("(not offered for this question)")]))
        if current:
            cue = _("Evidence type numbers (for example 1,3), {none}, or Enter to keep "
                    "{numbers}: ").format(none=none_word(), numbers=_numbers(current))
        else:
            cue = _("Evidence type numbers (for example 1,3), {none}, or Enter to skip: ")\
                .format(none=none_word())
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                raise _Back
            if not line:
                return current
            try:
                return parse_evidence(line, offered)
            except InputProblem as problem:
                self.dialogue.say(str(problem))

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
        self.dialogue.say(_(
            "Now record what the child said and what is working well, in the child's own "
            "words where you can. Press Enter to leave a prompt empty; the summary says what "
            "was not recorded. Also: ? help, b back, q save and quit, {clear} removes what "
            "was written before.").format(clear=CLEAR))
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
        self.dialogue.say(_("Outcome: {title}.").format(title=self._text(outcome.title)))
        if outcome.emergency:
            self.dialogue.say(_("This is an emergency. What to do now:"),
                              markdown_to_text(self._text(outcome.do_now)))

    def _voice_prompt(self, kind: VoiceKind, prompt: VoicePrompt,
                      prompts: list[tuple[VoiceKind, VoicePrompt]]) -> int:
        """Ask one prompt; 1 to go on, -1 to go back."""
        in_section = [p for k, p in prompts if k == kind]
        position = in_section.index(prompt) + 1
        self.dialogue.gap()
        self.dialogue.say(_("{section}, {position} of {count}: {prompt}").format(
            section=_(VOICE_SECTIONS[kind]), position=position, count=len(in_section),
            prompt=self._text(prompt.prompt)))
        current = getattr(self.state.session, kind).get(prompt.id, "")
        if current:
            self.dialogue.say(_("Current: {text}").format(text=current))
            cue = _("Type on one line, or press Enter to keep it: ")
        else:
            cue = _("Type on one line, or press Enter to leave it empty: ")
        while True:
            line = self.dialogue.ask(cue)
            found = command(line, TEXT_COMMANDS)
            if found is Command.QUIT:
                raise _Quit
            if found is Command.BACK:
                return -1
            if found is Command.HELP:
                help_text = self._text(prompt.help)
                self.dialogue.say(
                    _("Help: {text}").format(text=markdown_to_text(help_text)) if help_text
                    else _("Help: this prompt has no help text."))
                continue
            text = current if not line else "" if line == CLEAR else line
            self._commit(self.state.set_voice(kind, prompt.id, text, self.clock()))
            return 1
