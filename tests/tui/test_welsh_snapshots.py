"""Each core screen in Welsh at 80x24 (pytest-textual-snapshot), on a document with Welsh
beside every English text.

Update after an intended change with ``python -m pytest tests/tui/test_welsh_snapshots.py
--snapshot-update`` and look at the pictures before committing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from threshold_guide.i18n.catalogue import set_interface_language
from threshold_guide.loading.catalog import Catalog
from threshold_guide.tui.app import ThresholdApp

from .driver import ready, settle
from .test_snapshots import steady_cursors
from .test_welsh import WELSH_SCREENS, save_welsh_session
from .test_welsh import welsh_catalog as welsh_catalog  # a fixture

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _stable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The summary names the tool version; pictures should not change with each release.
    monkeypatch.setattr("threshold_guide.summary.build.__version__", "0.0.0")
    yield
    set_interface_language("en")


@pytest.mark.parametrize("name", list(WELSH_SCREENS))
def test_welsh_screen(name: str, snap_compare: SnapCompare,
                      make_app: Callable[..., ThresholdApp], welsh_catalog: Catalog,
                      data_dir: Path) -> None:
    answers, steps = WELSH_SCREENS[name]
    if answers is not None:
        save_welsh_session(data_dir, welsh_catalog, answers)
    app = make_app(catalog=welsh_catalog, language="cy",
                   export_dir=Path("/home/practitioner/threshold-guide/exports"))

    async def run_before(pilot: Pilot[int]) -> Any:
        await ready(pilot)
        for step in steps:
            await step(pilot)
        await settle(pilot)
        steady_cursors(pilot.app)
        await settle(pilot)

    assert snap_compare(app, run_before=run_before)
