"""The question graph: edges, reachability and cycles, in linear time and without recursion.

These functions tolerate broken references (they skip ids that do not exist) so the
validator can run them on a document that also has other errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from threshold_guide.engine.routing import node_targets
from threshold_guide.models.document import ThresholdDocument


@dataclass(frozen=True)
class Graph:
    """Node ids (questions and decision points) to the nodes and outcome ids they lead to."""

    start: str
    next_questions: dict[str, tuple[str, ...]]
    next_outcomes: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, document: ThresholdDocument) -> Graph:
        next_questions: dict[str, tuple[str, ...]] = {}
        next_outcomes: dict[str, tuple[str, ...]] = {}
        for node_id, found in node_targets(document):
            next_questions[node_id] = tuple(
                dict.fromkeys(t.next for t in found if t.next is not None)
            )
            next_outcomes[node_id] = tuple(
                dict.fromkeys(t.outcome for t in found if t.outcome is not None)
            )
        return cls(document.start, next_questions, next_outcomes)

    def successors(self, question_id: str) -> Iterator[str]:
        for child in self.next_questions.get(question_id, ()):
            if child in self.next_questions:
                yield child

    @cached_property
    def reachable_questions(self) -> list[str]:
        """Questions reachable from the start, in depth-first discovery order."""
        if self.start not in self.next_questions:
            return []
        seen = {self.start}
        order = [self.start]
        stack = [self.start]
        while stack:
            for child in self.successors(stack.pop()):
                if child not in seen:
                    seen.add(child)
                    order.append(child)
                    stack.append(child)
        return order

    @cached_property
    def reachable_outcomes(self) -> set[str]:
        return {
            outcome
            for question in self.reachable_questions
            for outcome in self.next_outcomes[question]
        }

    def cycles(self) -> list[list[str]]:
        """Each loop found, as the questions on it in order (first one repeated at the end)."""
        white, grey, black = 0, 1, 2
        colour = dict.fromkeys(self.next_questions, white)
        loops: list[list[str]] = []
        seen_loops: set[frozenset[str]] = set()
        for root in self.next_questions:
            if colour[root] != white:
                continue
            colour[root] = grey
            path = [root]
            iterators = [self.successors(root)]
            while iterators:
                child = next(iterators[-1], None)
                if child is None:
                    colour[path.pop()] = black
                    iterators.pop()
                    continue
                if colour[child] == white:
                    colour[child] = grey
                    path.append(child)
                    iterators.append(self.successors(child))
                elif colour[child] == grey:
                    loop = path[path.index(child) :]
                    key = frozenset(loop)
                    if key not in seen_loops:
                        seen_loops.add(key)
                        loops.append([*loop, child])
        return loops

    @cached_property
    def outcomes_below(self) -> dict[str, frozenset[str]]:
        """For each question, every outcome reachable from it. Assumes no cycles."""
        below: dict[str, frozenset[str]] = {}
        for root in self.next_questions:
            if root in below:
                continue
            path = [root]
            on_path = {root}
            iterators = [self.successors(root)]
            while iterators:
                child = next(iterators[-1], None)
                if child is not None:
                    # A child on the current path would be a cycle: do not descend into it.
                    if child not in below and child not in on_path:
                        path.append(child)
                        on_path.add(child)
                        iterators.append(self.successors(child))
                    continue
                iterators.pop()
                node = path.pop()
                on_path.discard(node)
                result = set(self.next_outcomes[node])
                for successor in self.successors(node):
                    result |= below.get(successor, frozenset())
                below[node] = frozenset(result)
        return below
