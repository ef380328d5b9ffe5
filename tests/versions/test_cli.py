"""threshold-guide diff and upgrade as a user meets them: versions, dates, files, exit codes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_0, DUTY_1_1, ROOT
from tests.golden_files import GOLDEN
from tests.versions.helpers import REPORT_ROUTE, UNSURE_ROUTE, duty, save, session_for
from threshold_guide.cli.main import main
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.session import Session
from threshold_guide.storage.session_store import SessionStore

Capture = pytest.CaptureFixture[str]
DOC = "wales-duty-to-report"


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("command", ["diff", "upgrade"])
def test_help_ends_with_an_example(capsys: Capture, command: str) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert capsys.readouterr().out.strip().split("\n\n")[-1].startswith("example")


@pytest.mark.parametrize("old, new", [
    (f"{DOC}@1.0.0", f"{DOC}@1.1.0"),
    (str(DUTY_1_0), str(DUTY_1_1)),
    (f"{DOC}@2026-09-30", f"{DOC}@2026-10-01"),
])
def test_diff_by_version_path_or_date_matches_the_golden(
        capsys: Capture, old: str, new: str) -> None:
    code, out, _ = run(capsys, "diff", old, new)
    assert code == 0
    assert out == (GOLDEN / "versions" / "duty-to-report-1.0.0-1.1.0.md").read_text("utf-8")


def test_diff_on_a_date_picks_the_version_in_effect_that_day(capsys: Capture) -> None:
    # 1.1.0 takes effect on 2026-10-01: the day before, the current version is 1.0.0.
    code, out, _ = run(capsys, "diff", f"{DOC}@1.0.0", DOC, "--on", "2026-09-30",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["new"]["version"], data["empty"]) == ("1.0.0", True)
    code, out, _ = run(capsys, "diff", f"{DOC}@1.0.0", DOC, "--on", "2026-10-01",
                       "--format", "json")
    assert json.loads(out)["new"]["version"] == "1.1.0"


def test_diff_json_to_a_file_with_impact(capsys: Capture, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    save(session_for(duty("1.0.0"), UNSURE_ROUTE, "unsure"), sessions)
    target = tmp_path / "out" / "impact.json"
    code, out, err = run(capsys, "diff", f"{DOC}@1.0.0", f"{DOC}@1.1.0", "--format", "json",
                         "-o", str(target), "--scenarios", str(ROOT / "scenarios"),
                         "--sessions", str(sessions))
    assert code == 0 and out == "" and f"wrote {target}" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    statuses = {(c["kind"], c["id"]): c["status"] for c in data["impact"]["cases"]}
    assert statuses[("scenario", "never-been-born")] == "outcome-changed"
    assert statuses[("session", "unsure")] == "stops-early"
    assert list(data["impact"]["cases"][0]) == [
        "kind", "id", "file", "status", "old", "new", "diverges_at", "reasked"]


def test_diff_markdown_lists_the_affected_scenario(capsys: Capture) -> None:
    code, out, _ = run(capsys, "diff", f"{DOC}@1.0.0", f"{DOC}@1.1.0",
                       "--scenarios", str(ROOT / "scenarios" / "dtr-10-never-been-born.yaml"))
    assert code == 0
    assert ("| scenario `never-been-born` | outcome changes | `discuss-today` (level 40) | "
            "`report-today` (level 80) | `reasonable-cause` |") in out


@pytest.mark.parametrize("argv, status, message", [
    (["nope@1.0.0", f"{DOC}@1.1.0"], 2, "no threshold document with id 'nope'"),
    ([f"{DOC}@9.0.0", f"{DOC}@1.1.0"], 2, "has no version 9.0.0"),
    ([f"{DOC}@2020-01-01", DOC], 2, "no published version of 'wales-duty-to-report' is in "
                                    "effect on 2020-01-01"),
    ([f"{DOC}@2026-02-30", DOC], 2, "is not a real date"),
    ([f"{DOC}@latest", DOC], 2, "neither a version nor a date"),
    (["@1.0.0", DOC], 2, "does not name a document version"),
    (["missing.yaml", DOC], 2, "missing.yaml: no such file"),
])
def test_diff_bad_references(capsys: Capture, argv: list[str], status: int,
                             message: str) -> None:
    code, _, err = run(capsys, "diff", *argv)
    assert code == status and message in err


def test_diff_unreadable_inputs_exit_1(capsys: Capture, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "diff", str(broken), DOC)
    assert code == 1 and "is not a valid threshold document" in err
    bad_session = tmp_path / "s.json"
    bad_session.write_bytes(b"\x00\x01binary")
    bad_scenario = tmp_path / "sc.yaml"
    bad_scenario.write_text("kind: scenario\nid: x\n", encoding="utf-8")
    code, out, err = run(capsys, "diff", f"{DOC}@1.0.0", f"{DOC}@1.1.0", "--sessions",
                         str(bad_session), "--scenarios", str(bad_scenario))
    assert code == 1 and out == ""
    assert f"{bad_session}:1:1" in err and f"{bad_scenario}:" in err
    assert "some scenario or session files cannot be used" in err


def test_diff_notes_when_on_has_no_effect(capsys: Capture) -> None:
    code, _, err = run(capsys, "diff", f"{DOC}@1.0.0", f"{DOC}@1.1.0", "--on", "2026-01-01")
    assert code == 0 and "--on has no effect" in err


def _session_file(folder: Path, answers: dict[str, object] | None = None) -> Path:
    return save(session_for(duty("1.0.0"), dict(answers or REPORT_ROUTE), "s-1"), folder)


def test_upgrade_writes_a_private_copy_and_keeps_the_original(
        capsys: Capture, tmp_path: Path) -> None:
    original = _session_file(tmp_path)
    before = original.read_bytes()
    target = tmp_path / "upgraded.json"
    code, out, err = run(capsys, "upgrade", str(original), "--to", "1.1.0", "-o", str(target),
                         "--at", "2026-11-02T14:00:00Z")
    assert code == 0 and original.read_bytes() == before
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    upgraded = Session.model_validate_json(target.read_text(encoding="utf-8"))
    assert upgraded.guidance.version == "1.1.0"
    assert "care-support-needs" not in upgraded.answers
    assert upgraded.history[0].at.isoformat() == "2026-11-02T14:00:00+00:00"
    assert "Kept (7):" in out and "To be asked again (1):" in out
    assert "The walk resumes at care-support-needs" in out
    assert f"wrote {target}" in err and "named s-1.json" in err


def test_upgrade_in_place_to_the_current_version(capsys: Capture, tmp_path: Path) -> None:
    original = _session_file(tmp_path, UNSURE_ROUTE)
    code, out, err = run(capsys, "upgrade", str(original), "-o", str(original))
    assert code == 0 and "named" not in err
    upgraded = Session.model_validate_json(original.read_text(encoding="utf-8"))
    # 2.0.0 rewords the questions before the report test, so they are asked again; 2.1.0
    # (the current version) only adds Welsh beside the same English.
    assert upgraded.guidance.version == "2.1.0" and set(upgraded.answers) == {"reasonable-cause"}
    assert "(now leads elsewhere)" in out and "(reworded: ask again)" in out
    code, _, err = run(capsys, "upgrade", str(original))
    assert code == 0 and "already on wales-duty-to-report 2.1.0" in err


def test_upgrade_without_output_prints_the_session(capsys: Capture, tmp_path: Path) -> None:
    code, out, err = run(capsys, "upgrade", str(_session_file(tmp_path)), "--on", "2026-10-01")
    assert code == 0
    assert Session.model_validate_json(out).guidance.version == "1.1.0"
    assert "To be asked again (1):" in err


def test_upgrade_back_to_an_earlier_version_is_allowed_and_said(
        capsys: Capture, tmp_path: Path) -> None:
    answers = {**UNSURE_ROUTE, "chronology": "nothing-earlier"}
    path = save(session_for(duty("1.1.0"), answers, "s-3"), tmp_path)
    code, out, err = run(capsys, "upgrade", str(path), "--to", "1.0.0", "-o", str(path))
    assert code == 0 and "moving to 1.0.0, an earlier version than 1.1.0" in err
    assert "Not carried over (1):\n  - chronology: Have you checked" in out
    assert "The answers kept reach the outcome discuss-today" in out


def test_upgrade_with_no_guidance_found(capsys: Capture, tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"  # a folder that exists: a missing one is a usage error
    empty.mkdir()
    code, _, err = run(capsys, "upgrade", str(_session_file(tmp_path)), "--guidance", str(empty))
    assert code == 2 and "no threshold document with id 'wales-duty-to-report'" in err


@pytest.mark.parametrize("argv, status, message", [
    (["--to", "7.0.0"], 2, "has no version 7.0.0"),
    (["--on", "2026-04-30"], 0, "already on wales-duty-to-report 1.0.0"),
    (["--to", str(ROOT / "guidance" / "wales-significant-harm" / "1.0.0.yaml")], 2,
     "the session is for document 'wales-duty-to-report'"),
])
def test_upgrade_targets(capsys: Capture, tmp_path: Path, argv: list[str], status: int,
                         message: str) -> None:
    code, _, err = run(capsys, "upgrade", str(_session_file(tmp_path)), *argv)
    assert code == status and message in err


def test_upgrade_bad_session_files_exit_1(capsys: Capture, tmp_path: Path) -> None:
    code, _, err = run(capsys, "upgrade", str(tmp_path / "missing.json"))
    assert code == 1 and "no such file or folder" in err
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, "upgrade", str(listed))
    assert code == 1 and f"{listed}:1:1: error E108" in err


def test_upgrade_when_the_pinned_version_is_gone(capsys: Capture, tmp_path: Path) -> None:
    session = session_for(duty("1.0.0"), REPORT_ROUTE, "s-2")
    gone = session.model_copy(update={"guidance": session.guidance.model_copy(
        update={"sha256": "f" * 64})})
    path = save(gone, tmp_path)
    code, out, err = run(capsys, "upgrade", str(path), "-o", str(path))
    assert code == 0 and "is not available: questions cannot be compared" in err
    # Without the old wording to compare, every answer that still fits is kept.
    # Every answer of the 1.0.0 route but the DSP's is still offered by 2.0.0.
    assert "Kept (7):" in out


def test_upgrade_compares_with_the_app_s_kept_copy_of_the_pinned_version(
        capsys: Capture, tmp_path: Path) -> None:
    # The board has replaced 1.0.0 with 1.1.0 in its folder; the app kept 1.0.0's content.
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    (guidance / "1.1.0.yaml").write_bytes(DUTY_1_1.read_bytes())
    sessions = tmp_path / "sessions"
    path = _session_file(sessions)
    old = duty("1.0.0")
    SessionStore(sessions).keep_document(old, content_hash(old))
    code, out, err = run(capsys, "upgrade", str(path), "--guidance", str(guidance),
                         "-o", str(path))
    assert code == 0 and "not available" not in err
    assert "To be asked again (1):\n  - care-support-needs" in out


def test_upgrade_to_a_draft_file(capsys: Capture, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(DUTY_1_1.read_text(encoding="utf-8").replace(
        "Apart from the worry about harm", "Leaving aside the worry about harm"),
        encoding="utf-8")
    code, out, _ = run(capsys, "upgrade", str(_session_file(tmp_path)), "--to", str(draft),
                       "-o", str(tmp_path / "moved.json"))
    assert code == 0 and "To be asked again (1):\n  - care-support-needs: Leaving aside" in out
