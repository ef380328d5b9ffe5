"""threshold-guide validate: check threshold documents and report every problem."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from threshold_guide.cli.options import Commands
from threshold_guide.deadlines.closures import check_closures, closures_paths, is_closures_file
from threshold_guide.exit_status import ExitStatus
from threshold_guide.paths import guidance_dirs
from threshold_guide.scenarios.validate import file_entries, split_scenarios, validate_scenarios
from threshold_guide.validation.diagnostics import Severity, sort_key
from threshold_guide.validation.validate import validate_paths

EXAMPLE = """example:
  threshold-guide validate guidance/wales-duty-to-report/1.1.0.yaml
  threshold-guide validate my-board-guidance/ --format json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        parents=parents,
        help="check threshold documents; every problem with file:line:col and a fix",
        description="Check threshold documents (default: the guidance folder in use). "
        "Exit 0 when there are no errors (warnings allowed), 1 when there are errors.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders (folders are searched for .yaml, .yml, .json)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or guidance_dirs(args.guidance)
    closures = [check_closures(p) for p in
                [*closures_paths(paths), *(p for p in paths if is_closures_file(p))]]
    paths = [p for p in paths if not is_closures_file(p)]
    scenario_paths, paths = split_scenarios(paths)
    report = validate_paths(paths)
    scenarios = validate_scenarios(scenario_paths, report.files, guidance_dirs(args.guidance))
    report.diagnostics = sorted([*report.diagnostics, *scenarios.diagnostics,
                                 *(d for c in closures for d in c.diagnostics)], key=sort_key)
    errors = sum(1 for d in report.diagnostics if d.severity is Severity.ERROR)
    warnings = len(report.diagnostics) - errors
    if args.format == "json":
        payload = {
            "ok": report.ok,
            "files": [
                {
                    "file": str(item.path),
                    "ok": item.document is not None,
                    "id": item.document.id if item.document else None,
                    "version": item.document.version if item.document else None,
                    "sha256": item.sha256,
                }
                for item in report.files
            ] + file_entries(scenarios) + [
                {"file": str(c.path), "ok": c.closures is not None, "kind": "closures",
                 "id": None, "version": None, "sha256": None}
                for c in closures
            ],
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.model_dump(mode="json") for d in report.diagnostics],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for item in report.diagnostics:
            print(item.render())
        files = len(report.files) + len(scenarios.checks) + len(closures)
        verdict = "ok" if report.ok else "FAILED"
        print(f"{verdict}: {files} file{'s' if files != 1 else ''} checked, "
              f"{errors} error{'s' if errors != 1 else ''}, "
              f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ExitStatus.OK if report.ok else ExitStatus.ERROR
