"""On resume, when the guidance changed: continue under the pinned version or move on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from threshold_guide.i18n.catalogue import N_, _, ngettext
from threshold_guide.loading.catalog import Entry
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

    TITLE_TEXT = N_("The guidance has changed since this session")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", N_("Cancel"))]

    def __init__(self, check: PinCheck, moves: list[Move]) -> None:
        super().__init__()
        self.check = check
        self.moves = moves

    def compose_body(self) -> ComposeResult:
        yield Static("\n".join(f"• {line}" for line in self.check.explain()), markup=False,
                     classes="dialog-note")
        yield Static(_("Choose how to go on (arrows and Enter):"), markup=False)
        yield CursorList(self._rows(), id="choices", compact=True)

    def _rows(self) -> list[Row]:
        ref = self.check.session.guidance
        language = self.check.session.language
        rows = []
        if self.check.pinned_document is not None:
            rows.append(Row(PINNED, _("Continue under {version} as started: the answers stay "
                                      "exactly as given.").format(version=ref.version)))
        for index, move in enumerate(self.moves):
            move_to = (_("Move to the changed {version}") if move.entry.version == ref.version
                       else _("Move to the newer version {version}")).format(
                           version=move.entry.version)
            kept, dropped = len(move.upgrade.kept), len(move.upgrade.dropped)
            keeps = ngettext("keeps {count} answer that still stands",
                             "keeps {count} answers that still stand", kept)
            text = (_("{move}: {keeps}; {again}.").format(
                        move=move_to, keeps=keeps,
                        again=ngettext("{count} changed question to answer again",
                                       "{count} changed questions to answer again", dropped))
                    if dropped else _("{move}: {keeps}.").format(move=move_to, keeps=keeps))
            change = move.upgrade.outcome_change(language)
            rows.append(Row(str(index), text + (f"\n{change}" if change else "")))
        return rows

    def on_mount(self) -> None:
        self.query_one(CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == PINNED:
            self.dismiss(PINNED)
        elif event.option.id is not None:
            self.dismiss(self.moves[int(event.option.id)])
