"""Exercise sessions with fixed timestamps, for the report tests and goldens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.scenarios.helpers import SCENARIOS, shipped_catalog
from threshold_guide.models.session import GivenAnswer, Override, Selection, Session
from threshold_guide.scenarios.files import load_scenario
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.summary.json_output import render_json

START = dt.datetime(2026, 11, 3, 9, 30, tzinfo=dt.UTC)

# (session id, scenario file, version, role, agency, changes to the model answers,
#  questions to drop, override)
Plan = tuple[str, str, str, str, str, dict[str, Selection], tuple[str, ...], str | None]

PLANS: list[Plan] = [
    # The belt: the room splits at the first question and at "reasonable cause".
    ("belt-01", "dtr-03-the-belt.yaml", "1.1.0", "Form tutor", "Education", {}, (), None),
    ("belt-02", "dtr-03-the-belt.yaml", "1.1.0", "Teaching assistant", "education",
     {"immediate-danger": "yes-danger"}, (), None),
    ("belt-03", "dtr-03-the-belt.yaml", "1.1.0", "Designated safeguarding person",
     "education", {"parents-informed": "safe-to-tell"}, (), None),
    ("belt-04", "dtr-03-the-belt.yaml", "1.1.0", "School nurse", "Health",
     {"reasonable-cause": "unsure-cause", "chronology": "nothing-earlier"}, (), None),
    ("belt-05", "dtr-03-the-belt.yaml", "1.1.0", "PCSO", "Police",
     {"immediate-danger": "yes-danger"}, (), None),
    ("belt-06", "dtr-03-the-belt.yaml", "1.1.0", "Social worker", "Social services", {},
     ("indicators", "reasonable-cause", "care-support-needs", "dsp", "parents-informed",
      "concern-about-staff"), None),
    ("belt-07", "dtr-03-the-belt.yaml", "1.1.0", "Health visitor", "health", {}, (), None),
    # Never been born: two versions in the same room.
    ("born-01", "dtr-10-never-been-born.yaml", "1.1.0", "Class teacher", "Education", {}, (),
     None),
    ("born-02", "dtr-10-never-been-born.yaml", "1.1.0", "Lunchtime supervisor", "Education",
     {"chronology": "earlier-unclear"}, (), None),
    ("born-03", "dtr-10-never-been-born.yaml", "1.0.0", "School nurse", "Health", {}, (),
     None),
    ("born-04", "dtr-10-never-been-born.yaml", "1.1.0", "Police officer", "Police",
     {"reasonable-cause": "yes-cause"}, (), None),
    ("born-05", "dtr-10-never-been-born.yaml", "1.1.0", "Social worker", "Social services",
     {"reasonable-cause": "no-cause"}, (), "report-today"),
    ("born-06", "dtr-10-never-been-born.yaml", "1.1.0", "Health visitor", "Health", {}, (),
     None),
    # No words to explain: a section 47 case, one document on its own.
    ("words-01", "sh-03-no-words.yaml", "1.0.0", "Social worker", "Social services", {}, (),
     None),
    ("words-02", "sh-03-no-words.yaml", "1.0.0", "Team manager", "Social services",
     {"overall": "yes-significant"}, (), None),
    ("words-03", "sh-03-no-words.yaml", "1.0.0", "Detective constable", "Police",
     {"severity": "serious", "overall": "yes-significant"}, (), None),
    ("words-04", "sh-03-no-words.yaml", "1.0.0", "Community paediatrician", "Health",
     {"overall": "no-significant", "care-support-needs": "has-needs"}, (), None),
]


def session_for(plan: Plan) -> Session:
    session_id, file, version, role, agency, changes, dropped, override = plan
    scenario = load_scenario(SCENARIOS / file).scenario
    assert scenario is not None
    entry = next(e for e in shipped_catalog().versions(scenario.guidance.id)
                 if e.version == version)
    answers = {q: GivenAnswer(answer=a.answer) for q, a in scenario.answers_for(version).items()
               if q not in dropped}
    answers.update({q: GivenAnswer(answer=a) for q, a in changes.items()})
    number = PLANS.index(plan)
    at = START + dt.timedelta(minutes=number)
    session = new_session(entry.document, entry.sha256, now=at, role=role, agency=agency,
                          scenario=scenario.id, session_id=session_id)
    session = with_answers(session, answers, at + dt.timedelta(minutes=12))
    if override is not None:
        session = session.model_copy(update={"override": Override(
            outcome=override, reason="The remark and the pattern together worry me.",
            by=role, at=at + dt.timedelta(minutes=13))})
    return session


def write_sessions(folder: Path, plans: list[Plan] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for plan in plans if plans is not None else PLANS:
        path = folder / f"{plan[0]}.json"
        path.write_text(render_json(session_for(plan)), encoding="utf-8")
        paths.append(path)
    return paths
