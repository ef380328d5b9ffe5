"""What an upgrade kept and what must be asked again, in words. Pure."""

from __future__ import annotations

from threshold_guide.engine.route import derive_route
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GuidanceRef
from threshold_guide.models.text import render
from threshold_guide.session.upgrade import DropReason, Upgrade, departures_without_reason

_WHY: dict[DropReason, str] = {
    "reworded": N_("reworded: ask again"),
    "not-accepted": N_("the answer given is no longer offered: ask again"),
    "removed": N_("no longer asked"),
    "not-asked": N_("not a question of the version it was answered under"),
}


def _prompt(question_id: str, language: str, *documents: ThresholdDocument | None) -> str:
    for document in documents:
        if document is not None and document.has_question(question_id):
            return " ".join(render(document.question(question_id).prompt, language).split())
    return question_id


def upgrade_report(upgrade: Upgrade, before: GuidanceRef, old: ThresholdDocument | None,
                   new: ThresholdDocument, language: str = "en") -> str:
    """Lines for the terminal: kept, asked again, dropped, and where the walk resumes; in
    ``language``, the guidance's words too where it has them."""
    tr = translator(language)
    _ = tr.gettext
    lines = [_("Moved session {session} from {old_id} {old_version} to {new_id} "
               "{new_version}.").format(
        session=upgrade.session.session_id, old_id=before.id, old_version=before.version,
        new_id=new.id, new_version=new.version)]
    change = upgrade.outcome_change(language)
    if change is not None:
        lines += ["", change]
    if old is None:
        lines.append(_("The version it was started with is not available, so questions could "
                       "not be compared: answers were kept where the question and answer "
                       "still exist."))
    rerouted = set(upgrade.rerouted)
    none = "  " + _("(none)")
    lines += ["", _("Kept ({count}):").format(count=len(upgrade.kept))]
    lines += [f"  - {q}: {_prompt(q, language, new)}"
              + (" " + _("(now leads elsewhere)") if q in rerouted else "")
              for q in upgrade.kept] or [none]
    again = upgrade.reasked
    departing = {step.question.id: step for step in departures_without_reason(
        new, upgrade.session.answers)}
    lines += ["", _("To be asked again ({count}):").format(count=len(again) + len(departing))]
    asked = [f"  - {q}: {_prompt(q, language, new)} ({_(_WHY[upgrade.reasons[q]])})"
             for q in again]
    for question_id, step in departing.items():
        assert step.suggestion is not None
        asked.append(f"  - {question_id}: {_prompt(question_id, language, new)} " + _(
            "(the answer kept departs from what {version} suggests, '{answer}' because "
            "{reason}: agree, or give a reason)").format(
                version=new.version, answer=step.suggestion.target,
                reason=render(step.suggestion.rationale, language)))
    lines += asked or [none]
    gone = [q for q in upgrade.dropped if q not in again]
    if gone:
        lines += ["", _("Not carried over ({count}):").format(count=len(gone))]
        lines += [f"  - {q}: {_prompt(q, language, old)} ({_(_WHY[upgrade.reasons[q]])})"
                  for q in gone]
    route = derive_route(new, upgrade.session.selections(),
                         upgrade.session.departure_reasons())
    lines.append("")
    if route.pending is not None:
        added = old is not None and not old.has_question(route.pending.id)
        confirm = route.pending.id in departing
        lines.append(_("The walk resumes at {question}: {prompt}").format(
                         question=route.pending.id,
                         prompt=_prompt(route.pending.id, language, new))
                     + (" " + _("(new in {version})").format(version=new.version)
                        if added else "")
                     + (" " + _("(to agree with the suggestion or give a reason)")
                        if confirm else ""))
    elif route.outcome is not None:
        lines.append(_("The answers kept reach the outcome {outcome}: {title}. Review it "
                       "before relying on it.").format(
            outcome=route.outcome.id, title=render(route.outcome.title, language)))
    lines.append(_("The move, every answer not carried over and any change of outcome are "
                   "recorded in the session's history."))
    return "\n".join(lines) + "\n"
