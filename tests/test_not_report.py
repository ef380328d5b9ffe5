"""E502's phrase model: every way of saying "do not report", and none of the safe ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from tests.conftest import MINIMAL, ROOT
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.validation.not_report import tells_not_to_report
from threshold_guide.validation.validate import check_file

TELLS_NOT_TO_REPORT = [
    # Missed by the old list of exact phrases:
    "Reporting is not required.",
    "No referral is needed.",
    "Do not contact social services.",
    # And more of the same kinds:
    "You do not need to report this.",
    "Don't refer.",
    "DO NOT REFER",
    "Never report this.",
    "There is no need to make a referral.",
    "No need for a report.",
    "This does not need to be reported.",
    "A referral is unnecessary.",
    "Referral not required.",
    "Reporting isn\u2019t needed",
    "No further referral is required.",
    "No report to social services is needed.",
    "Contact with social services is not needed.",
    "It is not necessary to refer.",
    "You need not inform social services.",
    "You should not contact the police or children's services.",
    "Do not call the local authority.",
    "You don't have to tell the designated safeguarding person.",
    "You do not have to make a report.",
    "If unsure, do not report yet.",  # the condition is its own clause
]

SAFE = [
    "Do not delay reporting.",
    "If you do not report, the child may be harmed.",
    "Do not wait for proof before you report.",
    "Never wait to report.",
    "You do not need proof to report.",
    "Do not confront or contact the person alleged to have caused harm.",
    "Do not tell the parents if that could put the child at risk.",
    "Do not promise to keep secrets.",
    "Do not investigate yourself; refer.",
    "Reporting is required.",
    "A referral is needed today.",
    "Not reporting is not an option.",
    "If in doubt, refer.",
    "Record, monitor and seek advice from your designated safeguarding person.",
    "Unless the child is in danger now, do not call 999; report to social services today.",
]


@pytest.mark.parametrize("text", TELLS_NOT_TO_REPORT)
def test_tells_not_to_report(text: str) -> None:
    assert tells_not_to_report(text) is not None


@pytest.mark.parametrize("text", SAFE)
def test_safe_advice_is_left_alone(text: str) -> None:
    assert tells_not_to_report(text) is None


def texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for item in value.values() for t in texts(item)]
    if isinstance(value, list | tuple):
        return [t for item in value for t in texts(item)]
    if isinstance(value, BaseModel):
        return texts(value.model_dump())
    return []


@pytest.mark.parametrize("path", sorted((ROOT / "guidance").rglob("*.yaml")), ids=Path.name.fget)
def test_no_text_of_the_shipped_guidance_is_flagged(path: Path) -> None:
    # Every text, not only the not-met outcomes the rule checks: the model must not
    # mistake the guidance's own careful wording for "do not report".
    document = resolve_file(path).document
    flagged = [(text, tells_not_to_report(text)) for text in texts(document)
               if tells_not_to_report(text) is not None]
    assert flagged == []


def test_e502_names_what_the_outcome_said(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "do_now: Record and seek advice if unsure.", "do_now: No referral is needed.")
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in check_file(path).diagnostics if d.code == "E502"]
    assert found and '"no referral is needed"' in found[0].message
