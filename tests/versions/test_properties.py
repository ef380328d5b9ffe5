"""Properties over random documents: a version compared with itself, and single edits."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from threshold_guide.engine.route import derive_route
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, Selection
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.versions.diff import diff_documents

Data = dict[str, Any]
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
words = st.lists(st.sampled_from(["child", "home", "worry", "seen", "*said*", "plentyn"]),
                 min_size=1, max_size=4).map(" ".join)
texts = st.one_of(words, st.fixed_dictionaries({"en": words, "cy": words}))


@st.composite
def document_data(draw: st.DrawFn) -> Data:
    """A random acyclic document: question i only ever leads to later questions."""
    count = draw(st.integers(1, 6))
    outcomes = [f"o{i}" for i in range(draw(st.integers(1, 3)))]

    def target(index: int) -> Data:
        later = [f"q{j}" for j in range(index + 1, count)]
        if later and draw(st.booleans()):
            return {"next": draw(st.sampled_from(later))}
        return {"outcome": draw(st.sampled_from(outcomes))}

    questions = []
    for index in range(count):
        answers = [{"id": f"a{k}", "label": draw(texts), "rationale": draw(texts)}
                   for k in range(draw(st.integers(1, 3)))]
        question: Data = {"id": f"q{index}", "prompt": draw(texts), "answers": answers}
        if draw(st.booleans()):
            question["type"] = "multiple"
            ids = [a["id"] for a in answers]
            rules = [{"if_any": draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)),
                      **target(index)} for _ in range(draw(st.integers(0, 2)))]
            question["routes"] = [*rules, target(index)]
        else:
            for item in answers:
                item.update(target(index))
        questions.append(question)
    return {
        "id": "random", "version": "1.0.0", "title": draw(texts), "status": "published",
        "effective_from": "2026-01-01", "publisher": "tests", "jurisdiction": "Wales",
        "decision": "level-of-need", "about": draw(texts),
        "legal_test": {"text": draw(texts), "who_decides": "tests", "sources": ["s"]},
        "changelog": [{"version": "1.0.0", "date": "2026-01-01", "changes": ["First."]}],
        "sources": [{"id": "s", "title": "Source"}],
        "start": "q0", "questions": questions,
        "outcomes": [{"id": o, "title": draw(texts), "level": i, "test_met": bool(i),
                      "do_now": draw(texts), "timescale": "Today", "contact": "DSP",
                      "rationale": draw(texts)} for i, o in enumerate(outcomes)],
    }


def _answers(draw: st.DrawFn, document: ThresholdDocument) -> dict[str, Selection]:
    """A random valid answer to a random subset of the questions."""
    found: dict[str, Selection] = {}
    for question in document.questions:
        ids = [a.id for a in question.answers]
        if not draw(st.booleans()):
            continue
        if question.type.value == "single":
            found[question.id] = draw(st.sampled_from(ids))
        else:
            found[question.id] = draw(st.lists(st.sampled_from(ids), unique=True))
    return found


def _session_answers(document: ThresholdDocument, answers: dict[str, Selection]) -> Any:
    session = new_session(document, content_hash(document), now=NOW, session_id="p")
    return with_answers(session, {q: GivenAnswer(answer=a) for q, a in answers.items()}, NOW)


@settings(max_examples=60, deadline=None)
@given(document_data())
def test_a_version_compared_with_itself_has_no_changes(data: Data) -> None:
    document = ThresholdDocument.model_validate(data)
    again = ThresholdDocument.model_validate(copy.deepcopy(data))
    diff = diff_documents(document, again)
    assert diff.empty and diff.reasked() == set()
    assert diff.old.sha256 == diff.new.sha256


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_upgrade_to_the_same_version_keeps_everything(data: st.DataObject) -> None:
    document = ThresholdDocument.model_validate(data.draw(document_data()))
    answers = _answers(data.draw, document)
    session = _session_answers(document, answers)
    moved = upgrade_session(session, document, document, content_hash(document), LATER)
    assert moved.kept == list(answers) and moved.dropped == []
    assert moved.session.answers == session.answers
    assert derive_route(document, moved.session.selections()) == derive_route(
        document, session.selections())


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_re_routing_keeps_answers_and_rewording_re_asks(data: st.DataObject) -> None:
    raw = data.draw(document_data())
    old = ThresholdDocument.model_validate(raw)
    index = data.draw(st.integers(0, len(raw["questions"]) - 1))
    changed = copy.deepcopy(raw)
    question = changed["questions"][index]
    question["prompt"] = {"en": "Reworded entirely?"}
    # Every way out of the question now ends at the first outcome: a re-route at most.
    if question.get("type") == "multiple":
        question["routes"] = [{"outcome": "o0"}]
    else:
        for item in question["answers"]:
            item.pop("next", None)
            item["outcome"] = "o0"
    rerouted_only = copy.deepcopy(changed)
    rerouted_only["questions"][index]["prompt"] = raw["questions"][index]["prompt"]

    answers = _answers(data.draw, old)
    session = _session_answers(old, answers)
    for variant, reasked in ((rerouted_only, set()), (changed, {question["id"]})):
        new = ThresholdDocument.model_validate(variant)
        diff = diff_documents(old, new)
        assert diff.reasked() == reasked
        assert diff.questions.added == [] and diff.questions.removed == []
        moved = upgrade_session(session, old, new, content_hash(new), LATER)
        assert set(moved.dropped) == reasked & set(answers)
        assert set(moved.kept) == set(answers) - reasked
