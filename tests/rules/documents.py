"""The rules fixture and edited versions of it, for tests of the tools that read rules."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GivenAnswer, Selection, Session
from threshold_guide.session.creation import new_session, with_answers

RULES = FIXTURES / "rules.yaml"
Data = dict[str, Any]
STARTED = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)


def rules_data() -> Data:
    data: Data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return data


@cache
def rules_document() -> ThresholdDocument:
    return ThresholdDocument.model_validate(rules_data())


def node(data: Data, node_id: str) -> Data:
    found: Data = next(n for n in [*data["questions"], *data.get("decision_points", [])]
                       if n["id"] == node_id)
    return found


def edited_rules(change: Callable[[Data], None], version: str = "2.1.0") -> Data:
    """The rules fixture with ``change`` applied, as a later version."""
    data = copy.deepcopy(rules_data())
    data["version"] = version
    data["changelog"].append({"version": version, "date": "2025-06-01", "changes": ["Edit."]})
    change(data)
    return data


def write(data: Data, folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def pattern_becomes_a_decision_point(data: Data) -> None:
    """Version 2.1.0: 'pattern' is no longer asked; a decision point reads the signs."""
    data["questions"] = [q for q in data["questions"] if q["id"] != "pattern"]
    data["decision_points"].append({
        "id": "pattern", "title": "Whether the signs make a pattern",
        "rules": [{"when": {"question": "signs", "includes_all": ["hunger", "late"]},
                   "next": "judge", "rationale": "hungry and late together"}],
        "otherwise": {"next": "judge", "rationale": "no pattern in the signs"},
    })
    judge = node(data, "judge")
    judge["suggest"]["rules"][1] = {
        "when": {"question": "signs", "includes_all": ["hunger", "late"]},
        "answer": "yes", "rationale": "hunger and lateness together"}


def session(document: ThresholdDocument, answers: dict[str, Selection],
            reasons: dict[str, str] | None = None, session_id: str = "s-1") -> Session:
    """A session on ``document`` with these answers and departure reasons."""
    made = new_session(document, content_hash(document), now=STARTED, reference="CASE-1",
                       session_id=session_id)
    reasons = reasons or {}
    return with_answers(made, {
        q: GivenAnswer(answer=a, departure_reason=reasons.get(q)) for q, a in answers.items()
    }, STARTED)


def before_judgement(data: Data) -> None:
    """Version 1.9.0: 'judge' suggests nothing yet, and there are no floors."""
    data["version"] = "1.9.0"
    data["changelog"] = [{"version": "1.9.0", "date": "2024-06-01", "changes": ["Earlier."]}]
    del node(data, "judge")["suggest"]
    data["floors"] = []


def earlier_rules() -> Data:
    """The rules fixture as it was before 'judge' became a judgement question."""
    data = copy.deepcopy(rules_data())
    before_judgement(data)
    return data
