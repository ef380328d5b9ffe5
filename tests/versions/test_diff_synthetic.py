"""Synthetic pairs: one edit each to a small document, and how the diff classifies it."""

from __future__ import annotations

from tests.versions.helpers import Data, answer, document, edited, minimal_data, question
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.markdown import render_diff_markdown

OLD = document(minimal_data())


def test_removed_question_and_the_answers_that_led_there() -> None:
    def change(data: Data) -> None:
        data["questions"] = [q for q in data["questions"] if q["id"] != "pattern"]
        question(data, "signs")["routes"][1] = {"if_any": ["hunger"], "outcome": "monitor"}

    new = edited(change)
    diff = diff_documents(OLD, new)
    assert [(q.id, q.prompt) for q in diff.questions.removed] == [
        ("pattern", "Is this part of a pattern?")]
    [routes] = diff.routes
    assert routes.question == "signs"
    assert routes.old[1].to.next == "pattern" and routes.new[1].to.outcome == "monitor"
    assert routes.old[1].min_selected == 1 and routes.new[1].min_selected is None
    assert [(q.id, q.routes) for q in diff.questions.rerouted] == [("signs", True)]
    assert diff.reasked() == {"pattern"}
    text = render_diff_markdown(diff, OLD, new)
    assert "## Questions removed" in text and "`pattern`: Is this part of a pattern?" in text
    assert "| 2 ✱ | if any of `hunger` and at least 1 ticked → question `pattern` |" in text


def test_removed_outcome() -> None:
    def change(data: Data) -> None:
        data["outcomes"] = [o for o in data["outcomes"] if o["id"] != "police"]
        answer(data, "danger", "yes")["outcome"] = "report"

    diff = diff_documents(OLD, edited(change))
    assert [(o.id, o.level, o.test_met) for o in diff.outcomes.removed] == [("police", 3, True)]
    [moved] = diff.answers.rerouted
    assert (moved.question, moved.answer, moved.old.outcome, moved.new.outcome) == (
        "danger", "yes", "police", "report")


def test_changed_level_and_test() -> None:
    def change(data: Data) -> None:
        monitor = next(o for o in data["outcomes"] if o["id"] == "monitor")
        monitor["level"] = 2
        monitor["test_met"] = True

    new = edited(change)
    diff = diff_documents(OLD, new)
    [changed] = diff.outcomes.changed
    assert changed.id == "monitor"
    assert [(f.field, f.old, f.new) for f in changed.fields] == [
        ("level", 1, 2), ("test_met", False, True)]
    text = render_diff_markdown(diff, OLD, new)
    assert "- **level:** 1 → 2" in text and "- **test met:** no → yes" in text


def test_answer_removed_rewords_the_question() -> None:
    def change(data: Data) -> None:
        signs = question(data, "signs")
        signs["answers"] = [a for a in signs["answers"] if a["id"] != "support"]

    diff = diff_documents(OLD, edited(change))
    assert [(a.question, a.answer) for a in diff.answers.removed] == [("signs", "support")]
    [reworded] = diff.questions.reworded
    assert (reworded.id, reworded.reasons, reworded.prompt) == ("signs", ["answer-removed"], None)


def test_answer_added_and_relabelled() -> None:
    def change(data: Data) -> None:
        danger = question(data, "danger")
        danger["answers"].append({"id": "unsure", "label": "Not sure", "outcome": "report",
                                  "rationale": "Unsure about danger."})
        answer(data, "danger", "no")["label"] = "No, not right now"

    new = edited(change)
    diff = diff_documents(OLD, new)
    [added] = diff.answers.added
    assert (added.answer, added.to is not None and added.to.outcome) == ("unsure", "report")
    [relabelled] = diff.answers.relabelled
    assert (relabelled.old, relabelled.new) == ("No", "No, not right now")
    assert diff.questions.reworded[0].reasons == ["answer-added", "answer-relabelled"]
    text = render_diff_markdown(diff, OLD, new)
    assert "- **Answer added:** `unsure` (Not sure), leading to outcome `report`" in text
    assert "- **Answer relabelled:** `no`: No → No, not right now" in text


def test_type_change_rewords() -> None:
    def change(data: Data) -> None:
        pattern = question(data, "pattern")
        pattern["type"] = "multiple"
        for item in pattern["answers"]:
            item.pop("outcome")
        pattern["routes"] = [{"if_any": ["yes"], "outcome": "report"}, {"outcome": "monitor"}]

    diff = diff_documents(OLD, edited(change))
    [reworded] = diff.questions.reworded
    assert reworded.reasons == ["type"]
    assert reworded.type is not None and (reworded.type.old, reworded.type.new) == (
        "single", "multiple")


def test_edits_that_leave_the_answer_standing() -> None:
    def change(data: Data) -> None:
        pattern = question(data, "pattern")
        pattern["help"] = "Look at the chronology."
        pattern["sources"] = ["s130"]
        answer(data, "pattern", "yes")["rationale"] = "The concern is one of several."
        answer(data, "pattern", "no")["signal"] = "neutral"
        answer(data, "pattern", "no")["label"] = {"en": "No", "cy": "Na"}
        question(data, "danger")["prompt"] = {"en": "Is the child in immediate danger?",
                                              "cy": "Ydy'r plentyn mewn perygl uniongyrchol?"}

    new = edited(change)
    diff = diff_documents(OLD, new)
    assert diff.questions.reworded == [] and diff.reasked() == set()
    assert {e.id: [f.field for f in e.fields] for e in diff.questions.edited} == {
        "danger": ["prompt"], "pattern": ["help", "sources"]}
    assert {(e.answer, tuple(f.field for f in e.fields)) for e in diff.answers.edited} == {
        ("yes", ("rationale",)), ("no", ("label",))}
    text = render_diff_markdown(diff, OLD, new)
    assert "- **prompt:** translation changed (languages en → cy, en)" in text


def test_whitespace_and_key_order_are_not_changes() -> None:
    def change(data: Data) -> None:
        data["version"] = "1.0.0"
        data["changelog"].pop()
        question(data, "pattern")["prompt"] = "Is this  part of\na pattern? "
        question(data, "signs")["routes"][1] = {"if_any": ["hunger"], "min_selected": 1,
                                                "next": "pattern"}

    new = edited(change)
    diff = diff_documents(OLD, new)
    assert diff.empty
    assert diff.old.sha256 != diff.new.sha256
    assert "**No changes** a reader would notice (differences only in layout or whitespace)" in (
        render_diff_markdown(diff, OLD, new))


def test_sources_definitions_and_details() -> None:
    def change(data: Data) -> None:
        data["sources"][0]["section"] = "s130(1)"
        data["sources"].append({"id": "wsp", "title": "Wales Safeguarding Procedures"})
        data["definitions"] = []
        question(data, "signs")["definitions"] = []
        data["child_voice"].append({"id": "worries", "prompt": "What worries the child?"})
        data["strengths"] = []
        data["legal_test"]["who_decides"] = "The practitioner, with their DSP."
        data["status"] = "draft"

    new = edited(change)
    diff = diff_documents(OLD, new)
    assert [(s.id, [f.field for f in s.fields]) for s in diff.sources.changed] == [
        ("s130", ["section"])]
    assert [s.id for s in diff.sources.added] == ["wsp"]
    assert [d.id for d in diff.definitions.removed] == ["harm"]
    assert [(m.field, m.old, m.new) for m in diff.metadata] == [
        ("status", "published", "draft"),
        ("legal_test.who_decides", "The practitioner.", "The practitioner, with their DSP."),
        ("child_voice.worries", None, "What worries the child?"),
        ("strengths.protective", "What is working well?", None),
    ]
    text = render_diff_markdown(diff, OLD, new)
    assert "## Sources changed" in text and "- **Source added:** `wsp`" in text
    assert "- **Definition removed:** `harm` (Harm)" in text
    assert "- **legal test: who decides:** The practitioner. → The practitioner, with" in text


def test_long_text_is_shown_as_a_line_diff() -> None:
    def change(data: Data) -> None:
        data["about"] = "A tiny document for tests.\nNot guidance.\nNow with ``` a fence."

    new = edited(change)
    text = render_diff_markdown(diff_documents(OLD, new), OLD, new)
    assert "  ````diff\n  -A tiny document for tests. Not guidance.\n" in text
    assert "  +Now with ``` a fence.\n  ````" in text
