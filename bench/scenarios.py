"""Time ``scenarios check`` on 1,000 generated scenarios (goal: at most 2 s).

Run: python bench/scenarios.py [--count N] [--repeat N] [--seed S]

Each generated scenario is a shipped scenario (same vignette, notes and teaching text, so
the files are realistic in size) re-pointed at a random complete route through one version
of the shipped guidance, with that route's outcome as its expected outcome. The timed
check is the whole of ``threshold-guide scenarios check`` on the folder: find, read,
parse with positions, validate against the model, cross-check every id, replay, and
compute coverage. The guidance catalog is loaded once beforehand and timed on its own.

The baseline, measured in the same run, replays the same answers through ``derive_route``
alone, already in memory: what the check adds on top of walking the routes is the ratio
to compare between runs (timings on shared machines are noisy).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threshold_guide.engine.paths import all_routes
from threshold_guide.engine.route import derive_route
from threshold_guide.loading.catalog import Catalog
from threshold_guide.loading.yaml_source import dump_yaml
from threshold_guide.models.session import Selection
from threshold_guide.paths import shipped_guidance, shipped_scenarios
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.scenarios.coverage import coverage

GOAL_SECONDS = 2.0


def generate(folder: Path, count: int, catalog: Catalog, seed: int
             ) -> list[tuple[str, str, dict[str, Selection]]]:
    """Write ``count`` scenario files; return (document id, version, answers) for each."""
    rng = random.Random(seed)
    templates = [yaml.safe_load(p.read_text(encoding="utf-8"))
                 for p in sorted(shipped_scenarios().glob("*.yaml"))]
    routes = {(e.id, e.version): list(all_routes(e.document)) for e in catalog.entries}
    keys = sorted(routes)
    replays: list[tuple[str, str, dict[str, Selection]]] = []
    for index in range(count):
        document_id, version = keys[index % len(keys)]
        route = rng.choice(routes[(document_id, version)])
        data: dict[str, Any] = dict(rng.choice(templates))
        data.pop("by_version", None)
        data.pop("why", None)
        data.update({
            "id": f"generated-{index:04d}",
            "guidance": {"id": document_id, "versions": [version]},
            "model_answers": route.answers,
            "expected_outcome": route.outcome,
        })
        (folder / f"generated-{index:04d}.yaml").write_text(dump_yaml(data), encoding="utf-8")
        replays.append((document_id, version, route.answers))
    return replays


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261103)
    args = parser.parse_args()

    start = time.perf_counter()
    catalog = Catalog.load([shipped_guidance()])
    catalog_seconds = time.perf_counter() - start
    documents = {(e.id, e.version): e.document for e in catalog.entries}

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        replays = generate(folder, args.count, catalog, args.seed)
        size = sum(p.stat().st_size for p in folder.iterdir())
        run = check_paths([folder], catalog)
        assert run.ok, [d.render() for d in run.diagnostics[:5]]
        assert len(run.replays) == args.count

        def check() -> None:
            result = check_paths([folder], catalog)
            coverage(catalog.entries, result.replays)

        def baseline() -> None:
            for document_id, version, answers in replays:
                derive_route(documents[(document_id, version)], answers)

        check_seconds = median_time(check, args.repeat)
        baseline_seconds = median_time(baseline, args.repeat)

    verdict = "ok" if check_seconds <= GOAL_SECONDS else "OVER GOAL"
    print(f"scenarios: {args.count} files, {size / 1_000_000:.1f} MB, median of {args.repeat}")
    print(f"guidance catalog load (once):       {catalog_seconds:7.3f} s")
    print(f"scenarios check (load, validate, cross-check, replay, coverage): "
          f"{check_seconds:7.3f} s  goal <= {GOAL_SECONDS:.1f} s: {verdict}")
    print(f"baseline, derive_route alone:       {baseline_seconds:7.3f} s")
    print(f"ratio check / baseline:             {check_seconds / baseline_seconds:7.1f}x")
    print(f"per scenario:                       {1000 * check_seconds / args.count:7.3f} ms")
    return 0 if check_seconds <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
