"""Validation: each problem has its code, its line, and a way to fix it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DUTY_1_0, DUTY_1_1, GUIDANCE, HARM_1_0, MINIMAL
from threshold_guide.engine.answer_classes import abstract_answers, checklist_tests
from threshold_guide.engine.conditions import leaves
from threshold_guide.engine.decisions import rule_conditions
from threshold_guide.validation.diagnostics import CODES, Diagnostic, Severity
from threshold_guide.validation.validate import check_file, validate_paths

WriteYaml = Callable[..., Path]
DUTY_2_0 = GUIDANCE / "wales-duty-to-report" / "2.0.0.yaml"
HARM_2_0 = GUIDANCE / "wales-significant-harm" / "2.0.0.yaml"


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {path}")


def edited(write_yaml: WriteYaml, old: str, new: str, count: int = 1) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text, old
    return write_yaml(text.replace(old, new, count))  # type: ignore[no-any-return]


def codes(items: list[Diagnostic]) -> list[str]:
    return [item.code for item in items]


@pytest.mark.parametrize("path", [DUTY_1_0, DUTY_1_1, DUTY_2_0, HARM_1_0, HARM_2_0, MINIMAL])
def test_shipped_and_fixture_documents_are_clean(path: Path) -> None:
    result = check_file(path)
    assert result.diagnostics == []
    assert result.document is not None
    assert result.sha256 is not None and len(result.sha256) == 64


def test_shipped_folder_validates_together() -> None:
    report = validate_paths([GUIDANCE])
    assert report.ok
    documents = [p for p in GUIDANCE.rglob("*.yaml") if p.name != "closures.yaml"]
    assert len(report.files) == len(documents)


def test_hash_ignores_formatting_but_not_content(write_yaml: WriteYaml) -> None:
    original = check_file(MINIMAL).sha256
    text = MINIMAL.read_text(encoding="utf-8")
    relisted = text.replace("sources: [s130]", "sources:\n    - s130")
    reformatted = write_yaml("# a new comment\n" + relisted)
    assert check_file(reformatted).sha256 == original
    changed = write_yaml(text.replace("Is this part of a pattern?", "Is this a pattern?"), "b.yaml")
    assert check_file(changed).sha256 != original


@pytest.mark.parametrize(
    ("old", "new", "code", "needle", "hint"),
    [
        ("        next: signs", "        next: sings", "E302", "next: sings", "'signs'"),
        ("        outcome: monitor", "        outcome: monitr", "E303", "monitr", "'monitor'"),
        ("  sources: [s130]\nchangelog", "  sources: [s13]\nchangelog", "E304", "[s13]", "'s130'"),
        ("definitions: [harm]", "definitions: [harn]", "E305", "[harn]", "'harm'"),
        ("if_any: [hunger]", "if_any: [hungry]", "E306", "[hungry]", "'hunger'"),
        ("status: published", "status: publishd", "E203", "publishd", "'published'"),
        ("title: Minimal test document", "titel: Minimal", "E202", "titel", "'title'"),
        ("level: 2", "level: two", "E203", "level: two", "whole number"),
        ('version: "1.0.0"\ntitle', "version: 1.0\ntitle", "E203", "version: 1.0", "quotes"),
        ("  - id: pattern", "  - id: Pattern Q", "E203", "Pattern Q", "for example"),
    ],
)
def test_located_errors_with_fixes(
    write_yaml: WriteYaml, old: str, new: str, code: str, needle: str, hint: str
) -> None:
    path = edited(write_yaml, old, new)
    result = check_file(path)
    assert result.document is None
    found = [d for d in result.diagnostics if d.code == code]
    assert found, result.diagnostics
    assert found[0].line == line_of(path, needle)
    assert hint in found[0].hint + found[0].message
    assert found[0].file == str(path)


def test_yes_no_ids_get_a_quoting_hint(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, '      - id: "yes"', "      - id: yes")
    found = [d for d in check_file(path).diagnostics if d.code == "E203"]
    assert "quotes" in found[0].hint


def test_missing_field_names_the_field_and_what_it_is(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "    timescale: Immediately\n", "")
    found = [d for d in check_file(path).diagnostics if d.code == "E201"]
    assert len(found) == 1
    assert "'timescale'" in found[0].message
    assert "outcomes[0]" in found[0].message
    assert found[0].line == line_of(path, "  - id: police")


def test_all_errors_of_a_file_are_reported_at_once(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "status: published", "status: nope")
    text = path.read_text(encoding="utf-8").replace("level: 2", "level: high")
    text = text.replace("jurisdiction: Wales", "jurisdiction: [Wales]")
    path.write_text(text, encoding="utf-8")
    assert len([d for d in check_file(path).diagnostics if d.severity is Severity.ERROR]) == 3


def test_duplicate_ids(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "  - id: pattern", "  - id: signs")
    result = check_file(path)
    duplicate = [d for d in result.diagnostics if d.code == "E301"]
    assert duplicate and "first used on line" in duplicate[0].message


def test_cycle_names_every_question_on_the_loop(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "        outcome: report\n        rationale: The concern is part",
                  "        next: signs\n        rationale: The concern is part")
    cycles = [d for d in check_file(path).diagnostics if d.code == "E401"]
    assert len(cycles) == 1
    assert "signs -> pattern -> signs" in cycles[0].message


def test_unreachable_and_no_way_forward(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "        next: pattern", "        outcome: report")
    found = codes(check_file(path).diagnostics)
    assert "W401" in found  # 'pattern' can no longer be reached
    result = check_file(path)
    assert result.document is not None  # warnings alone leave the document usable
    path = edited(write_yaml, "      - outcome: monitor\n", "")
    assert "E402" in codes(check_file(path).diagnostics)


def test_unreachable_outcome_is_a_warning(
    write_yaml: WriteYaml, minimal_data: dict[str, Any]
) -> None:
    minimal_data["outcomes"].append({**minimal_data["outcomes"][1], "id": "spare"})
    result = check_file(write_yaml(minimal_data))
    assert codes(result.diagnostics) == ["W402"]


def test_duty_to_report_needs_the_immediate_danger_gate(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "    gate: immediate-danger\n", "")
    assert "E403" in codes(check_file(path).diagnostics)
    path = edited(write_yaml, "decision: duty-to-report\n", "decision: s47-enquiry\n")
    path.write_text(path.read_text().replace("    gate: immediate-danger\n", ""))
    assert "E403" not in codes(check_file(path).diagnostics)


def test_not_met_outcome_may_never_say_do_not_report(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, "do_now: Record and seek advice if unsure.",
                  "do_now: You do not need to report this.")
    assert "E502" in codes(check_file(path).diagnostics)


def test_changelog_must_cover_this_version(write_yaml: WriteYaml) -> None:
    path = edited(write_yaml, '  - version: "1.0.0"', '  - version: "0.9.0"')
    assert "E501" in codes(check_file(path).diagnostics)


def test_same_id_and_version_in_two_files(write_yaml: WriteYaml) -> None:
    first = write_yaml(MINIMAL.read_text(encoding="utf-8"), "a/one.yaml")
    write_yaml(MINIMAL.read_text(encoding="utf-8"), "a/two.yaml")
    report = validate_paths([first.parent])
    assert [d.code for d in report.diagnostics] == ["E601"]
    assert "one.yaml" in report.diagnostics[0].message


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("", "E102"),
        ("- a\n- b\n", "E108"),
        ("just text\n", "E108"),
        (b"\x00\x01\x02binary", "E107"),
        ("id: [unclosed\n", "E101"),
        ("format: 9\nid: x\n", "E203"),
    ],
)
def test_hostile_files_get_one_clear_error(write_yaml: WriteYaml, content: str | bytes,
                                           code: str) -> None:
    result = check_file(write_yaml(content))
    assert codes(result.diagnostics) == [code]
    assert result.diagnostics[0].hint


def test_missing_path_is_reported(tmp_path: Path) -> None:
    report = validate_paths([tmp_path / "nope.yaml"])
    assert codes(report.diagnostics) == ["E100"]


def test_every_code_is_registered_with_a_severity_that_matches_its_letter() -> None:
    for code, (severity, description) in CODES.items():
        assert code[0] == ("E" if severity is Severity.ERROR else "W")
        assert description


@pytest.mark.parametrize(("path", "old", "new", "floor"), [
    # Suggest "no" where a worry is only passed on: a ticked harm could end in record-only.
    (DUTY_2_0, "          answer: unsure-cause\n", "          answer: no-cause\n", "harm-ticked"),
    # Route a possible crime to the plain report: the police step is lost.
    (DUTY_2_0, "        outcome: report-with-police\n", "        outcome: report-now\n",
     "possible-crime"),
    # Send a possible crime with the s47 test not met straight to the needs question.
    (HARM_2_0, "        outcome: police-and-manager-today\n        rationale: a crime against "
     "the child may have been committed, so the police are involved whether",
     "        next: care-support-needs\n        rationale: a crime against the child may have "
     "been committed, so the police are involved whether", "possible-crime"),
])
def test_a_broken_floor_in_the_2_0_guidance_is_caught_with_a_route(
    write_yaml: WriteYaml, path: Path, old: str, new: str, floor: str
) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    broken = write_yaml(text.replace(old, new))
    found = [d for d in check_file(broken).diagnostics if d.code == "E406"]
    assert found, "the broken floor was not caught"
    assert any(f"floor '{floor}'" in d.message and "(route: " in d.message for d in found)


def test_answers_no_rule_tells_apart_are_proved_as_one_class() -> None:
    # 'not yet known' and 'no' lead to the same place and no rule reads either, so the proof
    # follows one of them; answers a rule does read, and a judgement's answers, stay apart.
    doc = check_file(DUTY_2_0).document
    assert doc is not None
    every_leaf = [leaf for cond in rule_conditions(doc) for leaf in leaves(cond)]

    def classes(question_id: str) -> list[str]:
        question = doc.question(question_id)
        found = abstract_answers(question, checklist_tests(question, every_leaf))
        return [str(option.selection) for option in found]

    assert classes("possible-crime") == ["crime-possible", "crime-unsure"]
    assert classes("urgency") == ["urgent-today", "not-urgent"]
    assert classes("reasonable-cause") == ["yes-cause", "unsure-cause", "no-cause"]
    question = doc.question("urgency")
    assert len(abstract_answers(question, None)) == 3


def test_a_floor_on_a_grouped_answer_is_still_proved(write_yaml: WriteYaml) -> None:
    # A new floor on 'not yet known' separates it from 'no': a route through it that ends
    # at 'record and monitor' must be found.
    text = DUTY_2_0.read_text(encoding="utf-8")
    floor = (
        "floors:\n"
        "  - id: crime-not-known\n"
        "    title: Whether a crime was committed is not known\n"
        "    when: {question: possible-crime, is: crime-unsure}\n"
        "    minimum: report-now\n"
        "    rationale: Test floor.\n"
    )
    broken = write_yaml(text.replace("floors:\n", floor, 1))
    found = [d for d in check_file(broken).diagnostics if d.code == "E406"]
    assert any("crime-not-known" in d.message and "possible-crime=crime-unsure" in d.message
               for d in found)
