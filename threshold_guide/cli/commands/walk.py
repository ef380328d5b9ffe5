"""threshold-guide walk DOC --plain: the guided walk as numbered prompts on stdin and stdout."""

from __future__ import annotations

import argparse
import io
import shlex
import sys
from pathlib import Path

from threshold_guide.cli.console import CommandError, emit, note
from threshold_guide.cli.options import (
    Commands,
    add_case_arguments,
    catalog,
    now,
    output_language,
    parse_date,
    parse_time,
    resolve,
    warn_untranslated,
)
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.loading.catalog import Catalog, is_path_reference
from threshold_guide.models.session import Session
from threshold_guide.models.text import DEFAULT_LANGUAGE
from threshold_guide.plain.dialogue import Dialogue, EndOfInput
from threshold_guide.plain.markdown_text import markdown_to_text
from threshold_guide.plain.opening import (
    Context,
    NotResumable,
    ResumeDeclined,
    begin,
    introduce,
    resume,
)
from threshold_guide.plain.walker import PlainWalk, Save, SaveFailed
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.session_store import (
    Saved,
    SessionStore,
    SessionUnreadable,
    StoredSession,
)
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown

EXAMPLE = """At each question type the number of the answer (for a checklist: numbers separated
by commas, e.g. 1,3, or none) and press Enter. Also: ? help, d definitions, w why it is
asked, b back, q save and quit. Every answer is saved at once, as in the app; when the walk
ends the summary is printed (or written with -o).

exit status: 0 the summary was produced, or q was typed (the session is saved);
1 the input ended before the summary (the session is saved: resume it with --resume);
130 interrupted with Ctrl+C (the session is saved)

Without --plain, 'walk' does not open the app: run 'threshold-guide' for that.

example:
  threshold-guide walk wales-duty-to-report --plain --reference CASE-0042
  threshold-guide walk wales-duty-to-report --plain --format json -o summary.json
  threshold-guide walk --plain --resume 20260301-094500-1a2b3c4d
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "walk", parents=parents,
        help="walk a document as numbered prompts (--plain): for screen readers and scripts",
        description="Walk a threshold document one question at a time as plain numbered "
        "prompts on standard input and output: no colour, no cursor movement, one prompt per "
        "line. The same rules, session file and summary as the app.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("document", metavar="DOC", nargs="?",
                        help="document id or file path (not needed with --resume)")
    parser.add_argument("--version", metavar="V", help="document version (default: current)")
    parser.add_argument("--on", metavar="DATE", type=parse_date,
                        help="use the version in effect on this day (YYYY-MM-DD)")
    parser.add_argument("--plain", action="store_true",
                        help="numbered prompts on standard input and output (required)")
    add_case_arguments(parser)
    parser.add_argument("--format", choices=["md", "json"], default="md",
                        help="format of the summary (default: md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the summary here (atomically) instead of printing it")
    parser.add_argument("--resume", metavar="SESSION_ID",
                        help="continue a saved session (the app's or plain mode's)")
    parser.add_argument("--at", type=parse_time, metavar="TIME",
                        help="time to stamp on answers and the summary "
                        "(default: SOURCE_DATE_EPOCH or now)")
    parser.set_defaults(handler=walk)


def walk(args: argparse.Namespace) -> int:
    _check_arguments(args)
    store = SessionStore()
    _prepare(store)
    if isinstance(sys.stdin, io.TextIOWrapper):
        # A stray byte that is not UTF-8 becomes a visible mark, not a crash mid-walk.
        sys.stdin.reconfigure(errors="replace")
    dialogue = Dialogue(sys.stdin, sys.stdout, echo_newline=not _interactive())
    try:
        if args.resume:
            resumed = _resume(args, store, dialogue)
            if resumed is None:
                note(_("not resumed: the session is unchanged"))
                return ExitStatus.OK
            state = resumed
            saved = store.save(state.session)
            _tell_if_copied(saved, args, dialogue)
            saved_to = saved.path
        else:
            entry = resolve(args)
            state = begin(store, entry, Context(args.reference, args.role, args.agency,
                                                language=args.lang or DEFAULT_LANGUAGE),
                          now(args.at))
            saved_to = store.path_for(state.session.session_id)
    except OSError as problem:
        raise CommandError(
            _("cannot save the session in {folder}: {problem}").format(
                folder=store.directory, problem=problem.strerror or problem),
            _("set THRESHOLD_GUIDE_DATA to a folder you can write to"),
        ) from None

    def again() -> str:
        return _resume_command(args, store.saved_as(state.session.session_id))

    language = output_language(args, state.session)
    warn_untranslated(state.document, language)
    introduce(dialogue, state, str(saved_to), again(), resumed=bool(args.resume),
              language=language)
    walker = PlainWalk(dialogue, state, lambda: now(args.at), _saver(store, dialogue, args),
                       language=language)
    try:
        finished = walker.run()
    except SaveFailed as failed:
        note(_("{problem} The last change was not saved; everything before it is. Free some "
               "space or fix the folder, then continue with: {command}").format(
                   problem=failed, command=again()))
        return ExitStatus.ERROR
    except EndOfInput:
        note(_("the input ended before the walk finished. Everything answered is saved; "
               "continue with: {command}").format(command=again()))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        note(_("interrupted. Everything answered is saved; continue with: {command}").format(
            command=again()))
        return ExitStatus.INTERRUPTED
    if not finished:
        dialogue.say("", _("Saved. To continue later, run: {command}").format(command=again()))
        return ExitStatus.OK
    _finish(args, walker.state, dialogue)
    return ExitStatus.OK


def _prepare(store: SessionStore) -> None:
    try:
        store.prepare()
    except OSError as problem:
        raise CommandError(
            _("cannot use the sessions folder {folder}: {problem}").format(
                folder=store.directory, problem=problem.strerror or problem),
            _("set THRESHOLD_GUIDE_DATA to a folder you can write to"),
        ) from None


def _check_arguments(args: argparse.Namespace) -> None:
    if not args.plain:
        raise CommandError(
            _("'walk' needs --plain: it walks a document as numbered prompts on standard "
              "input and output"),
            _("add --plain, or run 'threshold-guide' with no command to open the app"),
            ExitStatus.USAGE,
        )
    if args.resume:
        given = [name for name, value in (("--version", args.version), ("--on", args.on),
                                          ("--reference", args.reference),
                                          ("--role", args.role), ("--agency", args.agency))
                 if value]
        if given:
            raise CommandError(
                _("--resume continues a saved session as it was started; {options} "
                  "cannot change it").format(options=", ".join(given)),
                _("leave them out; you are asked if a newer guidance version is in effect"),
                ExitStatus.USAGE,
            )
    elif not args.document:
        raise CommandError(_("give the document to walk (DOC), or --resume SESSION_ID"),
                           _("run 'threshold-guide guidance list' for the documents found"),
                           ExitStatus.USAGE)
    output: Path | None = args.output
    if output is not None and not output.parent.is_dir():
        raise CommandError(
            _("-o {file}: the folder {folder} does not exist").format(
                file=output, folder=output.parent),
            _("create it first, or choose another file"), ExitStatus.USAGE)


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _resume(
    args: argparse.Namespace, store: SessionStore, dialogue: Dialogue
) -> Walkthrough | None:
    """The saved session, opened; None if the user chose not to go on."""
    session = _load(store, args.resume)
    found = _catalog_for(args, session)
    try:
        return resume(store, session, found, dialogue, now(args.at))
    except NotResumable as problem:
        raise CommandError(str(problem),
                           _("point --guidance at the folder that has it")) from None
    except ResumeDeclined:
        return None
    except EndOfInput:
        raise CommandError(_("not resumed: the input ended before a choice was made"), "",
                           ExitStatus.ERROR) from None


def _load(store: SessionStore, session_id: str) -> Session:
    try:
        return store.load(session_id)
    except ValueError:
        raise CommandError(_("'{session}' is not a session id").format(session=session_id),
                           _saved_ids(store), ExitStatus.USAGE) from None
    except SessionUnreadable as problem:
        if not problem.path.exists():
            raise CommandError(
                _("no saved session '{session}' in {folder}").format(
                    session=session_id, folder=store.directory),
                _saved_ids(store), ExitStatus.USAGE) from None
        raise CommandError(_("cannot resume: {problem}").format(problem=problem), "",
                           ExitStatus.ERROR) from None


def _saved_ids(store: SessionStore) -> str:
    found = [item.session for item in store.listing() if isinstance(item, StoredSession)]
    if not found:
        return _("there are no saved sessions")
    unnamed = _("no reference")
    shown = ", ".join(
        f"{s.session_id} ({s.reference or unnamed}, {s.guidance.id})" for s in found[:5]
    )
    return _("saved sessions, newest first: {sessions}").format(
        sessions=shown + (", ..." if len(found) > 5 else ""))


def _catalog_for(args: argparse.Namespace, session: Session) -> Catalog:
    """The guidance to look for the session's document in, including a DOC file if given."""
    found = catalog(args)
    if not args.document:
        return found
    if not is_path_reference(args.document):
        if args.document != session.guidance.id:
            raise CommandError(
                _("session {session} walks '{walks}', not '{given}'").format(
                    session=session.session_id, walks=session.guidance.id, given=args.document),
                _("leave DOC out with --resume"), ExitStatus.USAGE)
        return found
    entry = resolve(args)
    if entry.id != session.guidance.id:
        raise CommandError(
            _("{file} is '{document}', but session {session} walks '{walks}'").format(
                file=args.document, document=entry.id, session=session.session_id,
                walks=session.guidance.id),
            _("leave DOC out with --resume"), ExitStatus.USAGE)
    return Catalog([entry, *found.entries], found.broken)


def _resume_command(args: argparse.Namespace, session_id: str) -> str:
    words = ["threshold-guide", "walk", "--plain", "--resume", session_id]
    for folder in args.guidance or []:
        words += ["--guidance", str(folder)]
    if args.document and is_path_reference(args.document):
        words.insert(2, args.document)
    return shlex.join(words)


def _saver(store: SessionStore, dialogue: Dialogue, args: argparse.Namespace) -> Save:
    def save(state: Walkthrough) -> None:
        try:
            saved = store.save(state.session)
        except OSError as problem:
            # Going on would take answers the user believes are kept: stop here, non-zero.
            raise SaveFailed(_("could not save the session to {folder}: {problem}.").format(
                folder=store.directory, problem=problem.strerror or problem)) from None
        _tell_if_copied(saved, args, dialogue)

    return save


def _tell_if_copied(saved: Saved, args: argparse.Namespace, dialogue: Dialogue) -> None:
    if saved.copied_from is None:
        return
    dialogue.say(_(
        "Note: another program changed session {session} while this walk had it open. To "
        "keep both, your answers are now saved as a new session, {copy}; the other program's "
        "version is unchanged. To continue this one later, run: {command}").format(
        session=saved.copied_from, copy=saved.session_id,
        command=_resume_command(args, saved.session_id)))


def _finish(args: argparse.Namespace, state: Walkthrough, dialogue: Dialogue) -> None:
    summary = state.summary(now(args.at), output_language(args, state.session))
    text = render_json(summary) if args.format == "json" else render_markdown(summary)
    if args.output is not None:
        dialogue.gap()
        emit(text, args.output)
        dialogue.say(_("The summary is in {path}.").format(path=args.output))
        return
    dialogue.say("", _("The referral rationale summary follows."), "")
    if args.format == "md":
        # Read out, not written to a file: markup characters would be read aloud.
        text = markdown_to_text(text) + "\n"
    sys.stdout.write(text)
    sys.stdout.flush()
