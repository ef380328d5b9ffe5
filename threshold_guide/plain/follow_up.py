"""Plain mode after the decision: the dated steps (with "chase now"), then record the
response, a step done, or the professional differences route, as numbered prompts.

Every change goes through :mod:`threshold_guide.session.follow_through`, as in the app and the
CLI, and is saved at once through ``save``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from threshold_guide.deadlines.schedule import follow_through
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.follow_through import (
    ESCALATION_LABELS,
    RESPONSE_LABELS,
    EscalationLevel,
    ResponseOutcome,
    StepStatus,
)
from threshold_guide.models.session import Session
from threshold_guide.plain.choices import typed_number
from threshold_guide.plain.dialogue import Command, Dialogue, command
from threshold_guide.plain.markdown_text import markdown_to_text
from threshold_guide.session.follow_through import (
    FollowThroughError,
    add_escalation_step,
    mark_done,
    next_level,
    record_response,
    start_escalation,
)
from threshold_guide.summary.follow_through_markdown import (
    CHASE_NOW,
    ROUTE,
    follow_through_markdown,
)

Clock = Callable[[], dt.datetime]
Save = Callable[[Session], None]


class _Quit(Exception):
    pass


@dataclass
class PlainFollowUp:
    """One finished session's follow-up over a :class:`Dialogue`."""

    dialogue: Dialogue
    document: ThresholdDocument
    session: Session
    calendar: WorkingCalendar
    clock: Clock
    save: Save
    language: str | None = None
    """The language of the document's text; None: the session's language."""

    @property
    def text_language(self) -> str:
        return self.language or self.session.language

    def run(self) -> None:
        """Show where things stand, then offer the changes until q (or the input ends)."""
        self.show()
        try:
            while self._menu():
                self.show()
        except _Quit:
            return

    def show(self) -> None:
        info = follow_through(self.document, self.session, self.clock(), self.calendar,
                              self.text_language)
        self.dialogue.gap()
        if info is None:
            self.dialogue.say(_("This session's outcome has no dated steps, and nothing has "
                                "been recorded since the decision."))
            return
        if info.chase_now:
            self.dialogue.say(_("CHASE NOW: {text}").format(text=_(CHASE_NOW)))
        self.dialogue.say(markdown_to_text("\n".join(
            follow_through_markdown(info, self.text_language))).strip())

    def _ask(self, cue: str) -> str:
        line = self.dialogue.ask(cue)
        if command(line, frozenset({Command.QUIT})) is not None:
            raise _Quit
        return line

    def _choose(self, title: str, options: list[str]) -> int | None:
        """The number chosen (0-based), or None for b (back)."""
        self.dialogue.say(title)
        for number, option in enumerate(options, start=1):
            self.dialogue.say(f"{number}. {option}")
        last = len(options)
        while True:
            line = self._ask(_("Your choice, 1, b back or q quit: ") if last == 1 else
                             _("Your choice, 1 to {last}, b back or q quit: ").format(last=last))
            if command(line, frozenset({Command.BACK})) is not None:
                return None
            typed = typed_number(line)
            if typed is not None and 1 <= typed <= last:
                return typed - 1
            self.dialogue.say(
                _("Type 1, b to go back or q to quit.") if last == 1 else
                _("Type a number from 1 to {last}, b to go back or q to quit.").format(
                    last=last))

    def _menu(self) -> bool:
        self.dialogue.gap()
        actions: list[tuple[str, Callable[[], None]]] = [
            (_("Record the response from social services"), self._response),
            (_("Record that nothing has come back (you contacted them again)"),
             self._no_response),
            (_("Record that a dated step was done"), self._done),
        ]
        escalation = self.session.follow_through.escalation if self.session.follow_through \
            else None
        if escalation is None:
            actions.append((_("I disagree with the response: start the professional "
                              "differences route"), self._disagree))
        elif next_level(self.session) is not None:
            actions.append((_("Record the next step of the professional differences route"),
                            self._escalation_step))
        chosen = self._choose(_("What would you like to record?"),
                              [label for label, _act in actions])
        if chosen is None:
            return True
        try:
            actions[chosen][1]()
        except FollowThroughError as problem:
            self.dialogue.say(_("Not recorded: {problem}.").format(problem=problem))
        return True

    def _commit(self, session: Session) -> None:
        self.session = session
        self.save(session)
        self.dialogue.say(_("Saved."))

    def _text(self, cue: str, required: bool = False) -> str:
        while True:
            line = self._ask(cue)
            if line or not required:
                return line
            self.dialogue.say(_("This cannot be left empty."))

    def _response(self) -> None:
        kinds = [k for k in ResponseOutcome if k is not ResponseOutcome.NONE]
        chosen = self._choose(_("What came back?"), [_(RESPONSE_LABELS[k]) for k in kinds])
        if chosen is None:
            return
        reason = self._text(_("The reason they gave, on one line (Enter if none was given): "))
        by = self._text(_("Who responded: team or role, never a name (Enter to skip): "))
        now = self.clock()
        self._commit(record_response(self.document, self.session, kinds[chosen], reason, now,
                                     now, by=by))

    def _no_response(self) -> None:
        now = self.clock()
        self._commit(record_response(self.document, self.session, ResponseOutcome.NONE, "",
                                     now, now))

    def _done(self) -> None:
        info = follow_through(self.document, self.session, self.clock(), self.calendar,
                              self.text_language)
        steps = [s for s in (info.steps if info else []) if s.status is not StepStatus.DONE
                 and not s.awaits_response]
        if not steps:
            self.dialogue.say(_("There is no dated step left to mark as done."))
            return
        chosen = self._choose(_("Which step was done (now)?"),
                              [_("{step} (by {due})").format(step=s.label, due=s.due_text)
                               for s in steps])
        if chosen is not None:
            now = self.clock()
            self._commit(mark_done(self.document, self.session, steps[chosen].id, now, now))

    def _disagree(self) -> None:
        self.dialogue.say(markdown_to_text(_(ROUTE)))
        why = self._text(_("Why do you disagree with the response? One line: "),
                         required=True)
        now = self.clock()
        self._commit(start_escalation(self.document, self.session, why, now, now))
        self._escalation_step()

    def _escalation_step(self) -> None:
        level = next_level(self.session) or EscalationLevel.BOARD
        self.dialogue.say(_("Next step: {step}.").format(step=_(ESCALATION_LABELS[level])))
        contacted = self._text(_("Who was contacted (role and team; Enter if not done yet): "))
        if not contacted:
            return
        said = self._text(_("What did they say? One line: "))
        resolved = self._choose(_("Was the difference resolved?"),
                                [_("Yes, resolved"), _("No, not resolved")])
        now = self.clock()
        self._commit(add_escalation_step(self.session, level, contacted, said, resolved == 0,
                                         now, now))
