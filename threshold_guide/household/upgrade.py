"""Moving a household case to another version of its document, as sessions move (pure).

The shared answers move as a session of their own, and each child's walk (the shared
answers kept, the child's own on top) as another, with the ordinary
:func:`~threshold_guide.session.upgrade.upgrade_session`: an answer stands where its question
was not reworded, and everything that could not be carried over is written into the
household's history, so nothing typed is lost. The child's voice, agency views and plan are
not tied to questions and are kept as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.household import Household
from threshold_guide.models.session import GivenAnswer, GuidanceRef, HistoryEvent, Session
from threshold_guide.models.text import DEFAULT_LANGUAGE
from threshold_guide.session.upgrade import Upgrade, outcome_of, upgrade_session


@dataclass(frozen=True)
class ChildUpgrade:
    """What moving did to one child's walk."""

    child: str
    kept: list[str] = field(default_factory=list)
    """The child's own answers carried over (question ids)."""
    dropped: list[str] = field(default_factory=list)
    """The child's own answers not carried over (recorded in the history)."""
    reasked: list[str] = field(default_factory=list)
    """Questions the child's walk must ask again (reworded, or the answer not offered)."""
    departs: list[str] = field(default_factory=list)
    """Kept judgement answers that now depart from the suggestion with no reason."""
    outcome_change: str | None = None
    """The change of the child's decision, in an English sentence (as the history records
    it); None when unchanged."""
    outcomes: Upgrade | None = None
    """The child's decision before and after the move, to say the change in any language."""


@dataclass(frozen=True)
class HouseholdUpgrade:
    """A household moved to another document version."""

    household: Household
    shared: Upgrade
    """The move of the shared answers."""
    children: list[ChildUpgrade]


def _session(household: Household, answers: Mapping[str, GivenAnswer]) -> Session:
    guidance = household.guidance
    assert guidance is not None
    moment = household.updated_at or household.created_at or household.held_at
    assert moment is not None
    return Session(session_id="household", reference=household.reference, guidance=guidance,
                   answers=dict(answers), created_at=moment, updated_at=moment)



def upgrade_household(household: Household, old: ThresholdDocument | None,
                      new: ThresholdDocument, new_sha256: str,
                      now: dt.datetime) -> HouseholdUpgrade:
    """Move ``household`` (which must be pinned: ``guidance`` set) to ``new``."""
    ref = household.guidance
    if ref is None:
        raise ValueError("the household is not pinned to a document version")
    if household.created_at is None and household.updated_at is None and (
            household.held_at is None):
        household = household.model_copy(update={"created_at": now})
    shared = upgrade_session(_session(household, household.shared), old, new, new_sha256, now)
    # The first event of every move is the move itself; it is said once, for the case.
    shared_events = shared.session.history[1:]
    shared_texts = {event.event for event in shared_events}
    how = ("answers to questions that were not reworded were kept" if old is not None else
           "the pinned version was not available to compare, so answers were kept where the "
           "question and answer still exist")
    events = [HistoryEvent(at=now, event=(
        f"Moved from {ref.id} {ref.version} (content {ref.sha256[:12]}) to {new.id} "
        f"{new.version} (content {new_sha256[:12]}): {how}, for the household and for each "
        "child; the children's voice, agency views and plans are kept as they were."))]
    events += [HistoryEvent(at=now, event=f"Household: {event.event}")
               for event in shared_events]
    children = []
    results = []
    for case in household.children:
        merged = {**shared.session.answers, **case.answers}
        moved = upgrade_session(_session(household, merged), old, new, new_sha256, now)
        own = {q: given for q, given in moved.session.answers.items() if q in case.answers}
        before = outcome_of(old, {**household.shared, **case.answers})
        after = outcome_of(new, {**shared.session.answers, **own})
        change_of = Upgrade(moved.session, outcome_before=before, outcome_after=after)
        change = change_of.outcome_change()
        own_change = moved.outcome_change()
        for event in moved.session.history[1:]:
            if event.event in shared_texts or event.event == own_change:
                continue  # told once for the household; the outcome is worked out below
            events.append(HistoryEvent(at=now, event=f"{case.child}: {event.event}"))
        if change is not None:
            events.append(HistoryEvent(at=now, event=f"{case.child}: {change}"))
        dropped = [q for q in moved.dropped if q in case.answers]
        results.append(ChildUpgrade(
            child=case.child, kept=[q for q in case.answers if q in own], dropped=dropped,
            reasked=[q for q in moved.reasked if q in case.answers],
            departs=[q for q in moved.departs if q not in shared.departs],
            outcome_change=change, outcomes=change_of))
        children.append(case.model_copy(update={"answers": own}))
    moved_household = household.model_copy(update={
        "guidance": GuidanceRef(id=new.id, version=new.version, sha256=new_sha256),
        "shared": shared.session.answers,
        "children": children,
        "history": [*household.history, *events],
        "updated_at": now,
    })
    return HouseholdUpgrade(moved_household, shared, results)


def upgrade_report(result: HouseholdUpgrade, ref: GuidanceRef,
                   language: str = DEFAULT_LANGUAGE) -> str:
    """What moving did, for the chair (plain text, a line each), in ``language``."""
    tr = translator(language)
    new = result.household.guidance
    assert new is not None
    shared = result.shared
    lines = [tr.gettext("Moved household {household} from {document} {old_version} to "
                        "{new_version}.").format(
                            household=result.household.household_id
                            or result.household.reference,
                            document=ref.id, old_version=ref.version, new_version=new.version),
             tr.gettext("Household answers: {kept} kept, {dropped} not carried over.").format(
                 kept=len(shared.kept), dropped=len(shared.dropped))]
    if shared.reasked:
        lines.append("  " + tr.gettext("Ask again: {questions}.").format(
            questions=", ".join(shared.reasked)))
    for child in result.children:
        lines.append(tr.gettext("{child}: {kept} of their own answers kept, {dropped} not "
                                "carried over.").format(
                                    child=child.child, kept=len(child.kept),
                                    dropped=len(child.dropped)))
        if child.reasked:
            lines.append("  " + tr.gettext("Ask again: {questions}.").format(
                questions=", ".join(child.reasked)))
        if child.departs:
            lines.append("  " + tr.gettext(
                "Departs from the suggestion with no reason: {questions}.").format(
                    questions=", ".join(child.departs)))
        change = (child.outcomes.outcome_change(language) if child.outcomes is not None
                  else child.outcome_change)
        if change is not None:
            lines.append(f"  {change}")
    lines.append(tr.gettext("Everything not carried over is recorded in the household's "
                            "history."))
    return "\n".join(lines) + "\n"
