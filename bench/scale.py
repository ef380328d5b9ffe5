"""Load + validate time for generated documents of 1k, 10k and 20k questions.

Run: python bench/scale.py [--repeat N]

Prints, for the same documents written as YAML and as JSON, the median of N runs for each
size, the 20k/10k ratio (goal <= 2.2: loading grows linearly) and each time against a
baseline measured in the same run: parsing the same file with PyYAML's C loader (or json),
the least any tool must pay to read it. Timings on shared machines are noisy; the ratios
are what to compare between runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threshold_guide.loading.yaml_source import dump_yaml
from threshold_guide.validation.validate import check_file

SIZES = (1_000, 10_000, 20_000)


def generate(questions: int) -> dict[str, object]:
    """A valid duty-to-report document: a long DAG with branches, joins and checklists."""
    outcomes = [
        {"id": f"o{level}", "title": f"Outcome {level}", "level": level,
         "test_met": level > 1, "emergency": level == 4, "do_now": "Act.",
         "timescale": "Today", "contact": "Social services", "rationale": "Because."}
        for level in (1, 2, 3, 4)
    ]
    items: list[dict[str, object]] = []
    for index in range(questions):
        last = index == questions - 1
        nxt = None if last else f"q{index + 1}"
        skip = None if index + 2 >= questions else f"q{index + 2}"
        if index == 0:
            items.append({
                "id": "q0", "prompt": "Is the child in immediate danger?",
                "gate": "immediate-danger", "sources": ["s1"],
                "answers": [
                    {"id": "yes", "label": "Yes", "outcome": "o4", "rationale": "Danger."},
                    {"id": "no", "label": "No", "next": nxt, "rationale": "No danger."},
                ],
            })
        elif index % 5 == 0 and not last:
            items.append({
                "id": f"q{index}", "prompt": f"Which signs apply ({index})?", "type": "multiple",
                "definitions": ["d1"],
                "answers": [{"id": f"a{k}", "label": f"Sign {k}", "rationale": f"Sign {k}."}
                            for k in range(4)],
                "routes": [
                    {"if_any": ["a0"], "outcome": "o3"},
                    {"min_selected": 2, "next": skip or nxt},
                    {"next": nxt},
                ],
            })
        else:
            forward: dict[str, object] = {"outcome": "o1"} if last else {"next": nxt}
            jump: dict[str, object] = {"next": skip} if skip else {"outcome": "o2"}
            items.append({
                "id": f"q{index}", "prompt": f"Question {index}?", "help": "Some *help*.",
                "why": "Because.", "sources": ["s1"],
                "note": {"prompt": "What did you see?", "evidence": ["observed", "disclosed"]},
                "answers": [
                    {"id": "yes", "label": "Yes", **forward, "rationale": "Yes.",
                     "signal": "concern"},
                    {"id": "no", "label": "No", **jump, "rationale": "No."},
                    {"id": "report", "label": "Report", "outcome": "o2", "rationale": "R."},
                ],
            })
    return {
        "id": f"bench-{questions}", "version": "1.0.0", "title": "Bench", "status": "published",
        "effective_from": "2025-01-01", "publisher": "bench", "jurisdiction": "Wales",
        "decision": "duty-to-report", "about": "Generated for benchmarks.",
        "legal_test": {"text": "Test.", "who_decides": "Someone.", "sources": ["s1"]},
        "changelog": [{"version": "1.0.0", "date": "2025-01-01", "changes": ["First."]}],
        "sources": [{"id": "s1", "title": "Source", "section": "s1"}],
        "definitions": [{"id": "d1", "term": "Term", "text": "Text.", "sources": ["s1"]}],
        "start": "q0", "questions": items, "outcomes": outcomes,
    }


def median_time(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def parse_only(suffix: str, text: str) -> Callable[[], object]:
    """The baseline: what any tool pays just to read the file (PyYAML's C loader, or json)."""
    if suffix == ".json":
        return lambda: json.loads(text)
    return lambda: yaml.load(text, Loader=yaml.CSafeLoader)


def run_format(folder: Path, suffix: str, repeat: int) -> None:
    times: dict[int, float] = {}
    print(f"-- {suffix[1:].upper()} documents (baseline: parse only, same file, same run)")
    for size in SIZES:
        path = folder / f"bench-{size}{suffix}"
        data = generate(size)
        text = dump_yaml(data) if suffix == ".yaml" else json.dumps(data, indent=1)
        path.write_text(text, encoding="utf-8")
        result = check_file(path)
        if not result.ok:
            raise SystemExit("generated document is invalid:\n" + "\n".join(
                d.render() for d in result.diagnostics[:5]))
        times[size] = median_time(lambda p=path: check_file(p), repeat)  # type: ignore[misc]
        baseline = median_time(parse_only(suffix, text), repeat)
        megabytes = path.stat().st_size / 1e6
        print(f"{size:>6} questions ({megabytes:5.1f} MB): load+validate {times[size]:.3f} s, "
              f"parse only {baseline:.3f} s, ratio {times[size] / baseline:.2f}")
    print(f"10k load+validate: {times[10_000]:.3f} s (goal <= 1 s)")
    print(f"20k/10k ratio: {times[20_000] / times[10_000]:.2f} (goal <= 2.2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".yaml", ".json"):
            run_format(Path(folder), suffix, args.repeat)


if __name__ == "__main__":
    main()
