"""Answers files: the flat mapping, the structured form with the child's voice and strengths,
evidence as one type or several, and JSON Schemas that accept what the models accept."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import DUTY_1_1, ROOT
from threshold_guide.cli.main import main
from threshold_guide.loading.yaml_source import parse_yaml_text, read_text
from threshold_guide.models.document import EvidenceType
from threshold_guide.models.session import AnswersFile, GivenAnswer, Session
from threshold_guide.models.summary import Summary
from threshold_guide.storage.answers_file import read_answers_file

Capture = pytest.CaptureFixture[str]
AT = "2026-11-02T10:15:00Z"
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMAS = ROOT / "schema"
TO_REPORT: dict[str, Any] = {
    "immediate-danger": "no-danger",
    "how-concern-arose": {"answer": "child-told-me", "note": "Said 'Dad hit me'; a bruise.",
                          "evidence": ["disclosed", "observed"]},
    "child-disclosure": "described-harm",
    "indicators": ["physical"],
    "reasonable-cause": "yes-cause",
    "care-support-needs": "has-needs",
    "dsp": "dsp-agrees",
    "parents-informed": "safe-to-tell",
    "concern-about-staff": "not-about-practitioner",
}


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def readme_answers_examples() -> list[str]:
    section = README[README.index("## Answers files"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"```yaml\n(.*?)\n```", section, flags=re.DOTALL)


def run_json(capsys: Capture, tmp_path: Path, data: Any, *argv: str) -> tuple[int, str, str]:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(data), encoding="utf-8")
    code = main(["run", str(DUTY_1_1), "--answers", str(answers), "--at", AT,
                 "--format", "json", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# The structured form ---------------------------------------------------------------------


def test_the_structured_form_carries_the_childs_voice_and_strengths(
    capsys: Capture, tmp_path: Path
) -> None:
    code, out, err = run_json(capsys, tmp_path, {
        "answers": TO_REPORT,
        "child_voice": {"own-words": "I don't want to go home."},
        "strengths": {"protective-adults": "Nan, on Fridays.", "what-is-working": "  "},
        "reference": "CASE-0042", "role": "DSP", "agency": "school",
    }, "--agency", "health")
    assert code == 0, err
    summary = Summary.model_validate_json(out)
    assert [v.text for v in summary.child_voice] == ["I don't want to go home."]
    assert [s.text for s in summary.strengths if s.recorded] == ["Nan, on Fridays."]
    # The file fills in what the options leave out; an option given wins.
    assert (summary.reference, summary.role, summary.agency) == ("CASE-0042", "DSP", "health")


def test_the_flat_mapping_still_works_and_gives_the_same_summary(
    capsys: Capture, tmp_path: Path
) -> None:
    _, flat, _ = run_json(capsys, tmp_path, TO_REPORT)
    _, structured, _ = run_json(capsys, tmp_path, {"answers": TO_REPORT})
    assert flat == structured


def test_an_unknown_prompt_id_is_an_error_that_names_it(capsys: Capture,
                                                        tmp_path: Path) -> None:
    code, _, err = run_json(capsys, tmp_path, {"answers": TO_REPORT,
                                               "child_voice": {"own-word": "x"}})
    assert code == 1
    assert "child_voice 'own-word'" in err and "own-words" in err


def test_a_misspelt_top_level_key_is_located(capsys: Capture, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  immediate-danger: yes-danger\nchild_voce:\n  a: b\n",
                       encoding="utf-8")
    code = main(["run", str(DUTY_1_1), "--answers", str(answers), "--at", AT])
    _, err = capsys.readouterr()
    assert code == 1
    assert f"{answers}:3:" in err and "child_voce" in err


def test_a_question_called_answers_is_still_the_flat_form() -> None:
    given = AnswersFile.model_validate({"answers": "yes-cause", "other": ["a"]})
    assert set(given.answers) == {"answers", "other"}
    given = AnswersFile.model_validate({"answers": {"answer": "x", "note": "n"}})
    assert given.answers["answers"].note == "n"


# Evidence: one type or several ----------------------------------------------------------


def test_evidence_is_one_type_or_a_list_kept_in_one_order() -> None:
    one = GivenAnswer.model_validate({"answer": "a", "evidence": "observed"})
    several = GivenAnswer.model_validate({"answer": "a",
                                          "evidence": ["reported", "observed", "observed"]})
    none = GivenAnswer.model_validate({"answer": "a", "evidence": None})
    assert one.evidence == [EvidenceType.OBSERVED]
    assert several.evidence == [EvidenceType.OBSERVED, EvidenceType.REPORTED]
    assert none.evidence == []


def test_a_summary_names_every_evidence_type_of_a_note(capsys: Capture,
                                                       tmp_path: Path) -> None:
    _, out, _ = run_json(capsys, tmp_path, TO_REPORT)
    step = next(s for s in Summary.model_validate_json(out).path
                if s.question == "how-concern-arose")
    assert step.evidence == [EvidenceType.OBSERVED, EvidenceType.DISCLOSED]
    assert step.evidence_label == "Observed; Disclosed by the child (their own words)"
    answers = tmp_path / "answers.json"
    assert main(["run", str(DUTY_1_1), "--answers", str(answers), "--at", AT]) == 0
    markdown = capsys.readouterr().out
    assert "**Note** (Observed; Disclosed by the child (their own words)):" in markdown


def test_sessions_written_with_one_evidence_type_still_read() -> None:
    old = (ROOT / "tests" / "golden" / "explain" / "sessions" / "report-today.json")
    data = json.loads(old.read_text(encoding="utf-8"))
    for given in data["answers"].values():
        evidence = given.get("evidence")
        given["evidence"] = evidence[0] if evidence else None  # as version 0.1 wrote it
    assert any(g["evidence"] for g in data["answers"].values())
    session = Session.model_validate(data)
    assert all(isinstance(g.evidence, list) for g in session.answers.values())
    assert any(g.evidence for g in session.answers.values())


# The JSON Schemas accept what the models accept --------------------------------------------


def test_the_answers_schema_describes_every_short_form() -> None:
    checker = jsonschema.Draft202012Validator(schema("answers.schema.json"))
    for example in (
        {"immediate-danger": "no-danger"},
        {"indicators": ["physical", "neglect"], "reasonable-cause": "yes-cause"},
        {"indicators": []},
        {"dsp": {"answer": "dsp-agrees", "note": "n", "evidence": "observed"}},
        {"dsp": {"answer": "dsp-agrees", "note": "n", "evidence": ["observed", "opinion"]}},
        {"answers": TO_REPORT, "child_voice": {"own-words": "x"}, "reference": "R-1"},
        TO_REPORT,
    ):
        checker.validate(example)
        AnswersFile.model_validate(example)
    for wrong in ({"dsp": 3}, {"dsp": {"note": "no answer"}},
                  {"dsp": {"answer": "a", "evidence": "seen"}}):
        assert not checker.is_valid(wrong), wrong


def test_the_readme_answers_examples_validate_and_run(capsys: Capture, tmp_path: Path) -> None:
    examples = readme_answers_examples()
    assert len(examples) >= 2
    checker = jsonschema.Draft202012Validator(schema("answers.schema.json"))
    for number, example in enumerate(examples):
        data = parse_yaml_text(example).data
        checker.validate(data)
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(example, encoding="utf-8")
        read_answers_file(path)  # the models agree with the schema
    # The structured example is a whole walk: it runs as it stands.
    path = tmp_path / "example-1.yaml"
    assert main(["run", str(DUTY_1_1), "--answers", str(path), "--at", AT]) == 0, (
        capsys.readouterr().err)


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_shipped_scenario_validates_against_the_schema(path: Path) -> None:
    data = parse_yaml_text(read_text(path)).data
    jsonschema.Draft202012Validator(schema("scenario.schema.json")).validate(data)
