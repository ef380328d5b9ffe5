"""Plain mode for a household case: the household's questions once, then each child's.

Each child gets their own walk, their own voice, each agency's view and, if registered,
their plan. Every answer is saved at once (atomically, 0600) to the same household file the
app uses, so a walk that ends early can be continued with ``--household FILE``. ``q`` saves
and quits at any prompt.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from threshold_guide.household.decisions import decide_child
from threshold_guide.household.editing import CATEGORY_WORDS
from threshold_guide.household.walk import Pinned, child_route, household_pending
from threshold_guide.i18n.catalogue import _, interface_language
from threshold_guide.i18n.languages import INTERFACE_LANGUAGES, language_name
from threshold_guide.models.document import Question
from threshold_guide.models.household import (
    AgencyView,
    Category,
    ChildCase,
    ChildPlan,
    ChildVoice,
    Household,
    View,
)
from threshold_guide.models.session import GivenAnswer
from threshold_guide.models.text import render
from threshold_guide.plain.choices import InputProblem, how_to_answer, parse_selection
from threshold_guide.plain.dialogue import Dialogue, EndOfInput
from threshold_guide.storage.household_file import households_dir, new_household_id

Save = Callable[[Household], Household]
"""Pins the household to the document, writes it (atomically, 0600) and returns it."""
Now = Callable[[], dt.datetime]


class _Quit(Exception):
    """The chair typed q: everything so far is saved."""


@dataclass
class _Walk:
    pinned: Pinned
    household: Household
    talk: Dialogue
    keep: Save
    now: Now

    def save(self) -> None:
        self.household = self.keep(self.household)

    def line(self, cue: str, *, required: bool = False) -> str:
        while True:
            text = self.talk.ask(cue)
            if text.lower() == "q":
                raise _Quit
            if text or not required:
                return text
            self.talk.say(_("This cannot be left empty."))

    # -- one question ---------------------------------------------------------------------
    def ask_question(self, question: Question, suggestion: str | None,
                     because: str | None) -> GivenAnswer:
        self.talk.gap()
        language = interface_language()
        self.talk.say(render(question.prompt, language))
        if suggestion is not None:
            suggested = question.answer(suggestion)
            label = render(suggested.label, language) if suggested is not None else suggestion
            self.talk.say(_("The answers so far point to: {answer}.").format(answer=label),
                          _("Suggested because: {because}.").format(because=because))
        for n, answer in enumerate(question.answers, 1):
            text = render(answer.label, language)
            self.talk.say(_("{number}. {answer} (suggested)").format(number=n, answer=text)
                          if answer.id == suggestion else f"{n}. {text}")
        while True:
            text = self.line(how_to_answer(question) + ": ", required=True)
            try:
                selection = parse_selection(question, text)
                break
            except InputProblem as problem:
                self.talk.say(str(problem))
        reason = None
        if suggestion is not None and selection != suggestion:
            reason = self.line(_("Reason for departing from the suggestion: "), required=True)
        note_text, evidence = None, None
        if question.note is not None:
            note_text = self.line(render(question.note.prompt, language) + " ",
                                  required=question.note.required) or None
        return GivenAnswer(answer=selection, note=note_text, evidence=evidence,
                           answered_at=self.now(), departure_reason=reason)

    # -- the household part ---------------------------------------------------------------
    def details(self) -> None:
        h = self.household
        updates: dict[str, object] = {}
        new = not h.reference
        if not h.reference:
            updates["reference"] = self.line(_("Case reference (never a name): "),
                                             required=True)
        if not h.reason:
            updates["reason"] = self.line(_("The reason for the conference, in plain words: "))
        if not h.s47_conclusion:
            updates["s47_conclusion"] = self.line(
                _("The conclusion of the section 47 enquiries, in plain words: "))
        if new and h.family_language is None:
            updates["family_language"] = self.family_language()
        if updates:
            self.household = h.model_copy(update=updates)
            self.save()

    def family_language(self) -> str | None:
        """The family's language of choice: their invitation comes in it."""
        codes = sorted(INTERFACE_LANGUAGES)
        listed = ", ".join(f"{code} ({language_name(code)})" for code in codes)
        while True:
            text = self.line(_("The family's language for their invitation ({languages}; "
                               "Enter: not recorded): ").format(languages=listed))
            if not text or text.lower() in codes:
                return text.lower() or None
            self.talk.say(_("Type one of: {codes}.").format(codes=", ".join(codes)))

    def shared(self) -> None:
        while (question := household_pending(self.pinned.document, self.household)) is not None:
            self.talk.say("", _("For the whole household:"))
            given = self.ask_question(question, *self._suggestion(None))
            self.household = self.household.model_copy(
                update={"shared": {**self.household.shared, question.id: given}})
            self.save()

    def _suggestion(self, case: ChildCase | None) -> tuple[str | None, str | None]:
        if case is None:
            from threshold_guide.household.walk import shared_route

            route = shared_route(self.pinned.document, self.household)
        else:
            route = child_route(self.pinned.document, self.household, case)
        hit = route.pending_suggestion
        return ((hit.target, render(hit.rationale, interface_language())) if hit is not None
                else (None, None))

    # -- each child -----------------------------------------------------------------------
    def replace(self, case: ChildCase) -> None:
        children = [case if c.child == case.child else c for c in self.household.children]
        self.household = self.household.model_copy(update={"children": children})
        self.save()

    def child(self, case: ChildCase) -> None:
        self.talk.say("", f"== {case.child} ==")
        while True:
            route = child_route(self.pinned.document, self.household, case)
            if route.pending is None:
                break
            given = self.ask_question(route.pending, *self._suggestion(case))
            case = case.model_copy(update={"answers": {**case.answers,
                                                       route.pending.id: given}})
            self.replace(case)
        if not case.voice.recorded:
            case = self.voice(case)
        language = interface_language()
        decision = decide_child(self.pinned.document, self.household, case, language)
        if decision.outcome is not None and not decision.outcome.emergency and not case.views:
            case = self.views(case)
        decision = decide_child(self.pinned.document, self.household, case, language)
        if decision.registered and case.plan.missing():
            case = self.plan(case)

    def voice(self, case: ChildCase) -> ChildCase:
        who = case.child
        self.talk.say("", _("{child}'s own voice (Enter leaves one empty; it is then "
                            "flagged, never taken from a sibling):").format(child=who))
        said = self.line(_("What did {child} say, in their own words? ").format(child=who))
        seen_how = self.line(_("How, where and by whom was {child} seen? ").format(child=who))
        alone = self.line(_("Was {child} seen alone? 1. Yes 2. No (Enter: not recorded): ")
                          .format(child=who))
        wishes = self.line(_("What does {child} wish for, and what worries them? ")
                           .format(child=who))
        voice = ChildVoice(said=said, seen_how=seen_how, wishes=wishes,
                           seen_alone={"1": True, "2": False}.get(alone))
        case = case.model_copy(update={"voice": voice})
        self.replace(case)
        return case

    def views(self, case: ChildCase) -> ChildCase:
        self.talk.say("", _("Each agency's view on registration for {child} (Enter at "
                            "'Agency' when done):").format(child=case.child))
        views = list(case.views)
        while True:
            agency = self.line(_("Agency: "))
            if not agency:
                break
            choice = ""
            while choice not in {"1", "2"}:
                choice = self.line(_("1. Register 2. Do not register: "), required=True)
            categories: list[Category] = []
            if choice == "1":
                listed = list(Category)
                self.talk.say(*(f"{n}. {_(CATEGORY_WORDS[c])}" for n, c in enumerate(listed, 1)))
                picked = self.line(_("Categories (numbers, e.g. 1,5): "))
                categories = [listed[int(p) - 1] for p in picked.replace(",", " ").split()
                              if p.isdigit() and 1 <= int(p) <= len(listed)]
            reason = self.line(_("Reason, with the evidence: "), required=True)
            views.append(AgencyView(agency=agency, view=View.REGISTER if choice == "1"
                                    else View.DO_NOT_REGISTER, categories=categories,
                                    reason=reason))
            case = case.model_copy(update={"views": views})
            self.replace(case)
        decision = decide_child(self.pinned.document, self.household, case)
        if decision.agreement.value == "chair-decides" and not case.chair_reason:
            case = case.model_copy(update={"chair_reason": self.line(
                _("The views differ. The chair's reason for the decision: "), required=True)})
            self.replace(case)
        return case

    def plan(self, case: ChildCase) -> ChildCase:
        who = case.child
        self.talk.say("", _("The care and support protection plan for {child}:")
                      .format(child=who))
        plan = ChildPlan(
            what_must_change=self.line(_("What needs to change for {child}, in {child}'s "
                                         "terms: ").format(child=who), required=True),
            safety_plan=self.line(_("The safety plan now: "), required=True),
            contingency_plan=self.line(_("The contingency plan if progress is not kept up: "),
                                       required=True),
            core_group=[part.strip() for part in self.line(
                _("The core group (roles, separated by commas): "), required=True).split(",")
                if part.strip()],
        )
        case = case.model_copy(update={"plan": plan})
        self.replace(case)
        return case


class WalkStopped(Exception):
    """The walk stopped before every child's decision; ``quit`` when the chair typed q."""

    def __init__(self, household: Household, *, quit: bool) -> None:
        super().__init__("quit" if quit else "end of input")
        self.household = household
        self.quit = quit


def start_household(talk: Dialogue, now: Now) -> Household:
    """A new household: asks how many children, and calls them Child A, Child B, ..."""
    count = ""
    while not count.isdigit() or not 1 <= int(count) <= 20:
        count = talk.ask(_("How many children does the conference consider? "))
    children = [ChildCase(child=f"Child {chr(ord('A') + n)}") for n in range(int(count))]
    return Household(children=children, household_id=new_household_id("", now()))


def plain_dialogue() -> Dialogue:
    return Dialogue(sys.stdin, sys.stdout, echo_newline=not sys.stdin.isatty())


def walk_household(talk: Dialogue, pinned: Pinned, household: Household, keep: Save,
                   now: Now) -> Household:
    """Walk every question still open, child by child; the household as it ends.

    Raises :class:`WalkStopped` (with everything saved) on q or when the input ends.
    """
    walk = _Walk(pinned, household, talk, keep, now)
    try:
        walk.details()
        walk.shared()
        for case in list(walk.household.children):
            walk.child(walk.household.child_case(case.child))
    except _Quit:
        raise WalkStopped(walk.household, quit=True) from None
    except EndOfInput:
        raise WalkStopped(walk.household, quit=False) from None
    return walk.household


def default_path(household: Household) -> Path:
    return households_dir() / f"{household.household_id}.json"
