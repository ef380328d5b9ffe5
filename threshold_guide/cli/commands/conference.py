"""threshold-guide conference: a household case at a child protection conference.

``run`` produces a paper from a household answers file, ``walk --plain`` asks the
questions (the household's once, then each child's), ``explain`` explains one child's
decision for one reader.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import (
    Commands,
    add_document_arguments,
    now,
    output_language,
    parse_time,
    resolve,
    warn_untranslated,
)
from threshold_guide.engine.routing import AnswerError
from threshold_guide.exit_status import ExitStatus
from threshold_guide.explain.audiences import AUDIENCES
from threshold_guide.explain.build import ExplainError, UnsafeToShare, explain
from threshold_guide.household.decisions import decide_household
from threshold_guide.household.papers import PAPERS, build_papers, paper_language
from threshold_guide.household.papers_markdown import (
    render_bilingual_html,
    render_bilingual_markdown,
    render_papers_html,
    render_papers_markdown,
)
from threshold_guide.household.walk import Pinned, child_session
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.explanation import Audience
from threshold_guide.models.household import Household
from threshold_guide.models.papers import ConferencePapers
from threshold_guide.models.session import GuidanceRef
from threshold_guide.storage.household_file import (
    HouseholdFileError,
    create_household,
    households_dir,
    new_household_id,
    read_household,
    write_household,
)
from threshold_guide.summary.build import SummaryError
from threshold_guide.summary.json_output import render_json

EXAMPLE = """household answers file (YAML or JSON): reference, reason, s47_conclusion,
attending, shared (answers to household questions), children (each: child, age, answers,
voice, views, chair_reason, plan); schema: threshold-guide schema --kind household

examples:
  threshold-guide conference run wales-registration --household family.yaml
  threshold-guide conference run wales-registration --household family.yaml \\
      --paper invitation --audience family --format html -o invitation.html
  threshold-guide conference walk wales-registration --plain --household family.yaml
  threshold-guide conference explain family.json --child "Child A" --audience school
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "conference", help="a child protection conference: a decision for each child",
        description="A household case at a child protection conference: one case reference, "
        "shared answers, and each child's own answers, voice, agency views, plan and "
        "decision.", epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(handler=_usage(parser))
    actions = parser.add_subparsers(dest="conference_command", metavar="SUBCOMMAND")

    run_parser = actions.add_parser(
        "run", parents=parents, help="produce a conference paper from a household file",
        description="Walk each child of a household file and produce one paper. The same "
        "document, household file and --at time give byte-identical output.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_document_arguments(run_parser)
    _paper_options(run_parser)
    run_parser.set_defaults(handler=run)

    walk_parser = actions.add_parser(
        "walk", parents=parents, help="walk a household in plain mode (numbered prompts)",
        description="Ask the household questions once, then each child's questions, voice, "
        "agency views and plan, as numbered prompts on standard input and output. Every "
        "answer is saved at once (0600) to --save, or to the households folder.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_document_arguments(walk_parser)
    walk_parser.add_argument("--plain", action="store_true", required=True,
                             help="numbered prompts (required: the app has its own view)")
    _paper_options(walk_parser, household_required=False)
    walk_parser.set_defaults(handler=_walk)

    explain_parser = actions.add_parser(
        "explain", parents=parents, help="explain one child's decision for one reader",
        description="Explain one child's decision in plain words for a partner or the "
        "family, as 'threshold-guide explain' does for a session.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    explain_parser.add_argument("household", type=Path, metavar="HOUSEHOLD_FILE")
    explain_parser.add_argument("--child", required=True, metavar="CHILD",
                                help="the child's reference, e.g. 'Child A'")
    explain_parser.add_argument("--audience", required=True,
                                choices=[a.value for a in Audience])
    explain_parser.add_argument("--document", metavar="DOC", default=None,
                                help="document id or file (default: the one the file is "
                                "pinned to, else wales-registration)")
    explain_parser.add_argument("--version", metavar="V", default=None)
    explain_parser.add_argument("--on", default=None, help=argparse.SUPPRESS)
    explain_parser.add_argument("--format", choices=["md", "json", "html"], default="md")
    explain_parser.add_argument("-o", "--output", type=Path, metavar="FILE")
    explain_parser.add_argument("--at", type=parse_time, metavar="TIME")
    explain_parser.add_argument("--confirm-unsafe-share", metavar="REASON",
                                help="family only: share although it was marked not to be "
                                "shared with the family, for this reason")
    explain_parser.set_defaults(handler=run_explain)


def _paper_options(parser: argparse.ArgumentParser, *, household_required: bool = True) -> None:
    parser.add_argument("--household", type=Path, required=household_required, metavar="FILE",
                        help="the household answers file (YAML or JSON)")
    parser.add_argument("--paper", choices=PAPERS, default="decision-record",
                        help="which paper (default: decision-record)")
    parser.add_argument("--audience", choices=["partners", "family"], default="partners",
                        help="invitation only: for partner agencies or for the family")
    parser.add_argument("--agency", default="", help="agency-report only: the agency writing")
    parser.add_argument("--format", choices=["md", "json", "html"], default="md")
    parser.add_argument("--bilingual", action="store_true",
                        help="the paper in Welsh and English side by side (md or html): each "
                        "section in Welsh, then in English; in HTML two columns")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the paper here (atomically) instead of printing it")
    parser.add_argument("--save", type=Path, metavar="FILE",
                        help="also write the household file, pinned to the document (0600)")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time stamped on the paper (default: SOURCE_DATE_EPOCH or now)")


def _usage(parser: argparse.ArgumentParser) -> object:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        raise CommandError(_("choose a subcommand: run, walk or explain"),
                           _("e.g. '{command}'").format(
                               command="threshold-guide conference run DOC --household FILE"),
                           ExitStatus.USAGE)

    return handler


def load_household(path: Path) -> Household:
    try:
        return read_household(path)
    except HouseholdFileError as problem:
        raise CommandError(_("{path} cannot be used").format(path=path),
                           _("see '{command}'").format(
                               command="threshold-guide schema --kind household"),
                           ExitStatus.ERROR, problem.diagnostics) from None


def pin(household: Household, pinned: Pinned, args: argparse.Namespace) -> Household:
    """The household pinned to the document, with an id and times, ready to save."""
    stamp = now(args.at)
    ref = GuidanceRef(id=pinned.document.id, version=pinned.document.version,
                      sha256=pinned.sha256)
    return household.model_copy(update={
        "guidance": ref,
        "household_id": household.household_id or new_household_id(household.reference,
                                                                    stamp),
        "created_at": household.created_at or stamp,
        "updated_at": stamp,
    })


def check_household(pinned: Pinned, household: Household, path: Path, *,
                    finished: bool) -> None:
    """Exit 1 naming the child and question when a child's answers cannot be used."""
    document = pinned.document
    if household.guidance is not None and household.guidance.id != document.id:
        raise CommandError(_("{path}: the household is pinned to {pinned}, not {document}")
                           .format(path=path, pinned=household.guidance.id,
                                   document=document.id), "", ExitStatus.ERROR)
    for decision in decide_household(document, household):
        who = decision.case.child
        if decision.problem:
            # Nothing to translate: the problem is in the interface language already.
            raise CommandError(f"{path}: {who}: {decision.problem}", "", ExitStatus.ERROR)
        route = decision.route
        if finished and route is not None and route.outcome is None:
            pending = route.pending.id if route.pending else "?"
            given = {**household.shared, **decision.case.answers}.get(pending)
            if given is not None and route.pending_suggestion is not None:
                raise CommandError(
                    _("{path}: {child}: question '{question}': the answer departs from what "
                      "the guidance suggests ('{suggested}') and no reason is recorded").format(
                          path=path, child=who, question=pending,
                          suggested=route.pending_suggestion.target),
                    _("give {field}, or agree with the suggestion").format(
                        field="departure_reason"),
                    ExitStatus.ERROR)
            raise CommandError(_("{path}: {child}: the answers stop at question '{question}' "
                                 "before a decision").format(path=path, child=who,
                                                             question=pending),
                               _("answer it (in '{shared}' if it is about the household, else "
                                 "in the child's '{answers}')").format(shared="shared",
                                                                       answers="answers"),
                               ExitStatus.ERROR)


BILINGUAL = ("cy", "en")
"""A bilingual paper: Welsh first, then English (the procedures' own order)."""


def render_paper(pinned: Pinned, household: Household, args: argparse.Namespace) -> str:
    """The paper in ``--lang``, else the household's language for it (the family's
    invitation in the family's language); with ``--bilingual``, Welsh and English."""
    from threshold_guide.cli.follow_up import working_calendar

    bilingual = bool(getattr(args, "bilingual", False))
    if bilingual and args.format == "json":
        raise CommandError(_("--bilingual writes Markdown or HTML"),
                           _("use --format md or --format html, or give --lang for one "
                             "language in JSON"), ExitStatus.USAGE)
    chosen: str | None = getattr(args, "lang", None)
    languages: tuple[str | None, ...] = BILINGUAL if bilingual else (chosen,)
    papers = []
    for language in languages:
        warn_untranslated(pinned.document, language or paper_language(
            household, args.paper, args.audience))
        try:
            papers.append(build_papers(pinned, household, args.paper, now(args.at),
                                       audience=args.audience, agency=args.agency,
                                       calendar=working_calendar(args), language=language))
        except (SummaryError, AnswerError) as problem:
            raise CommandError(f"{args.household}: {problem}", "", ExitStatus.ERROR) from None
    if bilingual:
        first, second = papers
        if args.format == "html":
            return render_bilingual_html(first, second)
        return render_bilingual_markdown(first, second)
    return _one(papers[0], args.format)


def _one(papers: ConferencePapers, form: str) -> str:
    if form == "json":
        return render_json(papers)
    if form == "html":
        return render_papers_html(papers)
    return render_papers_markdown(papers)


def save(path: Path, household: Household) -> None:
    try:
        write_household(path, household)
    except OSError as problem:
        raise CommandError(_("--save {path}: cannot save the household: {problem}; nothing "
                             "was written").format(path=path,
                                                   problem=problem.strerror or problem),
                           _("free some space, or choose a folder you can write to")) from None


def run(args: argparse.Namespace) -> int:
    entry = resolve(args)
    pinned = Pinned(entry.document, entry.sha256)
    household = load_household(args.household)
    check_household(pinned, household, args.household,
                    finished=args.paper == "decision-record")
    text = render_paper(pinned, household, args)
    if args.save:
        save(args.save, pin(household, pinned, args))
    emit(text, args.output)
    return ExitStatus.OK


def _walk(args: argparse.Namespace) -> int:
    from threshold_guide.plain.dialogue import EndOfInput
    from threshold_guide.plain.household import (
        WalkStopped,
        default_path,
        plain_dialogue,
        start_household,
        walk_household,
    )

    entry = resolve(args)
    pinned = Pinned(entry.document, entry.sha256)
    talk = plain_dialogue()
    talk.say(_("If a child is in immediate danger, call the police on 999 now."))
    if args.household is not None and args.household.exists():
        household = load_household(args.household)
    else:
        try:
            household = start_household(talk, lambda: now(args.at))
        except EndOfInput:
            raise CommandError(_("the input ended before the walk started"), "",
                               ExitStatus.ERROR) from None
    # A hand-written YAML file is never overwritten: the walk saves beside the sessions.
    given = args.household if args.household is not None and args.household.suffix == ".json" \
        else None
    household = pin(household, pinned, args)
    chosen: Path | None = args.save or given
    if chosen is not None:
        target = chosen
    else:
        # A new file in the households folder, created exclusively under the next free id.
        try:
            household = create_household(households_dir(), household)
        except OSError as problem:
            raise CommandError(_("cannot save the household in {folder}: {problem}; nothing "
                                 "was written").format(folder=households_dir(),
                                                       problem=problem.strerror or problem),
                               _("free some space, or give --save FILE")) from None
        target = default_path(household)

    def keep(current: Household) -> Household:
        pinned_now = pin(current, pinned, args)
        save(target, pinned_now)
        return pinned_now

    try:
        household = walk_household(talk, pinned, household, keep, lambda: now(args.at))
    except WalkStopped as stopped:
        resume = f"threshold-guide conference walk {args.document} --plain --household {target}"
        if stopped.quit:
            note(_("saved to {path}; continue with: {command}").format(path=target,
                                                                       command=resume))
            return ExitStatus.OK
        raise CommandError(_("the input ended before every child's decision"),
                           _("everything so far is saved in {path}; continue with: {command}")
                           .format(path=target, command=resume),
                           ExitStatus.ERROR) from None
    args.household = target
    talk.say("", _("The decision record follows."))
    emit(render_paper(pinned, household, args), args.output)
    return ExitStatus.OK


def run_explain(args: argparse.Namespace) -> int:
    from threshold_guide.cli.follow_up import working_calendar

    household = load_household(args.household)
    args.document = args.document or (household.guidance.id if household.guidance
                                      else "wales-registration")
    if args.version is None and household.guidance is not None and (
            household.guidance.id == args.document):
        args.version = household.guidance.version
    entry = resolve(args)
    pinned = Pinned(entry.document, entry.sha256)
    try:
        case = household.child_case(args.child)
    except KeyError:
        raise CommandError(_("{path}: no child '{child}'").format(path=args.household,
                                                                  child=args.child),
                           _("children: {names}").format(
                               names=", ".join(c.child for c in household.children)),
                           ExitStatus.USAGE) from None
    check_household(pinned, household.model_copy(update={"children": [case]}),
                    args.household, finished=True)
    audience = Audience(args.audience)
    reason: str | None = args.confirm_unsafe_share
    family = audience is Audience.FAMILY
    if reason is not None and (not family or not reason.strip()):
        raise CommandError(_("--confirm-unsafe-share needs --audience family and a reason"),
                           _("leave it out, or say why sharing is safe"), ExitStatus.USAGE)
    if family and case.voice.withhold_from_family and not reason:
        raise CommandError(
            _("{path}: {child}: what the child said is marked not to be shared with the "
              "family").format(path=args.household, child=case.child),
            _("check with the chair and social services; if sharing is safe, run again with "
              "--confirm-unsafe-share 'REASON'"), ExitStatus.ERROR)
    stamp = now(args.at)
    language = output_language(args, household, family=family)
    warn_untranslated(pinned.document, language)
    session = child_session(pinned, household, case, stamp)
    try:
        explanation = explain(pinned.document, pinned.sha256, session, audience, stamp,
                              language,
                              working_calendar(args), confirm_unsafe_share=reason)
    except UnsafeToShare as problem:
        raise CommandError(
            f"{args.household}: {case.child}: {problem}",
            _("run again with --confirm-unsafe-share 'REASON' if sharing is safe"),
            ExitStatus.ERROR) from None
    except (ExplainError, SummaryError, AnswerError) as problem:
        raise CommandError(f"{args.household}: {problem}", "", ExitStatus.ERROR) from None
    if family and case.voice.withhold_from_family and reason:
        explanation = explanation.model_copy(update={"confirmed_unsafe_share": reason})
    if family:
        note(_("check with the chair before sharing this with the family ({reader})").format(
            reader=_(AUDIENCES[audience].name)))
    from threshold_guide.cli.commands.explain import _render

    emit(_render(explanation, args.format), args.output)
    return ExitStatus.OK
