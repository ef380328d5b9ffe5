"""`scenarios check` on a format 2 document: only questions are answered, departures are
expected and reasoned, and coverage names every rule, judgement branch and floor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.rules.documents import RULES
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import Catalog
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.scenarios.coverage import coverage

Capture = pytest.CaptureFixture[str]

AGREE_TOLD = {"danger": "no", "told": "yes", "signs": [], "judge": "yes"}
BRUISE = {"danger": "no", "told": "no", "signs": ["bruise"]}
PATTERN = {"danger": "no", "told": "no", "signs": ["hunger"], "pattern": "yes", "judge": "yes"}
DEPART = {"danger": "no", "told": "no", "signs": ["hunger"], "pattern": "no",
          "judge": {"answer": "yes", "departure_reason": "The school nurse's account."}}


def scenario(scenario_id: str, answers: dict[str, Any], outcome: str,
             **extra: Any) -> dict[str, Any]:
    return {
        "kind": "scenario", "id": scenario_id, "title": scenario_id, "reference": "Child A",
        "audience": ["education"], "guidance": {"id": "test-rules", "versions": ["2.0.0"]},
        "vignette": "A test case.", "model_answers": answers, "expected_outcome": outcome,
        "learning_points": ["A point."], "facilitator_notes": "Notes.", **extra,
    }


def folder(tmp_path: Path, *scenarios: dict[str, Any]) -> tuple[Path, Catalog]:
    guidance = tmp_path / "guidance"
    guidance.mkdir(parents=True, exist_ok=True)
    shutil.copy(RULES, guidance / "rules.yaml")
    cases = tmp_path / "scenarios"
    cases.mkdir(exist_ok=True)
    for item in scenarios:
        (cases / f"{item['id']}.yaml").write_text(yaml.safe_dump(item, sort_keys=False))
    return cases, Catalog.load([guidance])


def codes(tmp_path: Path, *scenarios: dict[str, Any]) -> dict[str, list[str]]:
    cases, catalog = folder(tmp_path, *scenarios)
    found: dict[str, list[str]] = {}
    for item in check_paths([cases], catalog).diagnostics:
        found.setdefault(item.code, []).append(f"{item.line}: {item.message} | {item.hint}")
    return found


def test_every_rule_branch_and_floor_covered_by_four_scenarios(tmp_path: Path) -> None:
    cases, catalog = folder(
        tmp_path, scenario("a-told", AGREE_TOLD, "report"), scenario("b-bruise", BRUISE, "report"),
        scenario("c-pattern", PATTERN, "report"),
        scenario("d-depart", DEPART, "report", expected_departures=["judge"]))
    run = check_paths([cases], catalog)
    assert run.ok, [d.render() for d in run.diagnostics]
    [part] = coverage(catalog.entries, run.replays)
    assert part.rules == ("weigh/rule-1", "weigh/rule-2", "weigh/otherwise", "judge/suggest-1",
                          "judge/suggest-2", "judge/suggest-otherwise")
    assert part.missed_rules == () and part.missed_judgements == () and part.missed_floors == ()
    assert part.judgements == ("judge/agree", "judge/depart")
    assert part.floors == ("disclosure", "bruising")


def test_coverage_names_the_rules_branches_and_floors_not_exercised(
    tmp_path: Path, capsys: Capture
) -> None:
    cases, _ = folder(tmp_path, scenario("b-bruise", BRUISE, "report"))
    guidance = tmp_path / "guidance"
    assert main(["scenarios", "check", str(cases), "--guidance", str(guidance)]) == 0
    out = capsys.readouterr().out
    assert "rules 1/6, judgements 0/2, floors 1/2" in out
    assert ("rules not exercised: weigh/rule-2, weigh/otherwise, judge/suggest-1, "
            "judge/suggest-2, judge/suggest-otherwise") in out
    assert "judgement branches not exercised: judge/agree, judge/depart" in out
    assert "floors never applied: disclosure" in out
    assert main(["scenarios", "check", str(cases), "--guidance", str(guidance),
                 "--format", "json"]) == 0
    [part] = json.loads(capsys.readouterr().out)["coverage"]
    assert part["rules"] == {"total": 6, "missed": [
        "weigh/rule-2", "weigh/otherwise", "judge/suggest-1", "judge/suggest-2",
        "judge/suggest-otherwise"]}
    assert part["floors"] == {"total": 2, "missed": ["disclosure"]}


def test_a_model_answer_to_a_decision_point_is_an_error(tmp_path: Path) -> None:
    found = codes(tmp_path, scenario("x", {**BRUISE, "weigh": "report"}, "report"))
    [message] = found["E710"]
    assert "'weigh', which is a decision point in test-rules 2.0.0: it asks nothing" in message


def test_a_departure_needs_a_reason_and_must_be_expected(tmp_path: Path) -> None:
    no_reason = {**DEPART, "judge": "yes"}
    found = codes(tmp_path, scenario("x", no_reason, "report", expected_departures=["judge"]))
    [message] = found["E711"]
    assert ("the model answer to 'judge' departs from what test-rules 2.0.0 suggests ('no': "
            "no disclosure and no pattern) and gives no reason") in message
    found = codes(tmp_path / "2", scenario("x", DEPART, "report"))
    [message] = found["E712"]
    assert "departs from what test-rules 2.0.0 suggests" in message
    assert "expected_departures does not list it" in message


def test_an_expected_departure_that_agrees_is_an_error_and_an_unused_reason_a_warning(
    tmp_path: Path
) -> None:
    reasoned = {**PATTERN, "judge": {"answer": "yes", "departure_reason": "Why not."}}
    found = codes(tmp_path, scenario("x", reasoned, "report", expected_departures=["judge"]))
    [message] = found["E712"]
    assert "expected_departures lists 'judge', but in test-rules 2.0.0 the model answer " \
           "agrees with the suggestion" in message
    [warning] = found["W703"]
    assert "gives a departure reason but agrees" in warning


def test_by_version_may_expect_other_departures(tmp_path: Path) -> None:
    item = scenario("x", DEPART, "report", expected_departures=[],
                    by_version={"2.0.0": {"expected_departures": ["judge"]}})
    assert codes(tmp_path, item) == {}
