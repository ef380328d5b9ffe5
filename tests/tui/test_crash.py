"""A crash shows a clear message and where the session is saved, never a traceback."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from threshold_guide.exit_status import ExitStatus
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp, run_app

from .driver import SIZE, answer_current, run, start_walk


def test_crash_message_names_the_saved_session(
    make_app: Callable[..., ThresholdApp], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()

    def boom() -> None:
        raise ZeroDivisionError("a bug")

    async def drive(pilot: Pilot[int]) -> None:
        await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-5")
        await answer_current(pilot, "no-danger")
        app.call_later(boom)
        await pilot.pause()

    status = run_app(app=app, headless=True, auto_pilot=drive)
    err = capsys.readouterr().err
    assert status == ExitStatus.INTERNAL
    assert "Traceback" not in err and "CR-5" not in err
    assert "internal error (ZeroDivisionError: a bug)" in err
    assert app.saved_path is not None and f"Your session is saved: {app.saved_path}" in err
    assert "999" in err
    assert app.crash_log is not None and str(app.crash_log) in err
    assert stat.S_IMODE(app.crash_log.stat().st_mode) == 0o600
    assert "ZeroDivisionError" in app.crash_log.read_text(encoding="utf-8")
    saved = app.saved_path.read_text(encoding="utf-8")
    assert '"immediate-danger"' in saved


def test_crash_before_any_session(
    make_app: Callable[..., ThresholdApp], capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()

    async def drive(pilot: Pilot[int]) -> None:
        await pilot.pause()
        raise RuntimeError("early")

    status = run_app(app=app, headless=True, auto_pilot=drive)
    err = capsys.readouterr().err
    assert status == ExitStatus.INTERNAL
    assert "No session was open" in err and "Traceback" not in err


def test_a_failed_save_is_shown_not_swallowed(
    make_app: Callable[..., ThresholdApp], tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the sessions folder should be", encoding="utf-8")
    app = make_app(store=SessionStore(blocked / "sessions"))

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-significant-harm")
            await answer_current(pilot, "no-immediate")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("Could not save the session" in m for m in messages), messages

    run(scenario)


def test_quitting_with_an_unsaved_session_asks_again_and_exits_non_zero(
    make_app: Callable[..., ThresholdApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the sessions folder should be", encoding="utf-8")
    app = make_app(store=SessionStore(blocked / "sessions"))

    async def drive(pilot: Pilot[int]) -> None:
        await start_walk(pilot, "wales-significant-harm")
        await answer_current(pilot, "no-immediate")
        await pilot.press("f10")  # save and close: refused, the walk stays open
        await pilot.pause()
        assert app.current is not None and app.screen_stack[-1].__class__.__name__ == (
            "QuestionScreen")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "the first Ctrl+Q only warns"
        messages = [n.message for n in app._notifications]
        assert any("NOT saved" in m for m in messages), messages
        await pilot.press("ctrl+q")

    status = run_app(app=app, headless=True, auto_pilot=drive)
    err = capsys.readouterr().err
    assert status == ExitStatus.ERROR, err
    assert "could not be saved" in err and "Traceback" not in err
