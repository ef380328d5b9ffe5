"""Time the board tracker on 100,000 records: import, then report.

Run: python bench/tracker.py [--records N] [--files N] [--seed S]

Goals (issue 13): import at least 20,000 records a second; the report in at most 2 s.

Records are generated in the export format (random agencies, outcomes, departures, ticks
and weeks over a year), written as several export files as practitioners would send them,
and imported with ``threshold-guide tracker import`` into a fresh SQLite database; then
``tracker report --format json`` runs on it. Both go through the same code as the CLI,
in this process.

The baseline, measured in the same run, is the cost of reading and validating the same
files with the export model alone (``TrackerExport.model_validate_json``), which every
import must pay: the ratio says what the database adds. Timings on shared machines are
noisy, so compare ratios between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threshold_guide.models.tracker import (
    AgencyCategory,
    Direction,
    RoleCategory,
    TrackerExport,
    TrackerRecord,
)
from threshold_guide.summary.json_output import render_json
from threshold_guide.tracker.database import connect, import_records
from threshold_guide.tracker.files import read_export
from threshold_guide.tracker.report import Filters, build_report
from threshold_guide.tracker.report_text import render_report_markdown

IMPORT_GOAL = 20_000
REPORT_GOAL = 2.0
OUTCOMES = [("report-now", 60, True), ("dsp-advice-today", 40, False),
            ("record-monitor", 20, False), ("call-999", 100, True)]
INDICATORS = [f"indicator-{n}" for n in range(20)]


def generate(rng: random.Random, count: int, offset: int) -> list[TrackerRecord]:
    records: list[TrackerRecord] = []
    agencies = list(AgencyCategory)
    for n in range(offset, offset + count):
        outcome, level, met = rng.choice(OUTCOMES)
        departed = rng.random() < 0.12
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(364))
        year, week, _ = day.isocalendar()
        records.append(TrackerRecord(
            record_id=f"{n:032x}",
            document_id="wales-duty-to-report",
            document_version=rng.choice(["1.1.0", "2.0.0"]),
            decision="duty-to-report",  # type: ignore[arg-type]
            agency=rng.choice(agencies),
            role=rng.choice(list(RoleCategory)),
            week=f"{year}-W{week:02d}",
            ticked={"indicators": sorted(rng.sample(INDICATORS, rng.randrange(0, 4)))},
            guidance_outcome=outcome,
            suggested_outcome=outcome,
            chosen_outcome=outcome,
            chosen_level=level,
            test_met=met,
            departures=["reasonable-cause"] if departed else [],
            departure=rng.choice([Direction.LOWER, Direction.HIGHER]) if departed
            else Direction.NONE,
            floors=["disclosure"] if rng.random() < 0.2 else [],
            uncertain=["chronology"] if rng.random() < 0.1 else [],
            response=rng.choice([None, "assessment", "iaa", "nfa", "s47"]),
            escalated=rng.random() < 0.02,
            hours_to_decision=rng.randrange(0, 72),
        ))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    per_file = args.records // args.files
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = []
        for index in range(args.files):
            export = TrackerExport(tool_version="bench", week="2026-W48",
                                   records=generate(rng, per_file, index * per_file))
            path = root / f"export-{index:02d}.json"
            path.write_text(render_json(export), encoding="utf-8")
            paths.append(path)
        total = per_file * args.files

        started = time.perf_counter()
        for path in paths:
            TrackerExport.model_validate_json(path.read_text(encoding="utf-8"))
        baseline = time.perf_counter() - started

        database = root / "board.sqlite"
        started = time.perf_counter()
        with closing(connect(database)) as connection:
            for path in paths:
                read = read_export(path)
                import_records(connection, read.export.records, read.sha256,
                               dt.datetime(2026, 11, 29, tzinfo=dt.UTC))
        imported = time.perf_counter() - started

        started = time.perf_counter()
        with closing(connect(database)) as connection:
            report = build_report(connection, Filters(), dt.datetime(2026, 11, 29,
                                                                     tzinfo=dt.UTC))
            render_json(report)
            render_report_markdown(report)
        reported = time.perf_counter() - started
        with closing(sqlite3.connect(database)) as check:
            stored = check.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    rate = total / imported
    print(f"records: {total} in {args.files} files; stored: {stored}")
    print(f"read + validate only (baseline): {baseline:.2f} s")
    print(f"import: {imported:.2f} s = {rate:,.0f} records/s "
          f"(goal >= {IMPORT_GOAL:,}: {'met' if rate >= IMPORT_GOAL else 'NOT met'}); "
          f"ratio to baseline {imported / baseline:.2f}")
    print(f"report (json + markdown): {reported:.2f} s "
          f"(goal <= {REPORT_GOAL} s: {'met' if reported <= REPORT_GOAL else 'NOT met'})")


if __name__ == "__main__":
    main()
