"""threshold-guide done: record that a dated step of a saved session was done."""

from __future__ import annotations

import argparse

from threshold_guide.cli.follow_up import add_session_argument, open_session, refused, save
from threshold_guide.cli.options import Commands, now, parse_time
from threshold_guide.exit_status import ExitStatus
from threshold_guide.session.follow_through import FollowThroughError, mark_done

EXAMPLE = """The step ids are those 'threshold-guide due' lists (and the summary's JSON,
follow_through.steps[].id), e.g. report, confirm-in-writing.

example:
  threshold-guide done case.json confirm-in-writing --at 2026-12-01T15:30:00Z
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "done", parents=parents, help="record that a dated step of a saved session was done",
        description="Record that one dated step of a saved session was done, and when. "
        "Steps that count from it are then counted from that time.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_session_argument(parser)
    parser.add_argument("step", metavar="STEP", help="the id of the dated step")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="when it was done (default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    opened = open_session(args)
    at = now(args.at)
    try:
        session = mark_done(opened.document, opened.session, args.step, at, at)
    except FollowThroughError as problem:
        raise refused(problem) from None
    save(opened, session)
    return ExitStatus.OK
