"""A dialog that shows a piece of Markdown: definitions, why a question is asked, ..."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown

from threshold_guide.i18n.catalogue import N_
from threshold_guide.tui.screens.base import BaseModal


class InfoModal(BaseModal[None]):
    """Read-only text; Escape or Enter closes it."""

    BINDINGS = [  # noqa: RUF012 - Textual reads these as a class attribute
        *BaseModal.BINDINGS,
        ("enter", "close", N_("Close")),
    ]

    def __init__(self, title: str, markdown: str) -> None:
        super().__init__()
        self._title = title
        self._markdown = markdown

    def dialog_title(self) -> str:
        return self._title

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(classes="dialog-body"):
            yield Markdown(self._markdown)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
