"""Drive the app as a user would: keys only, one question at a time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from threshold_guide.models.document import QuestionType
from threshold_guide.models.session import Selection
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.departure import DepartureModal
from threshold_guide.tui.screens.loading import LoadingScreen
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.screens.voice import VoiceScreen
from threshold_guide.tui.widgets.answers import AnswerList

T = TypeVar("T")
SIZE = (80, 24)
PATIENCE = 30.0
"""Seconds to wait for the app before failing: generous, for a loaded CI machine."""


def run(scenario: Callable[[], Awaitable[T]]) -> T:
    """Run an async scenario from a plain test (no asyncio plugin needed)."""
    return asyncio.run(scenario())  # type: ignore[arg-type]


async def settle(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await pilot.pause()


async def press(pilot: Pilot[int], *keys: str) -> None:
    """Press keys, waiting only for the screen to process them.

    ``Pilot.press`` also waits for the whole process to look idle after every key, which
    is safe but makes a few hundred keys take a minute. The app's handlers are
    synchronous, so processing the screen's queue is enough; screen changes are awaited by
    the callers (see :func:`settle`).
    """
    app = pilot.app
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]
        await pilot._wait_for_screen()
        await asyncio.sleep(0)


async def ready(pilot: Pilot[int]) -> None:
    """Wait for the guidance to load and the start screen (or first-run note) to show."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        app = pilot.app
        if isinstance(app, ThresholdApp) and app.flow is not None and not isinstance(
            app.screen, LoadingScreen
        ):
            await settle(pilot)
            return
        await pilot.pause(0.02)
    raise AssertionError("the guidance did not load")


async def start_walk(pilot: Pilot[int], document_id: str, version: str | None = None,
                     reference: str = "CR-1") -> None:
    """On the start screen: pick the document (and version), type the reference, Ctrl+N."""
    await ready(pilot)
    app = pilot.app
    assert isinstance(app, ThresholdApp)
    screen = app.screen
    assert isinstance(screen, StartScreen)
    documents = screen.query_one("#document", Select)
    if documents.value != document_id:
        documents.value = document_id
        await settle(pilot)
    if version is not None:
        entry = next(e for e in app.catalog.versions(document_id) if e.version == version)
        versions = screen.query_one("#version", Select)
        # The document's Changed event refills the versions list (choosing the current one)
        # after it is handled: set the version until the screen has it.
        for _ in range(5):
            chosen = screen.selected_entry()
            if chosen is not None and chosen.version == version:
                break
            versions.value = str(entry.path)
            await settle(pilot)
        chosen = screen.selected_entry()
        assert chosen is not None and chosen.version == version, "the version was not chosen"
    box = screen.query_one("#reference", Input)
    box.value = ""
    box.focus()
    await press(pilot, *reference, "ctrl+n")
    await settle(pilot)


async def answer_current(pilot: Pilot[int], selection: Selection, note: str = "x") -> None:
    """Answer the question on screen with ``selection`` using number keys."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    question = screen.state.question
    assert question is not None
    if not isinstance(pilot.app.focused, AnswerList):
        await settle(pilot)  # focus is still on its way back from the last note
    before = screen.state.index
    suggestion = screen.state.suggestion
    departs = suggestion is not None and selection != suggestion.target
    ids = [a.id for a in question.answers]
    chosen = [selection] if isinstance(selection, str) else selection
    for answer_id in chosen:
        number = ids.index(answer_id) + 1
        assert number <= 9, "the driver only uses number keys"
        if question.type is QuestionType.MULTIPLE and answer_id in _ticked(screen):
            continue
        await press(pilot, str(number))
        if question.type is QuestionType.MULTIPLE:
            # The tick reaches the screen as a message from the list; a Ctrl+N binding runs
            # at once. Wait for the tick, as a person would see it, before going on.
            await _until(pilot, lambda wanted=answer_id: wanted in _ticked(screen),
                         f"{answer_id} was not ticked")
    if departs:
        await give_reason(pilot)
    if question.note is not None and question.type is QuestionType.SINGLE:
        await settle(pilot)  # choosing moves the focus to the note box
    needs_next = question.type is QuestionType.MULTIPLE or question.note is not None
    if question.note is not None and question.note.required:
        for _ in range(4):  # a checklist keeps focus on its items: Tab to the note
            if isinstance(pilot.app.focused, TextArea):
                break
            await pilot.press("tab")
        await press(pilot, *note)
    if needs_next:
        await press(pilot, "ctrl+n")
    # Messages bubble from the list to the screen to the app: wait for the walk to move.
    deadline = time.monotonic() + PATIENCE
    while pilot.app.screen is screen and screen.state.index == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"the walk did not move on from {question.id}")
        await pilot._wait_for_screen()
        await asyncio.sleep(0.002)
    if pilot.app.screen is not screen or screen.state.question is None:
        await settle(pilot)  # a new screen is coming: let it mount


async def give_reason(pilot: Pilot[int], reason: str = "My reason") -> None:
    """In the departure dialog that choosing a departing answer opens: a reason, Ctrl+S."""
    deadline = time.monotonic() + PATIENCE
    while not isinstance(pilot.app.screen, DepartureModal):
        if time.monotonic() > deadline:
            raise AssertionError("the departure dialog did not open")
        await pilot.pause(0.01)
    modal = pilot.app.screen
    await settle(pilot)  # the reason box takes the focus once the dialog is up
    await press(pilot, *reason, "ctrl+s")
    while pilot.app.screen is modal:
        if time.monotonic() > deadline:
            raise AssertionError("the departure dialog did not close")
        await pilot.pause(0.01)


async def _until(pilot: Pilot[int], done: Callable[[], bool], failure: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(failure)
        await pilot._wait_for_screen()
        await asyncio.sleep(0.002)


def _ticked(screen: QuestionScreen) -> list[str]:
    current = screen.state.walk.current_selection
    if current is None:
        return []
    return [current] if isinstance(current, str) else list(current)


async def walk(pilot: Pilot[int], answers: Mapping[str, Selection], limit: int = 60) -> None:
    """Answer questions from ``answers`` until the walk leaves the question screen."""
    for _ in range(limit):
        screen = pilot.app.screen
        if not isinstance(screen, QuestionScreen):
            return
        question = screen.state.question
        if question is None:  # the outcome is reached; the app is switching screens
            await settle(pilot)
            continue
        await answer_current(pilot, answers[question.id])
    raise AssertionError("the walk did not end")


async def to_summary(pilot: Pilot[int]) -> SummaryScreen:
    if isinstance(pilot.app.screen, VoiceScreen):
        await pilot.press("ctrl+n")
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen), type(screen)
    return screen
