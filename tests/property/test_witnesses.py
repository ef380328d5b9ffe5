"""Checklist routes: the engine's example selections against a brute-force search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from threshold_guide.engine.witnesses import first_route, route_witnesses
from threshold_guide.models.document import Question

from .strategies import all_subsets


@st.composite
def checklists(
    draw: st.DrawFn, min_answers: int, max_answers: int, picks: int = 4
) -> Question:
    size = draw(st.integers(min_answers, max_answers))
    answers = [f"a{i}" for i in range(size)]
    pick = st.lists(st.sampled_from(answers), max_size=picks, unique=True)
    routes = []
    for _ in range(draw(st.integers(0, 7))):
        route: dict[str, object] = {"outcome": "o"}
        if_any, if_all = draw(pick), draw(pick)
        if if_any:
            route["if_any"] = if_any
        if if_all:
            route["if_all"] = if_all
        minimum = draw(st.none() | st.integers(1, size + 1))
        if minimum is not None or not (if_any or if_all):
            route["min_selected"] = minimum or 1
        routes.append(route)
    routes.append({"outcome": "otherwise"})
    return Question.model_validate(
        {
            "id": "q", "prompt": "Tick", "type": "multiple", "routes": routes,
            "answers": [{"id": a, "label": a, "rationale": a} for a in answers],
        }
    )


def brute_force(question: Question) -> dict[int, int]:
    """Route index -> size of the smallest selection that takes it."""
    smallest: dict[int, int] = {}
    for subset in all_subsets([a.id for a in question.answers]):
        index = first_route(question, frozenset(subset))
        if index is not None and index not in smallest:
            smallest[index] = len(subset)
    return smallest


SMALL = 10
"""Up to this many answers the witnesses must be exact (smallest, and None only when no
selection takes the route). A literal, not the engine's EXHAUSTIVE_LIMIT, so the test
does not shrink along with a change to that limit."""


NAMED = 12
"""Past SMALL answers, witnesses must still be exact when the rules name at most this many
answers (the others only matter through how many are ticked)."""


def assert_exact(question: Question) -> None:
    expected = brute_force(question)
    witnesses = route_witnesses(question)
    assert len(witnesses) == len(question.routes)
    for index, witness in enumerate(witnesses):
        if index not in expected:
            assert witness is None, f"route {index} can never be taken"
        else:
            assert witness is not None, f"route {index} is taken by some selection"
            assert first_route(question, witness) == index
            assert len(witness) == expected[index]


def named(question: Question) -> set[str]:
    return {name for route in question.routes for name in (*route.if_any, *route.if_all)}


@settings(max_examples=150, deadline=None)
@given(checklists(1, SMALL))
def test_witnesses_of_small_checklists_are_exact(question: Question) -> None:
    assert_exact(question)


@settings(max_examples=40, deadline=None)
@given(checklists(SMALL + 1, SMALL + 3))
def test_witnesses_of_large_checklists_are_exact_or_at_least_sound(question: Question) -> None:
    if len(named(question)) <= NAMED:
        assert_exact(question)
        return
    reachable = brute_force(question)
    for index, witness in enumerate(route_witnesses(question)):
        if witness is not None:
            assert first_route(question, witness) == index
            assert index in reachable


@settings(max_examples=40, deadline=None)
@given(checklists(NAMED + 2, 30, picks=10))
def test_witnesses_of_huge_checklists_are_sound(question: Question) -> None:
    # Too many named answers to search them all: the witnesses found must still be right.
    for index, witness in enumerate(route_witnesses(question)):
        if witness is not None:
            assert first_route(question, witness) == index
    assert route_witnesses(question)[-1] is not None  # the 'otherwise' can always be taken


def test_large_checklist_route_that_can_be_taken_gets_a_witness() -> None:
    # Was a bug (false W403, route missing from all_routes). Found and shrunk by hypothesis.
    # 11 answers: past the exhaustive search.
    answers = [f"a{i}" for i in range(11)]
    question = Question.model_validate(
        {
            "id": "q", "prompt": "Tick", "type": "multiple",
            "answers": [{"id": a, "label": a, "rationale": a} for a in answers],
            "routes": [
                {"if_all": ["a0"], "outcome": "o1"},
                {"if_any": ["a0", "a1", "a2"], "min_selected": 10, "outcome": "o2"},
                {"outcome": "o3"},
            ],
        }
    )
    assert first_route(question, frozenset(answers[1:])) == 1  # a1..a10 takes route 2
    assert route_witnesses(question)[1] is not None
