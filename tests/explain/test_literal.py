"""Text a practitioner typed reads exactly as typed in the explanation, in Markdown and HTML."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from threshold_guide.explain.markdown import literal
from threshold_guide.render.html import markdown_to_html

SYNTAX = [
    *"\\`*_{}[]<>()#+-!|~=.:&;\t ", "\n", "\r\n", "1.", "2)", "<b>", "<script>", "<!--",
    "[a](https://x.test)", "![i](https://x.test/i.png)", "[r]: /u", "```", "~~~", "---",
    "***", "===", "# ", "> ", "- ", "    ", "\t", "  \n", "\\\n", "&lt;", "&amp;", "&#x3C;",
    "&copy;", "<https://x.test>", "<a@b.c>", "| a | b |", "javascript:", "\u00a0",
]
typed = st.lists(
    st.one_of(st.sampled_from(SYNTAX),
              st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))),
    max_size=40,
).map("".join)


def _visible(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=400, deadline=None)
@given(typed)
def test_typed_text_renders_exactly_as_typed(text: str) -> None:
    rendered = markdown_to_html(literal(text))
    assert "<a " not in rendered and "<code>" not in rendered and "<h" not in rendered
    shown = html.unescape(re.sub(r"<[^>]*>", "", rendered))
    assert _visible(shown) == _visible(text.replace("\r", ""))


def test_examples() -> None:
    for text in ("    indented code?", "&lt;script&gt;", "1) not a list", "# not a heading",
                 "a\n===", "[x]: https://x.test", "`code`", "<b>bold</b>"):
        shown = html.unescape(re.sub(r"<[^>]*>", "", markdown_to_html(literal(text))))
        assert _visible(shown) == _visible(text), text
