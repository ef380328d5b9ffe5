"""Exercise mode's core: a participant's route against the model answer, question by question."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.scenarios.helpers import SCENARIOS, shipped_catalog
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import Selection
from threshold_guide.scenarios.compare import Match, _merge, compare_to_model
from threshold_guide.scenarios.files import load_scenario
from threshold_guide.scenarios.library import ScenarioLibrary, document_for
from threshold_guide.scenarios.replay import selections


def _scenario(name: str) -> Scenario:
    scenario = load_scenario(SCENARIOS / name).scenario
    assert scenario is not None
    return scenario


def _document(version: str = "1.1.0") -> ThresholdDocument:
    return next(e.document for e in shipped_catalog().versions("wales-duty-to-report")
                if e.version == version)


def test_the_model_answers_match_themselves() -> None:
    scenario = _scenario("dtr-03-the-belt.yaml")
    document = _document()
    comparison = compare_to_model(document, scenario, selections(scenario.answers_for("1.1.0")))
    assert comparison.outcome_matches and comparison.level_difference == 0
    assert comparison.first_difference is None
    assert all(row.match is Match.SAME for row in comparison.rows)
    assert comparison.matched == comparison.model_questions == len(comparison.rows)
    assert comparison.learning_points[0].startswith("Listen, stay calm")


def test_a_different_answer_shows_both_answers_with_the_guidance_reasoning() -> None:
    scenario = _scenario("dtr-03-the-belt.yaml")
    document = _document()
    answers: dict[str, Selection] = selections(scenario.answers_for("1.1.0"))
    answers["immediate-danger"] = "yes-danger"
    comparison = compare_to_model(document, scenario, answers)
    assert comparison.outcome is not None and comparison.outcome.id == "call-police-now"
    assert comparison.level_difference == 20
    first = comparison.first_difference
    assert first is not None and first.question == "immediate-danger"
    assert first.match is Match.DIFFERENT
    assert first.given_labels == ("Yes, or I think so",)
    assert first.model_labels == ("No",)
    assert first.given_rationale[0].startswith("The child may be in immediate danger")
    assert first.why is not None and "six hours" in first.why
    # The rest of the model route was never reached by the participant.
    assert {row.match for row in comparison.rows[1:]} == {Match.ONLY_MODEL}


def test_questions_only_on_the_participants_route_are_kept_in_route_order() -> None:
    scenario = _scenario("dtr-03-the-belt.yaml")
    document = _document()
    answers: dict[str, Selection] = selections(scenario.answers_for("1.1.0"))
    answers["reasonable-cause"] = "unsure-cause"
    answers["chronology"] = "pattern-found"
    comparison = compare_to_model(document, scenario, answers)
    order = [row.question for row in comparison.rows]
    assert order.index("reasonable-cause") < order.index("chronology") < order.index(
        "care-support-needs")
    chronology = comparison.rows[order.index("chronology")]
    assert chronology.match is Match.ONLY_PARTICIPANT and chronology.model is None
    assert comparison.outcome_matches  # a different route to the same outcome


def test_an_unfinished_walk_has_no_outcome() -> None:
    scenario = _scenario("dtr-03-the-belt.yaml")
    comparison = compare_to_model(_document(), scenario, {"immediate-danger": "no-danger"})
    assert comparison.outcome is None and comparison.level_difference is None
    assert not comparison.outcome_matches


@given(st.lists(st.integers(0, 30), unique=True, max_size=12),
       st.lists(st.integers(0, 30), unique=True, max_size=12))
def test_merging_two_routes_keeps_each_routes_order(first: list[int],
                                                    second: list[int]) -> None:
    # Routes share questions in the same relative order (the graph is acyclic).
    shared = [q for q in first if q in second]
    second = [q for q in second if q not in shared]
    for position, question in zip(range(0, 2 * len(shared), 2), shared, strict=False):
        second.insert(min(position, len(second)), question)
    a, b = [str(q) for q in first], [str(q) for q in second]
    merged = _merge(a, b)
    assert sorted(merged) == sorted(set(a) | set(b))
    for route in (a, b):
        positions = [merged.index(q) for q in route]
        assert positions == sorted(positions)


def test_the_library_offers_valid_scenarios_and_picks_the_version_to_walk() -> None:
    catalog = shipped_catalog()
    library = ScenarioLibrary.load([SCENARIOS], catalog)
    assert library.broken == [] and len(library.scenarios) >= 16
    scenario = library.get("never-been-born")
    assert scenario is not None
    before, after = (document_for(scenario, catalog, dt.date(2026, month, 1)) for month in (6, 11))
    assert before is not None and before.version == "1.0.0"
    assert after is not None and after.version == "1.1.0"


HEADLESS = """
import sys
from threshold_guide.cli.main import main
main(["scenarios", "check"])
main(["validate", "scenarios"])
print("LEAKED:" + ",".join(sorted(m for m in sys.modules if m.startswith("textual"))))
"""


def test_scenario_commands_never_import_textual() -> None:
    result = subprocess.run([sys.executable, "-c", HEADLESS], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LEAKED:"
