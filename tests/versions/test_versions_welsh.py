"""`diff` and the upgrade report in Welsh (issue 14), and how a diff shows a translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_files import assert_golden
from tests.rules.documents import edited_rules, node, rules_document
from tests.versions.helpers import (
    MOVED,
    REPORT_ROUTE,
    Data,
    document,
    duty,
    edited,
    minimal_data,
    question,
    session_for,
)
from threshold_guide.cli.main import main
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.session.upgrade import upgrade_session
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.summary.json_output import render_json
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.markdown import render_diff_markdown
from threshold_guide.versions.upgrade_report import upgrade_report

Capture = pytest.CaptureFixture[str]


def test_a_note_request_that_gains_welsh_names_languages_not_its_fields() -> None:
    old = document(minimal_data())

    def change(data: Data) -> None:
        question(data, "signs")["note"] = {
            "prompt": {"en": "What did you see?", "cy": "Beth welsoch chi?"}}

    new = edited(change)
    text = render_diff_markdown(diff_documents(old, new), old, new)
    assert "- **note request:** translation changed (languages en → cy, en)" in text
    assert "languages prompt" not in text and "evidence" not in text


def test_a_rule_whose_reason_only_gains_welsh_is_not_a_changed_rule() -> None:
    def change(data: Data) -> None:
        rule = node(data, "weigh")["rules"][1]
        rule["rationale"] = {"en": rule["rationale"], "cy": "arwyddion o esgeulustod"}

    new = ThresholdDocument.model_validate(edited_rules(change))
    old = rules_document()
    text = render_diff_markdown(diff_documents(old, new), old, new)
    assert "Rule changed" not in text
    assert "- **Reason translated:** when " in text
    assert "; translation changed (languages en → cy, en)" in text


def test_a_rule_whose_english_reason_changes_is_still_a_changed_rule() -> None:
    def change(data: Data) -> None:
        node(data, "weigh")["rules"][1]["rationale"] = {"en": "looked at over time",
                                                        "cy": "edrych dros amser"}

    new = ThresholdDocument.model_validate(edited_rules(change))
    old = rules_document()
    text = render_diff_markdown(diff_documents(old, new), old, new)
    assert "- **Rule changed:** " in text and "Reason translated" not in text


def test_the_shipped_diff_in_welsh_matches_the_golden_file() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    text = render_diff_markdown(diff_documents(old, new), old, new, "cy")
    assert text.startswith("# Beth newidiodd yn wales-duty-to-report: 1.0.0 → 1.1.0\n")
    assert "**Yn fyr:** " in text and "In short" not in text
    assert_golden("versions/duty-to-report-1.0.0-1.1.0.cy.md", text)


def test_diff_lang_cy_on_the_command_line_with_the_impact(tmp_path: Path,
                                                          capsys: Capture) -> None:
    session = session_for(duty("1.0.0"), REPORT_ROUTE)
    write_atomic(tmp_path / "s.json", render_json(session))
    code = main(["--lang", "cy", "diff", "wales-duty-to-report@1.0.0",
                 "wales-duty-to-report@1.1.0", "--sessions", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "## Yr effaith ar senarios a sesiynau" in out
    assert "Ail-chwaraewyd 0 senario a 1 sesiwn o dan 1.0.0 a 1.1.0." in out
    english = main(["diff", "wales-duty-to-report@1.0.0", "wales-duty-to-report@1.1.0"])
    assert english == 0 and "# What changed in" in capsys.readouterr().out


def test_the_upgrade_report_in_welsh() -> None:
    old, new = duty("1.0.0"), duty("1.1.0")
    session = session_for(old, REPORT_ROUTE, care_support_needs="Young carer for her mum.")
    moved = upgrade_session(session, old, new, content_hash(new), MOVED)
    report = upgrade_report(moved, session.guidance, old, new, "cy")
    assert report.startswith("Symudwyd sesiwn session-1 o wales-duty-to-report 1.0.0 i "
                             "wales-duty-to-report 1.1.0.\n")
    assert f"Wedi'u cadw ({len(REPORT_ROUTE) - 1}):" in report
    assert "I'w gofyn eto (1):\n  - care-support-needs: " in report
    assert "(geiriad newydd: gofynnwch eto)" in report
    assert "Mae'r daith yn ailddechrau yn care-support-needs" in report
    assert "Kept" not in report and "asked again" not in report


def test_upgrade_lang_cy_on_the_command_line(tmp_path: Path, capsys: Capture) -> None:
    session = session_for(duty("1.0.0"), REPORT_ROUTE)
    path = tmp_path / "session-1.json"
    write_atomic(path, render_json(session))
    code = main(["--lang", "cy", "upgrade", str(path), "--to", "1.1.0", "-o", str(path),
                 "--at", "2026-11-02T14:00:00Z"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Symudwyd sesiwn session-1 ")
