"""A list to tick items in, marked in words ("[x]"), so a tick never rests on colour."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from threshold_guide.i18n.catalogue import N_
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.answers import MARKS
from threshold_guide.tui.widgets.cursor_list import CursorList, Row


class TickList(TranslatedKeys, CursorList):
    """Enter or Space ticks or unticks the item under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", N_("Tick"), show=False)]

    class Changed(Message):
        def __init__(self, tick_list: TickList) -> None:
            super().__init__()
            self.tick_list = tick_list

        @property
        def control(self) -> TickList:
            return self.tick_list

    def __init__(self, items: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.items = items
        self.ticked: list[str] = []

    def on_mount(self) -> None:
        self._show(0)

    def _show(self, highlight: int | None) -> None:
        self.set_rows([Row(key, label, MARKS[True][key in self.ticked])
                       for key, label in self.items], highlight=highlight)

    def set_ticked(self, ticked: list[str]) -> None:
        self.ticked = [key for key, _ in self.items if key in ticked]
        self._show(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        if key is None:
            return
        self.set_ticked([k for k in self.ticked if k != key] if key in self.ticked
                        else [*self.ticked, key])
        self.post_message(self.Changed(self))
