"""The deadlines fixture document, and a finished session on it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Session
from threshold_guide.session.creation import new_session, with_answers

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEADLINES = FIXTURES / "deadlines.yaml"
DECIDED = dt.datetime(2026, 11, 30, 10, 15, tzinfo=dt.UTC)
"""Mon 30 Nov 2026, 10:15 UK time (GMT)."""
CHASE_AT = dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.UTC)
"""Thu 10 Dec 2026: the 7 working days after the report ended at 17:00 on Wed 9 Dec."""
BEFORE_CHASE = dt.datetime(2026, 12, 9, 16, 0, tzinfo=dt.UTC)
NOTE = "Saw a bruise on the left forearm; she said 'Dad did it'."


def reported(reference: str = "CASE-0042") -> Session:
    """A session on the fixture that reached 'report' at DECIDED, with a note."""
    entry = resolve_file(DEADLINES)
    session = new_session(entry.document, entry.sha256, now=DECIDED, reference=reference,
                          role="Designated safeguarding person", agency="school")
    return with_answers(session, {
        "danger": GivenAnswer(answer="no"),
        "signs": GivenAnswer(answer=["bruise"], note=NOTE),
    }, DECIDED)


def save(session: Session, folder: Path) -> Path:
    path = folder / f"{session.session_id}.json"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(session.model_dump(mode="json"), indent=2), encoding="utf-8")
    return path
