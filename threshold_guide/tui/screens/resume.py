"""On resume, when the guidance changed: continue under the pinned version or move on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from threshold_guide.loading.catalog import Entry
from threshold_guide.plural import counted
from threshold_guide.session.upgrade import PinCheck, Upgrade
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.cursor_list import CursorList, Row

PINNED = "pinned"


@dataclass(frozen=True)
class Move:
    """A version the session could move to, and what moving would keep."""

    entry: Entry
    upgrade: Upgrade


class ResumeModal(BaseModal[Move | str]):
    """Dismisses with :data:`PINNED`, a :class:`Move`, or None (do not resume)."""

    TITLE_TEXT = "The guidance has changed since this session"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Cancel")]

    def __init__(self, check: PinCheck, moves: list[Move]) -> None:
        super().__init__()
        self.check = check
        self.moves = moves

    def compose_body(self) -> ComposeResult:
        yield Static("\n".join(f"• {line}" for line in self.check.explain()), markup=False,
                     classes="dialog-note")
        yield Static("Choose how to go on (arrows and Enter):", markup=False)
        yield CursorList(self._rows(), id="choices", compact=True)

    def _rows(self) -> list[Row]:
        ref = self.check.session.guidance
        rows = []
        if self.check.pinned_document is not None:
            rows.append(Row(PINNED, f"Continue under {ref.version} as started: the answers "
                            "stay exactly as given."))
        for index, move in enumerate(self.moves):
            kind = "the changed" if move.entry.version == ref.version else "the newer version"
            kept, dropped = len(move.upgrade.kept), len(move.upgrade.dropped)
            again = (f"; {counted(dropped, 'changed question')} to answer again" if dropped
                     else "")
            still = counted(kept, "answer that still stands", "answers that still stand")
            change = move.upgrade.outcome_change()
            rows.append(Row(str(index), f"Move to {kind} {move.entry.version}: keeps {still}"
                            f"{again}." + (f"\n{change}" if change else "")))
        return rows

    def on_mount(self) -> None:
        self.query_one(CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == PINNED:
            self.dismiss(PINNED)
        elif event.option.id is not None:
            self.dismiss(self.moves[int(event.option.id)])
