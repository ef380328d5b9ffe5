"""What a judgement question and a departure look like at 80x24 (pytest-textual-snapshot).

Update after an intended change with ``python -m pytest tests/tui/test_judgement_snapshots.py
--snapshot-update`` and look at the report before committing the new SVGs.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.conftest import FIXTURES
from threshold_guide.tui.app import ThresholdApp

from .driver import answer_current, press, ready, settle, start_walk

SnapCompare = Callable[..., bool]
REASON = "The account came from a sibling, not the child; I am speaking to the DSP today."


@pytest.fixture(autouse=True)
def _stable_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("threshold_guide.summary.build.__version__", "0.0.0")


@pytest.fixture
def app(make_app: Callable[..., ThresholdApp], tmp_path: Path) -> ThresholdApp:
    folder = tmp_path / "guidance"
    folder.mkdir()
    shutil.copy(FIXTURES / "rules.yaml", folder / "rules.yaml")
    return make_app(guidance=[folder],
                    export_dir=Path("/home/practitioner/threshold-guide/exports"))


def steps(*actions: Any) -> Callable[[Pilot[int]], Any]:
    async def run_before(pilot: Pilot[int]) -> None:
        await ready(pilot)
        for action in actions:
            await action(pilot)
            await settle(pilot)
        # A blinking cursor would make the picture depend on the moment it is taken.
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await settle(pilot)

    return run_before


async def to_judge(pilot: Pilot[int]) -> None:
    await start_walk(pilot, "test-rules", reference="CR-2026-0412")
    for answer in ("no", "yes", ["late"], "no"):
        await answer_current(pilot, answer)


async def depart(pilot: Pilot[int]) -> None:
    await press(pilot, "2")
    await settle(pilot)
    for _ in range(100):  # the dialog's reason box takes the focus once it is up
        if isinstance(pilot.app.focused, TextArea):
            break
        await pilot.pause(0.02)
    await press(pilot, *REASON)


async def save_reason(pilot: Pilot[int]) -> None:
    await press(pilot, "ctrl+s")


async def review(pilot: Pilot[int]) -> None:
    await press(pilot, "f4")


def test_judgement_question(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps(to_judge))


def test_departure_reason(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps(to_judge, depart))


def test_review_with_a_departure(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps(to_judge, depart, save_reason, review))
