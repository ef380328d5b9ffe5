"""Checks that need the whole document: ids, references, the graph, gates and wording."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from threshold_guide.engine.graph import Graph
from threshold_guide.engine.witnesses import route_witnesses
from threshold_guide.loading.yaml_source import Location, SourceMap
from threshold_guide.models.document import (
    Decision,
    Gate,
    QuestionType,
    ThresholdDocument,
)
from threshold_guide.models.text import render
from threshold_guide.validation.deadline_checks import check_deadlines
from threshold_guide.validation.diagnostics import (
    Diagnostic,
    diagnostic,
    did_you_mean,
    has_errors,
)
from threshold_guide.validation.language_checks import check_languages
from threshold_guide.validation.not_report import tells_not_to_report
from threshold_guide.validation.rule_proofs import prove_rules
from threshold_guide.validation.rule_references import check_rule_references

# Wording that tells a reader not to report; never acceptable in duty-to-report guidance.


class _Checker:
    def __init__(self, document: ThresholdDocument, source_map: SourceMap, file: Path) -> None:
        self.document = document
        self.map = source_map
        self.file = file
        self.found: list[Diagnostic] = []

    def add(self, code: str, location: Location, message: str, hint: str = "") -> None:
        position = self.map.locate(location)
        self.found.append(
            diagnostic(code, self.file, position.line, position.column, message, hint)
        )

    def run(self) -> list[Diagnostic]:
        self.unique_ids()
        self.references()
        graph = Graph.of(self.document)
        self.graph(graph)
        self.gate(graph)
        self.content()
        check_languages(self.document, self.add, "document", self.document.translations)
        self.rules(graph)
        return self.found

    def rules(self, graph: Graph) -> None:
        doc = self.document
        check_rule_references(doc, self.add)
        reachable = set(graph.reachable_questions)
        for pi, point in enumerate(doc.decision_points):
            if doc.start in graph.next_questions and point.id not in reachable:
                self.add("W401", ("decision_points", pi),
                         f"decision point '{point.id}' cannot be reached from the start",
                         "route an answer to it with 'next', or remove it")
        # The proofs walk the graph: they need sound references and no loops.
        if not has_errors(self.found) and not graph.cycles():
            prove_rules(doc, self.add)

    def unique_ids(self) -> None:
        doc = self.document
        self._unique("question", [("questions", i) for i in range(len(doc.questions))],
                     [q.id for q in doc.questions])
        self._unique("outcome", [("outcomes", i) for i in range(len(doc.outcomes))],
                     [o.id for o in doc.outcomes])
        self._unique("source", [("sources", i) for i in range(len(doc.sources))],
                     [s.id for s in doc.sources])
        self._unique("definition", [("definitions", i) for i in range(len(doc.definitions))],
                     [d.id for d in doc.definitions])
        for kind, prompts in (("child_voice", doc.child_voice), ("strengths", doc.strengths)):
            self._unique(f"{kind} prompt", [(kind, i) for i in range(len(prompts))],
                         [p.id for p in prompts])
        for qi, question in enumerate(doc.questions):
            self._unique(
                f"answer of question '{question.id}'",
                [("questions", qi, "answers", ai) for ai in range(len(question.answers))],
                [a.id for a in question.answers],
            )

    def _unique(self, kind: str, locations: list[Location], ids: list[str]) -> None:
        first: dict[str, Location] = {}
        for location, item_id in zip(locations, ids, strict=True):
            if item_id in first:
                earlier = self.map.locate(first[item_id])
                self.add(
                    "E301", (*location, "id"),
                    f"duplicate {kind} id '{item_id}' (first used on line {earlier.line})",
                    "give each one its own id",
                )
            else:
                first[item_id] = location

    def _ref(
        self, code: str, kind: str, location: Location, ref: str, known: Collection[str]
    ) -> None:
        if ref not in known:
            hint = did_you_mean(ref, known) or f"add a {kind} with id '{ref}', or fix the id"
            self.add(code, location, f"there is no {kind} with id '{ref}'", hint)

    def references(self) -> None:
        doc = self.document
        # Dicts keep document order for 'did you mean' and make lookups O(1).
        questions = dict.fromkeys([*(q.id for q in doc.questions),
                                   *(p.id for p in doc.decision_points)])
        outcomes = dict.fromkeys(o.id for o in doc.outcomes)
        sources = dict.fromkeys(s.id for s in doc.sources)
        definitions = dict.fromkeys(d.id for d in doc.definitions)
        self._ref("E302", "question", ("start",), doc.start, questions)
        for i, source_id in enumerate(doc.legal_test.sources):
            self._ref("E304", "source", ("legal_test", "sources", i), source_id, sources)
        for di, item in enumerate(doc.definitions):
            for i, source_id in enumerate(item.sources):
                self._ref("E304", "source", ("definitions", di, "sources", i), source_id, sources)
        for qi, question in enumerate(doc.questions):
            base: Location = ("questions", qi)
            for i, source_id in enumerate(question.sources):
                self._ref("E304", "source", (*base, "sources", i), source_id, sources)
            for i, definition_id in enumerate(question.definitions):
                self._ref("E305", "definition", (*base, "definitions", i), definition_id,
                          definitions)
            answer_ids = [a.id for a in question.answers]
            for ai, answer in enumerate(question.answers):
                where: Location = (*base, "answers", ai)
                if answer.next is not None:
                    self._ref("E302", "question", (*where, "next"), answer.next, questions)
                if answer.outcome is not None:
                    self._ref("E303", "outcome", (*where, "outcome"), answer.outcome, outcomes)
                if question.type is QuestionType.MULTIPLE and answer.routes:
                    self.add(
                        "E203", where,
                        f"answer '{answer.id}' of multiple-choice question '{question.id}' "
                        "has its own route",
                        "in a multiple-choice question, route with the question's 'routes' "
                        "list and remove 'next'/'outcome' from its answers",
                    )
            for ri, route in enumerate(question.routes):
                where = (*base, "routes", ri)
                if route.next is not None:
                    self._ref("E302", "question", (*where, "next"), route.next, questions)
                if route.outcome is not None:
                    self._ref("E303", "outcome", (*where, "outcome"), route.outcome, outcomes)
                for field in ("if_any", "if_all"):
                    for i, name in enumerate(getattr(route, field)):
                        if name not in answer_ids:
                            self.add(
                                "E306", (*where, field, i),
                                f"route condition names '{name}', which is not an answer of "
                                f"question '{question.id}'",
                                did_you_mean(name, answer_ids)
                                or "answers: " + ", ".join(answer_ids),
                            )

    def graph(self, graph: Graph) -> None:
        doc = self.document
        index = {q.id: i for i, q in enumerate(doc.questions)}
        for loop in graph.cycles():
            names = " -> ".join(loop)
            self.add(
                "E401", ("questions", index[loop[0]]),
                f"questions form a loop: {names}",
                "a walk must always move forward; route one of these answers to a later "
                "question or an outcome",
            )
        for qi, question in enumerate(doc.questions):
            if question.type is QuestionType.SINGLE:
                if not any(answer.routes for answer in question.answers):
                    self.add("E402", ("questions", qi),
                             f"question '{question.id}' has no answer that leads anywhere",
                             "give each answer a 'next' question or an 'outcome'")
                else:
                    for ai, answer in enumerate(question.answers):
                        if not answer.routes:
                            self.add(
                                "E402", ("questions", qi, "answers", ai),
                                f"answer '{answer.id}' of question '{question.id}' leads "
                                "nowhere",
                                "add 'next: <question id>' or 'outcome: <outcome id>'",
                            )
                continue
            if not question.routes or not question.routes[-1].unconditional:
                self.add(
                    "E402", ("questions", qi, "routes") if question.routes else ("questions", qi),
                    f"multiple-choice question '{question.id}' has no route for when no "
                    "condition holds",
                    "end its 'routes' with a route that has no conditions (the 'otherwise')",
                )
            for ri, witness in enumerate(route_witnesses(question)):
                if witness is None:
                    self.add(
                        "W403", ("questions", qi, "routes", ri),
                        f"route {ri + 1} of question '{question.id}' can never be taken: "
                        "earlier routes always match first",
                        "reorder the routes, most specific first",
                    )
        if doc.start not in index:
            return
        reachable = set(graph.reachable_questions)
        for qi, question in enumerate(doc.questions):
            if question.id not in reachable:
                self.add(
                    "W401", ("questions", qi),
                    f"question '{question.id}' cannot be reached from the start question",
                    "route an answer to it with 'next', or remove it",
                )
        for oi, outcome in enumerate(doc.outcomes):
            if outcome.id not in graph.reachable_outcomes:
                self.add(
                    "W402", ("outcomes", oi),
                    f"outcome '{outcome.id}' cannot be reached from the start question",
                    "route an answer to it with 'outcome', or remove it",
                )

    def gate(self, graph: Graph) -> None:
        doc = self.document
        if doc.decision is not Decision.DUTY_TO_REPORT:
            return
        start = next((q for q in doc.questions if q.id == doc.start), None)
        if start is None:
            return
        emergency = {o.id for o in doc.outcomes if o.emergency}
        if start.gate is not Gate.IMMEDIATE_DANGER or not emergency.intersection(
            graph.next_outcomes.get(start.id, ())
        ):
            self.add(
                "E403", ("start",),
                "a duty-to-report document must start with the immediate-danger gate",
                "make the start question ask whether the child is in immediate danger, mark "
                "it 'gate: immediate-danger', and route its 'yes' answer straight to an "
                "outcome with 'emergency: true' (call the police on 999)",
            )

    def content(self) -> None:
        doc = self.document
        if doc.version not in {entry.version for entry in doc.changelog}:
            self.add(
                "E501", ("changelog",),
                f"the changelog has no entry for version {doc.version}",
                f"add an entry with 'version: \"{doc.version}\"', the date and what changed",
            )
        if not any(outcome.emergency for outcome in doc.outcomes):
            self.add(
                "W501", ("outcomes",),
                "no outcome is marked 'emergency: true'",
                "every threshold document should say what to do when a child is in "
                "immediate danger",
            )
        if doc.decision is not Decision.DUTY_TO_REPORT:
            return
        for oi, outcome in enumerate(doc.outcomes):
            if outcome.test_met:
                continue
            for name in ("title", "do_now", "rationale", "contact", "timescale"):
                text = getattr(outcome, name)
                values = text.values() if isinstance(text, dict) else [render(text)]
                said = next(filter(None, map(tells_not_to_report, values)), None)
                if said is not None:
                    self.add(
                        "E502", ("outcomes", oi, name),
                        f"outcome '{outcome.id}' tells the reader not to report "
                        f"(\"{said}\")",
                        "reporting is never a personal choice to decline: say what to do "
                        "instead (record, monitor, seek advice) and that anyone unsure "
                        "should ask for advice rather than wait",
                    )


def check_document(
    document: ThresholdDocument, source_map: SourceMap, file: Path
) -> list[Diagnostic]:
    """Every cross-reference, graph and content problem of one valid-shaped document."""
    found = _Checker(document, source_map, file).run()
    return found + check_deadlines(document, source_map, file)
