"""Escaping text a practitioner typed so Markdown reads it literally.

Kept apart from the summary renderer because every Markdown output (summaries,
explanations, papers, impact reports, the app's panes) escapes typed text the same way.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"^[ \t]+")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")
_SYNTAX = re.compile(
    r"[`*\[|]"  # code, emphasis, a link or image ('[': so ']', '(' and '!' stay), a cell
    r"|\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape or break the line
    r"|<(?=[A-Za-z/!?])"  # a tag, comment or autolink
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"  # a reference
    r"|~(?=~)|(?<=~)~"  # strikethrough and fences need two or more
)
"""What Markdown or HTML reads as syntax within a line, besides underscores."""
_EMPHASIS_UNDERSCORES = re.compile(r"(?<!_)(?<![^\W_])_++|(?<!_)_++(?![^\W_])")
"""A whole run of underscores unless it is inside a word (snake_case), where it can never
open or close emphasis."""
_LINE_START = ("#", ">", "-", "+", "=")
"""What starts a heading, a quote, a list item or a heading underline, at a line's start."""


def escape(text: str) -> str:
    """Escape what Markdown or HTML would read as syntax in user-typed text, and nothing
    more, line by line: ``(IAA)``, ``5 + 3 = 8`` and ``snake_case`` stay as typed."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # Both passes take time in proportion to the line, however it is made up. Only a
        # backslash is ever added, and only before a character, so the second pass sees
        # the same neighbours around each run of underscores as the text had.
        line = _SYNTAX.sub(lambda m: "\\" + m.group(), line)
        line = _EMPHASIS_UNDERSCORES.sub(lambda m: "\\_" * len(m.group()), line)
        line = _LIST_START.sub(r"\1\2\\\3", line)
        # Four spaces of indentation would start a code block; no-break spaces keep the
        # look of the indentation without the meaning.
        line = _INDENT.sub(lambda m: "\u00a0" * len(m.group().expandtabs(4)), line)
        stripped = line.lstrip()
        if stripped.startswith(_LINE_START):
            at = len(line) - len(stripped)
            line = f"{line[:at]}\\{line[at:]}"
        lines.append(line)
    return "\n".join(lines)
