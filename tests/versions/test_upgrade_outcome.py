"""A move to another version that changes the outcome says so, in the report and history."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.versions.helpers import (
    MOVED,
    REPORT_ROUTE,
    answer,
    document,
    duty,
    edited,
    minimal_data,
    save,
    session_for,
)
from threshold_guide.cli.main import main
from threshold_guide.loading.canonical import content_hash
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.versions.upgrade_report import upgrade_report

REPORT = {"danger": "no", "signs": ["hunger"], "pattern": "yes"}


def test_a_rerouted_answer_that_lowers_the_outcome_is_flagged_and_recorded() -> None:
    old = document(minimal_data())
    new = edited(lambda data: answer(data, "pattern", "yes").update(outcome="monitor"))
    session = session_for(old, dict(REPORT))
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    assert moved.dropped == [], "every answer still stands"
    assert moved.outcome_changed and moved.outcome_lower
    change = moved.outcome_change()
    assert change == (
        "The outcome changes from “Report to social services today” (level 2) to “Record, "
        "monitor and seek advice” (level 1). ⚠ This is a LOWER level than before. Review "
        "the answers before relying on it.")
    assert change in [event.event for event in moved.session.history]
    report = upgrade_report(moved, session.guidance, old, new)
    assert change in report and "(none)" in report


def test_an_unchanged_outcome_adds_nothing() -> None:
    old = document(minimal_data())
    new = edited(lambda data: answer(data, "pattern", "yes").update(rationale="It is a pattern."))
    moved = upgrade_session(session_for(old, dict(REPORT)), old, new, content_hash(new), MOVED)
    assert not moved.outcome_changed and moved.outcome_change() is None
    assert not any("outcome changes" in event.event for event in moved.session.history)


def test_cli_upgrade_says_a_finished_walk_no_longer_reaches_its_outcome(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = save(session_for(duty("1.0.0"), dict(REPORT_ROUTE), "s-1"), tmp_path)
    code = main(["upgrade", str(path), "--to", "1.1.0", "-o", str(tmp_path / "up.json")])
    out = capsys.readouterr().out
    assert code == 0
    assert "The outcome changes: it was “" in out
    assert "no longer reaches an outcome until the questions left are answered" in out
    assert "The walk resumes at care-support-needs" in out
