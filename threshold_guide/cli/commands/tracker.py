"""threshold-guide tracker: anonymised records for a board, its database and its report."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from threshold_guide import __version__
from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import Commands, catalog, now, parse_time
from threshold_guide.exit_status import ExitStatus
from threshold_guide.household.walk import Pinned
from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.household import Household
from threshold_guide.models.session import GuidanceRef, Session
from threshold_guide.models.tracker import TrackerExport, TrackerRecord
from threshold_guide.paths import data_dir
from threshold_guide.storage.household_file import (
    HouseholdFileError,
    households_dir,
    is_household_file,
    read_household,
)
from threshold_guide.storage.session_file import read_session_file
from threshold_guide.storage.session_store import (
    SessionStore,
    SessionUnreadable,
    StoredSession,
)
from threshold_guide.summary.json_output import render_json
from threshold_guide.tracker.anonymise import NotExportable, anonymise, iso_week
from threshold_guide.tracker.database import DatabaseError, connect, import_records
from threshold_guide.tracker.files import TrackerFileError, practitioner_key, read_export
from threshold_guide.tracker.households import anonymise_household
from threshold_guide.tracker.report import Filters, build_report
from threshold_guide.tracker.report_html import render_report_html
from threshold_guide.tracker.report_text import render_report_markdown, render_report_terminal

EXAMPLE = """examples:
  threshold-guide tracker export -o week48.json
  threshold-guide tracker import school-*.json health-*.json --db board.sqlite
  threshold-guide tracker report --db board.sqlite --format html -o report.html
"""

EXPORT_EXAMPLE = """Records carry no case reference, no free text (notes, the child's words,
reasons), and no date finer than an ISO week. A saved household case (a conference) gives a
record for each child's decision, with the registration categories as ids. Training
sessions and walks that have not reached an outcome are left out, and counted on standard
error.

examples:
  threshold-guide tracker export -o week48.json
  threshold-guide tracker export ./cases/ --format json
"""

IMPORT_EXAMPLE = """Each file is validated in full and imported in one transaction: a broken
or foreign file is refused with a located error and changes nothing. Importing the same
file again changes nothing; a newer export of the same session replaces its record.

example:
  threshold-guide tracker import week48-*.json --db board.sqlite
"""

REPORT_EXAMPLE = """Counts from 1 to 4 are shown as '<5' (and null in JSON), and so are rates
made from them. --from and --to take a date (YYYY-MM-DD) or an ISO week (2026-W48).

examples:
  threshold-guide tracker report --db board.sqlite
  threshold-guide tracker report --db board.sqlite --format html -o report.html
  threshold-guide tracker report --db board.sqlite --document wales-duty-to-report \\
      --from 2026-09-01 --to 2026-W48 --format json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tracker", help="a board's consistency tracker: export, import, report",
        description="Anonymised decisions from every agency, one database, one report: how "
        "consistently the same threshold is applied.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="tracker_command", metavar="SUBCOMMAND")
    parser.set_defaults(handler=lambda _args: _usage(parser))

    export = actions.add_parser(
        "export", parents=parents, help="anonymised records from saved sessions",
        description="Write anonymised records of finished walks, for the board's tracker.",
        epilog=EXPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("sessions", nargs="*", type=Path, metavar="SESSION",
                        help="session files or folders (default: your saved sessions)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here (atomically, 0600) instead of printing")
    export.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time of the export (default: SOURCE_DATE_EPOCH or now)")
    export.set_defaults(handler=run_export)

    imports = actions.add_parser(
        "import", parents=parents, help="import export files into the board's database",
        description="Import tracker export files into one SQLite database.",
        epilog=IMPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imports.add_argument("--db", type=Path, required=True, metavar="PATH",
                         help="the database file (created if missing)")
    imports.add_argument("--at", type=parse_time, metavar="TIME",
                         help="time of the import (default: SOURCE_DATE_EPOCH or now)")
    imports.set_defaults(handler=run_import)

    report = actions.add_parser(
        "report", parents=parents, help="the consistency report",
        description="Outcome mix by agency for each indicator and named situation, "
        "departures from the guidance by agency and version, the most uncertain questions, "
        "responses and escalations, and trends by month.",
        epilog=REPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("--db", type=Path, required=True, metavar="PATH")
    report.add_argument("--format", choices=["text", "md", "html", "json"], default="text",
                        help="a terminal summary (default), Markdown, HTML with charts, JSON")
    report.add_argument("--from", dest="from_week", type=week_of, metavar="DATE|WEEK")
    report.add_argument("--to", dest="to_week", type=week_of, metavar="DATE|WEEK")
    report.add_argument("--document", metavar="ID", help="only this document's records")
    report.add_argument("-o", "--output", type=Path, metavar="FILE")
    report.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time stamped on the report (default: SOURCE_DATE_EPOCH or now)")
    report.set_defaults(handler=run_report)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return ExitStatus.USAGE


def week_of(text: str) -> str:
    """An ISO week from 'YYYY-Www' or a date."""
    try:
        if "-W" in text:
            year, number = text.split("-W")
            dt.date.fromisocalendar(int(year), int(number), 1)
            return f"{int(year):04d}-W{int(number):02d}"
        return iso_week(dt.datetime.combine(dt.date.fromisoformat(text), dt.time()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date (YYYY-MM-DD) or an ISO week (2026-W48)").format(
                text=repr(text))
        ) from None


# export --------------------------------------------------------------------------------


Case = tuple[Path, Session | Household]


def _case(file: Path, found: list[Case], problems: list[str]) -> None:
    if is_household_file(file):
        try:
            found.append((file, read_household(file)))
        except HouseholdFileError as problem:
            problems.append(f"{file}: " + "; ".join(d.message for d in problem.diagnostics))
        return
    try:
        found.append((file, read_session_file(file)))
    except SessionUnreadable as problem:
        problems.append(str(problem))


def _sessions(paths: list[Path]) -> tuple[list[Case], list[str]]:
    found: list[Case] = []
    problems: list[str] = []
    if not paths:
        for item in SessionStore().listing():
            if isinstance(item, StoredSession):
                found.append((item.path, item.session))
            else:
                problems.append(f"{item.path}: {item.reason}")
        folder = households_dir()
        for file in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            _case(file, found, problems)
        return found, problems
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()
                                and "documents" not in p.relative_to(path).parts))
        elif path.exists():
            files.append(path)
        else:
            raise CommandError(_("{path}: no such file or folder").format(path=path),
                               _("check the path"), ExitStatus.USAGE)
    for file in files:
        _case(file, found, problems)
    return found, problems


def _document(known: Catalog, ref: GuidanceRef) -> ThresholdDocument | None:
    for entry in known.versions(ref.id):
        if entry.version == ref.version and entry.sha256 == ref.sha256:
            return entry.document
    return SessionStore().kept_document(ref.sha256)


def run_export(args: argparse.Namespace) -> int:
    stamp = now(args.at)
    sessions, problems = _sessions(list(args.sessions))
    known = catalog(args)
    key = practitioner_key(data_dir())
    records: dict[str, TrackerRecord] = {}
    skipped: dict[str, int] = {}
    training = 0
    for path, case in sessions:
        if isinstance(case, Household):
            ref = case.guidance
            if ref is None:
                reason = _("household cases not pinned to a document")
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
            document = _document(known, ref)
            if document is None:
                problems.append(_("{path}: the document version it is pinned to ({document} "
                                  "{version}) is not found").format(
                                      path=path, document=ref.id, version=ref.version))
                continue
            found, left_out = anonymise_household(Pinned(document, ref.sha256), case, key,
                                                  stamp)
            for record in found:
                records[record.record_id] = record
            for why in left_out:
                reason = _("a child in a household case: {why}").format(why=why)
                skipped[reason] = skipped.get(reason, 0) + 1
            continue
        session = case
        if session.scenario is not None:
            training += 1
            continue
        document = _document(known, session.guidance)
        if document is None:
            problems.append(_("{path}: the document version it is pinned to ({document} "
                              "{version}) is not found").format(
                                  path=path, document=session.guidance.id,
                                  version=session.guidance.version))
            continue
        try:
            record = anonymise(document, session, key)
        except NotExportable as why:
            skipped[str(why)] = skipped.get(str(why), 0) + 1
            continue
        records[record.record_id] = record
    if training:
        note(ngettext("left out {count} training session", "left out {count} training sessions",
                      training))
    for reason, count in sorted(skipped.items()):
        note(ngettext("left out {count} session: {reason}", "left out {count} sessions: {reason}",
                      count).format(reason=reason))
    for problem in problems:
        note(_("skipped {problem}").format(problem=problem))
    export = TrackerExport(
        tool_version=__version__, week=iso_week(stamp),
        records=[records[key_] for key_ in sorted(records)],
    )
    emit(render_json(export), args.output)
    note(ngettext("{count} record exported", "{count} records exported", len(records)))
    return ExitStatus.OK


# import --------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    stamp = now(args.at)
    status = ExitStatus.OK
    try:
        connection = connect(args.db)
    except DatabaseError as problem:
        raise CommandError(str(problem), _("name a tracker database, or a new file")) from None
    with closing(connection):
        for path in args.files:
            try:
                read = read_export(path)
            except TrackerFileError as problem:
                for item in problem.diagnostics:
                    print(item.render(), file=sys.stderr)
                note(_("{path}: refused; nothing from it was imported").format(path=path))
                status = ExitStatus.ERROR
                continue
            try:
                count, new = import_records(connection, read.export.records, read.sha256, stamp)
            except sqlite3.Error as problem:
                raise CommandError(
                    _("{database}: the import failed and was rolled back: {problem}").format(
                        database=args.db, problem=problem),
                    _("check the disk and the file")) from None
            if new:
                note(ngettext("{path}: {count} record imported", "{path}: {count} records imported",
                              count).format(path=path))
            else:
                note(ngettext("{path}: {count} record imported (this file was imported before: "
                              "records refreshed)",
                              "{path}: {count} records imported (this file was imported before: "
                              "records refreshed)", count).format(path=path))
    return status


# report --------------------------------------------------------------------------------


def run_report(args: argparse.Namespace) -> int:
    if not args.db.is_file():
        raise CommandError(_("{database}: no such database").format(database=args.db),
                           _("import files first with 'threshold-guide tracker import'"),
                           ExitStatus.USAGE)
    try:
        connection = connect(args.db)
    except DatabaseError as problem:
        raise CommandError(str(problem), _("name a tracker database")) from None
    with closing(connection):
        filters = Filters(args.document, args.from_week, args.to_week)
        report = build_report(connection, filters, now(args.at))
    if args.format == "json":
        text = render_json(report)
    elif args.format == "md":
        text = render_report_markdown(report)
    elif args.format == "html":
        text = render_report_html(report)
    else:
        text = render_report_terminal(report)
    emit(text, args.output)
    return ExitStatus.OK
