"""Exercise mode, explaining a decision from the summary, and the summary's HTML export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from threshold_guide.models.explanation import Audience
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.audience import AudienceModal
from threshold_guide.tui.screens.comparison import ComparisonScreen
from threshold_guide.tui.screens.exercise import ExerciseScreen
from threshold_guide.tui.screens.explanation import ExplanationScreen
from threshold_guide.tui.screens.export import ExportModal
from threshold_guide.tui.screens.info import InfoModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.cursor_list import CursorList
from threshold_guide.tui.widgets.markdown_view import MarkdownView

from .driver import SIZE, press, ready, run, settle, start_walk, to_summary, walk

SCENARIO = "leaving-the-ward"
TO_REPORT = {
    "immediate-danger": "no-danger", "how-concern-arose": "i-observed",
    "indicators": ["physical"], "reasonable-cause": "yes-cause",
    "care-support-needs": "has-needs", "dsp": "dsp-agrees",
    "parents-informed": "safe-to-tell", "concern-about-staff": "not-about-practitioner",
}


async def open_exercise(pilot: object, app: ThresholdApp) -> ExerciseScreen:
    await ready(pilot)  # type: ignore[arg-type]
    start = app.screen
    start.query_one("#role", Input).value = "Duty social worker"
    start.query_one("#agency", Input).value = "social services"
    await pilot.press("f7")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ExerciseScreen)
    return screen


async def to_comparison(pilot: object, app: ThresholdApp) -> ComparisonScreen:
    """Pick the scenario, read the case, walk its model answers to the feedback screen."""
    screen = await open_exercise(pilot, app)
    index = [s.id for s, _ in screen.choices].index(SCENARIO)
    scenario = screen.choices[index][0]
    screen.query_one("#scenarios", CursorList).highlighted = index
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, InfoModal)  # the vignette comes first
    await pilot.press("escape")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    question = app.screen
    assert isinstance(question, QuestionScreen)
    await pilot.press("f7")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, InfoModal)
    # The case is told in the interface language (the shipped scenarios have Welsh too).
    assert any(child in app.screen._markdown for child in ("Child P", "Plentyn P"))
    await pilot.press("escape")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await walk(pilot, {q: g.answer for q, g in scenario.model_answers.items()})  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]
    comparison = app.screen
    assert isinstance(comparison, ComparisonScreen), type(comparison)
    return comparison


def test_exercise_walk_to_comparison(make_app: Callable[..., ThresholdApp],
                                     data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            comparison = await to_comparison(pilot, app)
            text = comparison.query_one(MarkdownView).text
            assert "Model answer: Yes, or I think so" in text
            assert "Immediate protection comes before any weighing" in text
            assert "Same as the model answer" in text
            await pilot.press("f10")
            await settle(pilot)

    run(scenario)
    saved = [json.loads(p.read_text()) for p in (data_dir / "sessions").glob("*.json")]
    assert [s["scenario"] for s in saved] == [SCENARIO]
    assert saved[0]["role"] == "Duty social worker"
    assert saved[0]["agency"] == "social services"


def test_explain_from_summary(make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-9")
            await walk(pilot, TO_REPORT)
            await to_summary(pilot)
            await pilot.press("f7")
            await settle(pilot)
            assert isinstance(app.screen, AudienceModal)
            await press(pilot, "down", "enter")  # health
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ExplanationScreen)
            assert screen.audience is Audience.HEALTH
            assert "CR-9" in screen.query_one(MarkdownView).text
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ExportModal)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is screen
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)

    run(scenario)
    written = sorted(p.name for p in (data_dir / "exports").iterdir())
    assert [n.rsplit("-", 1)[-1] for n in written] == ["health.html", "health.md"]
    for path in (data_dir / "exports").iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
        assert "<script" not in path.read_text(encoding="utf-8").lower()


def test_summary_export_writes_html(make_app: Callable[..., ThresholdApp],
                                    data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-10")
            await walk(pilot, TO_REPORT)
            summary = await to_summary(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert ".html" in str(summary.query_one("#export-line").render())

    run(scenario)
    html = list((data_dir / "exports").glob("*-summary.html"))
    assert len(html) == 1
    text = html[0].read_text(encoding="utf-8")
    assert "CR-10" in text and "<script" not in text.lower()
    assert html[0].stat().st_mode & 0o777 == 0o600
