"""threshold-guide upgrade: move a saved session to another version of its document."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.options import Commands, now, output_language, parse_date, parse_time
from threshold_guide.cli.version_refs import Resolver
from threshold_guide.exit_status import ExitStatus
from threshold_guide.household.upgrade import upgrade_household
from threshold_guide.household.upgrade import upgrade_report as household_report
from threshold_guide.i18n.catalogue import _
from threshold_guide.loading.catalog import Entry, is_path_reference
from threshold_guide.models.document import ThresholdDocument, version_key
from threshold_guide.models.household import Household
from threshold_guide.models.session import GuidanceRef, Session
from threshold_guide.scenarios.session_files import SessionFileError, read_sessions
from threshold_guide.session.upgrade import check_pin, upgrade_session
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.storage.household_file import (
    HouseholdFileError,
    households_dir,
    is_household_file,
    read_household,
)
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.summary.json_output import render_json
from threshold_guide.versions.refs import VersionRef
from threshold_guide.versions.upgrade_report import upgrade_report

EXAMPLE = """A household file (a conference case saved by the app, plain mode or 'conference
run --save') moves the same way: the household's answers and each child's.

Answers to questions that are unchanged, or only re-routed or edited, are kept;
answers to reworded questions are asked again; the move is recorded in the session's
history. Without -o the upgraded session (JSON) is printed and the report goes to stderr;
the original file is only replaced when -o names it.

example:
  threshold-guide upgrade 20260501-093000-1a2b3c4d.json -o upgraded.json
  threshold-guide upgrade old-session.json --to 1.1.0 -o old-session.json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "upgrade", parents=parents,
        help="move a saved session to another version of its document",
        description="Move a saved session to the version of its document in effect today "
        "(or --to VERSION, or the one in effect --on DATE), keeping every answer that "
        "still stands, and say what was kept and what must be asked again.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("session", type=Path, metavar="SESSION_FILE",
                        help="a session file saved by the app or by 'run --save-session', or a "
                        "household file")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="VERSION",
                        help="the version to move to, or a document file (default: current)")
    target.add_argument("--on", metavar="DATE", type=parse_date,
                        help="move to the version in effect on this day (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the upgraded session here (atomically, readable only by "
                        "you); may be the session file itself")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time to record the move at (default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if is_household_file(args.session):
        return run_household(args)
    session = _read(args.session)
    ref = session.guidance
    resolver = Resolver(args, dt.date.today())
    target = _target(args, resolver, session)
    if target.sha256 == ref.sha256:
        note(_("the session is already on {document} {version} with this content; "
               "nothing to do").format(document=ref.id, version=ref.version))
        return ExitStatus.OK
    if version_key(target.version) < version_key(ref.version):
        note(_("moving to {target}, an earlier version than {version}").format(
            target=target.version, version=ref.version))
    old = _pinned(session, args, resolver)
    upgrade = upgrade_session(session, old, target.document, target.sha256, now(args.at))
    report = upgrade_report(upgrade, ref, old, target.document,
                            output_language(args, session))
    text = render_json(upgrade.session)
    if not _write(args.output, text, report):
        return ExitStatus.OK
    if args.output.name != f"{session.session_id}.json":
        note(_("the app lists this session only if the file is named {name} in its "
               "sessions folder").format(name=f"{session.session_id}.json"))
    return ExitStatus.OK


def run_household(args: argparse.Namespace) -> int:
    """A household file moves as a session does: shared answers and each child's walk."""
    try:
        household = read_household(args.session)
    except HouseholdFileError as problem:
        raise CommandError(_("{file} cannot be used as a household case").format(
                               file=args.session), "",
                           ExitStatus.ERROR, problem.diagnostics) from None
    ref = household.guidance
    if ref is None:
        raise CommandError(_("{file}: the household is not pinned to a document version, so "
                             "there is nothing to move").format(file=args.session),
                           _("save it first with 'conference run DOC --household FILE --save "
                             "FILE'"), ExitStatus.ERROR)
    stand_in = _stand_in(household, ref)
    resolver = Resolver(args, dt.date.today())
    target = _target(args, resolver, stand_in)
    if target.sha256 == ref.sha256:
        note(_("the household is already on {document} {version} with this content; nothing "
               "to do").format(document=ref.id, version=ref.version))
        return ExitStatus.OK
    if version_key(target.version) < version_key(ref.version):
        note(_("moving to {target}, an earlier version than {version}").format(
            target=target.version, version=ref.version))
    sha = ref.sha256
    kept = (SessionStore(args.session.parent).kept_document(sha)
            or SessionStore(households_dir().parent / "sessions").kept_document(sha)
            or SessionStore().kept_document(sha))
    old = check_pin(stand_in, resolver.catalog, resolver.today, kept).pinned_document
    if old is None:
        note(_("{document} {version} (content {content}), the version this household was "
               "started with, is not available: questions cannot be compared, so answers are "
               "kept where the question and answer still exist").format(
                   document=ref.id, version=ref.version, content=sha[:12]))
    result = upgrade_household(household, old, target.document, target.sha256, now(args.at))
    report = household_report(result, ref, output_language(args, household))
    text = render_json(result.household)
    _write(args.output, text, report)
    return ExitStatus.OK


def _write(output: Path | None, text: str, report: str) -> bool:
    """The moved file to ``output`` (or standard output) and the report beside it; whether a
    file was written."""
    if output is None:
        sys.stdout.write(text)
        sys.stderr.write(report)
        return False
    try:
        write_atomic(output, text, private=True)
    except OSError as problem:
        raise CommandError(
            _("cannot write {file}: {problem}").format(
                file=output, problem=problem.strerror or problem),
            _("check the folder exists and you can write to it")) from None
    sys.stdout.write(report)
    note(_("wrote {file}").format(file=output))
    return True


def _stand_in(household: Household, ref: GuidanceRef) -> Session:
    """A session carrying the household's pin, for the version checks sessions use."""
    moment = household.updated_at or household.created_at or dt.datetime.now(dt.UTC)
    return Session(session_id="household", reference=household.reference, guidance=ref,
                   created_at=moment, updated_at=moment)


def _read(path: Path) -> Session:
    try:
        return read_sessions([path])[0].session
    except SessionFileError as problem:
        raise CommandError(_("{path} cannot be used as a session").format(path=path), "",
                           ExitStatus.ERROR, problem.diagnostics) from None


def _target(args: argparse.Namespace, resolver: Resolver, session: Session) -> Entry:
    ref = session.guidance
    if args.to is not None and is_path_reference(args.to):
        entry = resolver.entry(VersionRef(args.to))
    else:
        entry = resolver.entry(VersionRef(ref.id, version=args.to), args.on)
    if entry.id != ref.id:
        raise CommandError(
            _("the session is for document '{document}', but {given} is '{other}'").format(
                document=ref.id, given=args.to, other=entry.id),
            _("give a version of the same document"), ExitStatus.USAGE)
    return entry


def _pinned(session: Session, args: argparse.Namespace,
            resolver: Resolver) -> ThresholdDocument | None:
    # The pinned version may be gone from the guidance folder; the app keeps a copy beside
    # the sessions, so look there too: beside this file first, then the app's own folder.
    sha = session.guidance.sha256
    kept = (SessionStore(args.session.parent).kept_document(sha)
            or SessionStore().kept_document(sha))
    check = check_pin(session, resolver.catalog, resolver.today, kept)
    if check.pinned_document is None:
        note(_("{document} {version} (content {sha}), the version this session was started "
               "with, is not available: questions cannot be compared, so answers are kept "
               "where the question and answer still exist").format(
                   document=session.guidance.id, version=session.guidance.version,
                   sha=sha[:12]))
    return check.pinned_document
