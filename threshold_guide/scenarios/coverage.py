"""Which questions, answers and outcomes of each document version the scenarios exercise.

An answer counts as exercised when a model route gives it (for a checklist, when a model
route ticks it). Coverage is reported for every document version in the catalog, so a
version no scenario targets shows up as a gap rather than disappearing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from threshold_guide.loading.catalog import Entry
from threshold_guide.models.document import version_key
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

    @staticmethod
    def ratio(missed: tuple[str, ...], total: tuple[str, ...]) -> str:
        return f"{len(total) - len(missed)}/{len(total)}"


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
        for item in done:
            assert item.route is not None and item.route.outcome is not None
            outcomes.add(item.route.outcome.id)
            for step in item.route.steps:
                questions.add(step.question.id)
                chosen = [step.selection] if isinstance(step.selection, str) else step.selection
                answers.update(f"{step.question.id}/{answer}" for answer in chosen)
        all_questions = tuple(q.id for q in document.questions)
        all_answers = tuple(f"{q.id}/{a.id}" for q in document.questions for a in q.answers)
        all_outcomes = tuple(o.id for o in document.outcomes)
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
        ))
    return found
