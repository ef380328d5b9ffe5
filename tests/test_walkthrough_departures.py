"""What the front ends show of a departure: its effect on the outcome, and the progress line."""

from __future__ import annotations

import datetime as dt

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.session.creation import new_session
from threshold_guide.session.walkthrough import Walkthrough, progress

from .conftest import FIXTURES

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def at_judge(told: str = "yes") -> Walkthrough:
    entry = resolve_file(FIXTURES / "rules.yaml")
    state = Walkthrough(entry.document, entry.sha256,
                        new_session(entry.document, entry.sha256, now=T0))
    for answer in ("no", told, ["late"], "no"):
        state = state.answer(answer, T0)
    assert state.question is not None and state.question.id == "judge"
    return state


def test_a_departure_to_a_lower_outcome_is_known_before_the_walk_goes_on() -> None:
    state = at_judge()
    assert state.departure_effect() is None  # nothing chosen yet
    assert state.choose("yes", T0).departure_effect() is None  # agreeing is no departure
    effect = state.choose("no", T0).departure_effect()
    assert effect is not None and effect.lower
    assert effect.suggested is not None and effect.suggested.id == "report"
    assert effect.chosen is not None and effect.chosen.id == "monitor"


def test_a_departure_to_a_higher_outcome_is_not_flagged_lower() -> None:
    effect = at_judge(told="no").choose("yes", T0).departure_effect()
    assert effect is not None and not effect.lower


def test_progress_counts_departures_and_stops_where_a_reason_is_missing() -> None:
    departed = at_judge().choose("no", T0)
    waiting = progress(departed.document, departed.session)
    assert not waiting.finished and waiting.answered == 4 and waiting.departures == 0
    assert waiting.describe() == "4 questions answered"

    done = departed.set_departure_reason("A sibling told me", T0).next(T0)
    finished = progress(done.document, done.session)
    assert finished.finished and finished.departures == 1
    assert finished.describe() == "⚠ 1 departure · finished: Record, monitor and seek advice"
