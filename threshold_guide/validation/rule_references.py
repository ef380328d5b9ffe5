"""Checks of decision rules that need no route: ids, references and fitting tests."""

from __future__ import annotations

from collections.abc import Callable

from threshold_guide.engine.conditions import leaves
from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.rules import Condition
from threshold_guide.validation.diagnostics import did_you_mean

Add = Callable[[str, Location, str, str], None]


def _leaf_paths(condition: Condition, base: Location) -> list[tuple[Condition, Location]]:
    # Locations of leaves, so an error points at the very test that is wrong.
    found: list[tuple[Condition, Location]] = []
    stack: list[tuple[Condition, Location]] = [(condition, base)]
    while stack:
        node, where = stack.pop()
        if node.is_leaf:
            found.append((node, where))
        elif node.not_ is not None:
            stack.append((node.not_, (*where, "not")))
        else:
            key = "all" if node.all_ is not None else "any"
            children = node.all_ if node.all_ is not None else node.any_
            stack.extend(
                (child, (*where, key, i)) for i, child in reversed(list(enumerate(children or [])))
            )
    found.reverse()
    return found


def check_rule_references(document: ThresholdDocument, add: Add) -> None:
    """Ids, references and test types of every decision point, suggestion and floor."""
    questions = {q.id: q for q in document.questions}
    points = {p.id for p in document.decision_points}
    outcomes = {o.id for o in document.outcomes}
    nodes = [*questions, *points]

    def condition(cond: Condition, base: Location) -> None:
        for leaf, where in _leaf_paths(cond, base):
            question = questions.get(str(leaf.question))
            if question is None:
                add("E307", (*where, "question"),
                    f"the condition reads question '{leaf.question}', which the document "
                    "does not have",
                    did_you_mean(str(leaf.question), questions) or "fix the question id")
                continue
            answer_ids = [a.id for a in question.answers]
            named = [leaf.is_] if leaf.is_ is not None else []
            for field_name in ("is_one_of", "includes_any", "includes_all", "of"):
                named.extend(getattr(leaf, field_name) or [])
            for name in named:
                if name not in answer_ids:
                    add("E308", where,
                        f"the condition names '{name}', which is not an answer of question "
                        f"'{question.id}'",
                        did_you_mean(str(name), answer_ids) or "answers: " + ", ".join(answer_ids))
            checklist = question.type is QuestionType.MULTIPLE
            if checklist and (leaf.is_ is not None or leaf.is_one_of is not None):
                add("E309", where,
                    f"question '{question.id}' is a checklist: 'is' and 'is_one_of' test a "
                    "single answer",
                    "use 'includes_any', 'includes_all' or 'at_least'")
            if not checklist and (leaf.includes_any or leaf.includes_all or leaf.at_least):
                add("E309", where,
                    f"question '{question.id}' takes one answer: 'includes_any', "
                    "'includes_all' and 'at_least' test a checklist",
                    "use 'is' or 'is_one_of'")

    def target(where: Location, next_id: str | None, outcome_id: str | None) -> None:
        if next_id is not None and next_id not in questions and next_id not in points:
            add("E302", (*where, "next"),
                f"there is no question or decision point with id '{next_id}'",
                did_you_mean(next_id, nodes) or f"add a question with id '{next_id}'")
        if outcome_id is not None and outcome_id not in outcomes:
            add("E303", (*where, "outcome"), f"there is no outcome with id '{outcome_id}'",
                did_you_mean(outcome_id, outcomes) or f"add an outcome with id '{outcome_id}'")

    first: dict[str, Location] = {}
    for qi, question in enumerate(document.questions):
        first.setdefault(question.id, ("questions", qi))
    for pi, point in enumerate(document.decision_points):
        base: Location = ("decision_points", pi)
        if point.id in first:
            add("E301", (*base, "id"),
                f"decision point id '{point.id}' is already used by a question or decision "
                "point", "questions and decision points share one set of ids: rename one")
        first.setdefault(point.id, base)
        for ri, rule in enumerate(point.rules):
            condition(rule.when, (*base, "rules", ri, "when"))
            target((*base, "rules", ri), rule.next, rule.outcome)
        if point.otherwise is None:
            add("E405", base, f"decision point '{point.id}' has no 'otherwise'",
                "add 'otherwise:' with the 'next' or 'outcome' for when no rule holds, and "
                "its rationale")
        else:
            target((*base, "otherwise"), point.otherwise.next, point.otherwise.outcome)
    for qi, question in enumerate(document.questions):
        if question.suggest is None:
            continue
        base = ("questions", qi, "suggest")
        routed = [a.id for a in question.answers if a.routes]
        picks: list[tuple[Location, str]] = []
        for ri, pick in enumerate(question.suggest.rules):
            condition(pick.when, (*base, "rules", ri, "when"))
            picks.append(((*base, "rules", ri, "answer"), pick.answer))
        if question.suggest.otherwise is None:
            add("E405", base, f"the suggestion of question '{question.id}' has no 'otherwise'",
                "add 'otherwise:' with the answer suggested when no rule holds, and why")
        else:
            picks.append(((*base, "otherwise", "answer"), question.suggest.otherwise.answer))
        for where, answer_id in picks:
            if answer_id not in routed:
                add("E308", where,
                    f"the suggestion names '{answer_id}', which is not an answer of question "
                    f"'{question.id}' that leads anywhere",
                    did_you_mean(answer_id, routed) or "answers: " + ", ".join(routed))
        for ri, pick in enumerate(question.suggest.rules):
            read = {str(leaf.question) for leaf in leaves(pick.when)}
            if question.id in read:
                add("E309", (*base, "rules", ri, "when"),
                    f"the suggestion of question '{question.id}' reads its own answer",
                    "a suggestion is made from earlier answers only")
    floor_ids: dict[str, int] = {}
    for fi, floor in enumerate(document.floors):
        base = ("floors", fi)
        if floor.id in floor_ids:
            add("E301", (*base, "id"), f"duplicate floor id '{floor.id}'",
                "give each floor its own id")
        floor_ids.setdefault(floor.id, fi)
        condition(floor.when, (*base, "when"))
        if floor.minimum not in outcomes:
            add("E303", (*base, "minimum"), f"there is no outcome with id '{floor.minimum}'",
                did_you_mean(floor.minimum, outcomes) or "name one of the document's outcomes")
