"""An option list whose highlighted row also carries a mark, so the cursor reads without colour.

Rows are wrapped here, with a hanging indent, to the list's width: cheap Text rather than
a Rich table per row, which made every keypress measurably slower.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CURSOR = "▸"
FALLBACK_WIDTH = 76


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    prefix: str = ""
    disabled: bool = False


def hanging(prefix: str, text: str, width: int) -> Text:
    """``prefix`` then ``text`` wrapped to ``width``, later lines indented under the text."""
    # No-break spaces: ordinary leading spaces are dropped when the line is laid out.
    indent = "\u00a0" * (len(prefix) + 1)
    body_width = max(10, width - len(indent))
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, body_width) or [""])
    result = Text()
    result.append(prefix + " ", style="bold")
    result.append(lines[0])
    for line in lines[1:]:
        result.append("\n" + indent + line)
    return result


class CursorList(OptionList):
    """Rows of (prefix, text); the highlighted one is marked with :data:`CURSOR`."""

    def __init__(self, rows: list[Row] | None = None, *, id: str | None = None,
                 compact: bool = False) -> None:
        super().__init__(id=id, compact=compact)
        self._rows: list[Row] = []
        self._marked: int | None = None
        self._width = 0
        if rows:
            self.set_rows(rows)

    def set_rows(self, rows: list[Row], highlight: int | None = 0) -> None:
        self._rows = list(rows)
        self._width = self._wrap_width()
        chosen = None if not rows or highlight is None else max(0, min(highlight, len(rows) - 1))
        self._marked = chosen
        self.set_options([self._option(i) for i in range(len(rows))])
        if chosen is not None:
            self.highlighted = chosen

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def _wrap_width(self) -> int:
        width = self.scrollable_content_region.width
        return width if width > 0 else FALLBACK_WIDTH

    def _prompt(self, index: int) -> Text:
        row = self._rows[index]
        cursor = CURSOR if index == self._marked else " "
        return hanging(f"{cursor}{row.prefix}", row.text, self._width)

    def _option(self, index: int) -> Option:
        row = self._rows[index]
        return Option(self._prompt(index), id=row.id, disabled=row.disabled)

    def on_resize(self) -> None:
        if self._rows and self._wrap_width() != self._width:
            self.set_rows(self._rows, self.highlighted)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is None or len(self._rows) != self.option_count:
            return  # nothing to mark, or the options are being replaced
        previous, self._marked = self._marked, highlighted
        for index in {previous, highlighted}:
            if index is not None and index < len(self._rows):
                self.replace_option_prompt_at_index(index, self._prompt(index))
