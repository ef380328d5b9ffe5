"""The scenario format and the shipped scenarios."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from tests.scenarios.helpers import SCENARIOS, shipped_catalog
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import AnswersFile
from threshold_guide.paths import shipped_scenarios
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.scenarios.coverage import coverage
from threshold_guide.scenarios.files import is_scenario_file, load_scenario

REQUIRED_THEMES = {
    "physical", "emotional", "sexual", "financial", "neglect",  # the five Welsh categories
    "cumulative", "disclosure", "domestic-abuse", "online", "cse", "fgm", "disabled-child",
    "sibling-group", "staff-concern", "below-threshold", "immediate-danger",
}


def _minimal() -> dict[str, Any]:
    return {
        "kind": "scenario",
        "id": "minimal",
        "title": "Minimal",
        "reference": "Child A",
        "audience": ["education"],
        "guidance": {"id": "wales-duty-to-report", "versions": ["1.0.0", "1.1.0"]},
        "vignette": "A vignette.",
        "model_answers": {"immediate-danger": "yes-danger"},
        "expected_outcome": "call-police-now",
        "learning_points": ["A point."],
        "facilitator_notes": "Notes.",
    }


def test_a_minimal_scenario_validates_and_expands_shorthand_answers() -> None:
    scenario = Scenario.model_validate(_minimal())
    assert scenario.answers_for("1.1.0")["immediate-danger"].answer == "yes-danger"
    assert scenario.expected_for("1.0.0") == "call-police-now"


def test_by_version_replaces_answers_and_outcome_for_that_version_only() -> None:
    data = _minimal()
    data["by_version"] = {"1.0.0": {"model_answers": {"immediate-danger": "no-danger"},
                                    "expected_outcome": "discuss-today"}}
    scenario = Scenario.model_validate(data)
    assert scenario.answers_for("1.0.0")["immediate-danger"].answer == "no-danger"
    assert scenario.expected_for("1.0.0") == "discuss-today"
    assert scenario.answers_for("1.1.0")["immediate-danger"].answer == "yes-danger"
    assert scenario.expected_for("1.1.0") == "call-police-now"


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "scenaro"}, "kind"),
    ({"colour": "red"}, "colour"),
    ({"reference": ""}, "reference"),
    ({"model_answers": {}}, "model_answers"),
    ({"learning_points": []}, "learning_points"),
    ({"guidance": {"id": "x", "versions": ["1.0"]}}, "versions"),
    ({"title": {"english": "Title"}}, "title"),
])
def test_the_model_rejects_bad_fields(change: dict[str, Any], field: str) -> None:
    data = {**_minimal(), **change}
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    assert field in str(caught.value)


def test_text_fields_accept_welsh_beside_english() -> None:
    data = {**_minimal(), "title": {"en": "Home time", "cy": "Amser mynd adref"}}
    assert Scenario.model_validate(data).title == {"en": "Home time", "cy": "Amser mynd adref"}


def test_scenario_files_are_told_apart_from_documents() -> None:
    assert all(is_scenario_file(p) for p in SCENARIOS.glob("*.yaml"))
    guidance = SCENARIOS.parent / "guidance"
    assert not any(is_scenario_file(p) for p in guidance.rglob("*.yaml"))


def test_the_shipped_folder_is_found() -> None:
    assert shipped_scenarios().resolve() == SCENARIOS.resolve()


def test_every_shipped_scenario_loads_and_checks_out_without_warnings() -> None:
    run = check_paths([SCENARIOS], shipped_catalog())
    assert run.diagnostics == []
    assert len(run.checks) >= 16
    assert all(item.passed for item in run.replays)


def test_the_shipped_scenarios_reach_every_outcome_of_every_shipped_document() -> None:
    catalog = shipped_catalog()
    run = check_paths([SCENARIOS], catalog)
    found = coverage(catalog.entries, run.replays)
    assert {(c.document, c.version) for c in found} == {
        ("wales-duty-to-report", "1.0.0"), ("wales-duty-to-report", "1.1.0"),
        ("wales-duty-to-report", "2.0.0"), ("wales-duty-to-report", "2.1.0"),
        ("wales-registration", "1.0.0"), ("wales-registration", "1.1.0"),
        ("wales-significant-harm", "1.0.0"), ("wales-significant-harm", "2.0.0"),
        ("wales-significant-harm", "2.1.0")}
    for item in found:
        assert item.missed_outcomes == (), (item.document, item.version)
        assert item.missed_questions == (), (item.document, item.version)


def test_the_shipped_scenarios_cover_the_required_themes() -> None:
    themes: set[str] = set()
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        assert scenario is not None
        themes.update(scenario.themes)
    assert themes >= REQUIRED_THEMES, REQUIRED_THEMES - themes


def test_shipped_scenarios_refer_to_children_by_reference_never_by_name() -> None:
    ids: set[str] = set()
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        assert scenario is not None
        assert re.fullmatch(r"Child [A-Z]{1,2}", scenario.reference), path
        assert scenario.id not in ids
        ids.add(scenario.id)
        # The vignette uses the reference it declares.
        assert scenario.reference in str(scenario.vignette), path


def test_shipped_scenarios_keep_model_answers_in_the_answers_file_shape() -> None:
    # Each model answer block is a valid `run --answers` file on its own.
    for path in sorted(SCENARIOS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        AnswersFile.model_validate(data["model_answers"])
