"""After the decision from the command line and plain mode: due, response, escalate, done,
follow-up, and the dated steps in the summary and explanations."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.deadlines.helpers import (
    BEFORE_CHASE,
    CHASE_AT,
    FIXTURES,
    NOTE,
    reported,
    save,
)
from threshold_guide.cli.main import main
from threshold_guide.models.session import Session
from threshold_guide.summary.json_output import render_json

Capture = pytest.CaptureFixture[str]
G = ["--guidance", str(FIXTURES)]


def iso(moment: object) -> str:
    return moment.isoformat().replace("+00:00", "Z")  # type: ignore[attr-defined]


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "sessions"
    save(reported(), folder)
    return folder


def saved(folder: Path) -> tuple[Path, Session]:
    path = next(folder.glob("*.json"))
    return path, Session.model_validate_json(path.read_text(encoding="utf-8"))


def due(capsys: Capture, folder: Path, at: object, *more: str) -> tuple[int, str]:
    code = main(["due", "--data", str(folder.parent), "--at", iso(at), *G, *more])
    return code, capsys.readouterr().out


def test_a_session_without_follow_through_is_written_as_before() -> None:
    assert "follow_through" not in render_json(reported())


def test_due_shows_chase_now_after_seven_working_days(capsys: Capture, sessions: Path) -> None:
    code, before = due(capsys, sessions, BEFORE_CHASE)
    assert code == 0 and "CHASE NOW" not in before
    assert "Confirm the report in writing" in before and "Tue 1 Dec 2026, 17:00" in before
    code, after = due(capsys, sessions, CHASE_AT)
    assert code == 0
    assert "⚠ CHASE NOW  Wed 9 Dec 2026, 17:00" in after and "CASE-0042" in after
    code, text = due(capsys, sessions, CHASE_AT, "--format", "json")
    listing = json.loads(text)
    assert listing["chase_now"] == [saved(sessions)[1].session_id]
    assert [i["status"] for i in listing["items"]] == ["overdue", "overdue", "chase-now"]


def test_a_response_ends_the_chase(capsys: Capture, sessions: Path) -> None:
    path, _ = saved(sessions)
    assert main(["response", str(path), "--outcome", "no-further-action", "--reason",
                 "Needs met by the school", "--by", "Duty team", "--at", iso(CHASE_AT), *G]) == 0
    _, text = due(capsys, sessions, CHASE_AT)
    assert "CHASE NOW" not in text
    response = saved(sessions)[1].follow_through.responses[0]  # type: ignore[union-attr]
    assert (response.outcome.value, response.reason, response.at) == (
        "no-further-action", "Needs met by the school", CHASE_AT)


def test_nothing_back_starts_the_wait_again(capsys: Capture, sessions: Path) -> None:
    path, _ = saved(sessions)
    assert main(["response", str(path), "--outcome", "none", "--at", iso(CHASE_AT), *G]) == 0
    _, text = due(capsys, sessions, CHASE_AT)
    assert "CHASE NOW" not in text and "Mon 21 Dec 2026, 17:00" in text


def test_done_records_a_step_and_refuses_an_unknown_one(capsys: Capture,
                                                        sessions: Path) -> None:
    path, _ = saved(sessions)
    assert main(["done", str(path), "reprot", *G]) == 1
    assert "did you mean 'report'" in capsys.readouterr().err
    assert main(["done", str(path), "confirm-in-writing", "--at", iso(BEFORE_CHASE), *G]) == 0
    _, text = due(capsys, sessions, BEFORE_CHASE)
    assert "Confirm the report in writing" not in text


def test_ics_imports_and_carries_no_note_text(capsys: Capture, sessions: Path) -> None:
    code, text = due(capsys, sessions, CHASE_AT, "--format", "ics")
    assert code == 0
    again = due(capsys, sessions, CHASE_AT, "--format", "ics")[1]
    assert text == again, "deterministic"
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    session = saved(sessions)[1]
    assert [str(e["UID"]) for e in events] == [
        f"{session.session_id}.{step}@threshold-guide"
        for step in ("report", "confirm-in-writing", "response")]
    assert all(e.decoded("DTSTAMP") == CHASE_AT for e in events)
    assert events[2].decoded("DTEND") == CHASE_AT.replace(day=9, hour=17)
    assert "Chase now" in str(events[2]["SUMMARY"]) and "CASE-0042" in str(events[2]["SUMMARY"])
    unfolded = text.replace("\r\n ", "")
    for private in (NOTE, "bruise", "Dad", "Designated safeguarding person", "school"):
        assert private not in unfolded


def test_escalation_in_the_summary_and_explanations(capsys: Capture, sessions: Path) -> None:
    path, _ = saved(sessions)
    assert main(["escalate", str(path), "--contacted", "x", *G]) == 1
    assert "disagree" in capsys.readouterr().err
    assert main(["response", str(path), "--outcome", "no-further-action",
                 "--at", iso(CHASE_AT), *G]) == 0
    assert main(["escalate", str(path), "--disagree", "The bruise is unexplained",
                 "--at", iso(CHASE_AT), *G]) == 0
    assert "by Fri 11 Dec 2026, 17:00" in capsys.readouterr().err
    assert main(["escalate", str(path), "--contacted", "Team manager, duty team",
                 "--said", "Will look again *today*", "--at", "2026-12-11T10:00:00Z", *G]) == 0
    assert main(["explain", str(path), "--audience", "school", "--at", iso(CHASE_AT), *G]) == 0
    school = capsys.readouterr().out
    assert "## How to challenge a decision" in school
    assert "## Professional differences (escalation)" in school
    assert "Will look again \\*today\\*" in school, "typed text is escaped"
    assert "by Tue 15 Dec 2026, 17:00" in school
    assert main(["explain", str(path), "--audience", "family", "--at", iso(CHASE_AT), *G]) == 0
    family = capsys.readouterr().out
    assert "escalation" not in family.lower() and "Team manager" not in family
    assert main(["explain", str(path), "--audience", "police", "--format", "json",
                 "--at", iso(CHASE_AT), *G]) == 0
    police = json.loads(capsys.readouterr().out)
    assert "challenge" not in police
    assert police["follow_through"]["escalation"]["steps"][0]["contacted"] == (
        "Team manager, duty team")


def test_plain_follow_up_shows_chase_now_and_records(capsys: Capture, sessions: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = saved(sessions)
    # 1 record the response; 4 no further action; the reason; who; then q
    lines = ["1", "4", "Threshold not met", "Duty team", "q"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["follow-up", str(path), "--plain", "--at", iso(CHASE_AT), *G]) == 0
    out = capsys.readouterr().out
    assert out.count("CHASE NOW") >= 1
    first, _, rest = out.partition("Saved.")
    assert "CHASE NOW" in first and "CHASE NOW" not in rest
    assert "No further action" in rest and "Threshold not met" in rest
    response = saved(sessions)[1].follow_through.responses[0]  # type: ignore[union-attr]
    assert response.reason == "Threshold not met" and response.by == "Duty team"
