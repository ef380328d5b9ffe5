"""`scenarios report`: golden output, the statistics it reports, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1
from tests.scenarios.helpers import Capture, assert_golden, run
from tests.scenarios.sessions import PLANS, session_for, write_sessions
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer
from threshold_guide.scenarios.agreement import Metric, fleiss_kappa, krippendorff_alpha
from threshold_guide.storage.preferences import Preferences, save_preferences
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.summary.json_output import render_json


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "exercise"
    write_sessions(folder)
    return folder


def test_markdown_report_matches_the_golden_file(capsys: Capture, sessions: Path) -> None:
    code, out, _ = run(capsys, "scenarios", "report", str(sessions))
    assert code == 0
    assert_golden("report.md", out)


def test_json_report_matches_the_golden_file(capsys: Capture, sessions: Path) -> None:
    code, out, _ = run(capsys, "scenarios", "report", str(sessions), "--format", "json")
    assert code == 0
    assert_golden("report.json", out)


def test_the_report_does_not_depend_on_the_order_of_the_files(capsys: Capture,
                                                              sessions: Path) -> None:
    files = sorted(str(p) for p in sessions.iterdir())
    _, forward, _ = run(capsys, "scenarios", "report", *files)
    _, backward, _ = run(capsys, "scenarios", "report", *reversed(files))
    _, folder, _ = run(capsys, "scenarios", "report", str(sessions))
    assert forward == backward == folder


def test_the_across_case_figures_are_the_statistics_of_the_outcomes(capsys: Capture,
                                                                    sessions: Path) -> None:
    _, out, _ = run(capsys, "scenarios", "report", str(sessions), "--format", "json")
    report = json.loads(out)
    duty = next(d for d in report["across_cases"] if d["guidance"] == "wales-duty-to-report")
    units: list[list[str]] = []
    levels: list[list[int]] = []
    for scenario_id in duty["scenarios"]:
        section = next(s for s in report["scenarios"] if s["id"] == scenario_id)
        units.append([o["outcome"] for o in section["spread"] for _ in range(o["count"])])
        levels.append([o["level"] for o in section["spread"] for _ in range(o["count"])])
    overall = duty["overall"]
    assert overall["informative"] is True and overall["cases"] == 2
    assert overall["fleiss_kappa"] == round(fleiss_kappa(units) or 0, 4)
    assert overall["alpha_nominal"] == round(krippendorff_alpha(units) or 0, 4)
    assert overall["alpha_ordinal"] == round(
        krippendorff_alpha(levels, Metric.ORDINAL) or 0, 4)


def test_one_case_says_the_chance_corrected_figures_are_not_informative(
        capsys: Capture, tmp_path: Path) -> None:
    belt = [plan for plan in PLANS if plan[0].startswith("belt")]
    write_sessions(tmp_path, belt)
    _, out, _ = run(capsys, "scenarios", "report", str(tmp_path), "--format", "json")
    report = json.loads(out)
    overall = report["across_cases"][0]["overall"]
    assert overall["informative"] is False and overall["kappa_band"] is None
    assert overall["note"].startswith("One case only")
    # Six finished sessions in one case: kappa is exactly -1/(n-1), alpha exactly 0.
    assert overall["fleiss_kappa"] == round(-1 / 5, 4)
    assert overall["alpha_nominal"] == 0.0
    section = report["scenarios"][0]
    assert section["first_divergence"]["question"] == "immediate-danger"
    assert section["first_divergence"]["step"] == 1


def test_everyone_agreeing_is_reported_as_complete_agreement(capsys: Capture,
                                                             tmp_path: Path) -> None:
    same = [plan for plan in PLANS if plan[0] in ("belt-01", "belt-07")]
    write_sessions(tmp_path, same)
    code, out, _ = run(capsys, "scenarios", "report", str(tmp_path))
    assert code == 0
    assert "Every participant took the same route." in out
    assert "| Pairwise agreement | 100.0% |" in out
    assert "Everyone reached the same outcome" in out


def test_writing_to_a_file_still_shows_the_charts(capsys: Capture, sessions: Path,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    code, out, err = run(capsys, "scenarios", "report", str(sessions), "-o", str(target))
    assert code == 0 and f"wrote {target}" in err
    assert target.read_text(encoding="utf-8").startswith("# Scenario exercise")
    assert "Child C: The belt (the-belt)" in out and "<- model answer" in out


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_sessions_are_clear_errors(capsys: Capture, tmp_path: Path) -> None:
    good = session_for(PLANS[0])
    cases = {
        "untagged.json": (render_json(good.model_copy(update={"scenario": None})),
                          "none of the 1 session(s) found is an exercise session"),
        "unknown.json": (render_json(good.model_copy(update={"scenario": "the-blet"})),
                         "did you mean 'the-belt'?"),
        "version.json": (render_json(good.model_copy(update={"guidance": good.guidance.model_copy(
            update={"id": "wales-significant-harm", "version": "1.0.0"})})),
                         "which scenario 'the-belt' does not target"),
        "hash.json": (render_json(good.model_copy(update={"guidance": good.guidance.model_copy(
            update={"sha256": "0" * 64})})), "content hashes differ"),
        "answers.json": (render_json(good.model_copy(update={"answers": {
            "immediate-danger": GivenAnswer(answer="maybe")}})),
                         "question 'immediate-danger': has no answer 'maybe'"),
    }
    for name, (text, expected) in cases.items():
        path = _write(tmp_path / name, text)
        code, _, err = run(capsys, "scenarios", "report", str(path))
        assert code == 1 and expected in err, name


def test_the_same_session_twice_is_an_error(capsys: Capture, tmp_path: Path) -> None:
    first = _write(tmp_path / "a.json", render_json(session_for(PLANS[0])))
    second = _write(tmp_path / "b.json", first.read_text(encoding="utf-8"))
    code, _, err = run(capsys, "scenarios", "report", str(first), str(second))
    assert code == 1 and "is also in" in err


@pytest.mark.parametrize(("text", "code"), [
    ("", "E102"),
    ("[1, 2]", "E108"),
    ('{"session_id": "x"}', "E201"),
    ('{"session_id": "x",\n "colour": 1}', "E202"),
])
def test_unreadable_session_files_are_located(capsys: Capture, tmp_path: Path, text: str,
                                              code: str) -> None:
    path = _write(tmp_path / "bad.json", text)
    status, _, err = run(capsys, "scenarios", "report", str(path))
    assert status == 1 and f"{path}:" in err and code in err


def test_missing_and_empty_inputs(capsys: Capture, tmp_path: Path) -> None:
    status, _, err = run(capsys, "scenarios", "report", str(tmp_path / "nope"))
    assert status == 1 and "E100" in err
    status, _, err = run(capsys, "scenarios", "report", str(tmp_path))
    assert status == 1 and "no session files given" in err


def test_the_apps_data_folder_reports_with_what_was_left_out(capsys: Capture,
                                                             tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = SessionStore(data / "sessions")
    belt = [plan for plan in PLANS if plan[0].startswith("belt")]
    write_sessions(store.directory, belt)
    entry = resolve_file(DUTY_1_1)
    kept = store.keep_document(entry.document, entry.sha256)
    real_case = session_for(PLANS[0]).model_copy(update={"scenario": None,
                                                         "session_id": "real-case"})
    store.save(real_case)
    save_preferences(Preferences(intro_seen=True), data / "preferences.json")
    code, out, err = run(capsys, "scenarios", "report", str(data), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sessions"] == len(belt)
    assert report["skipped"] == sorted([
        {"path": str(kept), "reason": "a copy of a guidance document the app keeps beside "
         "its sessions"},
        {"path": str(data / "preferences.json"),
         "reason": "not a session file (it has no session_id)"},
        {"path": str(store.path_for("real-case")),
         "reason": "not an exercise session (it was walked without a scenario)"},
    ], key=lambda item: item["path"])
    assert "3 files left out" in err
    code, out, _ = run(capsys, "scenarios", "report", str(data))
    assert "## Files left out" in out and "real-case.json`: not an exercise session" in out
