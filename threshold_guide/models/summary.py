"""The referral rationale summary as data: the JSON output, and what the Markdown renders.

Text fields hold the text in the summary's language, already chosen from the document.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from threshold_guide.models.document import Decision, EvidenceType, Signal, Status
from threshold_guide.models.follow_through import FollowThroughInfo
from threshold_guide.models.session import Selection
from threshold_guide.models.timestamps import Timestamp

SUMMARY_FORMAT = 2
"""2 added decision points, judgements (suggestions and departures) and floors."""


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Citation(_Out):
    id: str
    """Source id in the document."""
    title: str
    """Title of the law or document."""
    section: str | None
    """Section cited."""
    url: str | None
    """Where to read it."""


class GuidanceInfo(_Out):
    id: str
    """Document id."""
    version: str
    """Document version."""
    sha256: str
    """Hash of the document's canonical content."""
    title: str
    """Document title."""
    status: Status
    """Status of the version."""
    effective_from: dt.date
    """First day the version applies."""
    publisher: str
    """Who issued it."""
    jurisdiction: str
    """Where it applies."""


class TestInfo(_Out):
    decision: Decision
    """Which decision this summary answers."""
    name: str
    """The decision in words, e.g. 'Duty to report a child at risk'."""
    text: str
    """The legal test in plain words (Markdown)."""
    who_decides: str
    """Who makes the decision."""
    sources: list[Citation]
    """Where the test comes from."""


class OutcomeInfo(_Out):
    id: str
    """Outcome id."""
    title: str
    """The decision."""
    level: int
    """Ordinal level; higher is more serious."""
    test_met: bool
    """Whether the test is met."""
    emergency: bool
    """An act-now outcome."""
    do_now: str
    """What to do now (Markdown)."""
    timescale: str
    """By when."""
    contact: str
    """Who to contact."""
    rationale: str
    """Why, in the guidance's words."""


class OverrideInfo(_Out):
    outcome: OutcomeInfo
    """The outcome chosen by professional judgement."""
    reason: str
    """Why."""
    by: str | None
    """Who made the override."""
    at: Timestamp | None
    """When."""
    lower: bool
    """True when the override chooses a lower level than the guidance reached."""


class DecisionInfo(_Out):
    """A decision point the route passed: which rule decided, and why."""

    point: str
    """The decision point's id."""
    title: str
    """What it decides."""
    rule: int | None
    """The rule that decided (1 for the first), or null when its fallback did."""
    rationale: str
    """The rule's reason, as the document words it."""
    leads_to: str
    """The question, decision point or outcome id it led to."""
    after_question: str | None
    """The last question answered before it (null at the start)."""


class JudgementInfo(_Out):
    """A judgement question: what the earlier answers suggested and what was chosen."""

    question: str
    """The judgement question's id."""
    prompt: str
    """The question as asked."""
    suggested: str
    """The answer id the guidance suggested."""
    suggested_label: str
    """That answer as shown."""
    because: str
    """The rationale of the rule that made the suggestion ('Suggested because: ...')."""
    rule: int | None
    """The suggestion rule that decided (1 for the first), or null for the fallback."""
    chosen: str
    """The answer id the practitioner chose."""
    chosen_label: str
    """That answer as shown."""
    departed: bool
    """True when the practitioner departed from the suggestion."""
    reason: str | None
    """The practitioner's recorded reason for a departure."""
    suggested_outcome: OutcomeInfo | None
    """For a departure: the outcome that agreeing would have led to, if the answers given
    decide it."""
    lower: bool
    """True when the departure leads to a lower level than agreeing would have."""


class FloorInfo(_Out):
    """A minimum response that applies on this route."""

    id: str
    """The floor's id."""
    title: str
    """What the floor protects."""
    minimum: str
    """The id of the lowest outcome allowed without a departure."""
    minimum_title: str
    """That outcome's title."""
    met: bool
    """Whether the outcome reached is at or above the minimum."""
    rationale: str
    """Why the floor exists."""


class PathStep(_Out):
    question: str
    """Question id."""
    prompt: str
    """The question as shown."""
    answer: Selection
    """Answer id, or list of ids for multiple choice."""
    answer_labels: list[str]
    """The answers as shown."""
    rationale: list[str]
    """The guidance's sentences for the answers given (and the route taken)."""
    note: str | None
    """The practitioner's note."""
    evidence: list[EvidenceType]
    """How the note is known: one or more evidence types (empty when not given)."""
    evidence_label: str | None
    """The evidence types in words, separated by '; '."""


class Signalled(_Out):
    source: str
    """The question id for an answer's sentence, or the prompt id for recorded text."""
    text: str
    """The worry or strength."""
    signal: Signal
    """concern or strength."""
    recorded: bool
    """True for text the practitioner typed (a strengths prompt), False for the guidance's
    sentence for an answer given."""


class VoiceItem(_Out):
    id: str
    """Prompt id."""
    prompt: str
    """The prompt."""
    text: str
    """What was recorded."""


class DefinitionInfo(_Out):
    id: str
    """Definition id."""
    term: str
    """The term."""
    text: str
    """The definition (Markdown)."""
    sources: list[str]
    """Source ids."""


class ChangeInfo(_Out):
    question: str
    """The question whose answer would change."""
    prompt: str
    """The question as shown."""
    given: list[str]
    """The answers given, as shown."""
    instead: list[str]
    """The answers that would be given instead, as shown."""
    change: str
    """The change in words."""
    outcome: str | None
    """The outcome id it would lead to, when the other answers already decide it."""
    outcome_title: str | None
    """That outcome's title."""
    level_change: int
    """Level of the new outcome minus the current level (nearest other outcome if open)."""
    further_question: str | None
    """When more answers would be needed: the next question that would be asked."""
    possible_outcomes: list[str]
    """Outcome ids still possible after the change."""


class Summary(_Out):
    """A referral rationale summary."""

    format: int = SUMMARY_FORMAT
    """Summary format version."""
    tool_version: str
    """threshold-guide version that produced it."""
    generated_at: Timestamp
    """When it was produced."""
    language: str
    """Language code of the text."""
    reference: str
    """Case reference (never a name)."""
    role: str
    """Practitioner's role."""
    agency: str
    """Practitioner's agency."""
    scenario: str | None
    """Training scenario id, if any."""
    guidance: GuidanceInfo
    """The exact guidance version the decision rests on."""
    test: TestInfo
    """Which test the summary answers."""
    outcome: OutcomeInfo
    """The outcome the guidance reached."""
    override: OverrideInfo | None
    """A professional-judgement override, if any."""
    decisions: list[DecisionInfo]
    """Decision points passed on the route, in order (format 2 documents)."""
    judgements: list[JudgementInfo]
    """Judgement questions on the route: suggestion, choice and any departure."""
    floors: list[FloorInfo]
    """Minimum responses that apply on this route, and whether the outcome meets them."""
    path: list[PathStep]
    """The route: each question, the answer, the note and the guidance's sentence."""
    worries: list[Signalled]
    """What we are worried about."""
    strengths: list[Signalled]
    """What is working well."""
    child_voice: list[VoiceItem]
    """The child's voice."""
    definitions: list[DefinitionInfo]
    """Definitions relied on by the questions on the route."""
    sources: list[Citation]
    """Sources cited by the test, the route and the definitions."""
    what_would_change: list[ChangeInfo]
    """Single changes of answer that lead to another outcome, nearest first."""
    advice: list[str]
    """Standing advice: immediate danger, seeking advice, not a decision not to report."""
    follow_through: FollowThroughInfo | None = Field(default=None,
                                                     exclude_if=lambda v: v is None)
    """Dated steps, the response from social services and any escalation; left out when
    the outcome has no dated steps and nothing has been recorded."""
    translation_notice: str | None = Field(default=None, exclude_if=lambda v: v is None)
    """In a language whose translation of the document has not been checked by a fluent
    speaker with safeguarding knowledge, a notice saying so, in that language; left out
    otherwise."""
