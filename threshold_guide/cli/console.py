"""Printing for the CLI: results to stdout, problems to stderr, files written atomically."""

from __future__ import annotations

import sys
from pathlib import Path

from threshold_guide.i18n.catalogue import _
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
    print(_("threshold-guide: error: {message}").format(message=message), file=sys.stderr)
    if hint:
        # Translators: the start of the line under an error that says how to put it right.
        print(_("    fix: {hint}").format(hint=hint), file=sys.stderr)


def note(message: str) -> None:
    print(f"threshold-guide: {message}", file=sys.stderr)


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to ``output`` and say where.

    Files are written 0600: summaries and explanations carry case information.
    """
    if output is None:
        sys.stdout.write(text)
        return
    write_private(output, text)
    note(_("wrote {path}").format(path=output))


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, 0600; a failure is a located error (exit 1)."""
    if path.is_dir():
        raise CommandError(_("cannot write {path}: it is a folder").format(path=path),
                           _("name a file inside it, e.g. {example}").format(
                               example=path / "session.json"))
    try:
        write_atomic(path, text, private=True)
    except OSError as problem:
        raise CommandError(
            _("cannot write {path}: {reason}").format(path=path,
                                                      reason=problem.strerror or problem),
            _("check the folder exists, you can write to it, and the disk is not full"),
        ) from None
