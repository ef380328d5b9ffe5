"""Entry point: ``threshold-guide`` and ``python -m threshold_guide``.

With no command it opens the terminal app; the headless commands never import Textual.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from threshold_guide import __version__
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _

# The app's first paint must not wait for pydantic, the models and thirteen command
# modules: opening the app imports only what it needs, and the commands are imported when
# the parser is built.

DEBUG_ENV = "THRESHOLD_GUIDE_DEBUG"

EXAMPLE = """examples:
  threshold-guide                                   open the app on the shipped guidance
  threshold-guide guidance list                     documents and versions found
  threshold-guide validate ./our-guidance/          check a board's own documents
  threshold-guide run wales-duty-to-report --answers answers.yaml
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from threshold_guide.cli.console import error

        self.print_usage(sys.stderr)
        error(message, _("run '{command} --help' for the options").format(command=self.prog))
        raise SystemExit(ExitStatus.USAGE)


def build_parser() -> argparse.ArgumentParser:
    from threshold_guide.cli.commands import (
        book,
        conference,
        diff,
        done,
        due,
        escalate,
        explain,
        follow_up,
        graph,
        guidance,
        paths,
        response,
        run,
        scenarios,
        schema,
        serve,
        tracker,
        upgrade,
        validate,
        walk,
    )
    from threshold_guide.cli.options import guidance_parent

    parser = _Parser(
        prog="threshold-guide",
        description="Decision support for child safeguarding thresholds in Wales. Walks a "
        "versioned threshold document and explains every decision in writing. "
        "If a child is in immediate danger, call the police on 999 now: do not wait for "
        "this tool.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[guidance_parent()],
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"threshold-guide {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parents = [guidance_parent(command=True)]
    for module in (validate, guidance, paths, run, walk, schema, scenarios, serve, diff, upgrade,
                   explain, graph, book, tracker, due, response, escalate, done,
                   follow_up, conference):
        module.add_parser(commands, parents)
    return parser


def _app_options(argv: Sequence[str]) -> tuple[list[Path], str | None] | None:
    """The --guidance folders and --lang when the command line only opens the app; else
    None (the parser then reads it)."""
    folders: list[Path] = []
    language: str | None = None
    items = list(argv)
    while items:
        item = items.pop(0)
        name, equals, value = item.partition("=")
        if name not in ("--guidance", "--lang"):
            return None
        if not equals:
            if not items or items[0].startswith("-"):
                return None
            value = items.pop(0)
        if name == "--guidance":
            folders.append(Path(value))
        else:
            language = value
    return folders, language


def _given_language(argv: Sequence[str]) -> str | None:
    """The last --lang on the command line, as typed; None when there is none."""
    found: str | None = None
    for index, item in enumerate(argv):
        if item == "--":
            break
        if item == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif item.startswith("--lang="):
            found = item.split("=", 1)[1]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    _speak(_given_language(arguments))
    app = _app_options(arguments)
    if app is not None:
        from threshold_guide.cli.launch import launch_app

        folders, language = app
        if language is not None and not _known_language(language):
            return _run_command(arguments)  # the parser reports it, as for any command
        checked = _checked_folders(folders)
        if checked is None:
            return ExitStatus.USAGE
        return launch_app(checked or None, language)
    return _run_command(arguments)


def _known_language(code: str) -> bool:
    from threshold_guide.i18n.languages import is_interface_language

    return is_interface_language(code.strip().lower())


def _speak(language: str | None) -> None:
    """Speak --lang from the first message on, argparse's usage errors included; a code
    the interface lacks is left to the parser to refuse."""
    from threshold_guide.i18n.catalogue import set_interface_language

    known = language is not None and _known_language(language)
    # Always set, so a second run in one process (the tests) never speaks the last one's.
    set_interface_language(language.strip().lower() if language and known else "en")


def _checked_folders(folders: list[Path]) -> list[Path] | None:
    """The app's --guidance folders, checked as every command checks them; None after
    reporting one that cannot be used."""
    if not folders:
        return folders
    from threshold_guide.cli.folders import guidance_folder

    try:
        return [guidance_folder(str(folder)) for folder in folders]
    except argparse.ArgumentTypeError as problem:
        from threshold_guide.cli.console import error

        error(_("argument --guidance: {problem}").format(problem=problem),
              _("run '{command} --help' for the options").format(command="threshold-guide"))
        return None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing what is left at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run_command(arguments: list[str]) -> int:
    from threshold_guide.cli.console import CommandError, error

    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
        handler = getattr(args, "handler", None)
        if handler is None:
            from threshold_guide.cli.launch import launch_app

            return launch_app(args.guidance, args.lang)
        status = int(handler(args))
        sys.stdout.flush()  # output still buffered meets a closed pipe here, not at exit
        return status
    except CommandError as problem:
        for item in problem.diagnostics:
            print(item.render(), file=sys.stderr)
        error(problem.message, problem.hint)
        return problem.status
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: no message (the reader is gone), and
        # the status the shell's own tools give, so a pipeline can tell it was cut short.
        _quiet_stdout()
        return ExitStatus.BROKEN_PIPE
    except OSError as problem:
        # The disk, a device or the permissions, not a bug: say which file and why.
        where = f"{problem.filename}: " if problem.filename else ""
        error(f"{where}{problem.strerror or problem}",
              _("check the path, its permissions and the free space on its disk"))
        return ExitStatus.ERROR
    except Exception as problem:  # the last line of defence: a message, never a traceback
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        error(
            _("internal error: {kind}: {problem}").format(kind=type(problem).__name__,
                                                        problem=problem),
            _("this is a bug in threshold-guide {version}; please report it with the "
              "command you ran (set {variable}=1 to see the details)").format(
                  version=__version__, variable=DEBUG_ENV),
        )
        return ExitStatus.INTERNAL
