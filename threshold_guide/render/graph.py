"""The question tree as a flowchart: Mermaid or Graphviz DOT text.

Questions are numbered as in the logic book (Q1 is the start), so a reader can move between
the two. Shapes carry the meaning, never colour alone: a box is a single-choice question, a
parallelogram a tick-any checklist, a diamond a decision point (numbered D1, D2, ... as in
the logic book; its edges carry each rule's rationale, shortened, and 'otherwise'), a
rounded (stadium or ellipse) node an outcome, and a hexagon (double octagon in DOT) an
emergency outcome; each outcome's label also says its level and whether the test is met. A
judgement question says so in its label, and each answer the guidance can suggest says
when. Floors (minimum responses) are listed as notes: title, then the lowest outcome
allowed. Node names are generated (q1, o1), so no id or text a
guidance author wrote is ever parsed as syntax; every label is escaped for its syntax.
Same document and language give the same text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from threshold_guide.i18n.catalogue import translator
from threshold_guide.i18n.unchecked import unchecked_notice
from threshold_guide.models.document import (
    Outcome,
    Question,
    QuestionType,
    Route,
    Target,
    ThresholdDocument,
)
from threshold_guide.models.rules import DecisionPoint, Floor
from threshold_guide.models.text import render
from threshold_guide.render.unicode import visible_codes
from threshold_guide.summary.rule_words import shorten

# '%' and braces too: Mermaid reads "%%{...}%%" anywhere in the text as a configuration
# directive, which could loosen its security level.
_MERMAID_SPECIAL = frozenset('"#&<>`|\\%{}')
_WRAP = 34


@dataclass(frozen=True)
class Node:
    name: str
    label: str
    kind: str
    """question, checklist, decision, outcome, emergency or floor."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


@dataclass(frozen=True)
class Flowchart:
    title: str
    nodes: list[Node]
    edges: list[Edge]
    floors: list[Node] = field(default_factory=list)
    """Minimum responses, drawn apart as notes."""
    floors_title: str = "Minimum responses (floors)"
    """The heading of the floors' group, in the chart's language."""


def _one_line(text: str) -> str:
    return " ".join(visible_codes(text).split())


def _rule(number: int, route: Route, question: Question, lang: str) -> str:
    tr = translator(lang)

    def labels(ids: list[str]) -> str:
        return ", ".join(render(a.label, lang) for a in question.answers if a.id in ids)

    parts: list[str] = []
    if route.if_any:
        parts.append(tr.gettext("any of: {items}").format(items=labels(route.if_any)))
    if route.if_all:
        parts.append(tr.gettext("all of: {items}").format(items=labels(route.if_all)))
    if route.min_selected is not None:
        parts.append(tr.ngettext("at least {count} ticked", "at least {count} ticked",
                                 route.min_selected))
    return f"({number}) " + ("; ".join(parts) if parts else tr.gettext("otherwise"))


def flowchart(document: ThresholdDocument, language: str = "en") -> Flowchart:
    """The document's questions, outcomes and the ways between them, in a stable order."""
    start = document.question(document.start)
    questions = [start, *(q for q in document.questions if q.id != start.id)]
    outcomes = sorted(document.outcomes, key=lambda o: -o.level)
    names = {q.id: f"q{n}" for n, q in enumerate(questions, start=1)}
    names.update({p.id: f"d{n}" for n, p in enumerate(document.decision_points, start=1)})
    outcome_names = {o.id: f"o{n}" for n, o in enumerate(outcomes, start=1)}

    tr = translator(language)

    def target_name(target: Target) -> str | None:
        if target.outcome is not None:
            return outcome_names.get(target.outcome)
        return names.get(str(target.next))

    nodes = [_question_node(names[q.id], n, q, language)
             for n, q in enumerate(questions, start=1)]
    nodes += [_point_node(names[p.id], n, p, language)
              for n, p in enumerate(document.decision_points, start=1)]
    nodes += [_outcome_node(outcome_names[o.id], o, language) for o in outcomes]
    edges: list[Edge] = []
    for question in questions:
        grouped: dict[str, list[str]] = {}
        if question.type is QuestionType.MULTIPLE:
            for number, route in enumerate(question.routes, start=1):
                name = target_name(route)
                if name is not None:
                    grouped.setdefault(name, []).append(_rule(number, route, question, language))
        else:
            when = _suggested_when(question, language)
            for answer in question.answers:
                name = target_name(answer) if answer.routes else None
                if name is not None:
                    label = render(answer.label, language)
                    if answer.id in when:
                        label += " " + tr.gettext("(suggested{when})").format(
                            when=when[answer.id])
                    grouped.setdefault(name, []).append(label)
        edges += [Edge(names[question.id], name, " / ".join(labels))
                  for name, labels in grouped.items()]
    for point in document.decision_points:
        edges += _point_edges(point, names[point.id], target_name, language)
    floors = [_floor_node(f"f{n}", n, floor, document, language)
              for n, floor in enumerate(document.floors, start=1)]
    title = f"{render(document.title, language)} ({document.id} {document.version})"
    notice = unchecked_notice(document, language)
    if notice is not None:
        nodes.insert(0, Node("notice", _one_line(notice), "notice"))
    return Flowchart(_one_line(title), nodes, edges, floors,
                     tr.gettext("Minimum responses (floors)"))


def _suggested_when(question: Question, lang: str) -> dict[str, str]:
    # Each answer the guidance can suggest, with the (shortened) reasons it would.
    if question.suggest is None:
        return {}
    reasons: dict[str, list[str]] = {}
    for pick in question.suggest.rules:
        reasons.setdefault(pick.answer, []).append(shorten(render(pick.rationale, lang)))
    found = {answer: ": " + " / ".join(why) for answer, why in reasons.items()}
    fallback = question.suggest.otherwise
    if fallback is not None:
        otherwise = translator(lang).gettext("otherwise: {why}").format(
            why=shorten(render(fallback.rationale, lang)))
        found[fallback.answer] = (
            f"{found[fallback.answer]}; {otherwise}" if fallback.answer in found
            else f" {otherwise}")
    return found


def _point_edges(
    point: DecisionPoint, name: str, target_name: Callable[[Target], str | None], lang: str
) -> list[Edge]:
    grouped: dict[str, list[str]] = {}
    for number, rule in enumerate(point.rules, start=1):
        target = target_name(Target(next=rule.next, outcome=rule.outcome))
        if target is not None:
            grouped.setdefault(target, []).append(
                f"({number}) {shorten(render(rule.rationale, lang))}")
    fallback = point.otherwise
    if fallback is not None:
        target = target_name(Target(next=fallback.next, outcome=fallback.outcome))
        if target is not None:
            grouped.setdefault(target, []).append(translator(lang).gettext(
                "otherwise: {why}").format(why=shorten(render(fallback.rationale, lang))))
    return [Edge(name, target, " / ".join(labels)) for target, labels in grouped.items()]


def _point_node(name: str, number: int, point: DecisionPoint, lang: str) -> Node:
    return Node(name, _one_line(f"D{number}. {render(point.title, lang)}"), "decision")


def _floor_node(
    name: str, number: int, floor: Floor, document: ThresholdDocument, lang: str
) -> Node:
    minimum = next((o for o in document.outcomes if o.id == floor.minimum), None)
    lowest = render(minimum.title, lang) if minimum is not None else floor.minimum
    label = translator(lang).gettext("F{number}. {title} → at least {lowest}").format(
        number=number, title=render(floor.title, lang), lowest=lowest)
    return Node(name, _one_line(label), "floor")


def _question_node(name: str, number: int, question: Question, lang: str) -> Node:
    tr = translator(lang)
    multiple = question.type is QuestionType.MULTIPLE
    suffix = " " + tr.gettext("(tick any that apply)") if multiple else ""
    if question.suggest is not None:
        suffix += " " + tr.gettext("(judgement: the guidance suggests an answer)")
    label = _one_line(f"Q{number}. {render(question.prompt, lang)}{suffix}")
    return Node(name, label, "checklist" if multiple else "question")


def _outcome_node(name: str, outcome: Outcome, lang: str) -> Node:
    tr = translator(lang)
    met = tr.gettext("test met") if outcome.test_met else tr.gettext("test not met")
    urgent = "; " + tr.gettext("emergency") if outcome.emergency else ""
    label = _one_line(tr.gettext("{title} [level {level}; {met}{emergency}]").format(
        title=render(outcome.title, lang), level=outcome.level, met=met, emergency=urgent))
    return Node(name, label, "emergency" if outcome.emergency else "outcome")


# Mermaid -------------------------------------------------------------------------------

_MERMAID_SHAPES = {
    "question": ('["', '"]'),
    "checklist": ('[/"', '"/]'),
    "decision": ('{"', '"}'),
    "outcome": ('(["', '"])'),
    "emergency": ('{{"', '"}}'),
    "floor": ('>"', '"]'),
    "notice": ('>"', '"]'),
}


def mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid quoted label: specials as #NN; entity codes, one line."""
    return "".join(f"#{ord(c)};" if c in _MERMAID_SPECIAL else c for c in _one_line(text))


def render_mermaid(chart: Flowchart) -> str:
    out = [f"%% {mermaid_text(chart.title)}", "flowchart TD"]
    for node in chart.nodes:
        left, right = _MERMAID_SHAPES[node.kind]
        out.append(f"    {node.name}{left}{mermaid_text(node.label)}{right}")
    for edge in chart.edges:
        out.append(f'    {edge.source} -->|"{mermaid_text(edge.label)}"| {edge.target}')
    if chart.floors:
        out.append(f'    subgraph floors ["{mermaid_text(chart.floors_title)}"]')
        for node in chart.floors:
            left, right = _MERMAID_SHAPES[node.kind]
            out.append(f"        {node.name}{left}{mermaid_text(node.label)}{right}")
        out.append("    end")
    return "\n".join(out) + "\n"


# Graphviz DOT --------------------------------------------------------------------------

_DOT_SHAPES = {
    "question": "box",
    "checklist": "parallelogram",
    "decision": "diamond",
    "outcome": "ellipse",
    "emergency": "doubleoctagon",
    "floor": "note",
    "notice": "note",
}


def dot_text(text: str, wrap: int | None = _WRAP) -> str:
    """A DOT double-quoted string (quotes included), wrapped with centred line breaks."""
    # Words are never split, so the label reads exactly as written once the breaks are
    # taken as spaces.
    lines = (textwrap.wrap(_one_line(text), wrap, break_long_words=False,
                           break_on_hyphens=False) if wrap else [_one_line(text)])
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines or [""]]
    return '"' + "\\n".join(escaped) + '"'


def render_dot(chart: Flowchart) -> str:
    out = [
        f"digraph {dot_text(chart.title, None)} {{",
        '    graph [rankdir=TB, labelloc=t, fontname="Helvetica", '
        f"label={dot_text(chart.title, None)}];",
        '    node [fontname="Helvetica", fontsize=10];',
        '    edge [fontname="Helvetica", fontsize=9];',
    ]
    for node in chart.nodes:
        out.append(f"    {node.name} [shape={_DOT_SHAPES[node.kind]}, "
                   f"label={dot_text(node.label)}];")
    for edge in chart.edges:
        out.append(f"    {edge.source} -> {edge.target} [label={dot_text(edge.label)}];")
    if chart.floors:
        out.append("    subgraph cluster_floors {")
        out.append(f"        label={dot_text(chart.floors_title, None)};")
        for node in chart.floors:
            out.append(f"        {node.name} [shape={_DOT_SHAPES[node.kind]}, "
                       f"label={dot_text(node.label)}];")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"
