"""The saved sessions on the start screen: reference, document, progress, last change."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message
from textual.widgets import DataTable

from threshold_guide.i18n.catalogue import _

PROGRESS_WIDTH = 28


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class ResumeRow:
    """One line of the resume list, prepared by the app."""

    key: str
    """The session id, or the file name of an unreadable file."""
    reference: str
    document: str
    progress: str
    last_change: str
    readable: bool
    path: Path


class SessionList(DataTable[str]):
    """Posts :class:`SessionList.Chosen` for a readable session; explains an unreadable one."""

    class Chosen(Message):
        def __init__(self, row: ResumeRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.rows_shown: list[ResumeRow] = []

    def on_mount(self) -> None:
        self.add_columns(_("Reference and document"), _("Progress"), _("Changed (UTC)"))

    def show(self, rows: list[ResumeRow]) -> None:
        self.rows_shown = rows
        self.clear()
        for row in rows:
            # Two lines a session, so four facts fit in 80 columns without scrolling.
            progress = textwrap.wrap(row.progress, PROGRESS_WIDTH) or [""]
            self.add_row(
                f"{row.reference or '—'}\n{row.document}",
                "\n".join([progress[0], _cut(" ".join(progress[1:]), PROGRESS_WIDTH)]),
                row.last_change,
                key=row.key, height=2,
            )

    def current(self) -> ResumeRow | None:
        """The row under the cursor."""
        if self.row_count == 0:
            return None
        return self._row(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def _row(self, key: str | None) -> ResumeRow | None:
        return next((row for row in self.rows_shown if row.key == key), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self._row(event.row_key.value)
        if row is None:
            return
        if not row.readable:
            self.notify(_("{path} cannot be resumed: {reason}").format(
                path=row.path, reason=row.progress), severity="warning")
            return
        self.post_message(self.Chosen(row))
