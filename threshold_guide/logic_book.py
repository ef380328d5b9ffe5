"""The "logic book": a whole threshold document as readable Markdown.

So a partner can see the threshold without walking it: what it is for, the legal test,
every question with its answers and where each leads, the decision rules (decision points,
suggestions on judgement questions and minimum responses, each as a table whose conditions
are said in words), the outcomes, the definitions and the sources. Pure: the same document
and language give the same text.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.i18n.unchecked import notice_markdown, unchecked_notice
from threshold_guide.models.document import (
    Question,
    QuestionType,
    Route,
    Target,
    ThresholdDocument,
)
from threshold_guide.models.rules import Condition, DecisionPoint, HitPolicy
from threshold_guide.models.text import render
from threshold_guide.summary.build import DECISION_NAMES
from threshold_guide.summary.markdown import status_word
from threshold_guide.summary.rule_words import condition_words

HIT_POLICIES: dict[HitPolicy, str] = {
    HitPolicy.UNIQUE: N_("The rules do not overlap: at most one holds on any route. They are "
    "read in order and the first that holds is taken; if none holds, the last row "
    "(otherwise) is taken."),
    HitPolicy.FIRST: N_("The rules may overlap: they are read in order and the first that holds "
    "is taken, so the order matters; if none holds, the last row (otherwise) is taken."),
}


def cell(text: str) -> str:
    """Text safe in one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _conditions(route: Route, question: Question, lang: str) -> str:
    tr = translator(lang)

    def labels(ids: list[str]) -> str:
        return ", ".join(
            f"“{render(a.label, lang)}”" for a in question.answers if a.id in ids
        )

    parts: list[str] = []
    if route.if_any:
        parts.append(tr.gettext("any of {items} is ticked").format(items=labels(route.if_any)))
    if route.if_all:
        parts.append(tr.gettext("all of {items} are ticked").format(items=labels(route.if_all)))
    if route.min_selected is not None:
        parts.append(tr.ngettext("at least {count} item is ticked",
                                 "at least {count} items are ticked", route.min_selected))
    if not parts:
        return tr.gettext("Otherwise")
    said = parts[0]
    for part in parts[1:]:
        said = tr.gettext("{items} and {last}").format(items=said, last=part)
    return tr.gettext("If {condition}").format(condition=said)


class _Book:
    def __init__(self, document: ThresholdDocument, lang: str) -> None:
        self.doc = document
        self.lang = lang
        self.tr = translator(lang)
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
            return self.tr.gettext("**outcome:** {title}").format(
                title=self.t(self.doc.outcome(outcome_id).title))
        assert next_id is not None
        if self.doc.is_decision_point(next_id):
            point = self.doc.decision_point(next_id)
            return self.tr.gettext("decision point D{number} ({title})").format(
                number=self.point_number[point.id], title=self.t(point.title))
        question = self.doc.question(next_id)
        return self.tr.gettext("question Q{number} ({prompt})").format(
            number=self.number[question.id], prompt=self.t(question.prompt))

    def cite(self, source_ids: list[str]) -> str:
        found = []
        for source_id in source_ids:
            source = self.doc.source(source_id)
            if source is not None:
                section = self.t(source.section)
                found.append(self.t(source.title) + (f", {section}" if section else ""))
        return "; ".join(found)

    def question(self, question: Question) -> list[str]:
        _ = self.tr.gettext
        n = self.number[question.id]
        kind = (_("tick any that apply") if question.type is QuestionType.MULTIPLE
                else _("choose one"))
        out = [f"### Q{n}. {self.t(question.prompt)}", "", f"*`{question.id}` — {kind}*", ""]
        if question.help:
            out += [self.t(question.help), ""]
        if question.why:
            out += [_("**Why it is asked:** {why}").format(why=self.t(question.why)), ""]
        if question.sources:
            out += [_("**Sources:** {list}").format(list=self.cite(question.sources)), ""]
        if question.definitions:
            terms = [
                self.t(d.term) for d in (self.doc.definition(i) for i in question.definitions)
                if d is not None
            ]
            out += [_("**Definitions:** {list}").format(list=", ".join(terms)), ""]
        if question.note is not None:
            note = (_("**Note (required):** {prompt} (evidence: {kinds})")
                    if question.note.required
                    else _("**Note (optional):** {prompt} (evidence: {kinds})"))
            kinds = ", ".join(f"`{kind.value}`" for kind in question.note.evidence)
            out += [note.format(prompt=self.t(question.note.prompt), kinds=kinds), ""]
        # Each answer's id beside its label: what an answers file or a scenario names.
        out += [_("**Answers** (id in an answers file):"), ""]
        for answer in question.answers:
            line = f"- {self.t(answer.label)} `{answer.id}`"
            if answer.routes:
                line += f" → {self.target(answer)}"
            out.append(line)
            out.append("  - " + _("*Rationale:* {text}").format(text=self.t(answer.rationale)))
        out.append("")
        if question.suggest is not None:
            out += self.suggestion(question)
        if question.routes:
            out += [_("**Where the ticked items lead (first rule that holds):**"), ""]
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
        _ = self.tr.gettext
        out = [
            _("**Judgement question.** The guidance suggests an answer from the earlier answers "
              "(the first rule that holds) and asks whether you agree. Choosing another answer "
              "is a departure from the guidance and needs a recorded reason."),
            "",
            _("| # | when | suggests | because |"),
            "|---|---|---|---|",
        ]
        for number, pick in enumerate(suggest.rules, start=1):
            out.append(f"| {number} | {self.when(pick.when)} | "
                       f"{cell(self.answer_label(question, pick.answer))} | "
                       f"{cell(self.t(pick.rationale))} |")
        if suggest.otherwise is not None:
            out.append(_("| otherwise | none of the above |") + " "
                       f"{cell(self.answer_label(question, suggest.otherwise.answer))} | "
                       f"{cell(self.t(suggest.otherwise.rationale))} |")
        return [*out, ""]

    def decision_point(self, point: DecisionPoint) -> list[str]:
        _ = self.tr.gettext
        n = self.point_number[point.id]
        out = [
            f"### D{n}. {self.t(point.title)}",
            "",
            _("*`{id}` — decision point: nothing is asked here. Hit policy: {policy}.* "
              "{explained}").format(id=point.id, policy=point.hit_policy.value,
                                    explained=_(HIT_POLICIES[point.hit_policy])),
            "",
            _("| # | when | leads to | because |"),
            "|---|---|---|---|",
        ]
        for number, rule in enumerate(point.rules, start=1):
            out.append(f"| {number} | {self.when(rule.when)} | "
                       f"{cell(self.leads_to(rule.next, rule.outcome))} | "
                       f"{cell(self.t(rule.rationale))} |")
        if point.otherwise is not None:
            fallback = point.otherwise
            out.append(_("| otherwise | none of the above |") + " "
                       f"{cell(self.leads_to(fallback.next, fallback.outcome))} | "
                       f"{cell(self.t(fallback.rationale))} |")
        return [*out, ""]

    def floors(self) -> list[str]:
        _ = self.tr.gettext
        out = [
            _("## Minimum responses ({count})").format(count=len(self.doc.floors)),
            "",
            _("When a floor's condition holds, no outcome below its minimum is reached unless "
              "the practitioner departs from the guidance's suggestion with a recorded reason. "
              "The validator proves this over every route."),
            "",
            _("| floor | when | minimum | why |"),
            "|---|---|---|---|",
        ]
        for floor in self.doc.floors:
            minimum = next((o for o in self.doc.outcomes if o.id == floor.minimum), None)
            lowest = self.t(minimum.title) if minimum is not None else floor.minimum
            out.append(f"| {cell(self.t(floor.title))} | {self.when(floor.when)} | "
                       + _("{minimum} (or higher)").format(minimum=cell(lowest))
                       + f" | {cell(self.t(floor.rationale))} |")
        return [*out, ""]

    def render(self) -> str:
        _ = self.tr.gettext
        d = self.doc
        out = [
            f"# {self.t(d.title)}",
            "",
            *notice_markdown(unchecked_notice(d, self.lang)),
            _("`{id}` version {version} ({status}), in effect from {date}. Publisher: "
              "{publisher}. Jurisdiction: {jurisdiction}.").format(
                id=d.id, version=d.version, status=status_word(d.status.value, self.tr),
                date=d.effective_from.isoformat(), publisher=self.t(d.publisher),
                jurisdiction=self.t(d.jurisdiction)),
            "",
            _("**Decision supported:** {name}").format(name=_(DECISION_NAMES[d.decision])),
            "",
            self.t(d.about),
            "",
            _("## The legal test"),
            "",
            self.t(d.legal_test.text),
            "",
            _("**Who decides:** {who}").format(who=self.t(d.legal_test.who_decides)),
            "",
            _("**Sources:** {list}").format(list=self.cite(d.legal_test.sources)),
            "",
            _("## Questions ({count})").format(count=len(d.questions)),
            "",
            _("The walk starts at Q1. Each answer leads to another question, a decision point "
              "(D1, D2, ...) or to an outcome.") if d.decision_points else
            _("The walk starts at Q1. Each answer leads to another question or to an outcome."),
            "",
        ]
        for question in self._ordered():
            out += self.question(question)
        if d.decision_points:
            out += [
                _("## Decision points ({count})").format(count=len(d.decision_points)),
                "",
                _("A decision point asks nothing: its rules read the answers already given and "
                  "lead to a question or an outcome."),
                "",
            ]
            for point in d.decision_points:
                out += self.decision_point(point)
        if d.floors:
            out += self.floors()
        out += [_("## Outcomes ({count})").format(count=len(d.outcomes)), ""]
        for outcome in sorted(d.outcomes, key=lambda o: -o.level):
            met = _("test met") if outcome.test_met else _("test not met")
            urgent = "; **" + _("emergency") + "**" if outcome.emergency else ""
            out += [
                f"### {self.t(outcome.title)}",
                "",
                _("*`{id}` — level {level}; {met}{emergency}*").format(
                    id=outcome.id, level=outcome.level, met=met, emergency=urgent),
                "",
                self.t(outcome.rationale),
                "",
                _("**What to do now:** {text}").format(text=self.t(outcome.do_now)),
                "",
                _("**By when:** {text}").format(text=self.t(outcome.timescale)),
                "",
                _("**Who to contact:** {text}").format(text=self.t(outcome.contact)),
                "",
            ]
        if d.child_voice or d.strengths:
            out += [_("## The child's voice and strengths"), ""]
            for section, prompts in (("child_voice", d.child_voice), ("strengths", d.strengths)):
                if prompts:
                    out += [_("*In an answers file, under `{section}:`*").format(
                        section=section), ""]
                    out += [f"- {self.t(p.prompt)} `{p.id}`" for p in prompts]
                    out.append("")
        if d.definitions:
            out += [_("## Definitions"), ""]
            for definition in d.definitions:
                out += [f"### {self.t(definition.term)}", "", self.t(definition.text), ""]
                if definition.sources:
                    out += [_("*Sources: {list}*").format(list=self.cite(definition.sources)),
                            ""]
        if d.sources:
            out += [_("## Sources"), ""]
            for source in d.sources:
                section = self.t(source.section)
                line = f"- **{self.t(source.title)}**" + (f", {section}" if section else "")
                if source.url:
                    line += f" <{source.url}>"
                out.append(line)
                if source.note:
                    out.append(f"  {self.t(source.note)}".replace("\n", " "))
            out.append("")
        out += [_("## Changelog"), ""]
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
    _ = book.tr.gettext
    out = [book.t(question.why) or _("The guidance gives no reason for this question."), ""]
    if question.sources:
        out += [_("**Sources**"), ""]
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
        out += [_("*The guidance cites no sources for this question.*"), ""]
    return "\n".join(out).rstrip() + "\n"


def definitions_markdown(
    document: ThresholdDocument, question: Question, language: str = "en"
) -> str:
    """The definitions a question relies on, with their sources (no heading)."""
    book = _Book(document, language)
    out: list[str] = []
    found = [d for d in (document.definition(i) for i in question.definitions) if d is not None]
    if not found:
        out += [book.tr.gettext("This question relies on no defined terms. The logic book (F5) "
                                "lists every definition in the guidance."), ""]
    for definition in found:
        out += [f"**{book.t(definition.term)}**", "", book.t(definition.text), ""]
        if definition.sources:
            out += [book.tr.gettext("*Sources: {list}*").format(
                list=book.cite(definition.sources)), ""]
    return "\n".join(out).rstrip() + "\n"
