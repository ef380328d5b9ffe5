"""Random damage to a valid scenario: always diagnostics, never an exception."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scenarios.helpers import FIXTURES, shipped_catalog
from threshold_guide.scenarios.checks import check_scenario
from threshold_guide.scenarios.files import load_scenario

CATALOG = shipped_catalog()
VALID: dict[str, Any] = yaml.safe_load((FIXTURES / "drift.yaml").read_text(encoding="utf-8"))
VALID["expected_outcome"] = "report-today"
VALID["model_answers"].pop("fgm-known")

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12)
    | st.sampled_from(["yes-cause", "report-today", "1.0.0", "wales-duty-to-report", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=6,
)
paths = st.sampled_from([
    ("kind",), ("id",), ("reference",), ("guidance",), ("guidance", "id"),
    ("guidance", "versions"), ("model_answers",), ("model_answers", "reasonable-cause"),
    ("model_answers", "indicators"), ("model_answers", "dsp"), ("expected_outcome",),
    ("by_version",), ("why",), ("learning_points",), ("audience",), ("vignette",),
])


def _damage(data: dict[str, Any], path: tuple[str, ...], value: Any, delete: bool) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    if delete:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(paths, values, st.booleans()), min_size=1, max_size=3))
def test_damaged_scenarios_give_located_diagnostics(changes: list[Any]) -> None:
    data = copy.deepcopy(VALID)
    for path, value, delete in changes:
        try:
            _damage(data, path, value, delete)
        except (KeyError, TypeError):
            continue  # an earlier change removed or replaced the parent
    with tempfile.TemporaryDirectory() as temp:
        file = Path(temp) / "damaged.yaml"
        file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        result = check_scenario(load_scenario(file), CATALOG)
    for item in result.diagnostics:
        assert item.line >= 1 and item.column >= 1 and item.message
    if result.scenario is None:
        assert result.diagnostics, "an unloadable scenario must say why"
    for replay in result.replays:
        assert replay.passed or result.diagnostics
