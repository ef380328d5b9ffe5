"""The threshold document format: one versioned YAML file per document version.

These models are the format's reference: every field's docstring becomes its description in
the published JSON Schema (``threshold-guide schema``), so read this module as the spec.
Cross-references (a route to a question that does not exist, a cycle, ...) are not checked
here but in :mod:`threshold_guide.validation`, which can report every problem of a file at
once with its line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PrivateAttr, model_validator

from threshold_guide.models.base import Identifier, Strict
from threshold_guide.models.rules import DecisionPoint, Floor, Suggestion
from threshold_guide.models.text import Text
from threshold_guide.models.timescales import Deadline

DOCUMENT_FORMAT: Literal[2] = 2
"""The newest document format this code reads. Format 2 only adds optional sections
(decision points, suggestions, floors), so a format 1 document loads unchanged: its content
hash, which sessions pin, stays the same."""


def _empty(value: object) -> bool:
    # Fields added in format 2 are left out of the canonical JSON while unused, so the
    # content hash of every format 1 document (pinned by saved sessions) never changes.
    return value is None or value == [] or value == {}

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")

def _check_semver(value: str) -> str:
    if not _SEMVER.match(value):
        raise ValueError(
            f"{value!r} is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0 "
            "(quote it in YAML so it stays text)"
        )
    return value


SemVer = Annotated[str, AfterValidator(_check_semver), Field(examples=["1.0.0"])]


def version_key(version: str) -> tuple[int, int, int]:
    """Sort key for a validated semantic version."""
    major, minor, patch = (int(part) for part in version.split("."))
    return (major, minor, patch)


class Status(StrEnum):
    """Where a document version is in its life."""

    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Decision(StrEnum):
    """The decision a document supports. Each answers a different legal test."""

    DUTY_TO_REPORT = "duty-to-report"
    S47_ENQUIRY = "s47-enquiry"
    REGISTRATION = "registration"
    LEVEL_OF_NEED = "level-of-need"


class EvidenceType(StrEnum):
    """How a practitioner knows what a note records."""

    OBSERVED = "observed"
    DISCLOSED = "disclosed"
    REPORTED = "reported"
    OPINION = "opinion"


EVIDENCE_LABELS: dict[EvidenceType, str] = {
    EvidenceType.OBSERVED: "Observed",
    EvidenceType.DISCLOSED: "Disclosed by the child (their own words)",
    EvidenceType.REPORTED: "Reported by someone else",
    EvidenceType.OPINION: "Professional opinion",
}


class Signal(StrEnum):
    """What an answer says about the child's situation, for the worries/strengths view."""

    CONCERN = "concern"
    STRENGTH = "strength"
    NEUTRAL = "neutral"


class ChangelogEntry(Strict):
    """One version's entry in the document's changelog."""

    version: SemVer
    """The version this entry describes."""
    date: dt.date
    """When this version was approved (YYYY-MM-DD)."""
    changes: list[Text] = Field(min_length=1)
    """What changed, one item per change, in words a practitioner understands."""


class Source(Strict):
    """A citable reference: legislation, procedure or guidance the document relies on."""

    id: Identifier
    """Used by questions, definitions and the legal test to cite this source."""
    title: Text
    """The title of the law or document, e.g. 'Children Act 1989'."""
    section: Text | None = None
    """The section, chapter or paragraph cited, e.g. 's47(1)(b)'."""
    url: str | None = None
    """Where a reader can find it (optional)."""
    note: Text | None = None
    """Anything a reader should know about how it applies (Markdown)."""


class Definition(Strict):
    """A glossary term, shown on demand next to the questions that rely on it."""

    id: Identifier
    """Used by questions to refer to this definition."""
    term: Text
    """The term as a reader would look it up, e.g. 'Significant harm'."""
    text: Text
    """The definition, in Markdown."""
    sources: list[Identifier] = Field(default_factory=list)
    """Ids of the sources the definition comes from."""


class LegalTest(Strict):
    """The test the document helps a practitioner apply."""

    text: Text
    """The test in plain words (Markdown)."""
    who_decides: Text
    """Who makes this decision, so nobody mistakes the tool for the decision-maker."""
    sources: list[Identifier] = Field(min_length=1)
    """Ids of the sources that set the test."""


class Outcome(Strict):
    """Where a walk ends: the decision and what to do about it."""

    id: Identifier
    """Unique among the document's outcomes; answers route here with ``outcome: <id>``."""
    title: Text
    """Short statement of the decision, e.g. 'Report to social services today'."""
    level: int = Field(ge=0, le=100)
    """Ordinal level: a higher number is a more serious or urgent outcome. Used to compare
    outcomes, order 'what would change the decision' and flag overrides to a lower level."""
    test_met: bool
    """Whether the document's legal test is met when this outcome is reached."""
    emergency: bool = False
    """True for 'act now' outcomes such as calling the police (999)."""
    do_now: Text
    """What to do now (Markdown)."""
    timescale: Text
    """By when, e.g. 'Immediately' or 'Today: confirm in writing within 1 working day'."""
    contact: Text
    """Who to contact and how (Markdown)."""
    rationale: Text
    """The sentence the summary uses to state this decision and why."""
    deadlines: list[Deadline] = Field(default_factory=list, exclude_if=lambda steps: not steps)
    """Dated steps (optional): what must be done by when, counted in working days from the
    decision or from an earlier step. Left out of the content hash when empty."""


class NoteRequest(Strict):
    """Asks the practitioner for a free-text note with its evidence type."""

    prompt: Text
    """What the note should record, e.g. 'What did you see or hear? Use the child's words.'"""
    required: bool = False
    """Whether the question cannot be answered without a note."""
    evidence: list[EvidenceType] = Field(
        default_factory=lambda: list(EvidenceType), min_length=1
    )
    """The evidence types the practitioner may choose from (default: all four)."""


class Target(Strict):
    """Where an answer or route leads: exactly one of ``next`` or ``outcome``."""

    next: Identifier | None = None
    """Id of the next question."""
    outcome: Identifier | None = None
    """Id of the outcome reached."""

    @model_validator(mode="after")
    def _exactly_one_target(self) -> Target:
        if (self.next is None) == (self.outcome is None):
            raise ValueError(
                "give exactly one of 'next' (a question id) or 'outcome' (an outcome id)"
            )
        return self

    @property
    def ref(self) -> str:
        """The id this target points at (question or outcome)."""
        return self.outcome if self.outcome is not None else str(self.next)


class Answer(Target):
    """One answer to a question.

    In a single-choice question every answer routes with ``next`` or ``outcome``. In a
    multiple-choice question answers do not route (leave both out): the question's
    ``routes`` decide where the selected set leads.
    """

    id: Identifier
    """Unique within its question; answers files use it."""
    label: Text
    """The answer as shown to the practitioner."""
    rationale: Text
    """The sentence the summary uses when this answer is given."""
    signal: Signal = Signal.NEUTRAL
    """Whether the answer is a worry, a strength or neither, for 'strengths beside worries'."""
    withhold_from_family: bool = Field(default=False, exclude_if=lambda value: not value)
    """True when this answer means the family must not be told the case details yet (for
    example: telling the parents could put the child at risk, or the child asked that a
    parent not be told). An explanation for the family then refuses to give them unless the
    practitioner confirms, with a reason, that sharing is safe. Left out of the document's
    content hash when false, so adding the field changed no existing document's hash."""

    @model_validator(mode="after")
    def _exactly_one_target(self) -> Answer:
        if self.next is not None and self.outcome is not None:
            raise ValueError("give only one of 'next' or 'outcome', not both")
        return self

    @property
    def routes(self) -> bool:
        return self.next is not None or self.outcome is not None


class Route(Target):
    """A rule of a multiple-choice question; the first rule whose conditions hold is taken.

    Conditions combine with AND. A rule with no conditions always holds, so the last rule
    of every multiple-choice question should have none: it is the 'otherwise' route.
    """

    if_any: list[Identifier] = Field(default_factory=list)
    """Holds when at least one of these answer ids is selected."""
    if_all: list[Identifier] = Field(default_factory=list)
    """Holds when every one of these answer ids is selected."""
    min_selected: int | None = Field(default=None, ge=1)
    """Holds when at least this many answers are selected (any of them)."""
    rationale: Text | None = None
    """Optional sentence the summary adds when this route is taken."""

    @property
    def unconditional(self) -> bool:
        return not self.if_any and not self.if_all and self.min_selected is None

    def holds(self, selected: frozenset[str]) -> bool:
        """Whether the rule's conditions hold for this set of selected answers."""
        if self.if_any and not selected.intersection(self.if_any):
            return False
        if self.if_all and not selected.issuperset(self.if_all):
            return False
        return self.min_selected is None or len(selected) >= self.min_selected


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"


class Scope(StrEnum):
    """Whom a question's answer is about, in a case with several children."""

    CHILD = "child"
    HOUSEHOLD = "household"


class Gate(StrEnum):
    """Special roles a question can play; the validator checks they are where they must be."""

    IMMEDIATE_DANGER = "immediate-danger"


class Question(Strict):
    """A question in the tree."""

    id: Identifier
    """Unique among the document's questions; answers files and routes use it."""
    prompt: Text
    """The question as shown."""
    type: QuestionType = QuestionType.SINGLE
    """'single': choose one answer. 'multiple': tick any number (an indicator checklist)."""
    help: Text | None = None
    """Guidance for answering, in Markdown."""
    why: Text | None = None
    """Why the question is asked: shown under 'Why am I asked this?' with its sources."""
    sources: list[Identifier] = Field(default_factory=list)
    """Ids of the sources this question relies on."""
    definitions: list[Identifier] = Field(default_factory=list)
    """Ids of the definitions a practitioner may need to answer."""
    gate: Gate | None = None
    """Marks a gate question, e.g. the immediate-danger check that starts a duty-to-report
    document."""
    note: NoteRequest | None = None
    """Ask for a note with an evidence type alongside the answer."""
    answers: list[Answer] = Field(min_length=1)
    """The possible answers, in the order shown."""
    routes: list[Route] = Field(default_factory=list)
    """Multiple-choice questions only: ordered rules from the selected set to the next step."""
    scope: Scope = Field(default=Scope.CHILD, exclude_if=lambda value: value == Scope.CHILD)
    """'child' (the default): answered for each child in a household case. 'household':
    answered once for the whole household (e.g. parenting capacity) and shared by every
    child's walk, unless a child's own answer differs. Left out of the content hash when
    'child', so documents written before the field keep their hash."""
    suggest: Suggestion | None = Field(default=None, exclude_if=_empty)
    """Format 2, single-choice questions only: makes this a judgement question. The walk
    shows the answer the earlier answers point to and asks whether the practitioner agrees;
    any other answer is a departure that needs a recorded reason."""

    @model_validator(mode="after")
    def _routing_matches_type(self) -> Question:
        if self.type is QuestionType.MULTIPLE and self.suggest is not None:
            raise ValueError(
                "'suggest' is only for single-choice questions: the suggestion is one answer"
            )
        if self.type is QuestionType.SINGLE and self.routes:
            raise ValueError(
                "'routes' is only for multiple-choice questions; in a single-choice question "
                "give each answer its own 'next' or 'outcome'"
            )
        return self

    def answer(self, answer_id: str) -> Answer | None:
        for answer in self.answers:
            if answer.id == answer_id:
                return answer
        return None


class VoicePrompt(Strict):
    """A prompt for the child's voice or for strengths, reported beside the worries."""

    id: Identifier
    """Unique within its list; sessions store the practitioner's text under it."""
    prompt: Text
    """What to ask or record, e.g. 'What did the child say, in their own words?'"""
    help: Text | None = None
    """Optional guidance (Markdown)."""


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A language code such as ``cy`` or ``en``."""


class TranslationReview(Strict):
    """Whether one language's text of a document has been checked, and by whom."""

    checked: bool = False
    """True only once a fluent speaker of the language, with safeguarding knowledge, has
    checked every text of the document in it. Until then every output in the language
    says the translation has not been checked."""
    checked_by: str | None = None
    """Who checked it: a role and organisation, never a private person's contact
    details (e.g. 'Welsh-language safeguarding lead, Regional Safeguarding Board')."""
    note: Text | None = None
    """Anything a reader of the translation should know (Markdown), e.g. which terms
    follow the Welsh edition of the procedures."""


class ThresholdDocument(Strict):
    """A versioned threshold document: one decision's questions, outcomes and reasons."""

    format: Literal[1, 2] = 1
    """The file format version: 2 to use decision points, suggestions or floors, else 1.
    Format 1 documents load unchanged."""
    id: Identifier
    """Stable id shared by every version of this document, e.g. 'wales-duty-to-report'."""
    version: SemVer
    """This version, MAJOR.MINOR.PATCH. Sessions are pinned to it."""
    title: Text
    """The document's title."""
    status: Status
    """draft, published or withdrawn. Only published versions are offered by default."""
    effective_from: dt.date
    """The first day this version applies (YYYY-MM-DD)."""
    publisher: Text
    """Who issues the document, e.g. a Regional Safeguarding Board."""
    jurisdiction: Text
    """Where it applies, e.g. 'Wales'."""
    decision: Decision
    """Which decision the document supports; the summary names the test it answers."""
    about: Text
    """What the document is for and what it is not (Markdown). Shipped examples say here that
    they are examples for a Regional Safeguarding Board to adapt."""
    legal_test: LegalTest
    """The test applied, in plain words, and who decides."""
    changelog: list[ChangelogEntry] = Field(min_length=1)
    """One entry per version, including this one."""
    sources: list[Source] = Field(default_factory=list)
    """Citable references."""
    definitions: list[Definition] = Field(default_factory=list)
    """Glossary."""
    child_voice: list[VoicePrompt] = Field(default_factory=list)
    """Prompts for what the child said, what matters to them and what worries them."""
    strengths: list[VoicePrompt] = Field(default_factory=list)
    """Prompts for strengths and protective factors, reported beside the worries."""
    start: Identifier
    """Id of the first question."""
    questions: list[Question] = Field(min_length=1)
    """The questions. Together they must form a directed acyclic graph from ``start``."""
    outcomes: list[Outcome] = Field(min_length=1)
    """The outcomes a walk can reach."""
    translations: dict[LanguageCode, TranslationReview] = Field(
        default_factory=dict, exclude_if=_empty)
    """For each language the document offers besides English (e.g. ``cy``), whether a fluent
    speaker with safeguarding knowledge has checked it. Shown wherever the document's text
    is shown in that language; ``validate`` warns about a language offered without an
    entry here (left out when empty)."""
    decision_points: list[DecisionPoint] = Field(default_factory=list, exclude_if=_empty)
    """Format 2: nodes the walk passes through without asking, deciding from earlier answers
    where to go. Their ids share one namespace with the questions."""
    floors: list[Floor] = Field(default_factory=list, exclude_if=_empty)
    """Format 2: minimum responses. The validator proves that no route reaches an outcome
    below a floor that applies unless it departs from a suggestion with a recorded reason."""

    _questions_by_id: dict[str, Question] | None = PrivateAttr(default=None)
    _outcomes_by_id: dict[str, Outcome] | None = PrivateAttr(default=None)
    _points_by_id: dict[str, DecisionPoint] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _format_2_features(self) -> ThresholdDocument:
        uses = self.decision_points or self.floors or any(q.suggest for q in self.questions)
        if uses and self.format < 2:
            raise ValueError(
                "decision points, suggestions and floors need 'format: 2' at the top of the "
                "document (older versions of threshold-guide cannot apply them)"
            )
        return self

    def decision_point(self, point_id: str) -> DecisionPoint:
        return self._point_index()[point_id]

    def is_decision_point(self, node_id: str) -> bool:
        return node_id in self._point_index()

    def _point_index(self) -> dict[str, DecisionPoint]:
        if self._points_by_id is None:
            self._points_by_id = {point.id: point for point in self.decision_points}
        return self._points_by_id

    def question(self, question_id: str) -> Question:
        return self._question_index()[question_id]

    def outcome(self, outcome_id: str) -> Outcome:
        return self._outcome_index()[outcome_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._question_index()

    def source(self, source_id: str) -> Source | None:
        return {source.id: source for source in self.sources}.get(source_id)

    def definition(self, definition_id: str) -> Definition | None:
        return {item.id: item for item in self.definitions}.get(definition_id)

    def _question_index(self) -> dict[str, Question]:
        # Built on first use: documents are frozen, so the index can never go stale.
        if self._questions_by_id is None:
            self._questions_by_id = {question.id: question for question in self.questions}
        return self._questions_by_id

    def _outcome_index(self) -> dict[str, Outcome]:
        if self._outcomes_by_id is None:
            self._outcomes_by_id = {outcome.id: outcome for outcome in self.outcomes}
        return self._outcomes_by_id
