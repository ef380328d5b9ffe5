"""Proofs over every route: rules read only answered questions, floors always hold.

The walk through a document is a path through a directed acyclic graph, and the number of
paths can grow exponentially. The proofs therefore do not list routes. They carry, along
each edge in topological order, the set of *states* that can arrive there: the abstract
answers (see
:mod:`threshold_guide.engine.answer_classes`) of the questions some later rule or floor will still
read, and whether the route has departed from a suggestion so far. Questions nothing
downstream reads are forgotten, so routes that differ only in them share a state and the
work stays proportional to the size of the document for documents whose rules read
nearby questions. Each state keeps the edge it first arrived by, so any failure comes
with a concrete route that shows it (a witness), as DMN decision-table checkers give.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from threshold_guide.engine.answer_classes import (
    AbstractAnswer,
    Checklist,
    TooManyCombinations,
    abstract_answers,
    checklist_tests,
)
from threshold_guide.engine.conditions import Unanswered, evaluate, holds, leaves
from threshold_guide.engine.decisions import first_rule, first_suggestion, rule_conditions
from threshold_guide.engine.graph import Graph
from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.rules import Condition, HitPolicy
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render

Add = Callable[[str, Location, str, str], None]
Assignment = tuple[tuple[str, Hashable], ...]
StateKey = tuple[Assignment, bool]
Origin = tuple[str, StateKey, str, Selection] | None


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
        every_leaf = [leaf for cond in rule_conditions(document) for leaf in leaves(cond)]
        self.tests: dict[str, Checklist] = {
            q.id: checklist_tests(q, every_leaf)
            for q in document.questions if q.type is QuestionType.MULTIPLE
        }
        # Single-choice answers that every test treats alike are explored as one class.
        self.single_tests: dict[str, Checklist] = {
            q.id: checklist_tests(q, every_leaf)
            for q in document.questions if q.type is QuestionType.SINGLE
        }
        self.states: dict[str, dict[StateKey, Origin]] = {}
        self.reported: set[tuple[str, str]] = set()
        self.tally: dict[str, _Tally] = {}
        levels = {o.id: o.level for o in document.outcomes}
        self.floor_levels = [levels[f.minimum] for f in document.floors]
        self.outcome_levels = levels

    # Liveness ---------------------------------------------------------------------------

    def reads(self, node: str) -> set[str]:
        if node in self.point_index:
            point = self.doc.decision_point(node)
            return {str(leaf.question) for r in point.rules for leaf in leaves(r.when)}
        question = self.questions[node]
        if question.suggest is None:
            return set()
        return {str(leaf.question) for r in question.suggest.rules for leaf in leaves(r.when)}

    def outcome_reads(self, outcome: str) -> set[str]:
        level = self.outcome_levels[outcome]
        return {
            str(leaf.question)
            for floor, minimum in zip(self.doc.floors, self.floor_levels, strict=True)
            if minimum > level
            for leaf in leaves(floor.when)
        }

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
        live: dict[str, frozenset[str]] = {}
        outcome_live = {o.id: frozenset(self.outcome_reads(o.id)) for o in self.doc.outcomes}
        for node in reversed(order):
            found = set(self.reads(node))
            for child in self.graph.successors(node):
                found |= live[child]
            for outcome in self.graph.next_outcomes.get(node, ()):
                found |= outcome_live.get(outcome, frozenset())
            found.discard(node)
            live[node] = frozenset(found)
        return live

    # Exploration --------------------------------------------------------------------------

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
                q: abstract_answers(self.questions[q],
                                    self.tests.get(q) or self.single_tests.get(q))
                for q in order if q in self.questions
            }
        except TooManyCombinations as error:
            self.add("E407", ("questions", self.question_index[error.question]),
                     f"checklist '{error.question}' has {error.count} combinations of answers "
                     "that the rules tell apart: too many to prove the floors over",
                     "split the checklist, or test fewer separate groups of its answers")
            return
        live = self.liveness(order)
        self.states = {node: {} for node in order}
        self.states[order[0]][((), True)] = None
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
        assignment = dict(key[0])
        agreed = key[1]
        question: str = ""
        selection: Selection = ""
        if answer is not None:
            question, selection, value = answer
            assignment[question] = value
        origin: Origin = (node, key, question, selection)
        if to_outcome:
            if agreed:
                self.check_floors(target, assignment, node, key, answer)
            return
        keep = live[target]
        new_key: StateKey = (
            tuple(sorted((q, v) for q, v in assignment.items() if q in keep)), agreed
        )
        self.states[target].setdefault(new_key, origin)

    def through_point(self, node: str, key: StateKey, live: dict[str, frozenset[str]]) -> None:
        point = self.doc.decision_point(node)
        leaf = self.leaf_for(dict(key[0]))
        tally = self.tally.setdefault(node, _Tally())
        try:
            hit = first_rule(point, leaf)
        except Unanswered as missing:
            self.unanswered(("decision_points", self.point_index[node]), node, key,
                            missing.question, "decision point")
            return
        tally.taken.add(hit.rule)
        matching: list[int] = []
        for index, rule in enumerate(point.rules):
            try:
                if evaluate(rule.when, leaf):
                    matching.append(index)
            except Unanswered:
                continue
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
        self.arrive(node, key, hit.target, hit.outcome, None, live)

    def through_question(
        self, node: str, key: StateKey, options: list[AbstractAnswer],
        live: dict[str, frozenset[str]],
    ) -> None:
        question = self.questions[node]
        suggested: str | None = None
        if question.suggest is not None:
            tally = self.tally.setdefault(node, _Tally())
            try:
                hit = first_suggestion(question, self.leaf_for(dict(key[0])))
            except Unanswered as missing:
                self.unanswered(("questions", self.question_index[node], "suggest"), node, key,
                                missing.question, "suggestion of question")
                return
            assert hit is not None
            tally.taken.add(hit.rule)
            suggested = hit.target
        for option in options:
            agreed = key[1] and (suggested is None or option.selection == suggested)
            # The key passed on carries 'agreed'; the witness must find its way back.
            self.states[node].setdefault((key[0], agreed), self.states[node][key])
            self.arrive(node, (key[0], agreed), option.target, option.to_outcome,
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
        self, outcome_id: str, assignment: dict[str, Hashable], node: str, key: StateKey,
        answer: tuple[str, Selection, Hashable] | None,
    ) -> None:
        level = self.outcome_levels[outcome_id]
        test = self.leaf_for(assignment)

        def lenient(leaf: Condition) -> bool:
            try:
                return test(leaf)
            except Unanswered:
                return False

        for fi, floor in enumerate(self.doc.floors):
            if self.floor_levels[fi] <= level or ("floor", f"{fi}:{outcome_id}") in self.reported:
                continue
            if not evaluate(floor.when, lenient):
                continue
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
                point = self.doc.decision_point(node)
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
