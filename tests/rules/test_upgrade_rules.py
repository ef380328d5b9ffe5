"""Upgrading a session to a version where a question became a judgement question."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tests.rules.documents import RULES, earlier_rules, rules_document, session, write
from threshold_guide.cli.main import main
from threshold_guide.engine.route import derive_route
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.summary.json_output import render_json
from threshold_guide.versions.upgrade_report import upgrade_report

MOVED = dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC)
Capture = pytest.CaptureFixture[str]
# No disclosure, no signs: 2.0.0 suggests 'no' at 'judge'.
DEPARTS = {"danger": "no", "told": "no", "signs": [], "judge": "yes"}
AGREES = {"danger": "no", "told": "yes", "signs": [], "judge": "yes"}


def _old() -> ThresholdDocument:
    return ThresholdDocument.model_validate(earlier_rules())


def test_an_answer_that_now_departs_is_kept_but_asked_again() -> None:
    old, new = _old(), rules_document()
    moved = upgrade_session(session(old, DEPARTS), old, new, content_hash(new), MOVED)
    assert moved.kept == list(DEPARTS) and moved.dropped == []
    assert moved.departs == ["judge"]
    assert moved.session.answers["judge"].answer == "yes"  # nothing typed is lost
    route = derive_route(new, moved.session.selections(), moved.session.departure_reasons())
    assert route.pending is not None and route.pending.id == "judge"
    assert route.pending_suggestion is not None and route.pending_suggestion.target == "no"
    event = moved.session.history[-1].event
    assert ("“Is there reasonable cause to suspect the child is at risk?” departs from what "
            "2.0.0 suggests (“No”: no disclosure and no pattern)") in event
    report = upgrade_report(moved, session(old, DEPARTS).guidance, old, new)
    assert "To be asked again (1):" in report
    assert ("  - judge: Is there reasonable cause to suspect the child is at risk? (the answer "
            "kept departs from what 2.0.0 suggests, 'no' because no disclosure and no pattern: "
            "agree, or give a reason)") in report
    assert "The walk resumes at judge" in report and "give a reason)" in report


def test_an_answer_that_agrees_or_has_a_reason_stands() -> None:
    old, new = _old(), rules_document()
    agrees = upgrade_session(session(old, AGREES), old, new, content_hash(new), MOVED)
    assert agrees.departs == []
    assert derive_route(new, agrees.session.selections()).outcome is not None
    reasoned = session(old, DEPARTS, {"judge": "Older sibling's account."})
    moved = upgrade_session(reasoned, old, new, content_hash(new), MOVED)
    assert moved.departs == []
    route = derive_route(new, moved.session.selections(), moved.session.departure_reasons())
    assert route.outcome is not None and route.outcome.id == "report"


def test_cli_upgrade_reports_the_departure(tmp_path: Path, capsys: Capture) -> None:
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    shutil.copy(RULES, guidance / "rules-2.0.0.yaml")
    write(earlier_rules(), guidance, "rules-1.9.0.yaml")
    old = _old()
    saved = tmp_path / "s.json"
    write_atomic(saved, render_json(session(old, DEPARTS)), private=True)
    out_file = tmp_path / "moved.json"
    assert main(["upgrade", str(saved), "--to", "2.0.0", "--guidance", str(guidance),
                 "-o", str(out_file), "--at", "2026-11-02T14:00:00Z"]) == 0
    printed = capsys.readouterr()
    assert "the answer kept departs from what 2.0.0 suggests" in printed.out + printed.err
    moved = json.loads(out_file.read_text())
    assert moved["guidance"]["version"] == "2.0.0" and moved["answers"]["judge"]["answer"] == "yes"
