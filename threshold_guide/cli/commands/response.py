"""threshold-guide response: record what came back from social services about a report."""

from __future__ import annotations

import argparse

from threshold_guide.cli.console import note
from threshold_guide.cli.follow_up import add_session_argument, open_session, refused, save
from threshold_guide.cli.options import Commands, now, parse_time
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.follow_through import RESPONSE_LABELS, ResponseOutcome
from threshold_guide.session.follow_through import FollowThroughError, record_response

EXAMPLE = """outcomes:
  enquiries          accepted for enquiries (strategy discussion / section 47)
  assessment         accepted for an assessment of care and support needs
  iaa                information, advice and assistance
  no-further-action  no further action
  none               nothing has come back yet (you contacted them again)

Seven working days after the report with nothing back, the session shows "chase now"
(in the app, plain mode, the summary and 'threshold-guide due'). Recording 'none' says you
contacted them again: the seven days start again from then.

example:
  threshold-guide response case.json --outcome no-further-action \\
      --reason "Needs met by the school's support plan" --by "Duty team" \\
      --at 2026-12-07T11:00:00Z
  threshold-guide response 20261130-101500-1a2b3c4d --outcome none --at 2026-12-10T09:00:00Z
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "response", parents=parents,
        help="record the response from social services on a saved session",
        description="Record on a saved session what came back from social services about "
        "the report, with the reason they gave and when; or that nothing has come back. "
        "The session file is updated in place (atomically, readable only by you).",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_session_argument(parser)
    parser.add_argument("--outcome", required=True, choices=[o.value for o in ResponseOutcome],
                        help="what came back")
    parser.add_argument("--reason", default="", help="the reason social services gave")
    parser.add_argument("--by", default="", help="who responded: team or role, never a name")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="when it came back (default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    opened = open_session(args)
    at = now(args.at)
    outcome = ResponseOutcome(args.outcome)
    try:
        session = record_response(opened.document, opened.session, outcome, args.reason, at,
                                  at, by=args.by)
    except FollowThroughError as problem:
        raise refused(problem) from None
    save(opened, session)
    note(_("recorded: {what}").format(what=_(RESPONSE_LABELS[outcome])))
    if outcome is ResponseOutcome.NO_FURTHER_ACTION and not args.reason.strip():
        note(_("no reason was recorded: ask social services why, and record it"))
    return ExitStatus.OK
