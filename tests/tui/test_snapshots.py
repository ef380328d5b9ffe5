"""What each screen looks like at 80x24 (pytest-textual-snapshot).

Update after an intended change with ``python -m pytest tests/tui/test_snapshots.py
--snapshot-update`` and look at the report before committing the new SVGs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent, TextArea

from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp

from ..conftest import MINIMAL
from .conftest import NOW
from .driver import SIZE, answer_current, press, ready, run, settle, start_walk

SnapCompare = Callable[..., bool]
TO_REPORT = {
    "immediate-danger": "no-danger", "how-concern-arose": "i-observed",
    "indicators": ["physical"], "reasonable-cause": "yes-cause",
    "care-support-needs": "has-needs", "dsp": "dsp-agrees",
    "parents-informed": "safe-to-tell", "concern-about-staff": "not-about-practitioner",
}


@pytest.fixture(autouse=True)
def _stable_version(monkeypatch: pytest.MonkeyPatch) -> None:
    # The summary names the tool version; pictures should not change with each release.
    monkeypatch.setattr("threshold_guide.summary.build.__version__", "0.0.0")


@pytest.fixture
def app(make_app: Callable[..., ThresholdApp]) -> ThresholdApp:
    return make_app(export_dir=Path("/home/practitioner/threshold-guide/exports"))


def saved_session(data_dir: Path, catalog: Catalog, version: str = "1.1.0",
                  answers: dict[str, Any] | None = None, **extra: Any) -> None:
    """A session from an hour ago, as if saved by an earlier run (resuming it is much
    quicker than answering every question again by keys)."""
    entry = next(e for e in catalog.versions("wales-duty-to-report") if e.version == version)
    earlier = NOW - dt.timedelta(hours=1)
    session = new_session(entry.document, entry.sha256, now=earlier, reference="CR-2026-0412",
                          role="Designated safeguarding person", agency="School")
    given = {q: a if isinstance(a, GivenAnswer) else GivenAnswer(answer=a)
             for q, a in (answers or {"immediate-danger": "no-danger"}).items()}
    session = with_answers(session, given, earlier).model_copy(update=extra)
    store = SessionStore(data_dir / "sessions")
    store.keep_document(entry.document, entry.sha256)
    store.save(session)


def finished(data_dir: Path, catalog: Catalog) -> None:
    saved_session(data_dir, catalog, answers={
        **TO_REPORT,
        "how-concern-arose": GivenAnswer(answer="i-observed", evidence="observed",
                                         note="Bruise on the left cheek, seen at 09:10"),
    }, child_voice={"own-words": "I don't want to go home"})


def at_indicators(data_dir: Path, catalog: Catalog) -> None:
    saved_session(data_dir, catalog, answers={
        "immediate-danger": "no-danger",
        "how-concern-arose": GivenAnswer(answer="i-observed", evidence="observed",
                                         note="Bruise on the left cheek, seen at 09:10"),
    })


RESUME = ("ctrl+r", "enter")


def steady_cursors(app: App[Any]) -> None:
    """Stop every text cursor blinking, so a picture does not depend on the moment it is
    taken. The cursor stays drawn where it is: the picture still shows where typing goes."""
    for screen in app.screen_stack:
        for box in screen.query("Input, TextArea"):
            if isinstance(box, Input | TextArea):
                box.cursor_blink = False


def steps(*actions: Any) -> Callable[[Pilot[int]], Any]:
    async def run_before(pilot: Pilot[int]) -> None:
        await ready(pilot)
        for action in actions:
            if isinstance(action, str):
                await pilot.press(action)
            else:
                await action(pilot)
            await settle(pilot)
        steady_cursors(pilot.app)
        await settle(pilot)

    return run_before


def begin(pilot: Pilot[int]) -> Any:
    return start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-2026-0412")


def test_start(snap_compare: SnapCompare, app: ThresholdApp, data_dir: Path,
               shipped_catalog: Catalog) -> None:
    saved_session(data_dir, shipped_catalog, "1.1.0")
    assert snap_compare(app, run_before=steps())


def test_pictures_are_taken_with_steady_cursors(app: ThresholdApp, data_dir: Path,
                                                shipped_catalog: Catalog) -> None:
    # test_start was flaky: the Case ref. box has focus, and its cursor blinks.
    saved_session(data_dir, shipped_catalog, "1.1.0")
    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await steps()(pilot)
            box = app.focused
            assert isinstance(box, Input) and box.id == "reference"
            assert not box.cursor_blink and box._cursor_visible

    run(scenario)


def test_start_resume_list(snap_compare: SnapCompare, app: ThresholdApp, data_dir: Path,
                           shipped_catalog: Catalog) -> None:
    saved_session(data_dir, shipped_catalog, "1.1.0")
    assert snap_compare(app, run_before=steps("ctrl+r"))


def test_first_run_note(snap_compare: SnapCompare, make_app: Callable[..., ThresholdApp]
                        ) -> None:
    assert snap_compare(make_app(intro_seen=False), run_before=steps())


def test_start_problems(snap_compare: SnapCompare, make_app: Callable[..., ThresholdApp],
                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "guidance").mkdir()
    (tmp_path / "guidance" / "minimal.yaml").write_text(MINIMAL.read_text(encoding="utf-8"))
    (tmp_path / "guidance" / "broken.yaml").write_text("id: broken\nversion: 1.0\n")
    app = make_app(guidance=[Path("guidance")])

    def problems_tab(pilot: Pilot[int]) -> Any:
        pilot.app.screen.query_one(TabbedContent).active = "problems"
        return settle(pilot)

    assert snap_compare(app, run_before=steps(problems_tab))


def test_question(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps(begin))


def test_question_with_note(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    async def chosen(pilot: Pilot[int]) -> None:
        await begin(pilot)
        await answer_current(pilot, "no-danger")
        await pilot.press("2")
        # Choosing moves focus to the note; under load that can take more than a frame.
        for _ in range(100):
            if isinstance(pilot.app.focused, TextArea):
                break
            await pilot.pause(0.02)
        assert isinstance(pilot.app.focused, TextArea)
        await press(pilot, *"Bruise on the left cheek")

    assert snap_compare(app, run_before=steps(chosen))


@pytest.fixture
def indicators(app: ThresholdApp, data_dir: Path, shipped_catalog: Catalog) -> ThresholdApp:
    at_indicators(data_dir, shipped_catalog)
    return app


@pytest.fixture
def done(app: ThresholdApp, data_dir: Path, shipped_catalog: Catalog) -> ThresholdApp:
    finished(data_dir, shipped_catalog)
    return app


async def reason(pilot: Pilot[int]) -> None:
    await press(pilot, *"Known to the family support team")


def test_question_checklist(snap_compare: SnapCompare, indicators: ThresholdApp) -> None:
    assert snap_compare(indicators, run_before=steps(*RESUME, "1", "5"))


def test_why_asked(snap_compare: SnapCompare, indicators: ThresholdApp) -> None:
    assert snap_compare(indicators, run_before=steps(*RESUME, "f3"))


def test_definitions(snap_compare: SnapCompare, indicators: ThresholdApp) -> None:
    assert snap_compare(indicators, run_before=steps(*RESUME, "f2"))


def test_review(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(*RESUME, "f4"))


def test_voice(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(*RESUME, "f6"))


def test_summary(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(*RESUME))


def test_override(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(*RESUME, "ctrl+o", "end", "enter", reason))


def test_summary_with_lower_override(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(
        *RESUME, "ctrl+o", "end", "enter", reason, "ctrl+s", "escape"))


def test_export(snap_compare: SnapCompare, done: ThresholdApp) -> None:
    assert snap_compare(done, run_before=steps(*RESUME, "ctrl+s"))


def test_resume_changed_guidance(snap_compare: SnapCompare, app: ThresholdApp,
                                 data_dir: Path, shipped_catalog: Catalog) -> None:
    saved_session(data_dir, shipped_catalog, "1.0.0")
    assert snap_compare(app, run_before=steps(*RESUME))


def test_logic_book(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps("f5"))


def test_logic_book_contents(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps("f5", "t"))


def test_help(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps("f1"))


def test_question_light_theme(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    assert snap_compare(app, run_before=steps("ctrl+t", begin))


def test_question_no_color(snap_compare: SnapCompare, make_app: Callable[..., ThresholdApp],
                           monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                           shipped_catalog: Catalog) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    at_indicators(data_dir, shipped_catalog)
    assert snap_compare(make_app(), run_before=steps(*RESUME, "1"))


def test_exercise_comparison(snap_compare: SnapCompare, app: ThresholdApp) -> None:
    from .test_exercise import to_comparison

    async def compared(pilot: Pilot[int]) -> None:
        await to_comparison(pilot, app)

    assert snap_compare(app, run_before=steps(compared))
