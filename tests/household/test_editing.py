"""Front-end edits of a household: children, and walked sessions sorted back."""

from __future__ import annotations

import datetime as dt

import pytest

from threshold_guide.household.editing import (
    absorb,
    add_child,
    child_rows,
    next_child_ref,
    remove_child,
    rename_child,
    walk_session,
)
from threshold_guide.household.walk import Pinned
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.household import ChildCase, Household
from threshold_guide.models.session import GivenAnswer

from ..conftest import GUIDANCE

NOW = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def pinned() -> Pinned:
    entry = Catalog.load([GUIDANCE]).versions("wales-registration")[0]
    return Pinned(entry.document, entry.sha256)


def test_children_are_added_renamed_and_removed_by_reference() -> None:
    household = Household(children=[ChildCase(child="Child A")])
    assert next_child_ref(household) == "Child B"
    household = add_child(household, next_child_ref(household))
    household = rename_child(household, "Child B", "Child Z")
    assert [c.child for c in household.children] == ["Child A", "Child Z"]
    with pytest.raises(ValueError, match="two children"):
        add_child(household, "child a")
    with pytest.raises(ValueError):
        add_child(household, "Jane <Smith>")
    household = remove_child(household, "Child Z")
    with pytest.raises(ValueError, match="at least one child"):
        remove_child(household, "Child A")


def test_a_walked_session_goes_back_where_it_belongs(pinned: Pinned) -> None:
    shared = {"immediate-danger": GivenAnswer(answer="no-danger"),
              "conference-type": GivenAnswer(answer="initial")}
    household = Household(shared=shared, children=[ChildCase(child="Child A")])
    session = walk_session(pinned, household, household.children[0], NOW)
    assert session.answers == shared
    answers = {**session.answers, "harm-and-impact": GivenAnswer(answer="no-harm-found"),
               "conference-type": GivenAnswer(answer="review")}
    back = absorb(pinned.document, household, "Child A",
                  session.model_copy(update={"answers": answers}))
    own = back.child_case("Child A").answers
    # Unchanged household answers stay shared; the child's differing one is theirs.
    assert set(own) == {"harm-and-impact", "conference-type"}
    assert back.shared == shared
    # The household's own walk keeps only household questions.
    walked = walk_session(pinned, household, None, NOW).model_copy(update={"answers": answers})
    assert set(absorb(pinned.document, household, None, walked).shared) == set(shared)


def test_rows_say_not_decided_and_flag_a_missing_voice(pinned: Pinned) -> None:
    household = Household(children=[ChildCase(child="Child A")])
    [row] = child_rows(pinned.document, household)
    assert row.decision == "not decided yet"
    assert row.progress == "not started"
    assert any("Child A: no voice recorded" in flag for flag in row.flags)
