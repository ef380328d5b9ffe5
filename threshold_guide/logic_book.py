"""The "logic book": a whole threshold document as readable Markdown.

So a partner can see the threshold without walking it: what it is for, the legal test,
every question with its answers and where each leads, the outcomes, the definitions and the
sources. Pure: the same document and language give the same text.
"""

from __future__ import annotations

from threshold_guide.models.document import (
    Question,
    QuestionType,
    Route,
    Target,
    ThresholdDocument,
)
from threshold_guide.models.text import render
from threshold_guide.plural import counted
from threshold_guide.summary.build import DECISION_NAMES


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

    def t(self, value: str | dict[str, str] | None) -> str:
        return render(value, self.lang).strip()

    def _ordered(self) -> list[Question]:
        # Start question first, then document order: the order a reader meets them.
        start = self.doc.question(self.doc.start)
        return [start, *(q for q in self.doc.questions if q.id != start.id)]

    def target(self, target: Target) -> str:
        if target.outcome is not None:
            return f"**outcome:** {self.t(self.doc.outcome(target.outcome).title)}"
        question = self.doc.question(target.ref)
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
        if question.routes:
            out += ["**Where the ticked items lead (first rule that holds):**", ""]
            for number, route in enumerate(question.routes, start=1):
                out.append(
                    f"{number}. {_conditions(route, question, self.lang)} → {self.target(route)}"
                )
            out.append("")
        return out

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
            "The walk starts at Q1. Each answer leads to another question or to an outcome.",
            "",
        ]
        for question in self._ordered():
            out += self.question(question)
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
