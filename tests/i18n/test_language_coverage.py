"""language_coverage counts every text once, wherever the model keeps it."""

from __future__ import annotations

from threshold_guide.models.text import language_coverage
from threshold_guide.paths import shipped_scenarios
from threshold_guide.scenarios.files import load_scenario


def _scenario(name: str):  # type: ignore[no-untyped-def]
    loaded = load_scenario(shipped_scenarios() / name)
    assert loaded.scenario is not None
    return loaded.scenario


def test_a_mapping_of_texts_counts_each_text_not_the_mapping() -> None:
    scenario = _scenario("dtr-01-home-time.yaml")
    english = {key: value["en"] if isinstance(value, dict) else value
               for key, value in scenario.why.items()}
    before = language_coverage(scenario, "cy")
    after = language_coverage(scenario.model_copy(update={"why": english}), "cy")
    assert before[0] == after[0]  # the same number of texts
    assert after[1] == before[1] - len(scenario.why)  # each 'why' is one text lacking Welsh


def test_texts_inside_a_mapping_of_models_are_counted() -> None:
    scenario = _scenario("dtr-10-never-been-born.yaml")
    assert scenario.by_version  # its per-version notes are texts too
    without = scenario.model_copy(update={"by_version": {}})
    assert language_coverage(scenario, "cy")[0] > language_coverage(without, "cy")[0]
