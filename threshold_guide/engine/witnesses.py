"""Example selections for multiple-choice routes.

To list every route through a document, or to say which single tick would change a
decision, the engine needs, for each route of a checklist question, a set of ticks that
makes that route the first whose conditions hold. Small checklists are searched
exhaustively; large ones by constructing candidates from the rules themselves.
"""

from __future__ import annotations

from itertools import combinations

from threshold_guide.models.document import Question, Route

EXHAUSTIVE_LIMIT = 10
"""Checklists with at most this many answers are searched over every subset."""


def first_route(question: Question, selected: frozenset[str]) -> int | None:
    for index, route in enumerate(question.routes):
        if route.holds(selected):
            return index
    return None


def _candidates(question: Question, route: Route) -> list[frozenset[str]]:
    ids = [answer.id for answer in question.answers]
    base = set(route.if_all)
    if route.if_any and not base.intersection(route.if_any):
        options = [base | {choice} for choice in route.if_any]
    else:
        options = [set(base)]
    found: list[frozenset[str]] = []
    for option in options:
        found.append(frozenset(option))
        if route.min_selected is not None:
            extra = [answer_id for answer_id in ids if answer_id not in option]
            needed = route.min_selected - len(option)
            if needed > 0:
                # Prefer padding with answers no earlier rule cares about.
                mentioned = {
                    name
                    for earlier in question.routes
                    for name in (*earlier.if_any, *earlier.if_all)
                }
                extra.sort(key=lambda answer_id: answer_id in mentioned)
                found.append(frozenset(option | set(extra[:needed])))
    return found


RELEVANT_LIMIT = 12
"""Large checklists are searched over every subset of the answers the rules name, if
there are at most this many of them."""


def _search_relevant(question: Question) -> list[frozenset[str] | None]:
    # Answers no rule names only matter through how many are ticked, so every distinct
    # case is a subset of the named answers plus some count of the others.
    named = sorted(
        {name for route in question.routes for name in (*route.if_any, *route.if_all)}
        & {answer.id for answer in question.answers}
    )
    others = [answer.id for answer in question.answers if answer.id not in named]
    witnesses: list[frozenset[str] | None] = [None] * len(question.routes)
    for size in range(len(named) + 1):
        for combo in combinations(named, size):
            for padding in range(len(others) + 1):
                selected = frozenset((*combo, *others[:padding]))
                index = first_route(question, selected)
                if index is not None and (
                    witnesses[index] is None or len(selected) < len(witnesses[index] or ())
                ):
                    witnesses[index] = selected
    return witnesses


def route_witnesses(question: Question) -> list[frozenset[str] | None]:
    """For each route, a smallest selection that takes it, or None if none can."""
    ids = [answer.id for answer in question.answers]
    witnesses: list[frozenset[str] | None] = [None] * len(question.routes)
    if len(ids) <= EXHAUSTIVE_LIMIT:
        for size in range(len(ids) + 1):
            for combo in combinations(ids, size):
                index = first_route(question, frozenset(combo))
                if index is not None and witnesses[index] is None:
                    witnesses[index] = frozenset(combo)
        return witnesses
    named = {name for route in question.routes for name in (*route.if_any, *route.if_all)}
    if len(named) <= RELEVANT_LIMIT:
        return _search_relevant(question)
    for index, route in enumerate(question.routes):
        for candidate in _candidates(question, route):
            if first_route(question, candidate) == index:
                witnesses[index] = candidate
                break
    return witnesses
