"""The household case: one child protection conference, several children, a decision each.

A conference considers a family, but the procedures require a decision **for each child**.
A household file holds what the conference shares (the case reference, the reason for the
conference, the answers to the questions a document marks ``scope: household``) and, for
each child, their own answers where they differ, their own voice, each agency's view on
their registration and, for a registered child, what their plan must say. The decision
itself is never stored: it is derived by the engine from the shared answers and the child's
own, so a household file and the document always agree.

The same model reads the hand-written household answers file of ``conference run`` and the
file the app and plain mode save: only ``household_id`` and the times differ.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from threshold_guide.i18n.catalogue import N_
from threshold_guide.models.base import Identifier
from threshold_guide.models.session import Given, GivenAnswer, GuidanceRef, HistoryEvent
from threshold_guide.models.timestamps import Timestamp

HOUSEHOLD_FORMAT: Literal[1] = 1
"""The household file format version this code reads and writes."""

HOUSEHOLD_KIND = "household"
"""The value of the top-level ``kind`` field that marks a household file."""

CHILD_REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 .'-]{0,39}$"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Category(StrEnum):
    """The categories of registration in Wales (alone or combined)."""

    PHYSICAL = "physical"
    EMOTIONAL = "emotional"
    SEXUAL = "sexual"
    FINANCIAL = "financial"
    NEGLECT = "neglect"


CATEGORY_LABELS: dict[Category, str] = {
    Category.PHYSICAL: N_("Physical abuse"),
    Category.EMOTIONAL: N_("Emotional or psychological abuse"),
    Category.SEXUAL: N_("Sexual abuse"),
    Category.FINANCIAL: N_("Financial abuse"),
    Category.NEGLECT: N_("Neglect"),
}
"""English labels, marked for the catalogue: translate where shown."""


class View(StrEnum):
    """An attending agency's view on registration for one child."""

    REGISTER = "register"
    DO_NOT_REGISTER = "do-not-register"


class ChildVoice(_File):
    """The child's own voice, recorded for this child and never borrowed from a sibling."""

    said: str = Field(default="", max_length=5000)
    """What the child said, in their own words, and to whom."""
    seen_how: str = Field(default="", max_length=2000)
    """How, where and by whom the child was seen (for a baby or a child who does not use
    words: what was observed of them)."""
    seen_alone: bool | None = None
    """Whether the child was seen on their own; null when not recorded."""
    wishes: str = Field(default="", max_length=5000)
    """What the child wishes for, and what worries them."""
    withhold_from_family: bool = False
    """True when what the child said must not be shared with their family (they asked, or
    sharing could put them at risk). Papers and explanations for the family then refuse
    unless a reason to share is confirmed."""

    @property
    def recorded(self) -> bool:
        """Whether anything of the child's voice is recorded."""
        return bool(self.said.strip() or self.wishes.strip() or self.seen_how.strip())


class AgencyView(_File):
    """One attending agency's view on registration for one child."""

    agency: str = Field(min_length=1, max_length=120)
    """The agency, e.g. 'school', 'health visitor', 'police', 'social services'."""
    view: View
    """'register' or 'do-not-register'."""
    categories: list[Category] = Field(default_factory=list)
    """With 'register': the categories this agency would register under."""
    reason: str = Field(min_length=1, max_length=5000)
    """Why, with the evidence the agency relies on."""


class ChildPlan(_File):
    """What the care and support protection plan must say for a registered child."""

    what_must_change: str = Field(default="", max_length=5000)
    """What needs to change for the child, in the child's terms (not a list of tasks for the
    parents): 'Child A has breakfast every school day and is not afraid at bedtime'."""
    safety_plan: str = Field(default="", max_length=5000)
    """How the child is kept safe now, and by whom."""
    contingency_plan: str = Field(default="", max_length=5000)
    """What happens if progress is not kept up, and what triggers it."""
    core_group: list[str] = Field(default_factory=list)
    """The core group: the agencies and roles (never names) who carry out the plan."""

    def missing(self) -> list[str]:
        """The parts of the plan not yet written, in words."""
        parts = {
            N_("what needs to change for the child"): self.what_must_change,
            N_("the safety plan"): self.safety_plan,
            N_("the contingency plan"): self.contingency_plan,
        }
        gaps = [name for name, text in parts.items() if not text.strip()]
        if not self.core_group:
            gaps.append(N_("the core group"))
        return gaps


class ChildCase(_File):
    """One child of the household: their own answers, voice, agency views and plan."""

    child: str = Field(pattern=CHILD_REF_PATTERN)
    """How the papers refer to the child, e.g. 'Child A'. Never a name."""
    age: int | None = Field(default=None, ge=0, le=25)
    """The child's age in years, if it helps the reader (optional)."""
    answers: dict[Identifier, Given] = Field(default_factory=dict)
    """This child's own answers: every question the document does not mark household-level,
    and any household-level answer that differs for this child."""
    voice: ChildVoice = Field(default_factory=ChildVoice)
    """The child's own voice. A child with none recorded is flagged in every output."""
    views: list[AgencyView] = Field(default_factory=list)
    """Each attending agency's view on registration for this child."""
    chair_reason: str = Field(default="", max_length=5000)
    """Where the agencies do not agree: the chair's reason for the decision."""
    plan: ChildPlan = Field(default_factory=ChildPlan)
    """For a registered child: what the care and support protection plan must say."""


class Household(_File):
    """A household case at a child protection conference (``kind: household``)."""

    kind: Literal["household"] = "household"
    """Always 'household': tells a household file apart from a session or scenario."""
    format: Literal[1] = HOUSEHOLD_FORMAT
    """The household file format version."""
    household_id: str = Field(default="", max_length=64)
    """Unique id, also the saved file's name; empty in a hand-written answers file."""
    reference: str = Field(default="", max_length=200)
    """The case reference. Never a name."""
    guidance: GuidanceRef | None = None
    """The document version the case is pinned to (set when saved)."""
    chair: str = Field(default="", max_length=200)
    """The chair's role, e.g. 'Independent conference chair'. Never a name."""
    held_at: Timestamp | None = None
    """When the conference is (or was) held: the dated steps count from it."""
    reason: str = Field(default="", max_length=5000)
    """The reason for the conference, in plain words, for the invitation."""
    s47_conclusion: str = Field(default="", max_length=5000)
    """The conclusion of the section 47 enquiries, in plain words, for the invitation."""
    attending: list[str] = Field(default_factory=list)
    """The agencies invited to attend (roles, never names)."""
    shared: dict[Identifier, Given] = Field(default_factory=dict)
    """Answers to the questions the document marks household-level, shared by every child."""
    children: list[ChildCase] = Field(min_length=1, max_length=20)
    """The children, each with their own walk and decision."""
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                          exclude_if=lambda v: v == "en")
    """The chair's language for the conference papers for partners (left out when
    English)."""
    family_language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        exclude_if=lambda v: v is None)
    """The family's language of choice: the family's invitation comes in it by default
    (left out when not recorded)."""
    history: list[HistoryEvent] = Field(default_factory=list)
    """Events besides answering, oldest first."""
    created_at: Timestamp | None = None
    """When the case was started (set when saved)."""
    updated_at: Timestamp | None = None
    """When it last changed (set when saved)."""

    @model_validator(mode="after")
    def _distinct_children(self) -> Household:
        seen: set[str] = set()
        for case in self.children:
            if case.child.casefold() in seen:
                raise ValueError(f"two children are called '{case.child}': give each their own "
                                 "reference ('Child A', 'Child B')")
            seen.add(case.child.casefold())
        return self

    def child_case(self, child: str) -> ChildCase:
        """The child called ``child`` (case-insensitive), or KeyError."""
        for case in self.children:
            if case.child.casefold() == child.casefold():
                return case
        raise KeyError(child)


def answers_of(mapping: dict[str, GivenAnswer]) -> dict[str, Any]:
    """Question id to selection, as the engine takes them."""
    return {question: given.answer for question, given in mapping.items()}
