"""Resume after a crash, and resume when the guidance changed since the session started."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import DataTable

from threshold_guide.storage.session_store import StoredSession
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.resume import ResumeModal
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.note_box import NoteBox

from ..conftest import MINIMAL
from .driver import SIZE, answer_current, ready, run, settle, start_walk


class SimulatedCrash(RuntimeError):
    pass


async def resume_first(pilot: Pilot[int], app: ThresholdApp) -> None:
    await ready(pilot)
    assert isinstance(app.screen, StartScreen)
    await pilot.press("ctrl+r")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_resume_after_a_crash_is_complete(make_app: Callable[..., ThresholdApp]) -> None:
    first = make_app()

    async def crash() -> None:
        async with first.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-9")
            await answer_current(pilot, "no-danger")
            await pilot.press("2")  # i-observed; the focus goes to the note
            await settle(pilot)
            await pilot.press(*"seen at 9:10")
            await pilot.pause(0.6)  # one typing batch: saved without leaving the box
            first._handle_exception(SimulatedCrash("boom"))  # the app dies mid-question
            await pilot.pause()

    with pytest.raises(SimulatedCrash):
        run(crash)
    assert first.crash is not None and first.saved_path is not None
    stored = [i for i in first.store.listing() if isinstance(i, StoredSession)]  # type: ignore[union-attr]
    assert len(stored) == 1
    given = stored[0].session.answers["how-concern-arose"]
    assert (given.answer, given.note) == ("i-observed", "seen at 9:10")

    second = make_app()

    async def come_back() -> None:
        async with second.run_test(size=SIZE) as pilot:
            await ready(pilot)
            table = second.screen.query_one("#sessions", DataTable)
            row = [str(cell) for cell in table.get_row_at(0)]
            assert row[0] == "CR-9\nwales-duty-to-report 1.1.0"
            assert row[1].startswith("2 questions answered")
            await resume_first(pilot, second)
            screen = second.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.state.question is not None
            assert screen.state.question.id == "how-concern-arose"
            assert screen.query_one(NoteBox).note == "seen at 9:10"

    run(come_back)


def test_changed_document_offers_pinned_or_changed(
    make_app: Callable[..., ThresholdApp], tmp_path: Path
) -> None:
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    shutil.copy(MINIMAL, guidance / "minimal.yaml")
    first = make_app(guidance=[guidance])

    async def begin() -> None:
        async with first.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "test-minimal")
            await answer_current(pilot, "no")
            await answer_current(pilot, ["hunger"])

    run(begin)
    # Someone edits the document without changing its version: one question changes.
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["questions"][2]["prompt"] = "Is this part of a pattern of concerns?"
    (guidance / "minimal.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")

    second = make_app(guidance=[guidance])

    async def come_back() -> None:
        async with second.run_test(size=SIZE) as pilot:
            await resume_first(pilot, second)
            modal = second.screen
            assert isinstance(modal, ResumeModal)
            assert modal.check.changed is not None
            note = str(modal.query_one(".dialog-note").render())
            assert "has changed" in note
            await pilot.press("down", "enter")  # move to the changed content
            await settle(pilot)
            screen = second.screen
            assert isinstance(screen, QuestionScreen)
            session = screen.state.session
            assert session.guidance.sha256 == modal.check.changed.sha256
            assert set(session.answers) == {"danger", "signs"}
            assert screen.state.question is not None
            assert screen.state.question.prompt == "Is this part of a pattern of concerns?"

    run(come_back)


def test_newer_version_offers_a_move_keeping_unchanged_answers(
    make_app: Callable[..., ThresholdApp],
) -> None:
    first = make_app()

    async def begin() -> None:
        async with first.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.0.0")
            for selection in ("no-danger", "i-observed", ["neglect"], "unsure-cause"):
                await answer_current(pilot, selection)

    run(begin)
    second = make_app()

    async def come_back() -> None:
        async with second.run_test(size=SIZE) as pilot:
            await resume_first(pilot, second)
            modal = second.screen
            assert isinstance(modal, ResumeModal)
            assert modal.check.newer is not None and modal.check.newer.version == "1.1.0"
            await pilot.press("enter")  # the first choice: stay on 1.0.0 as started
            await settle(pilot)
            summary = second.screen
            assert isinstance(summary, SummaryScreen), "1.0.0 ends at 'not sure'"
            assert summary.state.session.guidance.version == "1.0.0"
            await pilot.press("f10")
            await settle(pilot)
            await resume_first(pilot, second)
            await pilot.press("down", "enter")  # now move to 1.1.0
            await settle(pilot)
            screen = second.screen
            assert isinstance(screen, QuestionScreen)
            session = screen.state.session
            assert session.guidance.version == "1.1.0"
            unchanged = {"immediate-danger", "how-concern-arose", "indicators"}
            assert unchanged <= set(session.answers) <= {*unchanged, "reasonable-cause"}
            assert screen.state.question is not None
            # Asked again if dropped; if kept, the walk goes on where 1.1.0 now leads.
            assert screen.state.question.id in {"reasonable-cause", "chronology"}
            assert any("Moved from" in event.event for event in session.history)

    run(come_back)
