"""What changed between two document versions, as data: the JSON ``diff`` prints.

Text values (``prompt``, ``label``, ``old``/``new`` of a text field) are copied from the
documents as written: a string, or a mapping of language code to text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, JsonValue, computed_field

from threshold_guide.models.document import Status

DIFF_FORMAT = 1

TextValue = str | dict[str, str]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class VersionInfo(_Out):
    id: str
    """Document id."""
    version: str
    """Document version."""
    sha256: str
    """Hash of the document's canonical content."""
    title: TextValue
    """Document title."""
    status: Status
    """draft, published or withdrawn."""
    effective_from: dt.date
    """First day the version applies."""


class FieldChange(_Out):
    field: str
    """The field, e.g. 'title', 'help', 'legal_test.text', 'child_voice.words.prompt'."""
    old: JsonValue
    """The value before (null when the field or item was added)."""
    new: JsonValue
    """The value after (null when the field or item was removed)."""


class Destination(_Out):
    next: str | None
    """The question led to, or null."""
    outcome: str | None
    """The outcome led to, or null."""


class Via(_Out):
    question: str
    """A question (or decision point) that leads to the new question."""
    answer: str | None
    """The answer that leads there; null for a checklist route or a decision point."""


class QuestionAdded(_Out):
    id: str
    """Question id."""
    prompt: TextValue
    """The question as shown."""
    reached_from: list[Via]
    """Where the new version leads to it from."""


class QuestionRemoved(_Out):
    id: str
    """Question id."""
    prompt: TextValue
    """The question as it was shown."""


RewordReason = Literal["prompt", "type", "answer-added", "answer-removed", "answer-relabelled"]


class QuestionReworded(_Out):
    id: str
    """Question id."""
    reasons: list[RewordReason]
    """Why an earlier answer must be asked again: the prompt or type changed, or the
    answers offered did (added, removed or relabelled)."""
    prompt: FieldChange | None
    """The prompt before and after, when it was reworded."""
    type: FieldChange | None
    """single/multiple before and after, when it changed."""


class QuestionRerouted(_Out):
    id: str
    """Question id: its answers still stand but at least one now leads elsewhere."""
    answers: list[str]
    """The single-choice answers re-routed (see ``answers.rerouted``)."""
    routes: bool
    """Whether its checklist routes changed (see ``routes``)."""


class ItemEdited(_Out):
    id: str
    """Question, outcome, source or definition id."""
    fields: list[FieldChange]
    """Each field that changed."""


class AnswerAdded(_Out):
    question: str
    """Question id."""
    answer: str
    """Answer id."""
    label: TextValue
    """The answer as shown."""
    to: Destination | None
    """Where it leads (null in a checklist, whose routes decide)."""


class AnswerRemoved(_Out):
    question: str
    """Question id."""
    answer: str
    """Answer id."""
    label: TextValue
    """The answer as it was shown."""


class AnswerRelabelled(_Out):
    question: str
    """Question id."""
    answer: str
    """Answer id."""
    old: TextValue
    """The label before."""
    new: TextValue
    """The label after."""


class AnswerRerouted(_Out):
    question: str
    """Question id."""
    answer: str
    """Answer id."""
    old: Destination
    """Where it led before."""
    new: Destination
    """Where it leads now."""


class AnswerEdited(_Out):
    question: str
    """Question id."""
    answer: str
    """Answer id."""
    fields: list[FieldChange]
    """What changed without changing the answer: rationale, signal, a translation."""


class Rule(_Out):
    if_any: list[str]
    """Holds when any of these is ticked."""
    if_all: list[str]
    """Holds when all of these are ticked."""
    min_selected: int | None
    """Holds when at least this many are ticked."""
    to: Destination
    """Where the rule leads."""


class RoutesChanged(_Out):
    question: str
    """Checklist question id."""
    old: list[Rule]
    """Its rules before, in order."""
    new: list[Rule]
    """Its rules after, in order."""


class QuestionsDiff(_Out):
    added: list[QuestionAdded] = []
    """New questions."""
    removed: list[QuestionRemoved] = []
    """Questions that are gone; answers to them are not carried over."""
    reworded: list[QuestionReworded] = []
    """Questions whose earlier answers must be asked again."""
    rerouted: list[QuestionRerouted] = []
    """Questions whose answers still stand but lead elsewhere (and are not reworded)."""
    edited: list[ItemEdited] = []
    """Other changes that leave an earlier answer standing: help, why, sources,
    definitions, note request, gate, answer order, a translation."""


class AnswersDiff(_Out):
    added: list[AnswerAdded] = []
    """Answers added to questions in both versions."""
    removed: list[AnswerRemoved] = []
    """Answers removed from questions in both versions."""
    relabelled: list[AnswerRelabelled] = []
    """Answers whose label was reworded."""
    rerouted: list[AnswerRerouted] = []
    """Single-choice answers that lead somewhere else."""
    edited: list[AnswerEdited] = []
    """Answers whose rationale, signal or translation changed."""


class OutcomeBrief(_Out):
    id: str
    """Outcome id."""
    title: TextValue
    """Its title."""
    level: int
    """Its level."""
    test_met: bool
    """Whether the test is met there."""


class OutcomesDiff(_Out):
    added: list[OutcomeBrief] = []
    """New outcomes."""
    removed: list[OutcomeBrief] = []
    """Outcomes that are gone."""
    changed: list[ItemEdited] = []
    """Outcomes whose title, level, test_met, emergency, do_now, timescale, contact or
    rationale changed."""


class NamedItem(_Out):
    id: str
    """Source or definition id."""
    name: TextValue
    """A source's title or a definition's term."""


class ItemsDiff(_Out):
    added: list[NamedItem] = []
    """New items."""
    removed: list[NamedItem] = []
    """Items that are gone."""
    changed: list[ItemEdited] = []
    """Items whose fields changed."""


class ChangelogItem(_Out):
    version: str
    """The version the entry describes."""
    date: dt.date
    """When it was approved."""
    changes: list[TextValue]
    """What changed, as the author wrote it."""


class RuleBrief(_Out):
    """One rule of a decision point or suggestion, or its fallback (``when`` null)."""

    when: JsonValue
    """The condition as written in the document; null for the fallback ('otherwise')."""
    words: str
    """The condition in words, or 'otherwise'."""
    to: Destination | None
    """Where a decision point's rule leads; null for a suggestion's rule."""
    answer: str | None
    """The answer a suggestion's rule suggests; null for a decision point's rule."""
    rationale: TextValue
    """Why, as the document says."""


class RuleChanged(_Out):
    """A rule with the same condition that now leads elsewhere or gives another reason."""

    old: RuleBrief
    """The rule before."""
    new: RuleBrief
    """The rule after."""


class RulesDiff(_Out):
    """Rules compared by their condition: a rule is the same rule while its condition is."""

    added: list[RuleBrief] = []
    """Rules whose condition is new."""
    removed: list[RuleBrief] = []
    """Rules whose condition is gone."""
    changed: list[RuleChanged] = []
    """Rules with the same condition and another target, answer or rationale; and the
    fallback when it changed."""
    order: FieldChange | None = None
    """The order of the rules kept, in words, when it changed (the first that holds wins)."""


class DecisionPointBrief(_Out):
    id: str
    """Decision point id."""
    title: TextValue
    """What it decides."""
    hit_policy: str
    """unique or first."""
    rules: list[RuleBrief]
    """Its rules in order, then its fallback."""


class DecisionPointChanged(_Out):
    id: str
    """Decision point id."""
    fields: list[FieldChange]
    """Title or hit policy changes."""
    rules: RulesDiff
    """Its rules added, removed, changed or reordered (the fallback among ``changed``)."""


class DecisionPointsDiff(_Out):
    added: list[DecisionPointBrief] = []
    """New decision points (also where a question became one)."""
    removed: list[DecisionPointBrief] = []
    """Decision points that are gone (also where one became a question)."""
    changed: list[DecisionPointChanged] = []
    """Decision points whose title, hit policy or rules changed."""


class SuggestionBrief(_Out):
    question: str
    """The judgement question."""
    rules: list[RuleBrief]
    """Its suggestion rules in order, then the fallback."""


class SuggestionChanged(_Out):
    question: str
    """The judgement question."""
    rules: RulesDiff
    """Its rules added, removed, changed or reordered (the fallback among ``changed``)."""


class SuggestionsDiff(_Out):
    added: list[SuggestionBrief] = []
    """Questions that now suggest an answer (judgement questions); an earlier answer that
    departs from the new suggestion needs a reason before it stands."""
    removed: list[SuggestionBrief] = []
    """Questions that no longer suggest an answer."""
    changed: list[SuggestionChanged] = []
    """Judgement questions whose suggestion rules changed."""


class FloorBrief(_Out):
    id: str
    """Floor id."""
    title: TextValue
    """What the floor protects."""
    when: JsonValue
    """Its condition as written."""
    words: str
    """Its condition in words."""
    minimum: str
    """The lowest outcome allowed without a departure."""
    rationale: TextValue
    """Why the floor exists."""


class FloorsDiff(_Out):
    added: list[FloorBrief] = []
    """New minimum responses."""
    removed: list[FloorBrief] = []
    """Minimum responses that are gone."""
    changed: list[ItemEdited] = []
    """Floors whose title, condition (``when``), minimum or rationale changed."""


CaseKind = Literal["scenario", "session"]
CaseStatus = Literal[
    "unchanged", "route-changed", "outcome-changed", "stops-early", "answer-not-accepted",
    "asks-again",
]


class WalkResult(_Out):
    outcome: str | None
    """The outcome reached, or null when the walk does not reach one."""
    level: int | None
    """That outcome's level."""
    stopped_at: str | None
    """The question the walk stops at: unanswered, or (see ``not_accepted``) answered in a
    way this version does not accept."""
    not_accepted: str | None
    """A problem with the answer at ``stopped_at``, in words; null if it is unanswered."""
    route: list[str]
    """The questions answered, from the start."""
    departures: list[str] = []
    """Judgement questions on the route answered otherwise than the guidance suggests,
    each with its recorded reason."""
    asks_again: str | None = None
    """The judgement question the walk stops at because the answer given departs from
    what this version suggests and no reason is recorded: the practitioner is asked to
    agree or give a reason."""


class CaseImpact(_Out):
    kind: CaseKind
    """scenario or session."""
    id: str
    """Scenario id or session id."""
    file: str
    """The file it came from."""
    status: CaseStatus
    """unchanged; route-changed (same outcome, or still unfinished, by another route);
    outcome-changed; stops-early (the new version needs an answer the case does not
    give); answer-not-accepted (an answer the new version does not have); asks-again (an
    answer departs from what the new version suggests and has no recorded reason)."""
    old: WalkResult
    """The walk under the old version."""
    new: WalkResult
    """The walk under the new version."""
    diverges_at: str | None
    """The question where the two routes part, or null."""
    reasked: list[str]
    """Questions on the old route whose answers must be asked again (reworded or removed)."""


class SkippedCase(_Out):
    kind: CaseKind
    """scenario or session."""
    id: str
    """Scenario id or session id."""
    file: str
    """The file it came from."""
    reason: str
    """Why it was not replayed."""


class Impact(_Out):
    cases: list[CaseImpact]
    """Every scenario and session replayed, in the order given."""
    skipped: list[SkippedCase]
    """Cases for another document."""


class DocumentDiff(_Out):
    """Everything that changed from one document version to another."""

    format: int = DIFF_FORMAT
    """Diff format version."""
    old: VersionInfo
    """The version compared from."""
    new: VersionInfo
    """The version compared to."""
    questions: QuestionsDiff
    """Questions added, removed, reworded, re-routed and otherwise edited."""
    answers: AnswersDiff
    """Answers changed within questions that are in both versions."""
    routes: list[RoutesChanged]
    """Checklist questions whose routing rules changed."""
    outcomes: OutcomesDiff
    """Outcomes added, removed and changed."""
    sources: ItemsDiff
    """Sources added, removed and changed."""
    definitions: ItemsDiff
    """Definitions added, removed and changed."""
    decision_points: DecisionPointsDiff = DecisionPointsDiff()
    """Decision points added, removed and changed (their rules compared by condition)."""
    suggestions: SuggestionsDiff = SuggestionsDiff()
    """Judgement questions' suggestions added, removed and changed."""
    floors: FloorsDiff = FloorsDiff()
    """Minimum responses added, removed and changed."""
    metadata: list[FieldChange]
    """Document-level fields: title, status, effective_from, publisher, jurisdiction,
    decision, about, legal_test.*, start, child_voice.*, strengths.*."""
    changelog: list[ChangelogItem]
    """Changelog entries the new version adds or rewrites."""
    impact: Impact | None = None
    """Scenarios and sessions replayed under both versions (``--scenarios``, ``--sessions``)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def empty(self) -> bool:
        """Whether nothing a reader would notice changed (the hashes may still differ)."""
        sections = (self.questions, self.answers, self.outcomes, self.sources, self.definitions,
                    self.decision_points, self.suggestions, self.floors)
        return not (
            any(getattr(s, name) for s in sections for name in type(s).model_fields)
            or self.routes or self.metadata or self.changelog
        )

    def reasked(self) -> set[str]:
        """Question ids whose earlier answers cannot stand: reworded or removed."""
        return {q.id for q in self.questions.reworded} | {q.id for q in self.questions.removed}
