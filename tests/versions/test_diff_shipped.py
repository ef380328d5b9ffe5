"""The shipped duty-to-report guidance, 1.0.0 -> 1.1.0: what a guidance author must see."""

from __future__ import annotations

import json

from tests.golden_files import assert_golden
from tests.versions.helpers import duty
from threshold_guide.summary.json_output import render_json
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.markdown import render_diff_markdown
from threshold_guide.versions.model import Destination


def test_the_new_question_and_where_it_is_reached_from() -> None:
    diff = diff_documents(duty("1.0.0"), duty("1.1.0"))
    [added] = diff.questions.added
    assert added.id == "chronology"
    assert [(v.question, v.answer) for v in added.reached_from] == [
        ("reasonable-cause", "unsure-cause")]
    assert diff.questions.removed == []


def test_unsure_is_re_routed_not_reworded() -> None:
    diff = diff_documents(duty("1.0.0"), duty("1.1.0"))
    [moved] = diff.answers.rerouted
    assert (moved.question, moved.answer) == ("reasonable-cause", "unsure-cause")
    assert moved.old == Destination(next=None, outcome="discuss-today")
    assert moved.new == Destination(next="chronology", outcome=None)
    assert [q.id for q in diff.questions.rerouted] == ["reasonable-cause"]
    # Its help text changed too, but help does not change what is asked: the answer stands.
    assert "reasonable-cause" not in diff.reasked()
    [help_edit] = [e for e in diff.questions.edited if e.id == "reasonable-cause"]
    assert [f.field for f in help_edit.fields] == ["help"]


def test_care_and_support_is_reworded() -> None:
    diff = diff_documents(duty("1.0.0"), duty("1.1.0"))
    [reworded] = diff.questions.reworded
    assert reworded.id == "care-support-needs" and reworded.reasons == ["prompt"]
    assert reworded.prompt is not None
    assert str(reworded.prompt.old).startswith("Does the child appear to have needs")
    assert str(reworded.prompt.new).startswith("Apart from the worry about harm")
    assert diff.reasked() == {"care-support-needs"}


def test_definitions_outcome_text_and_details() -> None:
    diff = diff_documents(duty("1.0.0"), duty("1.1.0"))
    assert [d.id for d in diff.definitions.added] == ["chronology"]
    [outcome] = diff.outcomes.changed
    assert outcome.id == "discuss-today" and [f.field for f in outcome.fields] == ["do_now"]
    assert "earlier concerns you found" in str(outcome.fields[0].new)
    assert [(m.field, m.old, m.new) for m in diff.metadata] == [
        ("effective_from", "2026-04-01", "2026-10-01")]
    assert [entry.version for entry in diff.changelog] == ["1.1.0"]
    assert not diff.empty


def test_golden_markdown() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    text = render_diff_markdown(diff_documents(old, new), old, new)
    assert_golden("versions/duty-to-report-1.0.0-1.1.0.md", text)


def test_golden_json_and_its_stable_keys() -> None:
    text = render_json(diff_documents(duty("1.0.0"), duty("1.1.0")))
    assert_golden("versions/duty-to-report-1.0.0-1.1.0.json", text)
    data = json.loads(text)
    assert list(data) == ["format", "old", "new", "questions", "answers", "routes", "outcomes",
                          "sources", "definitions", "decision_points", "suggestions", "floors",
                          "metadata", "changelog", "impact", "empty"]
    assert list(data["questions"]) == ["added", "removed", "reworded", "rerouted", "edited"]
    assert list(data["answers"]) == ["added", "removed", "relabelled", "rerouted", "edited"]
    assert data["impact"] is None and data["empty"] is False


def test_backwards_is_the_mirror_image() -> None:
    diff = diff_documents(duty("1.1.0"), duty("1.0.0"))
    assert [q.id for q in diff.questions.removed] == ["chronology"]
    assert [d.id for d in diff.definitions.removed] == ["chronology"]
    [moved] = diff.answers.rerouted
    assert moved.new.outcome == "discuss-today"
    assert diff.reasked() == {"care-support-needs", "chronology"}
