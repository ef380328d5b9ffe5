"""Plain mode on a judgement question: the suggestion, agreeing, and a reasoned departure.

Walks tests/fixtures/rules.yaml: no danger, the child told of harm (so 'judge' suggests
Yes), a sign of neglect (the decision point goes on to 'pattern'), not a pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.plain.helpers import NOW, Capture, plain, saved_sessions
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.session.creation import new_session
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.session_store import SessionStore

MP = pytest.MonkeyPatch
RULES = str(FIXTURES / "rules.yaml")
TO_JUDGE = ["2", "1", "3", "2"]
"""No danger; the child told; often late; not a pattern."""
REASON = "The account came from a sibling; I am speaking to the DSP today."
ASK = "Reason for departing from the suggestion: "


def test_the_suggestion_is_shown_and_agreeing_needs_no_reason(
    capsys: Capture, monkeypatch: MP
) -> None:
    code, out, err = plain(capsys, monkeypatch, [*TO_JUDGE, "1"], RULES, "--reference", "R-1")
    assert code == 0, err
    question = out.split("Question 5 of 5: ")[1]
    assert question.startswith(
        "Is there reasonable cause to suspect the child is at risk?\n"
        "The answers so far point to: Yes.\n"
        "Suggested because: the child described harm.\n"
        "1. Yes (suggested)\n"
        "2. No\n"
        "Do you agree? Type 1 to agree."
    )
    assert "Question 4 of 5: Is this part of a pattern?" in out  # the decision point is no question
    assert ASK not in out
    assert "Outcome: Report to social services today." in out
    (session,) = saved_sessions()
    assert session.answers["judge"].answer == "yes"
    assert session.answers["judge"].departure_reason is None


def test_a_departure_asks_for_the_reason_and_the_summary_shows_it(
    capsys: Capture, monkeypatch: MP
) -> None:
    code, out, err = plain(capsys, monkeypatch, [*TO_JUDGE, "2", REASON], RULES,
                           "--reference", "R-1")
    assert code == 0, err
    assert out.count(ASK) == 1
    assert "Warning: this is a LOWER level than the guidance suggests" in out
    assert "Outcome: Record, monitor and seek advice." in out
    assert "⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggests" in out
    assert "The account came from a sibling; I am speaking to the DSP today." in out
    (session,) = saved_sessions()
    assert session.answers["judge"].departure_reason == REASON


def test_an_empty_reason_is_asked_again_and_the_end_of_input_keeps_the_answers(
    capsys: Capture, monkeypatch: MP
) -> None:
    code, out, err = plain(capsys, monkeypatch, [*TO_JUDGE, "2", "", "  "], RULES,
                           "--reference", "R-1")
    assert code == 1
    assert out.count(ASK) == 3  # asked, and asked again after each empty line
    assert out.count("A reason is required to depart from the suggestion.") == 2
    assert "Outcome:" not in out
    (session,) = saved_sessions()
    assert session.answers["judge"].answer == "no"  # what was chosen is kept
    assert session.answers["judge"].departure_reason is None
    resume = re.search(r"--resume (\S+)", err)
    assert resume, err

    # Resumed, the walk stands at the judgement again; Enter keeps No, then the reason.
    code, out, err = plain(capsys, monkeypatch, ["", REASON], "--resume", resume.group(1))
    assert code == 0, err
    assert "Question 5 of 5" in out and "Asked again: your answer No departs" in out
    assert "Outcome: Record, monitor and seek advice." in out
    (session,) = saved_sessions()
    assert session.answers["judge"].departure_reason == REASON


def test_b_at_the_reason_goes_back_to_the_answers(capsys: Capture, monkeypatch: MP) -> None:
    code, out, err = plain(capsys, monkeypatch, [*TO_JUDGE, "2", "b", "1"], RULES)
    assert code == 0, err
    assert "Outcome: Report to social services today." in out
    (session,) = saved_sessions()
    assert session.answers["judge"].answer == "yes"


def test_a_changed_earlier_answer_asks_the_judgement_again(
    capsys: Capture, monkeypatch: MP
) -> None:
    # Made as the app makes it: No agreed while the child had not told; then 'told'
    # changed to Yes, so No is now a departure without a reason.
    entry = resolve_file(FIXTURES / "rules.yaml")
    state = Walkthrough(entry.document, entry.sha256,
                        new_session(entry.document, entry.sha256, now=NOW, reference="R-2"))
    for answer in ("no", "no", ["late"], "no", "no"):
        state = state.answer(answer, NOW)
    assert state.outcome is not None and state.outcome.id == "monitor"
    state = state.go_to("told").answer("yes", NOW).to_end()
    assert state.question is not None and state.question.id == "judge"
    SessionStore().save(state.session)

    code, out, err = plain(capsys, monkeypatch, ["1"], "--resume", state.session.session_id,
                           "--guidance", str(FIXTURES))
    assert code == 0, err
    shown = out.split("Question 5 of 5: ")[1]
    assert "The answers so far point to: Yes." in shown
    assert "Asked again: your answer No departs from this suggestion" in shown
    assert "Outcome: Report to social services today." in out


def test_run_refuses_a_departure_without_a_reason_as_plain_mode_does(
    capsys: Capture, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("danger: 'no'\ntold: 'yes'\nsigns: [late]\npattern: 'no'\n"
                       "judge: {answer: 'no'}\n", encoding="utf-8")
    code = main(["run", RULES, "--answers", str(answers)])
    err = capsys.readouterr().err
    assert code == 1  # bad input, not an internal error
    assert "question 'judge'" in err and "departure_reason" in err
