"""The referral rationale summary: golden files, determinism and the wording rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1, HARM_1_0, MINIMAL
from tests.golden_files import GOLDEN, assert_golden
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Override
from threshold_guide.models.summary import Summary
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.answers_file import read_answers
from threshold_guide.summary.build import NOT_A_DECISION_NOT_TO_REPORT, SummaryError, build_summary
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown
from threshold_guide.summary.markdown_escape import escape

AT = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)

CASES = [
    ("duty-report-today", DUTY_1_1),
    ("duty-below-threshold", DUTY_1_1),
    ("harm-strategy", HARM_1_0),
]


def summarise(document_path: Path, answers: dict[str, GivenAnswer], **session: object) -> Summary:
    entry = resolve_file(document_path)
    base = new_session(entry.document, entry.sha256, now=AT, reference="CASE-0042",
                       role="Designated safeguarding person", agency="school",
                       session_id="golden")
    filled = with_answers(base, answers, AT).model_copy(update=session)
    return build_summary(entry.document, entry.sha256, filled, AT)


@pytest.mark.parametrize(("name", "document"), CASES)
def test_golden_markdown_and_json(name: str, document: Path) -> None:
    summary = summarise(document, read_answers(GOLDEN / "answers" / f"{name}.yaml"))
    assert_golden(f"{name}.md", render_markdown(summary))
    assert_golden(f"{name}.json", render_json(summary))


@pytest.mark.parametrize(("name", "document"), CASES)
def test_same_inputs_give_identical_bytes_and_json_round_trips(name: str, document: Path) -> None:
    answers = read_answers(GOLDEN / "answers" / f"{name}.yaml")
    first, second = summarise(document, answers), summarise(document, answers)
    assert render_markdown(first) == render_markdown(second)
    assert render_json(first) == render_json(second)
    assert Summary.model_validate_json(render_json(first)) == first


def test_json_has_the_contract_keys() -> None:
    summary = summarise(DUTY_1_1, read_answers(GOLDEN / "answers" / "duty-report-today.yaml"))
    data = json.loads(render_json(summary))
    assert set(data["guidance"]) >= {"id", "version", "sha256"}
    assert set(data["outcome"]) >= {"id", "title", "level"}
    assert all(set(step) >= {"question", "answer"} for step in data["path"])
    assert isinstance(data["what_would_change"], list) and data["what_would_change"]


def test_below_threshold_never_says_do_not_report() -> None:
    summary = summarise(DUTY_1_1, read_answers(GOLDEN / "answers" / "duty-below-threshold.yaml"))
    text = render_markdown(summary)
    assert not summary.outcome.test_met
    assert NOT_A_DECISION_NOT_TO_REPORT in summary.advice
    assert "seek advice" in text.lower()
    lowered = text.lower().replace("not a decision not to report", "")
    for phrase in ("do not report", "don't report", "no need to report", "not to report"):
        assert phrase not in lowered


def test_met_outcome_has_no_not_met_advice() -> None:
    summary = summarise(DUTY_1_1, read_answers(GOLDEN / "answers" / "duty-report-today.yaml"))
    assert NOT_A_DECISION_NOT_TO_REPORT not in summary.advice
    assert "999" in summary.advice[0]


def test_what_would_change_is_nearest_first_and_true() -> None:
    summary = summarise(MINIMAL, {"danger": GivenAnswer(answer="no"),
                                  "signs": GivenAnswer(answer=["hunger"]),
                                  "pattern": GivenAnswer(answer="no")})
    changes = summary.what_would_change
    assert [c.outcome for c in changes] == ["report", "report", "police"]
    # The change closest to the decision comes first among equally near ones.
    assert changes[0].question == "pattern"
    assert changes[1].change.startswith("If “Unexplained bruising” had also been ticked")
    levels = [abs(c.level_change) for c in changes]
    assert levels == sorted(levels)


def test_undecided_alternative_names_the_next_question() -> None:
    summary = summarise(MINIMAL, {"danger": GivenAnswer(answer="no"),
                                  "signs": GivenAnswer(answer=[])})
    hunger = [c for c in summary.what_would_change if c.question == "signs" and c.outcome is None]
    assert hunger and hunger[0].further_question == "pattern"
    assert set(hunger[0].possible_outcomes) == {"report", "monitor"}


def test_override_to_a_lower_level_is_flagged() -> None:
    override = Override(outcome="monitor", reason="Known to services; <b>plan</b> in place.",
                        by="DSP", at=AT)
    summary = summarise(MINIMAL, {"danger": GivenAnswer(answer="no"),
                                  "signs": GivenAnswer(answer=["bruise"])}, override=override)
    assert summary.override is not None and summary.override.lower
    text = render_markdown(summary)
    assert "OVERRIDE TO A LOWER LEVEL" in text
    assert "\\<b>plan\\</b>" in text  # the reason is shown literally, never as HTML
    assert "Report to social services today" in text and "Record, monitor" in text
    # The override outcome is not met: the summary still may not read as 'do not report'.
    assert NOT_A_DECISION_NOT_TO_REPORT in summary.advice


def test_unfinished_session_cannot_be_summarised() -> None:
    with pytest.raises(SummaryError, match="'signs'"):
        summarise(MINIMAL, {"danger": GivenAnswer(answer="no")})


def test_user_text_is_escaped() -> None:
    assert escape("# Heading") == "\\# Heading"
    assert escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>"
    assert escape("1. not a list") == "1\\. not a list"
    assert escape("- not a bullet") == "\\- not a bullet"
    assert escape("[link](http://x)") == "\\[link](http://x)"


@pytest.mark.parametrize(("typed", "shown"), [
    # Was a bug: every bracket was escaped, so exports read "\(IAA\)".
    ("Known to the family (IAA) since 2024.", "Known to the family (IAA) since 2024."),
    ("5 + 3 = 8; 50% {approx.}! #2 ~ a-b", "5 + 3 = 8; 50% {approx.}! #2 ~ a-b"),
    ("see file_name_v2 and C:\\temp\\notes", "see file_name_v2 and C:\\temp\\notes"),
    ("R&D, A & B, 3 < 4 > 2", "R&D, A & B, 3 < 4 > 2"),
    # What is syntax is still escaped.
    ("*bold* _em_ `code` [x] a|b ~~s~~ &amp; <b>", "\\*bold\\* \\_em\\_ \\`code\\` \\[x] a\\|b "
     "\\~\\~s\\~\\~ \\&amp; \\<b>"),
])
def test_escape_leaves_what_is_not_syntax_as_typed(typed: str, shown: str) -> None:
    assert escape(typed) == shown
