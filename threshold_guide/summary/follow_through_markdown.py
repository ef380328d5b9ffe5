"""The dated steps, the response and the escalation as Markdown, for summaries and explanations.

Step labels are guidance text (Markdown by design); what a practitioner typed (a reason,
who was contacted, what they said) is escaped so it reads literally.
"""

from __future__ import annotations

from threshold_guide.deadlines.working_days import due_text
from threshold_guide.models.follow_through import (
    DatedStepInfo,
    EscalationInfo,
    FollowThroughInfo,
    StepStatus,
)
from threshold_guide.summary.markdown_escape import escape

STATUS_WORDS: dict[StepStatus, str] = {
    StepStatus.DONE: "Done",
    StepStatus.DUE: "Due",
    StepStatus.OVERDUE: "⚠ Overdue",
    StepStatus.CHASE_NOW: "⚠ CHASE NOW",
}
CHASE_NOW = (
    "Nothing has come back from social services within the time the procedures allow. "
    "Contact them again now and record what they say; if you are still not satisfied, "
    "use the professional differences route."
)
WORKING_DAYS = (
    "Working days skip weekends, bank holidays in England and Wales and the board's local "
    "closure days; a step due within working days is due by 17:00 UK time."
)
LOCALLY = "to be confirmed locally"
ROUTE = (
    "If you disagree with a response: first your line manager or designated safeguarding "
    "person talks to the social services team manager; if that does not resolve it, they "
    "raise it with the social services senior manager; then the Regional Safeguarding "
    "Board's escalation protocol applies. Date and record each step. The route and its "
    "timescales are to be confirmed locally."
)


def quote(text: str) -> str:
    """Typed text as a Markdown block quote that reads literally."""
    return "\n".join(f"> {line}" if line else ">" for line in escape(text.strip()).split("\n"))


def step_line(step: DatedStepInfo) -> str:
    """One dated step in words: 'Confirm the report in writing by Tue 1 Dec 2026, 17:00'."""
    local = f" ({LOCALLY})" if step.confirm_locally else ""
    when = (f"immediately ({step.due_text})" if step.span == "immediately"
            else f"by {step.due_text}")
    text = f"**{STATUS_WORDS[step.status]}:** {step.label} {when}{local}"
    if step.status is StepStatus.DONE and step.done_at is not None:
        text += f"; done {due_text(step.done_at)}"
    return text


def _escalation(info: EscalationInfo) -> list[str]:
    out = ["## Professional differences (escalation)", ""]
    out += [f"Disagreement recorded {due_text(info.started_at)}. Why:", "",
            quote(info.disagreement), ""]
    for number, step in enumerate(info.steps, start=1):
        outcome = "resolved at this step" if step.resolved else "not resolved"
        out += [f"{number}. {due_text(step.at)}: {step.level_label}. Contacted: "
                f"{escape(step.contacted)}. Outcome: {outcome}.", ""]
        if step.said.strip():
            out += ["   What they said:", "", _indented(quote(step.said)), ""]
    if info.resolved:
        out += ["The difference was resolved.", ""]
    elif info.next_step is not None:
        out += [f"**Next step:** {info.next_step.label.removeprefix('Escalation, next step: ')}"
                f", by {info.next_step.due_text} ({LOCALLY}).", ""]
    else:
        out += ["Every step of the route has been taken: follow the Regional Safeguarding "
                "Board's escalation protocol to its end.", ""]
    out += [ROUTE, ""]
    return out


def _indented(text: str) -> str:
    return "\n".join(f"   {line}" for line in text.split("\n"))


def follow_through_markdown(info: FollowThroughInfo | None) -> list[str]:
    """The Markdown lines for the dated steps, response and escalation (none if ``None``)."""
    if info is None:
        return []
    out: list[str] = []
    if info.steps:
        out += ["## Dated steps", ""]
        out += [f"Counted from the decision, {due_text(info.decided_at)} (UK time). "
                + WORKING_DAYS, ""]
        if info.chase_now:
            out += [f"> **⚠ CHASE NOW.** {CHASE_NOW}", ""]
        out += [f"- {step_line(step)}" for step in info.steps]
        out += [""]
    awaits = any(step.awaits_response for step in info.steps)
    if info.responses or awaits:
        out += ["## The response from social services", ""]
        if not info.responses:
            out += ["No response has been recorded yet.", ""]
        for response in info.responses:
            by = f", from {escape(response.by)}" if response.by.strip() else ""
            out += [f"- {due_text(response.at)}: **{response.outcome_label}**{by}."]
            if response.reason.strip():
                out += ["", "  Reason given:", "", _indented(quote(response.reason))[1:], ""]
            elif response.outcome.value != "none":
                out += ["", "  No reason was given: ask for one.", ""]
        if out[-1]:
            out += [""]
    if info.escalation is not None:
        out += _escalation(info.escalation)
    return out
