"""Long Markdown, fast: rendered once per width with Rich, scrolled line by line.

Textual's Markdown widget builds a widget per block, which takes seconds for a whole
threshold document; this view renders the text to lines in one pass and keeps where each
heading starts, so a table of contents can jump to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

from markdown_it.token import Token
from rich.console import Console
from rich.markdown import Markdown as RichMarkdown
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from threshold_guide.i18n.catalogue import N_
from threshold_guide.tui.bindings import TranslatedKeys

_HEADING = re.compile(r"^(#{1,3}) +(.+?)\s*#*\s*$")


class TerminalMarkdown(RichMarkdown):
    """Rich's Markdown with each address printed once.

    Without terminal hyperlinks Rich prints a link as its words and then its address in
    brackets; for an address written as itself (``<https://...>``) the words are the
    address, so it came out twice. Such links are shown as their text alone.
    """

    def __init__(self, markup: str) -> None:
        super().__init__(markup, hyperlinks=False)

    def _flatten_tokens(self, tokens: Iterable[Token]) -> Iterable[Token]:
        for token in super()._flatten_tokens(tokens):
            if token.type in ("link_open", "link_close") and token.markup in (
                    "autolink", "linkify"):
                continue
            yield token


def sections(markdown: str) -> list[tuple[str, int, str]]:
    """Split at headings (levels 1-3) outside code blocks: (title, level, text) each."""
    found: list[tuple[str, int, str]] = []
    title, level = "", 0
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match and lines:
            found.append((title, level, "\n".join(lines)))
            lines = []
        if match:
            title, level = match.group(2), len(match.group(1))
        lines.append(line)
    if lines:
        found.append((title, level, "\n".join(lines)))
    return found


@lru_cache(maxsize=256)
def markdown_text(markdown: str, width: int) -> Text:
    """Short Markdown (a question's help) as styled text wrapped to ``width``, cached.

    Going back and forth between questions shows the same help again; caching the
    rendering keeps those keypresses fast.
    """
    console = Console(width=width, color_system="truecolor", force_terminal=True,
                      legacy_windows=False)
    lines = console.render_lines(TerminalMarkdown(markdown),
                                 console.options.update(width=width, height=None), pad=False)
    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for segment in line:
            if not segment.control:
                text.append(segment.text, segment.style)
    text.rstrip()
    return text


class MarkdownView(TranslatedKeys, ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", N_("Up"), show=False),
        Binding("down", "scroll_down", N_("Down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("space", "page_down", N_("Page down"), show=False),
        Binding("home", "scroll_home", N_("Top"), show=False),
        Binding("end", "scroll_end", N_("End"), show=False),
    ]

    DEFAULT_CSS = """
    MarkdownView {
        height: 1fr;
        padding: 0 1;
        background: $surface;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    MarkdownView:focus { background-tint: $foreground 3%; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = markdown
        self._lines: list[Strip] = []
        self._width = 0
        self.anchors: list[tuple[str, int, int]] = []
        """(heading, level, first line) for each section, once rendered."""

    def update(self, markdown: str) -> None:
        self._markdown = markdown
        self._width = 0
        self._render_text()
        self.refresh()

    def on_resize(self) -> None:
        self._render_text()

    def _render_text(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        console = self.app.console
        options = console.options.update(width=width, height=None)
        lines: list[Strip] = []
        anchors: list[tuple[str, int, int]] = []
        for title, level, text in sections(self._markdown):
            if title:
                anchors.append((title, level, len(lines)))
            rendered = console.render_lines(TerminalMarkdown(text), options,
                                            pad=False)
            lines.extend(Strip(Segment.adjust_line_length(line, width), width)
                         for line in rendered)
            lines.append(Strip.blank(width))
        self._lines = lines
        self.anchors = anchors
        self.virtual_size = Size(width, len(lines))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style
                                              ).apply_style(self.rich_style)

    def jump_to(self, line: int) -> None:
        self.scroll_to(y=line, animate=False)

    @property
    def text(self) -> str:
        """The plain text shown, for tests and screen readers' copy."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)
