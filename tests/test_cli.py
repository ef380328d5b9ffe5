"""The headless CLI, as a user meets it: exit codes, messages, files."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_0, GUIDANCE, MINIMAL
from tests.golden_files import GOLDEN
from threshold_guide.cli.main import main
from threshold_guide.models.schemas import FILE_NAMES, schema_text

ROOT = GUIDANCE.parent
Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_validate_defaults_to_the_shipped_guidance(capsys: Capture) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0
    shipped = len(list(GUIDANCE.glob("*/*.yaml")))
    assert f"ok: {shipped} files checked, 0 errors, 0 warnings" in out


def test_validate_reports_errors_with_exit_1_and_json(capsys: Capture, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("next: signs", "next: sings"))
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:" in out and "E302" in out and "did you mean 'signs'?" in out
    code, out, _ = run(capsys, "validate", str(bad), "--format", "json")
    payload = json.loads(out)
    assert code == 1 and payload["ok"] is False and payload["errors"] == 1
    assert payload["diagnostics"][0]["code"] == "E302"
    assert payload["diagnostics"][0]["line"] > 1


def test_validate_missing_path_is_an_error_not_a_crash(capsys: Capture, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(tmp_path / "missing.yaml"))
    assert code == 1 and "E100" in out


def test_usage_errors_exit_2(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--format", "xml"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["no-such-command"])
    assert caught.value.code == 2


def test_unknown_document_id_suggests_the_right_one(capsys: Capture) -> None:
    code, _, err = run(capsys, "paths", "wales-duty-to-reprot")
    assert code == 2
    assert "did you mean 'wales-duty-to-report'?" in err


def test_guidance_list(capsys: Capture) -> None:
    code, out, _ = run(capsys, "guidance", "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)["documents"]
    assert [(r["id"], r["version"]) for r in rows] == [
        ("wales-duty-to-report", "1.0.0"), ("wales-duty-to-report", "1.1.0"),
        ("wales-duty-to-report", "2.0.0"), ("wales-duty-to-report", "2.1.0"),
        ("wales-registration", "1.0.0"), ("wales-registration", "1.1.0"),
        ("wales-significant-harm", "1.0.0"), ("wales-significant-harm", "2.0.0"),
        ("wales-significant-harm", "2.1.0"),
    ]
    # The Welsh versions are in effect from 2026-11-29, before any run of this test.
    current = {r["id"]: r["version"] for r in rows if r["current"]}
    assert current == {"wales-duty-to-report": "2.1.0", "wales-registration": "1.1.0",
                       "wales-significant-harm": "2.1.0"}
    code, out, _ = run(capsys, "guidance", "list")
    assert "* wales-duty-to-report    2.1.0" in out


def test_guidance_list_shows_broken_files_beside_good_ones(capsys: Capture, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL.read_text())
    (tmp_path / "broken.yaml").write_text("id: [\n")
    code, out, _ = run(capsys, "guidance", "list", "--guidance", str(tmp_path))
    assert code == 0
    assert "test-minimal" in out and "BROKEN" in out and "E101" in out


def test_guidance_folder_from_the_environment(capsys: Capture, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL.read_text())
    monkeypatch.setenv("THRESHOLD_GUIDE_GUIDANCE", str(tmp_path))
    code, out, _ = run(capsys, "guidance", "list", "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["documents"]] == ["test-minimal"]


def test_paths_are_answers_files_that_run_accepts(capsys: Capture, tmp_path: Path) -> None:
    code, out, err = run(capsys, "paths", "wales-duty-to-report", "--version", "1.0.0",
                         "--limit", "3")
    routes = json.loads(out)
    assert code == 0 and len(routes) == 3 and "--limit" in err
    for index, route in enumerate(routes):
        answers = tmp_path / f"a{index}.json"
        answers.write_text(json.dumps(route["answers"]))
        code, out, _ = run(capsys, "run", str(DUTY_1_0), "--answers", str(answers),
                           "--format", "json")
        assert code == 0
        assert json.loads(out)["outcome"]["id"] == route["outcome"]


def test_run_matches_the_golden_file_and_writes_atomically(capsys: Capture, tmp_path: Path) -> None:
    target = tmp_path / "out" / "summary.json"
    code, _, err = run(
        capsys, "run", "wales-duty-to-report", "--version", "1.1.0",
        "--answers", str(GOLDEN / "answers" / "duty-report-today.yaml"), "--format", "json",
        "-o", str(target), "--at", "2026-11-01T09:00:00Z", "--reference", "CASE-0042",
        "--role", "Designated safeguarding person", "--agency", "school",
    )
    assert code == 0 and str(target) in err
    data = json.loads(target.read_text())
    golden = json.loads((GOLDEN / "duty-report-today.json").read_text())
    for key in ("guidance", "outcome", "path", "what_would_change", "test"):
        assert data[key] == golden[key]
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_run_is_deterministic_with_source_date_epoch(capsys: Capture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    answers = str(GOLDEN / "answers" / "duty-below-threshold.yaml")
    # The golden answers are written for 1.1.0; 2.0.0 asks other questions.
    pinned = ("run", "wales-duty-to-report", "--version", "1.1.0", "--answers", answers)
    first = run(capsys, *pinned)[1]
    second = run(capsys, *pinned)[1]
    assert first == second and "2026-01-01T00:00:00Z" in first


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("danger: 'no'\nsigns: [hunger]\n", "question 'pattern': is not answered"),
        ("danger: 'no'\nsigsn: [hunger]\n", "question 'sigsn': is not a question"),
        ("danger: maybe\n", "question 'danger': has no answer 'maybe'"),
        ("danger: {answer: 'no', evidence: seen}\n", "E203"),
        ("- danger\n", "E108"),
        ("danger: [\n", "E101"),
    ],
)
def test_run_rejects_bad_answers_by_naming_the_question(
    capsys: Capture, tmp_path: Path, answers: str, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(answers)
    code, _, err = run(capsys, "run", str(MINIMAL), "--answers", str(path))
    assert code == 1
    assert message in err


def test_run_accepts_unquoted_yes_and_no(capsys: Capture, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("danger: yes\n")
    code, out, _ = run(capsys, "run", str(MINIMAL), "--answers", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["outcome"]["id"] == "police"


def test_run_override_needs_a_reason(capsys: Capture, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("danger: 'no'\nsigns: [bruise]\n")
    code, _, err = run(capsys, "run", str(MINIMAL), "--answers", str(path),
                       "--override", "monitor")
    assert code == 2 and "--reason" in err
    code, out, _ = run(capsys, "run", str(MINIMAL), "--answers", str(path),
                       "--override", "monitor", "--reason", "Plan in place")
    assert code == 0 and "OVERRIDE TO A LOWER LEVEL" in out


def test_run_refuses_an_override_to_the_outcome_the_guidance_reached(
        capsys: Capture, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("danger: 'no'\nsigns: [bruise]\n")
    code, out, err = run(capsys, "run", str(MINIMAL), "--answers", str(path),
                         "--override", "report", "--reason", "Agree")
    assert code == 1 and out == ""
    assert "the guidance already reached 'report' (Report to social services today)" in err


def test_run_can_save_the_session_privately(capsys: Capture, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("danger: 'yes'\n")
    session = tmp_path / "session.json"
    code, _, _ = run(capsys, "run", str(MINIMAL), "--answers", str(answers),
                     "--save-session", str(session), "-o", str(tmp_path / "s.md"))
    assert code == 0
    assert session.stat().st_mode & 0o777 == 0o600
    assert json.loads(session.read_text())["answers"]["danger"]["answer"] == "yes"


def test_run_with_an_invalid_document_file_lists_its_errors(capsys: Capture,
                                                            tmp_path: Path) -> None:
    doc = tmp_path / "doc.yaml"
    doc.write_text(MINIMAL.read_text().replace("next: signs", "next: sings"))
    answers = tmp_path / "answers.yaml"
    answers.write_text("danger: 'yes'\n")
    code, _, err = run(capsys, "run", str(doc), "--answers", str(answers))
    assert code == 1 and "E302" in err and "not a valid threshold document" in err


@pytest.mark.parametrize("kind", sorted(FILE_NAMES))
def test_checked_in_schemas_match_the_models(kind: str) -> None:
    checked_in = (ROOT / "schema" / FILE_NAMES[kind]).read_text(encoding="utf-8")
    assert checked_in == schema_text(kind), (
        f"schema/{FILE_NAMES[kind]} is stale: run "
        f"'threshold-guide schema --kind {kind} -o schema/{FILE_NAMES[kind]}'"
    )


def test_schema_command_prints_the_document_schema(capsys: Capture) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "ThresholdDocument"
    assert "Stable id shared by every version" in json.dumps(schema)  # field docstrings


def test_every_command_help_ends_with_an_example(capsys: Capture) -> None:
    for argv in (["validate"], ["guidance", "list"], ["paths"], ["run"], ["schema"], []):
        with pytest.raises(SystemExit):
            main([*argv, "--help"])
        out = capsys.readouterr().out
        assert out.strip().split("\n\n")[-1].startswith("example"), argv


def test_output_to_a_device_writes_through_it(capsys: Capture, tmp_path: Path) -> None:
    # Renaming a temporary file over /dev/null would replace the device with a file.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    answers = tmp_path / "answers.yaml"
    answers.write_text("danger: 'yes'\n")
    code, _, _ = run(capsys, "run", str(MINIMAL), "--answers", str(answers), "-o", str(fifo))
    received = reader.communicate(timeout=30)[0].decode()
    assert code == 0 and "Call the police now" in received
    assert fifo.exists() and not fifo.is_file()  # still a pipe, not replaced by a file
