"""What an upgrade kept and what must be asked again, in words. Pure."""

from __future__ import annotations

from threshold_guide.engine.route import derive_route
from threshold_guide.i18n.catalogue import N_, Translator, translator
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import GuidanceRef
from threshold_guide.models.text import DEFAULT_LANGUAGE, render
from threshold_guide.session.upgrade import DropReason, Upgrade, departures_without_reason

_WHY: dict[DropReason, str] = {
    "reworded": N_("reworded: ask again"),
    "not-accepted": N_("the answer given is no longer offered: ask again"),
    "removed": N_("no longer asked"),
    "not-asked": N_("not a question of the version it was answered under"),
}


def _prompt(language: str, question_id: str, *documents: ThresholdDocument | None) -> str:
    for document in documents:
        if document is not None and document.has_question(question_id):
            return " ".join(render(document.question(question_id).prompt, language).split())
    return question_id


def _why(tr: Translator, upgrade: Upgrade, question_id: str) -> str:
    return tr.gettext(_WHY[upgrade.reasons[question_id]])


def upgrade_report(upgrade: Upgrade, before: GuidanceRef, old: ThresholdDocument | None,
                   new: ThresholdDocument, language: str = DEFAULT_LANGUAGE) -> str:
    """Lines for the terminal, in ``language``: kept, asked again, dropped, and where the
    walk resumes."""
    tr = translator(language)
    none = [tr.gettext("  (none)")]
    lines = [tr.gettext("Moved session {session} from {old} {old_version} to {new} "
                        "{new_version}.").format(
                            session=upgrade.session.session_id, old=before.id,
                            old_version=before.version, new=new.id, new_version=new.version)]
    change = upgrade.outcome_change(language)
    if change is not None:
        lines += ["", change]
    if old is None:
        lines.append(tr.gettext(
            "The version it was started with is not available, so questions could not be "
            "compared: answers were kept where the question and answer still exist."))
    rerouted = set(upgrade.rerouted)
    lines += ["", tr.gettext("Kept ({count}):").format(count=len(upgrade.kept))]
    elsewhere = tr.gettext("{question}: {prompt} (now leads elsewhere)")
    lines += [
        "  - " + (elsewhere if q in rerouted else "{question}: {prompt}").format(
            question=q, prompt=_prompt(language, q, new))
        for q in upgrade.kept] or none
    again = upgrade.reasked
    departing = {step.question.id: step for step in departures_without_reason(
        new, upgrade.session.answers)}
    lines += ["", tr.gettext("To be asked again ({count}):").format(
        count=len(again) + len(departing))]
    asked = [f"  - {q}: {_prompt(language, q, new)} ({_why(tr, upgrade, q)})" for q in again]
    for question_id, step in departing.items():
        assert step.suggestion is not None
        asked.append("  - " + tr.gettext(
            "{question}: {prompt} (the answer kept departs from what {version} suggests, "
            "'{suggested}' because {rationale}: agree, or give a reason)").format(
                question=question_id, prompt=_prompt(language, question_id, new),
                version=new.version, suggested=step.suggestion.target,
                rationale=render(step.suggestion.rationale, language)))
    lines += asked or none
    gone = [q for q in upgrade.dropped if q not in again]
    if gone:
        lines += ["", tr.gettext("Not carried over ({count}):").format(count=len(gone))]
        lines += [f"  - {q}: {_prompt(language, q, old)} ({_why(tr, upgrade, q)})"
                  for q in gone]
    route = derive_route(new, upgrade.session.selections(),
                         upgrade.session.departure_reasons())
    lines.append("")
    if route.pending is not None:
        added = old is not None and not old.has_question(route.pending.id)
        confirm = route.pending.id in departing
        values = {"question": route.pending.id,
                  "prompt": _prompt(language, route.pending.id, new), "version": new.version}
        if added and confirm:
            resumes = tr.gettext("The walk resumes at {question}: {prompt} (new in {version}) "
                                 "(to agree with the suggestion or give a reason)")
        elif added:
            resumes = tr.gettext("The walk resumes at {question}: {prompt} (new in {version})")
        elif confirm:
            resumes = tr.gettext("The walk resumes at {question}: {prompt} (to agree with the "
                                 "suggestion or give a reason)")
        else:
            resumes = tr.gettext("The walk resumes at {question}: {prompt}")
        lines.append(resumes.format(**values))
    elif route.outcome is not None:
        lines.append(tr.gettext("The answers kept reach the outcome {outcome}: {title}. Review "
                                "it before relying on it.").format(
                                    outcome=route.outcome.id,
                                    title=render(route.outcome.title, language)))
    lines.append(tr.gettext("The move, every answer not carried over and any change of "
                            "outcome are recorded in the session's history."))
    return "\n".join(lines) + "\n"
