"""Fixed sessions on the shipped guidance (fixed timestamps), for the explanation goldens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import DUTY_1_1, HARM_1_0
from tests.golden_files import GOLDEN
from threshold_guide.loading.catalog import Entry, resolve_file
from threshold_guide.models.session import Override, Session
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.answers_file import read_answers

AT = dt.datetime(2026, 11, 2, 10, 30, tzinfo=dt.UTC)
STARTED = dt.datetime(2026, 11, 2, 9, 45, tzinfo=dt.UTC)
SESSIONS = GOLDEN / "explain" / "sessions"

CHILD_SAID = "Mum sleeps all day and there is no food in the cupboard."
STRENGTH = "Her nan collects her on Fridays and she says nan's is her favourite place."
OVERRIDE_REASON = "Spoke to the family support worker, who visits daily and has a plan in place."

# (case, document, answers file, role, agency)
CASES: dict[str, tuple[Path, str, str, str]] = {
    "report-today": (DUTY_1_1, "duty-report-today", "Designated safeguarding person", "school"),
    "below-threshold": (DUTY_1_1, "duty-below-threshold", "Class teacher", "school"),
    "harm-strategy": (HARM_1_0, "harm-strategy", "Social worker", "social services"),
    "override-lower": (DUTY_1_1, "duty-report-today", "Designated safeguarding person",
                       "school"),
}


def entry_for(case: str) -> Entry:
    return resolve_file(CASES[case][0])


def build_session(case: str) -> Session:
    document_path, answers, role, agency = CASES[case]
    entry = resolve_file(document_path)
    session = new_session(entry.document, entry.sha256, now=STARTED, reference="CASE-0042",
                          role=role, agency=agency, session_id=f"explain-{case}")
    session = with_answers(session, read_answers(GOLDEN / "answers" / f"{answers}.yaml"),
                           STARTED)
    voice = {"own-words": CHILD_SAID} if document_path == DUTY_1_1 else {}
    strengths = {"protective-adults": STRENGTH} if document_path == DUTY_1_1 else {}
    update: dict[str, object] = {"child_voice": voice, "strengths": strengths}
    if case == "override-lower":
        update["override"] = Override(outcome="record-monitor-seek-advice",
                                      reason=OVERRIDE_REASON, by="Head teacher", at=STARTED)
    return session.model_copy(update=update)


def session_file(case: str) -> Path:
    """The checked-in session file for ``case`` (rewritten with UPDATE_GOLDEN=1)."""
    return SESSIONS / f"{case}.json"
