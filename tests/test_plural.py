"""Counts in words agree with their number."""

from __future__ import annotations

from threshold_guide.plural import counted


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "route") == "1 route"
    assert counted(0, "route") == "0 routes"
    assert counted(2, "route") == "2 routes"
    assert counted(1, "match", "matches") == "1 match"
    assert counted(3, "match", "matches") == "3 matches"
    assert counted(1, "answer is", "answers are") == "1 answer is"
