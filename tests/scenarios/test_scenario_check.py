"""`scenarios check` and scenario validation: located errors, diffs, coverage, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_0, DUTY_1_1, GUIDANCE, HARM_1_0
from tests.scenarios.helpers import FIXTURES, SCENARIOS, Capture, line_of, run, shipped_catalog
from threshold_guide.scenarios.checks import check_paths

BROKEN = FIXTURES / "broken.yaml"
DRIFT = FIXTURES / "drift.yaml"
UNFINISHED = FIXTURES / "unfinished.yaml"


def _codes(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    for item in check_paths([path], shipped_catalog()).diagnostics:
        found.setdefault(item.code, []).append((item.line, item.column, item.message, item.hint))
    return found


def test_the_broken_scenario_reports_every_problem_at_its_line() -> None:
    codes = _codes(BROKEN)
    assert set(codes) == {"E702", "E703", "E704", "E707", "E708", "W702"}
    line, _, message, hint = codes["E703"][0]
    assert line == line_of(BROKEN, "how-concern-arrose")
    assert "how-concern-arrose" in message and hint == "did you mean 'how-concern-arose'?"
    unknown_answer, not_a_list = sorted(codes["E704"])
    assert unknown_answer[0] == line_of(BROKEN, "neglet")
    assert "'neglet'" in unknown_answer[2] and "did you mean 'neglect'?" in unknown_answer[3]
    assert not_a_list[0] == line_of(BROKEN, "reasonable-cause:")
    assert "takes one answer id, not a list" in not_a_list[2]
    assert codes["E702"][0][0] == line_of(BROKEN, '"1.2.0"')
    assert "1.0.0, 1.1.0" in codes["E702"][0][3]
    assert codes["E707"][0][0] == line_of(BROKEN, "report-todya")
    assert "'report-today'" in codes["E707"][0][3]
    assert codes["E708"][0][0] == line_of(BROKEN, '"2.0.0"')
    assert codes["W702"][0][0] == line_of(BROKEN, "dsp: Never")


def test_a_drifted_outcome_is_located_and_suggests_the_nearest_fix() -> None:
    codes = _codes(DRIFT)
    assert sorted(codes) == ["E706", "W701"]
    assert len(codes["E706"]) == 2  # once per targeted version
    line, _, message, hint = codes["E706"][0]
    assert line == line_of(DRIFT, "expected_outcome")
    assert "reach 'report-today'" in message and "not the expected" in message
    assert "answering 'reasonable-cause' with no-cause would reach it" in hint
    assert codes["W701"][0][0] == line_of(DRIFT, "fgm-known")


def test_answers_that_stop_early_are_an_error() -> None:
    codes = _codes(UNFINISHED)
    assert list(codes) == ["E705"]
    assert codes["E705"][0][0] == line_of(UNFINISHED, "model_answers")
    assert "stop at question 'reasonable-cause'" in codes["E705"][0][2]


def test_unknown_document_and_duplicate_ids(tmp_path: Path) -> None:
    text = DRIFT.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text.replace("id: wales-duty-to-report",
                                                  "id: wales-duty-to-reprot"))
    (tmp_path / "b.yaml").write_text(text.replace("id: wales-duty-to-report",
                                                  "id: wales-duty-to-reprot"))
    found = check_paths([tmp_path], shipped_catalog()).diagnostics
    codes = [(d.code, Path(d.file).name) for d in found]
    assert ("E701", "a.yaml") in codes and ("E709", "b.yaml") in codes
    unknown = next(d for d in found if d.code == "E701")
    assert unknown.hint == "did you mean 'wales-duty-to-report'?"


def test_scenarios_check_passes_on_the_shipped_scenarios(capsys: Capture) -> None:
    code, out, _ = run(capsys, "scenarios", "check")
    assert code == 0
    assert "FAIL" not in out
    assert "ok    home-time" in out
    assert out.rstrip().endswith("0 mismatches, 0 errors, 0 warnings")
    assert "wales-significant-harm 1.0.0: 5 scenarios; questions 9/9" in out


def test_scenarios_check_shows_a_diff_for_each_mismatch(capsys: Capture) -> None:
    code, out, _ = run(capsys, "scenarios", "check", str(DRIFT))
    assert code == 1
    assert "FAIL  drifted  wales-duty-to-report 1.1.0" in out
    assert "expected  record-monitor-seek-advice: Record, monitor and seek advice (level 10)" \
        in out
    assert "got       report-today: Report to social services today (level 80)" in out
    assert "4. reasonable-cause = yes-cause -> care-support-needs" in out
    assert "8. concern-about-staff = not-about-practitioner -> outcome report-today" in out
    assert "nearest   answering 'reasonable-cause' with no-cause" in out
    assert "FAILED: 1 scenario file, 2 replays, 2 mismatches, 2 errors, 1 warning" in out


def test_a_guidance_edit_that_changes_a_training_answer_is_caught(capsys: Capture,
                                                                 tmp_path: Path) -> None:
    # The regression use: an author re-routes "not sure" straight to advice in 1.1.0.
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    shutil.copy(DUTY_1_0, guidance / "duty-1.0.0.yaml")
    shutil.copy(HARM_1_0, guidance / "harm-1.0.0.yaml")
    edited = DUTY_1_1.read_text(encoding="utf-8").replace(
        "        signal: neutral\n        next: chronology",
        "        signal: neutral\n        outcome: discuss-today")
    assert edited != DUTY_1_1.read_text(encoding="utf-8")
    (guidance / "duty-1.1.0.yaml").write_text(edited, encoding="utf-8")
    code, out, _ = run(capsys, "scenarios", "check", "--guidance", str(guidance))
    assert code == 1
    assert "FAIL  never-been-born" in out and "wales-duty-to-report 1.1.0" in out
    assert "got       discuss-today" in out
    assert "nearest   answering 'reasonable-cause' with yes-cause" in out
    assert "1 mismatch," in out


def test_scenarios_check_json(capsys: Capture) -> None:
    code, out, _ = run(capsys, "scenarios", "check", str(SCENARIOS), "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] is True
    assert len(payload["scenarios"]) >= 16
    first = payload["scenarios"][0]["replays"][0]
    assert set(first) == {"guidance", "version", "expected", "outcome", "passed", "route",
                          "departures"}
    assert first["route"][0]["question"] == "immediate-danger"
    assert {c["guidance"] for c in payload["coverage"]} == {
        "wales-duty-to-report", "wales-registration", "wales-significant-harm"}
    for item in payload["coverage"]:
        assert item["outcomes"]["missed"] == []


@pytest.mark.parametrize(("content", "code"), [
    ("", "E102"),
    ("- kind: scenario\n", "E108"),
    (b"\x00\x01binary", "E107"),
    ("kind: scenario\nid: [unclosed\n", "E101"),
    ("kind: scenario\nid: x\n", "E201"),
    ("kind: scenaro\n", "E203"),
])
def test_bad_files_are_located_errors_never_tracebacks(capsys: Capture, tmp_path: Path,
                                                       content: str | bytes, code: str) -> None:
    path = tmp_path / "bad.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    status, out, _ = run(capsys, "scenarios", "check", str(path))
    assert status == 1
    assert f"{path}:" in out and code in out


def test_a_missing_path_and_an_empty_folder(capsys: Capture, tmp_path: Path) -> None:
    status, out, _ = run(capsys, "scenarios", "check", str(tmp_path / "nope.yaml"))
    assert status == 1 and "E100" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = run(capsys, "scenarios", "check", str(empty))
    assert status == 1 and "no scenario files found" in err


def test_scenarios_without_a_subcommand_is_a_usage_error(capsys: Capture) -> None:
    status, _, err = run(capsys, "scenarios")
    assert status == 2 and "choose a subcommand" in err


def test_validate_checks_scenario_files_too(capsys: Capture) -> None:
    code, out, _ = run(capsys, "validate", str(SCENARIOS))
    assert code == 0
    count = len(list(SCENARIOS.glob("*.yaml")))
    assert f"ok: {count} files checked, 0 errors, 0 warnings" in out
    code, out, _ = run(capsys, "validate", str(BROKEN), str(DRIFT))
    assert code == 1
    assert f"{BROKEN}:{line_of(BROKEN, 'how-concern-arrose')}:3: error E703" in out
    assert "E706" in out


def test_validate_mixes_documents_and_scenarios(capsys: Capture, tmp_path: Path) -> None:
    # A board's new document and a scenario written for it, checked together before either
    # is installed: the scenario finds the document named in the same run.
    document = tmp_path / "our-duty.yaml"
    document.write_text(DUTY_1_1.read_text(encoding="utf-8").replace(
        "id: wales-duty-to-report", "id: our-duty-to-report"), encoding="utf-8")
    scenario = tmp_path / "case.yaml"
    scenario.write_text(
        (SCENARIOS / "dtr-01-home-time.yaml").read_text(encoding="utf-8")
        .replace("id: wales-duty-to-report", "id: our-duty-to-report")
        .replace('versions: ["1.0.0", "1.1.0", "2.0.0", "2.1.0"]', 'versions: ["1.1.0"]'),
        encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path), "--format", "json")
    payload = json.loads(out)
    assert code == 0, out
    kinds = sorted((item.get("kind", "document"), Path(item["file"]).name)
                   for item in payload["files"])
    assert kinds == [("document", "our-duty.yaml"), ("scenario", "case.yaml")]


def test_validate_without_paths_still_checks_only_the_guidance(capsys: Capture) -> None:
    code, out, _ = run(capsys, "validate")
    shipped = len(list(GUIDANCE.glob("*/*.yaml")))
    assert code == 0 and f"ok: {shipped} files checked" in out
