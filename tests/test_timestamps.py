"""Every file writes a time one way: UTC, ending in Z, whatever zone --at was given in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from threshold_guide.cli.main import main
from threshold_guide.models.timestamps import format_time

OFFSET = re.compile(r"T\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d")


def test_format_time() -> None:
    assert format_time(dt.datetime(2026, 11, 2, 10, 15, tzinfo=dt.UTC)) == "2026-11-02T10:15:00Z"
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert format_time(dt.datetime(2026, 11, 2, 10, 15, tzinfo=plus_one)) == (
        "2026-11-02T09:15:00Z")
    assert format_time(dt.datetime(2026, 11, 2, 10, 15, 0, 5)) == "2026-11-02T10:15:00.000005Z"


@pytest.mark.parametrize("form", ["md", "json", "html"])
def test_summary_and_session_write_times_in_one_form(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, form: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("danger: 'no'\nsigns: [bruise]\n", encoding="utf-8")
    session = tmp_path / "session.json"
    code = main(["run", str(MINIMAL), "--answers", str(answers), "--format", form,
                 "--at", "2026-11-02T10:15:00+01:00", "--override", "monitor",
                 "--reason", "Plan in place", "--save-session", str(session)])
    out = capsys.readouterr().out
    assert code == 0
    for text in (out, session.read_text(encoding="utf-8")):
        assert "2026-11-02T09:15:00Z" in text
        assert not OFFSET.search(text), OFFSET.search(text)
