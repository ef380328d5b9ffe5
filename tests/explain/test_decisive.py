"""Decisive facts on the minimal document: an answer is decisive when changing it alone
certainly changes the outcome."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import MINIMAL
from threshold_guide.explain.decisive import certainly_changes, decisive_facts
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Selection
from threshold_guide.models.summary import ChangeInfo
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.summary.build import build_summary

AT = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def decisive(answers: dict[str, Selection]) -> dict[str, list[str | None]]:
    entry = resolve_file(MINIMAL)
    session = new_session(entry.document, entry.sha256, now=AT, session_id="decisive")
    session = with_answers(session, {q: GivenAnswer(answer=a) for q, a in answers.items()}, AT)
    summary = build_summary(entry.document, entry.sha256, session, AT)
    return {fact.question: [other.outcome for other in fact.otherwise]
            for fact in decisive_facts(summary)}


@pytest.mark.parametrize(("answers", "expected"), [
    # Hunger leads to the pattern question; each of the three answers alone flips it.
    ({"danger": "no", "signs": ["hunger"], "pattern": "yes"},
     {"danger": ["police"], "signs": ["monitor"], "pattern": ["monitor"]}),
    # Bruising alone decides a report: unticking it leads to 'monitor'.
    ({"danger": "no", "signs": ["bruise"]}, {"danger": ["police"], "signs": ["monitor"]}),
    # Bruising and hunger: unticking bruising only *might* change the outcome (the pattern
    # question is still open, and 'report' is still possible), and unticking hunger changes
    # nothing, so the checklist is not decisive; only the danger gate is.
    ({"danger": "no", "signs": ["bruise", "hunger"], "pattern": "yes"},
     {"danger": ["police"]}),
    # Nothing ticked: ticking bruising decides a report; ticking hunger only might.
    ({"danger": "no", "signs": []}, {"danger": ["police"], "signs": ["report"]}),
    # In danger: answering 'no' leads to a question from which 'police' cannot be reached,
    # so the gate is decisive although no single outcome is decided yet.
    ({"danger": "yes"}, {"danger": [None]}),
])
def test_decisive_facts(answers: dict[str, Selection],
                        expected: dict[str, list[str | None]]) -> None:
    assert decisive(answers) == expected


def test_decisive_facts_keep_route_order_and_carry_the_note() -> None:
    entry = resolve_file(MINIMAL)
    session = new_session(entry.document, entry.sha256, now=AT, session_id="decisive")
    session = with_answers(session, {
        "danger": GivenAnswer(answer="no"),
        "signs": GivenAnswer(answer=["hunger"], note="Asks for food on arrival.",
                             evidence="observed"),
        "pattern": GivenAnswer(answer="yes"),
    }, AT)
    facts = decisive_facts(build_summary(entry.document, entry.sha256, session, AT))
    assert [f.question for f in facts] == ["danger", "signs", "pattern"]
    assert facts[1].note == "Asks for food on arrival."
    assert facts[1].evidence_label == "Observed"
    assert facts[1].answer_labels == ["Often hungry"]


def _change(outcome: str | None, possible: list[str]) -> ChangeInfo:
    return ChangeInfo(question="q", prompt="?", given=[], instead=[], change="", outcome=outcome,
                      outcome_title=None, level_change=0, further_question=None,
                      possible_outcomes=possible)


def test_certainly_changes() -> None:
    assert certainly_changes(_change("b", ["b"]), "a")
    assert not certainly_changes(_change("a", ["a"]), "a")
    assert certainly_changes(_change(None, ["b", "c"]), "a")
    assert not certainly_changes(_change(None, ["a", "b"]), "a")
