"""Random documents with decision points, suggestions and floors.

Either a document validates, and then every enumerated route that agrees with every
suggestion respects every floor; or it fails with located errors. Never an exception. On
small documents the validator's proofs (E404, E406), which reason over abstract states, are
checked against a brute-force walk of every concrete answer, checklist selection included.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import event, given, settings

from threshold_guide.engine.decisions import RuleError, decide, floor_checks, suggest
from threshold_guide.engine.paths import all_routes
from threshold_guide.engine.route import derive_route
from threshold_guide.engine.routing import target_for
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.session import Selection
from threshold_guide.validation.diagnostics import CODES, Diagnostic, Severity
from threshold_guide.validation.validate import check_file

from .strategies import Data, rule_documents, to_yaml


@dataclass(frozen=True)
class Walked:
    """One concrete route: its answers, outcome, and whether it departs anywhere."""

    answers: dict[str, Selection]
    outcome: str
    departed: bool


def every_selection(document: ThresholdDocument, question_id: str) -> list[Selection]:
    question = document.question(question_id)
    ids = [answer.id for answer in question.answers]
    if question.type is QuestionType.SINGLE:
        return [a.id for a in question.answers if a.routes]
    return [list(combo) for size in range(len(ids) + 1)
            for combo in itertools.combinations(ids, size)]


def brute_force(document: ThresholdDocument) -> Iterator[Walked]:
    """Every concrete route, by plain depth-first search. Raises RuleError as the walk would."""
    stack: list[tuple[str, dict[str, Selection], bool]] = [(document.start, {}, False)]
    while stack:
        node, answers, departed = stack.pop()
        while document.is_decision_point(node):
            hit = decide(document.decision_point(node), answers)
            if hit.outcome:
                yield Walked(answers, hit.target, departed)
                break
            node = hit.target
        else:
            question = document.question(node)
            suggestion = suggest(question, answers)
            for selection in every_selection(document, node):
                target = target_for(question, selection)
                now = {**answers, node: selection}
                departs = departed or (suggestion is not None and selection != suggestion.target)
                if target.outcome is not None:
                    yield Walked(now, target.outcome, departs)
                else:
                    stack.append((target.ref, now, departs))


def breaks_a_floor(document: ThresholdDocument, walked: Walked) -> bool:
    checks = floor_checks(document, walked.answers, document.outcome(walked.outcome))
    return not walked.departed and not all(check.met for check in checks)


def checked(data: Data, folder: Path) -> tuple[ThresholdDocument | None, list[Diagnostic]]:
    path = folder / "doc.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    result = check_file(path)
    for item in result.diagnostics:
        assert item.code in CODES and item.file == str(path), item.render()
    return result.document, [d for d in result.diagnostics if d.severity is Severity.ERROR]


_STEP = re.compile(r"([^=,\s]+)=(\[[^\]]*\]|[^,)]+)")


def witness(message: str) -> dict[str, Selection]:
    """The answers of the route an error prints: 'q1=a0, q2=[a0, a1]'."""
    found = re.search(r"\(route: (.*)\)$", message)
    assert found, message
    answers: dict[str, Selection] = {}
    for question, value in _STEP.findall(found.group(1)):
        answers[question] = ([v for v in value[1:-1].split(", ") if v]
                             if value.startswith("[") else value)
    return answers


@settings(max_examples=150, deadline=None)
@given(data=rule_documents())
def test_valid_or_located_and_every_agreeing_route_respects_every_floor(
    data: Data, tmp_path_factory: pytest.TempPathFactory
) -> None:
    document, errors = checked(data, tmp_path_factory.mktemp("rules"))
    if errors:
        assert all(error.line >= 1 and error.column >= 1 for error in errors)
        return
    assert document is not None
    for route in all_routes(document):
        if route.departures:
            continue
        checks = floor_checks(document, route.answers, document.outcome(route.outcome))
        assert all(check.met for check in checks), (route, checks)


@settings(max_examples=300, deadline=None)
@given(data=rule_documents(max_nodes=6))
def test_the_proofs_agree_with_brute_force(
    data: Data, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, diagnostics = checked(data, tmp_path_factory.mktemp("brute"))
    errors = {d.code for d in diagnostics}
    document = ThresholdDocument.model_validate(data)
    event(f"errors: {sorted(errors)}")
    # The generator only makes these two errors: anything else is a bug in one or the other.
    assert errors <= {"E404", "E406"}, errors
    for error in (d for d in diagnostics if d.code == "E404"):
        # The route printed reaches the rule that reads an unanswered question.
        with pytest.raises(RuleError):
            derive_route(document, witness(error.message))
    try:
        walked = list(brute_force(document))
    except RuleError:
        assert "E404" in errors
        return
    assert "E404" not in errors, "E404 reported but every concrete route applies its rules"
    broken = [w for w in walked if breaks_a_floor(document, w)]
    assert ("E406" in errors) == bool(broken), broken[:1]
    # Each E406 prints a route that really breaks the floor it names, agreeing throughout.
    for error in (d for d in diagnostics if d.code == "E406"):
        route = derive_route(document, witness(error.message))
        assert route.outcome is not None and not route.departures, error.message
        floor_id = re.search(r"floor '([^']+)'", error.message)
        assert floor_id
        failed = [c.floor.id for c in floor_checks(document, route.selections(), route.outcome)
                  if not c.met]
        assert floor_id.group(1) in failed, error.message
    # Route enumeration by answer classes reaches the same outcomes, agreeing and departing.
    enumerated = {(r.outcome, bool(r.departures)) for r in all_routes(document)}
    assert enumerated == {(w.outcome, w.departed) for w in walked}
