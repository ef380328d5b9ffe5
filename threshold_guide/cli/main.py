"""Entry point: ``threshold-guide`` and ``python -m threshold_guide``.

With no command it opens the terminal app; the headless commands never import Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from threshold_guide import __version__
from threshold_guide.cli.commands import (
    book,
    diff,
    explain,
    graph,
    guidance,
    paths,
    run,
    scenarios,
    schema,
    serve,
    upgrade,
    validate,
    walk,
)
from threshold_guide.cli.console import CommandError, error
from threshold_guide.cli.options import guidance_parent
from threshold_guide.exit_status import ExitStatus
from threshold_guide.validation.diagnostics import Diagnostic

DEBUG_ENV = "THRESHOLD_GUIDE_DEBUG"

EXAMPLE = """examples:
  threshold-guide                                   open the app on the shipped guidance
  threshold-guide guidance list                     documents and versions found
  threshold-guide validate ./our-guidance/          check a board's own documents
  threshold-guide run wales-duty-to-report --answers answers.yaml
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        error(message, f"run '{self.prog} --help' for the options")
        raise SystemExit(ExitStatus.USAGE)


def build_parser() -> argparse.ArgumentParser:
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
                   explain, graph, book):
        module.add_parser(commands, parents)
    return parser


def _print_diagnostics(items: list[Diagnostic]) -> None:
    for item in items:
        print(item.render(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            from threshold_guide.cli.launch import launch_app

            return launch_app(args)
        return int(handler(args))
    except CommandError as problem:
        _print_diagnostics(problem.diagnostics)
        error(problem.message, problem.hint)
        return problem.status
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.OK
    except Exception as problem:  # the last line of defence: a message, never a traceback
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        error(
            f"internal error: {type(problem).__name__}: {problem}",
            f"this is a bug in threshold-guide {__version__}; please report it with the "
            f"command you ran (set {DEBUG_ENV}=1 to see the details)",
        )
        return ExitStatus.INTERNAL
