"""The child's voice, the summary, export and the professional-judgement override."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from textual.widgets import TextArea

from threshold_guide.summary.markdown import render_markdown
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.export import ExportModal
from threshold_guide.tui.screens.override import OverrideModal
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.screens.voice import VoiceScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView

from .conftest import frozen_clock
from .driver import SIZE, run, settle, start_walk, walk

TO_REPORT = {
    "immediate-danger": "no-danger", "how-concern-arose": "i-observed",
    "indicators": ["physical"], "reasonable-cause": "yes-cause",
    "care-support-needs": "has-needs", "dsp": "dsp-agrees",
    "parents-informed": "safe-to-tell", "concern-about-staff": "not-about-practitioner",
}


def test_voice_then_summary_override_and_export(
    make_app: Callable[..., ThresholdApp], data_dir: Path
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-77")
            await walk(pilot, TO_REPORT)

            # Child's voice before the summary; typing is saved.
            voice = app.screen
            assert isinstance(voice, VoiceScreen)
            assert isinstance(app.focused, TextArea)
            await pilot.press(*"he hit me")
            await pilot.press("ctrl+n")
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            assert summary.state.session.child_voice == {"own-words": "he hit me"}
            text = summary.query_one(MarkdownView).text
            assert "he hit me" in text and "CR-77" in text
            reached = summary.state.outcome
            assert reached is not None

            # Override to a lower level: a reason is required, and the flag is loud.
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert isinstance(app.screen, OverrideModal)
            await pilot.press("end", "enter")  # the lowest outcome
            await settle(pilot)
            assert "LOWER" in str(app.screen.query_one("#lower-warning").render())
            await pilot.press("ctrl+s")  # no reason yet
            await settle(pilot)
            assert isinstance(app.screen, OverrideModal)
            assert "reason is required" in str(app.screen.query_one("#override-problem").render())
            await pilot.press(*"family known, DSP advised")
            await pilot.press("ctrl+s")
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            flag = str(summary.query_one("#override-line").render())
            assert flag.startswith("⚠ OVERRIDE TO A LOWER LEVEL")
            text = summary.query_one(MarkdownView).text
            assert "OVERRIDE TO A LOWER LEVEL" in text and "family known, DSP advised" in text
            assert summary.state.session.override is not None

            # Export: both files, private, paths on screen, same text as the core renders.
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ExportModal)
            await pilot.press("enter")
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            stem = summary.state.session.session_id
            md = data_dir / "exports" / f"{stem}-summary.md"
            js = data_dir / "exports" / f"{stem}-summary.json"
            shown = str(summary.query_one("#export-line").render())
            assert str(md) in shown.replace("\n", "") or md.name in shown
            assert md.read_text(encoding="utf-8") == render_markdown(
                summary.state.summary(frozen_clock()))
            assert '"outcome"' in js.read_text(encoding="utf-8")
            assert stat.S_IMODE(md.stat().st_mode) == 0o600

    run(scenario)


def test_emergency_outcome_goes_straight_to_the_summary(
    make_app: Callable[..., ThresholdApp],
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            await pilot.press("1")
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            assert "EMERGENCY" in str(summary.query_one("#outcome-line").render())
            await pilot.press("f6")  # the child's voice is still there for later
            await settle(pilot)
            assert isinstance(app.screen, VoiceScreen)

    run(scenario)
