"""Two languages of one paper side by side, section by section.

Wales's papers go to Welsh and English readers alike, so a bilingual paper pairs each
section of the first language with the same section of the second: in Markdown one after
the other (the first language first), in HTML as two columns of one row, each column
marked with its ``lang`` so a screen reader speaks it in the right voice.

Sections are cut at the level-1 and level-2 headings that stand at the top of the text
(not inside a quote, list or code block), and paired in order: both texts are written by
the same code from the same data, so their sections come in the same order. Text before
the first heading pairs with text before the first heading; a section one text has and
the other lacks is kept, alone in its column, rather than dropped.

The HTML is built with the same inert rendering as every other export (raw HTML shown as
text, unsafe links kept as text, no scripts, no fetches, CSS inline). Same input, same
bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from markdown_it import MarkdownIt

from threshold_guide.render.html import html_page, language_attribute, markdown_to_html

_SPLITTER = MarkdownIt("commonmark", {"html": False}).enable("table")
_SECTION_TAGS = ("h1", "h2")

BILINGUAL_CSS = """\
main { max-width: 78em; }
.bilingual { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.6em; }
.bilingual > div { min-width: 0; }
.bilingual + .bilingual { border-top: 0.75pt solid #000; margin-top: 0.8em; }
.bilingual > div > :first-child { margin-top: 0.6em; }
@media print {
  .bilingual { break-inside: auto; }
}
"""
"""Two equal columns per section; a rule between sections, so rows read as pairs."""


@dataclass(frozen=True)
class Section:
    """One level-1 or level-2 heading and what follows it, up to the next such heading
    (or, for the first, what comes before any heading)."""

    heading: str | None
    text: str


def sections(markdown: str) -> list[Section]:
    """``markdown`` cut at its top-level ``#`` and ``##`` headings; the first section holds
    what comes before the first heading (empty text if nothing does)."""
    lines = markdown.splitlines(keepends=True)
    starts: list[tuple[int, str]] = []
    tokens = _SPLITTER.parse(markdown)
    for index, token in enumerate(tokens):
        if (token.type == "heading_open" and token.level == 0 and token.tag in _SECTION_TAGS
                and token.map is not None):
            starts.append((token.map[0], tokens[index + 1].content))
    found = [Section(None, "".join(lines[: starts[0][0] if starts else len(lines)]))]
    for number, (start, heading) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        found.append(Section(heading, "".join(lines[start:end])))
    return found


def _pairs(first: str, second: str) -> list[tuple[str, str]]:
    return [(one.text.strip("\n") if one else "", two.text.strip("\n") if two else "")
            for one, two in zip_longest(sections(first), sections(second))]


def side_by_side_markdown(first: str, second: str) -> str:
    """``first`` and ``second`` (the same paper in two languages) as one Markdown text:
    each section of ``first`` followed by the same section of ``second``."""
    blocks: list[str] = []
    for one, two in _pairs(first, second):
        blocks.extend(text for text in (one, two) if text.strip())
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _column(markdown: str, language: str) -> str:
    body = markdown_to_html(markdown + "\n", language) if markdown.strip() else ""
    return f'<div lang="{language}">\n{body}</div>\n'


def side_by_side_html(first_md: str, second_md: str, *, title: str,
                      languages: tuple[str, str]) -> str:
    """One print-ready, inert HTML page with ``first_md`` and ``second_md`` in two columns,
    section beside section; ``languages`` are the two texts' languages (the page's own is
    the first)."""
    first_lang, second_lang = (language_attribute(code) for code in languages)
    rows: list[str] = []
    for one, two in _pairs(first_md, second_md):
        if not (one.strip() or two.strip()):
            continue
        rows.append('<section class="bilingual">\n' + _column(one, first_lang)
                    + _column(two, second_lang) + "</section>\n")
    return html_page("".join(rows), title=title, language=first_lang,
                     extra_css=BILINGUAL_CSS)
