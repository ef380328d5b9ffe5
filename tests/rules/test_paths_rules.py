"""`paths` on a format 2 document: each route lists its departures and still runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from threshold_guide.cli.main import main

RULES = FIXTURES / "rules.yaml"
Capture = pytest.CaptureFixture[str]


def test_every_route_lists_its_departures_and_runs_to_its_outcome(
    capsys: Capture, tmp_path: Path
) -> None:
    assert main(["paths", str(RULES)]) == 0
    routes = json.loads(capsys.readouterr().out)
    departing = [r for r in routes if r["departures"]]
    assert departing and any(not r["departures"] for r in routes)
    for index, route in enumerate(routes):
        for question, given in route["answers"].items():
            if question in route["departures"]:
                assert given["departure_reason"] == "<state your reason>"
            else:
                assert not isinstance(given, dict)
        answers = tmp_path / f"route-{index}.json"
        answers.write_text(json.dumps(route["answers"]))
        assert main(["run", str(RULES), "--answers", str(answers), "--format", "json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert summary["outcome"]["id"] == route["outcome"]
        departed = [j["question"] for j in summary["judgements"] if j["departed"]]
        assert departed == route["departures"]


def test_text_marks_each_judgement_answer_as_agreeing_or_departing(capsys: Capture) -> None:
    assert main(["paths", str(RULES), "--format", "text"]) == 0
    out = capsys.readouterr().out
    blocks = {block.splitlines()[0]: block for block in out.strip().split("\n\n")}
    assert "judge: yes  # agrees with the suggestion" in blocks["# 2. report"]
    assert ("judge: {answer: no, departure_reason: '<state your reason>'}  # departs from the "
            "suggestion") in blocks["# 3. monitor"]
    # Questions that suggest nothing are not marked.
    assert blocks["# 1. police"].splitlines()[1:] == ["danger: yes"]
