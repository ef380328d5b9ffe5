"""Conference papers: the invitation, each child's decision record, the agency report outline.

Built from a household file by :mod:`threshold_guide.household.papers`; rendered as
Markdown, print-ready HTML and this JSON (``threshold-guide schema --kind conference-papers``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.models.timestamps import Timestamp


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class PapersGuidance(_Out):
    """The exact document version the decisions rest on."""

    id: str
    """The document id."""
    version: str
    """The document version."""
    sha256: str
    """sha256 of the document's canonical content."""
    title: str
    """The document's title."""


class InvitedChild(_Out):
    """A child the conference is about."""

    child: str
    """How the papers refer to the child, e.g. 'Child A'."""
    age: int | None
    """Age in years, if recorded."""


class Invitation(_Out):
    """A conference invitation for the family or for partners."""

    audience: Literal["family", "partners"]
    """Who the invitation is for."""
    conference: str
    """Which conference, in words."""
    held_at: Timestamp | None
    """When the conference is held."""
    reason: str
    """The reason for the conference, in plain words."""
    s47_conclusion: str
    """The conclusion of the section 47 enquiries, in plain words."""
    children: list[InvitedChild]
    """The children the conference is about; a decision is made for each."""
    attending: list[str]
    """The agencies invited (partners' invitation only; empty for the family)."""
    what_happens: list[str]
    """What happens at the conference, in plain words."""
    asks: list[str]
    """What the reader is asked to do before the conference."""


class ReasonLine(_Out):
    """One answer on the child's route, with the document's sentence and the evidence."""

    question: str
    """The question id."""
    prompt: str
    """The question as asked."""
    answer: str
    """The answer given, in words."""
    rationale: str
    """The guidance's sentence for that answer."""
    shared: bool
    """True when the answer is the household's, shared by every child."""
    note: str | None
    """The evidence recorded with the answer."""
    evidence: str | None
    """How the evidence is known (observed, disclosed, reported, opinion)."""


class JudgementLine(_Out):
    """A judgement question: what the guidance suggested and what the conference decided."""

    prompt: str
    """The question."""
    suggested: str
    """The answer the guidance suggested."""
    because: str
    """Why it suggested it."""
    chosen: str
    """The answer the conference chose."""
    departed: bool
    """True when the conference departed from the suggestion."""
    reason: str | None
    """The reason recorded for a departure."""


class FloorLine(_Out):
    """A minimum response that applies to this child's decision."""

    title: str
    """What the floor protects."""
    minimum: str
    """The lowest outcome allowed without a recorded departure."""
    met: bool
    """Whether the decision meets it."""
    rationale: str
    """Why the floor exists."""


class ViewLine(_Out):
    """One agency's view on registration for the child."""

    agency: str
    """The agency."""
    view: str
    """'register' or 'do-not-register'."""
    categories: list[str]
    """The categories that agency would register under."""
    reason: str
    """Its reason, with the evidence."""
    matches_decision: bool
    """Whether the view matches the conference's decision."""


class VoiceOut(_Out):
    """The child's own voice."""

    recorded: bool
    """False when nothing is recorded: flagged, never taken from a sibling."""
    said: str
    """What the child said, in their words."""
    seen_how: str
    """How, where and by whom the child was seen."""
    seen_alone: bool | None
    """Whether the child was seen alone (null: not recorded)."""
    wishes: str
    """What the child wishes for and what worries them."""


class PlanOut(_Out):
    """What the care and support protection plan says."""

    what_must_change: str
    """What needs to change for the child, in the child's terms."""
    safety_plan: str
    """How the child is kept safe now."""
    contingency_plan: str
    """What happens if progress is not kept up."""
    core_group: list[str]
    """The core group."""


class DateLine(_Out):
    """A dated step of the decision."""

    label: str
    """The step."""
    due: Timestamp
    """When it is due."""
    due_text: str
    """The due time in words, UK local time."""
    confirm_locally: bool
    """True where the timescale is to be confirmed locally."""


class DecisionRecord(_Out):
    """The record of the decision for one child."""

    child: str
    """How the papers refer to the child."""
    age: int | None
    """Age in years, if recorded."""
    finished: bool
    """False when the child's walk has not reached a decision yet."""
    decision: str | None
    """The outcome id (null while unfinished)."""
    decision_title: str | None
    """The decision in words."""
    registered: bool
    """True when the child's name is on the register after this conference."""
    categories: list[str]
    """The categories of registration, in words."""
    rationale: str | None
    """The guidance's sentence for the decision."""
    agreement: str
    """'consensus', 'chair-decides' or 'no-views'."""
    chair_reason: str
    """The chair's reason where the views differ."""
    views: list[ViewLine]
    """Each agency's view."""
    reasons: list[ReasonLine]
    """The answers that led to the decision, with their evidence."""
    judgements: list[JudgementLine]
    """Each judgement question on the route."""
    floors: list[FloorLine]
    """The minimum responses that apply."""
    voice: VoiceOut
    """The child's own voice."""
    plan: PlanOut | None
    """The plan (registered children only)."""
    dates: list[DateLine]
    """The dated steps (to be confirmed locally where marked)."""
    flags: list[str]
    """What is missing or needs the chair's attention, in words."""


class ReportSection(_Out):
    """One heading of an agency's report, with what to write under it."""

    heading: str
    """The heading."""
    prompt: str
    """What to write, focused on the risk of significant harm."""
    recorded: str
    """What the household file already records for it (the child's voice), else empty."""


class ChildReport(_Out):
    """The report outline for one child."""

    child: str
    """How the papers refer to the child."""
    sections: list[ReportSection]
    """Harm, impact, likelihood, strengths, the child's voice, the view on registration."""


class AgencyReport(_Out):
    """An outline that keeps an agency's report on the risk of significant harm."""

    agency: str
    """The agency writing the report (empty: any)."""
    children: list[ChildReport]
    """One outline per child."""
    guidance: list[str]
    """How to write it."""


class ConferencePapers(_Out):
    """One conference paper for a household case."""

    kind: Literal["conference-papers"] = "conference-papers"
    """Always 'conference-papers'."""
    format: Literal[1] = 1
    """The format version."""
    paper: Literal["invitation", "decision-record", "agency-report"]
    """Which paper."""
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                          exclude_if=lambda v: v == "en")
    """The paper's language (left out when English)."""
    reference: str
    """The case reference."""
    chair: str
    """The chair's role."""
    guidance: PapersGuidance
    """The document version the decisions rest on."""
    generated_at: Timestamp
    """When the paper was produced."""
    tool_version: str
    """The threshold-guide version."""
    invitation: Invitation | None
    """The invitation (paper 'invitation')."""
    decision_records: list[DecisionRecord]
    """One record per child (paper 'decision-record')."""
    agency_report: AgencyReport | None
    """The outline (paper 'agency-report')."""
    flags: list[str]
    """Everything flagged across the household (a child with no voice, a missing view)."""
    unchecked: str | None = Field(default=None, exclude_if=lambda v: v is None)
    """In a language whose text of the document has not been checked by a fluent
    reviewer: a notice saying so, in that language (left out otherwise)."""
