"""Judgement questions in the app: the suggestion, agreeing, and a departure with its reason.

Walks tests/fixtures/rules.yaml: danger -> told -> signs -> (decision point 'weigh') ->
pattern? -> judge, whose suggestion is 'yes' when the child told of harm.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.conftest import FIXTURES
from tests.plain.helpers import AT, plain
from tests.plain.helpers import NOW as PLAIN_NOW
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.session.creation import new_session
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.departure import QUESTION, DepartureModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView
from threshold_guide.tui.widgets.session_list import SessionList
from threshold_guide.tui.widgets.suggestion_box import SuggestionBox

from .driver import SIZE, answer_current, press, ready, run, settle, start_walk

DOC = "test-rules"
REASON = "The account was given by a sibling, not the child."


@pytest.fixture
def rules_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "guidance"
    folder.mkdir()
    shutil.copy(FIXTURES / "rules.yaml", folder / "rules.yaml")
    return folder


@pytest.fixture
def rules_app(make_app: Callable[..., ThresholdApp], rules_folder: Path) -> ThresholdApp:
    return make_app(guidance=[rules_folder])


def question_screen(app: ThresholdApp) -> QuestionScreen:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), type(screen)
    return screen


def question_id(app: ThresholdApp) -> str:
    question = question_screen(app).state.question
    assert question is not None
    return question.id


def text_of(app: ThresholdApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def to_judge(pilot: object, told: str = "yes") -> None:
    """From the start screen to the judgement question: no danger, told, a sign of neglect
    (the decision point sends the walk on to 'pattern'), not a pattern."""
    await start_walk(pilot, DOC)  # type: ignore[arg-type]
    for answer in ("no", told, ["late"], "no"):
        await answer_current(pilot, answer)  # type: ignore[arg-type]


def test_agreeing_follows_the_suggestion(rules_app: ThresholdApp) -> None:
    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await to_judge(pilot)
            assert question_id(rules_app) == "judge"
            box = text_of(rules_app, "#suggestion")
            assert "The answers so far point to: Yes." in box
            assert "Suggested because: the child described harm." in box
            assert "Do you agree?" in box
            labels = [str(o.prompt) for o in rules_app.screen.query_one("#answers").options]  # type: ignore[attr-defined]
            assert "Yes (suggested)" in labels[0] and "suggested" not in labels[1]
            # Four questions answered: the decision point passed on the way is not one.
            assert "Question 5 ·" in text_of(rules_app, "#crumb")

            await answer_current(pilot, "yes")
            summary = rules_app.screen
            assert isinstance(summary, SummaryScreen)
            assert summary.state.outcome is not None and summary.state.outcome.id == "report"
            text = " ".join(summary.query_one(MarkdownView).text.split())
            assert "What the signs point to: signs of neglect to weigh over time" in text
            assert "Suggested: Yes, because the child described harm. Chosen: Yes (agreed)" in text
            assert "A child's own account of harm" in text
            assert not summary.query_one("#departure-line").display

    run(scenario)


def test_a_departure_asks_for_the_reason_and_saves_it(rules_app: ThresholdApp) -> None:
    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await to_judge(pilot)
            await press(pilot, "2")  # No: departs from the suggested Yes
            await settle(pilot)
            modal = rules_app.screen
            assert isinstance(modal, DepartureModal)
            assert QUESTION in str(modal.query_one("Label").render())
            assert "LOWER level" in str(modal.query_one("#departure-lower").render())
            assert isinstance(rules_app.focused, TextArea)
            await press(pilot, *REASON)
            await press(pilot, "ctrl+s")
            await settle(pilot)

            summary = rules_app.screen
            assert isinstance(summary, SummaryScreen), type(summary)
            assert summary.state.outcome is not None and summary.state.outcome.id == "monitor"
            line = text_of(rules_app, "#departure-line")
            assert "DEPARTURE TO A LOWER LEVEL" in line and "Record, monitor" in line
            text = " ".join(summary.query_one(MarkdownView).text.split())
            assert "DEPARTURE TO A LOWER LEVEL" in text and REASON.rstrip(".") in text
            assert "NOT MET" in text  # the disclosure floor, broken by the recorded departure
            saved = rules_app.store.load(summary.state.session.session_id)  # type: ignore[union-attr]
            assert saved.answers["judge"].departure_reason == REASON

    run(scenario)


def test_a_departure_without_a_reason_is_refused(rules_app: ThresholdApp) -> None:
    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await to_judge(pilot)
            await press(pilot, "2")
            await settle(pilot)
            assert isinstance(rules_app.screen, DepartureModal)
            await press(pilot, "ctrl+s")  # nothing typed
            await settle(pilot)
            assert isinstance(rules_app.screen, DepartureModal)
            assert "reason is required" in text_of(rules_app, "#departure-problem")

            await press(pilot, "escape")  # back to the answers, still departing
            await settle(pilot)
            assert question_id(rules_app) == "judge"
            assert "departs from what the guidance suggests" in text_of(rules_app, "#problem")
            await press(pilot, "ctrl+n")  # refused: the reason is asked for again
            await settle(pilot)
            assert isinstance(rules_app.screen, DepartureModal)
            await press(pilot, "escape")
            await settle(pilot)
            screen = question_screen(rules_app)
            assert screen.state.question is not None and screen.state.question.id == "judge"
            assert screen.state.outcome is None

            # Agreeing instead needs no reason.
            await answer_current(pilot, "yes")
            assert isinstance(rules_app.screen, SummaryScreen)

    run(scenario)


def test_a_typed_reason_is_saved_and_shown_again(rules_app: ThresholdApp) -> None:
    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await to_judge(pilot)
            await press(pilot, "2")
            await settle(pilot)
            await press(pilot, *"Half a reason")
            await press(pilot, "escape")  # leaving the dialog keeps what was typed
            await settle(pilot)
            screen = question_screen(rules_app)
            saved = rules_app.store.load(screen.state.session.session_id)  # type: ignore[union-attr]
            assert saved.answers["judge"].departure_reason == "Half a reason"
            assert "Your reason: Half a reason" in text_of(rules_app, "#suggestion")

            await press(pilot, "f8")  # the reason again, as typed
            await settle(pilot)
            assert isinstance(rules_app.screen, DepartureModal)
            assert rules_app.screen.reason == "Half a reason"
            await press(pilot, *" and more")
            await pilot.press("ctrl+q")  # quitting with the dialog open saves it too
        saved = rules_app.store.load(screen.state.session.session_id)  # type: ignore[union-attr]
        assert saved.answers["judge"].departure_reason == "Half a reason and more"

    run(scenario)


def test_a_changed_earlier_answer_asks_the_judgement_again(rules_app: ThresholdApp) -> None:
    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await to_judge(pilot, told="no")
            assert "point to: No." in text_of(rules_app, "#suggestion")
            await answer_current(pilot, "no")  # agrees with the suggested No
            assert isinstance(rules_app.screen, SummaryScreen)

            # The child did tell: the suggestion becomes Yes, so No is now a departure
            # without a reason, and the walk stops at the judgement to ask again.
            await press(pilot, "f4")
            await settle(pilot)
            assert isinstance(rules_app.screen, ReviewScreen)
            await press(pilot, "home", "down", "enter")  # the second answer: 'told'
            await settle(pilot)
            assert question_id(rules_app) == "told"
            await answer_current(pilot, "yes")
            assert question_id(rules_app) == "signs"
            await press(pilot, "ctrl+e")  # as far as the answers reach
            await settle(pilot)
            assert question_id(rules_app) == "judge"
            box = rules_app.screen.query_one(SuggestionBox)
            text = str(box.render())
            assert "point to: Yes." in text and "Asked again" in text
            assert "changed earlier answer" in text

            await press(pilot, "f4")  # the review says where the walk waits, and why
            await settle(pilot)
            end = text_of(rules_app, "#review-end")
            assert end.startswith("Waiting at: Is there reasonable cause") and "reason" in end

    run(scenario)


def test_the_app_plain_mode_and_run_record_a_departure_identically(
    make_app: Callable[..., ThresholdApp], rules_folder: Path, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(guidance=[rules_folder], clock=lambda: PLAIN_NOW)

    async def scenario() -> str:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, DOC, reference="R-1")
            for answer in ("no", "yes", ["late"], "no"):
                await answer_current(pilot, answer)
            await press(pilot, "2")
            await settle(pilot)  # the reason dialog opens
            await press(pilot, *REASON, "ctrl+s")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            await press(pilot, "ctrl+s")  # export, to the folder offered
            await settle(pilot)
            await press(pilot, "enter")
            await settle(pilot)
            return screen.state.session.session_id

    session_id = run(scenario)
    app_session = (data_dir / "sessions" / f"{session_id}.json").read_bytes()
    exported = data_dir / "exports" / f"{session_id}-summary"

    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(tmp_path / "plain-data"))
    rules = str(rules_folder / "rules.yaml")
    code, _, err = plain(capsys, monkeypatch, ["2", "1", "3", "2", "2", REASON], rules,
                         "--reference", "R-1", "-o", str(tmp_path / "plain.md"))
    assert code == 0, err
    (plain_file,) = (tmp_path / "plain-data" / "sessions").glob("*.json")

    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "danger: 'no'\ntold: 'yes'\nsigns: [late]\npattern: 'no'\n"
        f"judge: {{answer: 'no', departure_reason: '{REASON}'}}\n", encoding="utf-8")
    for kind in ("md", "json"):
        assert main(["run", rules, "--answers", str(answers), "--at", AT, "--reference", "R-1",
                     "--format", kind, "-o", str(tmp_path / f"run.{kind}"),
                     "--save-session", str(tmp_path / "run-session.json")]) == 0

    # Session ids are unique to each walk by design; everything else is the same bytes.
    def without_id(raw: bytes) -> bytes:
        data = json.loads(raw)
        data["session_id"] = "-"
        return json.dumps(data, indent=2, ensure_ascii=False).encode()

    assert without_id(plain_file.read_bytes()) == without_id(app_session)
    assert without_id((tmp_path / "run-session.json").read_bytes()) == without_id(app_session)
    assert (tmp_path / "plain.md").read_bytes() == exported.with_suffix(".md").read_bytes()
    assert (tmp_path / "run.md").read_bytes() == exported.with_suffix(".md").read_bytes()
    assert (tmp_path / "run.json").read_bytes() == exported.with_suffix(".json").read_bytes()
    assert b'"departure_reason": "The account was given' in app_session


def test_the_resume_list_shows_a_departure(rules_app: ThresholdApp, rules_folder: Path,
                                           data_dir: Path) -> None:
    entry = resolve_file(rules_folder / "rules.yaml")
    state = Walkthrough(entry.document, entry.sha256,
                        new_session(entry.document, entry.sha256, now=PLAIN_NOW,
                                    reference="CR-9"))
    for answer in ("no", "yes", ["late"], "no"):
        state = state.answer(answer, PLAIN_NOW)
    state = state.choose("no", PLAIN_NOW).set_departure_reason(REASON, PLAIN_NOW)
    SessionStore(data_dir / "sessions").save(state.next(PLAIN_NOW).session)

    async def scenario() -> None:
        async with rules_app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            (row,) = rules_app.screen.query_one(SessionList).rows_shown
            assert row.progress.startswith("⚠ 1 departure · finished: Record, monitor")

    run(scenario)


def test_a_judgement_question_with_a_note_asks_the_reason_then_the_note(
    make_app: Callable[..., ThresholdApp], rules_folder: Path,
) -> None:
    path = rules_folder / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    note = "    note: {prompt: What did you weigh?, required: true}\n"
    path.write_text(text.replace("  - id: judge\n", "  - id: judge\n" + note),
                    encoding="utf-8")
    app = make_app(guidance=[rules_folder])

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, DOC)
            for answer in ("no", "yes", ["late"], "no"):
                await answer_current(pilot, answer)
            await answer_current(pilot, "no", note="Weighed the sibling's account")
            summary = app.screen
            assert isinstance(summary, SummaryScreen), type(summary)
            given = summary.state.session.answers["judge"]
            assert given.departure_reason == "My reason"
            assert given.note == "Weighed the sibling's account"

    run(scenario)
