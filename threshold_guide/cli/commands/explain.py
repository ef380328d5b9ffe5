"""threshold-guide explain: a saved session's decision in plain words for one partner."""

from __future__ import annotations

import argparse
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import (
    Commands,
    now,
    output_language,
    parse_time,
    warn_untranslated,
)
from threshold_guide.cli.pinned import pinned_document
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.engine.routing import AnswerError
from threshold_guide.exit_status import ExitStatus
from threshold_guide.explain import (
    ExplainError,
    UnsafeToShare,
    explain,
    family_risks,
    render_explanation_markdown,
)
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.render.bilingual import side_by_side_html, side_by_side_markdown
from threshold_guide.render.pages import explanation_html, explanation_title
from threshold_guide.storage.session_file import read_session_file
from threshold_guide.storage.session_store import SessionUnreadable
from threshold_guide.summary.build import SummaryError
from threshold_guide.summary.json_output import render_json

EXAMPLE = """The session file is what the app autosaves, or what 'threshold-guide run
--save-session FILE' writes. The document version it is pinned to is looked up in the
guidance folders (then in the copies kept beside saved sessions); if that version's
content has changed since, the explanation says so.

The family version leaves out practitioners' notes, the child's words, the detailed
answers and the guidance's own name for the outcome, and says so. Check with your
designated safeguarding person or social services before sharing it. Where the walk
recorded that telling the family could put the child at risk, it is refused (exit 1)
unless --confirm-unsafe-share gives the reason it is safe now; the reason is stamped on it.

Language: the family version is written in the session's family language (else its
language), every other version in the session's language; --lang CODE chooses another.
--bilingual writes Welsh and English side by side (Markdown: each section in Welsh, then in
English; HTML: two columns per section).

example:
  threshold-guide explain case.json --audience school
  threshold-guide explain case.json --audience family --format html -o family.html
  threshold-guide explain case.json --audience family \
      --confirm-unsafe-share "Strategy discussion on 3 Nov agreed parents are told"
  threshold-guide explain case.json --audience police --format json --at 2026-11-01T09:00:00Z
  threshold-guide explain case.json --audience family --bilingual --format html -o letter.html
"""

BILINGUAL = ("cy", "en")
"""A bilingual paper: Welsh first, then English (as Welsh public bodies set them out)."""

FAMILY_CHECK = N_(
    "family version: notes, the child's words and the detailed answers are left out. Before "
    "sharing it, check with your DSP or social services that telling the family will not put "
    "the child or anyone else at greater risk."
)


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "explain", parents=parents,
        help="explain a session's decision in plain words for a partner",
        description="Explain the decision in a saved session for one reader: what was "
        "decided and which test it answers (and which it does not), the test in plain "
        "words, the decisive facts, what would change it, what that reader is asked to do "
        "or watch for, and the guidance version. The same session, audience and --at time "
        "give byte-identical output.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("session", metavar="SESSION_FILE", type=Path,
                        help="a session file (JSON)")
    parser.add_argument("--audience", required=True, choices=[a.value for a in Audience],
                        help="who the explanation is for")
    parser.add_argument("--format", choices=["md", "json", "html"], default="md",
                        help="Markdown, JSON, or one print-ready HTML file (default: md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the explanation here (atomically) instead of printing it")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time to stamp on it (default: SOURCE_DATE_EPOCH or now)")
    parser.add_argument("--bilingual", action="store_true",
                        help="Welsh and English side by side (md or html)")
    parser.add_argument("--confirm-unsafe-share", metavar="REASON",
                        help="family version only: produce it although the walk recorded "
                        "that telling the family could put the child at risk, for this "
                        "reason (stamped on the letter)")
    parser.set_defaults(handler=run)


def _calendar(args: argparse.Namespace) -> WorkingCalendar:
    # Imported here: that module builds on this one's pinned_document.
    from threshold_guide.cli.follow_up import working_calendar

    return working_calendar(args)


def _render(explanation: Explanation, form: str) -> str:
    if form == "json":
        return render_json(explanation)
    if form == "html":
        return explanation_html(explanation)
    return render_explanation_markdown(explanation)


def _bilingual(welsh: Explanation, english: Explanation, form: str) -> str:
    first, second = (render_explanation_markdown(e) for e in (welsh, english))
    if form == "html":
        title = f"{explanation_title(welsh)} / {explanation_title(english)}"
        return side_by_side_html(first, second, title=title, languages=BILINGUAL)
    return side_by_side_markdown(first, second)


def run(args: argparse.Namespace) -> int:
    try:
        session = read_session_file(args.session)
    except SessionUnreadable as problem:
        raise CommandError(f"{problem.path}: {problem.reason}",
                           _("pass a session file saved by the app or by 'run --save-session'"),
                           ExitStatus.ERROR) from None
    audience = Audience(args.audience)
    if args.bilingual and args.format == "json":
        raise CommandError(_("--bilingual writes Markdown or HTML, not JSON"),
                           _("use --format md or --format html, or leave out --bilingual"),
                           ExitStatus.USAGE)
    language = output_language(args, session, family=audience is Audience.FAMILY)
    reason: str | None = args.confirm_unsafe_share
    if reason is not None and audience is not Audience.FAMILY:
        raise CommandError(_("--confirm-unsafe-share is only for --audience family"),
                           _("leave it out"), ExitStatus.USAGE)
    if reason is not None and not reason.strip():
        raise CommandError(_("--confirm-unsafe-share needs a reason"),
                           _("say why sharing with the family is safe, in a sentence"),
                           ExitStatus.USAGE)
    document, sha256 = pinned_document(args, session)
    if reason is not None and not family_risks(document, session, language):
        note(_("nothing recorded in this walk makes telling the family unsafe: "
               "--confirm-unsafe-share is not needed and is not stamped on the letter"))
    languages = BILINGUAL if args.bilingual else (language,)
    for each in languages:
        warn_untranslated(document, each)
    try:
        explanations = [explain(document, sha256, session, audience, now(args.at), each,
                                _calendar(args), confirm_unsafe_share=reason)
                        for each in languages]
    except UnsafeToShare as problem:
        raise CommandError(
            f"{args.session}: {problem}",
            _("check with your designated safeguarding person or social services; if sharing "
              "is safe, run again with --confirm-unsafe-share 'REASON' (the reason is stamped "
              "on the letter)"), ExitStatus.ERROR) from None
    except (ExplainError, SummaryError, AnswerError) as problem:
        raise CommandError(f"{args.session}: {problem}", "", ExitStatus.ERROR) from None
    if audience is Audience.FAMILY:
        note(_(FAMILY_CHECK))
    if args.bilingual:
        emit(_bilingual(explanations[0], explanations[1], args.format), args.output)
    else:
        emit(_render(explanations[0], args.format), args.output)
    return ExitStatus.OK
