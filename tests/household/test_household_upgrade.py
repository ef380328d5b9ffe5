"""A saved household case moves to a newer version of its document as sessions do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, GUIDANCE
from threshold_guide.cli.main import main
from threshold_guide.storage.household_file import read_household

Capture = pytest.CaptureFixture[str]
REGISTRATION = GUIDANCE / "wales-registration" / "1.0.0.yaml"
THREE = FIXTURES / "household-three.yaml"
AT = "2026-11-02T12:00:00Z"


def newer_guidance(folder: Path) -> Path:
    """1.0.0 and a 1.1.0 that rewords one household question and one child question."""
    docs = folder / "wales-registration"
    docs.mkdir(parents=True)
    text = REGISTRATION.read_text()
    (docs / "1.0.0.yaml").write_text(text)
    newer = text.replace('version: "1.0.0"\n', 'version: "1.1.0"\n', 1).replace(
        "effective_from: 2026-04-01", "effective_from: 2026-05-01", 1).replace(
        "changelog:\n", 'changelog:\n  - version: "1.1.0"\n    date: 2026-05-01\n'
        "    changes: [Two questions reworded.]\n", 1).replace(
        "prompt: What are the conference's concerns about the parents' capacity",
        "prompt: How worried is the conference about the parents' capacity", 1).replace(
        "prompt: For this child, what is known about the cause of harm and its impact on them?",
        "prompt: For this child, what harm has happened and how has it affected them?", 1)
    assert newer.count("1.1.0") >= 2 and "How worried" in newer and "what harm has" in newer
    (docs / "1.1.0.yaml").write_text(newer)
    return folder


def test_a_household_moves_keeping_answers_and_recording_the_rest(
        capsys: Capture, tmp_path: Path) -> None:
    guidance = newer_guidance(tmp_path / "guidance")
    saved = tmp_path / "case.json"
    assert main(["conference", "run", "wales-registration", "--version", "1.0.0",
                 "--household", str(THREE), "--guidance", str(guidance), "--at", AT,
                 "--save", str(saved)]) == 0
    capsys.readouterr()
    before = read_household(saved)
    out = tmp_path / "moved.json"
    assert main(["upgrade", str(saved), "--guidance", str(guidance), "--to", "1.1.0",
                 "-o", str(out), "--at", "2026-11-20T09:00:00Z"]) == 0
    report = capsys.readouterr().out
    moved = read_household(out)
    assert moved.guidance is not None and moved.guidance.version == "1.1.0"
    assert moved.household_id == before.household_id
    # The reworded household question is asked again; the others stand.
    assert "parenting-capacity" not in moved.shared
    assert set(moved.shared) == set(before.shared) - {"parenting-capacity"}
    # Each child keeps their own answers except the reworded one.
    for old_case, new_case in zip(before.children, moved.children, strict=True):
        assert set(new_case.answers) == set(old_case.answers) - {"harm-and-impact"}
        assert new_case.voice == old_case.voice and new_case.plan == old_case.plan
        assert new_case.views == old_case.views
    # Nothing typed is lost: the notes of the answers not carried over are in the history.
    history = " ".join(event.event for event in moved.history)
    assert "Moved from wales-registration 1.0.0" in history and "1.1.0" in history
    assert "Household: The answer to" in history and "Two police call-outs" in history
    assert "Child A: The answer to" in history and "Four fingertip bruises" in history
    assert "parenting-capacity" in report and "Child A:" in report
    assert json.loads(out.read_text())["kind"] == "household"
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_hand_written_household_file_is_refused_plainly(capsys: Capture,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "hand.yaml"
    path.write_text("kind: household\n" + THREE.read_text())
    assert main(["upgrade", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not pinned" in err and "Traceback" not in err


def saved_household(capsys: Capture, data: Path) -> Path:
    folder = data / "households"
    folder.mkdir(parents=True)
    saved = folder / "hh-20261102-120000-0001.json"
    assert main(["conference", "run", "wales-registration", "--household", str(THREE),
                 "--at", AT, "--save", str(saved)]) == 0
    capsys.readouterr()
    return saved


def test_due_lists_each_childs_conference_dates(capsys: Capture, tmp_path: Path) -> None:
    saved_household(capsys, tmp_path)
    household_id = read_household(next((tmp_path / "households").glob("*.json"))).household_id
    assert main(["due", "--data", str(tmp_path), "--at", "2026-11-03T09:00:00Z",
                 "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    registered = [i for i in items if i["child"] == "Child A"]
    # Conference held Monday 2 November 2026: 5 and 10 working days, 3 months, then 6.
    assert [(i["step"], i["due"][:10]) for i in registered] == [
        ("outline-plan", "2026-11-09"), ("first-core-group", "2026-11-16"),
        ("first-review", "2027-02-02"), ("second-review", "2027-08-02")]
    assert all(i["confirm_locally"] and i["session_id"] == household_id for i in registered)
    assert {i["child"] for i in items} >= {"Child A", "Child C"}
    assert main(["due", "--data", str(tmp_path), "--at", "2026-11-03T09:00:00Z"]) == 0
    text = capsys.readouterr().out
    assert "of Child A in household case" in text and "to be confirmed locally" in text
    assert main(["due", "--data", str(tmp_path), "--at", "2026-11-03T09:00:00Z",
                 "--format", "ics"]) == 0
    ics = capsys.readouterr().out
    assert f"{household_id}.childa.first-review@threshold-guide" in ics
    assert "hide under the bed" not in ics and "Four fingertip" not in ics


def _saved_and_moved(capsys: Capture, tmp_path: Path, *lang: str,
                     language: str | None = None) -> str:
    guidance = newer_guidance(tmp_path / "guidance")
    saved = tmp_path / "case.json"
    assert main(["conference", "run", "wales-registration", "--version", "1.0.0",
                 "--household", str(THREE), "--guidance", str(guidance), "--at", AT,
                 "--save", str(saved)]) == 0
    if language is not None:
        data = json.loads(saved.read_text())
        data["language"] = language
        saved.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["upgrade", str(saved), "--guidance", str(guidance), "--to", "1.1.0",
                 "-o", str(tmp_path / "moved.json"), "--at", "2026-11-20T09:00:00Z",
                 *lang]) == 0
    return capsys.readouterr().out


def test_the_household_upgrade_report_comes_in_welsh_with_lang_cy(capsys: Capture,
                                                                   tmp_path: Path) -> None:
    report = _saved_and_moved(capsys, tmp_path, "--lang", "cy")
    assert "Symudwyd aelwyd" in report and "Atebion yr aelwyd:" in report
    assert "Gofynnwch eto: parenting-capacity." in report
    assert "Child A: " in report and "o'u hatebion eu hunain wedi'u cadw" in report
    assert "Cofnodir popeth na throsglwyddwyd yn hanes yr aelwyd." in report
    assert "Mae'r canlyniad yn newid" in report  # the child's decision, as sessions say it
    for english in ("Moved household", "Household answers", "not carried over", "Ask again",
                    "recorded in the household"):
        assert english not in report


def test_the_household_upgrade_report_defaults_to_the_households_language(
        capsys: Capture, tmp_path: Path) -> None:
    assert "Symudwyd aelwyd" in _saved_and_moved(capsys, tmp_path, language="cy")


def test_the_household_upgrade_report_is_english_by_default(capsys: Capture,
                                                            tmp_path: Path) -> None:
    report = _saved_and_moved(capsys, tmp_path)
    assert "Moved household" in report and "Ask again: parenting-capacity." in report
