"""threshold-guide diff: what changed between two document versions, and whom it affects."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import Commands, output_language, parse_date
from threshold_guide.cli.version_refs import Resolver, read_ref
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.summary.json_output import render_json
from threshold_guide.validation.diagnostics import Diagnostic
from threshold_guide.versions.cases import (
    CasesUnreadable,
    read_scenario_cases,
    read_session_cases,
)
from threshold_guide.versions.diff import diff_documents
from threshold_guide.versions.impact import Case, impact
from threshold_guide.versions.markdown import render_diff_markdown

EXAMPLE = """OLD and NEW are each a document file, DOC (the current version, or the one in
effect --on DATE), DOC@VERSION, or DOC@DATE (the version in effect on that day).

Reworded questions (the prompt, or the answers offered, changed) must be asked again;
re-routed answers (the same answer now leads elsewhere) still stand. Exit 0 whatever
changed; 1 if a document, scenario or session file cannot be read; 2 for an unknown
document id or version.

example:
  threshold-guide diff wales-duty-to-report@1.0.0 wales-duty-to-report@1.1.0
  threshold-guide diff wales-duty-to-report@2026-09-30 ./draft/1.2.0.yaml \\
      --scenarios scenarios/ --sessions ./exercise-sessions/ --format json -o impact.json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "diff", parents=parents,
        help="what changed between two document versions, and which cases it affects",
        description="Compare two versions of a threshold document as a guidance author "
        "reads them: questions added, removed and reworded, answers re-routed, outcomes, "
        "sources, definitions and document details changed. With --scenarios or "
        "--sessions, replay each case under both versions and list those whose outcome "
        "changes or whose route breaks, with the question where the routes part.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the version to compare from")
    parser.add_argument("new", metavar="NEW", help="the version to compare to")
    parser.add_argument("--on", metavar="DATE", type=parse_date,
                        help="a bare DOC means the version in effect on this day (YYYY-MM-DD)")
    parser.add_argument("--format", choices=["md", "json"], default="md")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the diff here (atomically) instead of printing it")
    parser.add_argument("--scenarios", type=Path, action="append", metavar="PATH",
                        help="scenario files or folders to replay under both (repeatable)")
    parser.add_argument("--sessions", type=Path, action="append", metavar="PATH",
                        help="session files or folders to replay under both (repeatable)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    old_ref, new_ref = read_ref(args.old), read_ref(args.new)
    if args.on is not None and all(r.is_path or r.version or r.on for r in (old_ref, new_ref)):
        note(_("--on has no effect: OLD and NEW each name a version or a file"))
    resolver = Resolver(args, dt.date.today())
    old, new = resolver.entry(old_ref, args.on), resolver.entry(new_ref, args.on)
    if old.id != new.id:
        note(_("comparing two different documents: '{old}' and '{new}'").format(
            old=old.id, new=new.id))
    diff = diff_documents(old.document, new.document)
    if args.scenarios or args.sessions:
        cases = _cases(args, old.version, new.version)
        diff = diff.model_copy(update={"impact": impact(cases, old.document, new.document,
                                                        diff)})
    if args.format == "json":
        text = render_json(diff)
    else:
        text = render_diff_markdown(diff, old.document, new.document, output_language(args))
    emit(text, args.output)
    return ExitStatus.OK


def _cases(args: argparse.Namespace, old: str, new: str) -> list[Case]:
    # Both kinds are read before failing, so every bad file is named in one go.
    problems: list[Diagnostic] = []
    cases: list[Case] = []
    try:
        cases += read_scenario_cases(args.scenarios or [], old, new)
    except CasesUnreadable as problem:
        problems += problem.diagnostics
    try:
        cases += read_session_cases(args.sessions or [])
    except CasesUnreadable as problem:
        problems += problem.diagnostics
    if problems:
        raise CommandError(_("some scenario or session files cannot be used"),
                           _("fix or leave out the files named above"), ExitStatus.ERROR,
                           problems)
    return cases
