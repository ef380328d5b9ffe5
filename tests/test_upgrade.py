"""Moving a pinned session to another document version keeps unchanged questions' answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from threshold_guide.loading.catalog import Catalog, resolve_file
from threshold_guide.models.session import GivenAnswer, Override
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.session.upgrade import check_pin, upgrade_session

from .conftest import DUTY_1_0, DUTY_1_1

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def test_upgrade_keeps_unchanged_and_records_the_rest() -> None:
    old_entry, new_entry = resolve_file(DUTY_1_0), resolve_file(DUTY_1_1)
    session = new_session(old_entry.document, old_entry.sha256, now=T0, reference="R")
    session = with_answers(session, {
        "immediate-danger": GivenAnswer(answer="no-danger"),
        "care-support-needs": GivenAnswer(answer=old_entry.document.question(
            "care-support-needs").answers[0].id, note="needs help at home", evidence="observed"),
    }, T0)
    session = session.model_copy(update={
        "child_voice": {"own-words": "I am hungry", "gone-prompt": "typed text"},
        "override": Override(outcome="nonexistent-outcome", reason="why"),
    })
    later = T0 + dt.timedelta(days=1)
    moved = upgrade_session(session, old_entry.document, new_entry.document,
                            new_entry.sha256, later)
    result = moved.session
    assert result.guidance.version == "1.1.0" and result.guidance.sha256 == new_entry.sha256
    assert moved.kept == ["immediate-danger"]
    assert moved.dropped == ["care-support-needs"]
    assert set(result.answers) == {"immediate-danger"}
    assert result.child_voice == {"own-words": "I am hungry"}
    assert result.override is None
    assert result.position is None and result.updated_at == later
    events = " ".join(event.event for event in result.history)
    assert "Moved from wales-duty-to-report 1.0.0" in events
    assert "needs help at home" in events, "a dropped note is kept in the history"
    assert "typed text" in events
    assert "nonexistent-outcome" in events


def test_upgrade_without_the_old_version_keeps_answers_that_still_fit() -> None:
    entry = resolve_file(DUTY_1_1)
    session = new_session(entry.document, "0" * 64, now=T0)
    session = with_answers(session, {
        "immediate-danger": GivenAnswer(answer="no-danger"),
        "gone": GivenAnswer(answer="x"),
    }, T0)
    moved = upgrade_session(session, None, entry.document, entry.sha256, T0)
    assert moved.kept == ["immediate-danger"] and moved.dropped == ["gone"]
    assert "not available to compare" in moved.session.history[0].event


def test_check_pin_sees_changed_content_and_newer_versions(
    tmp_path: Path, minimal_data: dict[str, Any], write_yaml: Callable[..., Path]
) -> None:
    write_yaml(minimal_data, "guidance/a.yaml")
    catalog = Catalog.load([tmp_path / "guidance"])
    entry = catalog.entries[0]
    session = new_session(entry.document, entry.sha256, now=T0)
    today = dt.date(2026, 11, 2)

    clean = check_pin(session, catalog, today)
    assert clean.pinned == entry and not clean.needs_decision

    minimal_data["title"] = "Edited without a new version"
    write_yaml(minimal_data, "guidance/a.yaml")
    edited = Catalog.load([tmp_path / "guidance"])
    check = check_pin(session, edited, today, kept=entry.document)
    assert check.pinned is None and check.changed is not None and check.needs_decision
    assert check.pinned_document == entry.document, "the kept copy still serves"
    assert any("has changed" in line for line in check.explain())

    minimal_data.update(version="1.1.0", title="Newer")
    minimal_data["changelog"].append({"version": "1.1.0", "date": "2025-06-01",
                                      "changes": ["Newer."]})
    write_yaml(minimal_data, "guidance/b.yaml")
    minimal_data.update(version="1.0.0", title="Minimal test document")
    minimal_data["changelog"].pop()
    write_yaml(minimal_data, "guidance/a.yaml")
    both = Catalog.load([tmp_path / "guidance"])
    newer = check_pin(session, both, today)
    assert newer.pinned == both.versions(entry.id)[0]
    assert newer.newer is not None and newer.newer.version == "1.1.0"
    assert newer.targets == [newer.newer]
    assert any("newer version, 1.1.0" in line for line in newer.explain())
