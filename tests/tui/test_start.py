"""The start screen: first-run note, documents and versions, bad files, the resume list."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Select, TabbedContent

from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.intro import IntroModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView

from ..conftest import GUIDANCE, MINIMAL
from .driver import SIZE, answer_current, ready, run, settle, start_walk


def test_first_run_note_is_shown_once(make_app: Callable[..., ThresholdApp],
                                      data_dir: Path) -> None:
    app = make_app(intro_seen=False)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert isinstance(app.screen, IntroModal)
            text = " ".join(str(w.render()) for w in app.screen.query("Markdown *"))
            for words in ("supports professional judgement", "example", "999"):
                assert words in text
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, StartScreen)

    run(scenario)
    assert json.loads((data_dir / "preferences.json").read_text())["intro_seen"] is True
    again = make_app(intro_seen=False)  # the saved preference, not the fixture, decides

    async def second() -> None:
        async with again.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert isinstance(again.screen, StartScreen)

    run(second)


def test_current_version_preselected_with_its_facts(
    make_app: Callable[..., ThresholdApp],
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            screen = app.screen
            assert isinstance(screen, StartScreen)
            screen.query_one("#document", Select).value = "wales-duty-to-report"
            await settle(pilot)
            entry = screen.selected_entry()
            assert entry is not None and entry.version == "1.1.0"  # current on 2 Nov 2026
            info = str(screen.query_one("#doc-info").render())
            assert "Duty to report a child at risk" in info and "2026-10-01" in info
            assert app.focused is screen.query_one("#role"), "first use starts at the role"
            await pilot.press("tab", "tab")
            assert app.focused is screen.query_one("#reference")
            await pilot.press(*"Jane Smith")
            await settle(pilot)
            warning = str(screen.query_one("#reference-warning").render())
            assert warning.startswith("⚠") and "name" in warning
            await pilot.press("f5")
            await settle(pilot)
            book = app.screen.query_one(MarkdownView).text
            assert "Q1. Is the child in immediate danger" in book

    run(scenario)


def test_bad_documents_are_listed_and_the_rest_work(
    make_app: Callable[..., ThresholdApp], tmp_path: Path
) -> None:
    folder = tmp_path / "guidance"
    shutil.copytree(GUIDANCE, folder)
    (folder / "broken.yaml").write_text("id: broken\nversion: [not, a, version\n")
    shutil.copy(MINIMAL, folder / "minimal.yaml")
    (folder / "minimal.yaml").write_text(
        MINIMAL.read_text(encoding="utf-8").replace("next: pattern", "next: nowhere"))
    app = make_app(guidance=[folder])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            screen = app.screen
            assert isinstance(screen, StartScreen)
            assert screen.query_one(TabbedContent).get_tab("problems") is not None
            problems = str(screen._problems_markdown())
            assert "broken.yaml" in problems and "minimal.yaml" in problems
            assert "nowhere" in problems, "each file's errors are shown"
            assert app.catalog.ids() == ["wales-duty-to-report", "wales-registration",
                                       "wales-significant-harm"]
            await start_walk(pilot, "wales-significant-harm")
            assert isinstance(app.screen, QuestionScreen)

    run(scenario)


def test_resume_list_shows_unreadable_files_and_deletes_on_request(
    make_app: Callable[..., ThresholdApp], data_dir: Path
) -> None:
    app = make_app()

    async def begin() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-significant-harm", reference="KEEP-1")
            await answer_current(pilot, "no-immediate")

    run(begin)
    (data_dir / "sessions" / "garbage.json").write_text("{{{", encoding="utf-8")
    second = make_app()

    async def scenario() -> None:
        async with second.run_test(size=SIZE) as pilot:
            await ready(pilot)
            table = second.screen.query_one("#sessions", DataTable)
            rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
            assert rows[0][0].startswith("KEEP-1\n") and "1 question answered" in rows[0][1]
            assert rows[1][0].startswith("⚠ unreadable")
            assert "not a threshold-guide session" in rows[1][1].replace("\n", " ")
            await pilot.press("ctrl+r")
            await settle(pilot)
            await pilot.press("delete")
            await settle(pilot)
            assert isinstance(second.screen, ConfirmModal)
            await pilot.press("y")
            await settle(pilot)
            assert table.row_count == 1, "only the unreadable file is left, untouched"

    run(scenario)
    assert (data_dir / "sessions" / "garbage.json").exists()
