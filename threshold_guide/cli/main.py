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
        error(message, f"run '{self.prog} --help' for the options")
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

    parents = [guidance_parent()]
    parser = _Parser(
        prog="threshold-guide",
        description="Decision support for child safeguarding thresholds in Wales. Walks a "
        "versioned threshold document and explains every decision in writing. "
        "If a child is in immediate danger, call the police on 999 now: do not wait for "
        "this tool.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=parents,
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"threshold-guide {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (validate, guidance, paths, run, walk, schema, scenarios, serve, diff, upgrade,
                   explain, graph, book, tracker, due, response, escalate, done,
                   follow_up, conference):
        module.add_parser(commands, parents)
    return parser


def _app_guidance(argv: Sequence[str]) -> list[Path] | None:
    """The --guidance folders when the command line only opens the app; else None."""
    folders: list[Path] = []
    items = list(argv)
    while items:
        item = items.pop(0)
        if item == "--guidance" and items and not items[0].startswith("-"):
            folders.append(Path(items.pop(0)))
        elif item.startswith("--guidance="):
            folders.append(Path(item.split("=", 1)[1]))
        else:
            return None
    return folders


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    folders = _app_guidance(arguments)
    if folders is not None:
        from threshold_guide.cli.launch import launch_app

        checked = _checked_folders(folders)
        return launch_app(checked or None) if checked is not None else ExitStatus.USAGE
    return _run_command(arguments)


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

        error(f"argument --guidance: {problem}", "run 'threshold-guide --help' for the options")
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

            return launch_app(args.guidance, args)
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
              "check the path, its permissions and the free space on its disk")
        return ExitStatus.ERROR
    except Exception as problem:  # the last line of defence: a message, never a traceback
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        error(
            f"internal error: {type(problem).__name__}: {problem}",
            f"this is a bug in threshold-guide {__version__}; please report it with the "
            f"command you ran (set {DEBUG_ENV}=1 to see the details)",
        )
        return ExitStatus.INTERNAL
