"""threshold-guide escalate: record the professional differences route on a saved session."""

from __future__ import annotations

import argparse

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.follow_up import (
    add_session_argument,
    open_session,
    refused,
    save,
    working_calendar,
)
from threshold_guide.cli.options import Commands, now, parse_time
from threshold_guide.deadlines.schedule import next_escalation
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.follow_through import ESCALATION_LABELS, EscalationLevel
from threshold_guide.session.follow_through import (
    FollowThroughError,
    add_escalation_step,
    start_escalation,
)

EXAMPLE = """The route (Wales Safeguarding Procedures, resolving professional differences;
its steps and timescales are to be confirmed locally):
  line-manager    your line manager or DSP talks to the social services team manager
  senior-manager  they raise it with the social services senior manager
  board           the Regional Safeguarding Board's escalation protocol

Start with --disagree (why you disagree with the response); then record each step with
--contacted and --said, adding --resolved when it resolves the difference. Each step is
dated (--at); the next step's due date is printed and shown in the summary and by
'threshold-guide due'.

example:
  threshold-guide escalate case.json --disagree "NFA, but the bruising is unexplained" \\
      --at 2026-12-07T12:00:00Z
  threshold-guide escalate case.json --contacted "Team manager, duty team" \\
      --said "Will review the referral with the school's new information" \\
      --at 2026-12-08T10:00:00Z
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "escalate", parents=parents,
        help="record disagreeing with a response, and each step of the escalation route",
        description="Record on a saved session that you disagree with the response from "
        "social services (--disagree), and each dated step of the professional differences "
        "route: who was contacted, what they said, and whether it was resolved.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_session_argument(parser)
    parser.add_argument("--disagree", metavar="WHY", help="start the route: why you disagree")
    parser.add_argument("--level", choices=[level.value for level in EscalationLevel],
                        help="which step this is (default: the next step of the route)")
    parser.add_argument("--contacted", metavar="WHO",
                        help="who was contacted: role and team, never a child's name")
    parser.add_argument("--said", default="", help="what they said")
    parser.add_argument("--resolved", action="store_true",
                        help="the difference was resolved at this step")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="when (default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.disagree is None and args.contacted is None:
        raise CommandError(
            _("give --disagree WHY to start, or --contacted WHO to record a step"),
            _("see 'threshold-guide escalate --help'"), ExitStatus.USAGE)
    opened = open_session(args)
    at = now(args.at)
    session = opened.session
    try:
        if args.disagree is not None:
            session = start_escalation(opened.document, session, args.disagree, at, at)
        if args.contacted is not None:
            level = EscalationLevel(args.level) if args.level else None
            session = add_escalation_step(session, level, args.contacted, args.said,
                                          args.resolved, at, at)
    except FollowThroughError as problem:
        raise refused(problem) from None
    save(opened, session)
    record = session.follow_through
    escalation = record.escalation if record else None
    if escalation is not None:
        upcoming = next_escalation(escalation, working_calendar(args), at)
        if escalation.resolved:
            note(_("recorded: the difference is resolved"))
        elif upcoming is not None:
            note(_("next step if not resolved, by {due} (to be confirmed locally): "
                   "{step}").format(due=upcoming.due_text, step=upcoming.label.removeprefix(
                       "Escalation, next step: ")))
        else:
            note(_("recorded: {step} is the last step").format(
                step=_(ESCALATION_LABELS[EscalationLevel.BOARD])))
    return ExitStatus.OK
