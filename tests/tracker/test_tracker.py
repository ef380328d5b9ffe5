"""The board tracker, as a board meets it: export, import, report, and what never leaves."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from threshold_guide.cli.main import main
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.follow_through import (
    Escalation,
    EscalationLevel,
    EscalationStep,
    FollowThrough,
    Response,
    ResponseOutcome,
)
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Override, Session
from threshold_guide.tracker.anonymise import agency_category, anonymise, role_category
from threshold_guide.tracker.database import month_of

Capture = pytest.CaptureFixture[str]
RULES = FIXTURES / "rules.yaml"
REASON = "Reason text that must never leave the practitioner's machine."

# The routes of tests/fixtures/rules.yaml used below, with the outcome each reaches.
ROUTES: dict[str, dict[str, Any]] = {
    "police": {"danger": "yes"},
    "told-agree": {"danger": "no", "told": "yes", "signs": [], "judge": "yes"},
    "bruise": {"danger": "no", "told": "no", "signs": ["bruise"]},
    "quiet-agree": {"danger": "no", "told": "no", "signs": [], "judge": "no"},
    "told-depart": {"danger": "no", "told": "yes", "signs": [], "judge": "no"},
    "quiet-depart": {"danger": "no", "told": "no", "signs": [], "judge": "yes"},
    "unsure": {"danger": "no", "told": "no", "signs": ["hunger"], "pattern": "not-sure",
               "judge": "no"},
}
DEPARTING = {"told-depart", "quiet-depart"}

# Four agencies, six walks each; education and health in early October 2026 (ISO week 40),
# police and social services in early November (week 45).
PLAN: list[tuple[str, str, str, list[str]]] = [
    ("Ysgol Example", "Designated safeguarding person", "2026-10-01",
     ["told-agree"] * 5 + ["told-depart"]),
    ("Health board", "School nurse", "2026-10-01", ["bruise"] * 5 + ["unsure"]),
    ("Police", "Detective constable", "2026-11-05",
     ["police"] * 2 + ["quiet-agree"] * 3 + ["quiet-depart"]),
    ("Children's services front door", "Team manager", "2026-11-05",
     ["told-depart"] * 5 + ["bruise"]),
]


def rules_document() -> ThresholdDocument:
    import yaml

    return ThresholdDocument.model_validate(yaml.safe_load(RULES.read_text(encoding="utf-8")))


def make_session(document: ThresholdDocument, number: int, agency: str, role: str, day: str,
                 route: str, *, reference: str = "", note: str = "",
                 voice: str = "") -> Session:
    moment = dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")
    answers = {
        question: GivenAnswer(
            answer=answer, note=note or None, answered_at=moment,
            departure_reason=REASON if route in DEPARTING and question == "judge" else None,
        )
        for question, answer in ROUTES[route].items()
    }
    return Session(
        session_id=f"s{number:03d}", reference=reference or f"CASE-{number:03d}",
        guidance=GuidanceRef(id=document.id, version=document.version,
                             sha256=content_hash(document)),
        role=role, agency=agency, answers=answers,
        child_voice={"words": voice} if voice else {},
        created_at=moment, updated_at=moment,
    )


def with_follow_through(session: Session, route: str) -> Session:
    """Education's agreed reports came back as assessments 3 working days later (Thu 1 to
    Tue 6 October 2026); its departure was escalated."""
    if route == "told-agree":
        follow = FollowThrough(responses=[
            Response(outcome=ResponseOutcome.NONE, at=dt.datetime(2026, 10, 5, 9, tzinfo=dt.UTC),
                     reason=REASON),
            Response(outcome=ResponseOutcome.ASSESSMENT,
                     at=dt.datetime(2026, 10, 6, 15, tzinfo=dt.UTC), reason=REASON),
        ])
    else:
        follow = FollowThrough(escalation=Escalation(
            started_at=dt.datetime(2026, 10, 2, 9, tzinfo=dt.UTC), disagreement=REASON,
            steps=[EscalationStep(level=EscalationLevel.LINE_MANAGER,
                                  at=dt.datetime(2026, 10, 2, 10, tzinfo=dt.UTC),
                                  contacted="Team manager", said=REASON)]))
    return session.model_copy(update={"follow_through": follow})


@pytest.fixture
def board(tmp_path: Path) -> dict[str, Path]:
    """A guidance folder with the fixture, and one folder of saved sessions per agency."""
    guidance = tmp_path / "guidance"
    guidance.mkdir()
    shutil.copy(RULES, guidance / "rules.yaml")
    document = rules_document()
    folders: dict[str, Path] = {"guidance": guidance}
    number = 0
    for agency, role, day, routes in PLAN:
        folder = tmp_path / agency_category(agency).value
        folder.mkdir()
        for route in routes:
            number += 1
            session = make_session(document, number, agency, role, day, route)
            if agency == "Ysgol Example":
                session = with_follow_through(session, route)
            (folder / f"{session.session_id}.json").write_text(session.model_dump_json())
        folders[agency_category(agency).value] = folder
    return folders


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def export_all(capsys: Capture, board: dict[str, Path], tmp_path: Path) -> list[Path]:
    files = []
    for name in ("education", "health", "police", "social-services"):
        target = tmp_path / f"{name}.json"
        code, _, err = run(capsys, "tracker", "export", str(board[name]), "--guidance",
                           str(board["guidance"]), "--at", "2026-11-29T12:00:00Z",
                           "-o", str(target))
        assert code == 0, err
        files.append(target)
    return files


def report_json(capsys: Capture, db: Path, *extra: str) -> dict[str, Any]:
    code, out, err = run(capsys, "tracker", "report", "--db", str(db), "--format", "json",
                         "--at", "2026-11-29T12:00:00Z", *extra)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def mix(items: list[dict[str, Any]]) -> dict[str, tuple[int | None, dict[str, int | None]]]:
    return {m["agency"]: (m["total"], {c["label"]: c["count"] for c in m["outcomes"]})
            for m in items}


def test_report_matches_the_hand_computed_table(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "board.sqlite"
    code, _, err = run(capsys, "tracker", "import", *map(str, export_all(capsys, board, tmp_path)),
                       "--db", str(db))
    assert code == 0, err
    report = report_json(capsys, db)
    assert report["records"] == 24
    # Counts from 1 to 4 are suppressed (null).
    assert mix(report["outcome_mix"]) == {
        "education": (6, {"report": 5, "monitor": None}),
        "health": (6, {"report": 5, "monitor": None}),
        "police": (6, {"monitor": None, "police": None, "report": None}),
        "social-services": (6, {"monitor": 5, "report": None}),
    }
    situations = {(s["question"], s["answer"]): s for s in report["situations"]}
    bruise = situations[("signs", "bruise")]
    assert bruise["total"] == 6
    assert mix(bruise["agencies"]) == {"health": (5, {"report": 5}),
                                       "social-services": (None, {"report": None})}
    assert situations[("signs", "hunger")]["total"] is None
    by_agency = {row["group"]: row for row in report["departures_by_agency"]}
    assert by_agency["social-services"] == {
        "group": "social-services", "records": 6, "departures": 5, "lower": 5, "higher": 0,
        "overrides": 0, "rate": 0.833,
    }
    assert by_agency["education"]["departures"] is None
    assert by_agency["education"]["rate"] is None
    (version,) = report["departures_by_version"]
    assert version == {"group": "test-rules@2.0.0", "records": 24, "departures": 7,
                       "lower": 6, "higher": None, "overrides": 0, "rate": 0.292}
    assert report["uncertainty"] == [
        {"document_id": "test-rules", "question": "pattern", "count": None}
    ]
    assert report["responses"] == [{"label": "none recorded", "count": 19},
                                   {"label": "assessment", "count": 5}]
    assert report["median_working_days_to_response"] == 3.0
    assert report["escalations"] is None  # one, suppressed
    assert report["median_hours_to_decision"] == 0.0
    assert report["trends"] == [
        {"month": "2026-10", "records": 12, "departures": None},
        {"month": "2026-11", "records": 12, "departures": 6},
    ]
    filtered = report_json(capsys, db, "--from", "2026-11-01")
    assert filtered["records"] == 12 and filtered["from_week"] == "2026-W44"


def test_reimporting_changes_nothing(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "board.sqlite"
    files = list(map(str, export_all(capsys, board, tmp_path)))
    run(capsys, "tracker", "import", *files, "--db", str(db))
    before = report_json(capsys, db)
    dump_before = list(sqlite3.connect(db).iterdump())
    code, _, err = run(capsys, "tracker", "import", *files, "--db", str(db))
    assert code == 0 and "imported before" in err
    assert report_json(capsys, db) == before
    assert list(sqlite3.connect(db).iterdump()) == dump_before


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('{"format": 1, "kind": "threshold-guide-tracker-export", "records": [', "E101"),
        ('{"session_id": "x", "answers": {}}', "E108"),
        ("[1, 2, 3]", "E108"),
    ],
)
def test_a_broken_or_foreign_file_is_refused_and_nothing_is_lost(
    capsys: Capture, board: dict[str, Path], tmp_path: Path, content: str, code: str
) -> None:
    db = tmp_path / "board.sqlite"
    good = export_all(capsys, board, tmp_path)[0]
    run(capsys, "tracker", "import", str(good), "--db", str(db))
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    status, _, err = run(capsys, "tracker", "import", str(bad), "--db", str(db))
    assert status == 1
    assert f"{bad}:" in err and code in err and "nothing from it was imported" in err
    assert report_json(capsys, db)["records"] == 6


def test_an_invalid_record_is_located_and_the_whole_file_refused(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "board.sqlite"
    export = export_all(capsys, board, tmp_path)[1]
    data = json.loads(export.read_text())
    data["records"][3]["week"] = "2026-W99"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2))
    status, _, err = run(capsys, "tracker", "import", str(bad), "--db", str(db))
    assert status == 1
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "W99" in text)
    assert f"{bad}:{line}:" in err and "E203" in err
    assert report_json(capsys, db)["records"] == 0


def test_a_foreign_database_is_refused(capsys: Capture, tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    status, _, err = run(capsys, "tracker", "report", "--db", str(db))
    assert status == 1 and "not a tracker database" in err


def test_training_and_unfinished_sessions_are_left_out(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    document = rules_document()
    folder = board["education"]
    training = make_session(document, 900, "School", "Teacher", "2026-10-01", "bruise")
    (folder / "training.json").write_text(
        training.model_copy(update={"scenario": "dtr-01"}).model_dump_json())
    unfinished = make_session(document, 901, "School", "Teacher", "2026-10-01", "bruise")
    unfinished = unfinished.model_copy(update={"answers": {"danger": unfinished.answers["danger"]
                                                            .model_copy(update={"answer": "no"})}})
    (folder / "unfinished.json").write_text(unfinished.model_dump_json())
    code, out, err = run(capsys, "tracker", "export", str(folder), "--guidance",
                         str(board["guidance"]), "--at", "2026-11-29T12:00:00Z")
    assert code == 0
    assert len(json.loads(out)["records"]) == 6
    assert "1 session: the walk has not reached an outcome" in err
    assert "left out 1 training session" in err


def test_export_is_deterministic_and_keyed(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    first = export_all(capsys, board, tmp_path)[0].read_bytes()
    second = export_all(capsys, board, tmp_path)[0].read_bytes()
    assert first == second
    records = json.loads(first)["records"]
    assert all(r["record_id"] not in {f"s{n:03d}" for n in range(100)} for r in records)
    assert (tmp_path / "education.json").stat().st_mode & 0o777 == 0o600


TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=4, max_size=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reference=TEXT, note=TEXT, voice=TEXT, role=TEXT, agency=TEXT,
       route=st.sampled_from(sorted(ROUTES)))
def test_no_free_text_can_leave(reference: str, note: str, voice: str, role: str,
                                agency: str, route: str) -> None:
    document = rules_document()
    marker = "zqxj"  # letters no generated word contains next to each other by chance
    session = make_session(document, 1, marker + agency, marker + role, "2026-10-01", route,
                           reference=marker + reference, note=marker + note,
                           voice=marker + voice)
    follow = FollowThrough(
        responses=[Response(outcome=ResponseOutcome.IAA, reason=marker + note,
                            by=marker + role, at=dt.datetime(2026, 10, 9, tzinfo=dt.UTC))],
        escalation=Escalation(
            started_at=dt.datetime(2026, 10, 9, tzinfo=dt.UTC), disagreement=marker + note,
            steps=[EscalationStep(level=EscalationLevel.LINE_MANAGER,
                                  at=dt.datetime(2026, 10, 9, tzinfo=dt.UTC),
                                  contacted=marker + role, said=marker + voice)]))
    session = session.model_copy(update={"override": Override(
        outcome="police", reason=marker + note, by=marker + role), "follow_through": follow})
    record = anonymise(document, session, b"k" * 32)
    text = record.model_dump_json()
    assert marker not in text
    assert REASON not in text
    for field in (reference, note, voice):
        assert marker + field not in text


def test_categories() -> None:
    assert agency_category("Ysgol Gynradd") == "education"
    assert agency_category("Betsi Cadwaladr health board") == "health"
    assert agency_category("South Wales Police") == "police"
    assert agency_category("") == "unknown"
    assert agency_category("Youth club") == "other"
    assert role_category("DSL") == "designated-safeguarding-person"
    assert role_category("Conference chair") == "conference-chair"
    assert role_category("") == "unknown"


def test_weeks_belong_to_the_month_of_their_thursday() -> None:
    assert month_of("2026-W01") == "2026-01"  # Thursday 1 January 2026
    assert month_of("2026-W53") == "2026-12"  # Thursday 31 December 2026
    assert month_of("2026-W44") == "2026-10"  # Thursday 29 October


def test_html_report_is_inert_and_has_charts(
    capsys: Capture, board: dict[str, Path], tmp_path: Path
) -> None:
    pytest.importorskip("matplotlib")
    db = tmp_path / "board.sqlite"
    run(capsys, "tracker", "import", *map(str, export_all(capsys, board, tmp_path)),
        "--db", str(db))
    code, first, _ = run(capsys, "tracker", "report", "--db", str(db), "--format", "html",
                         "--at", "2026-11-29T12:00:00Z")
    assert code == 0
    assert first.count("<svg") == 3
    body = first.split("<main>")[1]
    assert "<script" not in body and "<image" not in body
    # The only addresses are XML namespace names, which nothing fetches.
    assert set(re.findall(r"https?://[^\"]*", body)) == {"http://www.w3.org/2000/svg",
                                                        "http://www.w3.org/1999/xlink"}
    _, second, _ = run(capsys, "tracker", "report", "--db", str(db), "--format", "html",
                       "--at", "2026-11-29T12:00:00Z")
    assert first == second
