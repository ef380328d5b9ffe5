"""Resume tells the whole truth: outcome changes on a move, overrides, answers set aside."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml
from textual.widgets import DataTable, Static

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Override, Session
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.override import OverrideModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.resume import ResumeModal
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.cursor_list import CursorList

from ..conftest import MINIMAL
from .driver import SIZE, ready, run, settle
from .test_resume import resume_first

AT = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
REPORT = {"danger": "no", "signs": ["hunger"], "pattern": "yes"}


def finished_session(guidance: Path, data_dir: Path, session_id: str = "s-1",
                     **answers: GivenAnswer) -> Session:
    entry = resolve_file(guidance / "minimal.yaml")
    session = new_session(entry.document, entry.sha256, now=AT, reference="CR-3",
                          session_id=session_id)
    given = {q: GivenAnswer(answer=a) for q, a in REPORT.items()} | answers
    session = with_answers(session, given, AT)
    store = SessionStore(data_dir / "sessions")
    store.keep_document(entry.document, entry.sha256)
    store.save(session)
    return session


def minimal_folder(tmp_path: Path) -> Path:
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    shutil.copy(MINIMAL, guidance / "minimal.yaml")
    return guidance


def notifications(app: ThresholdApp) -> list[str]:
    return [n.message for n in app._notifications]


def test_moving_a_finished_session_states_the_outcome_change(
    make_app: Callable[..., ThresholdApp], data_dir: Path, tmp_path: Path
) -> None:
    guidance = minimal_folder(tmp_path)
    finished_session(guidance, data_dir)
    # The same version edited in place: "part of a pattern" now leads to a not-met outcome.
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["questions"][2]["answers"][0]["outcome"] = "monitor"
    (guidance / "minimal.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    app = make_app(guidance=[guidance])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_first(pilot, app)
            modal = app.screen
            assert isinstance(modal, ResumeModal)
            note = str(modal.query_one(".dialog-note", Static).render())
            assert "no longer in the guidance folder" not in note
            assert "has changed" in note and "kept with your sessions" in note
            choices = modal.query_one(CursorList)
            rows = [" ".join(str(choices.get_option_at_index(i).prompt).replace(
                "\xa0", " ").split()) for i in range(choices.option_count)]
            assert "from “Report to social services today” (level 2) to “Record, monitor and " \
                   "seek advice” (level 1)" in rows[1]
            assert "LOWER" in rows[1]
            await pilot.press("down", "enter")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            toast = notifications(app)[-1]
            assert "All answers were kept." in toast and "The outcome changes from" in toast
            history = [e.event for e in app.screen.state.session.history]
            assert any("The outcome changes from “Report to social services today”" in e
                       for e in history), history

    run(scenario)


def test_an_answer_the_document_lacks_is_asked_again_not_a_crash(
    make_app: Callable[..., ThresholdApp], data_dir: Path, tmp_path: Path
) -> None:
    guidance = minimal_folder(tmp_path)
    finished_session(guidance, data_dir, pattern=GivenAnswer(answer="perhaps", note="twice"))
    app = make_app(guidance=[guidance])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_first(pilot, app)
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.state.question is not None and screen.state.question.id == "pattern"
            assert any("will be asked again (pattern)" in m for m in notifications(app))
            assert "perhaps" in screen.state.session.history[-1].event

    run(scenario)
    assert app.crash is None


def test_the_resume_list_and_review_show_the_override(
    make_app: Callable[..., ThresholdApp], data_dir: Path, tmp_path: Path
) -> None:
    guidance = minimal_folder(tmp_path)
    session = finished_session(guidance, data_dir)
    overridden = session.model_copy(update={"override": Override(
        outcome="monitor", reason="Known family; support in place.", at=AT)})
    SessionStore(data_dir / "sessions").save(overridden)
    app = make_app(guidance=[guidance])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            row = [str(c) for c in app.screen.query_one("#sessions", DataTable).get_row_at(0)]
            assert " ".join(row[1].split()) == (
                "⚠ override, LOWER: Record, monitor and seek advice"), row
            await resume_first(pilot, app)
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("f4")
            await settle(pilot)
            review = app.screen
            assert isinstance(review, ReviewScreen)
            end = str(review.query_one("#review-end", Static).render())
            assert end.startswith("Outcome acted on: Record, monitor and seek advice "
                                  "(professional-judgement override"), end

    run(scenario)


def test_the_override_screen_refuses_the_outcome_the_guidance_reached(
    make_app: Callable[..., ThresholdApp], data_dir: Path, tmp_path: Path
) -> None:
    guidance = minimal_folder(tmp_path)
    session = finished_session(guidance, data_dir)
    # Saved by an earlier version, which let an override repeat the guidance outcome.
    same = session.model_copy(update={"override": Override(
        outcome="report", reason="I agree.", at=AT)})
    SessionStore(data_dir / "sessions").save(same)
    app = make_app(guidance=[guidance])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_first(pilot, app)
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("ctrl+o")
            await settle(pilot)
            modal = app.screen
            assert isinstance(modal, OverrideModal)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is modal, "not saved"
            problem = str(modal.query_one("#override-problem", Static).render())
            assert "That is the outcome the guidance reached" in problem

    run(scenario)
