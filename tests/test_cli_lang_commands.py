"""Each command's own messages in Welsh with --lang cy, end to end, and the same exit code
as in English: tracker, serve, walk, scenarios, diff, upgrade and guidance list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from threshold_guide.cli.main import main
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import set_interface_language, translator
from threshold_guide.models.follow_through import ESCALATION_LABELS, RESPONSE_LABELS

Capture = pytest.CaptureFixture[str]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    set_interface_language("en")


def _run(capsys: Capture, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stopped:  # argparse's usage errors
        code = int(stopped.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _both(capsys: Capture, argv: list[str]) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """The command in English, then with --lang cy: (code, out, err) of each."""
    return _run(capsys, argv), _run(capsys, ["--lang", "cy", *argv])


Case = Callable[[Path], list[str]]


def _bad_json(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    return bad


CASES: dict[str, tuple[Case, int, str, str]] = {
    # command: (argv for tmp_path, exit code, English text, Welsh text)
    "tracker report": (
        lambda tmp: ["tracker", "report", "--db", str(tmp / "none.sqlite")],
        ExitStatus.USAGE, "no such database", "nid yw'r gronfa ddata yn bodoli"),
    "serve": (
        lambda tmp: ["serve", "--port", "abc"],
        ExitStatus.USAGE, "'abc' is not a port number", "nid yw 'abc' yn rhif porth"),
    "walk": (
        lambda tmp: ["walk", str(FIXTURES / "minimal.yaml")],
        ExitStatus.USAGE, "'walk' needs --plain", "mae angen --plain ar 'walk'"),
    "scenarios check": (
        lambda tmp: ["scenarios", "check", str(tmp)],
        ExitStatus.ERROR, "no scenario files found in", "ni chafwyd hyd i ffeiliau senario yn"),
    "diff": (
        lambda tmp: ["diff", str(FIXTURES / "minimal.yaml"), str(FIXTURES / "minimal.yaml"),
                     "--sessions", str(_bad_json(tmp))],
        ExitStatus.ERROR, "some scenario or session files cannot be used",
        "ni ellir defnyddio rhai ffeiliau senario neu sesiwn"),
    "upgrade": (
        lambda tmp: ["upgrade", str(_bad_json(tmp))],
        ExitStatus.ERROR, "cannot be used as a session", "fel sesiwn"),
    "book (unknown document)": (
        lambda tmp: ["book", "no-such-document"],
        ExitStatus.USAGE, "no threshold document with id 'no-such-document'",
        "nid oes dogfen trothwy â'r dynodydd 'no-such-document'"),
    "diff (bad reference)": (
        lambda tmp: ["diff", "wales-duty-to-report@soon", "wales-duty-to-report"],
        ExitStatus.USAGE, "is neither a version nor a date", "yn fersiwn nac yn ddyddiad"),
    "guidance list": (
        lambda tmp: ["--guidance", str(tmp), "guidance", "list"],
        ExitStatus.OK, "No valid threshold documents found in",
        "Ni chafwyd hyd i ddogfennau trothwy dilys yn"),
}


@pytest.mark.parametrize("command", sorted(CASES))
def test_a_bad_input_is_reported_in_welsh(command: str, capsys: Capture,
                                          tmp_path: Path) -> None:
    argv, status, english, welsh = CASES[command]
    (code_en, out_en, err_en), (code_cy, out_cy, err_cy) = _both(capsys, argv(tmp_path))
    assert code_en == code_cy == status
    assert english in out_en + err_en
    assert welsh in out_cy + err_cy
    assert english not in out_cy + err_cy


def test_a_counted_tracker_message_takes_the_welsh_form(capsys: Capture,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    argv = ["tracker", "export", str(folder), "--at", "2026-11-29T12:00:00Z"]
    (code_en, _out, err_en), (code_cy, _out_cy, err_cy) = _both(capsys, argv)
    assert code_en == code_cy == ExitStatus.OK
    assert "0 records exported" in err_en
    assert "allforiwyd 0 cofnod" in err_cy


def test_the_follow_through_labels_have_welsh() -> None:
    welsh = translator("cy")
    for label in [*RESPONSE_LABELS.values(), *ESCALATION_LABELS.values()]:
        assert welsh.gettext(label) != label, label
    assert welsh.gettext(RESPONSE_LABELS[next(iter(RESPONSE_LABELS))]).startswith("Derbyniwyd")
