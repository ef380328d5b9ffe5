"""Render a summary as Markdown.

Guidance text is Markdown by design and is included as written. Text a practitioner typed
(notes, the child's words, strengths, the reference, an override reason) is escaped so it
reads literally and can never add headings, links or HTML to the summary.
"""

from __future__ import annotations

from threshold_guide.models.summary import Citation, Summary
from threshold_guide.models.timestamps import format_time
from threshold_guide.summary.markdown_escape import escape


def _quote(text: str) -> str:
    text = text.strip()
    return "\n".join(f"> {line}" if line else ">" for line in escape(text).split("\n"))


def _cite(citation: Citation) -> str:
    text = citation.title + (f", {citation.section}" if citation.section else "")
    return f"{text} <{citation.url}>" if citation.url else text


def _departures(s: Summary) -> list[str]:
    out: list[str] = []
    for j in s.judgements:
        if not j.departed:
            continue
        out += [
            "## ⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggests" if j.lower
            else "## Professional-judgement departure from the guidance's suggestion",
            "",
            f"For “{j.prompt}” the answers given pointed to **{j.suggested_label}** "
            f"(suggested because: {j.because}). Professional judgement chose "
            f"**{j.chosen_label}**."
            + (f" Agreeing would have led to **{j.suggested_outcome.title}** (level "
               f"{j.suggested_outcome.level})." if j.suggested_outcome else ""),
            "",
            "Reason given:",
            "",
            _quote(j.reason or "no reason recorded"),
            "",
        ]
        if j.lower:
            out += [
                "The departure lowers the response below what the guidance suggests. Check "
                "it with your designated safeguarding person or line manager.",
                "",
            ]
    return out


def _rules(s: Summary) -> list[str]:
    if not (s.decisions or s.judgements or s.floors):
        return []
    out = ["## How the guidance applied its rules", ""]
    for d in s.decisions:
        which = f"rule {d.rule}" if d.rule is not None else "no rule held: the fallback"
        out += [f"- **{d.title}:** {d.rationale} ({which})"]
    for j in s.judgements:
        verdict = "departed" if j.departed else "agreed"
        out += [
            f"- **{j.prompt}** Suggested: {j.suggested_label}, because {j.because}. "
            f"Chosen: {j.chosen_label} ({verdict})."
        ]
    if s.floors:
        out += ["", "**Minimum responses that apply:**", ""]
        for f in s.floors:
            state = "met" if f.met else "NOT MET: below the minimum, through a recorded departure"
            out += [f"- {f.title}: at least “{f.minimum_title}” ({state}). {f.rationale}"]
    out += [""]
    return out


def render_markdown(summary: Summary) -> str:
    s = summary
    out: list[str] = ["# Referral rationale summary", ""]
    facts = [
        f"**Case reference:** {escape(s.reference) or 'not given'}",
        f"**Completed by:** {escape(s.role) or 'role not given'}"
        f" ({escape(s.agency) or 'agency not given'})",
        f"**Guidance:** {s.guidance.title}, `{s.guidance.id}` version {s.guidance.version}",
        f"**Produced:** {format_time(s.generated_at)} "
        f"by threshold-guide {s.tool_version}",
    ]
    if s.scenario:
        facts.append(f"**Training scenario:** `{s.scenario}`")
    out += ["  \n".join(facts), ""]
    out += [f"> **Immediate danger:** {s.advice[0]}", ""]

    out += ["## Decision", ""]
    met = "the test is met" if s.outcome.test_met else "the test is not met"
    out += [f"**Test answered:** {s.test.name}", ""]
    out += [f"**Outcome:** {s.outcome.title} (level {s.outcome.level}; {met})", ""]
    out += [s.outcome.rationale.strip(), ""]
    if s.override is not None:
        o = s.override
        heading = (
            "## ⚠ OVERRIDE TO A LOWER LEVEL than the guidance reached"
            if o.lower
            else "## Professional-judgement override"
        )
        out += [heading, ""]
        out += [
            f"The guidance reached **{s.outcome.title}** (level {s.outcome.level}). "
            f"Professional judgement chose **{o.outcome.title}** (level {o.outcome.level})"
            + (f", by {escape(o.by)}" if o.by else "")
            + (f" at {format_time(o.at)}" if o.at else "")
            + ".",
            "",
            "Reason given:",
            "",
            _quote(o.reason),
            "",
        ]
        if o.lower:
            out += [
                "The override lowers the response below what the guidance indicates. "
                "Check it with your designated safeguarding person or line manager.",
                "",
            ]
    out += _departures(s)
    acting = s.override.outcome if s.override else s.outcome
    out += ["## What to do now", "", acting.do_now.strip(), ""]
    out += ["**By when:**", "", acting.timescale.strip(), ""]
    out += ["**Who to contact:**", "", acting.contact.strip(), ""]
    for line in s.advice[1:-1]:
        out += [f"**{line}**", ""]
    # Imported here: that module builds on this one's escaping.
    from threshold_guide.summary.follow_through_markdown import follow_through_markdown

    out += follow_through_markdown(s.follow_through)

    out += ["## The legal test", "", s.test.text.strip(), ""]
    out += ["**Who decides:**", "", s.test.who_decides.strip(), ""]
    if s.test.sources:
        out += ["**Sources:** " + "; ".join(_cite(c) for c in s.test.sources), ""]

    out += _rules(s)
    out += ["## How the decision was reached", ""]
    for number, step in enumerate(s.path, start=1):
        out += [f"### {number}. {step.prompt}", ""]
        answer = "; ".join(step.answer_labels) if step.answer_labels else "none ticked"
        out += [f"**Answer:** {answer}", ""]
        for sentence in step.rationale:
            out += [f"- {sentence}"]
        out += [""]
        if step.note:
            label = step.evidence_label or "evidence type not given"
            out += [f"**Note** ({label}):", "", _quote(step.note), ""]

    out += ["## What we are worried about", ""]
    out += [f"- {w.text}" for w in s.worries] or ["- No worries were recorded on this route."]
    out += ["", "## What is working well", ""]
    out += [f"- {escape(w.text) if w.recorded else w.text}" for w in s.strengths] or [
        "- No strengths were recorded."
    ]
    out += ["", "## The child's voice", ""]
    if s.child_voice:
        for item in s.child_voice:
            out += [f"**{item.prompt}**", "", _quote(item.text), ""]
    else:
        out += ["The child's voice was not recorded. Say why, and what the child's views are "
                "likely to be, when you share this.", ""]

    out += ["## What would change the decision", ""]
    if s.what_would_change:
        out += [f"- {c.change}" for c in s.what_would_change]
    else:
        out += ["- No single change of answer leads to a different outcome."]
    out += [""]

    if s.definitions:
        out += ["## Definitions", ""]
        for d in s.definitions:
            out += [f"### {d.term}", "", d.text.strip(), ""]
    if s.sources:
        out += ["## Sources", ""]
        out += [f"- {_cite(c)}" for c in s.sources]
        out += [""]

    g = s.guidance
    out += [
        "## Guidance version",
        "",
        "| | |",
        "|---|---|",
        f"| Document | `{g.id}` |",
        f"| Version | {g.version} ({g.status.value}) |",
        f"| Effective from | {g.effective_from.isoformat()} |",
        f"| Publisher | {g.publisher} |",
        f"| Jurisdiction | {g.jurisdiction} |",
        f"| Content sha256 | `{g.sha256}` |",
        "",
        f"_{s.advice[-1]}_",
        "",
    ]
    return "\n".join(out)
