"""The guidance browser: the whole document as a readable logic book, with contents."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList

from threshold_guide.i18n.catalogue import N_, _, interface_language
from threshold_guide.logic_book import render_logic_book
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.text import render
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.cursor_list import CursorList, Row
from threshold_guide.tui.widgets.danger_banner import DangerBanner
from threshold_guide.tui.widgets.footer import KeyFooter
from threshold_guide.tui.widgets.markdown_view import MarkdownView


class ContentsModal(BaseModal[int]):
    """The headings of the book; dismisses with the line to jump to."""

    TITLE_TEXT = N_("Contents")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", N_("Close"))]

    def __init__(self, anchors: list[tuple[str, int, int]]) -> None:
        super().__init__()
        self.anchors = anchors

    def dialog_title(self) -> str:
        return _(self.TITLE_TEXT)

    def compose_body(self) -> ComposeResult:
        rows = [Row(str(n), title, "  " * max(0, level - 1))
                for n, (title, level, _) in enumerate(self.anchors)]
        yield CursorList(rows, id="contents", compact=True)

    def on_mount(self) -> None:
        self.query_one(CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.anchors[int(event.option.id)][2])


class BrowserScreen(Screen[None]):
    HELP_TITLE = N_("Logic book")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
        # Translators: the key that lists the logic book's headings.
        Binding("t", "contents", N_("Contents")),
    ]

    def __init__(self, document: ThresholdDocument, language: str | None = None) -> None:
        super().__init__()
        self.document = document
        # Opened from the start screen there is no session yet: the app's language then.
        self.language = language or interface_language()

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DangerBanner()
        yield MarkdownView(render_logic_book(self.document, self.language), id="book")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Logic book: {title} {version}").format(
            title=render(self.document.title, self.language), version=self.document.version)
        self.query_one(MarkdownView).focus()

    def action_contents(self) -> None:
        self.app.push_screen(ContentsModal(self.query_one(MarkdownView).anchors), self._jump)

    def _jump(self, line: int | None) -> None:
        if line is not None:
            self.query_one(MarkdownView).jump_to(line)

    def action_close(self) -> None:
        self.dismiss(None)
