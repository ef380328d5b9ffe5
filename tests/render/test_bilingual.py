"""Bilingual papers: sections paired by heading, two columns per section, inert HTML."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.golden_files import assert_golden
from tests.render.hostile import MARKDOWN_ATTACKS, SCRIPT, assert_inert
from threshold_guide.render.bilingual import (
    BILINGUAL_CSS,
    sections,
    side_by_side_html,
    side_by_side_markdown,
)
from threshold_guide.render.html import page_css

WELSH = """\
Rhagair cyn y pennawd cyntaf.

# Crynodeb

Y penderfyniad yw **adrodd heddiw**.

## Beth ddigwyddodd

- Dywedodd y plentyn wrthych am niwed.

```text
# nid pennawd yw hwn
```

> ## dyfyniad, nid adran

## Beth nesaf

Ffoniwch y gwasanaethau cymdeithasol.
"""

ENGLISH = """\
A preface before the first heading.

# Summary

The decision is to **report today**.

## What happened

- The child told you about harm.

```text
# this is not a heading
```

> ## a quote, not a section

## What next

Phone social services.

## Only in English

An extra section the Welsh lacks.
"""


def test_sections_are_cut_at_top_level_headings_only() -> None:
    cut = sections(ENGLISH)
    assert [section.heading for section in cut] == [
        None, "Summary", "What happened", "What next", "Only in English"]
    assert cut[0].text == "A preface before the first heading.\n\n"
    assert "# this is not a heading" in cut[2].text and "a quote" in cut[2].text


def test_text_without_headings_is_one_section() -> None:
    assert sections("just words\n") == sections("just words\n")
    assert [section.heading for section in sections("just words\n")] == [None]
    assert [section.heading for section in sections("")] == [None]


def test_markdown_puts_each_welsh_section_before_its_english_one() -> None:
    text = side_by_side_markdown(WELSH, ENGLISH)
    order = ["Rhagair", "A preface", "# Crynodeb", "# Summary", "## Beth ddigwyddodd",
             "## What happened", "## Beth nesaf", "## What next", "## Only in English"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert_golden("bilingual/side-by-side.md", text)


def test_html_has_two_columns_per_section_each_with_its_language() -> None:
    page = side_by_side_html(WELSH, ENGLISH, title="Crynodeb / Summary",
                             languages=("cy", "en"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="cy">')
    assert page.count('<section class="bilingual">') == 5
    assert page.count('<div lang="cy">') == 5 and page.count('<div lang="en">') == 5
    assert "<title>Crynodeb / Summary</title>" in page
    # The footer of a printed Welsh page speaks Welsh.
    assert 'content: "Tudalen " counter(page) " o " counter(pages);' in page
    assert_golden("bilingual/side-by-side.html", page)


def test_a_section_only_one_language_has_is_kept_beside_an_empty_column() -> None:
    page = side_by_side_html(WELSH, ENGLISH, title="t", languages=("cy", "en"))
    last = page.rsplit('<section class="bilingual">', 1)[1]
    assert last.startswith('\n<div lang="cy">\n</div>\n<div lang="en">\n<h2>Only in English')


def test_hostile_text_in_either_column_stays_inert() -> None:
    hostile = f"# Teitl\n\n{MARKDOWN_ATTACKS}"
    page = side_by_side_html(hostile, f"# Title\n\n{MARKDOWN_ATTACKS}",
                             title=f"<script>{SCRIPT}</script>",
                             languages=("cy", 'en" onload="x'))
    text = assert_inert(page, css=page_css("cy") + BILINGUAL_CSS)
    assert f"<script>{SCRIPT}</script>" in text
    # A malformed language code never reaches an attribute.
    assert 'onload' not in page.split("<main>", 1)[1].split("<div", 3)[2].split(">", 1)[0]


@given(st.text(alphabet="ab #\n`>-*", max_size=80), st.text(alphabet="cd #\n`>-*",
                                                               max_size=80))
def test_same_input_same_bytes_and_nothing_is_lost(first: str, second: str) -> None:
    once = side_by_side_markdown(first, second)
    assert once == side_by_side_markdown(first, second)
    html = side_by_side_html(first, second, title="t", languages=("cy", "en"))
    assert html == side_by_side_html(first, second, title="t", languages=("cy", "en"))
    for text in (first, second):
        for line in text.splitlines():
            assert line.strip() in once
