"""Each child's decision in a household case, and what is missing from it.

The decision is the outcome of the child's own walk. Around it, the conference records
each agency's view, the child's voice and, for a registered child, the plan. What is
missing is never filled in from a sibling: it is *flagged*, in words, in every output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from threshold_guide.engine.route import Route
from threshold_guide.engine.routing import AnswerError
from threshold_guide.household.walk import child_route, household_pending
from threshold_guide.i18n.catalogue import translator
from threshold_guide.models.document import Outcome, ThresholdDocument
from threshold_guide.models.household import Category, ChildCase, Household, View

CATEGORY_QUESTION = "categories"
"""The checklist of categories a registration document asks for a registered child."""

REGISTERED_OUTCOMES = frozenset({"register", "stay-registered"})
"""Outcomes of a registration document that leave the child's name on the register."""


class Agreement(StrEnum):
    """How the decision was reached among the agencies attending."""

    CONSENSUS = "consensus"
    """Every agency's view matches the decision."""
    CHAIR_DECIDES = "chair-decides"
    """The views differ: the chair decides, and every view is recorded."""
    NO_VIEWS = "no-views"
    """No agency's view is recorded yet."""


@dataclass(frozen=True)
class ChildDecision:
    """One child's decision, or how far their walk has got, with every flag."""

    case: ChildCase
    route: Route | None
    outcome: Outcome | None
    registered: bool
    categories: tuple[Category, ...]
    agreement: Agreement
    flags: tuple[str, ...] = field(default=())
    problem: str | None = None
    """An answer the document cannot accept (the walk cannot go on until it is changed)."""

    @property
    def finished(self) -> bool:
        return self.outcome is not None


def registered(outcome: Outcome | None) -> bool:
    return outcome is not None and outcome.id in REGISTERED_OUTCOMES


def _categories(route: Route | None) -> tuple[Category, ...]:
    if route is None:
        return ()
    for step in route.steps:
        if step.question.id == CATEGORY_QUESTION and isinstance(step.selection, list):
            return tuple(Category(item) for item in step.selection if item in set(Category))
    return ()


def agreement(case: ChildCase, is_registered: bool) -> Agreement:
    if not case.views:
        return Agreement.NO_VIEWS
    wanted = View.REGISTER if is_registered else View.DO_NOT_REGISTER
    if all(view.view is wanted for view in case.views):
        return Agreement.CONSENSUS
    return Agreement.CHAIR_DECIDES


def voice_flag(case: ChildCase, language: str = "en") -> str | None:
    """The flag of a child with no voice recorded, or None."""
    if case.voice.recorded:
        return None
    return translator(language).gettext(
        "{child}: no voice recorded. Seek and record what {child} says and wishes; it is "
        "never taken from a brother or sister.").format(child=case.child)


def _flags(case: ChildCase, outcome: Outcome | None, is_registered: bool,
           categories: tuple[Category, ...], agreed: Agreement, language: str) -> list[str]:
    tr = translator(language)
    who = case.child
    flags = []
    missing_voice = voice_flag(case, language)
    if missing_voice is not None:
        flags.append(missing_voice)
    elif case.voice.seen_alone is None:
        flags.append(tr.gettext("{child}: whether {child} was seen alone is not recorded.")
                     .format(child=who))
    if outcome is None or outcome.emergency:
        return flags
    if agreed is Agreement.NO_VIEWS:
        flags.append(tr.gettext("{child}: no agency's view on registration is recorded. Ask "
                                "each agency attending for its view on this child.")
                     .format(child=who))
    elif agreed is Agreement.CHAIR_DECIDES and not case.chair_reason.strip():
        flags.append(tr.gettext("{child}: the agencies' views differ and the chair's reason "
                                "is not recorded.").format(child=who))
    if is_registered:
        if not categories:
            flags.append(tr.gettext("{child}: registered, but no category is ticked. Choose "
                                    "at least one.").format(child=who))
        gaps = case.plan.missing()
        if gaps:
            flags.append(tr.gettext("{child}: the plan does not yet say {parts}.").format(
                child=who, parts=", ".join(tr.gettext(gap) for gap in gaps)))
    return flags


def decide_child(document: ThresholdDocument, household: Household,
                 case: ChildCase, language: str = "en") -> ChildDecision:
    """The decision for one child (or how far the walk has got), with its flags."""
    try:
        route: Route | None = child_route(document, household, case)
        problem = None
    except AnswerError as error:
        route, problem = None, str(error)
    outcome = route.outcome if route is not None else None
    is_registered = registered(outcome)
    categories = _categories(route) if is_registered else ()
    agreed = agreement(case, is_registered)
    flags = _flags(case, outcome, is_registered, categories, agreed, language)
    return ChildDecision(case, route, outcome, is_registered, categories, agreed,
                         tuple(flags), problem)


def decide_household(document: ThresholdDocument, household: Household,
                     language: str = "en") -> list[ChildDecision]:
    """Every child's decision, in the order the household lists the children."""
    return [decide_child(document, household, case, language) for case in household.children]


def invitation_flags(household: Household, language: str = "en") -> list[str]:
    """What the invitation needs and does not have yet."""
    tr = translator(language)
    flags = []
    if not household.reason.strip():
        flags.append(tr.gettext("The reason for the conference is not recorded (the "
                                "invitation needs it)."))
    if not household.s47_conclusion.strip():
        flags.append(tr.gettext("The conclusion of the section 47 enquiries is not recorded "
                                "(the invitation needs it)."))
    return flags


def household_flags(document: ThresholdDocument, household: Household,
                    language: str = "en") -> list[str]:
    """Flags about the household as a whole (the invitation's gaps, questions left)."""
    flags = invitation_flags(household, language)
    pending = household_pending(document, household)
    if pending is not None:
        flags.append(translator(language).gettext(
            "Household question not yet answered: '{question}'.").format(question=pending.id))
    return flags
