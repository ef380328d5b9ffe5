"""Answer classes: the few ways of answering a question that any rule can tell apart.

The validator proves properties over *every* route, and a checklist of 15 indicators has
32,768 ways to be ticked. But the rules only ever ask a few things about it (is any of
these ticked? all of those? at least two?), so answers that every rule treats alike can
be grouped. Two answer ids are interchangeable when they appear in exactly the same lists;
a selection then matters only through how many of each group are ticked, and the
distinct results of those tests (with the route the checklist takes) are the abstract
answers. Each comes with a smallest concrete selection, used as the witness in errors.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import product
from math import prod

from threshold_guide.engine.conditions import holds, leaves
from threshold_guide.engine.decisions import rule_conditions
from threshold_guide.engine.witnesses import first_route
from threshold_guide.models.document import Question, QuestionType, ThresholdDocument
from threshold_guide.models.rules import Condition
from threshold_guide.models.session import Selection

COMBINATION_LIMIT = 20_000
"""The most groupings of one checklist the proof will try (E407 beyond it)."""

AtomKey = tuple[str, int | None, tuple[str, ...] | None]
"""A leaf test on a checklist, as (kind, count, answer ids)."""


def atom_key(leaf: Condition) -> AtomKey:
    if leaf.includes_any is not None:
        return ("any", None, tuple(sorted(leaf.includes_any)))
    if leaf.includes_all is not None:
        return ("all", None, tuple(sorted(leaf.includes_all)))
    if leaf.at_least is not None:
        return ("at_least", leaf.at_least, None if leaf.of is None else tuple(sorted(leaf.of)))
    # is / is_one_of on a checklist is a type error the reference checks report (E309).
    ids = [leaf.is_] if leaf.is_ is not None else list(leaf.is_one_of or [])
    return ("is", None, tuple(sorted(str(i) for i in ids)))


@dataclass(frozen=True)
class AbstractAnswer:
    """One distinguishable way of answering, where it leads, and a concrete example."""

    value: Hashable
    """The answer id (single choice), or the results of every test on the checklist."""
    selection: Selection
    target: str
    to_outcome: bool


class TooManyCombinations(Exception):
    """A checklist whose rules tell apart more combinations than the proof will try."""

    def __init__(self, question: str, count: int) -> None:
        super().__init__(question)
        self.question = question
        self.count = count


@dataclass(frozen=True)
class Checklist:
    """The tests that rules make on one checklist, in a fixed order."""

    atoms: tuple[AtomKey, ...]
    leaves: tuple[Condition, ...]

    def index(self, leaf: Condition) -> int:
        return self.atoms.index(atom_key(leaf))


def checklist_tests(question: Question, leaves: Iterable[Condition]) -> Checklist:
    atoms: dict[AtomKey, Condition] = {}
    for leaf in leaves:
        if leaf.question == question.id and leaf.answered is None:
            atoms.setdefault(atom_key(leaf), leaf)
    return Checklist(tuple(atoms), tuple(atoms.values()))


def checklists(document: ThresholdDocument) -> dict[str, Checklist]:
    """For every checklist of the document, the tests its rules and floors make on it.

    The leaves are grouped by question once, so this stays linear in the document's size.
    """
    by_question: dict[str, list[Condition]] = {}
    for condition in rule_conditions(document):
        for leaf in leaves(condition):
            by_question.setdefault(str(leaf.question), []).append(leaf)
    return {
        q.id: checklist_tests(q, by_question.get(q.id, []))
        for q in document.questions if q.type is QuestionType.MULTIPLE
    }


def abstract_answers(question: Question, tests: Checklist | None) -> list[AbstractAnswer]:
    """Every distinguishable answer to ``question``, each with a smallest example.

    For a single-choice question, answers that lead to the same place and that every test
    on the question treats alike are one class, represented by the first of them: a
    document whose rules read many questions with "not yet known" answers would otherwise
    carry every combination of answers that no rule tells apart.
    """
    if question.type is QuestionType.SINGLE:
        classes: dict[tuple[Hashable, ...], AbstractAnswer] = {}
        for answer in question.answers:
            if not answer.routes:
                continue
            to_outcome = answer.outcome is not None
            # Without tests (or on a judgement question, whose every answer is its own
            # agree-or-depart branch) each answer is its own class.
            key: tuple[Hashable, ...] = (answer.id,)
            if tests is not None and question.suggest is None:
                key = (answer.ref, to_outcome, *(holds(leaf, answer.id) for leaf in tests.leaves))
            classes.setdefault(key, AbstractAnswer(answer.id, answer.id, answer.ref, to_outcome))
        return list(classes.values())
    tests = tests or Checklist((), ())
    ids = [answer.id for answer in question.answers]
    lists: list[frozenset[str]] = [frozenset(key[2]) for key in tests.atoms if key[2]]
    for route in question.routes:
        lists.extend(frozenset(names) for names in (route.if_any, route.if_all) if names)
    groups: dict[tuple[bool, ...], list[str]] = {}
    for answer_id in ids:
        groups.setdefault(tuple(answer_id in names for names in lists), []).append(answer_id)
    members = list(groups.values())
    count = prod(len(group) + 1 for group in members)
    if count > COMBINATION_LIMIT:
        raise TooManyCombinations(question.id, count)
    vectors = sorted(product(*(range(len(group) + 1) for group in members)), key=sum)
    seen: dict[tuple[Hashable, int], AbstractAnswer] = {}
    for vector in vectors:
        ticked = {a for group, n in zip(members, vector, strict=True) for a in group[:n]}
        selection = [answer_id for answer_id in ids if answer_id in ticked]
        route_index = first_route(question, frozenset(ticked))
        if route_index is None:
            continue
        signature = tuple(holds(leaf, selection) for leaf in tests.leaves)
        if (signature, route_index) not in seen:
            route = question.routes[route_index]
            seen[(signature, route_index)] = AbstractAnswer(
                signature, selection, route.ref, route.outcome is not None
            )
    return list(seen.values())
