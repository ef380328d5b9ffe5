"""The dated steps, the response and the escalation as Markdown, for summaries and explanations.

Step labels are guidance text (Markdown by design); what a practitioner typed (a reason,
who was contacted, what they said) is escaped so it reads literally.
"""

from __future__ import annotations

from threshold_guide.deadlines.working_days import due_text
from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.models.follow_through import (
    ESCALATION_LABELS,
    DatedStepInfo,
    EscalationInfo,
    EscalationLevel,
    FollowThroughInfo,
    StepStatus,
)
from threshold_guide.summary.markdown_escape import escape

STATUS_WORDS: dict[StepStatus, str] = {
    StepStatus.DONE: N_("Done"),
    StepStatus.DUE: N_("Due"),
    StepStatus.OVERDUE: N_("⚠ Overdue"),
    StepStatus.CHASE_NOW: N_("⚠ CHASE NOW"),
}
CHASE_NOW = N_(
    "Nothing has come back from social services within the time the procedures allow. "
    "Contact them again now and record what they say; if you are still not satisfied, "
    "use the professional differences route."
)
WORKING_DAYS = N_(
    "Working days skip weekends, bank holidays in England and Wales and the board's local "
    "closure days; a step due within working days is due by 17:00 UK time."
)
LOCALLY = N_("to be confirmed locally")
ROUTE = N_(
    "If you disagree with a response: first your line manager or designated safeguarding "
    "person talks to the social services team manager; if that does not resolve it, they "
    "raise it with the social services senior manager; then the Regional Safeguarding "
    "Board's escalation protocol applies. Date and record each step. The route and its "
    "timescales are to be confirmed locally."
)


def quote(text: str) -> str:
    """Typed text as a Markdown block quote that reads literally."""
    return "\n".join(f"> {line}" if line else ">" for line in escape(text.strip()).split("\n"))


def step_line(step: DatedStepInfo, language: str = "en") -> str:
    """One dated step in words: 'Confirm the report in writing by Tue 1 Dec 2026, 17:00'."""
    tr = translator(language)
    local = f" ({tr.gettext(LOCALLY)})" if step.confirm_locally else ""
    when = (tr.gettext("immediately ({time})").format(time=step.due_text)
            if step.span == tr.gettext("immediately")
            else tr.gettext("by {time}").format(time=step.due_text))
    text = f"**{tr.gettext(STATUS_WORDS[step.status])}:** {step.label} {when}{local}"
    if step.status is StepStatus.DONE and step.done_at is not None:
        text += tr.gettext("; done {time}").format(time=due_text(step.done_at, language))
    return text


def _next_label(step: DatedStepInfo, tr: Translator) -> str:
    level = step.id.removeprefix("escalation-")
    if level in {member.value for member in EscalationLevel}:
        return tr.gettext(ESCALATION_LABELS[EscalationLevel(level)])
    return step.label


def _escalation(info: EscalationInfo, language: str) -> list[str]:
    tr = translator(language)
    _ = tr.gettext
    out = [_("## Professional differences (escalation)"), ""]
    out += [_("Disagreement recorded {time}. Why:").format(
        time=due_text(info.started_at, language)), "", quote(info.disagreement), ""]
    for number, step in enumerate(info.steps, start=1):
        line = (_("{number}. {time}: {step}. Contacted: {who}. Outcome: resolved at this "
                  "step.") if step.resolved else
                _("{number}. {time}: {step}. Contacted: {who}. Outcome: not resolved."))
        out += [line.format(number=number, time=due_text(step.at, language),
                            step=step.level_label, who=escape(step.contacted)), ""]
        if step.said.strip():
            out += ["   " + _("What they said:"), "", _indented(quote(step.said)), ""]
    if info.resolved:
        out += [_("The difference was resolved."), ""]
    elif info.next_step is not None:
        out += [_("**Next step:** {step}, by {time} ({locally}).").format(
            step=_next_label(info.next_step, tr), time=info.next_step.due_text,
            locally=_(LOCALLY)), ""]
    else:
        out += [_("Every step of the route has been taken: follow the Regional Safeguarding "
                  "Board's escalation protocol to its end."), ""]
    out += [_(ROUTE), ""]
    return out


def _indented(text: str) -> str:
    return "\n".join(f"   {line}" for line in text.split("\n"))


def follow_through_markdown(info: FollowThroughInfo | None, language: str = "en") -> list[str]:
    """The Markdown lines for the dated steps, response and escalation (none if ``None``),
    in ``language``."""
    if info is None:
        return []
    tr = translator(language)
    _ = tr.gettext
    out: list[str] = []
    if info.steps:
        out += [_("## Dated steps"), ""]
        out += [_("Counted from the decision, {time} (UK time).").format(
            time=due_text(info.decided_at, language)) + " " + _(WORKING_DAYS), ""]
        if info.chase_now:
            out += [_("> **⚠ CHASE NOW.** {text}").format(text=_(CHASE_NOW)), ""]
        out += [f"- {step_line(step, language)}" for step in info.steps]
        out += [""]
    awaits = any(step.awaits_response for step in info.steps)
    if info.responses or awaits:
        out += [_("## The response from social services"), ""]
        if not info.responses:
            out += [_("No response has been recorded yet."), ""]
        for response in info.responses:
            when = due_text(response.at, language)
            line = (_("- {time}: **{outcome}**, from {who}.") if response.by.strip()
                    else _("- {time}: **{outcome}**."))
            out += [line.format(time=when, outcome=response.outcome_label,
                                who=escape(response.by))]
            if response.reason.strip():
                out += ["", "  " + _("Reason given:"), "", _indented(quote(response.reason))[1:],
                        ""]
            elif response.outcome.value != "none":
                out += ["", "  " + _("No reason was given: ask for one."), ""]
        if out[-1]:
            out += [""]
    if info.escalation is not None:
        out += _escalation(info.escalation, language)
    return out
