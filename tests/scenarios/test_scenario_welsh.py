"""`scenarios report` and `scenarios check` in Welsh (issue 14); English stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenarios.helpers import FIXTURES, Capture, assert_golden, run
from tests.scenarios.sessions import write_sessions

DRIFT = FIXTURES / "drift.yaml"


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "exercise"
    write_sessions(folder)
    return folder


def test_the_report_in_welsh_matches_the_golden_file(capsys: Capture, sessions: Path) -> None:
    code, out, _ = run(capsys, "--lang", "cy", "scenarios", "report", str(sessions))
    assert code == 0
    assert_golden("report.cy.md", out)


def test_the_report_in_welsh_has_welsh_headings_notes_and_bands(capsys: Capture,
                                                               sessions: Path) -> None:
    _, out, _ = run(capsys, "scenarios", "report", str(sessions), "--lang", "cy")
    assert out.startswith("# Ymarfer senario: adroddiad cysondeb\n")
    for welsh in ("## Cytundeb ar draws achosion", "### Ymlediad y canlyniadau",
                  "## Sut i ddarllen y ffigurau hyn", "<- ateb enghreifftiol",
                  "Graddfa Landis a Koch ar gyfer kappa"):
        assert welsh in out
    for english in ("Agreement across cases", "How to read these figures", "model answer",
                    "Landis & Koch scale", "Everyone", "n/a", "not finished"):
        assert english not in out


def test_the_json_report_keeps_its_keys_and_bands_and_words_its_notes_in_welsh(
        capsys: Capture, sessions: Path) -> None:
    import json

    _, out, _ = run(capsys, "--lang", "cy", "scenarios", "report", str(sessions),
                    "--format", "json")
    report = json.loads(out)
    assert report["notes"][-1].startswith("Y canlyniad a gyfrifir")
    bands = {d["overall"]["kappa_band"] for d in report["across_cases"]}
    assert bands <= {None, "poor", "slight", "fair", "moderate", "substantial",
                     "almost perfect"}


def test_scenarios_check_in_welsh(capsys: Capture) -> None:
    code, out, _ = run(capsys, "--lang", "cy", "scenarios", "check", str(DRIFT))
    assert code == 1
    assert "METHU drifted  wales-duty-to-report 1.1.0" in out
    assert "      disgwyl   record-monitor-seek-advice: " in out
    assert "      cafwyd    report-today: " in out
    assert "-> canlyniad report-today" in out
    assert "      agosaf    byddai ateb 'reasonable-cause' gyda no-cause" in out
    assert "Cwmpas (" in out
    assert out.rstrip().splitlines()[-1] == (
        "METHWYD: 1 ffeil senario, 2 ail-chwarae, 2 anghysondeb, 2 wall, 1 rhybudd")
    # The diagnostics (E/W codes) are for the scenario's author and stay as written.
    assert "FAIL " not in out and "      expected" not in out
