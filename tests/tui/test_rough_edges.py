"""Rough edges a user hit in the app: keys that did nothing, text that went missing, a footer
cut off at 80 columns, a case reference carried into the next case, addresses shown twice."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.document import EvidenceType
from threshold_guide.models.explanation import Audience
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.audience import AudienceModal
from threshold_guide.tui.screens.explanation import ExplanationScreen
from threshold_guide.tui.screens.override import OverrideModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.widgets.markdown_view import MarkdownView, markdown_text
from threshold_guide.tui.widgets.note_box import EvidenceList, NoteBox

from .driver import SIZE, answer_current, press, ready, run, settle, start_walk
from .test_snapshots import RESUME, finished


async def resume_summary(pilot: Pilot[int]) -> SummaryScreen:
    await ready(pilot)
    for key in RESUME:
        await pilot.press(key)
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen)
    return screen


def footer(pilot: Pilot[int]) -> list[FooterKey]:
    return list(pilot.app.screen.query(FooterKey))


def test_audience_numbers_are_keys(make_app: Callable[..., ThresholdApp], data_dir: Path,
                                   shipped_catalog: Catalog) -> None:
    finished(data_dir, shipped_catalog)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_summary(pilot)
            for number, audience in enumerate(Audience, start=1):
                await pilot.press("f7")
                await settle(pilot)
                assert isinstance(app.screen, AudienceModal)
                await pilot.press(str(number))
                await settle(pilot)
                screen = app.screen
                assert isinstance(screen, ExplanationScreen)
                assert screen.audience is audience
                await pilot.press("escape")
                await settle(pilot)

    run(scenario)


def test_override_reason_is_reachable_and_never_lost(
    make_app: Callable[..., ThresholdApp], data_dir: Path, shipped_catalog: Catalog
) -> None:
    finished(data_dir, shipped_catalog)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_summary(pilot)
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert isinstance(app.screen, OverrideModal)
            await pilot.press("tab")  # from the outcomes straight to the reason
            assert isinstance(app.focused, TextArea) and app.focused.id == "reason"
            await press(pilot, *"Known to the family support team")
            await pilot.press("shift+tab", "end", "enter")  # choose after typing
            await settle(pilot)
            await pilot.press("escape")  # closed without saving
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            assert summary.state.session.override is None
            assert any("not saved" in n.message for n in app._notifications)

            # Back on Ctrl+O: the choice and the words are there, and the cursor is in
            # the reason, ready to finish it.
            await pilot.press("ctrl+o")
            await settle(pilot)
            modal = app.screen
            assert isinstance(modal, OverrideModal)
            assert modal.selected == "record-monitor-seek-advice"
            area = modal.query_one("#reason", TextArea)
            assert area.text == "Known to the family support team"
            assert app.focused is area
            await pilot.press("ctrl+s")
            await settle(pilot)
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            override = summary.state.session.override
            assert override is not None
            assert override.reason == "Known to the family support team"
            assert summary.drafts == {}

    run(scenario)


def test_footers_fit_80_columns_and_show_the_walking_keys(
    make_app: Callable[..., ThresholdApp], data_dir: Path, shipped_catalog: Catalog
) -> None:
    finished(data_dir, shipped_catalog)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await resume_summary(pilot)
            keys = footer(pilot)
            assert {k.action for k in keys} >= {"export", "override", "explain", "review",
                                                 "follow_up", "back", "home", "help"}
            assert max(k.region.right for k in keys) <= SIZE[0]
            await pilot.press("ctrl+b")
            await settle(pilot)
            assert isinstance(app.screen, QuestionScreen)
            keys = footer(pilot)
            assert {k.action for k in keys} >= {"next", "back", "forward", "to_end",
                                                 "definitions", "why", "review", "home",
                                                 "help"}
            assert max(k.region.right for k in keys) <= SIZE[0]

    run(scenario)


def test_a_new_walk_starts_without_the_last_case_reference(
    make_app: Callable[..., ThresholdApp]
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0", reference="CR-1234")
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.state.session.reference == "CR-1234"
            await answer_current(pilot, "no-danger")
            await pilot.press("f10")
            await settle(pilot)
            start = app.screen
            assert isinstance(start, StartScreen)
            assert start.query_one("#reference", Input).value == ""
            await pilot.press("ctrl+n")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            assert screen.state.session.reference == ""

    run(scenario)


def test_addresses_are_shown_once(make_app: Callable[..., ThresholdApp], data_dir: Path,
                                  shipped_catalog: Catalog) -> None:
    assert markdown_text("See <https://example.org/a>.", 80).plain == (
        "See https://example.org/a.")
    # Link words keep their address beside them, as in the HTML export.
    assert "words (https://example.org/b)" in markdown_text("[words](https://example.org/b)",
                                                            80).plain
    finished(data_dir, shipped_catalog)
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=(200, 50)) as pilot:
            summary = await resume_summary(pilot)
            view = summary.query_one(MarkdownView)
            text = view.text
            addresses = re.findall(r"https://[^\s;)]+", text)
            assert addresses, "the summary cites sources with addresses"
            for address in set(addresses):
                assert f"{address} ({address})" not in text
            assert len(addresses) == len(re.findall(r"<https://", view._markdown))

    run(scenario)


def test_a_note_can_rest_on_several_kinds_of_evidence(
    make_app: Callable[..., ThresholdApp]
) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-duty-to-report", "1.1.0")
            await answer_current(pilot, "no-danger")
            await pilot.press("2")  # I saw or heard something: the note box opens
            await settle(pilot)
            assert isinstance(app.focused, TextArea)
            await press(pilot, *"Bruise; she said Dad did it")
            await pilot.press("tab")  # to the evidence types, after the note
            assert isinstance(app.focused, EvidenceList)
            await pilot.press("space", "down", "space")  # observed and disclosed
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            given = screen.state.given
            assert given is not None and given.note == "Bruise; she said Dad did it"
            assert given.evidence == [EvidenceType.OBSERVED, EvidenceType.DISCLOSED]
            await pilot.press("ctrl+b")  # leave and come back: both are still ticked
            await settle(pilot)
            await pilot.press("ctrl+f")
            await settle(pilot)
            box = screen.query_one(NoteBox)
            assert box.evidence == [EvidenceType.OBSERVED, EvidenceType.DISCLOSED]

    run(scenario)
