"""A save that fails (a full disk) ends the walk non-zero: never exit 0 with answers missing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.plain.helpers import (
    AT,
    CONTEXT,
    DOC,
    REPORT_TODAY,
    Capture,
    plain,
    saved_sessions,
    typed,
)
from threshold_guide.cli.main import main
from threshold_guide.storage import atomic

MP = pytest.MonkeyPatch


def full_disk_when(monkeypatch: MP, written: str) -> None:
    """Every file write that contains ``written`` (and each one after) fails as on a full
    disk."""
    real = atomic._fill
    full = {"disk": False}

    def fill(fd: int, text: str, mode: int) -> None:
        full["disk"] |= written in text
        if full["disk"]:
            os.close(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, text, mode)

    monkeypatch.setattr(atomic, "_fill", fill)


def test_a_full_disk_mid_walk_stops_it_non_zero(capsys: Capture, monkeypatch: MP) -> None:
    # The new session and the first answer are saved; the second answer is not.
    full_disk_when(monkeypatch, '"how-concern-arose": {')
    code, out, err = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT)
    assert code == 1
    assert "No space left on device" in err and "The last change was not saved" in err
    assert "--resume" in err
    assert "The referral rationale summary follows." not in out
    (session,) = saved_sessions()
    assert list(session.answers) == ["immediate-danger"]
    assert not list(Path(os.environ["THRESHOLD_GUIDE_DATA"]).rglob(".*.tmp"))


def test_a_full_disk_at_the_start_is_a_clear_error(capsys: Capture, monkeypatch: MP) -> None:
    full_disk_when(monkeypatch, "")
    code, _, err = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT)
    assert code == 1
    assert "cannot save the session" in err and "No space left on device" in err


def test_run_save_session_on_a_full_disk_exits_1_without_a_summary(
    capsys: Capture, monkeypatch: MP, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("immediate-danger: yes-danger\n", encoding="utf-8")
    full_disk_when(monkeypatch, "")
    code = main(["run", DOC, "--answers", str(answers), "--at", AT,
                 "--save-session", str(tmp_path / "s.json")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "cannot save the session" in err and "No space left on device" in err
    assert out == "" and not (tmp_path / "s.json").exists()
