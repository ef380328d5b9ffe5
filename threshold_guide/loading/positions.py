"""Line and column of a character offset, counted as editors count them.

libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1); editors and YAML 1.2 do
not, so its line numbers ran past the end of a file holding one. Positions are therefore
computed here from character offsets: a line ends at LF, CRLF or a lone CR.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


class LineIndex:
    """Offsets where each line of a text starts, found once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def position(self, offset: int) -> Position:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self._text))]
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)


def position_of_offset(text: str, offset: int) -> Position:
    """The position of one offset, counted at C speed without indexing every line (a
    32 MB file of short lines would need hundreds of MB for that)."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset)
    line -= text.count("\r\n", 0, offset)
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return Position(line + 1, offset - start + 1)
