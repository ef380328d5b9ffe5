"""A full walk, by keys, to every outcome of every shipped document."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from threshold_guide.engine.paths import FullRoute, all_routes
from threshold_guide.loading.catalog import Catalog
from threshold_guide.session.walkthrough import progress
from threshold_guide.storage.session_store import StoredSession
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView

from .driver import SIZE, run, settle, start_walk, to_summary, walk

SHIPPED = [
    ("wales-duty-to-report", "1.0.0"),
    ("wales-duty-to-report", "1.1.0"),
    ("wales-significant-harm", "1.0.0"),
]


def one_route_per_outcome(catalog: Catalog, doc_id: str, version: str) -> list[FullRoute]:
    entry = next(e for e in catalog.versions(doc_id) if e.version == version)
    found: dict[str, FullRoute] = {}
    for route in all_routes(entry.document):
        # Prefer routes the number keys can drive (answers 1-9).
        if route.outcome not in found and all(
            ([s] if isinstance(s, str) else s) is not None for s in route.answers.values()
        ):
            found[route.outcome] = route
    assert {o.id for o in entry.document.outcomes} == set(found), "every outcome is reachable"
    return list(found.values())


@pytest.mark.parametrize(("doc_id", "version"), SHIPPED)
def test_walk_to_every_outcome(
    make_app: Callable[..., ThresholdApp], shipped_catalog: Catalog, doc_id: str, version: str
) -> None:
    routes = one_route_per_outcome(shipped_catalog, doc_id, version)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            for number, route in enumerate(routes):
                await start_walk(pilot, doc_id, version, reference=f"W-{number}")
                await walk(pilot, route.answers)
                summary = await to_summary(pilot)
                outcome = summary.state.document.outcome(route.outcome)
                assert summary.state.outcome is not None
                assert summary.state.outcome.id == route.outcome
                line = str(summary.query_one("#outcome-line").render())
                assert str(outcome.title) in line or outcome.emergency
                assert "Referral rationale summary" in summary.query_one(MarkdownView).text
                await pilot.press("f10")
                await settle(pilot)
                assert isinstance(pilot.app.screen, StartScreen)

    run(scenario)
    stored = [item for item in app.store.listing() if isinstance(item, StoredSession)]
    assert len(stored) == len(routes)
    reached = set()
    for item in stored:
        entry = next(e for e in shipped_catalog.versions(doc_id) if e.version == version)
        state = progress(entry.document, item.session)
        assert state.finished and state.outcome is not None
        reached.add(state.outcome.id)
    assert reached == {route.outcome for route in routes}


async def _noop(pilot: Pilot[int]) -> None:  # pragma: no cover - keeps Pilot import used
    await pilot.pause()
