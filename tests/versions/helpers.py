"""Documents and sessions for the version tests: the shipped pair and synthetic edits."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import DUTY_1_0, DUTY_1_1, MINIMAL
from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, Selection, Session
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.summary.json_output import render_json

Data = dict[str, Any]
STARTED = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)
MOVED = dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC)

# A 1.0.0 walk that reaches a report and passes the question 1.1.0 rewords.
REPORT_ROUTE: dict[str, Selection] = {
    "immediate-danger": "no-danger",
    "how-concern-arose": "i-observed",
    "indicators": ["neglect"],
    "reasonable-cause": "yes-cause",
    "care-support-needs": "has-needs",
    "dsp": "dsp-agrees",
    "parents-informed": "safe-to-tell",
    "concern-about-staff": "not-about-practitioner",
}
# A 1.0.0 walk through the answer 1.1.0 re-routes to its new question.
UNSURE_ROUTE: dict[str, Selection] = {
    "immediate-danger": "no-danger",
    "how-concern-arose": "i-observed",
    "indicators": ["neglect"],
    "reasonable-cause": "unsure-cause",
}


@cache
def duty(version: str) -> ThresholdDocument:
    return resolve_file({"1.0.0": DUTY_1_0, "1.1.0": DUTY_1_1}[version]).document


def minimal_data() -> Data:
    data: Data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    return data


def document(data: Data) -> ThresholdDocument:
    return ThresholdDocument.model_validate(data)


def edited(change: Callable[[Data], None], version: str = "1.1.0") -> ThresholdDocument:
    """The minimal document with ``change`` applied, as a later version."""
    data = copy.deepcopy(minimal_data())
    data["version"] = version
    data["changelog"].append({"version": version, "date": "2025-06-01", "changes": ["Edit."]})
    change(data)
    return document(data)


def question(data: Data, question_id: str) -> Data:
    found: Data = next(q for q in data["questions"] if q["id"] == question_id)
    return found


def answer(data: Data, question_id: str, answer_id: str) -> Data:
    found: Data = next(a for a in question(data, question_id)["answers"] if a["id"] == answer_id)
    return found


def session_for(doc: ThresholdDocument, answers: dict[str, Selection],
                session_id: str = "session-1", **notes: str) -> Session:
    """A session on ``doc`` with these answers (and a note on the questions named)."""
    start = new_session(doc, content_hash(doc), now=STARTED, reference="CASE-7",
                        session_id=session_id)
    given = {q: GivenAnswer(answer=a, note=notes.get(q.replace("-", "_"))) for q, a in
             answers.items()}
    return with_answers(start, given, STARTED)


def save(session: Session, folder: Path) -> Path:
    path = folder / f"{session.session_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_json(session), encoding="utf-8")
    return path
