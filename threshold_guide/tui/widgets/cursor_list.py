"""An option list whose highlighted row also carries a mark, so the cursor reads without colour."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CURSOR = "▸"


def hanging(prefix: str, text: str, style: str = "bold") -> Table:
    """``prefix`` then ``text``, with wrapped lines indented under the text, not the prefix."""
    row = Table.grid(padding=(0, 1))
    row.add_column(no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(prefix, style=style), Text(text))
    return row


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    prefix: str = ""
    disabled: bool = False


class CursorList(OptionList):
    """Rows of (prefix, text); the highlighted one is marked with :data:`CURSOR`."""

    def __init__(self, rows: list[Row] | None = None, *, id: str | None = None,
                 compact: bool = False) -> None:
        super().__init__(id=id, compact=compact)
        self._rows: list[Row] = []
        self._redrawing = False
        if rows:
            self.set_rows(rows)

    def set_rows(self, rows: list[Row], highlight: int | None = 0) -> None:
        self._rows = list(rows)
        self.set_options(self._render_rows())
        if rows and highlight is not None:
            self.highlighted = max(0, min(highlight, len(rows) - 1))

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def _render_rows(self) -> list[Option]:
        options = []
        for index, row in enumerate(self._rows):
            cursor = CURSOR if index == self.highlighted else " "
            prefix = f"{cursor}{row.prefix}"
            options.append(Option(hanging(prefix, row.text), id=row.id, disabled=row.disabled))
        return options

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self._redrawing or highlighted is None or len(self._rows) != self.option_count:
            return  # nothing to mark, or the options are being replaced
        self._redrawing = True
        try:
            for index, option in enumerate(self._render_rows()):
                self.replace_option_prompt_at_index(index, option.prompt)
        finally:
            self._redrawing = False
