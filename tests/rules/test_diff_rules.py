"""diff and impact on format 2 documents: rules, suggestions and floors; departures replayed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.documents import (
    RULES,
    Data,
    edited_rules,
    node,
    pattern_becomes_a_decision_point,
    rules_data,
    rules_document,
    session,
    write,
)
from threshold_guide.cli.main import main
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.summary.json_output import render_json
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.impact import impact, session_case
from threshold_guide.versions.markdown import render_diff_markdown

Capture = pytest.CaptureFixture[str]

# Agrees with the old suggestion through the 'pattern' question.
PATTERN_ROUTE = {"danger": "no", "told": "no", "signs": ["hunger"], "pattern": "yes",
                 "judge": "yes"}


def _edit_rules(data: Data) -> None:
    weigh = node(data, "weigh")
    weigh["rules"][1]["rationale"] = "signs of neglect to look at over time"
    weigh["rules"].insert(0, {"when": {"question": "told", "is": "yes"}, "outcome": "report",
                              "rationale": "the child told you"})
    weigh["otherwise"]["rationale"] = "nothing ticked"
    weigh["hit_policy"] = "unique"
    judge = node(data, "judge")
    judge["suggest"]["rules"].reverse()
    judge["suggest"]["otherwise"]["rationale"] = "no disclosure, no pattern"
    data["floors"][1]["title"] = "Bruising nobody has explained"
    data["floors"][1]["when"] = {"question": "signs", "at_least": 1, "of": ["bruise"]}
    data["floors"].pop(0)
    data["floors"].append({"id": "told-and-bruised", "title": "Told and bruised",
                           "when": {"all": [{"question": "told", "is": "yes"},
                                            {"question": "signs", "includes_any": ["bruise"]}]},
                           "minimum": "report", "rationale": "Both at once."})


def _doc(data: Data) -> ThresholdDocument:
    return ThresholdDocument.model_validate(data)


def test_rules_suggestions_and_floors_changed_are_listed() -> None:
    new = _doc(edited_rules(_edit_rules))
    diff = diff_documents(rules_document(), new)
    points = diff.decision_points
    assert not points.added and not points.removed
    [weigh] = points.changed
    assert weigh.id == "weigh"
    assert [(f.field, f.old, f.new) for f in weigh.fields] == [
        ("hit_policy", "first", "unique")]
    assert [r.words for r in weigh.rules.added] == ["'Did the child tell you about harm?' is Yes"]
    assert weigh.rules.added[0].to is not None and weigh.rules.added[0].to.outcome == "report"
    assert [(c.old.rationale, c.new.rationale) for c in weigh.rules.changed] == [
        ("signs of neglect to weigh over time", "signs of neglect to look at over time"),
        ("no signs ticked", "nothing ticked"),
    ]
    assert weigh.rules.order is None  # the rules kept are in the same order
    [judge] = diff.suggestions.changed
    assert judge.question == "judge" and judge.rules.order is not None
    assert [c.new.words for c in judge.rules.changed] == ["otherwise"]
    floors = diff.floors
    assert [f.id for f in floors.removed] == ["disclosure"]
    assert [f.id for f in floors.added] == ["told-and-bruised"]
    assert floors.added[0].words == ("'Did the child tell you about harm?' is Yes and 'Which "
                                     "signs have you seen?' includes Unexplained bruising")
    [bruising] = floors.changed
    assert [f.field for f in bruising.fields] == ["title", "when"]
    assert bruising.fields[1].new == ("'Which signs have you seen?' has at least 1 of "
                                      "Unexplained bruising ticked")
    assert not diff.empty
    markdown = render_diff_markdown(diff, rules_document(), new)
    assert "## Decision points changed" in markdown
    assert ("- **Rule added:** when 'Did the child tell you about harm?' is Yes → outcome "
            "`report` (because: the child told you)") in markdown
    assert "- **rule order:**" in markdown
    assert "## Minimum responses (floors) changed" in markdown
    assert "- **Floor removed:** `disclosure`" in markdown
    assert "decision point added, removed or changed" in markdown


def test_the_same_rules_written_another_way_are_no_change() -> None:
    data = rules_data()
    data["floors"][1]["when"] = {"question": "signs", "includes_all": ["bruise"]}
    diff = diff_documents(rules_document(), _doc(data))
    assert diff.empty


def test_a_question_that_becomes_a_decision_point(tmp_path: Path, capsys: Capture) -> None:
    new_data = edited_rules(pattern_becomes_a_decision_point)
    new = _doc(new_data)
    diff = diff_documents(rules_document(), new)
    assert [q.id for q in diff.questions.removed] == ["pattern"]
    assert [p.id for p in diff.decision_points.added] == ["pattern"]
    assert diff.decision_points.added[0].rules[-1].words == "otherwise"
    assert "pattern" in diff.reasked()
    # The CLI reads both, replays a session, and writes JSON matching the schema's keys.
    old_path, new_path = RULES, write(new_data, tmp_path, "rules-2.1.0.yaml")
    saved = tmp_path / "sessions" / "s-1.json"
    write_atomic(saved, render_json(session(rules_document(), PATTERN_ROUTE)), private=True)
    assert main(["diff", str(old_path), str(new_path), "--format", "json",
                 "--sessions", str(saved.parent)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {"decision_points", "suggestions", "floors"} <= payload.keys()
    for key in ("decision_points", "suggestions", "floors"):
        assert set(payload[key]) == {"added", "removed", "changed"}
    [case] = payload["impact"]["cases"]
    assert case["status"] == "asks-again"
    assert case["new"]["asks_again"] == "judge"
    assert main(["diff", str(old_path), str(new_path), "--sessions", str(saved.parent)]) == 0
    markdown = capsys.readouterr().out
    assert "asked again: departs from the suggestion without a reason" in markdown


def test_replay_asks_again_where_a_departure_has_no_reason_and_keeps_one_that_has() -> None:
    old, new = rules_document(), _doc(edited_rules(pattern_becomes_a_decision_point))
    diff = diff_documents(old, new)
    without = session_case(session(old, PATTERN_ROUTE, session_id="no-reason"), Path("a.json"))
    reasoned = session_case(session(old, PATTERN_ROUTE, {"judge": "I know this family"},
                                    session_id="reason"), Path("b.json"))
    agreeing = session_case(session(old, {**PATTERN_ROUTE, "signs": ["hunger", "late"]},
                                    session_id="agrees"), Path("c.json"))
    result = {c.id: c for c in impact([without, reasoned, agreeing], old, new, diff).cases}
    asked = result["no-reason"]
    assert asked.status == "asks-again"
    assert (asked.new.outcome, asked.new.stopped_at, asked.new.asks_again) == (
        None, "judge", "judge")
    assert asked.old.departures == [] and asked.old.outcome == "report"
    kept = result["reason"]
    assert kept.status == "route-changed" and kept.new.outcome == "report"
    assert kept.new.departures == ["judge"] and kept.new.asks_again is None
    assert result["agrees"].new.departures == []
