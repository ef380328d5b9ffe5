"""Render an explanation as Markdown.

Guidance text is Markdown by design and is included as written; text a practitioner typed
(the reference, role, agency, notes, an override reason) is escaped so it reads literally
and can never add headings, links or HTML.
"""

from __future__ import annotations

from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.models.summary import Citation
from threshold_guide.models.timestamps import format_time
from threshold_guide.summary.follow_through_markdown import follow_through_markdown
from threshold_guide.summary.markdown_escape import escape

_PROFESSIONAL = {
    "title": "Explaining a safeguarding decision",
    "test": "Which test this answers",
    "plain": "The test in plain words",
    "decisive": "The decisive facts",
    "change": "What would change the decision",
    "next": "What happens next",
    "asks": "What we ask of you",
    "watch": "What to watch for",
    "withheld": "What this explanation leaves out",
    "guidance": "Guidance version",
}
_FAMILY = {
    **_PROFESSIONAL,
    "title": "About a decision on your child's safety",
    "test": "What question was being answered",
    "decisive": "Why: in general terms",
    "change": "What could change it",
    "asks": "What you can do",
    "withheld": "What this letter leaves out",
    "guidance": "The guidance used",
}


def literal(text: str) -> str:
    """User-typed text made inert in Markdown, so it reads exactly as typed.

    :func:`~threshold_guide.summary.markdown.escape` does it all (an entity such as
    ``&lt;`` stays as typed, an indented line keeps its indent without turning into a code
    block); kept as the explanation's one name for it.
    """
    return escape(text)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in literal(text.strip()).split("\n"))


def _cite(citation: Citation) -> str:
    text = citation.title + (f", {citation.section}" if citation.section else "")
    return f"{text} <{citation.url}>" if citation.url else text


def _cell(text: str) -> str:
    # A pipe would end the table cell early; a newline would end the table.
    return " ".join(text.split()).replace("|", "\\|")


def _bullets(items: list[str]) -> list[str]:
    return [*(f"- {item}" for item in items), ""]


def _header(e: Explanation, words: dict[str, str]) -> list[str]:
    by = literal(e.role) or "role not given"
    facts = [
        f"**For:** {e.audience_name}",
        f"**Case reference:** {literal(e.reference) or 'not given'}",
        f"**Decision made by:** {by} ({literal(e.agency) or 'agency not given'})",
        f"**Guidance:** {e.guidance.title}, `{e.guidance.id}` version {e.guidance.version}",
        f"**Produced:** {format_time(e.generated_at)} "
        f"by threshold-guide {e.tool_version}",
    ]
    if e.confirmed_unsafe_share is not None:
        facts.append(f"**Shared after a safety check, for this reason:** "
                     f"{literal(e.confirmed_unsafe_share)}")
    out = [f"# {words['title']}", "", "  \n".join(facts), ""]
    out += [f"> **Immediate danger:** {e.advice[0]}", ""]
    for warning in e.warnings:
        out += [f"> **Warning:** {warning}", ""]
    return out


def _decision(e: Explanation) -> list[str]:
    out = ["## What was decided", "", e.decided, ""]
    if e.outcome is not None:
        met = "test met" if e.outcome.test_met else "test not met"
        out += [f"**Outcome the guidance reached:** {e.outcome.title} "
                f"(level {e.outcome.level}; {met})", "", e.outcome.rationale.strip(), ""]
    o = e.override
    if o is None or e.outcome is None:
        return out
    heading = ("## ⚠ OVERRIDE TO A LOWER LEVEL than the guidance reached" if o.lower
               else "## Professional-judgement override")
    by = f", by {literal(o.by)}" if o.by else ""
    out += [heading, "",
            f"The guidance reached **{e.outcome.title}** (level {e.outcome.level}). "
            f"Professional judgement chose **{o.outcome.title}** (level {o.outcome.level})"
            f"{by}. The chosen response is the one acted on.", ""]
    out += ["Reason given:", "", _quote(o.reason), ""]
    if o.lower:
        out += ["The override lowers the response below what the guidance indicates.", ""]
    return out


_KIND = {"decision-point": "Decision point", "suggestion": "Suggestion at",
         "floor": "Minimum response"}


def _criteria(e: Explanation) -> list[str]:
    out: list[str] = []
    if e.criteria:
        out += ["## Which of the guidance's criteria decided it", ""]
        for item in e.criteria:
            rule = ("" if item.kind == "floor" else
                    " (otherwise)" if item.rule is None else f" (rule {item.rule})")
            out.append(f"- **{_KIND[item.kind]} “{_cell(item.title)}”**{rule}: "
                       f"{item.because.strip()} → {item.result}")
        out.append("")
    if e.judgement is not None:
        out += ["## Professional judgement", "", e.judgement, ""]
    for d in e.departures:
        heading = ("### ⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggested" if d.lower
                   else "### Departure from the guidance's suggestion")
        line = (f"At “{d.prompt}” the guidance suggested **{d.suggested_label}**, because: "
                f"{d.because.strip()}. The practitioner chose **{d.chosen_label}**.")
        if d.suggested_outcome:
            line += f" Agreeing would have led to “{d.suggested_outcome}”."
        out += [heading, "", line, "", "Reason given:", "", _quote(d.reason), ""]
    return out


def _test(e: Explanation, words: dict[str, str]) -> list[str]:
    t = e.test
    out = [f"## {words['test']}", "", f"**{t.question}**", "", f"Test: {t.name}.", ""]
    out += ["**Who decides:**", "", t.who_decides.strip(), ""]
    out += ["**What this decision is not:**", "", *_bullets(t.not_this)]
    out += [f"## {words['plain']}", "", t.plain, ""]
    out += ["### In the guidance's own words", "", t.text.strip(), ""]
    if t.sources:
        out += ["**Sources:** " + "; ".join(_cite(c) for c in t.sources), ""]
    return out


def _decisive(e: Explanation, words: dict[str, str]) -> list[str]:
    out = [f"## {words['decisive']}", "", e.decisive.summary, ""]
    for number, fact in enumerate(e.decisive.facts, start=1):
        answer = "; ".join(fact.answer_labels) if fact.answer_labels else "none ticked"
        out += [f"### {number}. {fact.prompt}", "", f"**Answer:** {answer}", ""]
        out += _bullets(fact.rationale)
        if fact.note:
            label = fact.evidence_label or "evidence type not given"
            out += [f"**Note** ({label}):", "", _quote(fact.note), ""]
        out += ["**If this answer were different:**", ""]
        out += _bullets([other.change for other in fact.otherwise])
    out += [f"## {words['change']}", "", e.what_would_change.summary, ""]
    if e.what_would_change.changes:
        out += _bullets([change.change for change in e.what_would_change.changes])
    return out


def render_explanation_markdown(explanation: Explanation) -> str:
    """The explanation as Markdown; the same explanation gives the same bytes."""
    e = explanation
    family = e.audience is Audience.FAMILY
    words = _FAMILY if family else _PROFESSIONAL
    out = _header(e, words) + _decision(e) + _criteria(e) + _test(e, words)
    out += _decisive(e, words)
    out += [f"## {words['next']}", "", *_bullets(e.next_steps)]
    for line in e.advice[1:-1]:
        out += [f"**{line}**", ""]
    out += [f"## {words['asks']}", "", *_bullets(e.asks)]
    if e.watch_for:
        out += [f"### {words['watch']}", "", *_bullets(e.watch_for)]
    if e.challenge:
        out += ["## How to challenge a decision", "", *_bullets(e.challenge)]
    out += follow_through_markdown(e.follow_through)
    if e.withheld:
        out += [f"## {words['withheld']}", "", *_bullets(e.withheld)]
    g = e.guidance
    out += [
        f"## {words['guidance']}",
        "",
        "| | |",
        "|---|---|",
        f"| Document | {_cell(g.title)} (`{g.id}`) |",
        f"| Version | {g.version} ({g.status.value}) |",
        f"| Effective from | {g.effective_from.isoformat()} |",
        f"| Publisher | {_cell(g.publisher)} |",
        f"| Content sha256 | `{g.sha256}` |",
        "",
        f"_{e.advice[-1]}_",
        "",
    ]
    return "\n".join(out)
