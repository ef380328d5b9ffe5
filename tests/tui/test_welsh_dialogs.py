"""The remaining screens in Welsh at 80x24: the loading screen, the changed-guidance choice
on resume, the dated-step and "when" dialogs, the family-share check, the household's
question, papers, add-a-child and family-invitation screens, and on the shipped Welsh
wales-duty-to-report 2.1.0 a question's note box, its definitions and the child's voice.

Snapshots (pytest-textual-snapshot) of each, and a check that nothing is cut off: every
key in the footer and every button label shown whole, and the 999 line. Update with
``--snapshot-update`` and look at the pictures before committing them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, Label

from tests.deadlines.helpers import CHASE_AT, FIXTURES, reported, save
from threshold_guide.i18n.catalogue import set_interface_language
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.household_file import read_household, write_household
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.tui.app import ThresholdApp
from threshold_guide.tui.screens.child_details import ChildDetailsScreen
from threshold_guide.tui.screens.child_ref import ChildRefModal
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.family_share import FamilyShareModal
from threshold_guide.tui.screens.household import HouseholdScreen
from threshold_guide.tui.screens.household_question import HouseholdQuestionScreen
from threshold_guide.tui.screens.info import InfoModal
from threshold_guide.tui.screens.loading import LoadingScreen
from threshold_guide.tui.screens.papers import PapersScreen
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.response import ResponseModal
from threshold_guide.tui.screens.resume import ResumeModal
from threshold_guide.tui.screens.step_done import StepDoneModal
from threshold_guide.tui.screens.voice import VoiceScreen

from ..conftest import CYMRAEG
from .conftest import NOW
from .driver import SIZE, run, settle
from .test_household_snapshots import saved_household
from .test_snapshots import saved_session, steady_cursors
from .test_welsh import TO_JUDGE, cut_off, screen_text

SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[int]], Any]
EXPORTS = Path("/home/practitioner/threshold-guide/exports")
TO_REPORT = {"danger": "no", "told": "yes", "signs": [], "judge": "yes"}
"""The child told (marked, in 2.1.0, as not to be shared with the family yet): report."""
AT_HOW = {"immediate-danger": "no-danger", "who-is-asking": "education-dsp",
          "urgency": "not-urgent"}
"""On the shipped wales-duty-to-report 2.1.0: up to how the concern arose, a question with
definitions whose answer takes a note."""
DONE = {**AT_HOW, "how-concern-arose": "i-observed", "indicators": ["physical"],
        "situation": "none-of-these", "possible-crime": "no-crime", "impact": "some-effect",
        "other-children": "no-others", "chronology": "nothing-earlier",
        "reasonable-cause": "yes-cause", "care-support-needs": "has-needs",
        "parents-informed": "safe-to-tell", "concern-about-staff": "not-about-practitioner"}
"""The same walk finished: a report."""


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_interface_language("en")


@pytest.fixture(autouse=True)
def _stable_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("threshold_guide.summary.build.__version__", "0.0.0")


def _newer_welsh_document(folder: Path) -> None:
    """The Welsh fixture, and a 2.1.0 that rewords one question and marks the child's
    telling as not to be shared with the family yet."""
    shutil.copy(CYMRAEG, folder / "cymraeg.yaml")
    data = yaml.safe_load(CYMRAEG.read_text(encoding="utf-8"))
    data["version"] = "2.1.0"
    data["effective_from"] = dt.date(2025, 6, 1)
    data["changelog"].append({"version": "2.1.0", "date": dt.date(2025, 6, 1), "changes": [
        {"en": "Asks whether the child told anyone.",
         "cy": "Yn gofyn a ddywedodd y plentyn wrth unrhyw un."}]})
    told = next(q for q in data["questions"] if q["id"] == "told")
    told["prompt"] = {"en": "Did the child tell you or anyone else about harm?",
                      "cy": "A ddywedodd y plentyn wrthych chi neu rywun arall am niwed?"}
    told["answers"][0]["withhold_from_family"] = True
    (folder / "cymraeg-2.1.0.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder = tmp_path_factory.mktemp("welsh-versions")
    _newer_welsh_document(folder)
    return Catalog.load([folder])


def _save_session(data_dir: Path, catalog: Catalog, version: str,
                  answers: dict[str, Any]) -> None:
    entry = next(e for e in catalog.versions("test-cymraeg") if e.version == version)
    earlier = NOW - dt.timedelta(hours=1)
    session = new_session(entry.document, entry.sha256, now=earlier, reference="CR-2026-0412",
                          role="Person diogelu dynodedig", agency="Ysgol")
    given = {q: GivenAnswer(answer=a) for q, a in answers.items()}
    session = with_answers(session, given, earlier).model_copy(update={"language": "cy"})
    store = SessionStore(data_dir / "sessions")
    store.keep_document(entry.document, entry.sha256)
    store.save(session)


def _welsh_household(data_dir: Path, catalog: Catalog, *, finished: bool = True) -> None:
    """The household of the household snapshots, on the Welsh wales-registration 1.1.0,
    with Child A's words marked not to be shared with the family; unless ``finished``,
    the last household question is not answered yet."""
    saved_household(data_dir, catalog)
    (path,) = (data_dir / "households").glob("hh-*.json")
    household = read_household(path)
    entry = next(e for e in catalog.versions("wales-registration") if e.version == "1.1.0")
    first = household.children[0]
    household = household.model_copy(update={
        "guidance": household.guidance.model_copy(update={"version": entry.version,  # type: ignore[union-attr]
                                                          "sha256": entry.sha256}),
        "language": "cy",
        "shared": household.shared if finished else {
            q: a for q, a in household.shared.items() if q != "protective-factors"},
        "children": [first.model_copy(update={"voice": first.voice.model_copy(
            update={"withhold_from_family": True})}), *household.children[1:]],
    })
    write_household(path, household)


def _keys(*names: str) -> Step:
    async def go(pilot: Pilot[int]) -> None:
        for name in names:
            await pilot.press(name)
            await settle(pilot)
    return go


async def _bad_time(pilot: Pilot[int]) -> None:
    """In the response dialog: something that is not a time, then Save."""
    screen = pilot.app.screen
    assert isinstance(screen, ResponseModal)
    box = screen.query_one("#response-at", Input)
    box.value = "dydd Llun"
    screen.action_save()
    box.focus()  # scrolled into view, with the problem under it
    await settle(pilot)


RESUME = ("ctrl+r", "enter")
AFTER = ("ctrl+r", "enter", "f8")
SCREENS: dict[str, tuple[str, list[Step], type[Screen[Any]]]] = {
    # name: (what is saved first, the keys, the screen that must be on top)
    "loading": ("nothing", [], LoadingScreen),
    "changed guidance": ("older session", [_keys(*RESUME)], ResumeModal),
    "step done": ("reported", [_keys(*AFTER, "d")], StepDoneModal),
    "when": ("reported", [_keys(*AFTER, "r"), _bad_time], ResponseModal),
    "family share": ("risky session", [_keys(*RESUME, "f7", "5")], FamilyShareModal),
    "household question": ("unfinished household", [_keys(*RESUME, "f4")], HouseholdQuestionScreen),
    "household papers": ("household", [_keys(*RESUME, "f7")], PapersScreen),
    "add a child": ("household", [_keys(*RESUME, "f2")], ChildRefModal),
    "family invitation": ("household", [_keys(*RESUME, "f7", "2")], ConfirmModal),
    "note box": ("at a note", [_keys(*RESUME, "3", "tab")], QuestionScreen),
    "definitions": ("at a note", [_keys(*RESUME, "f2")], InfoModal),
    "child's voice": ("walk done", [_keys(*RESUME, "f6")], VoiceScreen),
}
SNAPSHOT_ELSEWHERE: dict[str, tuple[str, list[Step], type[Screen[Any]]]] = {
    # Pictured in test_household_snapshots.py; checked here for anything cut off.
    "household view": ("household", [_keys(*RESUME)], HouseholdScreen),
    "child page": ("household", [_keys(*RESUME, "f6")], ChildDetailsScreen),
}
EVERY = {**SCREENS, **SNAPSHOT_ELSEWHERE}


@pytest.fixture
def welsh_app(request: pytest.FixtureRequest, make_app: Callable[..., ThresholdApp],
              data_dir: Path, two_versions: Catalog, shipped_catalog: Catalog) -> ThresholdApp:
    saved = EVERY[request.node.callspec.params["name"]][0]
    if saved == "reported":
        # A report made ten days ago with nothing back: dated steps still open.
        save(reported().model_copy(update={"language": "cy"}), data_dir / "sessions")
        return make_app(guidance=[FIXTURES], clock=lambda: CHASE_AT,
                        store=SessionStore(data_dir / "sessions"), language="cy")
    if saved in ("at a note", "walk done"):
        saved_session(data_dir, shipped_catalog, "2.1.0", AT_HOW if saved == "at a note" else
                      DONE, language="cy",
                      child_voice={"own-words": "Dw i ddim eisiau mynd adref"})
        return make_app(export_dir=EXPORTS, language="cy")
    if saved in ("household", "unfinished household"):
        _welsh_household(data_dir, shipped_catalog, finished=saved == "household")
        return make_app(export_dir=EXPORTS, language="cy")
    if saved == "older session":
        _save_session(data_dir, two_versions, "2.0.0", TO_JUDGE)
    elif saved == "risky session":
        _save_session(data_dir, two_versions, "2.1.0", TO_REPORT)
    app = make_app(catalog=two_versions, export_dir=EXPORTS, language="cy")
    if saved == "nothing":
        app._start_loading = lambda: None  # type: ignore[method-assign]  # the first frame only
    return app


async def _shown(pilot: Pilot[int], name: str) -> None:
    app = pilot.app
    if name == "loading":
        await settle(pilot)
    else:
        from .driver import ready

        await ready(pilot)
    for step in EVERY[name][1]:
        await step(pilot)
    # The deadlines fixture has no Welsh, which the app says in a toast: not the subject here.
    app.clear_notifications()
    await settle(pilot)
    assert isinstance(app.screen, EVERY[name][2]), app.screen


@pytest.mark.parametrize("name", list(SCREENS))
def test_welsh_snapshot(name: str, snap_compare: SnapCompare, welsh_app: ThresholdApp) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _shown(pilot, name)
        steady_cursors(pilot.app)
        await settle(pilot)

    assert snap_compare(welsh_app, run_before=run_before, terminal_size=SIZE)


def _words(text: str) -> str:
    return " ".join(text.split())


def _cut_off(screen: Screen[Any], whole: str) -> list[str]:
    """As :func:`tests.tui.test_welsh.cut_off`, for what is in view: a button or label
    scrolled below the fold of a long page is not cut off, one in view must show whole. A
    Label sized to one line loses the end of a text wider than its dialog; one given the
    height may wrap, so its words are read across the lines of its own region."""
    found = [problem for problem in cut_off(screen)
             if not problem.startswith("button ")]  # checked below, in view only
    shown = screen._compositor.visible_widgets
    rows = whole.split("\n")
    for widget in [*screen.query(Button), *screen.query(Label)]:
        text = str(widget.label if isinstance(widget, Button) else widget.render())
        seen = shown.get(widget)
        if seen is None or not text.strip():
            continue
        region, clip = seen
        # Scrolled off at the top or bottom: out of view. Clipped at the side: cut off.
        in_view = clip.y <= region.y and region.bottom <= clip.bottom
        wrapped = _words(" ".join(row[region.x:region.right]
                                  for row in rows[region.y:region.bottom]))
        if in_view and text not in whole and _words(text) not in wrapped:
            found.append(f"{type(widget).__name__} {widget.id}: {text!r}")
    return found


@pytest.mark.parametrize("name", list(EVERY))
def test_nothing_is_cut_off_in_welsh(name: str, welsh_app: ThresholdApp) -> None:
    problems: list[str] = []
    lines: list[str] = []

    async def scenario() -> None:
        async with welsh_app.run_test(size=SIZE) as pilot:
            await _shown(pilot, name)
            screen = welsh_app.screen
            lines.extend(screen_text(screen))
            problems.extend(_cut_off(screen, "\n".join(lines)))

    run(scenario)
    assert problems == [], '\n'.join(problems)
    assert len(lines) == SIZE[1]
