"""After the decision in the app: "chase now" when nothing has come back in 7 working days,
and an escalation recorded in the app that survives save, resume, upgrade and every export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from tests.deadlines.helpers import CHASE_AT, DEADLINES, FIXTURES, reported, save
from threshold_guide.explain import explain, render_explanation_markdown
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.explanation import Audience
from threshold_guide.models.session import Session
from threshold_guide.render.pages import explanation_html, summary_html
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.summary.build import build_summary
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.escalation import EscalationModal
from threshold_guide.tui.screens.follow_up import FollowUpScreen
from threshold_guide.tui.screens.response import ResponseModal
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.chase_banner import ChaseBanner

from .driver import SIZE, press, ready, run, settle

DISAGREE = "The bruise is still unexplained"
CONTACTED = "Team manager, duty team"
SAID = "Will review with the new information"


def _app(make_app: Callable[..., ThresholdApp], data_dir: Path) -> ThresholdApp:
    return make_app(guidance=[FIXTURES], clock=lambda: CHASE_AT,
                    store=SessionStore(data_dir / "sessions"))


async def _resume_first(pilot: Pilot[int], app: ThresholdApp) -> None:
    await ready(pilot)
    assert isinstance(app.screen, StartScreen)
    await pilot.press("ctrl+r")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_no_response_in_seven_working_days_shows_chase_now(
    make_app: Callable[..., ThresholdApp], data_dir: Path
) -> None:
    save(reported(), data_dir / "sessions")
    app = _app(make_app, data_dir)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            row = [str(c) for c in app.screen.query_one("#sessions", DataTable).get_row_at(0)]
            assert "⚠ CHASE NOW" in row[1]
            await _resume_first(pilot, app)
            assert isinstance(app.screen, SummaryScreen)
            banner = app.screen.query_one("#chase-line", ChaseBanner)
            assert banner.display and "CHASE NOW" in str(banner.render())
            await pilot.press("f8")
            await settle(pilot)
            assert isinstance(app.screen, FollowUpScreen)
            assert app.screen.query_one("#follow-chase", ChaseBanner).display

    run(scenario)


def test_escalation_recorded_in_the_app_round_trips(
    make_app: Callable[..., ThresholdApp], data_dir: Path, tmp_path: Path
) -> None:
    save(reported(), data_dir / "sessions")
    app = _app(make_app, data_dir)

    async def record() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await _resume_first(pilot, app)
            await pilot.press("f8")
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, ResponseModal)
            await press(pilot, "down", "down", "down", "enter")
            await settle(pilot)
            assert isinstance(app.focused, TextArea)
            await press(pilot, *"Not met")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, FollowUpScreen)
            assert app.screen.query_one("#follow-chase", ChaseBanner).display is False
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, EscalationModal)
            await press(pilot, *DISAGREE)
            await pilot.press("tab")
            assert isinstance(app.focused, Input)
            await press(pilot, *CONTACTED)
            await pilot.press("tab")
            await press(pilot, *SAID)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, FollowUpScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert "Professional differences" in render_markdown(
                app.screen.state.summary(CHASE_AT))
            await pilot.press("f10")
            await settle(pilot)

    run(record)
    stored = SessionStore(data_dir / "sessions").listing()[0]
    session: Session = stored.session  # type: ignore[union-attr]
    record_ = session.follow_through
    assert record_ is not None and record_.escalation is not None
    assert record_.responses[0].outcome.value == "no-further-action"
    assert record_.responses[0].reason == "Not met"
    escalation = record_.escalation
    assert escalation.disagreement == DISAGREE
    assert [(s.level.value, s.contacted, s.said) for s in escalation.steps] == [
        ("line-manager", CONTACTED, SAID)]

    # Resume: the app opens it with the escalation as saved.
    second = _app(make_app, data_dir)

    async def resume() -> None:
        async with second.run_test(size=SIZE) as pilot:
            await _resume_first(pilot, second)
            assert isinstance(second.screen, SummaryScreen)
            assert second.screen.state.session.follow_through == record_

    run(resume)

    # Upgrade to a new version of the document: the record moves with the session.
    data = yaml.safe_load(DEADLINES.read_text(encoding="utf-8"))
    data["version"] = "1.1.0"
    data["changelog"].append({"version": "1.1.0", "date": "2025-06-01",
                              "changes": ["Reworded help."]})
    newer = tmp_path / "1.1.0.yaml"
    newer.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    old, new = resolve_file(DEADLINES), resolve_file(newer)
    moved = upgrade_session(session, old.document, new.document, new.sha256, CHASE_AT).session
    assert moved.follow_through == record_
    assert Session.model_validate_json(render_json(moved)).follow_through == record_

    # Every export says it: summary Markdown, JSON and HTML; explanations Markdown, JSON, HTML.
    summary = build_summary(new.document, new.sha256, moved, CHASE_AT)
    outputs = [render_markdown(summary), render_json(summary), summary_html(summary)]
    for audience in (Audience.SCHOOL, Audience.HEALTH, Audience.SOCIAL_SERVICES):
        explanation = explain(new.document, new.sha256, moved, audience, CHASE_AT)
        outputs += [render_explanation_markdown(explanation), render_json(explanation),
                    explanation_html(explanation)]
    for text in outputs:
        for expected in (DISAGREE, CONTACTED, SAID, "Not met"):
            assert expected in text, (expected, text[:200])
