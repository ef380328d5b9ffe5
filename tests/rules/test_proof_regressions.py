"""Regressions of the floor proof (validation/rule_proofs.py), each found by a property test."""

from __future__ import annotations

from pathlib import Path

from tests.rules.documents import Data, edited_rules, write
from threshold_guide.validation.validate import check_file


def _codes(data: Data, folder: Path) -> list[str]:
    return [d.code for d in check_file(write(data, folder, "doc.yaml")).diagnostics]


def test_a_floor_on_a_question_whose_answer_leads_straight_to_an_outcome(
    tmp_path: Path,
) -> None:
    # The floor's only question is answered on the last edge before the outcome: the proof
    # once settled every floor starting there as if nothing were answered, and missed this.
    def change(data: Data) -> None:
        data["floors"].append({"id": "judged-no", "title": "Judged no", "minimum": "report",
                               "when": {"question": "judge", "is": "no"},
                               "rationale": "A test floor."})

    codes = _codes(edited_rules(change), tmp_path)
    assert codes.count("E406") == 1


def test_a_floor_that_holds_when_nothing_is_asked_is_checked_at_every_outcome(
    tmp_path: Path,
) -> None:
    # Settled once for all outcomes: 'pattern' is not asked on most routes.
    def change(data: Data) -> None:
        data["floors"].append({"id": "no-pattern-asked", "title": "Unasked", "minimum": "report",
                               "when": {"question": "pattern", "answered": False},
                               "rationale": "A test floor."})

    assert "E406" in _codes(edited_rules(change), tmp_path)


def test_a_floor_far_from_its_outcome_does_not_multiply_the_work(tmp_path: Path) -> None:
    # Both floors hold on the fixture: the proof still finds nothing to report.
    assert "E406" not in _codes(edited_rules(lambda data: None), tmp_path)
