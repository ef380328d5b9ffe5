"""The household view at 80x24: nothing may be cut off (pytest-textual-snapshot)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.household import AgencyView, ChildCase, ChildVoice, Household, View
from threshold_guide.models.session import GivenAnswer, GuidanceRef
from threshold_guide.storage.household_file import write_household
from threshold_guide.tui.app import ThresholdApp

from .conftest import NOW
from .test_household import CHILDREN, SHARED
from .test_snapshots import RESUME, steps

SnapCompare = Callable[..., bool]


def given(answers: dict[str, Any]) -> dict[str, GivenAnswer]:
    return {q: GivenAnswer(answer=a, note="Seen by the school nurse"
                           if q == "harm-and-impact" else None)
            for q, a in answers.items()}


def saved_household(data_dir: Path, catalog: Catalog) -> None:
    # Pinned to 1.0.0, the version the snapshot was drawn from: later versions (1.1.0
    # adds only Welsh) must not redraw it.
    entry = next(e for e in catalog.versions("wales-registration") if e.version == "1.0.0")
    earlier = NOW - dt.timedelta(hours=1)
    household = Household(
        household_id="hh-20261102-083000-0123abcd", reference="CONF-2026-0031",
        chair="Independent conference chair", reason="Bruising to Child A",
        s47_conclusion="Risk of significant harm to Child A",
        guidance=GuidanceRef(id="wales-registration", version=entry.version,
                             sha256=entry.sha256),
        shared=given(SHARED),
        children=[
            ChildCase(child="Child A", answers=given(CHILDREN["Child A"]),
                      voice=ChildVoice(said="Dad grabbed me", seen_alone=True),
                      views=[AgencyView(agency="school", view=View.REGISTER,
                                        reason="Bruises and his account")]),
            ChildCase(child="Child B", answers=given(CHILDREN["Child B"]),
                      voice=ChildVoice(said="I am hungry some mornings", seen_alone=True)),
            ChildCase(child="Child C"),
        ],
        created_at=earlier, updated_at=earlier,
    )
    write_household(data_dir / "households" / f"{household.household_id}.json", household)


def test_household_view(snap_compare: SnapCompare, make_app: Callable[..., ThresholdApp],
                        data_dir: Path, shipped_catalog: Catalog) -> None:
    saved_household(data_dir, shipped_catalog)
    app = make_app(export_dir=Path("/home/practitioner/threshold-guide/exports"))
    assert snap_compare(app, run_before=steps(*RESUME))


def test_household_view_in_welsh(snap_compare: SnapCompare,
                                 make_app: Callable[..., ThresholdApp], data_dir: Path,
                                 shipped_catalog: Catalog) -> None:
    saved_household(data_dir, shipped_catalog)
    # Built in Welsh, as the app starts with --lang cy: its keys are translated on start.
    app = make_app(export_dir=Path("/home/practitioner/threshold-guide/exports"),
                   language="cy")
    assert snap_compare(app, run_before=steps(*RESUME))


def test_child_page_in_welsh(snap_compare: SnapCompare, make_app: Callable[..., ThresholdApp],
                             data_dir: Path, shipped_catalog: Catalog) -> None:
    saved_household(data_dir, shipped_catalog)
    # Built in Welsh, as the app starts with --lang cy: its keys are translated on start.
    app = make_app(export_dir=Path("/home/practitioner/threshold-guide/exports"),
                   language="cy")
    assert snap_compare(app, run_before=steps(*RESUME, "f6"))
