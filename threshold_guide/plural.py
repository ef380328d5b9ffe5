"""Counts in words: "1 route", "2 routes", never "1 routes" or "route(s)"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun that agrees with it, e.g. ``counted(1, "route")`` is "1 route".

    ``plural`` is for nouns that do not just add an s ("1 match", "2 matches"); a phrase
    may be given whole, e.g. ``counted(n, "answer is", "answers are")``.
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
