"""threshold-guide due: the dated steps due or overdue across saved sessions."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from threshold_guide.cli.console import emit, note
from threshold_guide.cli.follow_up import working_calendar
from threshold_guide.cli.options import Commands, catalog, now, output_language, parse_time
from threshold_guide.deadlines.due_list import FindDocument, Found, due_list
from threshold_guide.deadlines.ics import ics_text
from threshold_guide.deadlines.working_days import due_text
from threshold_guide.exit_status import ExitStatus
from threshold_guide.household.walk import Pinned, child_session
from threshold_guide.i18n.catalogue import N_, _, translator
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.due import DueList, Skipped
from threshold_guide.models.follow_through import StepStatus
from threshold_guide.models.session import Session
from threshold_guide.paths import data_dir
from threshold_guide.storage.household_file import HouseholdFileError, read_household
from threshold_guide.storage.session_store import SessionStore, StoredSession
from threshold_guide.summary.follow_through_markdown import CHASE_NOW
from threshold_guide.summary.json_output import render_json

EXAMPLE = """Lists every dated step not yet done in the saved sessions (the app's and plain
mode's) and, for each child of a saved household case, the dates of their conference
decision and plan (counted from when the conference is held), soonest first, with
"OVERDUE" or "CHASE NOW" where it has passed. Record a session's step as done with
'threshold-guide done', and the response with 'threshold-guide response'.

--format ics writes calendar entries to import into Outlook or any calendar: each holds the
step, its due time and the case reference only (no notes, no child's words).

example:
  threshold-guide due
  threshold-guide due --format ics -o due.ics
  threshold-guide due --data ./training-room --at 2026-12-10T09:00:00Z --format json
"""

# Translators: the status column of 'threshold-guide due'; at most 12 characters.
STATUS_WORDS = {StepStatus.DUE: N_("due"), StepStatus.OVERDUE: N_("⚠ OVERDUE"),
                StepStatus.CHASE_NOW: N_("⚠ CHASE NOW"), StepStatus.DONE: N_("done")}


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "due", parents=parents, help="list dated steps due or overdue across saved sessions",
        description="List the dated steps that are due or overdue across saved sessions, "
        "soonest first, and the sessions to chase. Working days skip weekends, bank "
        "holidays in England and Wales and the closure days of the guidance folders.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="the data folder (or a sessions folder) to read "
                        "(default: THRESHOLD_GUIDE_DATA or your user data folder)")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="the time to work out what is due at, and the calendar "
                        "entries' time stamp (default: SOURCE_DATE_EPOCH or now)")
    parser.add_argument("--format", choices=["text", "json", "ics"], default="text",
                        help="text (default), JSON, or iCalendar entries")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here (atomically, readable only by you)")
    parser.set_defaults(handler=run)


def _store(folder: Path | None) -> SessionStore:
    base = folder if folder is not None else data_dir()
    sessions = base / "sessions"
    return SessionStore(sessions if sessions.is_dir() or folder is None else base)


def _finder(found: Catalog, store: SessionStore) -> FindDocument:
    def find(session: Session) -> ThresholdDocument | None:
        ref = session.guidance
        for entry in found.versions(ref.id):
            if entry.version == ref.version and entry.sha256 == ref.sha256:
                return entry.document
        return store.kept_document(ref.sha256)

    return find


def _households(folder: Path | None, find: FindDocument, at: dt.datetime
                ) -> tuple[list[Found], list[Skipped]]:
    """Each child of each saved household case, as the session of their walk."""
    base = folder if folder is not None else data_dir()
    found: list[Found] = []
    skipped: list[Skipped] = []
    directory = base / "households"
    paths = sorted(directory.glob("*.json")) if directory.is_dir() else []
    for path in paths:
        try:
            household = read_household(path)
        except HouseholdFileError as problem:
            reason = problem.diagnostics[0].message if problem.diagnostics else "unreadable"
            skipped.append(Skipped(file=str(path), reason=reason))
            continue
        ref = household.guidance
        if ref is None:
            continue
        stand_in = Session(session_id="household", reference=household.reference,
                           guidance=ref, created_at=at, updated_at=at)
        document = find(stand_in)
        if document is None:
            skipped.append(Skipped(file=str(path), reason=(
                f"its guidance ({ref.id} {ref.version}) is not available")))
            continue
        pinned = Pinned(document, ref.sha256)
        for case in household.children:
            session = child_session(pinned, household, case, at)
            found.append(Found(str(path), session, child=case.child,
                               household_id=household.household_id or path.stem))
    return found, skipped


def collect(args: argparse.Namespace) -> DueList:
    store = _store(args.data)
    sessions: list[Found] = []
    skipped: list[Skipped] = []
    for item in store.listing():
        if isinstance(item, StoredSession):
            sessions.append(Found(str(item.path), item.session))
        else:
            skipped.append(Skipped(file=str(item.path), reason=item.reason))
    find = _finder(catalog(args), store)
    at = now(args.at)
    children, unread = _households(args.data, find, at)
    # The list spans many sessions, each with its own language: it is in --lang, else English.
    return due_list([*sessions, *children], find, working_calendar(args), at,
                    [*skipped, *unread], language=output_language(args))


def render_text(listing: DueList, language: str = "en") -> str:
    """The list as a table for the terminal, in ``language``."""
    tr = translator(language)
    _ = tr.gettext
    lines = [_("Dated steps not yet done, at {time} (UK time):").format(
        time=due_text(listing.at, language))]
    if not listing.items:
        lines.append(_("Nothing is due."))
    # Welsh status words run longer than English: the column widens to fit them.
    width = max([12, *(len(_(STATUS_WORDS[item.status])) for item in listing.items)])
    for item in listing.items:
        reference = item.reference or _("(no reference)")
        local = _("; timescale to be confirmed locally") if item.confirm_locally else ""
        lines.append(f"{_(STATUS_WORDS[item.status]):<{width}} {item.due_text:<23} {reference}: "
                     f"{item.label}")
        where = (_("step {step} of {child} in household case {case}").format(
                     step=item.step, child=item.child, case=item.session_id)
                 if item.child is not None else _("step {step} of session {session}").format(
                     step=item.step, session=item.session_id))
        lines.append(f"{'':<{width}} {where}{local}")
    if listing.chase_now:
        lines += ["", tr.ngettext("CHASE NOW ({count} session): {text}",
                                  "CHASE NOW ({count} sessions): {text}",
                                  len(listing.chase_now)).format(text=_(CHASE_NOW))]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    listing = collect(args)
    for item in listing.skipped:
        note(_("skipped {file}: {reason}").format(file=item.file, reason=item.reason))
    language = output_language(args)
    if args.format == "json":
        text = render_json(listing)
    elif args.format == "ics":
        text = ics_text(listing, language)
    else:
        text = render_text(listing, language)
    emit(text, args.output)
    return ExitStatus.OK
