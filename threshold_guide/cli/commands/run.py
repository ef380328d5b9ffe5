"""threshold-guide run: walk a document non-interactively from an answers file."""

from __future__ import annotations

import argparse
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, write_private
from threshold_guide.cli.follow_up import working_calendar
from threshold_guide.cli.options import (
    Commands,
    add_case_arguments,
    add_document_arguments,
    now,
    output_language,
    parse_time,
    resolve,
    warn_untranslated,
)
from threshold_guide.engine.routing import AnswerError
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.session import Override
from threshold_guide.render.pages import summary_html
from threshold_guide.session.creation import (
    VoiceError,
    check_answers,
    check_voice,
    new_session,
    same_outcome_override,
    with_answers,
)
from threshold_guide.storage.answers_file import AnswersFileError, read_answers_file
from threshold_guide.summary.build import SummaryError, build_summary
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown

EXAMPLE = """answers file (YAML or JSON): question id -> answer id, a list of ids
(multiple choice), or {answer: ..., note: ..., evidence: observed|disclosed|reported|opinion
or a list of them}; or, to add the child's voice and strengths, a mapping with
answers: (as above), child_voice: and strengths: (prompt id -> text), and optionally
reference:, role: and agency: (the options win)

example:
  threshold-guide run wales-duty-to-report --answers answers.yaml --reference CASE-0042
  threshold-guide run wales-duty-to-report --version 1.0.0 --answers a.json \\
      --format json -o summary.json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "run", parents=parents, help="walk a document from an answers file; print the summary",
        description="Walk a threshold document with the answers in FILE and produce the "
        "referral rationale summary. The same document, answers and --at time give "
        "byte-identical output.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument("--answers", required=True, type=Path, metavar="FILE")
    parser.add_argument("--format", choices=["md", "json", "html"], default="md",
                        help="Markdown, JSON, or one print-ready HTML file (default: md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the summary here (atomically) instead of printing it")
    add_case_arguments(parser)
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time to stamp on the summary (default: SOURCE_DATE_EPOCH or now)")
    parser.add_argument("--override", metavar="OUTCOME",
                        help="professional-judgement override: the outcome id chosen instead")
    parser.add_argument("--reason", default="", help="why (required with --override)")
    parser.add_argument("--save-session", type=Path, metavar="FILE",
                        help="also write the session file (JSON) here")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    entry = resolve(args)
    document = entry.document
    language = output_language(args)
    warn_untranslated(document, language)
    try:
        given = read_answers_file(args.answers)
    except AnswersFileError as problem:
        raise CommandError(_("{path} cannot be used").format(path=args.answers), "",
                           ExitStatus.ERROR,
                           problem.diagnostics) from None
    try:
        route = check_answers(document, given.answers)
        check_voice(document, given.child_voice, given.strengths)
    except (AnswerError, VoiceError) as problem:
        raise CommandError(f"{args.answers}: {problem}", "", ExitStatus.ERROR) from None
    stamp = now(args.at)
    session = new_session(document, entry.sha256, now=stamp,
                          reference=args.reference or given.reference or "",
                          role=args.role or given.role or "",
                          agency=args.agency or given.agency or "")
    # Standing at the outcome, as a walk in the app or plain mode leaves its session.
    session = with_answers(session, given.answers, stamp).model_copy(
        update={"position": len(route.steps), "language": language})
    session = session.model_copy(update={
        kind: {prompt: text for prompt, text in recorded.items() if text.strip()}
        for kind, recorded in (("child_voice", given.child_voice),
                               ("strengths", given.strengths))
    })
    if args.override:
        if args.override not in {o.id for o in document.outcomes}:
            raise CommandError(
                _("--override: document '{document}' has no outcome '{outcome}'").format(
                    document=document.id, outcome=args.override),
                _("outcomes: {ids}").format(ids=", ".join(o.id for o in document.outcomes)),
                ExitStatus.USAGE,
            )
        same = same_outcome_override(document, route, args.override)
        if same is not None:
            raise CommandError(_("--override {outcome}: {why}").format(
                                   outcome=args.override, why=same),
                               _("leave out --override, or choose another outcome"))
        if not args.reason.strip():
            raise CommandError(_("--override needs --reason"), _("say why, in a sentence"),
                               ExitStatus.USAGE)
        session = session.model_copy(update={"override": Override(
            outcome=args.override, reason=args.reason, by=session.role or None, at=stamp)})
    try:
        summary = build_summary(document, entry.sha256, session, stamp, language,
                                working_calendar(args))
    except SummaryError as problem:  # e.g. a departure from a suggestion without a reason
        raise CommandError(f"{args.answers}: {problem}", "", ExitStatus.ERROR) from None
    text = {"json": render_json, "html": summary_html}.get(args.format, render_markdown)(summary)
    if args.save_session:
        try:
            write_private(args.save_session, render_json(session))
        except CommandError as problem:
            # Before the summary: a summary must never stand for a session that was not kept.
            raise CommandError(
                _("--save-session: cannot save the session: {problem}; nothing was "
                  "written").format(problem=problem.message), problem.hint) from None
    emit(text, args.output)
    return ExitStatus.OK
