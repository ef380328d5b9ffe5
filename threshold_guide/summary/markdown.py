"""Render a summary as Markdown.

Guidance text is Markdown by design and is included as written. Text a practitioner typed
(notes, the child's words, strengths, the reference, an override reason) is escaped so it
reads literally and can never add headings, links or HTML to the summary.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.i18n.unchecked import notice_markdown
from threshold_guide.models.summary import Citation, Summary
from threshold_guide.models.timestamps import format_time
from threshold_guide.summary.markdown_escape import escape


def _quote(text: str) -> str:
    text = text.strip()
    return "\n".join(f"> {line}" if line else ">" for line in escape(text).split("\n"))


def _cite(citation: Citation) -> str:
    text = citation.title + (f", {citation.section}" if citation.section else "")
    return f"{text} <{citation.url}>" if citation.url else text


def _departures(s: Summary, tr: Translator) -> list[str]:
    _ = tr.gettext
    out: list[str] = []
    for j in s.judgements:
        if not j.departed:
            continue
        said = _("For “{prompt}” the answers given pointed to **{suggested}** (suggested "
                 "because: {because}). Professional judgement chose **{chosen}**.").format(
            prompt=j.prompt, suggested=j.suggested_label, because=j.because,
            chosen=j.chosen_label)
        if j.suggested_outcome:
            said += " " + _("Agreeing would have led to **{title}** (level {level}).").format(
                title=j.suggested_outcome.title, level=j.suggested_outcome.level)
        out += [
            _("## ⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggests") if j.lower
            else _("## Professional-judgement departure from the guidance's suggestion"),
            "",
            said,
            "",
            _("Reason given:"),
            "",
            _quote(j.reason or _("no reason recorded")),
            "",
        ]
        if j.lower:
            out += [
                _("The departure lowers the response below what the guidance suggests. Check "
                  "it with your designated safeguarding person or line manager."),
                "",
            ]
    return out


def _rules(s: Summary, tr: Translator) -> list[str]:
    _ = tr.gettext
    if not (s.decisions or s.judgements or s.floors):
        return []
    out = [_("## How the guidance applied its rules"), ""]
    for d in s.decisions:
        which = (_("rule {number}").format(number=d.rule) if d.rule is not None
                 else _("no rule held: the fallback"))
        out += [f"- **{d.title}:** {d.rationale} ({which})"]
    for j in s.judgements:
        line = (_("- **{prompt}** Suggested: {suggested}, because {because}. Chosen: {chosen} "
                  "(departed).") if j.departed else
                _("- **{prompt}** Suggested: {suggested}, because {because}. Chosen: {chosen} "
                  "(agreed)."))
        out += [line.format(prompt=j.prompt, suggested=j.suggested_label, because=j.because,
                            chosen=j.chosen_label)]
    if s.floors:
        out += ["", _("**Minimum responses that apply:**"), ""]
        for f in s.floors:
            line = (_("- {title}: at least “{minimum}” (met). {rationale}") if f.met else
                    _("- {title}: at least “{minimum}” (NOT MET: below the minimum, through a "
                      "recorded departure). {rationale}"))
            out += [line.format(title=f.title, minimum=f.minimum_title, rationale=f.rationale)]
    out += [""]
    return out


def render_markdown(summary: Summary) -> str:
    s = summary
    tr = translator(s.language)
    _ = tr.gettext
    out: list[str] = [_("# Referral rationale summary"), ""]
    out += notice_markdown(s.translation_notice)
    facts = [
        _("**Case reference:** {reference}").format(
            reference=escape(s.reference) or _("not given")),
        _("**Completed by:** {role} ({agency})").format(
            role=escape(s.role) or _("role not given"),
            agency=escape(s.agency) or _("agency not given")),
        _("**Guidance:** {title}, `{id}` version {version}").format(
            title=s.guidance.title, id=s.guidance.id, version=s.guidance.version),
        _("**Produced:** {time} by threshold-guide {version}").format(
            time=format_time(s.generated_at), version=s.tool_version),
    ]
    if s.scenario:
        facts.append(_("**Training scenario:** `{id}`").format(id=s.scenario))
    out += ["  \n".join(facts), ""]
    out += [_("> **Immediate danger:** {advice}").format(advice=s.advice[0]), ""]

    out += [_("## Decision"), ""]
    out += [_("**Test answered:** {name}").format(name=s.test.name), ""]
    outcome = (_("**Outcome:** {title} (level {level}; the test is met)") if s.outcome.test_met
               else _("**Outcome:** {title} (level {level}; the test is not met)"))
    out += [outcome.format(title=s.outcome.title, level=s.outcome.level), ""]
    out += [s.outcome.rationale.strip(), ""]
    if s.override is not None:
        o = s.override
        heading = (
            _("## ⚠ OVERRIDE TO A LOWER LEVEL than the guidance reached")
            if o.lower
            else _("## Professional-judgement override")
        )
        out += [heading, ""]
        said = _("The guidance reached **{reached}** (level {reached_level}). Professional "
                 "judgement chose **{chosen}** (level {chosen_level}).").format(
            reached=s.outcome.title, reached_level=s.outcome.level, chosen=o.outcome.title,
            chosen_level=o.outcome.level)
        if o.by or o.at:
            said = said.removesuffix(".") + (
                _(", by {who}").format(who=escape(o.by)) if o.by else "") + (
                _(" at {time}").format(time=format_time(o.at)) if o.at else "") + "."
        out += [said, "", _("Reason given:"), "", _quote(o.reason), ""]
        if o.lower:
            out += [
                _("The override lowers the response below what the guidance indicates. "
                  "Check it with your designated safeguarding person or line manager."),
                "",
            ]
    out += _departures(s, tr)
    acting = s.override.outcome if s.override else s.outcome
    out += [_("## What to do now"), "", acting.do_now.strip(), ""]
    out += [_("**By when:**"), "", acting.timescale.strip(), ""]
    out += [_("**Who to contact:**"), "", acting.contact.strip(), ""]
    for line in s.advice[1:-1]:
        out += [f"**{line}**", ""]
    # Imported here: that module builds on this one's escaping.
    from threshold_guide.summary.follow_through_markdown import follow_through_markdown

    out += follow_through_markdown(s.follow_through, s.language)

    out += [_("## The legal test"), "", s.test.text.strip(), ""]
    out += [_("**Who decides:**"), "", s.test.who_decides.strip(), ""]
    if s.test.sources:
        out += [_("**Sources:** {list}").format(
            list="; ".join(_cite(c) for c in s.test.sources)), ""]

    out += _rules(s, tr)
    out += [_("## How the decision was reached"), ""]
    for number, step in enumerate(s.path, start=1):
        out += [f"### {number}. {step.prompt}", ""]
        answer = "; ".join(step.answer_labels) if step.answer_labels else _("none ticked")
        out += [_("**Answer:** {answer}").format(answer=answer), ""]
        for sentence in step.rationale:
            out += [f"- {sentence}"]
        out += [""]
        if step.note:
            label = step.evidence_label or _("evidence type not given")
            out += [_("**Note** ({evidence}):").format(evidence=label), "", _quote(step.note),
                    ""]

    out += [_("## What we are worried about"), ""]
    out += [f"- {w.text}" for w in s.worries] or [
        _("- No worries were recorded on this route.")]
    out += ["", _("## What is working well"), ""]
    out += [f"- {escape(w.text) if w.recorded else w.text}" for w in s.strengths] or [
        _("- No strengths were recorded.")
    ]
    out += ["", _("## The child's voice"), ""]
    if s.child_voice:
        for item in s.child_voice:
            out += [f"**{item.prompt}**", "", _quote(item.text), ""]
    else:
        out += [_("The child's voice was not recorded. Say why, and what the child's views are "
                  "likely to be, when you share this."), ""]

    out += [_("## What would change the decision"), ""]
    if s.what_would_change:
        out += [f"- {c.change}" for c in s.what_would_change]
    else:
        out += [_("- No single change of answer leads to a different outcome.")]
    out += [""]

    if s.definitions:
        out += [_("## Definitions"), ""]
        for d in s.definitions:
            out += [f"### {d.term}", "", d.text.strip(), ""]
    if s.sources:
        out += [_("## Sources"), ""]
        out += [f"- {_cite(c)}" for c in s.sources]
        out += [""]

    out += guidance_table(s, tr)
    return "\n".join(out)


def guidance_table(s: Summary, tr: Translator) -> list[str]:
    _ = tr.gettext
    g = s.guidance
    return [
        _("## Guidance version"),
        "",
        "| | |",
        "|---|---|",
        _("| Document | `{id}` |").format(id=g.id),
        _("| Version | {version} ({status}) |").format(version=g.version,
                                                       status=status_word(g.status.value, tr)),
        _("| Effective from | {date} |").format(date=g.effective_from.isoformat()),
        _("| Publisher | {publisher} |").format(publisher=g.publisher),
        _("| Jurisdiction | {jurisdiction} |").format(jurisdiction=g.jurisdiction),
        _("| Content sha256 | `{sha256}` |").format(sha256=g.sha256),
        "",
        f"_{s.advice[-1]}_",
        "",
    ]


def status_word(status: str, tr: Translator) -> str:
    """A document status (``published``, ``draft``, ...) in the reader's language."""
    words = {"published": N_("published"), "draft": N_("draft"),
             "withdrawn": N_("withdrawn")}
    return tr.gettext(words[status]) if status in words else status
