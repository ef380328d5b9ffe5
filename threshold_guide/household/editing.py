"""Changing a household case as a front end does: children, walks as sessions, rows.

A front end walks the household's questions and each child's with the ordinary one-child
walk (:class:`~threshold_guide.session.walkthrough.Walkthrough`) over a session built here, and
hands the session back after every change: :func:`absorb` sorts its answers into the
shared ones and the child's own, so the rules stay in the engine and the household model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from threshold_guide.household.decisions import ChildDecision, decide_child
from threshold_guide.household.walk import (
    Pinned,
    child_answers,
    household_pending,
    household_question_ids,
)
from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.household import Category, ChildCase, Household
from threshold_guide.models.session import GuidanceRef, Session
from threshold_guide.models.text import render

NOT_DECIDED = N_("not decided yet")


def next_child_ref(household: Household) -> str:
    """'Child A', 'Child B', ...: the first such reference no child has."""
    taken = {case.child.casefold() for case in household.children}
    for number in range(26 * 27):
        letters = chr(ord("A") + number % 26)
        if number >= 26:
            letters = chr(ord("A") + number // 26 - 1) + letters
        ref = f"Child {letters}"
        if ref.casefold() not in taken:
            return ref
    raise ValueError("no free child reference")


def with_child(household: Household, case: ChildCase) -> Household:
    """The household with ``case`` replacing the child of the same reference."""
    children = [case if c.child.casefold() == case.child.casefold() else c
                for c in household.children]
    return household.model_copy(update={"children": children})


def add_child(household: Household, child: str) -> Household:
    """The household with one more child; ValueError if the reference is not usable."""
    checked = ChildCase(child=child)  # the reference rules live in the model
    return Household.model_validate({**household.model_dump(),
                                     "children": [*household.model_dump()["children"],
                                                  checked.model_dump()]})


def rename_child(household: Household, old: str, new: str) -> Household:
    """The household with child ``old`` called ``new``; ValueError if not usable."""
    data = household.model_dump()
    for case in data["children"]:
        if case["child"].casefold() == old.casefold():
            case["child"] = new
    return Household.model_validate(data)


def remove_child(household: Household, child: str, language: str = "en") -> Household:
    """The household without ``child``; ValueError for the last child."""
    if len(household.children) <= 1:
        raise ValueError(translator(language).gettext("a household keeps at least one child"))
    children = [c for c in household.children if c.child.casefold() != child.casefold()]
    return household.model_copy(update={"children": children})


def walk_session(pinned: Pinned, household: Household, case: ChildCase | None,
                 now: dt.datetime, language: str = "en") -> Session:
    """A session to walk: the household's questions (``case`` None) on the shared answers,
    or one child's walk on the shared answers with the child's own on top, in ``language``
    (the interface's, as the household screens use)."""
    answers = dict(household.shared) if case is None else child_answers(household, case)
    document = pinned.document
    # Translators: shown after the case reference while the household's questions are walked.
    label = translator(language).gettext("household") if case is None else case.child
    return Session(
        session_id=(household.household_id or "household")[:48] + "-walk",
        reference=f"{household.reference} · {label}".strip(" ·"),
        guidance=household.guidance or GuidanceRef(
            id=document.id, version=document.version, sha256=pinned.sha256),
        role=household.chair,
        agency="conference",
        answers=answers,
        # The walk shows the document in the language the household screens show it in.
        language=language,
        created_at=household.created_at or now,
        updated_at=now,
    )


def absorb(document: ThresholdDocument, household: Household, child: str | None,
           session: Session) -> Household:
    """The household with the answers of a walked session put back where they belong.

    In the household's walk only household questions are kept, as shared answers. In a
    child's walk an answer is the child's own unless it is a household question answered
    exactly as the household did (a child's answer that differs is kept as theirs).
    """
    shared_ids = household_question_ids(document)
    if child is None:
        shared = {q: given for q, given in session.answers.items() if q in shared_ids}
        return household.model_copy(update={"shared": shared})
    case = household.child_case(child)
    own = {q: given for q, given in session.answers.items()
           if not (q in shared_ids and household.shared.get(q) == given)}
    return with_child(household, case.model_copy(update={"answers": own}))


@dataclass(frozen=True)
class ChildRow:
    """One child's line in the household view."""

    child: str
    progress: str
    decision: str
    flags: tuple[str, ...]


def child_row(document: ThresholdDocument, household: Household,
              decision: ChildDecision, language: str = "en") -> ChildRow:
    """The child's progress and decision (or 'not decided yet') in a few words."""
    tr = translator(language)
    route = decision.route
    if decision.problem is not None:
        progress = tr.gettext("⚠ an answer must be changed")
    elif route is None or (not route.steps and household_pending(document, household)):
        progress = tr.gettext("not started")
    else:
        shared_ids = household_question_ids(document)
        own = sum(1 for step in route.steps if step.question.id not in shared_ids)
        progress = (tr.gettext("done · {count}").format(count=own) if decision.finished else
                    tr.ngettext("{count} answered", "{count} answered", own) if own
                    else tr.gettext("not started"))
    outcome = decision.outcome
    text = render(outcome.title, language) if outcome is not None else tr.gettext(NOT_DECIDED)
    if decision.categories:
        text += " (" + ", ".join(tr.gettext(CATEGORY_WORDS[c]) for c in decision.categories) + ")"
    return ChildRow(decision.case.child, progress, text, decision.flags)


def child_rows(document: ThresholdDocument, household: Household,
               language: str = "en") -> list[ChildRow]:
    return [child_row(document, household,
                      decide_child(document, household, case, language), language)
            for case in household.children]


CATEGORY_WORDS: dict[Category, str] = {
    Category.PHYSICAL: N_("physical"),
    Category.EMOTIONAL: N_("emotional"),
    Category.SEXUAL: N_("sexual"),
    Category.FINANCIAL: N_("financial"),
    Category.NEGLECT: N_("neglect"),
}
"""A category in one word, for a table row (English: the category's id)."""
