"""A decision explained to one partner: the JSON output, and what the Markdown renders.

Built from a finished session by :func:`threshold_guide.explain.explain`. Text from the
guidance is Markdown; text a practitioner typed (notes, the reference, an override reason)
is plain text that renderers must escape.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.models.document import Decision, EvidenceType
from threshold_guide.models.follow_through import FollowThroughInfo
from threshold_guide.models.summary import ChangeInfo, Citation, GuidanceInfo
from threshold_guide.models.timestamps import Timestamp

EXPLANATION_FORMAT = 1


class Audience(StrEnum):
    """Who the explanation is written for."""

    SCHOOL = "school"
    HEALTH = "health"
    POLICE = "police"
    SOCIAL_SERVICES = "social-services"
    FAMILY = "family"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class AnsweredTest(_Out):
    decision: Decision
    """Which decision the guidance supports."""
    name: str
    """The decision in words."""
    question: str
    """The question this decision answers, in plain words."""
    not_this: list[str]
    """What this decision is not (the other tests, and what it does not find)."""
    plain: str
    """The legal test in plain words for this reader."""
    text: str
    """The legal test in the guidance's own words (Markdown)."""
    who_decides: str
    """Who makes this decision, in the guidance's words (Markdown)."""
    sources: list[Citation]
    """Where the test comes from."""


class OutcomeBrief(_Out):
    id: str
    """Outcome id."""
    title: str
    """The outcome as the guidance names it."""
    level: int
    """Ordinal level; higher is more serious."""
    test_met: bool
    """Whether the test is met."""
    emergency: bool
    """An act-now outcome."""
    rationale: str
    """Why, in the guidance's words."""


class OverrideExplained(_Out):
    outcome: OutcomeBrief
    """The outcome chosen by professional judgement, which is the one acted on."""
    reason: str
    """The reason as typed."""
    by: str | None
    """Role or agency of whoever made the override."""
    lower: bool
    """True when the override chooses a lower level than the guidance reached."""


class OtherAnswer(_Out):
    instead: list[str]
    """The answers that would be given instead, as shown."""
    change: str
    """The change in words."""
    outcome: str | None
    """The outcome id it would lead to, when the other answers already decide it."""
    outcome_title: str | None
    """That outcome's title."""
    possible_outcomes: list[str]
    """Outcome ids still possible after the change (the current one is never among them)."""


class DecisiveFact(_Out):
    question: str
    """Question id."""
    prompt: str
    """The question as shown."""
    answer_labels: list[str]
    """The answers given, as shown."""
    rationale: list[str]
    """The guidance's sentences for the answers given."""
    note: str | None
    """The practitioner's note (never in the family version)."""
    evidence: list[EvidenceType]
    """How the note is known: one or more evidence types (empty when not given)."""
    evidence_label: str | None
    """The evidence types in words, separated by '; '."""
    otherwise: list[OtherAnswer]
    """Each single change to this answer that would certainly lead to another outcome."""


class Decisive(_Out):
    summary: str
    """The decisive facts in one or two sentences (the only form in the family version)."""
    facts: list[DecisiveFact]
    """Answers on the route that, changed on their own, would change the outcome, in route
    order. Empty in the family version."""


class Changes(_Out):
    summary: str
    """What would change the decision, in one or two sentences."""
    changes: list[ChangeInfo]
    """Single changes of answer that lead to another outcome, nearest first. Empty in the
    family version."""


class Criterion(_Out):
    """A decision rule that decided part of the route: which one, and why."""

    kind: Literal["decision-point", "suggestion", "floor"]
    """A decision point's rule, a judgement question's suggestion, or a minimum response
    that applies."""
    id: str
    """The decision point's, judgement question's or floor's id."""
    title: str
    """What it decides: the decision point's title, the question as asked, or what the
    floor protects."""
    rule: int | None
    """The rule that decided (1 for the first), or null for the fallback and for floors."""
    because: str
    """The rule's (or floor's) reason, in the guidance's words."""
    result: str
    """What it led to, in words: where the walk went, the answer suggested, or the
    minimum response and whether the outcome meets it."""


class DepartureExplained(_Out):
    """A professional-judgement departure from what the guidance suggested."""

    question: str
    """The judgement question's id."""
    prompt: str
    """The question as asked."""
    suggested_label: str
    """The answer the guidance suggested, as shown."""
    because: str
    """Why it suggested that, in the guidance's words."""
    chosen_label: str
    """The answer the practitioner chose instead, as shown."""
    reason: str
    """The practitioner's recorded reason, as typed."""
    suggested_outcome: str | None
    """The title of the outcome agreeing would have led to, where the answers decide it."""
    lower: bool
    """True when the departure leads to a lower level than agreeing would have."""


class Explanation(_Out):
    """A decision explained in plain language for one partner."""

    format: int = EXPLANATION_FORMAT
    """Explanation format version."""
    tool_version: str
    """threshold-guide version that produced it."""
    generated_at: Timestamp
    """When it was produced."""
    language: str
    """Language code of the guidance text."""
    audience: Audience
    """Who it is written for."""
    audience_name: str
    """The audience in words."""
    reference: str
    """Case reference (never a name)."""
    role: str
    """Role of the practitioner who made the decision."""
    agency: str
    """Their agency."""
    guidance: GuidanceInfo
    """The exact guidance version the decision rests on."""
    test: AnsweredTest
    """Which test was answered, in plain words, and what it is not."""
    decided: str
    """What was decided, in one or two plain sentences."""
    outcome: OutcomeBrief | None
    """The outcome the guidance reached; null in the family version, where the outcome's
    name and rationale could reveal the worry in detail (e.g. FGM, a concern about staff)."""
    override: OverrideExplained | None
    """A professional-judgement override, if any; null in the family version, whose
    ``decided`` says in general terms that judgement chose a different response."""
    decisive: Decisive
    """The facts the outcome turned on."""
    criteria: list[Criterion] = []
    """The guidance's decision rules that decided the route: decision points, suggestions
    and the minimum responses that apply, in route order. Empty in the family version,
    whose reasons stay general."""
    departures: list[DepartureExplained] = []
    """Each departure from the guidance's suggestion, with its reason. Empty in the family
    version, whose ``judgement`` says in general terms that judgement differed."""
    judgement: str | None = None
    """Professional judgement in one or two sentences: where the practitioner departed from
    the guidance's suggestion (in general terms in the family version, without the reason);
    null when they did not."""
    what_would_change: Changes
    """What would change the decision."""
    next_steps: list[str]
    """What happens next, for this reader."""
    asks: list[str]
    """What this reader is asked to do."""
    watch_for: list[str]
    """What this reader is asked to look out for."""
    withheld: list[str]
    """What this version leaves out on purpose, and why."""
    advice: list[str]
    """Standing advice: immediate danger first; seeking advice; judgement."""
    warnings: list[str]
    """Problems the reader should know about, e.g. the guidance changed since the session,
    or that the walk recorded that telling the family could put the child at risk."""
    confirmed_unsafe_share: str | None = None
    """Family version only: the reason the practitioner gave for producing it although the
    walk recorded that telling the family could put the child at risk
    (``--confirm-unsafe-share``); null otherwise."""
    challenge: list[str] = Field(default_factory=list, exclude_if=lambda v: not v)
    """How this reader can challenge a decision they disagree with (school and health)."""
    follow_through: FollowThroughInfo | None = Field(default=None,
                                                     exclude_if=lambda v: v is None)
    """Dated steps, the response and any escalation; never in the family version."""
    translation_notice: str | None = Field(default=None, exclude_if=lambda v: v is None)
    """In a language whose translation of the document has not been checked by a fluent
    speaker with safeguarding knowledge, a notice saying so, in that language; left out
    otherwise."""
