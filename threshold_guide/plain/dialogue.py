"""Reading and writing plain-mode lines: nothing but text, one prompt per line.

No colour, no cursor movement and no redrawing, so a screen reader reads each line once,
in order, and a script sees a transcript it can follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO


class EndOfInput(Exception):
    """Standard input ended (EOF) while a prompt was waiting for a line."""


class Command(StrEnum):
    """What a line that is a single command letter asks for, at any prompt."""

    HELP = "?"
    DEFINITIONS = "d"
    WHY = "w"
    BACK = "b"
    QUIT = "q"


def command(line: str, allowed: frozenset[Command]) -> Command | None:
    """The command a line is, if it is exactly one of the allowed letters (any case)."""
    try:
        found = Command(line.strip().lower())
    except ValueError:
        return None
    return found if found in allowed else None


@dataclass
class Dialogue:
    """A conversation over two text streams, e.g. ``sys.stdin`` and ``sys.stdout``."""

    source: TextIO
    sink: TextIO
    echo_newline: bool = False
    """End each prompt's line after reading, for when the input is not typed at a terminal
    (the terminal ends the line itself when the user presses Enter)."""

    def say(self, *lines: str) -> None:
        for line in lines:
            self.sink.write(line + "\n")
        self.sink.flush()

    def gap(self) -> None:
        """An empty line between blocks, so each question starts a new paragraph."""
        self.say("")

    def ask(self, cue: str) -> str:
        """Show ``cue`` (it ends with ': ') and return the line typed, without its end.

        Raises :class:`EndOfInput` when the input has ended.
        """
        self.sink.write(cue)
        self.sink.flush()
        line = self.source.readline()
        if self.echo_newline or not line:
            self.sink.write("\n")
            self.sink.flush()
        if not line:
            raise EndOfInput
        return line.rstrip("\r\n").strip()
