"""The state behind the question screen: choose, note, next, back, review, voice, override."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.session.creation import new_session
from threshold_guide.session.walkthrough import (
    NotReady,
    Walkthrough,
    describe_selection,
    reference_warning,
)

from .conftest import DUTY_1_1, MINIMAL

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def start(path: Path = MINIMAL) -> Walkthrough:
    entry = resolve_file(path)
    return Walkthrough(entry.document, entry.sha256,
                       new_session(entry.document, entry.sha256, now=T0))


def test_single_choice_answer_moves_on_and_back_keeps_answers() -> None:
    state = start()
    assert state.question is not None and state.question.id == "danger"
    with pytest.raises(NotReady):
        state.next(T0)
    state = state.answer("no", T0)
    assert state.question is not None and state.question.id == "signs"
    back = state.back()
    assert back.question is not None and back.question.id == "danger"
    assert back.given is not None and back.given.answer == "no"
    again = back.forward(T0)
    assert again.question is not None and again.question.id == "signs"


def test_checklist_note_and_outcome() -> None:
    state = start().answer("no", T0)
    state = state.choose(["hunger"], T0).set_note("asked for food", [], T0)
    assert state.given is not None and state.given.note == "asked for food"
    state = state.next(T0)
    assert state.question is not None and state.question.id == "pattern"
    state = state.answer("yes", T0)
    assert state.question is None and state.outcome is not None
    assert state.outcome.id == "report"
    assert state.progress.finished and state.progress.describe().startswith("finished")


def test_untouched_checklist_means_nothing_ticked() -> None:
    state = start().answer("no", T0).next(T0)
    assert state.outcome is not None and state.outcome.id == "monitor"
    assert state.session.answers["signs"].answer == []


def test_required_note_blocks_and_note_needs_an_answer() -> None:
    state = start(DUTY_1_1).answer("no-danger", T0)
    assert state.question is not None and state.question.id == "how-concern-arose"
    with pytest.raises(NotReady, match="Choose an answer"):
        state.set_note("text", [], T0)
    chosen = state.choose("i-observed", T0)
    assert chosen.problem() is not None and "needs a note" in str(chosen.problem())
    with pytest.raises(NotReady):
        chosen.next(T0)
    noted = chosen.set_note("bruise seen", [], T0)
    assert noted.problem() is None
    assert noted.next(T0).question is not None


def test_changing_an_earlier_answer_keeps_later_answers() -> None:
    state = start().answer("no", T0).choose(["hunger"], T0).next(T0).answer("yes", T0)
    review = state.go_to("danger")
    changed = review.answer("yes", T0)
    assert changed.outcome is not None and changed.outcome.id == "police"
    restored = changed.go_to("danger").answer("no", T0).to_end()
    assert restored.outcome is not None and restored.outcome.id == "report"
    assert restored.session.answers["pattern"].answer == "yes"


def test_voice_and_override() -> None:
    state = start().answer("yes", T0)
    state = state.set_voice("child_voice", "words", "I want to go home", T0)
    state = state.set_voice("strengths", "protective", "Gran", T0)
    assert state.session.child_voice == {"words": "I want to go home"}
    assert state.set_voice("strengths", "protective", "", T0).session.strengths == {}
    with pytest.raises(NotReady):
        state.set_override("monitor", "   ", "DSP", T0)
    assert state.override_is_lower("monitor")
    assert state.outcome is not None
    with pytest.raises(NotReady, match="already reached"):
        state.set_override(state.outcome.id, "I agree", "DSP", T0)
    overridden = state.set_override("monitor", "known to us", "DSP", T0)
    summary = overridden.summary(T0)
    assert summary.override is not None and summary.override.lower
    assert overridden.clear_override(T0).session.override is None


def test_remaining_and_descriptions() -> None:
    state = start()
    assert state.remaining == (0, 2)
    question = state.document.question("signs")
    assert describe_selection(question, ["bruise", "support"]) == (
        "Unexplained bruising; A trusted adult at home")
    assert describe_selection(question, []) == "nothing ticked"
    assert reference_warning("Jane Smith") is not None
    assert reference_warning("CR-2026-0412") is None
    assert reference_warning("case 12") is None
