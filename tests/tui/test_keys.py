"""Keys: F1 help, the command palette, themes and NO_COLOR."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.filter import Monochrome

from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.help import HelpScreen

from .driver import SIZE, ready, run, settle, start_walk


def test_f1_lists_every_screens_keys(make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            text = app.screen._markdown
            for expected in ("Start screen", "Question screen", "Review screen",
                             "Summary screen", "Logic book", "Everywhere", "1 … 9",
                             "`Ctrl+N` Next", "`F3` Why?", "`Ctrl+O` Override",
                             "`Ctrl+S` Export", "`Ctrl+P` Command palette", "`F1` Help"):
                assert expected in text, expected
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, HelpScreen)

    run(scenario)


def test_palette_offers_the_screens_actions(make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            names = {command.title for command in app.get_system_commands(app.screen)}
            for expected in ("Next", "Back", "Why am I asked this? (with sources)",
                             "Definitions this question relies on", "Review and change answers",
                             "The logic book: the whole guidance", "Help", "Theme"):
                assert expected in names, expected
            command = next(c for c in app.get_system_commands(app.screen)
                           if c.title == "Why am I asked this? (with sources)")
            await command.callback()
            await settle(pilot)
            assert "Why am I asked this?" in str(app.screen.query_one(".dialog-title").render())

    run(scenario)


def test_theme_toggle_is_remembered(make_app: Callable[..., ThresholdApp],
                                    data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert app.current_theme.dark
            await pilot.press("ctrl+t")
            await settle(pilot)
            assert not app.current_theme.dark

    run(scenario)
    assert json.loads((data_dir / "preferences.json").read_text())["theme"] == "textual-light"
    again = make_app(intro_seen=False)

    async def second() -> None:
        async with again.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert again.theme == "textual-light"

    run(second)


def test_no_color_is_honoured(make_app: Callable[..., ThresholdApp],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    assert any(isinstance(f, Monochrome) for f in app._filters)
