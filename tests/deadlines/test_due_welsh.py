"""`due --lang cy`: the table, its status words and the calendar entries in Welsh (issue 14).
English, the default whatever the sessions' languages, stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from tests.deadlines.helpers import CHASE_AT, FIXTURES, reported, save
from threshold_guide.cli.main import main

Capture = pytest.CaptureFixture[str]
G = ["--guidance", str(FIXTURES)]
AT = CHASE_AT.isoformat().replace("+00:00", "Z")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    save(reported(), tmp_path / "data" / "sessions")
    return tmp_path / "data"


def due(capsys: Capture, data: Path, *more: str) -> str:
    assert main(["due", "--data", str(data), "--at", AT, *G, *more]) == 0
    return capsys.readouterr().out


def test_due_text_in_welsh(capsys: Capture, data: Path) -> None:
    text = due(capsys, data, "--lang", "cy")
    lines = text.splitlines()
    assert lines[0].startswith("Camau â dyddiad nad ydynt wedi'u gwneud eto, am ")
    assert lines[0].endswith(" (amser y DU):")
    assert any(line.startswith("⚠ HWYR ") for line in lines)
    assert any(line.startswith("⚠ EWCH AR EU HÔL NAWR ") for line in lines)
    assert "EWCH AR EU HÔL NAWR (1 sesiwn): " in text
    assert " sesiwn " in text and "cam report yn sesiwn " in text
    for english in ("OVERDUE", "CHASE NOW", "Dated steps", "step report of session", "(UK time)"):
        assert english not in text
    # The status column widens to the longest Welsh word, so the dates still line up.
    width = len("⚠ EWCH AR EU HÔL NAWR")
    rows = [line for line in lines[1:] if line.startswith("⚠")]
    assert rows and all(line[width] == " " and line[width + 1] != " " for line in rows)


def test_due_ics_in_welsh(capsys: Capture, data: Path) -> None:
    text = due(capsys, data, "--lang", "cy", "--format", "ics")
    calendar = Calendar.from_ical(text)
    assert "threshold-guide:" in str(calendar["X-WR-CALNAME"])
    assert str(calendar["X-WR-CALNAME"]) != "threshold-guide: dated steps"
    assert text != due(capsys, data, "--format", "ics")


def test_due_stays_in_english_without_lang(capsys: Capture, data: Path) -> None:
    text = due(capsys, data)
    assert text.startswith("Dated steps not yet done, at ")
    assert "⚠ CHASE NOW  " in text and "step report of session " in text
