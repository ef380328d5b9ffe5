"""threshold-guide follow-up: plain-mode prompts for what happens after the decision."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable

from threshold_guide.cli.console import note
from threshold_guide.cli.follow_up import (
    Opened,
    add_session_argument,
    open_session,
    save,
    working_calendar,
)
from threshold_guide.cli.options import Commands, now, parse_time
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.session import Session
from threshold_guide.plain.dialogue import Dialogue, EndOfInput
from threshold_guide.plain.follow_up import PlainFollowUp

EXAMPLE = """Shows the session's dated steps (and CHASE NOW when nothing has come back from
social services in time), then offers, as numbered prompts: record the response, record
that nothing came back, mark a step done, or record the professional differences route.
Every change is saved at once. q quits, b goes back.

example:
  threshold-guide follow-up 20261130-101500-1a2b3c4d
  threshold-guide follow-up case.json --at 2026-12-10T09:00:00Z
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "follow-up", parents=parents,
        help="plain-mode prompts to record the response, steps done and escalation",
        description="After the decision, in plain mode (numbered prompts on standard input "
        "and output, for screen readers and scripts): the dated steps of a saved session, "
        "then the response from social services, steps done and the professional "
        "differences route.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_session_argument(parser)
    parser.add_argument("--plain", action="store_true",
                        help="accepted for symmetry with 'walk --plain': always plain")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="the time to record changes at and work out what is due "
                        "(default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=run)


def _saver(opened: Opened) -> Callable[[Session], None]:
    def write(session: Session) -> None:
        save(opened, session)

    return write


def run(args: argparse.Namespace) -> int:
    opened = open_session(args)
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    dialogue = Dialogue(sys.stdin, sys.stdout, echo_newline=not sys.stdin.isatty())
    walk = PlainFollowUp(dialogue, opened.document, opened.session, working_calendar(args),
                         lambda: now(args.at), _saver(opened))
    try:
        walk.run()
    except EndOfInput:
        note(_("the input ended; everything recorded is saved"))
    except KeyboardInterrupt:
        note(_("interrupted; everything recorded is saved"))
        return ExitStatus.INTERRUPTED
    return ExitStatus.OK
