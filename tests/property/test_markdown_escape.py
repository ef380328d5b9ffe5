"""Text a practitioner types is escaped so that it renders literally, never as Markdown/HTML."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from threshold_guide.summary.markdown_escape import escape

MD = MarkdownIt("commonmark", {"html": True})

# Markdown and HTML syntax, weighted up so that random text often contains it.
SPECIAL = [
    *"\\`*_{}[]<>()#+-!|~=.:;/\"'\t ",
    "\n", "\r\n", "\r", "1.", "2)", "<b>", "</b>", "<script>", "<!--", "-->", "<a href=x>",
    "<http://x.test>", "[a](b)", "![i](s)", "[r]: /u", "```", "~~~", "---", "***", "___",
    "===", "# ", "> ", "- ", "* ", "+ ", "  \n", "\\\n", "<div>", "<?php", "<![CDATA[",
    "<!DOCTYPE", "javascript:", "\u00a0", "\u2028", "\x0b", "\x0c", "`code`", "``a`b``",
    "**bold**", "__b__", "*em*", "_em_", "<u>", "<img src=x onerror=y>", "![a](b)", "[l][r]",
    "\\*", "1. one", "10) ten", "+ plus", "> >", "#6", "######", "| a | b |",
]
soup = st.lists(
    st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8")),
    max_size=40,
).map("".join)
# Block syntax only counts at the start of a line: lines that begin with it.
LINE_STARTS = [
    "", " ", "   ", "# ", "## ", "###### ", "#", "- ", "* ", "+ ", "-", "1. ", "2) ", "10. ",
    " 3. ", "> ", ">", "```", "~~~", "---", "***", "___", "===", "= ", "<div>", "<!-- ",
    "| ", "[x]: ", "- [ ] ", "\\", "1.", "<http://x.test>", "<a@b.c>",
]
lines = st.lists(
    st.tuples(st.sampled_from(LINE_STARTS), soup).map("".join), min_size=1, max_size=5
).map("\n".join)
user_text = st.one_of(soup, lines)

_TAG = re.compile(r"<[^>]*>")
_GENERATED_TAG = re.compile(
    r"</?(?:p|br|pre|code|h[1-6]|ul|ol|li|blockquote|em|strong|a|img|hr)(?:\s[^>]*)?/?>"
)


def _tokens(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        found += _tokens(token.children or [])
    return found


def visible(text: str) -> str:
    """The characters a reader sees: no whitespace, no control characters."""
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cs")
    )


def rendered_text(markdown: str) -> str:
    return html.unescape(_TAG.sub("", MD.render(markdown)))


@settings(max_examples=400, deadline=None)
@given(user_text)
def test_escaped_text_never_renders_html(text: str) -> None:
    escaped = escape(text)
    kinds = {token.type for token in _tokens(MD.parse(escaped))}
    assert not kinds & {"html_inline", "html_block"}, kinds
    # Every tag in the output is one Markdown generated, never one copied from the input.
    leftover = _GENERATED_TAG.sub("", MD.render(escaped))
    assert "<" not in leftover, leftover


@settings(max_examples=400, deadline=None)
@given(user_text)
def test_escaped_text_renders_as_typed(text: str) -> None:
    escaped = escape(text)
    kinds = {token.type for token in _tokens(MD.parse(escaped))}
    # Plain paragraphs only: no heading, list, link, emphasis, code or rule made from text.
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak",
                     "hardbreak"}, kinds
    # CommonMark replaces NUL with U+FFFD (a security rule), so the reader sees that.
    assert visible(rendered_text(escaped)) == visible(text.replace("\x00", "\ufffd"))


@pytest.mark.parametrize("text", ["AT&amp;T", "&lt;script&gt;", "5 &lt; 6", "&copy; me"])
def test_entities_render_literally(text: str) -> None:
    # Was a bug: '&' was not escaped, so an entity a practitioner typed rendered as a character.
    assert visible(rendered_text(escape(text))) == visible(text)


@pytest.mark.parametrize("text", ["    a*b", "\tsee_this", "first\n\n    [x](y)"])
def test_indented_lines_render_literally(text: str) -> None:
    # Was a bug: a line indented 4+ columns became a code block that showed the backslashes.
    assert visible(rendered_text(escape(text))) == visible(text)
