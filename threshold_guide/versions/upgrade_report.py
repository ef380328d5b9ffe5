"""What an upgrade kept and what must be asked again, in words. Pure."""

from __future__ import annotations

from threshold_guide.engine.route import derive_route
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GuidanceRef
from threshold_guide.models.text import render
from threshold_guide.session.upgrade import DropReason, Upgrade, departures_without_reason

_WHY: dict[DropReason, str] = {
    "reworded": "reworded: ask again",
    "not-accepted": "the answer given is no longer offered: ask again",
    "removed": "no longer asked",
    "not-asked": "not a question of the version it was answered under",
}


def _prompt(question_id: str, *documents: ThresholdDocument | None) -> str:
    for document in documents:
        if document is not None and document.has_question(question_id):
            return " ".join(render(document.question(question_id).prompt).split())
    return question_id


def upgrade_report(upgrade: Upgrade, before: GuidanceRef, old: ThresholdDocument | None,
                   new: ThresholdDocument) -> str:
    """Lines for the terminal: kept, asked again, dropped, and where the walk resumes."""
    lines = [f"Moved session {upgrade.session.session_id} from {before.id} {before.version} "
             f"to {new.id} {new.version}."]
    change = upgrade.outcome_change()
    if change is not None:
        lines += ["", change]
    if old is None:
        lines.append("The version it was started with is not available, so questions could "
                     "not be compared: answers were kept where the question and answer "
                     "still exist.")
    rerouted = set(upgrade.rerouted)
    lines += ["", f"Kept ({len(upgrade.kept)}):"]
    lines += [f"  - {q}: {_prompt(q, new)}" + (" (now leads elsewhere)" if q in rerouted else "")
              for q in upgrade.kept] or ["  (none)"]
    again = upgrade.reasked
    departing = {step.question.id: step for step in departures_without_reason(
        new, upgrade.session.answers)}
    lines += ["", f"To be asked again ({len(again) + len(departing)}):"]
    asked = [f"  - {q}: {_prompt(q, new)} ({_WHY[upgrade.reasons[q]]})" for q in again]
    for question_id, step in departing.items():
        assert step.suggestion is not None
        asked.append(f"  - {question_id}: {_prompt(question_id, new)} (the answer kept departs "
                     f"from what {new.version} suggests, '{step.suggestion.target}' because "
                     f"{render(step.suggestion.rationale)}: agree, or give a reason)")
    lines += asked or ["  (none)"]
    gone = [q for q in upgrade.dropped if q not in again]
    if gone:
        lines += ["", f"Not carried over ({len(gone)}):"]
        lines += [f"  - {q}: {_prompt(q, old)} ({_WHY[upgrade.reasons[q]]})" for q in gone]
    route = derive_route(new, upgrade.session.selections(),
                         upgrade.session.departure_reasons())
    lines.append("")
    if route.pending is not None:
        added = old is not None and not old.has_question(route.pending.id)
        confirm = route.pending.id in departing
        lines.append(f"The walk resumes at {route.pending.id}: {_prompt(route.pending.id, new)}"
                     + (f" (new in {new.version})" if added else "")
                     + (" (to agree with the suggestion or give a reason)" if confirm else ""))
    elif route.outcome is not None:
        lines.append(f"The answers kept reach the outcome {route.outcome.id}: "
                     f"{render(route.outcome.title)}. Review it before relying on it.")
    lines.append("The move, every answer not carried over and any change of outcome are "
                 "recorded in the session's history.")
    return "\n".join(lines) + "\n"
