"""The impact section of the Markdown diff: which cases a change affects, and where."""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.summary.markdown_escape import escape
from threshold_guide.versions.model import CaseImpact, CaseStatus, Impact, WalkResult

STATUS_WORDS: dict[CaseStatus, str] = {
    "outcome-changed": N_("outcome changes"),
    "stops-early": N_("stops before an outcome"),
    "answer-not-accepted": N_("an answer is not accepted"),
    "asks-again": N_("asked again: departs from the suggestion without a reason"),
    "route-changed": N_("another route"),
    "unchanged": N_("unchanged"),
}
LISTED: tuple[CaseStatus, ...] = (
    "outcome-changed", "stops-early", "answer-not-accepted", "asks-again",
)
"""Statuses shown case by case; the others are counted."""


def _counted(status: CaseStatus, count: int, tr: Translator) -> str:
    """How many cases have ``status``, in words."""
    if status == "outcome-changed":
        return tr.ngettext("{count} changes outcome", "{count} change outcome", count)
    if status == "stops-early":
        return tr.ngettext("{count} stops before an outcome", "{count} stop before an outcome",
                           count)
    if status == "answer-not-accepted":
        return tr.ngettext("{count} has an answer the new version does not accept",
                           "{count} have an answer the new version does not accept", count)
    if status == "asks-again":
        return tr.ngettext(
            "{count} is asked again where an answer departs from the new suggestion",
            "{count} are asked again where an answer departs from the new suggestion", count)
    if status == "route-changed":
        return tr.ngettext("{count} takes another route to the same place",
                           "{count} take another route to the same place", count)
    return tr.ngettext("{count} is unchanged", "{count} are unchanged", count)


def _walk(result: WalkResult, tr: Translator) -> str:
    _ = tr.gettext
    if result.outcome is not None:
        return _("`{outcome}` (level {level})").format(outcome=result.outcome,
                                                       level=result.level)
    if result.not_accepted is not None:
        return _("stops at `{question}`: answer not accepted").format(
            question=result.stopped_at)
    if result.asks_again is not None:
        return _("stops at `{question}`: the answer departs from the suggestion and needs a "
                 "reason").format(question=result.stopped_at)
    return _("stops at `{question}`: not answered").format(question=result.stopped_at)


def _name(case: CaseImpact, tr: Translator) -> str:
    # Scenario ids are restricted to safe characters; session ids are any text.
    if case.kind == "scenario":
        return tr.gettext("scenario `{scenario}`").format(scenario=case.id)
    return tr.gettext("session {session}").format(session=escape(case.id))


def impact_section(impact: Impact, old: str, new: str, language: str = "en") -> list[str]:
    tr = translator(language)
    _ = tr.gettext
    cases = impact.cases
    scenarios = sum(1 for c in cases if c.kind == "scenario")
    counts = {status: sum(1 for c in cases if c.status == status) for status in STATUS_WORDS}
    lines = [_("## Impact on scenarios and sessions"), ""]
    sessions = len(cases) - scenarios
    summary = _("Replayed {scenarios} and {sessions} under {old} and {new}.").format(
        scenarios=tr.ngettext("{count} scenario", "{count} scenarios", scenarios),
        sessions=tr.ngettext("{count} session", "{count} sessions", sessions),
        old=old, new=new)
    parts = [_counted(s, counts[s], tr) for s in STATUS_WORDS if counts[s]]
    if parts:
        summary += " " + "; ".join(parts) + "."
    if impact.skipped:
        summary += " " + tr.ngettext(
            "{count} was skipped: written for another document.",
            "{count} were skipped: written for another document.", len(impact.skipped))
    lines += [summary, ""]
    listed = [c for c in cases if c.status in LISTED]
    if listed:
        lines += [_("| case | what happens | {old} | {new} | routes part at |").format(
                      old=old, new=new),
                  "|---|---|---|---|---|"]
        lines += [
            f"| {_name(c, tr)} | {_(STATUS_WORDS[c.status])} | {_walk(c.old, tr)} "
            f"| {_walk(c.new, tr)} | " + (f"`{c.diverges_at}`" if c.diverges_at else "") + " |"
            for c in listed
        ]
        lines.append("")
        for case in listed:
            if case.new.not_accepted is not None:
                lines.append(f"- {_name(case, tr)}: {escape(case.new.not_accepted)}")
        if any(c.new.not_accepted for c in listed):
            lines.append("")
    rerouted = [c for c in cases if c.status == "route-changed"]
    if rerouted:
        lines += [_("Another route to the same place: {cases}.").format(cases=", ".join(
            _("{case} (from `{question}`)").format(case=_name(c, tr), question=c.diverges_at)
            if c.diverges_at else _name(c, tr) for c in rerouted)), ""]
    reasked = [c for c in cases if c.reasked]
    if reasked:
        lines += [_("Reworded or removed questions on the route: a session moving to {new} is "
                    "asked these again, and a scenario's model answer to them needs "
                    "checking.").format(new=new), ""]
        lines += [f"- {_name(c, tr)}: " + ", ".join(f"`{q}`" for q in c.reasked)
                  for c in reasked]
        lines.append("")
    return lines
