"""Back and forward, required notes, checklists, review and change: by keys, as a user."""

from __future__ import annotations

from collections.abc import Callable

from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.note_box import NoteBox

from .driver import SIZE, answer_current, run, settle, start_walk


def question_id(app: ThresholdApp) -> str:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), type(screen)
    assert screen.state.question is not None
    return screen.state.question.id


def test_back_forward_notes_and_checklists(make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            await pilot.press("2")  # No: not in immediate danger
            await settle(pilot)
            assert question_id(app) == "how-concern-arose"

            # A required note: choosing moves to the note box; going on without a note is
            # refused with a message saying why.
            await pilot.press("2")
            await settle(pilot)
            assert isinstance(app.focused, type(app.screen.query_one("#note")))
            await pilot.press("ctrl+n")
            await settle(pilot)
            problem = str(app.screen.query_one("#problem").render())
            assert "needs a note" in problem and problem.startswith("⚠")
            await pilot.press(*"bruise on cheek")
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert question_id(app) == "indicators"

            # A checklist: number keys tick and untick; Ctrl+N goes on.
            await pilot.press("1", "2", "2")
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.state.walk.current_selection == ["physical"]
            labels = [str(o.prompt) for o in screen.query_one("#answers").options]  # type: ignore[attr-defined]
            assert "[x]" in labels[0] and "[ ]" in labels[1]

            # Back keeps the note; forward comes back to the ticks.
            await pilot.press("ctrl+b")
            await settle(pilot)
            assert question_id(app) == "how-concern-arose"
            assert app.screen.query_one(NoteBox).note == "bruise on cheek"
            await pilot.press("ctrl+f")
            await settle(pilot)
            assert question_id(app) == "indicators"
            assert app.screen.state.walk.current_selection == ["physical"]  # type: ignore[attr-defined]

            # Everything so far is on disk already.
            saved = app.store.load(app.screen.state.session.session_id)  # type: ignore[union-attr, attr-defined]
            assert saved.answers["how-concern-arose"].note == "bruise on cheek"
            assert saved.answers["indicators"].answer == ["physical"]

    run(scenario)


def test_review_change_rederives_the_route_and_keeps_later_answers(
    make_app: Callable[..., ThresholdApp],
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            for selection in ("no-danger", "i-observed", ["neglect"]):
                await answer_current(pilot, selection)
            assert question_id(app) == "reasonable-cause"

            await pilot.press("f4")
            await settle(pilot)
            review = app.screen
            assert isinstance(review, ReviewScreen)
            assert review.query_one("#review-list").option_count == 3  # type: ignore[attr-defined]
            await pilot.press("home", "enter")  # change the first answer
            await settle(pilot)
            assert question_id(app) == "immediate-danger"

            await pilot.press("1")  # yes, in danger: the route now ends at once
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            assert summary.state.outcome is not None
            assert summary.state.outcome.id == "call-police-now"

            await pilot.press("f4")
            await settle(pilot)
            await pilot.press("home", "enter")
            await settle(pilot)
            await pilot.press("2")  # back to "no": the later answers come back
            await settle(pilot)
            assert question_id(app) == "how-concern-arose"
            await pilot.press("ctrl+e")
            await settle(pilot)
            assert question_id(app) == "reasonable-cause"
            state = app.screen.state  # type: ignore[attr-defined]
            assert state.session.answers["indicators"].answer == ["neglect"]
            assert state.session.answers["how-concern-arose"].note == "x"

    run(scenario)


def test_the_mouse_works_too(make_app: Callable[..., ThresholdApp]) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            await pilot.click("#answers", offset=(8, 1))  # the second answer: "No"
            await settle(pilot)
            assert question_id(app) == "how-concern-arose"
            await pilot.click("FooterKey", offset=(2, 0))  # the footer's first key: Next
            await settle(pilot)
            assert "Choose an answer first" in str(app.screen.query_one("#problem").render())

    run(scenario)
