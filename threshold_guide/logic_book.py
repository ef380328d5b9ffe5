"""The "logic book": a whole threshold document as readable Markdown.

So a partner can see the threshold without walking it: what it is for, the legal test,
every question with its answers and where each leads, the decision rules (decision points,
suggestions on judgement questions and minimum responses, each as a table whose conditions
are said in words), the outcomes, the definitions and the sources. Pure: the same document
and language give the same text.
"""

from __future__ import annotations

from threshold_guide.models.document import (
    Question,
    QuestionType,
    Route,
    Target,
    ThresholdDocument,
)
from threshold_guide.models.rules import Condition, DecisionPoint, HitPolicy
from threshold_guide.models.text import render
from threshold_guide.plural import counted
from threshold_guide.summary.build import DECISION_NAMES
from threshold_guide.summary.rule_words import condition_words

HIT_POLICIES: dict[HitPolicy, str] = {
    HitPolicy.UNIQUE: "The rules do not overlap: at most one holds on any route. They are "
    "read in order and the first that holds is taken; if none holds, the last row "
    "(otherwise) is taken.",
    HitPolicy.FIRST: "The rules may overlap: they are read in order and the first that holds "
    "is taken, so the order matters; if none holds, the last row (otherwise) is taken.",
}


def cell(text: str) -> str:
    """Text safe in one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _conditions(route: Route, question: Question, lang: str) -> str:
    def labels(ids: list[str]) -> str:
        return ", ".join(
            f"“{render(a.label, lang)}”" for a in question.answers if a.id in ids
        )

    parts: list[str] = []
    if route.if_any:
        parts.append("any of " + labels(route.if_any) + " is ticked")
    if route.if_all:
        parts.append("all of " + labels(route.if_all) + " are ticked")
    if route.min_selected is not None:
        parts.append(f"at least {counted(route.min_selected, 'item is', 'items are')} ticked")
    return "If " + " and ".join(parts) if parts else "Otherwise"


class _Book:
    def __init__(self, document: ThresholdDocument, lang: str) -> None:
        self.doc = document
        self.lang = lang
        self.number = {q.id: n for n, q in enumerate(self._ordered(), start=1)}
        self.point_number = {p.id: n for n, p in enumerate(document.decision_points, start=1)}

    def t(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.lang).strip()

    def _ordered(self) -> list[Question]:
        # Start question first, then document order: the order a reader meets them.
        start = self.doc.question(self.doc.start)
        return [start, *(q for q in self.doc.questions if q.id != start.id)]

    def target(self, target: Target) -> str:
        return self.leads_to(target.next, target.outcome)

    def leads_to(self, next_id: str | None, outcome_id: str | None) -> str:
        if outcome_id is not None:
            return f"**outcome:** {self.t(self.doc.outcome(outcome_id).title)}"
        assert next_id is not None
        if self.doc.is_decision_point(next_id):
            point = self.doc.decision_point(next_id)
            return f"decision point D{self.point_number[point.id]} ({self.t(point.title)})"
        question = self.doc.question(next_id)
        return f"question Q{self.number[question.id]} ({self.t(question.prompt)})"

    def cite(self, source_ids: list[str]) -> str:
        found = []
        for source_id in source_ids:
            source = self.doc.source(source_id)
            if source is not None:
                section = self.t(source.section)
                found.append(self.t(source.title) + (f", {section}" if section else ""))
        return "; ".join(found)

    def question(self, question: Question) -> list[str]:
        n = self.number[question.id]
        kind = "tick any that apply" if question.type is QuestionType.MULTIPLE else "choose one"
        out = [f"### Q{n}. {self.t(question.prompt)}", "", f"*`{question.id}` — {kind}*", ""]
        if question.help:
            out += [self.t(question.help), ""]
        if question.why:
            out += [f"**Why it is asked:** {self.t(question.why)}", ""]
        if question.sources:
            out += [f"**Sources:** {self.cite(question.sources)}", ""]
        if question.definitions:
            terms = [
                self.t(d.term) for d in (self.doc.definition(i) for i in question.definitions)
                if d is not None
            ]
            out += [f"**Definitions:** {', '.join(terms)}", ""]
        if question.note is not None:
            need = "required" if question.note.required else "optional"
            kinds = ", ".join(f"`{kind.value}`" for kind in question.note.evidence)
            out += [f"**Note ({need}):** {self.t(question.note.prompt)} (evidence: {kinds})", ""]
        # Each answer's id beside its label: what an answers file or a scenario names.
        out += ["**Answers** (id in an answers file):", ""]
        for answer in question.answers:
            line = f"- {self.t(answer.label)} `{answer.id}`"
            if answer.routes:
                line += f" → {self.target(answer)}"
            out.append(line)
            out.append(f"  - *Rationale:* {self.t(answer.rationale)}")
        out.append("")
        if question.suggest is not None:
            out += self.suggestion(question)
        if question.routes:
            out += ["**Where the ticked items lead (first rule that holds):**", ""]
            for number, route in enumerate(question.routes, start=1):
                out.append(
                    f"{number}. {_conditions(route, question, self.lang)} → {self.target(route)}"
                )
            out.append("")
        return out

    def when(self, condition: Condition) -> str:
        return cell(condition_words(condition, self.doc, self.lang))

    def answer_label(self, question: Question, answer_id: str) -> str:
        answer = question.answer(answer_id)
        return self.t(answer.label) if answer is not None else answer_id

    def suggestion(self, question: Question) -> list[str]:
        suggest = question.suggest
        assert suggest is not None
        out = [
            "**Judgement question.** The guidance suggests an answer from the earlier answers "
            "(the first rule that holds) and asks whether you agree. Choosing another answer "
            "is a departure from the guidance and needs a recorded reason.",
            "",
            "| # | when | suggests | because |",
            "|---|---|---|---|",
        ]
        for number, pick in enumerate(suggest.rules, start=1):
            out.append(f"| {number} | {self.when(pick.when)} | "
                       f"{cell(self.answer_label(question, pick.answer))} | "
                       f"{cell(self.t(pick.rationale))} |")
        if suggest.otherwise is not None:
            out.append(f"| otherwise | none of the above | "
                       f"{cell(self.answer_label(question, suggest.otherwise.answer))} | "
                       f"{cell(self.t(suggest.otherwise.rationale))} |")
        return [*out, ""]

    def decision_point(self, point: DecisionPoint) -> list[str]:
        n = self.point_number[point.id]
        out = [
            f"### D{n}. {self.t(point.title)}",
            "",
            f"*`{point.id}` — decision point: nothing is asked here. "
            f"Hit policy: {point.hit_policy.value}.* {HIT_POLICIES[point.hit_policy]}",
            "",
            "| # | when | leads to | because |",
            "|---|---|---|---|",
        ]
        for number, rule in enumerate(point.rules, start=1):
            out.append(f"| {number} | {self.when(rule.when)} | "
                       f"{cell(self.leads_to(rule.next, rule.outcome))} | "
                       f"{cell(self.t(rule.rationale))} |")
        if point.otherwise is not None:
            fallback = point.otherwise
            out.append(f"| otherwise | none of the above | "
                       f"{cell(self.leads_to(fallback.next, fallback.outcome))} | "
                       f"{cell(self.t(fallback.rationale))} |")
        return [*out, ""]

    def floors(self) -> list[str]:
        out = [
            f"## Minimum responses ({len(self.doc.floors)})",
            "",
            "When a floor's condition holds, no outcome below its minimum is reached unless "
            "the practitioner departs from the guidance's suggestion with a recorded reason. "
            "The validator proves this over every route.",
            "",
            "| floor | when | minimum | why |",
            "|---|---|---|---|",
        ]
        for floor in self.doc.floors:
            minimum = next((o for o in self.doc.outcomes if o.id == floor.minimum), None)
            lowest = self.t(minimum.title) if minimum is not None else floor.minimum
            out.append(f"| {cell(self.t(floor.title))} | {self.when(floor.when)} | "
                       f"{cell(lowest)} (or higher) | {cell(self.t(floor.rationale))} |")
        return [*out, ""]

    def render(self) -> str:
        d = self.doc
        out = [
            f"# {self.t(d.title)}",
            "",
            f"`{d.id}` version {d.version} ({d.status.value}), in effect from "
            f"{d.effective_from.isoformat()}. Publisher: {self.t(d.publisher)}. "
            f"Jurisdiction: {self.t(d.jurisdiction)}.",
            "",
            f"**Decision supported:** {DECISION_NAMES[d.decision]}",
            "",
            self.t(d.about),
            "",
            "## The legal test",
            "",
            self.t(d.legal_test.text),
            "",
            f"**Who decides:** {self.t(d.legal_test.who_decides)}",
            "",
            f"**Sources:** {self.cite(d.legal_test.sources)}",
            "",
            f"## Questions ({len(d.questions)})",
            "",
            "The walk starts at Q1. Each answer leads to another question"
            + (", a decision point (D1, D2, ...)" if d.decision_points else "")
            + " or to an outcome.",
            "",
        ]
        for question in self._ordered():
            out += self.question(question)
        if d.decision_points:
            out += [
                f"## Decision points ({len(d.decision_points)})",
                "",
                "A decision point asks nothing: its rules read the answers already given and "
                "lead to a question or an outcome.",
                "",
            ]
            for point in d.decision_points:
                out += self.decision_point(point)
        if d.floors:
            out += self.floors()
        out += [f"## Outcomes ({len(d.outcomes)})", ""]
        for outcome in sorted(d.outcomes, key=lambda o: -o.level):
            met = "test met" if outcome.test_met else "test not met"
            urgent = "; **emergency**" if outcome.emergency else ""
            out += [
                f"### {self.t(outcome.title)}",
                "",
                f"*`{outcome.id}` — level {outcome.level}; {met}{urgent}*",
                "",
                self.t(outcome.rationale),
                "",
                f"**What to do now:** {self.t(outcome.do_now)}",
                "",
                f"**By when:** {self.t(outcome.timescale)}",
                "",
                f"**Who to contact:** {self.t(outcome.contact)}",
                "",
            ]
        if d.child_voice or d.strengths:
            out += ["## The child's voice and strengths", ""]
            for section, prompts in (("child_voice", d.child_voice), ("strengths", d.strengths)):
                if prompts:
                    out += [f"*In an answers file, under `{section}:`*", ""]
                    out += [f"- {self.t(p.prompt)} `{p.id}`" for p in prompts]
                    out.append("")
        if d.definitions:
            out += ["## Definitions", ""]
            for definition in d.definitions:
                out += [f"### {self.t(definition.term)}", "", self.t(definition.text), ""]
                if definition.sources:
                    out += [f"*Sources: {self.cite(definition.sources)}*", ""]
        if d.sources:
            out += ["## Sources", ""]
            for source in d.sources:
                section = self.t(source.section)
                line = f"- **{self.t(source.title)}**" + (f", {section}" if section else "")
                if source.url:
                    line += f" <{source.url}>"
                out.append(line)
                if source.note:
                    out.append(f"  {self.t(source.note)}".replace("\n", " "))
            out.append("")
        out += ["## Changelog", ""]
        for entry in d.changelog:
            out += [f"### {entry.version} ({entry.date.isoformat()})", ""]
            out += [f"- {self.t(change)}" for change in entry.changes]
            out.append("")
        return "\n".join(out).rstrip() + "\n"


def render_logic_book(document: ThresholdDocument, language: str = "en") -> str:
    """The whole document as Markdown, in ``language`` where the document provides it."""
    return _Book(document, language).render()


def why_markdown(document: ThresholdDocument, question: Question, language: str = "en") -> str:
    """'Why am I asked this?': the question's reason and the sources it cites (no heading)."""
    book = _Book(document, language)
    out = [book.t(question.why) or "The guidance gives no reason for this question.", ""]
    if question.sources:
        out += ["**Sources**", ""]
        for source_id in question.sources:
            source = document.source(source_id)
            if source is None:
                continue
            section = book.t(source.section)
            lines = [f"**{book.t(source.title)}**" + (f", {section}" if section else "")]
            if source.url:
                lines.append(f"<{source.url}>")
            if source.note:
                lines.append(book.t(source.note).replace("\n", " "))
            # Hard line breaks keep title, address and note apart inside one list item.
            out.append("- " + "  \n  ".join(lines))
        out.append("")
    else:
        out += ["*The guidance cites no sources for this question.*", ""]
    return "\n".join(out).rstrip() + "\n"


def definitions_markdown(
    document: ThresholdDocument, question: Question, language: str = "en"
) -> str:
    """The definitions a question relies on, with their sources (no heading)."""
    book = _Book(document, language)
    out: list[str] = []
    found = [d for d in (document.definition(i) for i in question.definitions) if d is not None]
    if not found:
        out += ["This question relies on no defined terms. The logic book (F5) lists every "
                "definition in the guidance.", ""]
    for definition in found:
        out += [f"**{book.t(definition.term)}**", "", book.t(definition.text), ""]
        if definition.sources:
            out += [f"*Sources: {book.cite(definition.sources)}*", ""]
    return "\n".join(out).rstrip() + "\n"
