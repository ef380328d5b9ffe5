"""Load + validate time for generated documents of 1k, 10k and 20k questions.

Run: python bench/scale.py [--repeat N] [--only plain|rules] [--format yaml|json]

Prints, for the same documents written as YAML and as JSON, the median of N runs for each
size, the 20k/10k ratio (goal <= 2.2: loading grows linearly) and each time against a
baseline measured in the same run: parsing the same file with PyYAML's C loader (or json),
the least any tool must pay to read it.

Then the same for documents with decision rules (format 2): a third of the nodes are
decision points whose rules read the two questions just before them, every tenth question
block has a judgement question suggesting from the block before, and floors (one per 100
questions reading its block, plus one reading an answer near the start, which a route carries
to its very end) must be proved over every route. Each is timed against the plain document of
the same number of questions, in the same run (goal: the proofs stay linear, 20k/10k <= 2.2,
and 10k <= 1 s on JSON). Timings on shared machines are noisy; the ratios are what to
compare between runs.
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


def generate_rules(questions: int) -> dict[str, object]:
    """A valid format 2 document: blocks of two questions and a decision point, floors."""
    outcomes = [
        {"id": f"o{level}", "title": f"Outcome {level}", "level": level,
         "test_met": level > 1, "emergency": level == 4, "do_now": "Act.",
         "timescale": "Today", "contact": "Social services", "rationale": "Because."}
        for level in (1, 2, 3, 4)
    ]
    blocks = max(questions // 2 - 1, 2)
    items: list[dict[str, object]] = []
    points: list[dict[str, object]] = []
    floors: list[dict[str, object]] = []
    for block in range(blocks):
        first, second, point = f"q{2 * block}", f"q{2 * block + 1}", f"d{block}"
        after = f"q{2 * block + 2}" if block + 1 < blocks else "overall"
        if block == 0:
            items.append({
                "id": first, "prompt": "Is the child in immediate danger?",
                "gate": "immediate-danger", "sources": ["s1"],
                "answers": [
                    {"id": "yes", "label": "Yes", "outcome": "o4", "rationale": "Danger."},
                    {"id": "no", "label": "No", "next": second, "rationale": "No danger."},
                ],
            })
        else:
            question: dict[str, object] = {
                "id": first, "prompt": f"Question {2 * block}?", "answers": [
                    {"id": "yes", "label": "Yes", "next": second, "rationale": "Yes.",
                     "signal": "concern"},
                    {"id": "no", "label": "No", "next": second, "rationale": "No."},
                    {"id": "unsure", "label": "Not sure", "next": point,
                     "rationale": "Not sure."},
                ]}
            if block % 10 == 0:
                question["suggest"] = {
                    "rules": [{"when": {"question": f"q{2 * block - 2}", "is": "yes"},
                               "answer": "yes", "rationale": "a worry just before"}],
                    "otherwise": {"answer": "no", "rationale": "no worry just before"},
                }
            items.append(question)
        if block % 5 == 4:
            items.append({
                "id": second, "prompt": f"Which signs ({2 * block + 1})?", "type": "multiple",
                "answers": [{"id": f"a{k}", "label": f"Sign {k}", "rationale": f"Sign {k}."}
                            for k in range(4)],
                "routes": [{"next": point}],
            })
            test: dict[str, object] = {"question": second, "includes_any": ["a0", "a1"]}
        else:
            items.append({
                "id": second, "prompt": f"Question {2 * block + 1}?", "answers": [
                    {"id": "yes", "label": "Yes", "next": point, "rationale": "Yes."},
                    {"id": "no", "label": "No", "next": point, "rationale": "No."},
                ]})
            test = {"question": second, "is": "yes"}
        # 'Not sure' skips the second question: the rule reads it only where it was asked.
        serious = ({"all": [{"question": second, "answered": True}, test]} if block
                   else test)
        rules: list[dict[str, object]] = [
            {"when": serious, "outcome": "o3", "rationale": "serious harm"}]
        if block:
            rules.append({"when": {"question": first, "is": "unsure"}, "next": after,
                          "rationale": "not sure yet"})
            if block % 50 == 0:
                floors.append({"id": f"f{block}", "title": f"Floor {block}", "minimum": "o3",
                               "when": {"all": [{"question": first, "is": "yes"}, test]},
                               "rationale": "Serious harm is always referred."})
        points.append({"id": point, "title": f"Point {block}", "hit_policy": "first",
                       "rules": rules, "otherwise": {"next": after, "rationale": "go on"}})
    last = f"q{2 * blocks - 2}"
    items.append({
        "id": "overall", "prompt": "Overall, is there reasonable cause?",
        "suggest": {"rules": [{"when": {"question": last, "is": "yes"}, "answer": "report",
                               "rationale": "a worry just before"}],
                    "otherwise": {"answer": "record", "rationale": "no worry just before"}},
        "answers": [
            {"id": "report", "label": "Report", "outcome": "o2", "rationale": "Report."},
            {"id": "record", "label": "Record", "outcome": "o1", "rationale": "Record."},
        ],
    })
    # Reading an answer near the start, applying at the very end: met because every route
    # where it applies and nothing more serious follows is suggested 'report' at the end.
    floors.append({"id": "early-worry", "title": "A worry at the start", "minimum": "o2",
                   "when": {"all": [{"question": "q2", "is": "yes"},
                                    {"question": last, "is": "yes"}]},
                   "rationale": "Always reported."})
    document = generate(2)
    document.update({
        "format": 2, "id": f"bench-rules-{questions}", "questions": items,
        "decision_points": points, "floors": floors, "outcomes": outcomes, "start": "q0",
    })
    return document


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


def write(folder: Path, name: str, suffix: str, data: dict[str, object]) -> tuple[Path, str]:
    path = folder / f"{name}{suffix}"
    text = dump_yaml(data) if suffix == ".yaml" else json.dumps(data, indent=1)
    path.write_text(text, encoding="utf-8")
    result = check_file(path)
    if not result.ok:
        raise SystemExit(f"generated document {name} is invalid:\n" + "\n".join(
            d.render() for d in result.diagnostics[:5]))
    return path, text


def timed_check(path: Path, repeat: int) -> float:
    return median_time(lambda: check_file(path), repeat)


def run_format(folder: Path, suffix: str, repeat: int) -> None:
    times: dict[int, float] = {}
    print(f"-- {suffix[1:].upper()} documents (baseline: parse only, same file, same run)")
    for size in SIZES:
        path, text = write(folder, f"bench-{size}", suffix, generate(size))
        times[size] = timed_check(path, repeat)
        baseline = median_time(parse_only(suffix, text), repeat)
        megabytes = path.stat().st_size / 1e6
        print(f"{size:>6} questions ({megabytes:5.1f} MB): load+validate {times[size]:.3f} s, "
              f"parse only {baseline:.3f} s, ratio {times[size] / baseline:.2f}")
    print(f"10k load+validate: {times[10_000]:.3f} s (goal <= 1 s)")
    print(f"20k/10k ratio: {times[20_000] / times[10_000]:.2f} (goal <= 2.2)")


def run_rules(folder: Path, suffix: str, repeat: int) -> None:
    times: dict[int, float] = {}
    base: dict[int, float] = {}
    print(f"-- {suffix[1:].upper()} documents with decision rules (a third of the nodes are "
          "decision points, plus floors; baseline: the plain document of the same size, "
          "same run)")
    for size in SIZES:
        data = generate_rules(size)
        path, _ = write(folder, f"bench-rules-{size}", suffix, data)
        plain, _ = write(folder, f"bench-{size}", suffix, generate(size))
        times[size] = timed_check(path, repeat)
        base[size] = timed_check(plain, repeat)
        nodes = len(data["questions"]) + len(data["decision_points"])  # type: ignore[arg-type]
        print(f"{size:>6} questions ({nodes} nodes, {len(data['floors'])} floors, "  # type: ignore[arg-type]
              f"{path.stat().st_size / 1e6:5.1f} MB): load+validate {times[size]:.3f} s, "
              f"plain {base[size]:.3f} s, ratio {times[size] / base[size]:.2f}")
    print(f"10k load+validate with rules: {times[10_000]:.3f} s (goal <= 1 s on JSON)")
    print(f"20k/10k ratio with rules: {times[20_000] / times[10_000]:.2f} (goal <= 2.2); "
          f"plain: {base[20_000] / base[10_000]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["plain", "rules"])
    parser.add_argument("--format", choices=["yaml", "json"], help="one format only")
    args = parser.parse_args()
    suffixes = (f".{args.format}",) if args.format else (".yaml", ".json")
    with tempfile.TemporaryDirectory() as folder:
        for suffix in suffixes:
            if args.only != "rules":
                run_format(Path(folder), suffix, args.repeat)
            if args.only != "plain":
                run_rules(Path(folder), suffix, args.repeat)


if __name__ == "__main__":
    main()
