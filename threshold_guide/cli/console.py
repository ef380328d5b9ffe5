"""Printing for the CLI: results to stdout, problems to stderr, files written atomically."""

from __future__ import annotations

import sys
from pathlib import Path

from threshold_guide.storage.atomic import write_atomic
from threshold_guide.validation.diagnostics import Diagnostic


class CommandError(Exception):
    """A problem to report to the user and exit on. ``status`` is the exit code."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        status: int = 1,
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.status = status
        self.diagnostics = diagnostics or []


def error(message: str, hint: str = "") -> None:
    print(f"threshold-guide: error: {message}", file=sys.stderr)
    if hint:
        print(f"    fix: {hint}", file=sys.stderr)


def note(message: str) -> None:
    print(f"threshold-guide: {message}", file=sys.stderr)


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to ``output`` and say where.

    Files are written 0600: summaries and explanations carry case information.
    """
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text, private=True)
    except OSError as problem:
        raise CommandError(
            f"cannot write {output}: {problem.strerror or problem}",
            "check the folder exists and you can write to it",
        ) from None
    note(f"wrote {output}")
