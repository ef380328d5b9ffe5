"""F7 -> The family, when the walk recorded that telling the family could put the child at
risk: no letter without a reason, and the reason is stamped on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from tests.explain.sessions import build_session
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.audience import AudienceModal
from threshold_guide.tui.screens.explanation import ExplanationScreen
from threshold_guide.tui.screens.family_share import FamilyShareModal
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView

from .driver import SIZE, press, run, settle
from .test_resume import resume_first


def save_risky_session(data_dir: Path) -> None:
    session = build_session("report-today")
    given = session.answers["parents-informed"].model_copy(update={"answer": "risky-to-tell"})
    session = session.model_copy(update={"answers": {**session.answers,
                                                     "parents-informed": given}})
    SessionStore(data_dir / "sessions").save(session)


async def choose_family(pilot: object, app: ThresholdApp) -> None:
    await resume_first(pilot, app)  # type: ignore[arg-type]
    assert isinstance(app.screen, SummaryScreen)
    await pilot.press("f7")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, AudienceModal)
    await press(pilot, "down", "down", "down", "down", "enter")  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]


def test_the_family_letter_needs_a_reason_which_is_stamped_on_it(
    make_app: Callable[..., ThresholdApp], data_dir: Path
) -> None:
    save_risky_session(data_dir)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await choose_family(pilot, app)
            modal = app.screen
            assert isinstance(modal, FamilyShareModal)
            assert "Yes, telling them could put the child" in str(
                modal.query_one(".dialog-note", Static).render())
            await pilot.press("enter")  # no reason: refused
            await settle(pilot)
            assert app.screen is modal
            assert "Give the reason" in str(modal.query_one("#share-problem").render())
            await press(pilot, *"Agreed at strategy discussion", "enter")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ExplanationScreen)
            text = " ".join(screen.query_one(MarkdownView).text.split())
            assert ("Shared after a safety check, for this reason: Agreed at strategy "
                    "discussion") in text
            assert screen.explanation is not None
            assert screen.explanation.confirmed_unsafe_share == "Agreed at strategy discussion"

    run(scenario)


def test_cancelling_produces_no_family_letter(
    make_app: Callable[..., ThresholdApp], data_dir: Path
) -> None:
    save_risky_session(data_dir)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await choose_family(pilot, app)
            assert isinstance(app.screen, FamilyShareModal)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert any("No family letter" in n.message for n in app._notifications)

    run(scenario)
