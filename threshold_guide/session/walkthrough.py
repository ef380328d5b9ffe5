"""A session being walked: the pure state behind the terminal app's screens.

A :class:`Walkthrough` pairs a session with the document version it is pinned to. Every
method returns a new Walkthrough, so a front end only shows the state and saves the new
one; the rules (what counts as answered, when a note is required, where the route goes)
all live here and in :mod:`threshold_guide.engine`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.engine.decisions import RuleHit
from threshold_guide.engine.route import Route, agreeing_route, derive_route
from threshold_guide.engine.routing import node_targets
from threshold_guide.engine.walk import Walk
from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.models.document import (
    EvidenceType,
    Outcome,
    Question,
    QuestionType,
    ThresholdDocument,
    VoicePrompt,
)
from threshold_guide.models.session import GivenAnswer, Override, Selection, Session
from threshold_guide.models.summary import Summary
from threshold_guide.models.text import render
from threshold_guide.session.creation import same_outcome_override
from threshold_guide.summary.build import build_summary

VoiceKind = Literal["child_voice", "strengths"]


class NotReady(ValueError):
    """The question on screen cannot be left yet. ``str()`` says what is missing, in the
    interface language: it is shown at once to the person at the keyboard, never stored."""


@dataclass(frozen=True)
class Progress:
    """How far a session has got, for lists and the breadcrumb."""

    answered: int
    """Questions answered on the current route."""
    finished: bool
    outcome: Outcome | None
    """The outcome the guidance reached."""
    override: Outcome | None = None
    """The outcome professional judgement chose instead, which is the one acted on."""
    departures: int = 0
    """Judgement answers on the route that depart from the guidance's suggestion."""

    def describe(self, language: str = "en") -> str:
        """How far, in the interface language; the outcome's title in ``language`` (the
        session's)."""
        if self.outcome is not None:
            text = _("finished: {outcome}").format(
                outcome=describe_outcome(self.outcome, self.override, language))
        else:
            text = ngettext("{count} question answered", "{count} questions answered",
                            self.answered)
        if self.departures:
            # A departure is the first thing a reviewer of the list should see.
            text = ngettext("⚠ {count} departure · {progress}", "⚠ {count} departures · "
                            "{progress}", self.departures).format(progress=text)
        return text

    def brief(self, language: str = "en") -> str:
        """As :meth:`describe`, in few words for a list: an override is named first."""
        override, reached = self.override, self.outcome
        if override is None or reached is None or override.id == reached.id:
            return self.describe(language)
        mark = (_("⚠ override, LOWER: {outcome}") if override.level < reached.level
                else _("override: {outcome}"))
        return mark.format(outcome=render(override.title, language))


@dataclass(frozen=True)
class DepartureEffect:
    """Where a departure on screen leads, next to where agreeing would have led.

    Either outcome is None while later answers are still needed to know it.
    """

    suggested: Outcome | None
    """The outcome agreeing with the suggestion leads to."""
    chosen: Outcome | None
    """The outcome the departing answer leads to."""

    @property
    def lower(self) -> bool:
        """Whether the departure lowers the response, flagged as a lower override is."""
        return (self.suggested is not None and self.chosen is not None
                and self.chosen.level < self.suggested.level)


def describe_outcome(reached: Outcome, override: Outcome | None, language: str = "en") -> str:
    """The outcome acted on in a few words: an override first, marked as one, then what the
    guidance reached; an override to a lower level is flagged. The words are in the
    interface language, the titles in ``language``."""
    guidance = render(reached.title, language)
    if override is None or override.id == reached.id:
        return guidance
    text = (_("{override} (professional-judgement override; ⚠ LOWER than the guidance; "
              "the guidance reached: {guidance})") if override.level < reached.level
            else _("{override} (professional-judgement override; the guidance reached: "
                   "{guidance})"))
    return text.format(override=render(override.title, language), guidance=guidance)


@dataclass(frozen=True)
class Walkthrough:
    document: ThresholdDocument
    sha256: str
    session: Session

    # Derived state -------------------------------------------------------------------

    @cached_property
    def walk(self) -> Walk:
        return Walk(self.document, self.session.selections(), self.session.position,
                    self.session.departure_reasons())

    @property
    def suggestion(self) -> RuleHit | None:
        """On a judgement question: the answer the earlier answers point to, and why."""
        route = self.walk.route
        if self.index < len(route.steps):
            return route.steps[self.index].suggestion
        return route.pending_suggestion

    @property
    def departs(self) -> bool:
        """Whether the answer on screen departs from the suggestion."""
        suggestion, given = self.suggestion, self.given
        return suggestion is not None and given is not None and given.answer != suggestion.target

    def departure_effect(self) -> DepartureEffect | None:
        """For an answer on screen that departs: the outcomes it and agreeing lead to.

        Worked out as the summary does, so the flag on screen and in the summary agree:
        the other answers as given, and agreement kept wherever it was given.
        """
        suggestion, question = self.suggestion, self.question
        if not self.departs or suggestion is None or question is None:
            return None
        answers = self.session.selections()
        try:
            chosen = derive_route(self.document, answers)
            agreed = frozenset(s.question.id for s in chosen.steps
                               if s.suggestion is not None and not s.departed)
            suggested = agreeing_route(
                self.document, {**answers, question.id: suggestion.target}, agreed)
        except (ValueError, KeyError):  # a document that was not validated
            return None
        return DepartureEffect(suggested.outcome, chosen.outcome)

    @property
    def route(self) -> Route:
        return self.walk.route

    @property
    def question(self) -> Question | None:
        """The question on screen; None once the walk stands at its outcome."""
        return self.walk.question

    @property
    def outcome(self) -> Outcome | None:
        """The outcome, when the walk stands at it."""
        return self.walk.outcome

    @property
    def index(self) -> int:
        return self.walk.index

    @property
    def given(self) -> GivenAnswer | None:
        """What was recorded for the question on screen, if anything."""
        question = self.question
        return None if question is None else self.session.answers.get(question.id)

    @property
    def progress(self) -> Progress:
        return progress(self.document, self.session)

    @property
    def remaining(self) -> tuple[int, int]:
        """The fewest and most questions left after the one on screen, whatever is answered."""
        question = self.question
        if question is None:
            return (0, 0)
        fewest, most = _distances(self.document).get(question.id, (1, 1))
        return (fewest - 1, most - 1)

    def problem(self) -> str | None:
        """Why the question on screen cannot be left yet, or None if it can."""
        question = self.question
        if question is None:
            return None
        given = self.given
        if given is None and question.type is QuestionType.SINGLE:
            return _("Choose an answer first.")
        note = question.note
        if note is not None and note.required and not (given and (given.note or "").strip()):
            return _("This question needs a note before you go on: {prompt}").format(
                prompt=render(note.prompt, self.session.language))
        if self.departs and not (given and (given.departure_reason or "").strip()):
            return _("Your answer departs from what the guidance suggests. Give your reason "
                     "before you go on: it is recorded as a professional-judgement departure.")
        return None

    # Changes -------------------------------------------------------------------------

    def choose(self, selection: Selection, now: dt.datetime) -> Walkthrough:
        """Record the answer to the question on screen without moving on.

        The note and evidence type already typed stay with the new answer.
        """
        question = self._on_screen()
        chosen = Walk(self.document, self.session.selections(), self.index).answer(selection)
        normalised = chosen.answers[question.id]
        before = self.session.answers.get(question.id)
        suggestion = self.suggestion
        departs = suggestion is not None and normalised != suggestion.target
        given = GivenAnswer(
            answer=normalised,
            note=before.note if before else None,
            evidence=before.evidence if before else [],
            answered_at=now,
            # A reason belongs to a departure: agreeing with the suggestion drops it.
            departure_reason=before.departure_reason if before and departs else None,
        )
        return self._with(answers={**self.session.answers, question.id: given},
                          position=self.index, now=now)

    def set_note(
        self, note: str, evidence: Sequence[EvidenceType], now: dt.datetime
    ) -> Walkthrough:
        """Record the note and its evidence types for the question on screen.

        A checklist with nothing ticked yet gets an empty answer, so the note is kept; a
        single-choice question needs its answer first, since a note belongs to an answer.
        """
        question = self._on_screen()
        given = self.given
        if given is None:
            if question.type is QuestionType.SINGLE:
                raise NotReady(_("Choose an answer before writing the note."))
            given = GivenAnswer(answer=[])
        text = note if note.strip() else None
        kinds = [kind for kind in EvidenceType if kind in evidence]
        if given.note == text and given.evidence == kinds:
            return self
        updated = given.model_copy(update={"note": text, "evidence": kinds})
        return self._with(answers={**self.session.answers, question.id: updated},
                          position=self.index, now=now)

    def set_departure_reason(self, reason: str, now: dt.datetime) -> Walkthrough:
        """Record why the answer on screen departs from the guidance's suggestion."""
        self._on_screen()
        given = self.given
        if given is None or not self.departs:
            raise NotReady(_("Only an answer that departs from the suggestion needs a reason."))
        text = reason.strip() or None
        if given.departure_reason == text:
            return self
        updated = given.model_copy(update={"departure_reason": text})
        return self._with(answers={**self.session.answers, self._on_screen().id: updated},
                          position=self.index, now=now)

    def next(self, now: dt.datetime) -> Walkthrough:
        """Leave the question on screen for the next one (or the outcome).

        Raises :class:`NotReady` when the question still needs an answer or a note.
        """
        self._on_screen()
        problem = self.problem()
        if problem is not None:
            raise NotReady(problem)
        state = self
        if self.given is None:
            # An untouched checklist: going on means "none of these".
            state = self.choose([], now)
        return state._with(position=state.index + 1, now=now)

    def answer(self, selection: Selection, now: dt.datetime) -> Walkthrough:
        """Choose and move on in one step, e.g. a number key on a question without a note."""
        return self.choose(selection, now).next(now)

    def back(self) -> Walkthrough:
        return self._with(position=self.walk.back().index)

    def forward(self, now: dt.datetime) -> Walkthrough:
        """Step over a question already answered (same checks as :meth:`next`)."""
        if self.question is None or self.given is None:
            return self
        return self.next(now)

    def go_to(self, question_id: str) -> Walkthrough:
        """Jump to a question on the route, e.g. to change it from the review screen."""
        return self._with(position=self.walk.go_to(question_id).index)

    def to_end(self) -> Walkthrough:
        """Jump to the furthest point the answers reach: the outcome or the next question."""
        return self._with(position=None)

    def set_voice(
        self, kind: VoiceKind, prompt_id: str, text: str, now: dt.datetime
    ) -> Walkthrough:
        """Record the child's voice or a strength for one prompt; empty text removes it."""
        current = dict(getattr(self.session, kind))
        if current.get(prompt_id, "") == text:
            return self
        if text.strip():
            current[prompt_id] = text
        else:
            current.pop(prompt_id, None)
        return self._replace(now, **{kind: current})

    def set_override(
        self, outcome_id: str, reason: str, by: str | None, now: dt.datetime
    ) -> Walkthrough:
        """Record a professional-judgement override; the reason is required."""
        if not reason.strip():
            raise NotReady(_("Give the reason for the override."))
        self.document.outcome(outcome_id)  # KeyError for an unknown outcome
        same = same_outcome_override(self.document, self.route, outcome_id,
                                     self.session.language)
        if same is not None:
            raise NotReady(same[0].upper() + same[1:] + ".")
        override = Override(outcome=outcome_id, reason=reason.strip(), by=by or None, at=now)
        return self._replace(now, override=override)

    def override_is_lower(self, outcome_id: str) -> bool:
        """Whether overriding to ``outcome_id`` lowers the response the guidance reached."""
        reached = self.route.outcome
        return reached is not None and self.document.outcome(outcome_id).level < reached.level

    def clear_override(self, now: dt.datetime) -> Walkthrough:
        return self._replace(now, override=None) if self.session.override else self

    def summary(self, now: dt.datetime, language: str = "en",
                calendar: WorkingCalendar = ENGLAND_AND_WALES) -> Summary:
        return build_summary(self.document, self.sha256, self.session, now, language, calendar)

    def voice_prompts(self, kind: VoiceKind) -> list[VoicePrompt]:
        return list(getattr(self.document, kind))

    # Internals -----------------------------------------------------------------------

    def _on_screen(self) -> Question:
        question = self.question
        if question is None:
            raise NotReady(_("The walk has reached its outcome; go back to change an answer."))
        return question

    def _with(
        self,
        *,
        answers: dict[str, GivenAnswer] | None = None,
        position: int | None,
        now: dt.datetime | None = None,
    ) -> Walkthrough:
        update: dict[str, object] = {"position": position}
        if answers is not None:
            update["answers"] = answers
        if now is not None:
            update["updated_at"] = now
        return Walkthrough(self.document, self.sha256, self.session.model_copy(update=update))

    def _replace(self, now: dt.datetime, **changes: object) -> Walkthrough:
        session = self.session.model_copy(update={**changes, "updated_at": now})
        return Walkthrough(self.document, self.sha256, session)


def progress(document: ThresholdDocument, session: Session) -> Progress:
    """Progress of a session on a document; an answer that no longer fits counts as none.

    A departure without its reason stops the route there, as it stops the walk.
    """
    try:
        route = Walk(document, session.selections(), None, session.departure_reasons()).route
    except (ValueError, KeyError):
        return Progress(0, False, None)
    chosen = session.override.outcome if session.override is not None else None
    override = next((o for o in document.outcomes if o.id == chosen), None)
    return Progress(len(route.steps), route.finished, route.outcome, override,
                    len(route.departures))


_DISTANCES: dict[int, tuple[ThresholdDocument, dict[str, tuple[int, int]]]] = {}


def _distances(document: ThresholdDocument) -> dict[str, tuple[int, int]]:
    """Per node, the fewest and most questions (itself included) to an outcome.

    Decision points ask nothing, so they count for none.
    """
    cached = _DISTANCES.get(id(document))
    # The cache holds the document itself, so its id cannot be reused while cached.
    if cached is not None and cached[0] is document:
        return cached[1]
    leads = dict(node_targets(document))
    found: dict[str, tuple[int, int]] = {}
    # Iterative post-order walk: long documents must not hit the recursion limit.
    for root in leads:
        stack = [(root, False)]
        on_path: set[str] = set()
        while stack:
            node, expanded = stack.pop()
            if node in found:
                continue
            if not expanded:
                on_path.add(node)
                stack.append((node, True))
                stack.extend(
                    (t.next, False) for t in leads[node]
                    if t.next is not None and t.next not in found and t.next not in on_path
                    and t.next in leads
                )
                continue
            on_path.discard(node)
            # A target still unknown here is on a cycle (the validator reports those).
            after = [
                (0, 0) if t.next is None else found.get(t.next, (0, 0)) for t in leads[node]
            ] or [(0, 0)]
            own = 0 if document.is_decision_point(node) else 1
            found[node] = (own + min(low for low, _high in after),
                           own + max(high for _low, high in after))
    if len(_DISTANCES) > 16:
        _DISTANCES.clear()
    _DISTANCES[id(document)] = (document, found)
    return found


def describe_selection(
    question: Question, selection: Selection | None, language: str = "en"
) -> str:
    """The answer labels of a selection, in the question's order, or 'nothing ticked'.

    The labels are in ``language``, the words for no answer in the interface language.
    """
    if selection is None:
        return _("not answered")
    chosen = [selection] if isinstance(selection, str) else selection
    labels = [render(a.label, language) for a in question.answers if a.id in chosen]
    return "; ".join(labels) if labels else _("nothing ticked")


def reference_warning(reference: str) -> str | None:
    """A warning when a case reference looks like a person's name; references only."""
    words = reference.split()
    if len(words) >= 2 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                               for w in words):
        return _("That looks like a name. Use a case or file reference instead: this tool "
                 "never needs the child's name.")
    return None
