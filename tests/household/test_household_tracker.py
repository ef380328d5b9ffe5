"""Household cases in the board's tracker: a record per child, ids and categories only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, GUIDANCE
from threshold_guide.cli.main import main
from threshold_guide.household.walk import Pinned
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.household import AgencyView, ChildPlan, ChildVoice, Household
from threshold_guide.models.session import GivenAnswer, GuidanceRef
from threshold_guide.storage.household_file import read_household
from threshold_guide.tracker.households import anonymise_household

Capture = pytest.CaptureFixture[str]
THREE = FIXTURES / "household-three.yaml"
REGISTRATION = GUIDANCE / "wales-registration" / "1.0.0.yaml"
AT = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC)


def test_export_gives_a_record_for_each_childs_decision(capsys: Capture,
                                                       tmp_path: Path) -> None:
    saved = tmp_path / "cases" / "hh-1.json"
    saved.parent.mkdir()
    assert main(["conference", "run", "wales-registration", "--household", str(THREE),
                 "--at", "2026-11-02T12:00:00Z", "--save", str(saved)]) == 0
    capsys.readouterr()
    assert main(["tracker", "export", str(saved.parent), "--at", "2026-11-29T12:00:00Z"]) == 0
    out = capsys.readouterr().out
    records = json.loads(out)["records"]
    assert sorted(r["chosen_outcome"] for r in records) == [
        "care-and-support-plan", "register", "register"]
    assert sorted(sorted(r["ticked"].get("categories", [])) for r in records) == [
        [], ["emotional", "neglect"], ["emotional", "physical"]]
    assert {r["decision"] for r in records} == {"registration"}
    assert {r["role"] for r in records} == {"conference-chair"}
    for words in ("CP-2026-0117", "hide under the bed", "Four fingertip", "Child A"):
        assert words not in out


TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=4, max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reference=TEXT, chair=TEXT, reason=TEXT, said=TEXT, note=TEXT, agency=TEXT,
       plan=TEXT)
def test_no_free_text_of_a_household_can_leave(reference: str, chair: str, reason: str,
                                               said: str, note: str, agency: str,
                                               plan: str) -> None:
    entry = resolve_file(REGISTRATION)
    marker = "zqxj"  # letters no generated word contains next to each other by chance
    base = read_household(THREE)
    children = []
    for case in base.children:
        answers = {q: g.model_copy(update={"note": marker + note}) if isinstance(g, GivenAnswer)
                   else g for q, g in case.answers.items()}
        children.append(case.model_copy(update={
            "answers": answers,
            "voice": ChildVoice(said=marker + said, seen_how=marker + said, seen_alone=True,
                                wishes=marker + said),
            "views": [AgencyView(agency=marker + agency, view=v.view, categories=v.categories,
                                 reason=marker + reason) for v in case.views],
            "chair_reason": marker + reason,
            "plan": ChildPlan(what_must_change=marker + plan, safety_plan=marker + plan,
                              contingency_plan=marker + plan, core_group=[marker + agency]),
        }))
    household = Household.model_validate({
        **base.model_dump(), "reference": marker + reference, "chair": marker + chair,
        "reason": marker + reason, "s47_conclusion": marker + reason,
        "attending": [marker + agency], "household_id": "hh-20261102-120000-0001",
        "guidance": GuidanceRef(id=entry.document.id, version=entry.document.version,
                                sha256=entry.sha256).model_dump(),
        "children": [c.model_dump() for c in children]})
    records, left_out = anonymise_household(Pinned(entry.document, entry.sha256), household,
                                            b"k" * 32, AT)
    assert len(records) == 3 and left_out == []
    text = "".join(record.model_dump_json() for record in records)
    assert marker not in text
    for field in (reference, chair, reason, said, note, agency, plan):
        assert marker + field not in text
