"""Check scenario files against the threshold documents they target.

Every problem is a located diagnostic (``file:line:col``) with a fix: an unknown document,
version, question, answer or outcome (with "did you mean"), model answers that stop
before an outcome, and model answers that reach a different outcome than the scenario
expects. The replays are kept, so ``scenarios check`` can show the route it took.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threshold_guide.engine.route import Route, derive_route
from threshold_guide.engine.routing import AnswerError, normalise
from threshold_guide.loading.catalog import Catalog
from threshold_guide.loading.yaml_source import Location
from threshold_guide.models.document import QuestionType, ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import GivenAnswer
from threshold_guide.models.text import render
from threshold_guide.scenarios.files import ScenarioFile, expand, load_scenario
from threshold_guide.scenarios.replay import Replay, nearest_fix, selections
from threshold_guide.validation.diagnostics import (
    Diagnostic,
    diagnostic,
    did_you_mean,
    has_errors,
    sort_key,
)
from threshold_guide.validation.language_checks import check_languages


@dataclass
class ScenarioCheck:
    """One scenario file: its diagnostics and a replay per targeted version found."""

    file: ScenarioFile
    replays: list[Replay] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def scenario(self) -> Scenario | None:
        return self.file.scenario

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not has_errors(self.diagnostics)


class _Checker:
    def __init__(self, file: ScenarioFile, scenario: Scenario) -> None:
        self.file = file
        self.scenario = scenario
        self.found: list[Diagnostic] = []

    def report(self, code: str, location: Location, message: str, hint: str = "",
               *, key: bool = False) -> None:
        position = self.file.source_map.locate(location, key=key)
        self.found.append(
            diagnostic(code, self.file.path, position.line, position.column, message, hint)
        )

    def answer_location(self, prefix: Location, question: str, index: int | None) -> Location:
        """Where an answer is written: shorthand ``q: a`` or ``q: {answer: a}``, list item."""
        raw: Any = self.file.data
        for part in (*prefix, question):
            raw = raw.get(part) if isinstance(raw, dict) else None
        location: Location = (*prefix, question)
        if isinstance(raw, dict):
            location = (*location, "answer")
        return location if index is None else (*location, index)

    def fits(self, document: ThresholdDocument, prefix: Location,
             answers: dict[str, GivenAnswer]) -> bool:
        """Check every model answer names a real question and answer of ``document``."""
        where = f"{document.id} {document.version}"
        known = [question.id for question in document.questions]
        ok = True
        for question_id, given in answers.items():
            if document.is_decision_point(question_id):
                self.report(
                    "E710", (*prefix, question_id),
                    f"the model answers answer '{question_id}', which is a decision point in "
                    f"{where}: it asks nothing, its rules decide from the earlier answers",
                    "remove this model answer; answer the questions its rules read instead",
                    key=True,
                )
                ok = False
                continue
            if not document.has_question(question_id):
                self.report(
                    "E703", (*prefix, question_id),
                    f"the model answers name question '{question_id}', which {where} does "
                    "not have",
                    did_you_mean(question_id, known) or "questions: " + ", ".join(known),
                    key=True,
                )
                ok = False
                continue
            question = document.question(question_id)
            try:
                normalise(question, given.answer)
            except AnswerError as problem:
                index = None
                if isinstance(given.answer, list):
                    ids = {answer.id for answer in question.answers}
                    index = next((i for i, a in enumerate(given.answer) if a not in ids), None)
                message = str(problem).split(" (", 1)[0].replace(
                    f"question '{question_id}': ", f"question '{question_id}' ", 1)
                if question.type is QuestionType.SINGLE and isinstance(given.answer, list):
                    message = f"question '{question_id}' takes one answer id, not a list"
                self.report("E704", self.answer_location(prefix, question_id, index),
                            f"{message} in {where}", problem.hint)
                ok = False
        return ok

    def run(self, catalog: Catalog) -> list[Replay]:
        scenario = self.scenario
        target = scenario.guidance.id
        entries = {entry.version: entry for entry in catalog.versions(target)}
        if not entries:
            self.report(
                "E701", ("guidance", "id"), f"no threshold document with id '{target}'",
                did_you_mean(target, catalog.ids())
                or "documents found: " + (", ".join(catalog.ids()) or "none"),
            )
            return []
        available = ", ".join(entries)
        for index, version in enumerate(scenario.guidance.versions):
            if version not in entries:
                self.report("E702", ("guidance", "versions", index),
                            f"document '{target}' has no version {version}",
                            f"versions found: {available}")
        for version in scenario.by_version:
            if version not in scenario.guidance.versions:
                self.report("E708", ("by_version", version),
                            f"by_version names version {version}, which guidance.versions "
                            "does not list", "add it to guidance.versions or remove this entry",
                            key=True)
        replays: list[Replay] = []
        used: dict[Location, bool] = {}
        for version in dict.fromkeys(scenario.guidance.versions):
            if version in entries:
                replays.append(self.replay(entries[version].document, used))
        for location, was_used in used.items():
            if not was_used:
                self.report("W701", location,
                            f"the model answer to '{location[-1]}' is never used: no targeted "
                            "version's route passes this question",
                            "remove it, or check the answers before it", key=True)
        answered = {q for version in scenario.guidance.versions
                    for q in scenario.answers_for(version)}
        for question_id in scenario.why:
            if question_id not in answered:
                self.report("W702", ("why", question_id),
                            f"'why' explains question '{question_id}', which the model "
                            "answers do not answer",
                            did_you_mean(question_id, sorted(answered)), key=True)
        return replays

    def replay(self, document: ThresholdDocument, used: dict[Location, bool]) -> Replay:
        scenario = self.scenario
        version = document.version
        variant = scenario.by_version.get(version)
        own_answers = variant is not None and variant.model_answers is not None
        prefix: Location = ("by_version", version, "model_answers") if own_answers else (
            "model_answers",)
        own_expected = variant is not None and variant.expected_outcome is not None
        expected_at: Location = ("by_version", version, "expected_outcome") if own_expected else (
            "expected_outcome",)
        answers = scenario.answers_for(version)
        expected = scenario.expected_for(version)
        where = f"{document.id} {version}"
        outcome_ids = [outcome.id for outcome in document.outcomes]
        known_outcome = expected in outcome_ids
        if not known_outcome:
            self.report("E707", expected_at,
                        f"expected outcome '{expected}' is not an outcome of {where}",
                        did_you_mean(expected, outcome_ids)
                        or "outcomes: " + ", ".join(outcome_ids))
        if not self.fits(document, prefix, answers):
            return Replay(scenario, document, expected, None)
        route = derive_route(document, selections(answers), reasons(answers))
        for question_id in answers:
            location = (*prefix, question_id)
            used[location] = used.get(location, False) or question_id in route.question_ids
        item = Replay(scenario, document, expected, route)
        self.departures(document, prefix, answers, route)
        if route.pending is not None and route.pending.id in answers:
            pending = route.pending
            suggested = route.pending_suggestion
            assert suggested is not None
            self.report(
                "E711", self.answer_location(prefix, pending.id, None),
                f"the model answer to '{pending.id}' departs from what {where} suggests "
                f"('{suggested.target}': {render(suggested.rationale)}) and gives no reason",
                "add 'departure_reason' to the answer (and list the question in "
                "expected_departures), or answer as the guidance suggests",
            )
        elif route.pending is not None:
            pending = route.pending
            self.report(
                "E705", prefix,
                f"the model answers stop at question '{pending.id}' in {where}: it is not "
                "answered, so no outcome is reached",
                "add an answer for it: " + ", ".join(a.id for a in pending.answers), key=True,
            )
        elif route.outcome is not None and known_outcome and route.outcome.id != expected:
            fix = nearest_fix(item)
            hint = "if the guidance changed on purpose, update the model answers or the " \
                   "expected outcome; 'threshold-guide scenarios check' shows the route"
            if fix is not None:
                answer = fix[1] if isinstance(fix[1], str) else "[" + ", ".join(fix[1]) + "]"
                hint = f"answering '{fix[0]}' with {answer} would reach it; " + hint
            self.report(
                "E706", expected_at,
                f"the model answers reach '{route.outcome.id}' "
                f"({render(route.outcome.title)}) in {where}, not the expected '{expected}'",
                hint,
            )
        return item


    def departures(self, document: ThresholdDocument, prefix: Location,
                   answers: dict[str, GivenAnswer], route: Route) -> None:
        """Departures must be the ones the scenario expects; reasons only where one departs."""
        scenario = self.scenario
        version = document.version
        where = f"{document.id} {version}"
        variant = scenario.by_version.get(version)
        listed_at: Location = (
            ("by_version", version, "expected_departures")
            if variant is not None and variant.expected_departures is not None
            else ("expected_departures",))
        expected = scenario.departures_for(version)
        departed = {step.question.id: step for step in route.departures}
        for question_id, step in departed.items():
            if question_id not in expected:
                assert step.suggestion is not None
                self.report(
                    "E712", self.answer_location(prefix, question_id, None),
                    f"the model answer to '{question_id}' departs from what {where} suggests "
                    f"('{step.suggestion.target}': {render(step.suggestion.rationale)}), "
                    "but expected_departures does not list it",
                    f"add '{question_id}' to expected_departures if the departure is the "
                    "teaching point, or answer as the guidance suggests",
                )
        judged = {step.question.id: step for step in route.steps if step.suggestion is not None}
        for index, question_id in enumerate(expected):
            if question_id in departed:
                continue
            agreed = judged.get(question_id)
            why = ("the model answer agrees with the suggestion" if agreed is not None
                   else "the model route does not pass it as a judgement question")
            self.report(
                "E712", (*listed_at, index),
                f"expected_departures lists '{question_id}', but in {where} {why}",
                "remove it from expected_departures (or from by_version's list), or change "
                "the model answer",
            )
        for question_id, given in answers.items():
            if given.departure_reason and question_id in judged and question_id not in departed:
                self.report(
                    "W703", self.answer_location(prefix, question_id, None),
                    f"the model answer to '{question_id}' gives a departure reason but agrees "
                    f"with what {where} suggests, so the reason is never used",
                    "remove 'departure_reason', or check the answers before it",
                )


def reasons(answers: dict[str, GivenAnswer]) -> dict[str, str]:
    """The departure reasons the model answers give, by question id."""
    return {q: given.departure_reason for q, given in answers.items() if given.departure_reason}


def check_scenario(file: ScenarioFile, catalog: Catalog) -> ScenarioCheck:
    """Cross-check one loaded scenario file against the documents in ``catalog``."""
    if file.scenario is None:
        return ScenarioCheck(file, [], list(file.diagnostics))
    checker = _Checker(file, file.scenario)
    replays = checker.run(catalog)
    check_languages(file.scenario, checker.report, "scenario")
    return ScenarioCheck(file, replays, sorted([*file.diagnostics, *checker.found], key=sort_key))


def duplicate_ids(checks: Iterable[ScenarioCheck]) -> list[Diagnostic]:
    """The same scenario id in two files: sessions could not say which case they walked."""
    first: dict[str, Path] = {}
    found: list[Diagnostic] = []
    for check in checks:
        if check.scenario is None:
            continue
        scenario_id = check.scenario.id
        if scenario_id in first:
            position = check.file.source_map.locate(("id",))
            found.append(diagnostic(
                "E709", check.file.path, position.line, position.column,
                f"scenario id '{scenario_id}' is also used in {first[scenario_id]}",
                "give each scenario its own id",
            ))
        else:
            first[scenario_id] = check.file.path
    return found


@dataclass
class CheckRun:
    """Every scenario file checked, and all diagnostics in file order."""

    checks: list[ScenarioCheck]
    diagnostics: list[Diagnostic]

    @property
    def replays(self) -> list[Replay]:
        return [item for check in self.checks for item in check.replays]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics) and all(r.passed for r in self.replays)


def check_files(files: Iterable[Path], catalog: Catalog) -> CheckRun:
    checks = [check_scenario(load_scenario(path), catalog) for path in files]
    diagnostics = [d for check in checks for d in check.diagnostics] + duplicate_ids(checks)
    return CheckRun(checks, sorted(diagnostics, key=sort_key))


def check_paths(paths: Iterable[Path], catalog: Catalog) -> CheckRun:
    """Load and check every scenario file under ``paths``."""
    files, problems = expand(paths)
    run = check_files(files, catalog)
    return CheckRun(run.checks, sorted([*problems, *run.diagnostics], key=sort_key))
