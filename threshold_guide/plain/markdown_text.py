"""Markdown from a threshold document, read out as plain text.

Screen readers read markup characters aloud ("star star yes star star"), so help, reasons,
definitions and the summary are shown without them: one paragraph per line, list items on
their own lines with a dash or their number, a table row per line with each cell after its
column's heading, and a link's address after its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from threshold_guide.render.link_labels import use_linear_link_labels

_PARSER = use_linear_link_labels(MarkdownIt("commonmark").enable("table"))


def markdown_to_text(source: str) -> str:
    """Plain text for a Markdown string; paragraphs are separated by one empty line."""
    lines: list[str] = []
    # One entry per open list: None for a bulleted list, the next number for a numbered one.
    lists: list[list[int] | None] = []
    marker = ""
    rows: list[list[str]] = []  # the table being read, its heading row first
    in_cell = False
    for token in _PARSER.parse(source):
        kind = token.type
        if kind == "tr_open":
            rows.append([])
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = kind.endswith("_open")
        elif kind == "inline" and in_cell:
            rows[-1].append(" ".join(_inline(token.children or []).split()))
        elif kind == "table_close":
            lines.extend(_table_lines(rows))
            lines.append("")
            rows = []
        elif kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            start = token.attrGet("start")
            lists.append([int(start) if isinstance(start, int | str) else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                lines.append("")
        elif kind == "list_item_open":
            counter = lists[-1] if lists else None
            if counter is None:
                marker = "- "
            else:
                marker = f"{counter[0]}. "
                counter[0] += 1
        elif kind == "inline":
            indent = "  " * max(0, len(lists) - 1)
            for number, line in enumerate(_inline(token.children or []).split("\n")):
                # Later lines of a list item line up under its first word.
                lead = marker if number == 0 else " " * len(marker)
                lines.append(indent + lead + line.strip() if lists else line.strip())
            marker = ""
        elif kind in ("paragraph_close", "heading_close") and not lists:
            lines.append("")
        elif kind in ("fence", "code_block", "html_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
            lines.append("")
        elif kind == "hr":
            lines.append("")
    return _tidy(lines)


def _table_lines(rows: list[list[str]]) -> list[str]:
    """One line per body row: each cell after its column's heading ("Version: 1.1.0")."""
    if not rows:
        return []
    heading, body = rows[0], rows[1:]
    out = []
    for row in body:
        cells = []
        for number, cell in enumerate(row):
            title = heading[number] if number < len(heading) else ""
            if not title and number == 0 and len(row) > 1:
                cells.append(cell + ":")  # an unlabelled first column names the row
            else:
                cells.append(f"{title}: {cell}" if title else cell)
        out.append(" ".join(cells) if not any(heading) else "; ".join(cells))
    return out


def _inline(children: Sequence[Token]) -> str:
    out: list[str] = []
    link: list[str] = []  # the address of the link being read, and where its text starts
    start = 0
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            out.append(child.content)
        elif kind == "link_open":
            href = child.attrGet("href")
            link = [str(href) if href is not None else ""]
            start = len(out)
        elif kind == "link_close" and link:
            text = "".join(out[start:])
            address = link[0].removeprefix("mailto:")
            if address and address != text:
                out.append(f" ({address})")
            link = []
    return "".join(out)


def _tidy(lines: list[str]) -> str:
    """Drop trailing spaces and repeated or outer empty lines."""
    kept: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
