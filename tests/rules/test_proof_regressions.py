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


def _long_document(blocks: int) -> Data:
    """Blocks of a question and a decision point reading it; a floor every 10 blocks, each
    reading its own block and applying at the very end; one reading the first block."""
    data = edited_rules(lambda d: None)
    questions: list[Data] = [data["questions"][0]]  # the immediate-danger gate
    questions[0]["answers"][1]["next"] = "b0"
    points: list[Data] = []
    floors: list[Data] = []
    for block in range(blocks):
        after = {"next": f"b{block + 1}"} if block + 1 < blocks else {"next": "judge"}
        questions.append({"id": f"b{block}", "prompt": f"Question {block}?", "answers": [
            {"id": answer, "label": answer, "next": f"p{block}", "rationale": "R."}
            for answer in ("yes", "no", "unsure")]})
        points.append({"id": f"p{block}", "title": "Point", "hit_policy": "first", "rules": [
            {"when": {"question": f"b{block}", "is": "yes"}, "outcome": "report",
             "rationale": "worry"}], "otherwise": {**after, "rationale": "go on"}})
        if block % 10 == 0:
            floors.append({"id": f"f{block}", "title": "Floor", "minimum": "report",
                           "when": {"question": f"b{block}", "is": "yes"}, "rationale": "R."})
    judge = next(q for q in data["questions"] if q["id"] == "judge")
    judge["suggest"] = {"rules": [{"when": {"question": "b0", "is": "unsure"}, "answer": "yes",
                                   "rationale": "unsure at the start"}],
                        "otherwise": {"answer": "no", "rationale": "nothing"}}
    floors.append({"id": "first", "title": "First", "minimum": "report",
                   "when": {"question": "b0", "is": "unsure"}, "rationale": "R."})
    data.update(questions=[*questions, judge], decision_points=points, floors=floors)
    return data


def test_the_proof_states_grow_linearly_with_the_document(tmp_path: Path) -> None:
    # Counted, not timed: floors reading far from their outcome once multiplied the states
    # by every combination of the answers they read.
    from threshold_guide.models.document import ThresholdDocument
    from threshold_guide.validation.rule_proofs import _Proof

    counts = []
    found: list[str] = []
    for blocks in (40, 80):
        document = ThresholdDocument.model_validate(_long_document(blocks))
        proof = _Proof(document, lambda code, *rest: found.append(code))
        proof.run()
        counts.append(sum(len(states) for states in proof.states.values()))
    assert found == []
    assert counts[1] <= 2.2 * counts[0], counts
