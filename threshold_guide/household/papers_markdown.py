"""Conference papers as Markdown (and, through the inert HTML renderer, print-ready HTML).

Text a practitioner typed (reasons, the child's words, plans) is made literal, so it reads
exactly as typed and can never add headings, links or HTML.
"""

from __future__ import annotations

from threshold_guide.deadlines.working_days import due_text
from threshold_guide.explain.markdown import literal
from threshold_guide.models.papers import (
    AgencyReport,
    ConferencePapers,
    DecisionRecord,
    Invitation,
)
from threshold_guide.render.html import render_html

TITLES = {
    "invitation": "Invitation to a child protection conference",
    "decision-record": "Child protection conference: decision record",
    "agency-report": "Agency report for a child protection conference",
}

NOT_RECORDED = "*Not recorded.*"


def _text(value: str) -> str:
    return literal(value.strip()) if value.strip() else NOT_RECORDED


def _cell(text: str) -> str:
    return " ".join(literal(text).split()).replace("|", "\\|")


def _header(p: ConferencePapers) -> list[str]:
    lines = [f"# {TITLES[p.paper]}", ""]
    if p.reference:
        lines.append(f"**Case reference:** {literal(p.reference)}  ")
    if p.chair:
        lines.append(f"**Chair:** {literal(p.chair)}  ")
    lines += [f"**Guidance:** {literal(p.guidance.title)}, version {p.guidance.version} "
              f"(content {p.guidance.sha256[:12]})  ",
              f"**Produced:** {p.generated_at.strftime('%Y-%m-%dT%H:%M:%SZ')}", ""]
    lines += ["> If a child is in immediate danger, call the police on 999 now.", ""]
    if p.flags:
        lines += ["## Needs attention", ""]
        lines += [f"- ⚠ {literal(flag)}" for flag in p.flags]
        lines.append("")
    return lines


def _invitation(i: Invitation) -> list[str]:
    who = "the family" if i.audience == "family" else "partner agencies"
    lines = [f"*For {who}.*", "", f"## {i.conference}", ""]
    if i.held_at is not None:
        lines += [f"**When:** {due_text(i.held_at)}", ""]
    lines += ["## Why the conference is being held", "", _text(i.reason), "",
              "## What the enquiries found", "", _text(i.s47_conclusion), "",
              "## The children", ""]
    lines += [f"- {literal(c.child)}" + (f", aged {c.age}" if c.age is not None else "")
              for c in i.children]
    lines.append("")
    if i.attending:
        lines += ["## Agencies invited", "", *(f"- {literal(a)}" for a in i.attending), ""]
    lines += ["## What happens at the conference", "", *(f"- {t}" for t in i.what_happens), "",
              "## Before the conference", "", *(f"- {t}" for t in i.asks), ""]
    return lines


def _record(r: DecisionRecord) -> list[str]:
    heading = literal(r.child) + (f" (aged {r.age})" if r.age is not None else "")
    lines = [f"## {heading}", ""]
    if r.flags:
        lines += [f"- ⚠ {literal(flag)}" for flag in r.flags]
        lines.append("")
    if not r.finished:
        return [*lines, "**Decision:** not yet reached.", ""]
    lines += [f"**Decision:** {literal(r.decision_title or '')}", ""]
    if r.registered:
        lines += ["**Categories:** " + (", ".join(r.categories) or "none ticked"), ""]
    lines += [literal(r.rationale or ""), ""]
    agreed = {"consensus": "Consensus: every agency's view matches the decision.",
              "chair-decides": "No consensus: the chair decided. Every view is recorded below.",
              "no-views": "No agency's view is recorded."}[r.agreement]
    lines += ["### Each agency's view", "", agreed, ""]
    if r.views:
        lines += ["| agency | view | categories | reason |", "|---|---|---|---|"]
        for v in r.views:
            view = "Register" if v.view == "register" else "Do not register"
            mark = "" if v.matches_decision else " (differs)"
            lines.append(f"| {_cell(v.agency)} | {view}{mark} | {', '.join(v.categories)} | "
                         f"{_cell(v.reason)} |")
        lines.append("")
    if r.chair_reason.strip():
        lines += [f"**The chair's reason:** {literal(r.chair_reason.strip())}", ""]
    lines += ["### The child's voice", ""]
    if not r.voice.recorded:
        lines += [f"⚠ No voice recorded for {literal(r.child)}. It is never taken from a "
                  "brother or sister.", ""]
    else:
        alone = {True: "Yes", False: "No", None: "Not recorded"}[r.voice.seen_alone]
        lines += [f"- **What they said:** {_text(r.voice.said)}",
                  f"- **How they were seen:** {_text(r.voice.seen_how)}",
                  f"- **Seen alone:** {alone}",
                  f"- **Their wishes and worries:** {_text(r.voice.wishes)}", ""]
    lines += ["### Reasons and evidence", ""]
    for n, reason in enumerate(r.reasons, 1):
        shared = " *(household)*" if reason.shared else ""
        lines.append(f"{n}. {literal(reason.prompt)}{shared} **{literal(reason.answer)}**. "
                     f"{literal(reason.rationale)}")
        if reason.note:
            kind = f" ({reason.evidence})" if reason.evidence else ""
            lines.append(f"   - Evidence{kind}: {literal(reason.note)}")
    lines.append("")
    for j in r.judgements:
        if j.departed:
            lines += [f"**Professional judgement departed from the guidance** at “"
                      f"{literal(j.prompt)}”: suggested {literal(j.suggested)} because "
                      f"{literal(j.because)}; decided {literal(j.chosen)}. Reason: "
                      f"{_text(j.reason or '')}", ""]
        else:
            lines += [f"The guidance suggested {literal(j.suggested)} at “{literal(j.prompt)}” "
                      f"because {literal(j.because)}; the conference agreed.", ""]
    for f in r.floors:
        state = "met" if f.met else "NOT MET (a departure is recorded above)"
        lines += [f"**Minimum response:** {literal(f.title)}: at least "
                  f"{literal(f.minimum)}, {state}. {literal(f.rationale)}", ""]
    if r.plan is not None:
        p = r.plan
        lines += ["### The care and support protection plan", "",
                  f"- **What needs to change for {literal(r.child)}:** "
                  f"{_text(p.what_must_change)}",
                  f"- **The safety plan now:** {_text(p.safety_plan)}",
                  f"- **If progress is not kept up (contingency):** "
                  f"{_text(p.contingency_plan)}",
                  "- **Core group:** " + (", ".join(literal(m) for m in p.core_group)
                                          or NOT_RECORDED), ""]
    if r.dates:
        lines += ["### Dates", ""]
        for d in r.dates:
            local = " (to be confirmed locally)" if d.confirm_locally else ""
            lines.append(f"- **Due:** {literal(d.label)} by {d.due_text}{local}")
        lines.append("")
    return lines


def _report(a: AgencyReport) -> list[str]:
    lines = []
    if a.agency:
        lines += [f"**Agency:** {literal(a.agency)}", ""]
    lines += ["## How to write it", "", *(f"- {g}" for g in a.guidance), ""]
    for child in a.children:
        lines += [f"## {literal(child.child)}", ""]
        for section in child.sections:
            lines += [f"### {section.heading}", "", f"*{section.prompt}*", ""]
            if section.recorded.strip():
                lines += [f"Recorded so far: {literal(section.recorded.strip())}", ""]
            lines += ["…", ""]
    return lines


def render_papers_markdown(papers: ConferencePapers) -> str:
    lines = _header(papers)
    if papers.invitation is not None:
        lines += _invitation(papers.invitation)
    for record in papers.decision_records:
        lines += _record(record)
    if papers.agency_report is not None:
        lines += _report(papers.agency_report)
    lines += ["---", "", "This paper supports the conference's professional judgement and "
              "never replaces it. The decision for each child is made by the practitioners at "
              f"the conference. threshold-guide {papers.tool_version}.", ""]
    return "\n".join(lines)


def render_papers_html(papers: ConferencePapers) -> str:
    title = TITLES[papers.paper] + (f": {papers.reference}" if papers.reference else "")
    return render_html(render_papers_markdown(papers), title=title)
