"""How changed values read in the Markdown diff: short ones inline, long ones line by line.

Guidance text is Markdown written by the guidance's authors, shown as written (as the
summary does). Long text is shown as a line diff in a fenced block so a reviewer sees
exactly which lines changed without comparing two paragraphs by eye.
"""

from __future__ import annotations

import difflib
import re

from threshold_guide.models.text import render
from threshold_guide.versions.model import Destination, FieldChange

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
INLINE_LIMIT = 100
"""Longer values, or any with a line break, are shown as a line diff."""

FIELD_NAMES = {
    "do_now": "what to do now", "test_met": "test met", "effective_from": "in effect from",
    "who_decides": "who decides", "routes.rationale": "checklist route sentences",
    "note": "note request",
}


def field_name(name: str) -> str:
    """A field name in words: ``legal_test.who_decides`` -> ``legal test: who decides``."""
    parts = [FIELD_NAMES.get(part, part.replace("_", " ")) for part in name.split(".")]
    return FIELD_NAMES.get(name, ": ".join(parts))


def _is_text(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and _LANGUAGE.match(key) and isinstance(item, str)
        for key, item in value.items()
    )


def plain(value: object) -> str:
    """A value as a reader sees it (text in English where it is translated)."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return ", ".join(plain(item) for item in value) or "(none)"
    if isinstance(value, dict):
        if _is_text(value):
            return render({str(k): str(v) for k, v in value.items()})
        return "; ".join(f"{field_name(str(k))}: {plain(v)}" for k, v in value.items())
    return str(value)


def one_line(value: object) -> str:
    """A value on one line, safe inside a table cell."""
    return " ".join(plain(value).split()).replace("|", "\\|")


def languages(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(sorted(str(key) for key in value))
    return "en" if isinstance(value, str) else "none"


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def show_change(change: FieldChange) -> list[str]:
    """A bullet for one changed field: ``old → new``, a line diff, or a translation note."""
    name = field_name(change.field)
    before, after = plain(change.old), plain(change.new)
    if before == after:
        return [f"- **{name}:** translation changed (languages {languages(change.old)} → "
                f"{languages(change.new)})"]
    if max(len(before), len(after)) <= INLINE_LIMIT and "\n" not in before + after:
        return [f"- **{name}:** {one_line(change.old)} → {one_line(change.new)}"]
    lines = list(difflib.unified_diff(
        before.strip().splitlines(), after.strip().splitlines(), lineterm="", n=1))[2:]
    body = "\n".join(line for line in lines if not line.startswith("@@"))
    fence = _fence(body)
    return [f"- **{name}:**", "", f"  {fence}diff",
            *[f"  {line}".rstrip() for line in body.splitlines()], f"  {fence}"]


def where(target: Destination | None) -> str:
    """Where a destination leads, in words."""
    if target is None:
        return "the checklist's routes"
    if target.outcome is not None:
        return f"outcome `{target.outcome}`"
    if target.next is not None:
        return f"question `{target.next}`"
    return "nowhere"
