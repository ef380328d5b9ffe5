"""Decision rules (format 2): evaluation, routes, departures, floors and their proofs."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES
from threshold_guide.engine.conditions import Unanswered, concrete_leaf, evaluate
from threshold_guide.engine.decisions import floor_checks
from threshold_guide.engine.paths import all_routes
from threshold_guide.engine.route import derive_route
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.rules import Condition
from threshold_guide.models.session import GuidanceRef, Session
from threshold_guide.session.walkthrough import NotReady, Walkthrough
from threshold_guide.summary.build import SummaryError, build_summary
from threshold_guide.validation.diagnostics import Diagnostic
from threshold_guide.validation.validate import check_file

RULES = FIXTURES / "rules.yaml"
NOW = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)
WriteYaml = Callable[..., Path]


@pytest.fixture
def rules_data() -> dict[str, Any]:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def rules_doc(rules_data: dict[str, Any]) -> ThresholdDocument:
    return ThresholdDocument.model_validate(rules_data)


def check(write_yaml: WriteYaml, data: dict[str, Any]) -> list[Diagnostic]:
    return check_file(write_yaml(data)).diagnostics


def codes(found: list[Diagnostic]) -> list[str]:
    return [item.code for item in found]


def cond(data: Any) -> Condition:
    return Condition.model_validate(data)


# Conditions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"question": "a", "is": "x"}, {"a": "x"}, True),
        ({"question": "a", "is": "x"}, {"a": "y"}, False),
        ({"question": "a", "is_one_of": ["x", "y"]}, {"a": "y"}, True),
        ({"question": "c", "includes_any": ["p", "q"]}, {"c": ["q"]}, True),
        ({"question": "c", "includes_any": ["p", "q"]}, {"c": []}, False),
        ({"question": "c", "includes_all": ["p", "q"]}, {"c": ["p"]}, False),
        ({"question": "c", "at_least": 2}, {"c": ["p", "r"]}, True),
        ({"question": "c", "at_least": 2, "of": ["p", "q"]}, {"c": ["p", "r"]}, False),
        ({"question": "a", "answered": False}, {}, True),
        ({"not": {"question": "a", "is": "x"}}, {"a": "y"}, True),
        ({"all": [{"question": "a", "is": "x"}, {"question": "b", "is": "z"}]},
         {"a": "x", "b": "z"}, True),
        # 'all' stops at the first test that fails: 'b' is never read.
        ({"all": [{"question": "a", "is": "x"}, {"question": "b", "is": "z"}]}, {"a": "y"},
         False),
        # 'any' stops at the first test that holds.
        ({"any": [{"question": "a", "is": "x"}, {"question": "b", "is": "z"}]}, {"a": "x"},
         True),
    ],
)
def test_conditions(condition: dict[str, Any], answers: dict[str, Any], expected: bool) -> None:
    assert evaluate(cond(condition), concrete_leaf(answers)) is expected


def test_reading_an_unanswered_question_is_signalled_not_guessed() -> None:
    with pytest.raises(Unanswered) as caught:
        evaluate(cond({"not": {"question": "b", "is": "z"}}), concrete_leaf({"a": "x"}))
    assert caught.value.question == "b"


def test_deeply_nested_conditions_do_not_exhaust_the_stack() -> None:
    built = cond({"question": "a", "is": "x"})
    for _ in range(3000):
        built = Condition.model_construct(not_=built, question=None)
    assert evaluate(built, concrete_leaf({"a": "x"})) is True  # an even number of 'not'


@pytest.mark.parametrize(
    "bad",
    [
        {"question": "a"},
        {"question": "a", "is": "x", "is_one_of": ["y"]},
        {"all": [{"question": "a", "is": "x"}], "question": "a"},
        {"question": "a", "of": ["x"], "includes_any": ["x"]},
        {"all": []},
    ],
)
def test_malformed_conditions_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        cond(bad)


# Format and content hash --------------------------------------------------------------


def test_format_1_documents_keep_their_content_hash() -> None:
    # Sessions pin documents by this hash: format 2's new fields must not change it.
    from tests.conftest import DUTY_1_1

    document = ThresholdDocument.model_validate(yaml.safe_load(DUTY_1_1.read_text()))
    assert content_hash(document) == (
        "5782df15f307655cc9a2da59f3f2bd57d299d3f58a4843b240f7f7e80c9e8b99"
    )


def test_decision_rules_need_format_2(write_yaml: WriteYaml, rules_data: dict[str, Any]) -> None:
    rules_data["format"] = 1
    found = check(write_yaml, rules_data)
    assert "E203" in codes(found)


# Routes -------------------------------------------------------------------------------


def test_decision_point_is_passed_without_asking(rules_doc: ThresholdDocument) -> None:
    route = derive_route(rules_doc, {"danger": "no", "told": "no", "signs": ["bruise"]})
    assert route.outcome is not None and route.outcome.id == "report"
    assert [d.point.id for d in route.decisions] == ["weigh"]
    assert route.decisions[0].hit.rule == 0 and route.decisions[0].after == 3


def test_judgement_question_carries_its_suggestion(rules_doc: ThresholdDocument) -> None:
    route = derive_route(rules_doc, {"danger": "no", "told": "yes", "signs": []})
    assert route.pending is not None and route.pending.id == "judge"
    assert route.pending_suggestion is not None
    assert route.pending_suggestion.target == "yes"
    assert route.decisions[0].hit.rule is None  # the fallback: no signs ticked


def test_departure_without_a_reason_stops_the_route(rules_doc: ThresholdDocument) -> None:
    answers = {"danger": "no", "told": "yes", "signs": [], "judge": "no"}
    assert derive_route(rules_doc, answers).outcome is not None
    stopped = derive_route(rules_doc, answers, {})
    assert stopped.outcome is None and stopped.pending is not None
    assert stopped.pending.id == "judge"
    kept = derive_route(rules_doc, answers, {"judge": "It was a story from a film."})
    assert kept.outcome is not None and kept.outcome.id == "monitor"
    assert [s.question.id for s in kept.departures] == ["judge"]


def test_every_route_without_a_departure_respects_every_floor(
    rules_doc: ThresholdDocument,
) -> None:
    routes = list(all_routes(rules_doc))
    assert any(r.departures for r in routes)
    for found in routes:
        outcome = rules_doc.outcome(found.outcome)
        checks = floor_checks(rules_doc, found.answers, outcome)
        if not found.departures:
            assert all(c.met for c in checks), found
    # Checklists that rules test are enumerated by what the rules tell apart.
    signs = {tuple(r.answers["signs"]) for r in routes if "signs" in r.answers}
    assert ("bruise",) in signs and ("hunger",) in signs and () in signs


# Validation ---------------------------------------------------------------------------


def test_fixture_is_clean() -> None:
    assert check_file(RULES).diagnostics == []


def test_a_broken_floor_is_reported_with_the_answers_of_a_breaking_route(
    write_yaml: WriteYaml, rules_data: dict[str, Any]
) -> None:
    rules_data["questions"][4]["suggest"]["rules"][0]["when"] = {"question": "told", "is": "no"}
    found = [d for d in check(write_yaml, rules_data) if d.code == "E406"]
    assert len(found) == 1
    message = found[0].message
    assert "floor 'disclosure'" in message
    assert "told=yes" in message and "judge=no" in message
    assert found[0].line > 1


def test_removing_a_floor_protecting_rule_breaks_the_bruising_floor(
    write_yaml: WriteYaml, rules_data: dict[str, Any]
) -> None:
    rules_data["decision_points"][0]["rules"][0]["outcome"] = "monitor"
    found = [d for d in check(write_yaml, rules_data) if d.code == "E406"]
    assert found and "signs=[bruise]" in found[0].message


def test_rule_reading_an_unasked_question_is_an_error_with_a_witness(
    write_yaml: WriteYaml, rules_data: dict[str, Any]
) -> None:
    # 'pattern' is asked only after hunger or lateness: unguarded, the suggestion reads it
    # on routes where it was never asked.
    rules_data["questions"][4]["suggest"]["rules"][1]["when"] = {"question": "pattern",
                                                                  "is": "yes"}
    found = [d for d in check(write_yaml, rules_data) if d.code == "E404"]
    assert len(found) == 1
    assert "'pattern'" in found[0].message and "route: danger=no" in found[0].message


def test_missing_fallback(write_yaml: WriteYaml, rules_data: dict[str, Any]) -> None:
    del rules_data["decision_points"][0]["otherwise"]
    del rules_data["questions"][4]["suggest"]["otherwise"]
    assert codes(check(write_yaml, rules_data)).count("E405") == 2


def test_overlap_is_warned_unless_order_is_declared(
    write_yaml: WriteYaml, rules_data: dict[str, Any]
) -> None:
    del rules_data["decision_points"][0]["hit_policy"]
    found = [d for d in check(write_yaml, rules_data) if d.code == "W405"]
    assert len(found) == 1 and "bruise" in found[0].message


def test_rule_never_taken(write_yaml: WriteYaml, rules_data: dict[str, Any]) -> None:
    rules = rules_data["decision_points"][0]["rules"]
    rules.insert(0, {"when": {"question": "signs", "at_least": 1}, "next": "judge",
                     "rationale": "any sign"})
    found = [d for d in check(write_yaml, rules_data) if d.code == "W404"]
    assert {d.message.split(" of ")[0] for d in found} == {"rule 2", "rule 3"}
    assert all("earlier rules always hold first" in d.message for d in found)


def test_suggestion_rule_never_taken(write_yaml: WriteYaml, rules_data: dict[str, Any]) -> None:
    rules_data["questions"][4]["suggest"]["rules"].append(
        {"when": {"question": "told", "is": "yes"}, "answer": "no", "rationale": "never"}
    )
    assert "W406" in codes(check(write_yaml, rules_data))


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda d: d["decision_points"][0]["rules"][0]["when"].update(question="nope"), "E307"),
        (lambda d: d["decision_points"][0]["rules"][0]["when"].update(includes_any=["x"]),
         "E308"),
        (lambda d: d["decision_points"][0]["rules"][0].update(
            when={"question": "signs", "is": "bruise"}), "E309"),
        (lambda d: d["questions"][4]["suggest"]["rules"][0].update(
            when={"question": "told", "includes_any": ["yes"]}), "E309"),
        (lambda d: d["questions"][4]["suggest"]["otherwise"].update(answer="maybe"), "E308"),
        (lambda d: d["floors"][0].update(minimum="nowhere"), "E303"),
        (lambda d: d["decision_points"][0].update(id="told"), "E301"),
        (lambda d: d["decision_points"][0]["otherwise"].update(next="nowhere"), "E302"),
    ],
)
def test_reference_errors_are_located(
    write_yaml: WriteYaml, rules_data: dict[str, Any], edit: Callable[[dict[str, Any]], None],
    code: str,
) -> None:
    data = copy.deepcopy(rules_data)
    edit(data)
    found = [d for d in check(write_yaml, data) if d.code == code]
    assert found, codes(check(write_yaml, data))
    assert all(d.line > 1 for d in found)


# Sessions and summaries ---------------------------------------------------------------


def _walkthrough(document: ThresholdDocument) -> Walkthrough:
    session = Session(
        session_id="s1",
        guidance=GuidanceRef(id=document.id, version=document.version,
                             sha256=content_hash(document)),
        created_at=NOW, updated_at=NOW,
    )
    return Walkthrough(document, content_hash(document), session)


def test_a_departure_cannot_move_on_without_a_reason(rules_doc: ThresholdDocument) -> None:
    state = _walkthrough(rules_doc)
    for answer in ("no", "yes", []):
        state = state.answer(answer, NOW)
    assert state.question is not None and state.question.id == "judge"
    assert state.suggestion is not None and state.suggestion.target == "yes"
    state = state.choose("no", NOW)
    assert state.departs
    with pytest.raises(NotReady):
        state.next(NOW)
    state = state.set_departure_reason("Confirmed it was a story from a film.", NOW)
    state = state.next(NOW)
    assert state.outcome is not None and state.outcome.id == "monitor"
    # Agreeing again drops the reason: it belongs to a departure.
    state = state.go_to("judge").choose("yes", NOW)
    assert not state.departs and state.session.answers["judge"].departure_reason is None


def test_summary_shows_suggestion_rule_choice_and_reason(rules_doc: ThresholdDocument) -> None:
    state = _walkthrough(rules_doc)
    for answer in ("no", "yes", []):
        state = state.answer(answer, NOW)
    state = state.choose("no", NOW).set_departure_reason("A reason.", NOW).next(NOW)
    summary = state.summary(NOW)
    (judgement,) = summary.judgements
    assert judgement.departed and judgement.lower and judgement.reason == "A reason."
    assert judgement.because == "the child described harm" and judgement.rule == 1
    assert judgement.suggested_outcome is not None
    assert judgement.suggested_outcome.id == "report"
    assert [(f.id, f.met) for f in summary.floors] == [("disclosure", False)]
    assert summary.decisions[0].rule is None


def test_summary_refuses_a_departure_without_a_reason(rules_doc: ThresholdDocument) -> None:
    state = _walkthrough(rules_doc)
    for answer in ("no", "yes", []):
        state = state.answer(answer, NOW)
    session = state.choose("no", NOW).session
    with pytest.raises(SummaryError, match="departs"):
        build_summary(rules_doc, content_hash(rules_doc), session, NOW)


def test_format_1_session_files_are_upgraded_on_load() -> None:
    data = {
        "format": 1, "session_id": "old",
        "guidance": {"id": "d", "version": "1.0.0", "sha256": "0" * 64},
        "answers": {"q": {"answer": "a"}},
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
    }
    session = Session.model_validate_json(json.dumps(data))
    assert session.format == 2 and session.answers["q"].departure_reason is None
