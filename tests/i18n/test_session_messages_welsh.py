"""The session layer's messages to the person at the keyboard, in Welsh (issue 14): why a
question cannot be left yet, progress on the resume list, the reference warning, a refused
override, the repair notice, answer-file and rule errors, and the conference command's
errors and notes. What a session file stores (its history) stays English."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import CYMRAEG, FIXTURES, GUIDANCE
from threshold_guide.cli.main import main
from threshold_guide.engine.decisions import RuleError
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import set_interface_language
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session
from threshold_guide.session.upgrade import repair_session
from threshold_guide.session.walkthrough import (
    NotReady,
    Walkthrough,
    describe_selection,
    reference_warning,
)

Capture = pytest.CaptureFixture[str]
T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
DUTY = GUIDANCE / "wales-duty-to-report" / "2.1.0.yaml"
REGISTRATION = GUIDANCE / "wales-registration" / "1.1.0.yaml"
THREE = FIXTURES / "household-three.yaml"


@pytest.fixture
def welsh() -> Iterator[None]:
    set_interface_language("cy")
    yield
    set_interface_language("en")


def _start(path: Path) -> Walkthrough:
    entry = resolve_file(path)
    session = new_session(entry.document, entry.sha256, now=T0)
    return Walkthrough(entry.document, entry.sha256, session.model_copy(update={"language": "cy"}))


def _at_judgement() -> Walkthrough:
    """The Welsh fixture at its judgement question, which suggests "yes"."""
    state = _start(CYMRAEG).answer("no", T0).answer("yes", T0).answer([], T0)
    assert state.question is not None and state.question.id == "judge"
    return state


@pytest.mark.usefixtures("welsh")
def test_why_a_question_cannot_be_left_is_in_welsh() -> None:
    state = _start(DUTY)
    for answer in ("no-danger", "education-dsp", "not-urgent"):
        state = state.answer(answer, T0)
    assert state.question is not None and state.question.id == "how-concern-arose"
    assert state.problem() == "Dewiswch ateb yn gyntaf."
    with pytest.raises(NotReady, match=r"^Dewiswch ateb cyn ysgrifennu'r nodyn\.$"):
        state.set_note("text", [], T0)
    chosen = state.choose("i-observed", T0)
    # The note's prompt comes in the session's language, inside the interface's sentence.
    with pytest.raises(NotReady) as stopped:
        chosen.next(T0)
    assert str(stopped.value).startswith(
        "Mae angen nodyn ar y cwestiwn hwn cyn i chi fynd ymlaen: Disgrifiwch yr hyn a welsoch")
    departing = _at_judgement().choose("no", T0)
    assert departing.problem() == (
        "Mae eich ateb yn gwyro oddi wrth yr hyn y mae'r canllawiau'n ei awgrymu. Rhowch eich "
        "rheswm cyn i chi fynd ymlaen: caiff ei gofnodi fel gwyriad ar sail barn broffesiynol.")
    with pytest.raises(NotReady, match=r"^Dim ond ateb sy'n gwyro"):
        _at_judgement().choose("yes", T0).set_departure_reason("why", T0)


@pytest.mark.usefixtures("welsh")
def test_progress_and_overrides_are_in_welsh() -> None:
    state = _at_judgement()
    assert state.progress.describe("cy") == "3 chwestiwn wedi'u hateb"
    finished = state.answer("yes", T0)
    assert finished.progress.describe("cy") == (
        "wedi gorffen: Adroddwch i'r gwasanaethau cymdeithasol heddiw")
    with pytest.raises(NotReady, match=r"^Rhowch y rheswm dros y diystyriad\.$"):
        finished.set_override("monitor", " ", None, T0)
    with pytest.raises(NotReady, match=r"^Mae'r canllawiau eisoes wedi cyrraedd 'report'"):
        finished.set_override("report", "I agree", None, T0)
    lower = finished.set_override("monitor", "known to us", None, T0).progress
    assert lower.brief("cy") == "⚠ diystyriad, LEFEL IS: Cofnodi, monitro a gofyn am gyngor"
    assert "(diystyriad ar sail barn broffesiynol; ⚠ LEFEL IS na'r canllawiau;" in (
        lower.describe("cy"))
    with pytest.raises(NotReady, match=r"^Mae'r daith wedi cyrraedd ei chanlyniad"):
        finished.set_voice("child_voice", "x", "y", T0).next(T0)


@pytest.mark.usefixtures("welsh")
def test_answer_words_and_the_reference_warning_are_in_welsh() -> None:
    question = _start(CYMRAEG).document.question("signs")
    assert describe_selection(question, None, "cy") == "heb ei ateb"
    assert describe_selection(question, [], "cy") == "dim wedi'i dicio"
    assert reference_warning("Jane Smith") == (
        "Mae hynny'n edrych fel enw. Defnyddiwch gyfeirnod achos neu ffeil yn ei le: nid oes "
        "angen enw'r plentyn ar yr offeryn hwn byth.")


@pytest.mark.usefixtures("welsh")
def test_the_repair_notice_is_welsh_and_the_history_english() -> None:
    state = _start(CYMRAEG)
    session = state.session.model_copy(update={"answers": {
        "danger": GivenAnswer(answer="maybe"), "told": GivenAnswer(answer="perhaps")}})
    repair = repair_session(session, state.document, T0)
    assert repair.notice == (
        "Nid yw 2 ateb a gadwyd yn atebion y mae test-cymraeg 2.0.0 yn eu cynnig, felly "
        "gofynnir y cwestiynau hynny eto (danger, told). Mae'r hyn a roddwyd o'r neilltu wedi'i "
        "gadw yn hanes y sesiwn.")
    # The history is stored data: English, whatever the screen speaks.
    assert [event.event for event in repair.session.history] == [
        "The saved answer to “Is the child in immediate danger?” was set aside to be asked "
        "again: it does not fit test-cymraeg 2.0.0 (its answers are: yes, no). It was: maybe.",
        "The saved answer to “Did the child tell you about harm?” was set aside to be asked "
        "again: it does not fit test-cymraeg 2.0.0 (its answers are: yes, no). It was: "
        "perhaps."]


def test_the_repair_notice_counts_in_english() -> None:
    state = _start(CYMRAEG)
    session = state.session.model_copy(update={"answers": {"danger": GivenAnswer(answer="x")}})
    assert (repair_session(session, state.document, T0).notice or "").startswith(
        "1 saved answer is not an answer test-cymraeg 2.0.0 offers, so that question will be "
        "asked again (danger).")


@pytest.mark.usefixtures("welsh")
def test_a_rule_error_is_in_welsh() -> None:
    assert str(RuleError("point", "signs")).startswith(
        "'point': mae rheol yn darllen y cwestiwn 'signs', na chafodd ei ateb")


def test_an_answers_file_naming_no_such_question_is_reported_in_welsh(
        capsys: Capture, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"answers": {"dangr": "no"}}), encoding="utf-8")
    code = main(["--lang", "cy", "run", str(CYMRAEG), "--answers", str(answers)])
    err = capsys.readouterr().err
    assert code == ExitStatus.ERROR
    assert "cwestiwn 'dangr': nid yw'n gwestiwn yn y ddogfen hon" in err


def test_conference_errors_are_in_welsh(capsys: Capture) -> None:
    code = main(["--lang", "cy", "conference", "explain", str(THREE), "--child", "Child Z",
                 "--audience", "school"])
    err = capsys.readouterr().err
    assert code == ExitStatus.USAGE
    assert f"{THREE}: dim plentyn 'Child Z'" in err
    assert "plant: Child A, Child B, Child C" in err
    code = main(["--lang", "cy", "conference", "run", str(REGISTRATION), "--household",
                 str(THREE), "--bilingual", "--format", "json"])
    err = capsys.readouterr().err
    assert code == ExitStatus.USAGE
    assert "mae --bilingual yn ysgrifennu Markdown neu HTML" in err
    assert "defnyddiwch --format md neu --format html" in err


def test_conference_notes_are_in_welsh(capsys: Capture, tmp_path: Path) -> None:
    household = tmp_path / "family.yaml"
    shutil.copy(THREE, household)
    code = main(["--lang", "cy", "conference", "explain", str(household), "--child", "Child C",
                 "--audience", "family", "--document", str(REGISTRATION)])
    err = capsys.readouterr().err
    assert code == ExitStatus.OK, err
    assert "holwch y cadeirydd cyn rhannu hwn gyda'r teulu (" in err
    assert "check with the chair" not in err


def test_conference_errors_stay_english_without_lang(capsys: Capture) -> None:
    code = main(["conference", "explain", str(THREE), "--child", "Child Z", "--audience",
                 "school"])
    assert code == ExitStatus.USAGE
    assert "no child 'Child Z'" in capsys.readouterr().err


@pytest.mark.usefixtures("welsh")
def test_a_time_the_dialogs_cannot_read_is_reported_in_welsh() -> None:
    from threshold_guide.tui.screens.when import read_when

    with pytest.raises(ValueError, match=r"^nid yw 'dydd Llun' yn amser fel 2026-12-07 11:00$"):
        read_when(" dydd Llun ", lambda: T0)
    assert read_when("", lambda: T0) == T0


def test_the_household_walk_shows_the_document_in_the_language_asked() -> None:
    from threshold_guide.household.editing import walk_session
    from threshold_guide.household.walk import Pinned
    from threshold_guide.storage.household_file import read_household

    entry = resolve_file(REGISTRATION)
    session = walk_session(Pinned(entry.document, entry.sha256), read_household(THREE), None,
                           T0, "cy")
    assert session.language == "cy"
    assert session.reference.endswith("· aelwyd")
