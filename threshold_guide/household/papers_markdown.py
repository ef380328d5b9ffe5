"""Conference papers as Markdown (and, through the inert HTML renderer, print-ready HTML).

Text a practitioner typed (reasons, the child's words, plans) is made literal, so it reads
exactly as typed and can never add headings, links or HTML. The paper's own words are in
the paper's ``language``; :func:`render_bilingual_markdown` and
:func:`render_bilingual_html` put the same paper in two languages side by side.
"""

from __future__ import annotations

import datetime as dt

from threshold_guide.deadlines.working_days import local
from threshold_guide.explain.markdown import literal
from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.models.papers import (
    AgencyReport,
    ConferencePapers,
    DecisionRecord,
    Invitation,
)
from threshold_guide.render.bilingual import side_by_side_html, side_by_side_markdown
from threshold_guide.render.html import render_html

TITLES = {
    "invitation": N_("Invitation to a child protection conference"),
    "decision-record": N_("Child protection conference: decision record"),
    "agency-report": N_("Agency report for a child protection conference"),
}

NOT_RECORDED = N_("*Not recorded.*")

# Translators: short day and month names in a date such as "Mon 2 Nov 2026, 10:00".
_DAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
           N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def when_text(moment: dt.datetime, language: str = "en") -> str:
    """A time as people write it ('Mon 2 Nov 2026, 10:00', UK time), in ``language``."""
    tr = translator(language)
    at = local(moment)
    return (f"{tr.gettext(_DAYS[at.weekday()])} {at.day} {tr.gettext(_MONTHS[at.month - 1])} "
            f"{at.year}, {at:%H:%M}")


def _text(value: str, tr: Translator) -> str:
    return literal(value.strip()) if value.strip() else tr.gettext(NOT_RECORDED)


def _cell(text: str) -> str:
    return " ".join(literal(text).split()).replace("|", "\\|")


def _header(p: ConferencePapers, tr: Translator) -> list[str]:
    lines = [f"# {tr.gettext(TITLES[p.paper])}", ""]
    if p.unchecked:
        lines += [f"> **{p.unchecked}**", ""]
    if p.reference:
        lines.append(tr.gettext("**Case reference:** {reference}").format(
            reference=literal(p.reference)) + "  ")
    if p.chair:
        lines.append(tr.gettext("**Chair:** {chair}").format(chair=literal(p.chair)) + "  ")
    lines += [tr.gettext("**Guidance:** {title}, version {version} (content {sha})").format(
                  title=literal(p.guidance.title), version=p.guidance.version,
                  sha=p.guidance.sha256[:12]) + "  ",
              tr.gettext("**Produced:** {time}").format(
                  time=p.generated_at.strftime('%Y-%m-%dT%H:%M:%SZ')), ""]
    lines += ["> " + tr.gettext("If a child is in immediate danger, call the police on 999 "
                                "now."), ""]
    if p.flags:
        lines += ["## " + tr.gettext("Needs attention"), ""]
        lines += [f"- ⚠ {literal(flag)}" for flag in p.flags]
        lines.append("")
    return lines


def _invitation(i: Invitation, tr: Translator, language: str) -> list[str]:
    who = (tr.gettext("*For the family.*") if i.audience == "family"
           else tr.gettext("*For partner agencies.*"))
    lines = [who, "", f"## {i.conference}", ""]
    if i.held_at is not None:
        lines += [tr.gettext("**When:** {time}").format(time=when_text(i.held_at, language)),
                  ""]
    lines += ["## " + tr.gettext("Why the conference is being held"), "", _text(i.reason, tr),
              "", "## " + tr.gettext("What the enquiries found"), "",
              _text(i.s47_conclusion, tr), "", "## " + tr.gettext("The children"), ""]
    lines += [("- " + tr.gettext("{child}, aged {age}").format(child=literal(c.child),
                                                               age=c.age))
              if c.age is not None else f"- {literal(c.child)}" for c in i.children]
    lines.append("")
    if i.attending:
        lines += ["## " + tr.gettext("Agencies invited"), "",
                  *(f"- {literal(a)}" for a in i.attending), ""]
    lines += ["## " + tr.gettext("What happens at the conference"), "",
              *(f"- {t}" for t in i.what_happens), "",
              "## " + tr.gettext("Before the conference"), "", *(f"- {t}" for t in i.asks), ""]
    return lines


_AGREED = {
    "consensus": N_("Consensus: every agency's view matches the decision."),
    "chair-decides": N_("No consensus: the chair decided. Every view is recorded below."),
    "no-views": N_("No agency's view is recorded."),
}


def _record(r: DecisionRecord, tr: Translator, language: str) -> list[str]:
    heading = (tr.gettext("{child} (aged {age})").format(child=literal(r.child), age=r.age)
               if r.age is not None else literal(r.child))
    lines = [f"## {heading}", ""]
    if r.flags:
        lines += [f"- ⚠ {literal(flag)}" for flag in r.flags]
        lines.append("")
    if not r.finished:
        return [*lines, tr.gettext("**Decision:** not yet reached."), ""]
    lines += [tr.gettext("**Decision:** {decision}").format(
        decision=literal(r.decision_title or '')), ""]
    if r.registered:
        lines += [tr.gettext("**Categories:** {categories}").format(
            categories=", ".join(r.categories) or tr.gettext("none ticked")), ""]
    lines += [literal(r.rationale or ""), ""]
    lines += ["### " + tr.gettext("Each agency's view"), "", tr.gettext(_AGREED[r.agreement]),
              ""]
    if r.views:
        lines += ["| " + tr.gettext("agency | view | categories | reason") + " |",
                  "|---|---|---|---|"]
        for v in r.views:
            view = (tr.gettext("Register") if v.view == "register"
                    else tr.gettext("Do not register"))
            if not v.matches_decision:
                view = tr.gettext("{view} (differs)").format(view=view)
            lines.append(f"| {_cell(v.agency)} | {view} | {', '.join(v.categories)} | "
                         f"{_cell(v.reason)} |")
        lines.append("")
    if r.chair_reason.strip():
        lines += [tr.gettext("**The chair's reason:** {reason}").format(
            reason=literal(r.chair_reason.strip())), ""]
    lines += ["### " + tr.gettext("The child's voice"), ""]
    if not r.voice.recorded:
        lines += [tr.gettext("⚠ No voice recorded for {child}. It is never taken from a "
                             "brother or sister.").format(child=literal(r.child)), ""]
    else:
        alone = {True: tr.gettext("**Seen alone:** Yes"),
                 False: tr.gettext("**Seen alone:** No"),
                 None: tr.gettext("**Seen alone:** Not recorded")}[r.voice.seen_alone]
        lines += ["- " + tr.gettext("**What they said:** {text}").format(
                      text=_text(r.voice.said, tr)),
                  "- " + tr.gettext("**How they were seen:** {text}").format(
                      text=_text(r.voice.seen_how, tr)),
                  "- " + alone,
                  "- " + tr.gettext("**Their wishes and worries:** {text}").format(
                      text=_text(r.voice.wishes, tr)), ""]
    lines += ["### " + tr.gettext("Reasons and evidence"), ""]
    for n, reason in enumerate(r.reasons, 1):
        shared = " " + tr.gettext("*(household)*") if reason.shared else ""
        lines.append(f"{n}. {literal(reason.prompt)}{shared} **{literal(reason.answer)}**. "
                     f"{literal(reason.rationale)}")
        if reason.note:
            lines.append("   - " + (tr.gettext("Evidence ({kind}): {note}").format(
                kind=reason.evidence, note=literal(reason.note)) if reason.evidence
                else tr.gettext("Evidence: {note}").format(note=literal(reason.note))))
    lines.append("")
    for j in r.judgements:
        if j.departed:
            lines += [tr.gettext(
                "**Professional judgement departed from the guidance** at “{prompt}”: "
                "suggested {suggested} because {because}; decided {chosen}. Reason: "
                "{reason}").format(prompt=literal(j.prompt), suggested=literal(j.suggested),
                                   because=literal(j.because), chosen=literal(j.chosen),
                                   reason=_text(j.reason or '', tr)), ""]
        else:
            lines += [tr.gettext("The guidance suggested {suggested} at “{prompt}” because "
                                 "{because}; the conference agreed.").format(
                suggested=literal(j.suggested), prompt=literal(j.prompt),
                because=literal(j.because)), ""]
    for f in r.floors:
        state = (tr.gettext("met") if f.met
                 else tr.gettext("NOT MET (a departure is recorded above)"))
        lines += [tr.gettext("**Minimum response:** {title}: at least {minimum}, {state}. "
                             "{rationale}").format(
            title=literal(f.title), minimum=literal(f.minimum), state=state,
            rationale=literal(f.rationale)), ""]
    if r.plan is not None:
        p = r.plan
        core = ", ".join(literal(m) for m in p.core_group) or tr.gettext(NOT_RECORDED)
        lines += ["### " + tr.gettext("The care and support protection plan"), "",
                  "- " + tr.gettext("**What needs to change for {child}:** {text}").format(
                      child=literal(r.child), text=_text(p.what_must_change, tr)),
                  "- " + tr.gettext("**The safety plan now:** {text}").format(
                      text=_text(p.safety_plan, tr)),
                  "- " + tr.gettext("**If progress is not kept up (contingency):** {text}")
                  .format(text=_text(p.contingency_plan, tr)),
                  "- " + tr.gettext("**Core group:** {members}").format(members=core), ""]
    if r.dates:
        lines += ["### " + tr.gettext("Dates"), ""]
        for d in r.dates:
            due = d.due_text if language == "en" else when_text(d.due, language)
            line = (tr.gettext("**Due:** {step} by {time} (to be confirmed locally)")
                    if d.confirm_locally else tr.gettext("**Due:** {step} by {time}"))
            lines.append("- " + line.format(step=literal(d.label), time=due))
        lines.append("")
    return lines


def _report(a: AgencyReport, tr: Translator) -> list[str]:
    lines = []
    if a.agency:
        lines += [tr.gettext("**Agency:** {agency}").format(agency=literal(a.agency)), ""]
    lines += ["## " + tr.gettext("How to write it"), "", *(f"- {g}" for g in a.guidance), ""]
    for child in a.children:
        lines += [f"## {literal(child.child)}", ""]
        for section in child.sections:
            lines += [f"### {section.heading}", "", f"*{section.prompt}*", ""]
            if section.recorded.strip():
                lines += [tr.gettext("Recorded so far: {text}").format(
                    text=literal(section.recorded.strip())), ""]
            lines += ["…", ""]
    return lines


def render_papers_markdown(papers: ConferencePapers) -> str:
    language = papers.language
    tr = translator(language)
    lines = _header(papers, tr)
    if papers.invitation is not None:
        lines += _invitation(papers.invitation, tr, language)
    for record in papers.decision_records:
        lines += _record(record, tr, language)
    if papers.agency_report is not None:
        lines += _report(papers.agency_report, tr)
    lines += ["---", "", tr.gettext(
        "This paper supports the conference's professional judgement and never replaces it. "
        "The decision for each child is made by the practitioners at the conference. "
        "threshold-guide {version}.").format(version=papers.tool_version), ""]
    return "\n".join(lines)


def papers_title(papers: ConferencePapers) -> str:
    tr = translator(papers.language)
    title = tr.gettext(TITLES[papers.paper])
    return title + (f": {papers.reference}" if papers.reference else "")


def render_papers_html(papers: ConferencePapers) -> str:
    return render_html(render_papers_markdown(papers), title=papers_title(papers),
                       language=papers.language)


def render_bilingual_markdown(first: ConferencePapers, second: ConferencePapers) -> str:
    """The same paper in two languages, each section in the first then the second."""
    return side_by_side_markdown(render_papers_markdown(first), render_papers_markdown(second))


def render_bilingual_html(first: ConferencePapers, second: ConferencePapers) -> str:
    """The same paper in two languages, two columns per section, print-ready and inert."""
    return side_by_side_html(render_papers_markdown(first), render_papers_markdown(second),
                             title=f"{papers_title(first)} / {papers_title(second)}",
                             languages=(first.language, second.language))
