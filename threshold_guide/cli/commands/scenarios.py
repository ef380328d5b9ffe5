"""threshold-guide scenarios: check training scenarios, and report on an exercise."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import Commands, output_language
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.loading.catalog import Catalog
from threshold_guide.paths import guidance_dirs, shipped_scenarios
from threshold_guide.scenarios.chart import outcome_chart
from threshold_guide.scenarios.check_output import check_json, render_check_text
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.scenarios.coverage import coverage
from threshold_guide.scenarios.library import ScenarioLibrary
from threshold_guide.scenarios.report import ReportError, build_report
from threshold_guide.scenarios.report_markdown import render_report_markdown
from threshold_guide.scenarios.session_files import SessionFileError, find_sessions
from threshold_guide.summary.json_output import render_json

EXAMPLE = """examples:
  threshold-guide scenarios check                        replay every shipped scenario
  threshold-guide scenarios check scenarios/ --guidance ./our-guidance/
  threshold-guide scenarios report ./exercise-sessions/ -o report.md
"""

CHECK_EXAMPLE = """examples:
  threshold-guide scenarios check
  threshold-guide scenarios check our-scenarios/neglect.yaml --format json

Exit 0 when every scenario's model answers reach its expected outcome in every version
it targets; 1 on any mismatch or invalid scenario.
"""

REPORT_EXAMPLE = """examples:
  threshold-guide scenarios report ./exercise-sessions/
  threshold-guide scenarios report s1.json s2.json s3.json --format json -o report.json

Sessions of several scenarios may be reported together: Fleiss' kappa and Krippendorff's
alpha treat the scenarios as the cases rated, so they need at least two of them.
With -o, the outcome charts are still printed to the terminal.
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "scenarios",
        help="training scenarios: replay the model answers, report on an exercise",
        description="Training scenarios for multi-agency threshold exercises.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=_usage(parser))
    actions = parser.add_subparsers(dest="scenarios_command", metavar="SUBCOMMAND")

    check = actions.add_parser(
        "check", parents=parents,
        help="replay every scenario against each document version it targets",
        description="Replay each scenario's model answers against every document version "
        "it targets, show a diff for each outcome that no longer matches, and print which "
        "questions, answers and outcomes the scenarios exercise. Run it after every edit "
        "to the guidance.",
        epilog=CHECK_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="scenario files or folders (default: the shipped scenarios)")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(handler=run_check)

    report = actions.add_parser(
        "report", parents=parents,
        help="agreement among participants' sessions of the same scenarios",
        description="Report how the sessions of an exercise compare: the spread of "
        "outcomes, percentage agreement, Fleiss' kappa and Krippendorff's alpha (nominal "
        "and ordinal) overall and by agency, agreement per question, where participants "
        "first diverge, and each participant against the model answer.",
        epilog=REPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("sessions", nargs="+", type=Path, metavar="SESSION",
                        help="session files (JSON) or folders of them")
    report.add_argument("--format", choices=["md", "json"], default="md")
    report.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report here (atomically) instead of printing it")
    report.add_argument("--scenarios", type=Path, action="append", metavar="DIR",
                        help="scenario folder (repeatable; default: the shipped scenarios)")
    report.set_defaults(handler=run_report)


def _usage(parser: argparse.ArgumentParser) -> object:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        raise CommandError(_("choose a subcommand: check or report"),
                           _("e.g. 'threshold-guide scenarios check'"), ExitStatus.USAGE)

    return handler


def _catalog(args: argparse.Namespace) -> Catalog:
    catalog = Catalog.load(guidance_dirs(args.guidance))
    if catalog.broken:
        count = len(catalog.broken)
        note(ngettext("{count} guidance file is invalid and skipped; run 'threshold-guide "
                      "validate' for details",
                      "{count} guidance files are invalid and skipped; run 'threshold-guide "
                      "validate' for details", count))
    return catalog


def run_check(args: argparse.Namespace) -> int:
    paths = args.paths or [shipped_scenarios()]
    catalog = _catalog(args)
    run = check_paths(paths, catalog)
    if not run.checks and not run.diagnostics:
        raise CommandError(
            _("no scenario files found in {paths}").format(
                paths=", ".join(str(p) for p in paths)),
            _("scenario files are .yaml, .yml or .json files starting 'kind: scenario'"),
        )
    coverages = coverage(catalog.entries, run.replays)
    if args.format == "json":
        print(json.dumps(check_json(run, coverages), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_check_text(run, coverages, output_language(args)))
    return ExitStatus.OK if run.ok else ExitStatus.ERROR


def run_report(args: argparse.Namespace) -> int:
    try:
        found = find_sessions(args.sessions)
    except SessionFileError as problem:
        raise CommandError(_("some session files cannot be used"), "", ExitStatus.ERROR,
                           problem.diagnostics) from None
    catalog = _catalog(args)
    library = ScenarioLibrary.load(args.scenarios or [shipped_scenarios()], catalog)
    try:
        report = build_report(found.sessions, library, catalog, output_language(args),
                              found.skipped)
    except ReportError as problem:
        raise CommandError(problem.message, problem.hint, ExitStatus.ERROR) from None
    if report.skipped:
        count = len(report.skipped)
        first = report.skipped[0]
        note(ngettext("{count} file left out (listed in the report under 'Files left out'), "
                      "e.g. {path}: {reason}",
                      "{count} files left out (listed in the report under 'Files left out'), "
                      "e.g. {path}: {reason}", count).format(path=first.path, reason=first.reason))
    text = (render_json(report) if args.format == "json"
            else render_report_markdown(report, output_language(args)))
    emit(text, args.output)
    if args.output is not None:
        for section in report.scenarios:
            sys.stdout.write(outcome_chart(section, output_language(args)) + "\n")
    return ExitStatus.OK
