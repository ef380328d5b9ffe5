"""What the after-the-decision commands share: finding a saved session (by file or id), its
pinned document, the working calendar of the guidance in use, and writing the session back."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.pinned import pinned_document
from threshold_guide.deadlines.closures import load_calendar
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.paths import guidance_dirs
from threshold_guide.session.follow_through import FollowThroughError
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.storage.session_file import read_session_file
from threshold_guide.storage.session_store import SessionStore, SessionUnreadable
from threshold_guide.summary.json_output import render_json


@dataclass(frozen=True)
class Opened:
    """A saved session, where it lives, and the document version it is pinned to."""

    path: Path
    session: Session
    document: ThresholdDocument
    sha256: str


def add_session_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION",
                        help="a session file, or the id of a session saved by the app or "
                        "plain mode (in the data folder)")


def session_path(text: str) -> Path:
    """A session file named on the command line, or the saved session with that id."""
    path = Path(text)
    if path.exists() or "/" in text or path.suffix == ".json":
        return path
    store = SessionStore()
    try:
        return store.path_for(text)
    except ValueError:
        raise CommandError(_("'{text}' is neither a file nor a session id").format(text=text),
                           _("give the session file, or an id from the app's resume list"),
                           ExitStatus.USAGE) from None


def open_session(args: argparse.Namespace) -> Opened:
    path = session_path(args.session)
    try:
        session = read_session_file(path)
    except SessionUnreadable as problem:
        raise CommandError(f"{problem.path}: {problem.reason}",
                           _("pass a session file saved by the app, plain mode or "
                             "'run --save-session'"), ExitStatus.ERROR) from None
    document, sha256 = pinned_document(args, session)
    return Opened(path, session, document, sha256)


def working_calendar(args: argparse.Namespace) -> WorkingCalendar:
    """Bank holidays plus the closure days of the guidance folders in use.

    A broken closures file adds no days (so steps can only come out earlier, never later)
    and is reported."""
    calendar, checked = load_calendar(guidance_dirs(args.guidance))
    for item in checked:
        for problem in item.diagnostics:
            note(problem.render())
        if item.closures is None:
            note(_("{path}: not used, so its closure days are not skipped; run "
                   "'threshold-guide validate {path}'").format(path=item.path))
    return calendar


def save(opened: Opened, session: Session) -> None:
    try:
        write_atomic(opened.path, render_json(session), private=True)
    except OSError as problem:
        raise CommandError(_("cannot write {path}: {reason}").format(
            path=opened.path, reason=problem.strerror or problem),
            _("check you can write to the file")) from None
    note(_("saved {path}").format(path=opened.path))


def refused(problem: FollowThroughError) -> CommandError:
    return CommandError(str(problem), "", ExitStatus.ERROR)
