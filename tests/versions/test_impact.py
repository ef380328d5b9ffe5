"""Replaying scenarios and sessions under two versions: who a change affects, and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.versions.helpers import (
    REPORT_ROUTE,
    UNSURE_ROUTE,
    Data,
    answer,
    document,
    duty,
    edited,
    minimal_data,
    save,
    session_for,
)
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.versions.cases import (
    CasesUnreadable,
    read_scenario_cases,
    read_session_cases,
)
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.impact import Case, impact
from threshold_guide.versions.markdown import render_diff_markdown
from threshold_guide.versions.model import CaseImpact, Impact

SCENARIOS = ROOT / "scenarios"
HARM = ROOT / "guidance" / "wales-significant-harm" / "1.0.0.yaml"


def _duty_impact(cases: list[Case]) -> Impact:
    old, new = duty("1.0.0"), duty("1.1.0")
    return impact(cases, old, new, diff_documents(old, new))


def _by_id(result: Impact) -> dict[str, CaseImpact]:
    return {case.id: case for case in result.cases}


def test_shipped_scenarios_never_been_born_changes_outcome() -> None:
    result = _duty_impact(read_scenario_cases([SCENARIOS], "1.0.0", "1.1.0"))
    born = _by_id(result)["never-been-born"]
    assert born.status == "outcome-changed"
    assert (born.old.outcome, born.new.outcome) == ("discuss-today", "report-today")
    assert born.diverges_at == "reasonable-cause"
    assert born.old.route[-1] == "reasonable-cause" and "chronology" in born.new.route
    changed = [c.id for c in result.cases if c.status in (
        "outcome-changed", "stops-early", "answer-not-accepted")]
    assert changed == ["never-been-born"]
    # Scenarios for the other documents are not replayed against this one.
    assert {s.reason for s in result.skipped} == {
        "written for document 'wales-significant-harm'",
        "written for document 'wales-registration'"}
    assert all(c.kind == "scenario" for c in result.cases)


def test_sessions_stop_early_or_keep_their_outcome(tmp_path: Path) -> None:
    old = duty("1.0.0")
    save(session_for(old, UNSURE_ROUTE, "unsure"), tmp_path)
    save(session_for(old, REPORT_ROUTE, "report"), tmp_path)
    harm = resolve_file(HARM).document
    save(session_for(harm, {}, "harm"), tmp_path)
    # The app's copy of a pinned document beside the sessions is not a session.
    kept = tmp_path / "documents" / ("0" * 64 + ".json")
    kept.parent.mkdir()
    kept.write_text("{}", encoding="utf-8")

    result = _duty_impact(read_session_cases([tmp_path]))
    cases = _by_id(result)
    unsure = cases["unsure"]
    assert unsure.status == "stops-early"
    assert unsure.old.outcome == "discuss-today"
    assert (unsure.new.outcome, unsure.new.stopped_at, unsure.new.not_accepted) == (
        None, "chronology", None)
    assert unsure.diverges_at == "reasonable-cause"
    report = cases["report"]
    assert report.status == "unchanged" and report.diverges_at is None
    assert report.reasked == ["care-support-needs"]
    assert [s.id for s in result.skipped] == ["harm"]

    old, new = duty("1.0.0"), duty("1.1.0")
    diff = diff_documents(old, new).model_copy(update={"impact": result})
    text = render_diff_markdown(diff, old, new)
    assert ("| session unsure | stops before an outcome | `discuss-today` (level 40) | "
            "stops at `chronology`: not answered | `reasonable-cause` |") in text
    assert "- session report: `care-support-needs`" in text
    assert ("Replayed 0 scenarios and 2 sessions under 1.0.0 and 1.1.0. 1 stops before an "
            "outcome; 1 is unchanged. 1 was skipped: written for another document.") in text


def test_an_answer_the_new_version_does_not_accept(tmp_path: Path) -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        pattern = next(q for q in data["questions"] if q["id"] == "pattern")
        pattern["answers"] = [a for a in pattern["answers"] if a["id"] != "no"]
        pattern["answers"].append({"id": "single", "label": "No, a single event",
                                   "outcome": "monitor", "rationale": "A single event."})

    new = edited(change)
    path = save(session_for(old, {"danger": "no", "signs": ["hunger"], "pattern": "no"}),
                tmp_path)
    diff = diff_documents(old, new)
    [case] = impact(read_session_cases([path]), old, new, diff).cases
    assert case.status == "answer-not-accepted"
    assert case.new.stopped_at == "pattern" and case.new.outcome is None
    assert case.new.not_accepted is not None and "has no answer 'no'" in case.new.not_accepted
    assert case.new.route == ["danger", "signs"]
    assert case.diverges_at == "pattern" and case.reasked == ["pattern"]


def test_same_outcome_by_another_route() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        answer(data, "danger", "no")["next"] = "pattern"

    new = edited(change)
    case = Case("session", "s", "s.json", old.id, {"danger": "no", "signs": ["bruise"],
                                                   "pattern": "yes"},
                {"danger": "no", "signs": ["bruise"], "pattern": "yes"})
    [result] = impact([case], old, new, diff_documents(old, new)).cases
    assert result.status == "route-changed"
    assert (result.old.route, result.new.route) == (["danger", "signs"], ["danger", "pattern"])
    assert result.old.outcome == result.new.outcome == "report"
    assert result.diverges_at == "danger"


def test_unfinished_session_that_now_finishes() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        answer(data, "danger", "no")["outcome"] = "monitor"
        del answer(data, "danger", "no")["next"]

    new = edited(change)
    case = Case("session", "s", "s.json", old.id, {"danger": "no"}, {"danger": "no"})
    [result] = impact([case], old, new, diff_documents(old, new)).cases
    assert result.old.stopped_at == "signs" and result.new.outcome == "monitor"
    assert result.status == "outcome-changed" and result.diverges_at == "danger"


def test_unreadable_cases_are_all_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CasesUnreadable) as caught:
        read_session_cases([bad, empty, tmp_path / "missing.json"])
    rendered = [d.render() for d in caught.value.diagnostics]
    assert any("bad.json" in line for line in rendered)
    assert any("no session files in this folder" in line for line in rendered)
    assert any("missing.json" in line for line in rendered)
    with pytest.raises(CasesUnreadable) as caught:
        read_scenario_cases([bad, empty, tmp_path / "nope"], "1.0.0", "1.1.0")
    rendered = [d.render() for d in caught.value.diagnostics]
    assert any("no scenario files in this folder" in line for line in rendered)
    assert any("nope" in line and "E100" in line for line in rendered)
