"""The 2.0.0 guidance and its scenarios: every rule, floor and judgement branch is taught.

``scenarios check`` proves each model answer reaches its outcome. This proves the shipped
scenarios between them exercise the whole of each format-2 document: every rule of every
decision point and suggestion (the fallback too), both branches of every judgement question
(agree and depart), every floor, and every answer of every question. It also proves each
model answer records a reason exactly where it departs from the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.conftest import GUIDANCE
from tests.scenarios.helpers import SCENARIOS
from threshold_guide.engine.decisions import floor_checks
from threshold_guide.engine.route import Route, derive_route
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.validation.validate import check_file

VERSION = "2.0.0"
DOCUMENTS = {
    "wales-duty-to-report": GUIDANCE / "wales-duty-to-report" / f"{VERSION}.yaml",
    "wales-significant-harm": GUIDANCE / "wales-significant-harm" / f"{VERSION}.yaml",
}


@cache
def document(doc_id: str) -> ThresholdDocument:
    checked = check_file(DOCUMENTS[doc_id])
    assert checked.document is not None
    return checked.document


def scenarios_for(doc_id: str) -> Iterator[tuple[Path, Scenario]]:
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = Scenario.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        if scenario.guidance.id == doc_id and VERSION in scenario.versions():
            yield path, scenario


@dataclass
class Seen:
    """What the scenarios' routes exercise, as (node, rule index or None) and so on."""

    rules: set[tuple[str, int | None]] = field(default_factory=set)
    branches: set[tuple[str, bool]] = field(default_factory=set)
    floors: set[str] = field(default_factory=set)
    answers: set[tuple[str, str]] = field(default_factory=set)


def replay(doc: ThresholdDocument, scenario: Scenario) -> Route:
    given = scenario.answers_for(VERSION)
    selections = {qid: answer.answer for qid, answer in given.items()}
    reasons = {qid: answer.departure_reason or "" for qid, answer in given.items()}
    return derive_route(doc, selections, reasons)


@cache
def exercised(doc_id: str) -> Seen:
    doc = document(doc_id)
    seen = Seen()
    for path, scenario in scenarios_for(doc_id):
        route = replay(doc, scenario)
        assert route.outcome is not None, f"{path.name}: the model answers stop early"
        assert route.outcome.id == scenario.expected_for(VERSION), path.name
        given = scenario.answers_for(VERSION)
        for step in route.steps:
            selected = step.selection if isinstance(step.selection, list) else [step.selection]
            seen.answers.update((step.question.id, answer) for answer in selected)
            if step.suggestion is None:
                assert given[step.question.id].departure_reason is None, (
                    f"{path.name}: '{step.question.id}' is not a judgement question"
                )
                continue
            seen.rules.add((step.question.id, step.suggestion.rule))
            seen.branches.add((step.question.id, step.departed))
            has_reason = bool(given[step.question.id].departure_reason)
            assert has_reason is step.departed, (
                f"{path.name}: '{step.question.id}' "
                + ("departs without a reason" if step.departed else "agrees, but gives a reason")
            )
        seen.rules.update((d.point.id, d.hit.rule) for d in route.decisions)
        for check in floor_checks(doc, route.selections(), route.outcome):
            seen.floors.add(check.floor.id)
            assert check.met or route.departures, f"{path.name}: floor {check.floor.id} broken"
    return seen


def every_rule(doc: ThresholdDocument) -> set[tuple[str, int | None]]:
    wanted: set[tuple[str, int | None]] = set()
    for point in doc.decision_points:
        wanted |= {(point.id, index) for index in range(len(point.rules))} | {(point.id, None)}
    for question in doc.questions:
        if question.suggest is not None:
            count = len(question.suggest.rules)
            wanted |= {(question.id, index) for index in range(count)} | {(question.id, None)}
    return wanted


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_the_2_0_documents_use_the_rules_mechanism(doc_id: str) -> None:
    doc = document(doc_id)
    assert doc.format == 2
    assert doc.decision_points and doc.floors
    assert [q.id for q in doc.questions if q.suggest is not None]
    assert "Regional Safeguarding Board" in str(doc.about)
    assert doc.changelog[-1].version == VERSION


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_scenarios_hit_every_rule_and_fallback(doc_id: str) -> None:
    missing = every_rule(document(doc_id)) - exercised(doc_id).rules
    assert not missing, f"rules no scenario reaches (rule index, None = otherwise): {missing}"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_scenarios_agree_and_depart_at_every_judgement(doc_id: str) -> None:
    doc = document(doc_id)
    wanted = {(q.id, departed) for q in doc.questions if q.suggest for departed in (True, False)}
    missing = wanted - exercised(doc_id).branches
    assert not missing, f"judgement branches no scenario takes (question, departed): {missing}"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_scenarios_apply_every_floor(doc_id: str) -> None:
    missing = {f.id for f in document(doc_id).floors} - exercised(doc_id).floors
    assert not missing, f"floors no scenario applies: {missing}"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_scenarios_use_every_answer_of_every_question(doc_id: str) -> None:
    doc = document(doc_id)
    wanted = {(q.id, a.id) for q in doc.questions for a in q.answers}
    missing = wanted - exercised(doc_id).answers
    assert not missing, f"answers no shipped scenario gives: {sorted(missing)}"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_scenarios_reach_every_outcome(doc_id: str) -> None:
    doc = document(doc_id)
    reached = {
        replay(doc, scenario).outcome.id  # type: ignore[union-attr]
        for _, scenario in scenarios_for(doc_id)
    }
    assert {o.id for o in doc.outcomes} <= reached
