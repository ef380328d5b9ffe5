"""The logic book, exercise, comparison and after-the-decision screens in Welsh at 80x24.

Snapshots (pytest-textual-snapshot) of each, and a check that nothing is cut off: every
button label and every key in the footer is shown whole, since Welsh runs longer than
English. Update with ``--snapshot-update`` and look at the pictures before committing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button

from tests.deadlines.helpers import CHASE_AT, FIXTURES, reported, save
from threshold_guide.i18n.catalogue import _, set_interface_language
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.browser import BrowserScreen, ContentsModal
from threshold_guide.tui.screens.comparison import ComparisonScreen
from threshold_guide.tui.screens.escalation import EscalationModal
from threshold_guide.tui.screens.exercise import ExerciseScreen
from threshold_guide.tui.screens.follow_up import FollowUpScreen
from threshold_guide.tui.screens.response import ResponseModal

from ..conftest import CYMRAEG
from .driver import SIZE, ready, run, settle
from .test_exercise import open_exercise, to_comparison
from .test_snapshots import steady_cursors

SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[int], ThresholdApp], Any]


@pytest.fixture(autouse=True)
def welsh() -> Iterator[None]:
    set_interface_language("cy")
    yield
    set_interface_language("en")


async def _book(pilot: Pilot[int], app: ThresholdApp) -> None:
    await ready(pilot)
    app.push_screen(BrowserScreen(resolve_file(CYMRAEG).document))
    await settle(pilot)
    assert isinstance(app.screen, BrowserScreen)


async def _contents(pilot: Pilot[int], app: ThresholdApp) -> None:
    await _book(pilot, app)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, ContentsModal)


async def _exercise(pilot: Pilot[int], app: ThresholdApp) -> None:
    await open_exercise(pilot, app)


async def _comparison(pilot: Pilot[int], app: ThresholdApp) -> None:
    await to_comparison(pilot, app)


async def _follow_up(pilot: Pilot[int], app: ThresholdApp) -> None:
    await ready(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    assert isinstance(app.screen, FollowUpScreen)


async def _response(pilot: Pilot[int], app: ThresholdApp) -> None:
    await _follow_up(pilot, app)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, ResponseModal)


async def _escalation(pilot: Pilot[int], app: ThresholdApp) -> None:
    await _follow_up(pilot, app)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, EscalationModal)


SCREENS: dict[str, tuple[Step, type[Any]]] = {
    "logic_book": (_book, BrowserScreen),
    "logic_book_contents": (_contents, ContentsModal),
    "exercise": (_exercise, ExerciseScreen),
    "comparison": (_comparison, ComparisonScreen),
    "follow_up": (_follow_up, FollowUpScreen),
    "response": (_response, ResponseModal),
    "escalation": (_escalation, EscalationModal),
}
AFTER_THE_DECISION = {"follow_up", "response", "escalation"}


@pytest.fixture
def welsh_app(request: pytest.FixtureRequest, make_app: Callable[..., ThresholdApp],
              data_dir: Path) -> ThresholdApp:
    name = request.node.callspec.params["name"]
    if name in AFTER_THE_DECISION:
        # A report made ten days ago with nothing back: the dated steps and CHASE NOW.
        save(reported().model_copy(update={"language": "cy"}), data_dir / "sessions")
        return make_app(guidance=[FIXTURES], clock=lambda: CHASE_AT,
                        store=SessionStore(data_dir / "sessions"), language="cy")
    return make_app(export_dir=Path("/home/practitioner/threshold-guide/exports"), language="cy")


def _shown(name: str, app: ThresholdApp) -> Callable[[Pilot[int]], Any]:
    step, _screen = SCREENS[name]

    async def run_before(pilot: Pilot[int]) -> None:
        await step(pilot, app)
        steady_cursors(pilot.app)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_welsh_snapshot(name: str, snap_compare: SnapCompare, welsh_app: ThresholdApp) -> None:
    assert snap_compare(welsh_app, run_before=_shown(name, welsh_app), terminal_size=SIZE)


def screen_text(app: App[Any]) -> str:
    """What the terminal shows, as text: the screen and any screen under a dialog."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


def _whole(words: str, lines: list[str]) -> bool:
    return any(words in line for line in lines)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_nothing_is_cut_off_in_welsh(name: str, welsh_app: ThresholdApp) -> None:
    step, screen_type = SCREENS[name]

    async def scenario() -> None:
        async with welsh_app.run_test(size=SIZE) as pilot:
            await step(pilot, welsh_app)
            screen = welsh_app.screen
            assert isinstance(screen, screen_type)
            lines = screen_text(welsh_app).splitlines()
            assert len(lines) == SIZE[1]
            for button in screen.query(Button):
                label = str(button.label)
                assert label not in {"Save", "Cancel", "Save response"}, "not in Welsh"
                assert _whole(label, lines), f"button {label!r} is cut off on {name}"
            footer = lines[-1]
            shown = [active.binding for active in screen.active_bindings.values()
                     if active.binding.show]
            # The compact footer: "key words" pairs, one space apart. In Welsh they must
            # still fit, whether or not the footer already shows the Welsh words.
            welsh = " ".join(f"{welsh_app.get_key_display(binding)} {_(binding.description)}"
                             for binding in shown)
            assert len(welsh) <= SIZE[0], f"the Welsh keys do not fit on {name}: {welsh!r}"
            for binding in shown:
                # Shown translated once the app translates its keys, in English until then:
                # either way it must be shown whole.
                described = {binding.description, _(binding.description)}
                assert any(words in footer for words in described), (
                    f"key {binding.key} ({binding.description!r}) is cut off on {name}: "
                    f"{footer!r}")

    run(scenario)
