"""Household cases at a child protection conference: decisions per child, flags, papers."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, GUIDANCE
from tests.golden_files import assert_golden
from tests.scenarios.helpers import shipped_catalog
from threshold_guide.cli.main import main
from threshold_guide.household.decisions import Agreement, decide_household
from threshold_guide.household.papers import build_papers
from threshold_guide.household.papers_markdown import render_papers_html, render_papers_markdown
from threshold_guide.household.walk import Pinned, household_pending
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.document import Question
from threshold_guide.models.household import Category
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.scenarios.coverage import coverage
from threshold_guide.scenarios.files import load_scenario
from threshold_guide.storage.household_file import read_household
from threshold_guide.summary.json_output import render_json
from threshold_guide.validation.validate import check_file

Capture = pytest.CaptureFixture[str]
REGISTRATION = GUIDANCE / "wales-registration" / "1.0.0.yaml"
THREE = FIXTURES / "household-three.yaml"
AT = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC)
SCENARIOS = GUIDANCE.parent / "scenarios"


def _pinned() -> Pinned:
    entry = resolve_file(REGISTRATION)
    return Pinned(entry.document, entry.sha256)


def test_each_child_has_their_own_decision() -> None:
    pinned = _pinned()
    decisions = decide_household(pinned.document, read_household(THREE))
    assert [d.outcome.id if d.outcome else None for d in decisions] == [
        "register", "care-and-support-plan", "register"]
    assert decisions[0].categories == (Category.PHYSICAL, Category.EMOTIONAL)
    assert decisions[2].categories == (Category.EMOTIONAL, Category.NEGLECT)
    assert [d.agreement for d in decisions] == [
        Agreement.CONSENSUS, Agreement.CHAIR_DECIDES, Agreement.CONSENSUS]


def test_a_child_with_no_voice_is_flagged_in_every_paper_never_merged() -> None:
    pinned = _pinned()
    household = read_household(THREE)
    for paper, audience in [("invitation", "partners"), ("invitation", "family"),
                            ("decision-record", "partners"), ("agency-report", "partners")]:
        papers = build_papers(pinned, household, paper, AT, audience=audience)
        text = render_papers_markdown(papers)
        assert "Child C: no voice recorded" in text, paper
        assert "Child A: no voice" not in text and "Child B: no voice" not in text
    record = build_papers(pinned, household, "decision-record", AT).decision_records[2]
    assert not record.voice.recorded and record.voice.said == ""


def test_the_family_invitation_names_no_agency_or_child_words() -> None:
    papers = build_papers(_pinned(), read_household(THREE), "invitation", AT, audience="family")
    text = render_papers_markdown(papers)
    assert "hide under the bed" not in text and "police" not in text.split("## The children")[1]
    assert papers.invitation is not None and papers.invitation.attending == []
    assert "Why the conference is being held" in text and "What the enquiries found" in text


def test_household_questions_are_asked_once_before_any_child() -> None:
    pinned = _pinned()
    household = read_household(THREE).model_copy(update={"shared": {}})
    pending = household_pending(pinned.document, household)
    assert pending is not None and pending.id == "immediate-danger"
    assert household_pending(pinned.document, read_household(THREE)) is None


@pytest.mark.parametrize(("paper", "audience"), [
    ("invitation", "partners"), ("invitation", "family"), ("decision-record", "partners"),
    ("agency-report", "partners")])
def test_papers_match_golden_files(paper: str, audience: str) -> None:
    papers = build_papers(_pinned(), read_household(THREE), paper, AT, audience=audience,
                          agency="school" if paper == "agency-report" else "")
    stem = f"household/{paper}-{audience}"
    assert_golden(f"{stem}.md", render_papers_markdown(papers))
    assert_golden(f"{stem}.json", render_json(papers))
    assert_golden(f"{stem}.html", render_papers_html(papers))


def test_conference_run_is_deterministic_and_saves_privately(capsys: Capture,
                                                            tmp_path: Path) -> None:
    args = ["conference", "run", "wales-registration", "--household", str(THREE), "--at",
            "2026-11-02T12:00:00Z"]
    assert main([*args, "--save", str(tmp_path / "h.json")]) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    saved = tmp_path / "h.json"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    again = read_household(saved)
    assert again.guidance is not None and again.guidance.id == "wales-registration"
    assert main(["conference", "run", "wales-registration", "--household", str(saved),
                 "--at", "2026-11-02T12:00:00Z"]) == 0
    assert capsys.readouterr().out == first


def test_conference_run_bad_input_exits_1_naming_child_and_question(
        capsys: Capture, tmp_path: Path) -> None:
    data = yaml.safe_load(THREE.read_text())
    del data["children"][1]["answers"]["care-support-needed"]
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump(data))
    assert main(["conference", "run", "wales-registration", "--household", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Child B" in err and "care-support-needed" in err
    path.write_text("children: []\n")
    assert main(["conference", "run", "wales-registration", "--household", str(path)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_explain_family_respects_do_not_share(capsys: Capture, tmp_path: Path) -> None:
    data = yaml.safe_load(THREE.read_text())
    data["children"][0]["voice"]["withhold_from_family"] = True
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump(data))
    base = ["conference", "explain", str(path), "--child", "Child A", "--at",
            "2026-11-02T12:00:00Z", "--audience"]
    assert main([*base, "family"]) == 1
    assert "not to be shared" in capsys.readouterr().err
    assert main([*base, "family", "--confirm-unsafe-share", "Agreed with the chair"]) == 0
    for audience in ("school", "health", "police", "social-services"):
        assert main([*base, audience]) == 0
    assert "Registration" in capsys.readouterr().out


WALK = "\n".join([
    "3", "CP-2026-0300", "Bruises on Child A.", "Child A was hurt at home.", "xx", "cy",
    "2", "1", "1", "Two police call-outs", "1,2", "2",
    # Child A
    "1", "Fingertip bruises; said dad grabbed him", "1", "1", "1,2",
    "dad grabbed me", "at school", "1", "wants it to stop",
    "school", "1", "1,2", "His account and the bruises", "",
    "Child A is safe at home", "Father away", "Legal planning meeting", "social worker, school",
    # Child B
    "2", "Hungry some mornings", "2", "2", "1",
    "likes school", "at school", "2", "breakfast club",
    "school", "2", "Improving", "police", "1", "2", "Present at incidents", "",
    "Her needs are met best by a care and support plan",
    # Child C
    "2", "In the room during the violence", "1", "1", "2,5",
    "", "", "", "",
    "health visitor", "1", "2", "A baby present during violence", "",
    "Child C is cared for by a sober adult", "Health visitor weekly", "Legal planning",
    "social worker, health visitor",
]) + "\n"


def test_plain_walk_three_children(capsys: Capture, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(WALK))
    saved = tmp_path / "walked.json"
    code = main(["conference", "walk", "wales-registration", "--plain", "--save", str(saved),
                 "--at", "2026-11-02T10:00:00Z"])
    out = capsys.readouterr().out
    assert code == 0, out[-2000:]
    assert "For the whole household:" in out and "== Child C ==" in out
    assert "The decision record follows." in out
    household = read_household(saved)
    decisions = decide_household(_pinned().document, household)
    assert [d.outcome.id if d.outcome else None for d in decisions] == [
        "register", "care-and-support-plan", "register"]
    assert household.children[1].chair_reason
    assert household.family_language == "cy"  # asked once, when the case starts
    assert "Type one of: cy, en." in out
    assert "Child C: no voice recorded" in out
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_plain_walk_resumes_after_the_input_ends(capsys: Capture, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    saved = tmp_path / "walked.json"
    lines = WALK.splitlines(keepends=True)
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(lines[:16])))
    argv = ["conference", "walk", "wales-registration", "--plain", "--save", str(saved),
            "--at", "2026-11-02T10:00:00Z"]
    assert main(argv) == 1
    assert "--household" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(lines[16:])))
    assert main([*argv, "--household", str(saved)]) == 0


def test_the_document_validates_and_its_floors_are_proved(tmp_path: Path) -> None:
    assert check_file(REGISTRATION).diagnostics == []
    # Suggesting de-registration at the first review would break the first-review floor.
    text = REGISTRATION.read_text().replace(
        "        - when: {question: review-number, is: first}\n          answer: \"yes\"",
        "        - when: {question: review-number, is: first}\n          answer: \"no\"")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text)
    assert "E406" in {d.code for d in check_file(broken).diagnostics}


def test_scope_is_left_out_of_the_content_hash_when_child() -> None:
    question = Question.model_validate({"id": "q", "prompt": "Q?", "answers": [
        {"id": "a", "label": "A", "rationale": "A.", "outcome": "o"}]})
    assert "scope" not in question.model_dump()


def _registration_scenarios() -> list[dict[str, object]]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        if scenario is not None and scenario.guidance.id == "wales-registration":
            found.append({"id": scenario.id, "household": scenario.household,
                          "answers": scenario.answers_for("1.0.0")})
    return found


def test_every_option_of_every_question_is_used_by_some_scenario() -> None:
    document = _pinned().document
    used: set[tuple[str, str]] = set()
    for scenario in _registration_scenarios():
        for qid, given in scenario["answers"].items():  # type: ignore[attr-defined]
            chosen = [given.answer] if isinstance(given.answer, str) else given.answer
            used.update((qid, a) for a in chosen)
    every = {(q.id, a.id) for q in document.questions for a in q.answers}
    assert every - used == set()


def test_conference_scenarios_cover_the_cases_the_issue_names() -> None:
    scenarios = _registration_scenarios()
    assert len(scenarios) >= 8
    households: dict[object, int] = {}
    for scenario in scenarios:
        households[scenario["household"]] = households.get(scenario["household"], 0) + 1
    assert None not in households and max(households.values()) >= 3
    ids = " ".join(str(s["id"]) for s in scenarios)
    assert "too-soon" in ids and "transfer" in ids


def test_household_schema_is_checked_in() -> None:
    schema = json.loads((GUIDANCE.parent / "schema" / "household.schema.json").read_text())
    assert schema["title"] == "Household"


def test_every_rule_judgement_branch_and_floor_of_the_document_is_used_by_some_scenario(
) -> None:
    catalog = shipped_catalog()
    run = check_paths(sorted(SCENARIOS.glob("conf-*.yaml")), catalog)
    found = [c for c in coverage(catalog.entries, run.replays)
             if (c.document, c.version) == ("wales-registration", "1.0.0")]
    assert len(found) == 1
    item = found[0]
    assert (item.missed_answers, item.missed_rules, item.missed_judgements,
            item.missed_floors) == ((), (), (), ())
