"""Render an explanation as Markdown.

Guidance text is Markdown by design and is included as written; text a practitioner typed
(the reference, role, agency, notes, an override reason) is escaped so it reads literally
and can never add headings, links or HTML.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.i18n.unchecked import notice_markdown
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.models.summary import Citation
from threshold_guide.models.timestamps import format_time
from threshold_guide.summary.follow_through_markdown import follow_through_markdown
from threshold_guide.summary.markdown import status_word
from threshold_guide.summary.markdown_escape import escape

_PROFESSIONAL = {
    "title": N_("Explaining a safeguarding decision"),
    "test": N_("Which test this answers"),
    "plain": N_("The test in plain words"),
    "decisive": N_("The decisive facts"),
    "change": N_("What would change the decision"),
    "next": N_("What happens next"),
    "asks": N_("What we ask of you"),
    "watch": N_("What to watch for"),
    "withheld": N_("What this explanation leaves out"),
    "guidance": N_("Guidance version"),
}
_FAMILY = {
    **_PROFESSIONAL,
    "title": N_("About a decision on your child's safety"),
    "test": N_("What question was being answered"),
    "decisive": N_("Why: in general terms"),
    "change": N_("What could change it"),
    "asks": N_("What you can do"),
    "withheld": N_("What this letter leaves out"),
    "guidance": N_("The guidance used"),
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


def _header(e: Explanation, words: dict[str, str], tr: Translator) -> list[str]:
    _ = tr.gettext
    by = literal(e.role) or _("role not given")
    facts = [
        _("**For:** {audience}").format(audience=e.audience_name),
        _("**Case reference:** {reference}").format(
            reference=literal(e.reference) or _("not given")),
        _("**Decision made by:** {role} ({agency})").format(
            role=by, agency=literal(e.agency) or _("agency not given")),
        _("**Guidance:** {title}, `{id}` version {version}").format(
            title=e.guidance.title, id=e.guidance.id, version=e.guidance.version),
        _("**Produced:** {time} by threshold-guide {version}").format(
            time=format_time(e.generated_at), version=e.tool_version),
    ]
    if e.confirmed_unsafe_share is not None:
        facts.append(_("**Shared after a safety check, for this reason:** {reason}").format(
            reason=literal(e.confirmed_unsafe_share)))
    out = [f"# {_(words['title'])}", "", *notice_markdown(e.translation_notice),
           "  \n".join(facts), ""]
    out += [_("> **Immediate danger:** {advice}").format(advice=e.advice[0]), ""]
    for warning in e.warnings:
        out += [_("> **Warning:** {warning}").format(warning=warning), ""]
    return out


def _decision(e: Explanation, tr: Translator) -> list[str]:
    _ = tr.gettext
    out = [_("## What was decided"), "", e.decided, ""]
    if e.outcome is not None:
        reached = (_("**Outcome the guidance reached:** {title} (level {level}; test met)")
                   if e.outcome.test_met else
                   _("**Outcome the guidance reached:** {title} (level {level}; test not met)"))
        out += [reached.format(title=e.outcome.title, level=e.outcome.level), "",
                e.outcome.rationale.strip(), ""]
    o = e.override
    if o is None or e.outcome is None:
        return out
    heading = (_("## ⚠ OVERRIDE TO A LOWER LEVEL than the guidance reached") if o.lower
               else _("## Professional-judgement override"))
    said = (_("The guidance reached **{reached}** (level {reached_level}). Professional "
              "judgement chose **{chosen}** (level {chosen_level}), by {who}. The chosen "
              "response is the one acted on.") if o.by else
            _("The guidance reached **{reached}** (level {reached_level}). Professional "
              "judgement chose **{chosen}** (level {chosen_level}). The chosen response is "
              "the one acted on."))
    out += [heading, "",
            said.format(reached=e.outcome.title, reached_level=e.outcome.level,
                        chosen=o.outcome.title, chosen_level=o.outcome.level,
                        who=literal(o.by or "")), ""]
    out += [_("Reason given:"), "", _quote(o.reason), ""]
    if o.lower:
        out += [_("The override lowers the response below what the guidance indicates."), ""]
    return out


_KIND = {"decision-point": N_("Decision point"), "suggestion": N_("Suggestion at"),
         "floor": N_("Minimum response")}


def _criteria(e: Explanation, tr: Translator) -> list[str]:
    _ = tr.gettext
    out: list[str] = []
    if e.criteria:
        out += [_("## Which of the guidance's criteria decided it"), ""]
        for item in e.criteria:
            rule = ("" if item.kind == "floor" else
                    " " + _("(otherwise)") if item.rule is None else
                    " " + _("(rule {number})").format(number=item.rule))
            out.append(f"- **{_(_KIND[item.kind])} “{_cell(item.title)}”**{rule}: "
                       f"{item.because.strip()} → {item.result}")
        out.append("")
    if e.judgement is not None:
        out += [_("## Professional judgement"), "", e.judgement, ""]
    for d in e.departures:
        heading = (_("### ⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggested") if d.lower
                   else _("### Departure from the guidance's suggestion"))
        line = _("At “{prompt}” the guidance suggested **{suggested}**, because: {because}. "
                 "The practitioner chose **{chosen}**.").format(
            prompt=d.prompt, suggested=d.suggested_label, because=d.because.strip(),
            chosen=d.chosen_label)
        if d.suggested_outcome:
            line += " " + _("Agreeing would have led to “{title}”.").format(
                title=d.suggested_outcome)
        out += [heading, "", line, "", _("Reason given:"), "", _quote(d.reason), ""]
    return out


def _test(e: Explanation, words: dict[str, str], tr: Translator) -> list[str]:
    _ = tr.gettext
    t = e.test
    out = [f"## {_(words['test'])}", "", f"**{t.question}**", "",
           _("Test: {name}.").format(name=t.name), ""]
    out += [_("**Who decides:**"), "", t.who_decides.strip(), ""]
    out += [_("**What this decision is not:**"), "", *_bullets(t.not_this)]
    out += [f"## {_(words['plain'])}", "", t.plain, ""]
    out += [_("### In the guidance's own words"), "", t.text.strip(), ""]
    if t.sources:
        out += [_("**Sources:** {list}").format(list="; ".join(_cite(c) for c in t.sources)),
                ""]
    return out


def _decisive(e: Explanation, words: dict[str, str], tr: Translator) -> list[str]:
    _ = tr.gettext
    out = [f"## {_(words['decisive'])}", "", e.decisive.summary, ""]
    for number, fact in enumerate(e.decisive.facts, start=1):
        answer = "; ".join(fact.answer_labels) if fact.answer_labels else _("none ticked")
        out += [f"### {number}. {fact.prompt}", "",
                _("**Answer:** {answer}").format(answer=answer), ""]
        out += _bullets(fact.rationale)
        if fact.note:
            label = fact.evidence_label or _("evidence type not given")
            out += [_("**Note** ({evidence}):").format(evidence=label), "", _quote(fact.note),
                    ""]
        out += [_("**If this answer were different:**"), ""]
        out += _bullets([other.change for other in fact.otherwise])
    out += [f"## {_(words['change'])}", "", e.what_would_change.summary, ""]
    if e.what_would_change.changes:
        out += _bullets([change.change for change in e.what_would_change.changes])
    return out


def render_explanation_markdown(explanation: Explanation) -> str:
    """The explanation as Markdown; the same explanation gives the same bytes."""
    e = explanation
    tr = translator(e.language)
    _ = tr.gettext
    family = e.audience is Audience.FAMILY
    words = _FAMILY if family else _PROFESSIONAL
    out = _header(e, words, tr) + _decision(e, tr) + _criteria(e, tr) + _test(e, words, tr)
    out += _decisive(e, words, tr)
    out += [f"## {_(words['next'])}", "", *_bullets(e.next_steps)]
    for line in e.advice[1:-1]:
        out += [f"**{line}**", ""]
    out += [f"## {_(words['asks'])}", "", *_bullets(e.asks)]
    if e.watch_for:
        out += [f"### {_(words['watch'])}", "", *_bullets(e.watch_for)]
    if e.challenge:
        out += [_("## How to challenge a decision"), "", *_bullets(e.challenge)]
    out += follow_through_markdown(e.follow_through, e.language)
    if e.withheld:
        out += [f"## {_(words['withheld'])}", "", *_bullets(e.withheld)]
    g = e.guidance
    out += [
        f"## {_(words['guidance'])}",
        "",
        "| | |",
        "|---|---|",
        _("| Document | {title} (`{id}`) |").format(title=_cell(g.title), id=g.id),
        _("| Version | {version} ({status}) |").format(
            version=g.version, status=status_word(g.status.value, tr)),
        _("| Effective from | {date} |").format(date=g.effective_from.isoformat()),
        _("| Publisher | {publisher} |").format(publisher=_cell(g.publisher)),
        _("| Content sha256 | `{sha256}` |").format(sha256=g.sha256),
        "",
        f"_{e.advice[-1]}_",
        "",
    ]
    return "\n".join(out)
