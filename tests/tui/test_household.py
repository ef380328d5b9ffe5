"""The household view: a conference walked in the app, child by child, to the papers."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from threshold_guide.household.papers_markdown import render_papers_markdown
from threshold_guide.models.document import Scope
from threshold_guide.storage.household_file import household_ids
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.child_details import ChildDetailsScreen
from threshold_guide.tui.screens.child_ref import ChildRefModal
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.household import HouseholdScreen
from threshold_guide.tui.screens.household_question import HouseholdQuestionScreen
from threshold_guide.tui.screens.papers import PapersScreen
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.widgets.tick_list import TickList

from .conftest import NOW
from .driver import SIZE, answer_current, press, ready, run, settle, start_walk, walk

SHARED = {
    "immediate-danger": "no-danger", "conference-type": "initial",
    "parenting-capacity": "serious-concerns",
    "family-environment": ["domestic-abuse", "substance-misuse"], "protective-factors": "some",
}
CHILDREN = {
    "Child A": {"harm-and-impact": "significant-impact", "weighing": "risk-outweighs",
                "continuing-risk": "yes", "categories": ["physical", "emotional"]},
    "Child B": {"harm-and-impact": "limited-impact", "weighing": "balanced",
                "continuing-risk": "no", "care-support-needed": "yes"},
    "Child C": {"harm-and-impact": "limited-impact", "weighing": "risk-outweighs",
                "continuing-risk": "yes", "categories": ["emotional", "neglect"]},
}


def markdown_of(screen: PapersScreen) -> str:
    assert screen.papers is not None
    return render_papers_markdown(screen.papers)


def household_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "households").glob("hh-*.json"))


async def wait_for(pilot: Pilot[int], kind: type) -> None:
    for _ in range(3000):  # a generous bound for a loaded machine, not a timing test
        if isinstance(pilot.app.screen, kind):
            await settle(pilot)
            return
        await pilot.pause(0.01)
    raise AssertionError(f"{kind.__name__} did not open (on {type(pilot.app.screen).__name__})")


async def walk_household(pilot: Pilot[int]) -> None:
    """Answer the household questions; the screen closes once a child's question is next
    (the driver's ``walk`` would answer that one before the screen has gone)."""
    for _ in range(3000):
        screen = pilot.app.screen
        if not isinstance(screen, HouseholdQuestionScreen):
            return
        question = screen.state.question
        if question is None or question.scope is not Scope.HOUSEHOLD:
            await pilot.pause(0.01)
            continue
        await answer_current(pilot, SHARED[question.id])
    raise AssertionError("the household questions did not end")


async def add_child(pilot: Pilot[int]) -> None:
    await press(pilot, "f2")
    await wait_for(pilot, ChildRefModal)
    await press(pilot, "enter")  # the next free reference is offered: Child B, Child C
    await wait_for(pilot, HouseholdScreen)


async def walk_child(pilot: Pilot[int], row: int) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, HouseholdScreen)
    table = screen.query_one("#children", DataTable)
    table.focus()
    table.move_cursor(row=row)
    await settle(pilot)
    await press(pilot, "enter")
    await settle(pilot)
    await walk(pilot, {**SHARED, **CHILDREN[f"Child {'ABC'[row]}"]})
    await wait_for(pilot, ChildDetailsScreen)


async def record(pilot: Pilot[int], *, said: str, views: list[tuple[str, str, str]],
                 plan: bool, chair: str = "") -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ChildDetailsScreen)
    screen.query_one("#v-said", Input).focus()
    await press(pilot, *said)  # typed, as a chair would
    screen.query_one("#v-seen_how", Input).value = "At school, by the social worker"
    screen.query_one("#v-seen_alone", Select).value = "yes"
    screen.query_one("#v-wishes", Input).value = "To stay at home without the shouting"
    for agency, view, reason in views:
        screen.query_one("#a-agency", Input).value = agency
        screen.query_one("#a-view", Select).value = view
        if view == "register":
            screen.query_one("#a-categories", TickList).set_ticked(["emotional"])
        screen.query_one("#a-reason", Input).value = reason
        await settle(pilot)
        await press(pilot, "f2")
        await settle(pilot)
    if chair:
        screen.query_one("#c-chair_reason", Input).value = chair
    if plan:
        screen.query_one("#p-what_must_change", Input).value = "Feels safe at bedtime"
        screen.query_one("#p-safety_plan", Input).value = "Father does not stay overnight"
        screen.query_one("#p-contingency_plan", Input).value = "Strategy discussion if he does"
        screen.query_one("#p-core_group", Input).value = "social worker, school, health visitor"
    await settle(pilot)
    await press(pilot, "escape")
    await wait_for(pilot, HouseholdScreen)


def test_three_children_from_invitation_to_decision_record(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    app = make_app()

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-registration", reference="CONF-7")
            await wait_for(pilot, HouseholdScreen)
            screen = pilot.app.screen
            assert isinstance(screen, HouseholdScreen)
            screen.query_one("#hh-reason", Input).value = "Bruising to Child A"
            screen.query_one("#hh-s47_conclusion", Input).value = "Risk of significant harm"
            await add_child(pilot)
            await add_child(pilot)
            assert [c.child for c in screen.household.children] == [
                "Child A", "Child B", "Child C"]
            await press(pilot, "f4")
            await settle(pilot)
            await walk_household(pilot)
            await wait_for(pilot, HouseholdScreen)

            await walk_child(pilot, 0)
            await record(pilot, said="Dad grabbed me", plan=True, views=[
                ("school", "register", "Bruises and his account"),
                ("police", "register", "Two call-outs")])
            await walk_child(pilot, 1)
            await record(pilot, said="I am hungry some mornings", plan=False, views=[
                ("school", "do-not-register", "Attends and is fed at club"),
                ("health", "register", "Hungry most mornings")],
                chair="Needs are met by a care and support plan")
            await walk_child(pilot, 2)
            # Child C's voice is not recorded yet: the household view says so.
            await press(pilot, "escape")
            await wait_for(pilot, HouseholdScreen)
            table = screen.query_one("#children", DataTable)
            assert "⚠ no voice" in str(table.get_row("Child C")[2])
            assert "Child C: no voice recorded" in str(
                screen.query_one("#flags", Static).render())
            assert "⚠ no voice" not in str(table.get_row("Child A")[2])
            table.move_cursor(row=2)
            await press(pilot, "f6")
            await wait_for(pilot, ChildDetailsScreen)
            await record(pilot, said="Babbles and reaches for her mother", plan=True, views=[
                ("health visitor", "register", "Left alone while mother slept")])

            decisions = [row.decision for row in screen.rows]
            assert decisions[0].startswith("Register") and "physical" in decisions[0]
            assert "care and support" in decisions[1].lower()
            assert decisions[2].startswith("Register") and "neglect" in decisions[2]

            await press(pilot, "f7")
            await wait_for(pilot, PapersScreen)
            papers = pilot.app.screen
            assert isinstance(papers, PapersScreen)
            assert "Bruising to Child A" in markdown_of(papers)
            await press(pilot, "3")
            await settle(pilot)
            record_md = markdown_of(papers)
            for words in ("Dad grabbed me", "I am hungry some mornings",
                          "Babbles and reaches", "Needs are met by a care and support plan",
                          "Hungry most mornings", "Two call-outs"):
                assert words in record_md
            await press(pilot, "ctrl+s")
            await settle(pilot)
            await press(pilot, "enter")
            await settle(pilot)
            assert "Exported" in str(papers.query_one("#export-line", Static).render())

    run(scenario)
    exports = sorted(p.name for p in (data_dir / "exports").iterdir())
    assert any(n.endswith("-decision-record.md") for n in exports)
    assert any(n.endswith("-decision-record.html") for n in exports)
    [path] = household_files(data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["reference"] == "CONF-7"
    assert set(saved["shared"]) == set(SHARED)
    children = {c["child"]: c for c in saved["children"]}
    assert children["Child A"]["voice"]["said"] == "Dad grabbed me"
    assert [v["agency"] for v in children["Child B"]["views"]] == ["school", "health"]
    assert "conference-type" not in children["Child A"]["answers"]  # shared, not copied


def test_household_resumes_from_the_start_screen(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    async def first() -> None:
        async with make_app().run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-registration", reference="CONF-8")
            await wait_for(pilot, HouseholdScreen)
            await add_child(pilot)
            await press(pilot, "f4")
            await settle(pilot)
            await answer_current(pilot, "no-danger")
            await press(pilot, "f10")  # leaves the walk for the household view
            await wait_for(pilot, HouseholdScreen)
            await press(pilot, "f10")
            await wait_for(pilot, StartScreen)

    async def second() -> None:
        async with make_app().run_test(size=SIZE) as pilot:
            await ready(pilot)
            await press(pilot, "ctrl+r")
            await settle(pilot)
            await press(pilot, "enter")
            await wait_for(pilot, HouseholdScreen)
            screen = pilot.app.screen
            assert isinstance(screen, HouseholdScreen)
            assert screen.household.reference == "CONF-8"
            assert [c.child for c in screen.household.children] == ["Child A", "Child B"]
            assert "immediate-danger" in screen.household.shared

    run(first)
    run(second)


def test_ids_are_made_from_the_time_and_two_cases_in_one_second_do_not_share_a_file(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    async def start() -> None:
        async with make_app().run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-registration", reference="CONF-9")
            await wait_for(pilot, HouseholdScreen)
            await press(pilot, "f10")
            await wait_for(pilot, StartScreen)

    run(start)
    run(start)  # the same reference in the same (frozen) second
    names = [p.stem for p in household_files(data_dir)]
    assert sorted(names) == sorted(list(household_ids("CONF-9", NOW))[:2])
    assert names[0] != names[1]


def test_age_conference_time_and_family_language_are_edited_in_the_app(
        make_app: Callable[..., ThresholdApp], data_dir: Path) -> None:
    async def scenario() -> None:
        async with make_app().run_test(size=SIZE) as pilot:
            await start_walk(pilot, "wales-registration", reference="CONF-10")
            await wait_for(pilot, HouseholdScreen)
            screen = pilot.app.screen
            assert isinstance(screen, HouseholdScreen)
            screen.query_one("#hh-held_at", Input).value = "2026-11-16 10:00"
            screen.query_one("#hh-family_language", Select).value = "cy"
            await settle(pilot)
            await press(pilot, "f6")
            await wait_for(pilot, ChildDetailsScreen)
            details = pilot.app.screen
            assert isinstance(details, ChildDetailsScreen)
            details.query_one("#c-age", Input).focus()
            await press(pilot, "7")
            await settle(pilot)
            details.query_one("#v-withhold", Select).value = "withhold"
            await settle(pilot)
            await press(pilot, "escape")
            await wait_for(pilot, HouseholdScreen)
            await press(pilot, "f7")
            await wait_for(pilot, PapersScreen)
            # The family invitation waits for the chair to confirm: Child A's words are
            # marked not to be shared with the family.
            await press(pilot, "2")
            await wait_for(pilot, ConfirmModal)
            await press(pilot, "escape")
            await wait_for(pilot, PapersScreen)
            papers = pilot.app.screen
            assert isinstance(papers, PapersScreen) and papers.choice == 0
            await press(pilot, "2")
            await wait_for(pilot, ConfirmModal)
            await press(pilot, "y")
            await wait_for(pilot, PapersScreen)
            assert papers.choice == 1
            family = markdown_of(papers)
            assert papers.papers is not None and papers.papers.language == "cy"
            assert "Child A" in family
            assert "Mon 16 Nov 2026, 10:00" not in family  # in Welsh: Llun 16 Tach 2026

    run(scenario)
    [path] = household_files(data_dir)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["held_at"] == "2026-11-16T10:00:00Z"
    assert saved["family_language"] == "cy"
    assert saved["children"][0]["age"] == 7
    assert saved["children"][0]["voice"]["withhold_from_family"] is True
