"""Link labels found in linear time, with exactly markdown-it's answers."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import ROOT
from threshold_guide.render.html import markdown_to_html
from threshold_guide.render.link_labels import use_linear_link_labels

PIECES = ["[", "]", "(", ")", "!", "`", "``", "\\", "<", ">", "*", "_", " ", "\n", "a",
          "x y", "https://e.org", "mailto:a@b.c", "\"t\"", "[r]: https://r.org\n", "&#91;",
          "<https://a.org/[x]>", "![i](https://i.org)", "[l](https://l.org)", "[r]", ":"]


def stock() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_same_output_as_markdown_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert use_linear_link_labels(stock()).render(text) == stock().render(text)


def test_nested_and_unclosed_brackets_render_as_before() -> None:
    for text in ["[" * 300 + "x" + "]" * 200, "[[]" * 200, "[a [b](https://b.org) c](https://c.org)",
                 "![[x](https://x.org)](https://i.org)", "[`]`](https://a.org)", "[" * 25 + "a]()"]:
        assert use_linear_link_labels(stock()).render(text) == stock().render(text)


def test_rendering_many_brackets_scans_each_once() -> None:
    # Was ~23 us per '[' and growing faster than the text: 1 MB took ~23 s. Counted, not
    # timed: how often the inline parser skips a token while looking for label ends
    # (markdown-it's own scan: some 40 times per '[', each on a growing cache).
    code = """
import sys
from markdown_it.parser_inline import ParserInline
calls = 0
original = ParserInline.skipToken
def counting(self, state):
    global calls
    calls += 1
    original(self, state)
ParserInline.skipToken = counting
from threshold_guide.render.html import markdown_to_html
for pattern in ("a[ ", "[", "[[]"):
    for n in (2_000, 8_000):
        calls = 0
        markdown_to_html(pattern * n)
        print(pattern.count("[") * n, calls)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    counts = [tuple(int(part) for part in line.split()) for line in done.stdout.splitlines()]
    for brackets, calls in counts:
        assert calls <= 4 * brackets, counts


def test_links_still_render() -> None:
    assert '<a href="https://a.org">x</a>' in markdown_to_html("[x](https://a.org)")
