"""Evaluate a decision-rule condition over the answers given on a route.

One evaluator serves the walk (concrete answers) and the validator's proofs (abstract
answers): the boolean structure is walked here, and each leaf test is answered by a
callback. ``all`` and ``any`` are read left to right and stop once the result is known,
so an earlier test can guard a later one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from threshold_guide.models.rules import Condition
from threshold_guide.models.session import Selection


class Unanswered(Exception):
    """A rule read a question that was not answered on the route."""

    def __init__(self, question: str) -> None:
        super().__init__(question)
        self.question = question


Leaf = Callable[[Condition], bool]
"""Answers one leaf test; raises :class:`Unanswered` when its question was not answered."""


def evaluate(condition: Condition, leaf: Leaf) -> bool:
    """Whether ``condition`` holds, asking ``leaf`` for each test actually reached.

    Iterative, so a deeply nested condition cannot exhaust the interpreter's stack.
    """
    # Each frame: (condition, index of the next child, result so far).
    stack: list[tuple[Condition, int]] = [(condition, 0)]
    result = False
    while stack:
        node, index = stack.pop()
        if node.is_leaf:
            result = leaf(node)
            continue
        if node.not_ is not None:
            if index == 0:
                stack.append((node, 1))
                stack.append((node.not_, 0))
            else:
                result = not result
            continue
        children = node.all_ if node.all_ is not None else node.any_
        assert children is not None
        stop_on = node.any_ is not None  # any: stop at the first True; all: at the first False
        if index > 0 and result is stop_on:
            continue
        if index == len(children):
            result = not stop_on
            continue
        stack.append((node, index + 1))
        stack.append((children[index], 0))
    return result


def concrete_leaf(answers: Mapping[str, Selection]) -> Leaf:
    """Leaf tests over real answers: question id to the selection given on the route."""

    def test(leaf: Condition) -> bool:
        question = str(leaf.question)
        if leaf.answered is not None:
            return (question in answers) is leaf.answered
        if question not in answers:
            raise Unanswered(question)
        return holds(leaf, answers[question])

    return test


def holds(leaf: Condition, selection: Selection) -> bool:
    """One leaf test (not ``answered``) against one question's selection."""
    if leaf.is_ is not None:
        return selection == leaf.is_
    if leaf.is_one_of is not None:
        return isinstance(selection, str) and selection in leaf.is_one_of
    ticked = {selection} if isinstance(selection, str) else set(selection)
    if leaf.includes_any is not None:
        return not ticked.isdisjoint(leaf.includes_any)
    if leaf.includes_all is not None:
        return ticked.issuperset(leaf.includes_all)
    assert leaf.at_least is not None
    counted = ticked if leaf.of is None else ticked.intersection(leaf.of)
    return len(counted) >= leaf.at_least


def leaves(condition: Condition) -> Iterator[Condition]:
    """Every leaf test in the condition, in document order."""
    stack = [condition]
    while stack:
        node = stack.pop()
        if node.is_leaf:
            yield node
            continue
        if node.not_ is not None:
            stack.append(node.not_)
        else:
            children = node.all_ if node.all_ is not None else node.any_
            stack.extend(reversed(children or []))


def questions_read(condition: Condition) -> set[str]:
    """The questions a condition may read."""
    return {str(leaf.question) for leaf in leaves(condition)}
