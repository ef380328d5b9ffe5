"""Proofs over every route: rules read only answered questions, floors always hold.

The walk through a document is a path through a directed acyclic graph, and the number of
paths can grow exponentially. The proofs therefore do not list routes. They carry, along
each edge in topological order, the set of *states* that can arrive there: the abstract
answers (see
:mod:`threshold_guide.engine.answer_classes`) of the questions some later rule will still
read, whether the route has departed from a suggestion so far, and what is known of the
floors. Questions nothing downstream reads are forgotten, so routes that differ only in
them share a state and the work stays proportional to the size of the document for
documents whose rules read nearby questions.

Floors are read only at the outcome, often far from the questions they test (a disclosure
at the start, an outcome at the end), so carrying those answers to the end would multiply
the states by every combination of them. Instead each floor's condition is partially
evaluated as the route goes: an answer replaces the tests on its question by their result,
and a question that comes earlier in the topological order than the next node, and is still
unanswered, can no longer be answered on this route, so its tests take their unanswered
value. A floor whose condition becomes true is remembered only as "the applying floor with
the highest minimum"; one that becomes false is dropped. The state then holds only what the
route's answers left undecided, which is little once the route has passed a floor's
questions. Each state keeps the edge it first arrived by, so any failure comes with a
concrete route that shows it (a witness), as DMN decision-table checkers give.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import Any

from threshold_guide.engine.answer_classes import (
    AbstractAnswer,
    Checklist,
    TooManyCombinations,
    abstract_answers,
    checklists,
)
from threshold_guide.engine.conditions import Unanswered, holds, leaves
from threshold_guide.engine.decisions import rule_conditions
from threshold_guide.engine.graph import Graph
from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.rules import Condition, HitPolicy
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render

Add = Callable[[str, Location, str, str], None]
Assignment = tuple[tuple[str, Hashable], ...]
Residual = bool | tuple[Any, ...]
"""A floor condition partly evaluated: True, False, or a tree of what is still open:
``("leaf", index)``, ``("all", children)``, ``("any", children)``, ``("not", child)``."""
FloorState = tuple[int, tuple[tuple[int, Residual], ...]]
"""(index of the applying floor with the highest minimum, or -1; the floors still open,
each as (index, residual))."""
StateKey = tuple[Assignment, bool, FloorState]
Test = Callable[[dict[str, Hashable]], bool]
Origin = tuple[str, StateKey, str, Selection] | None
NO_FLOORS: FloorState = (-1, ())


@dataclass
class _Tally:
    taken: set[int | None] = field(default_factory=set)
    holds: set[int] = field(default_factory=set)
    overlaps: set[tuple[int, int]] = field(default_factory=set)


class _Proof:
    def __init__(self, document: ThresholdDocument, add: Add) -> None:
        self.doc = document
        self.add = add
        self.graph = Graph.of(document)
        self.questions = {q.id: q for q in document.questions}
        self.point_index = {p.id: i for i, p in enumerate(document.decision_points)}
        self.question_index = {q.id: i for i, q in enumerate(document.questions)}
        self.tests: dict[str, Checklist] = checklists(document)
        self.states: dict[str, dict[StateKey, Origin]] = {}
        self.reported: set[tuple[str, str]] = set()
        self.tally: dict[str, _Tally] = {}
        levels = {o.id: o.level for o in document.outcomes}
        self.floor_levels = [levels[f.minimum] for f in document.floors]
        self.outcome_levels = levels
        self.floor_leaves: list[Condition] = []
        self.floor_trees = [self.compile(floor.when) for floor in document.floors]
        self.topo: dict[str, int] = {}
        self.floor_firsts: list[int] = []
        self.floor_order: list[int] = []
        self.unasked_best: list[int] = []
        self.open_info: dict[Residual, tuple[frozenset[str], int]] = {}
        self.points = {point.id: point for point in document.decision_points}
        self.single_tests: dict[str, list[Condition]] = {}
        for condition in rule_conditions(document):
            for leaf in leaves(condition):
                question = self.questions.get(str(leaf.question))
                if leaf.answered is None and question is not None \
                        and question.type is QuestionType.SINGLE:
                    self.single_tests.setdefault(question.id, []).append(leaf)
        self.rule_tests: dict[str, list[Test]] = {}
        self.decided: dict[tuple[str, Assignment], tuple[int | None, list[int]] | str] = {}
        self.suggestions: dict[tuple[str, Assignment], tuple[int | None, str] | str] = {}

    def compile(self, condition: Condition) -> Residual:
        """A floor condition as a residual tree, its leaves numbered in ``floor_leaves``."""
        if condition.is_leaf:
            self.floor_leaves.append(condition)
            return ("leaf", len(self.floor_leaves) - 1)
        if condition.not_ is not None:
            return ("not", self.compile(condition.not_))
        kind = "all" if condition.all_ is not None else "any"
        children = condition.all_ if condition.all_ is not None else condition.any_
        return (kind, tuple(self.compile(child) for child in children or []))

    # Liveness ---------------------------------------------------------------------------

    def reads(self, node: str) -> set[str]:
        if node in self.point_index:
            point = self.points[node]
            return {str(leaf.question) for r in point.rules for leaf in leaves(r.when)}
        question = self.questions[node]
        if question.suggest is None:
            return set()
        return {str(leaf.question) for r in question.suggest.rules for leaf in leaves(r.when)}

    def order(self) -> list[str]:
        """Reachable nodes in topological order (the graph is known to be acyclic)."""
        reachable = self.graph.reachable_questions
        indegree = dict.fromkeys(reachable, 0)
        for node in reachable:
            for child in self.graph.successors(node):
                indegree[child] += 1
        ready = [node for node in reversed(reachable) if indegree[node] == 0]
        order: list[str] = []
        while ready:
            node = ready.pop()
            order.append(node)
            for child in self.graph.successors(node):
                indegree[child] -= 1
                if indegree[child] == 0:
                    ready.append(child)
        return order

    def liveness(self, order: list[str]) -> dict[str, frozenset[str]]:
        # Floors are not here: they are evaluated along the way (see the module's docstring).
        # Only questions before a node in the order can have been answered when a route
        # reaches it, so only those are kept: without this, a question read anywhere would be
        # live at every node above it, and the sets would grow with the document.
        live: dict[str, frozenset[str]] = {}
        position = {node: index for index, node in enumerate(order)}
        for node in reversed(order):
            here = position[node]
            found = {q for q in self.reads(node) if position.get(q, here) < here}
            for child in self.graph.successors(node):
                found.update(q for q in live[child] if position[q] < here)
            live[node] = frozenset(found)
        return live

    # Floors ---------------------------------------------------------------------------------

    def info(self, tree: Residual) -> tuple[frozenset[str], int]:
        """The questions an open residual still tests, and the earliest of them in order."""
        found = self.open_info.get(tree)
        if found is None:
            questions: set[str] = set()
            stack: list[Residual] = [tree]
            while stack:
                item = stack.pop()
                if isinstance(item, tuple):
                    if item[0] == "leaf":
                        questions.add(str(self.floor_leaves[item[1]].question))
                    elif item[0] == "not":
                        stack.append(item[1])
                    else:
                        stack.extend(item[1])
            first = min((self.topo.get(q, -1) for q in questions), default=-1)
            found = (frozenset(questions), first)
            self.open_info[tree] = found
        return found

    def settle(self, tree: Residual, question: str, value: Hashable, horizon: int) -> Residual:
        """``tree`` with the tests on ``question`` answered by ``value``, and the tests on
        questions that can no longer be answered (ordered before ``horizon``) unanswered."""
        if isinstance(tree, bool):
            return tree
        kind = tree[0]
        if kind == "leaf":
            leaf = self.floor_leaves[tree[1]]
            asked = str(leaf.question)
            if asked == question:
                if leaf.answered is not None:
                    return leaf.answered
                return self.leaf_for({question: value})(leaf)
            if self.topo.get(asked, -1) < horizon:
                # Never answered on this route: 'answered: false' holds, other tests do not.
                return leaf.answered is False
            return tree
        if kind == "not":
            inner = self.settle(tree[1], question, value, horizon)
            return (not inner) if isinstance(inner, bool) else ("not", inner)
        stop = kind == "any"  # any: True decides; all: False decides
        kept: list[Residual] = []
        for child in tree[1]:
            result = self.settle(child, question, value, horizon)
            if result is stop:
                return stop
            if result is not (not stop):
                kept.append(result)
        if not kept:
            return not stop
        return kept[0] if len(kept) == 1 else (kind, tuple(kept))

    def advance(self, floors: FloorState, question: str, value: Hashable,
                low: int, high: int) -> FloorState:
        """The floor state on an edge from the node at ``low`` (where ``question`` was
        answered, if any) to the node at ``high`` in topological order.

        Only the floors the route has started are in a state: a floor whose questions all
        come at or after the current node is untouched, the same for every route there, so
        it joins the state on the edge that passes its first question. This keeps the
        state small and its cost independent of how many floors lie further on.
        """
        best, pending = floors
        start = bisect_left(self.floor_firsts, low)
        if high >= len(self.topo):
            # At an outcome every floor not yet started, except those starting at the question
            # just answered, is settled with nothing answered: its value was worked out once,
            # so reaching an outcome costs the same however many floors lie further on.
            after = bisect_right(self.floor_firsts, low)
            joining: list[int] = self.floor_order[start:after]
            settled = self.unasked_best[after]
            if settled >= 0 and (best < 0 or self.floor_levels[settled] > self.floor_levels[best]):
                best = settled
        else:
            joining = self.floor_order[start:bisect_left(self.floor_firsts, high)]
        still: list[tuple[int, Residual]] = []
        for index, tree in [*pending, *((i, self.floor_trees[i]) for i in joining)]:
            asked, first = self.info(tree)
            if question not in asked and first >= high:
                still.append((index, tree))
                continue
            result = self.settle(tree, question, value, high)
            if result is True:
                if best < 0 or self.floor_levels[index] > self.floor_levels[best]:
                    best = index
            elif result is not False:
                still.append((index, result))
        if best >= 0:
            # A floor no higher than one already applying cannot change the verdict.
            still = [(i, tree) for i, tree in still
                     if self.floor_levels[i] > self.floor_levels[best]]
        return best, tuple(sorted(still))

    # Exploration --------------------------------------------------------------------------

    def compiled(self, condition: Condition) -> Test:
        """The condition as a function of an assignment, built once: the proof evaluates each
        rule on many states, and walking the models each time would dominate its cost.
        Reads left to right and stops early like :func:`~threshold_guide.engine.conditions.
        evaluate`, raising :class:`Unanswered` for a test on a question not answered."""
        if condition.is_leaf:
            return self.compiled_leaf(condition)
        if condition.not_ is not None:
            inner = self.compiled(condition.not_)
            return lambda assignment: not inner(assignment)
        children = [self.compiled(c) for c in (condition.all_ or condition.any_ or [])]
        if condition.all_ is not None:
            return lambda assignment: all(test(assignment) for test in children)
        return lambda assignment: any(test(assignment) for test in children)

    def compiled_leaf(self, leaf: Condition) -> Test:
        question = str(leaf.question)
        if leaf.answered is not None:
            wanted = leaf.answered
            return lambda assignment: (question in assignment) is wanted
        if question in self.tests:
            index = self.tests[question].index(leaf)

            def ticked(assignment: dict[str, Hashable]) -> bool:
                if question not in assignment:
                    raise Unanswered(question)
                signature = assignment[question]
                assert isinstance(signature, tuple)
                return bool(signature[index])

            return ticked
        allowed = frozenset(a.id for a in self.questions[question].answers if holds(leaf, a.id))

        def chosen(assignment: dict[str, Hashable]) -> bool:
            if question not in assignment:
                raise Unanswered(question)
            return assignment[question] in allowed

        return chosen

    def single_classes(self, question_id: str,
                       options: list[AbstractAnswer]) -> list[AbstractAnswer]:
        """Single-choice answers that every test of every rule and floor treats alike share
        one value in the states (the first such answer's id), as checklists' answers do: a
        question read only for 'is yes' then splits the states in two, not by every answer.
        Each answer is still followed on its own, so routes and witnesses are unchanged."""
        question = self.questions[question_id]
        if question.type is not QuestionType.SINGLE:
            return options
        tests = self.single_tests.get(question_id, [])
        first: dict[tuple[bool, ...], str] = {}
        found: list[AbstractAnswer] = []
        for option in options:
            signature = tuple(holds(leaf, str(option.value)) for leaf in tests)
            value = first.setdefault(signature, str(option.value))
            found.append(replace(option, value=value))
        return found

    def point_rules(self, node: str) -> list[Test]:
        found = self.rule_tests.get(node)
        if found is None:
            found = [self.compiled(rule.when) for rule in self.points[node].rules]
            self.rule_tests[node] = found
        return found

    def suggestion_rules(self, node: str) -> list[Test]:
        found = self.rule_tests.get(node)
        if found is None:
            suggestion = self.questions[node].suggest
            assert suggestion is not None
            found = [self.compiled(rule.when) for rule in suggestion.rules]
            self.rule_tests[node] = found
        return found

    def leaf_for(self, assignment: dict[str, Hashable]) -> Callable[[Condition], bool]:
        def test(leaf: Condition) -> bool:
            question = str(leaf.question)
            if leaf.answered is not None:
                return (question in assignment) is leaf.answered
            if question not in assignment:
                raise Unanswered(question)
            value = assignment[question]
            if question in self.tests:
                signature = value
                assert isinstance(signature, tuple)
                return bool(signature[self.tests[question].index(leaf)])
            return holds(leaf, str(value))

        return test

    def witness(self, node: str, key: StateKey) -> str:
        steps: list[tuple[str, Selection]] = []
        origin = self.states[node].get(key)
        while origin is not None:
            previous, previous_key, question, selection = origin
            if question:
                steps.append((question, selection))
            origin = self.states[previous][previous_key]
        steps.reverse()
        return ", ".join(
            f"{q}=[{', '.join(s)}]" if isinstance(s, list) else f"{q}={s}" for q, s in steps
        )

    def run(self) -> None:
        order = self.order()
        if not order:
            return
        try:
            choices = {
                q: self.single_classes(q, abstract_answers(self.questions[q], self.tests.get(q)))
                for q in order if q in self.questions
            }
        except TooManyCombinations as error:
            self.add("E407", ("questions", self.question_index[error.question]),
                     f"checklist '{error.question}' has {error.count} combinations of answers "
                     "that the rules tell apart: too many to prove the floors over",
                     "split the checklist, or test fewer separate groups of its answers")
            return
        live = self.liveness(order)
        self.topo = {node: index for index, node in enumerate(order)}
        ordered = sorted((self.info(tree)[1], index) for index, tree in enumerate(self.floor_trees))
        self.floor_firsts = [first for first, _ in ordered]
        self.floor_order = [index for _, index in ordered]
        # For each position in that order: of the floors from there on, the one with the
        # highest minimum that holds when none of its questions is answered (or -1).
        self.unasked_best = [-1] * (len(ordered) + 1)
        for position in range(len(ordered) - 1, -1, -1):
            index = self.floor_order[position]
            best = self.unasked_best[position + 1]
            holds_unasked = self.settle(self.floor_trees[index], "", None, len(order)) is True
            if holds_unasked and (best < 0 or self.floor_levels[index] >= self.floor_levels[best]):
                best = index
            self.unasked_best[position] = best
        self.states = {node: {} for node in order}
        start = self.advance(NO_FLOORS, "", None, -1, 0)
        self.states[order[0]][((), True, start)] = None
        for node in order:
            for key in list(self.states[node]):
                if node in self.point_index:
                    self.through_point(node, key, live)
                else:
                    self.through_question(node, key, choices[node], live)
        self.report_unused()

    def arrive(
        self, node: str, key: StateKey, target: str, to_outcome: bool,
        answer: tuple[str, Selection, Hashable] | None, live: dict[str, frozenset[str]],
    ) -> None:
        agreed = key[1]
        question: str = ""
        selection: Selection = ""
        value: Hashable = None
        if answer is not None:
            question, selection, value = answer
        origin: Origin = (node, key, question, selection)
        floors = NO_FLOORS
        if agreed:
            # At an outcome nothing more is asked: every open test is settled as unanswered.
            horizon = len(self.topo) if to_outcome else self.topo[target]
            floors = self.advance(key[2], question, value, self.topo[node], horizon)
        if to_outcome:
            if agreed:
                self.check_floors(target, floors, node, key, answer)
            return
        keep = live[target]
        # The assignment is kept sorted by question id; a question is answered once a route.
        kept = [item for item in key[0] if item[0] in keep]
        if question in keep:
            kept.append((question, value))
            kept.sort()
        new_key: StateKey = (tuple(kept), agreed, floors)
        self.states[target].setdefault(new_key, origin)

    def decide(self, node: str, assignment: Assignment) -> tuple[int | None, list[int]] | str:
        """The rule a decision point takes on an assignment (None: the fallback) and every
        rule that holds; or the question a rule reads unanswered. Memoised: states that
        differ only in agreement or floors share their assignment."""
        memo = (node, assignment)
        found = self.decided.get(memo)
        if found is not None:
            return found
        values = dict(assignment)
        tests = self.point_rules(node)
        taken: int | None = None
        try:
            for index, test in enumerate(tests):
                if test(values):
                    taken = index
                    break
        except Unanswered as missing:
            self.decided[memo] = missing.question
            return missing.question
        matching: list[int] = []
        for index, test in enumerate(tests):
            try:
                if test(values):
                    matching.append(index)
            except Unanswered:
                continue
        self.decided[memo] = (taken, matching)
        return taken, matching

    def through_point(self, node: str, key: StateKey, live: dict[str, frozenset[str]]) -> None:
        point = self.points[node]
        tally = self.tally.setdefault(node, _Tally())
        found = self.decide(node, key[0])
        if isinstance(found, str):
            self.unanswered(("decision_points", self.point_index[node]), node, key,
                            found, "decision point")
            return
        taken, matching = found
        tally.taken.add(taken)
        tally.holds.update(matching)
        for later in matching[1:] if point.hit_policy is HitPolicy.UNIQUE else []:
            if point.rules[later].ref != point.rules[matching[0]].ref:
                pair = (matching[0], later)
                if pair not in tally.overlaps:
                    tally.overlaps.add(pair)
                    self.add(
                        "W405", ("decision_points", self.point_index[node], "rules", later),
                        f"rules {pair[0] + 1} and {later + 1} of decision point '{node}' both "
                        f"hold on a route, and lead to different places; rule {pair[0] + 1} "
                        f"wins because it comes first (route: {self.witness(node, key)})",
                        "make the conditions exclusive, or say 'hit_policy: first' on the "
                        "decision point if the order is what you mean",
                    )
        way = point.otherwise if taken is None else point.rules[taken]
        assert way is not None  # a point without a fallback is an error before the proofs
        self.arrive(node, key, way.ref, way.outcome is not None, None, live)

    def suggested(self, node: str, assignment: Assignment) -> tuple[int | None, str] | str:
        """The suggestion rule taken and the answer it suggests; or the question a rule
        reads unanswered. Memoised like :meth:`decide`."""
        memo = (node, assignment)
        found = self.suggestions.get(memo)
        if found is None:
            suggestion = self.questions[node].suggest
            assert suggestion is not None and suggestion.otherwise is not None
            values = dict(assignment)
            try:
                index = next((i for i, test in enumerate(self.suggestion_rules(node))
                              if test(values)), None)
                found = ((index, suggestion.otherwise.answer) if index is None
                         else (index, suggestion.rules[index].answer))
            except Unanswered as missing:
                found = missing.question
            self.suggestions[memo] = found
        return found

    def through_question(
        self, node: str, key: StateKey, options: list[AbstractAnswer],
        live: dict[str, frozenset[str]],
    ) -> None:
        question = self.questions[node]
        suggested: str | None = None
        if question.suggest is not None:
            tally = self.tally.setdefault(node, _Tally())
            found = self.suggested(node, key[0])
            if isinstance(found, str):
                self.unanswered(("questions", self.question_index[node], "suggest"), node, key,
                                found, "suggestion of question")
                return
            tally.taken.add(found[0])
            suggested = found[1]
        for option in options:
            agreed = key[1] and (suggested is None or option.selection == suggested)
            # The key passed on carries 'agreed'; the witness must find its way back.
            passed: StateKey = (key[0], agreed, key[2] if agreed else NO_FLOORS)
            self.states[node].setdefault(passed, self.states[node][key])
            self.arrive(node, passed, option.target, option.to_outcome,
                        (node, option.selection, option.value), live)

    def unanswered(
        self, location: Location, node: str, key: StateKey, question: str, kind: str
    ) -> None:
        if (node, question) in self.reported:
            return
        self.reported.add((node, question))
        self.add(
            "E404", location,
            f"a rule of {kind} '{node}' reads question '{question}', which is not answered "
            f"on every route that reaches it (route: {self.witness(node, key)})",
            f"guard the test with an earlier one that holds only where '{question}' is asked "
            f"(e.g. {{question: {question}, answered: true}} first in an 'all'), or move the "
            "rule after the question",
        )

    def check_floors(
        self, outcome_id: str, floors: FloorState, node: str, key: StateKey,
        answer: tuple[str, Selection, Hashable] | None,
    ) -> None:
        level = self.outcome_levels[outcome_id]
        fi = floors[0]
        if fi < 0 or self.floor_levels[fi] <= level or ("floor", f"{fi}:{outcome_id}") in \
                self.reported:
            return
        floor = self.doc.floors[fi]
        self.reported.add(("floor", f"{fi}:{outcome_id}"))
        route = self.witness(node, key)
        if answer is not None:
            question, selection, _ = answer
            shown = f"[{', '.join(selection)}]" if isinstance(selection, list) else selection
            route = f"{route}, {question}={shown}" if route else f"{question}={shown}"
        minimum = self.doc.outcome(floor.minimum)
        self.add(
            "E406", ("floors", fi),
            f"floor '{floor.id}' ({render(floor.title)}) is broken: a route where it "
            f"applies reaches '{outcome_id}' (level {level}), below '{minimum.id}' "
            f"(level {minimum.level}), without any departure from a suggestion "
            f"(route: {route})",
            "route these answers to an outcome at or above the floor, or make the "
            "judgement question before it suggest an answer that does",
        )

    def report_unused(self) -> None:
        for node, tally in self.tally.items():
            if node in self.point_index:
                point = self.points[node]
                pi = self.point_index[node]
                for ri in range(len(point.rules)):
                    if ri in tally.taken:
                        continue
                    why = ("earlier rules always hold first" if ri in tally.holds
                           else "its condition never holds on any route that reaches it")
                    self.add("W404", ("decision_points", pi, "rules", ri),
                             f"rule {ri + 1} of decision point '{node}' is never taken: {why}",
                             "reorder the rules, most specific first, or remove this one")
            else:
                question = self.questions[node]
                assert question.suggest is not None
                qi = self.question_index[node]
                for ri in range(len(question.suggest.rules)):
                    if ri not in tally.taken:
                        self.add("W406", ("questions", qi, "suggest", "rules", ri),
                                 f"suggestion rule {ri + 1} of question '{node}' is never "
                                 "taken on any route", "reorder or remove the rule")


def prove_rules(document: ThresholdDocument, add: Add) -> None:
    """Report E404, E406, E407 and W404-W406 for a document whose references are sound."""
    if not (document.decision_points or document.floors
            or any(q.suggest for q in document.questions)):
        return
    _Proof(document, add).run()
