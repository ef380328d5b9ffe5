"""The app in Welsh: translated keys, the language switch and its memory, the session's
languages, and nothing cut off at 80x24 in Welsh (Welsh words run longer)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Footer, Select

from threshold_guide.i18n.catalogue import _, set_interface_language
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.widgets.danger_banner import DANGER_TEXT

from ..conftest import CYMRAEG
from .conftest import NOW
from .driver import SIZE, press, ready, run, settle

WELSH_DOC = CYMRAEG
TO_JUDGE = {"danger": "no", "told": "no", "signs": ["hunger"], "pattern": "no"}


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    # The interface language is one per process: leave it as other tests expect it.
    yield
    set_interface_language("en")


@pytest.fixture(scope="module")
def welsh_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder = tmp_path_factory.mktemp("welsh-guidance")
    shutil.copy(WELSH_DOC, folder / "cymraeg.yaml")
    return Catalog.load([folder])


def save_welsh_session(data_dir: Path, catalog: Catalog, answers: dict[str, Any],
                       **extra: Any) -> None:
    entry = catalog.versions("test-cymraeg")[-1]
    earlier = NOW - dt.timedelta(hours=1)
    session = new_session(entry.document, entry.sha256, now=earlier, reference="CR-2026-0412",
                          role="Person diogelu dynodedig", agency="Ysgol")
    given = {q: GivenAnswer(answer=a) for q, a in answers.items()}
    session = with_answers(session, given, earlier).model_copy(
        update={"language": "cy", **extra})
    store = SessionStore(data_dir / "sessions")
    store.keep_document(entry.document, entry.sha256)
    store.save(session)


def screen_text(screen: Screen[Any]) -> list[str]:
    """The lines on screen now, as the terminal shows them."""
    return [strip.text for strip in screen._compositor.render_strips()]


def cut_off(screen: Screen[Any]) -> list[str]:
    """Footer keys and button labels that are not shown whole on ``screen``."""
    lines = screen_text(screen)
    whole = "\n".join(lines)
    missing = []
    footers = screen.query(Footer)
    if footers:
        footer_line = lines[footers.first().region.y]
        for active in screen.active_bindings.values():
            description = active.binding.description
            if active.binding.show and description and description not in footer_line:
                missing.append(f"key {active.binding.key}: {description!r}")
    for button in screen.query(Button):
        # A button in a tab not shown, or scrolled out of view, has no region on screen.
        if button.region.area and str(button.label) not in whole:
            missing.append(f"button {button.id}: {str(button.label)!r}")
    if _(DANGER_TEXT) not in whole:
        missing.append(f"the 999 line: {_(DANGER_TEXT)!r}")
    return missing


# Translated keys ------------------------------------------------------------------------


def test_key_descriptions_follow_the_interface_language() -> None:
    set_interface_language("cy")
    modal = ConfirmModal("t", "q", "y")
    assert modal._bindings.key_to_bindings["escape"][0].description == "Canslo"
    # The class's bindings stay English, for the next screen made in another language.
    set_interface_language("en")
    assert ConfirmModal("t", "q", "y")._bindings.key_to_bindings["escape"][0].description \
        == "Cancel"


def test_the_app_translates_its_own_keys_again_after_a_switch(
        make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app()
    assert app._bindings.key_to_bindings["f1"][0].description == "Help"
    app.switch_language("cy")
    assert app._bindings.key_to_bindings["f1"][0].description == "Cymorth"
    app.switch_language("en")
    assert app._bindings.key_to_bindings["f1"][0].description == "Help"


# Switching and remembering --------------------------------------------------------------


def test_switching_to_welsh_rebuilds_the_start_screen_and_is_remembered(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            english = app.screen
            assert isinstance(english, StartScreen)
            await pilot.press("f9")
            await settle(pilot)
            welsh = app.screen
            assert isinstance(welsh, StartScreen) and welsh is not english
            text = "\n".join(screen_text(welsh))
            assert "Dechrau taith" in text  # the footer key, and the button
            assert "Taith newydd" in text  # the tab
            assert "Ffoniwch yr heddlu ar 999" in text
            assert "English (F9)" in text  # the way back, named in its own words
            assert "Start walk" not in text

    run(scenario)
    saved = json.loads((data_dir / "preferences.json").read_text())
    assert saved["language"] == "cy"

    again = make_app(intro_seen=False)  # keeps the saved preferences file as it is

    async def next_run() -> None:
        async with again.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert "Dechrau taith" in "\n".join(screen_text(again.screen))

    run(next_run)


def test_the_start_screen_button_switches_back_to_english(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    app = make_app(language="cy")

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.click("#language")
            await settle(pilot)
            assert "Start walk" in "\n".join(screen_text(app.screen))

    run(scenario)
    assert json.loads((data_dir / "preferences.json").read_text())["language"] == "en"


def test_lang_wins_over_the_remembered_language(make_app: Callable[..., ThresholdApp],
                                                data_dir: Path) -> None:
    make_app()  # writes the preferences file
    prefs = data_dir / "preferences.json"
    prefs.write_text(json.dumps({"intro_seen": True, "language": "cy"}), encoding="utf-8")
    assert make_app(intro_seen=False)._bindings.key_to_bindings["f1"][0].description \
        == "Cymorth"
    assert make_app(intro_seen=False, language="en")._bindings.key_to_bindings["f1"][0] \
        .description == "Help"


def test_a_broken_or_unknown_language_preference_means_english(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    make_app()
    prefs = data_dir / "preferences.json"
    prefs.write_text(json.dumps({"intro_seen": True, "language": "xx"}), encoding="utf-8")
    assert make_app(intro_seen=False)._bindings.key_to_bindings["f1"][0].description == "Help"


def test_launch_passes_lang_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(guidance: list[Path] | None = None, **options: Any) -> int:
        seen.update(options)
        return 0

    monkeypatch.setattr("threshold_guide.tui.app.run_app", fake_run_app)
    from threshold_guide.cli.launch import launch_app

    launch_app(None, "cy")
    assert seen["language"] == "cy"
    launch_app(None)  # without --lang
    assert seen["language"] is None


# The session's languages ---------------------------------------------------------------


def test_a_new_walk_records_the_interface_and_family_language(
        make_app: Callable[..., ThresholdApp], welsh_catalog: Catalog,
        data_dir: Path) -> None:
    app = make_app(catalog=welsh_catalog, language="cy")

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            screen = app.screen
            assert isinstance(screen, StartScreen)
            screen.query_one("#family-language", Select).value = "cy"
            screen.query_one("#reference").focus()
            await press(pilot, *"CR-9", "ctrl+n")
            await settle(pilot)
            text = "\n".join(screen_text(app.screen))
            assert "A yw'r plentyn mewn perygl uniongyrchol?" in text

    run(scenario)
    [saved] = SessionStore(data_dir / "sessions").listing()
    session = saved.session  # type: ignore[union-attr]
    assert (session.language, session.family_language) == ("cy", "cy")


def test_family_language_not_recorded_by_default(
        make_app: Callable[..., ThresholdApp], welsh_catalog: Catalog,
        data_dir: Path) -> None:
    app = make_app(catalog=welsh_catalog)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            app.screen.query_one("#reference").focus()
            await press(pilot, *"CR-9", "ctrl+n")
            await settle(pilot)

    run(scenario)
    [saved] = SessionStore(data_dir / "sessions").listing()
    session = saved.session  # type: ignore[union-attr]
    assert (session.language, session.family_language) == ("en", None)


def test_a_document_without_welsh_is_said_once_never_silently_english(
        make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app(language="cy")  # the shipped guidance has no Welsh yet
    notices: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            original = app.notify

            def record(message: str, **options: Any) -> None:
                notices.append(message)
                original(message, **options)

            app.notify = record  # type: ignore[method-assign]
            app.screen.query_one("#reference").focus()
            await press(pilot, *"CR-9", "ctrl+n")
            await settle(pilot)
            await press(pilot, "f10")
            await settle(pilot)
            await press(pilot, "ctrl+r", "enter")
            await settle(pilot)

    run(scenario)
    told = [n for n in notices if "dangosir popeth ohonynt yn Saesneg" in n]
    assert len(told) == 1


def test_the_summary_says_the_welsh_is_not_checked(
        make_app: Callable[..., ThresholdApp], welsh_catalog: Catalog,
        data_dir: Path) -> None:
    save_welsh_session(data_dir, welsh_catalog, {**TO_JUDGE, "judge": "no"})
    app = make_app(catalog=welsh_catalog, language="cy")

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await press(pilot, "ctrl+r", "enter")
            await settle(pilot)
            text = " ".join(screen_text(app.screen))
            assert "Nid yw'r testun Cymraeg wedi'i wirio eto" in text
            assert "Canlyniad y canllawiau" in text

    run(scenario)


# Nothing cut off at 80x24 ---------------------------------------------------------------

Step = Callable[[Pilot[int]], Any]


def keys(*names: str) -> Step:
    async def go(pilot: Pilot[int]) -> None:
        for name in names:
            await pilot.press(name)
            await settle(pilot)
    return go


WELSH_SCREENS: dict[str, tuple[dict[str, Any] | None, list[Step]]] = {
    "start": (None, []),
    "start resume list": (TO_JUDGE, [keys("ctrl+r")]),
    "first-run note": (None, [keys("f8")]),
    "question": ({"danger": "no"}, [keys("ctrl+r", "enter")]),
    "checklist": ({"danger": "no", "told": "no"}, [keys("ctrl+r", "enter")]),
    "judgement": (TO_JUDGE, [keys("ctrl+r", "enter")]),
    "departure": (TO_JUDGE, [keys("ctrl+r", "enter", "1")]),
    "why": (TO_JUDGE, [keys("ctrl+r", "enter", "f3")]),
    "review": (TO_JUDGE, [keys("ctrl+r", "enter", "f4")]),
    "delete": (TO_JUDGE, [keys("ctrl+r", "delete")]),
    "summary": ({**TO_JUDGE, "judge": "no"}, [keys("ctrl+r", "enter")]),
    "override": ({**TO_JUDGE, "judge": "no"}, [keys("ctrl+r", "enter", "ctrl+o")]),
    "export": ({**TO_JUDGE, "judge": "no"}, [keys("ctrl+r", "enter", "ctrl+s")]),
    "audience": ({**TO_JUDGE, "judge": "no"}, [keys("ctrl+r", "enter", "f7")]),
    "explanation": ({**TO_JUDGE, "judge": "no"}, [keys("ctrl+r", "enter", "f7", "1")]),
    "help": (None, [keys("f1")]),
}


@pytest.mark.parametrize("name", list(WELSH_SCREENS))
def test_nothing_is_cut_off_in_welsh(name: str, make_app: Callable[..., ThresholdApp],
                                     welsh_catalog: Catalog, data_dir: Path) -> None:
    answers, steps = WELSH_SCREENS[name]
    if answers is not None:
        save_welsh_session(data_dir, welsh_catalog, answers)
    app = make_app(catalog=welsh_catalog, language="cy")
    problems: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            for step in steps:
                await step(pilot)
            await settle(pilot)
            problems.extend(cut_off(app.screen))

    run(scenario)
    assert problems == []
