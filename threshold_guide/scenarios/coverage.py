"""Which questions, answers and outcomes of each document version the scenarios exercise.

An answer counts as exercised when a model route gives it (for a checklist, when a model
route ticks it). For a document with decision rules, so do: each rule of each decision
point and suggestion (``weigh/rule-1``, ``weigh/otherwise``, ``judge/suggest-1``,
``judge/suggest-otherwise``) when a model route is decided by it; each judgement question's
two branches (``judge/agree``, ``judge/depart``); and each floor when it applies on a model
route. Coverage is reported for every document version in the catalog, so a
version no scenario targets shows up as a gap rather than disappearing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from threshold_guide.engine.decisions import floor_checks
from threshold_guide.engine.route import Route
from threshold_guide.loading.catalog import Entry
from threshold_guide.models.document import ThresholdDocument, version_key
from threshold_guide.scenarios.replay import Replay


@dataclass(frozen=True)
class Coverage:
    """Exercised and missed parts of one document version."""

    document: str
    version: str
    scenarios: tuple[str, ...]
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    outcomes: tuple[str, ...]
    missed_questions: tuple[str, ...]
    missed_answers: tuple[str, ...]
    missed_outcomes: tuple[str, ...]
    rules: tuple[str, ...] = ()
    """Every rule of every decision point and suggestion, fallbacks included."""
    missed_rules: tuple[str, ...] = ()
    judgements: tuple[str, ...] = ()
    """Each judgement question's agree and depart branches."""
    missed_judgements: tuple[str, ...] = ()
    floors: tuple[str, ...] = ()
    """Every floor (minimum response) by id."""
    missed_floors: tuple[str, ...] = ()

    @staticmethod
    def ratio(missed: tuple[str, ...], total: tuple[str, ...]) -> str:
        return f"{len(total) - len(missed)}/{len(total)}"


def rule_ids(document: ThresholdDocument) -> tuple[str, ...]:
    """Every rule a route can be decided by, in document order."""
    found: list[str] = []
    for point in document.decision_points:
        found += [f"{point.id}/rule-{n}" for n in range(1, len(point.rules) + 1)]
        found.append(f"{point.id}/otherwise")
    for question in document.questions:
        if question.suggest is not None:
            found += [f"{question.id}/suggest-{n}"
                      for n in range(1, len(question.suggest.rules) + 1)]
            found.append(f"{question.id}/suggest-otherwise")
    return tuple(found)


def judgement_ids(document: ThresholdDocument) -> tuple[str, ...]:
    return tuple(f"{q.id}/{branch}" for q in document.questions if q.suggest is not None
                 for branch in ("agree", "depart"))


def _rules_taken(route: Route) -> set[str]:
    taken = {
        f"{d.point.id}/" + ("otherwise" if d.hit.rule is None else f"rule-{d.hit.rule + 1}")
        for d in route.decisions
    }
    for step in route.steps:
        if step.suggestion is not None:
            rule = step.suggestion.rule
            taken.add(f"{step.question.id}/suggest-"
                      + ("otherwise" if rule is None else str(rule + 1)))
            taken.add(f"{step.question.id}/{'depart' if step.departed else 'agree'}")
    return taken


def coverage(entries: Iterable[Entry], replays: Iterable[Replay]) -> list[Coverage]:
    """Coverage of each catalog entry by the replays that finished on it."""
    by_version: dict[tuple[str, str], list[Replay]] = {}
    for item in replays:
        if item.route is not None and item.route.outcome is not None:
            key = (item.document.id, item.document.version)
            by_version.setdefault(key, []).append(item)
    found: list[Coverage] = []
    for entry in sorted(entries, key=lambda e: (e.id, version_key(e.version))):
        document = entry.document
        done = by_version.get((entry.id, entry.version), [])
        questions: set[str] = set()
        answers: set[str] = set()
        outcomes: set[str] = set()
        taken: set[str] = set()
        applied: set[str] = set()
        for item in done:
            assert item.route is not None and item.route.outcome is not None
            outcomes.add(item.route.outcome.id)
            taken |= _rules_taken(item.route)
            applied.update(check.floor.id for check in floor_checks(
                document, item.route.selections(), item.route.outcome))
            for step in item.route.steps:
                questions.add(step.question.id)
                chosen = [step.selection] if isinstance(step.selection, str) else step.selection
                answers.update(f"{step.question.id}/{answer}" for answer in chosen)
        all_questions = tuple(q.id for q in document.questions)
        all_answers = tuple(f"{q.id}/{a.id}" for q in document.questions for a in q.answers)
        all_outcomes = tuple(o.id for o in document.outcomes)
        all_rules, all_judgements = rule_ids(document), judgement_ids(document)
        all_floors = tuple(f.id for f in document.floors)
        found.append(Coverage(
            document=entry.id,
            version=entry.version,
            scenarios=tuple(sorted({item.scenario.id for item in done})),
            questions=all_questions,
            answers=all_answers,
            outcomes=all_outcomes,
            missed_questions=tuple(q for q in all_questions if q not in questions),
            missed_answers=tuple(a for a in all_answers if a not in answers),
            missed_outcomes=tuple(o for o in all_outcomes if o not in outcomes),
            rules=all_rules,
            missed_rules=tuple(r for r in all_rules if r not in taken),
            judgements=all_judgements,
            missed_judgements=tuple(j for j in all_judgements if j not in taken),
            floors=all_floors,
            missed_floors=tuple(f for f in all_floors if f not in applied),
        ))
    return found
