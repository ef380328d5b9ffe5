"""Bad input from the command line, the environment or the disk: a located error with exit 1
or 2, never an internal error (exit 3) or a traceback."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1, ROOT
from tests.plain.helpers import REPORT_TODAY, answers_file, plain, typed
from threshold_guide.cli.main import main
from threshold_guide.exit_status import ExitStatus
from threshold_guide.storage import atomic

Capture = pytest.CaptureFixture[str]
DOC = "wales-duty-to-report"
PIN = ["--version", "1.1.0"]  # the answers below are written for 1.1.0


def answers(tmp_path: Path) -> Path:
    return answers_file(REPORT_TODAY, tmp_path / "answers.json")


def run(capsys: Capture, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err, err
    return code, err


def test_a_superscript_digit_is_not_an_answer_number(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was exit 3: '²'.isdigit() is true and int('²') raises.
    lines = ["²", *typed(REPORT_TODAY)]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == ExitStatus.OK
    assert "'²' is not an answer number" in out


@pytest.mark.parametrize("line", ["²", "\u0661", "1²"])
def test_evidence_and_resume_menus_refuse_other_digits(line: str) -> None:
    from threshold_guide.plain.choices import typed_number

    assert typed_number(line) is None
    assert typed_number("12") == 12


@pytest.mark.parametrize("command", ["run", "walk"])
@pytest.mark.parametrize("option", ["--reference", "--role", "--agency"])
def test_case_details_the_session_refuses_are_usage_errors(
    command: str, option: str, tmp_path: Path, capsys: Capture,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was exit 3 for a reference over 200 characters (the session model's limit).
    value = "x" * 201 if option == "--reference" else "x"
    argv = (["run", DOC, *PIN, "--answers", str(answers(tmp_path))] if command == "run"
            else ["walk", DOC, *PIN, "--plain"])
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, err = run(capsys, *argv, option, value)
    if option == "--reference":
        assert code == ExitStatus.USAGE
        assert "--reference" in err and "200" in err
    else:
        assert code in (ExitStatus.OK, ExitStatus.ERROR)  # accepted; walk's input is empty


@pytest.mark.parametrize("value", ["99999999999999", "²", "12abc", "-5"])
def test_a_source_date_epoch_that_is_no_time_is_a_usage_error(
    value: str, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    code, err = run(capsys, "run", DOC, *PIN, "--answers", str(answers(tmp_path)))
    assert code == ExitStatus.USAGE
    assert "SOURCE_DATE_EPOCH" in err


def test_saving_a_session_onto_a_folder_is_a_located_error(
    tmp_path: Path, capsys: Capture
) -> None:
    code, err = run(capsys, "run", DOC, *PIN, "--answers", str(answers(tmp_path)),
                    "--save-session", str(tmp_path))
    assert code == ExitStatus.ERROR
    assert f"cannot write {tmp_path}" in err


def test_a_full_disk_when_saving_a_session_is_a_located_error(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "write_atomic", full)
    monkeypatch.setattr("threshold_guide.cli.console.write_atomic", full)
    target = tmp_path / "session.json"
    code, err = run(capsys, "run", DOC, *PIN, "--answers", str(answers(tmp_path)),
                    "--save-session", str(target))
    assert code == ExitStatus.ERROR
    assert f"cannot write {target}" in err
    assert os.strerror(errno.ENOSPC) in err


def test_the_full_device_is_a_located_error(tmp_path: Path, capsys: Capture) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    code, err = run(capsys, "run", DOC, *PIN, "--answers", str(answers(tmp_path)),
                    "--save-session", "/dev/full")
    assert code == ExitStatus.ERROR
    assert "/dev/full" in err


@pytest.mark.parametrize("command", [
    ["guidance", "list"], ["validate"], ["book", DOC], ["paths", DOC], ["graph", DOC,
    "--format", "dot"], ["scenarios", "check"], ["serve"], [],
])
def test_a_missing_guidance_folder_is_a_usage_error(
    command: list[str], tmp_path: Path, capsys: Capture
) -> None:
    # Was exit 0 with nothing found (guidance list), or a server started on nothing.
    missing = tmp_path / "missing"
    code, err = run(capsys, *command, "--guidance", str(missing))
    assert code == ExitStatus.USAGE
    assert "--guidance" in err and "no such folder" in err


def test_a_file_given_as_the_guidance_folder_is_a_usage_error(capsys: Capture) -> None:
    code, err = run(capsys, "guidance", "list", "--guidance", str(DUTY_1_1))
    assert code == ExitStatus.USAGE
    assert "not a folder" in err


def welsh_free_session(tmp_path: Path, capsys: Capture) -> Path:
    target = tmp_path / "session.json"
    assert main(["run", DOC, *PIN, "--answers", str(answers(tmp_path)), "--save-session",
                 str(target), "--at", "2026-11-02T10:15:00Z"]) == 0
    capsys.readouterr()
    return target


@pytest.mark.parametrize("command", ["run", "explain", "book", "graph", "walk"])
def test_a_language_the_document_lacks_is_said_not_silent(
    command: str, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = {
        "run": ["run", DOC, *PIN, "--answers", str(answers(tmp_path))],
        "explain": ["explain", str(welsh_free_session(tmp_path, capsys)) if command ==
                    "explain" else "", "--audience", "school"],
        "book": ["book", DOC, *PIN],
        "graph": ["graph", DOC, *PIN, "--format", "mermaid"],
        "walk": ["walk", DOC, *PIN, "--plain"],
    }[command]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, err = run(capsys, *argv, "--lang", "cy")
    assert code in (ExitStatus.OK, ExitStatus.ERROR)  # walk: its input is empty
    # --lang cy speaks Welsh: the warning too ("rhybudd", shown in English: "Saesneg").
    assert "rhybudd" in err and "'cy'" in err and "Saesneg" in err
    _, quiet = run(capsys, *argv, "--lang", "en")
    assert "warning" not in quiet


def test_a_partly_translated_document_says_how_much(tmp_path: Path, capsys: Capture) -> None:
    text = DUTY_1_1.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    welsh = title.replace("title:", "title:\n  en:", 1) + "\n  cy: Dyletswydd i adrodd"
    path = tmp_path / "partly.yaml"
    path.write_text(text.replace(title, welsh, 1), encoding="utf-8")
    code, err = run(capsys, "book", str(path), "--lang", "cy")
    assert code == ExitStatus.OK
    assert "mae gan 'wales-duty-to-report' 1.1.0 'cy' ar gyfer 1 o'i" in err


def test_a_closed_pipe_ends_quietly_with_the_conventional_status(tmp_path: Path) -> None:
    # Was exit 0: `validate ... | head` looked like success to the shell.
    many = tmp_path / "many.yaml"
    many.write_text("id: x\n" + "".join(f"zz{i}: 1\n" for i in range(5_000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "threshold_guide", "validate", str(many)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `head -1` does
    status = process.wait(timeout=60)
    stderr = process.stderr.read().decode()
    assert status == ExitStatus.BROKEN_PIPE == 141
    assert "Traceback" not in stderr and "Exception ignored" not in stderr



def test_checking_the_apps_guidance_folders_stays_light() -> None:
    # The app's first paint must not wait for pydantic and the models: checking --guidance
    # before opening the app once imported them (first paint 1.8x a hello-world app).
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from threshold_guide.cli.main import _checked_folders\n"
        "assert _checked_folders([Path('guidance')]) == [Path('guidance')]\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
