"""JSON Schemas of every file format, generated from the models (checked in under schema/)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.due import DueList
from threshold_guide.models.explanation import Explanation
from threshold_guide.models.household import Household
from threshold_guide.models.papers import ConferencePapers
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.scenario_report import ConsistencyReport
from threshold_guide.models.session import AnswersFile, Session
from threshold_guide.models.summary import Summary
from threshold_guide.models.timescales import ClosureDays
from threshold_guide.models.tracker import TrackerExport
from threshold_guide.models.tracker_report import TrackerReport
from threshold_guide.versions.model import DocumentDiff

SCHEMAS: dict[str, type[BaseModel]] = {
    "document": ThresholdDocument,
    "session": Session,
    "answers": AnswersFile,
    "summary": Summary,
    "scenario": Scenario,
    "explanation": Explanation,
    "consistency-report": ConsistencyReport,
    "diff": DocumentDiff,
    "tracker-export": TrackerExport,
    "tracker-report": TrackerReport,
    "closures": ClosureDays,
    "due": DueList,
    "household": Household,
    "conference-papers": ConferencePapers,
}

FILE_NAMES: dict[str, str] = {
    "document": "threshold-document.schema.json",
    "session": "session.schema.json",
    "answers": "answers.schema.json",
    "summary": "summary.schema.json",
    "scenario": "scenario.schema.json",
    "explanation": "explanation.schema.json",
    "consistency-report": "consistency-report.schema.json",
    "diff": "diff.schema.json",
    "tracker-export": "tracker-export.schema.json",
    "tracker-report": "tracker-report.schema.json",
    "closures": "closures.schema.json",
    "due": "due.schema.json",
    "household": "household.schema.json",
    "conference-papers": "conference-papers.schema.json",
}


def schema_text(kind: str) -> str:
    schema = SCHEMAS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"threshold-guide/{FILE_NAMES[kind]}"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
