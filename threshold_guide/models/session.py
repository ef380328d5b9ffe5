"""Sessions and answers files: what a practitioner answered, pinned to a document version.

A session file is written by the app after every answer (autosave) and by
``threshold-guide run``; an answers file is the hand-written input of ``run`` and the
model answers of a training scenario. Both use :class:`GivenAnswer` for each question.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from threshold_guide.models.base import Identifier
from threshold_guide.models.document import EVIDENCE_LABELS, EvidenceType, SemVer
from threshold_guide.models.follow_through import FollowThrough
from threshold_guide.models.timestamps import Timestamp

SESSION_FORMAT: Literal[2] = 2
"""The on-disk session format version this code writes. Format 1 files are read and
upgraded on load (format 2 only adds fields, such as departure reasons)."""

Selection = str | list[str]
"""One answer id (single choice) or a list of answer ids (multiple choice, may be empty)."""


def _yes_no(value: Any) -> Any:
    # YAML 1.1 reads an unquoted yes/no as a boolean; answer ids are text.
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _expand_shorthand(value: Any) -> Any:
    # Answers files may give just the answer id, or just the list of ids.
    if isinstance(value, str | list | bool):
        return {"answer": _yes_no(value)}
    if isinstance(value, dict) and "answer" in value:
        return {**value, "answer": _yes_no(value["answer"])}
    return value


def _evidence_list(value: Any) -> Any:
    # One evidence type, as earlier sessions wrote it and answers files may give it, or none.
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


def _distinct(kinds: list[EvidenceType]) -> list[EvidenceType]:
    # In the fixed order of the types, each once: the same note always reads the same.
    return [kind for kind in EvidenceType if kind in kinds]


Evidence = Annotated[
    list[EvidenceType],
    BeforeValidator(_evidence_list,
                    json_schema_input_type=EvidenceType | list[EvidenceType] | None),
    AfterValidator(_distinct),
]
"""Evidence types: one, a list, or none; kept as a list in the types' own order."""


def evidence_label(kinds: list[EvidenceType]) -> str | None:
    """Evidence types in words, e.g. 'Observed; Reported by someone else'; None if none."""
    return "; ".join(EVIDENCE_LABELS[kind] for kind in kinds) or None


class GivenAnswer(BaseModel):
    """The answer given to one question, with the practitioner's note."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    answer: Selection
    """The answer id, or for a multiple-choice question the list of answer ids ticked."""
    note: str | None = None
    """The practitioner's note: specific, observed detail; the child's own words."""
    evidence: Evidence = Field(default_factory=list)
    """How the note is known: one of observed, disclosed, reported or opinion, or a list of
    them when a note records several (e.g. [observed, disclosed])."""
    answered_at: Timestamp | None = None
    """When the answer was last changed (sessions only)."""
    departure_reason: str | None = Field(default=None, max_length=5000)
    """For a judgement question answered otherwise than the guidance suggests: the
    practitioner's reason for departing from the suggestion (required for a departure)."""


Given = Annotated[
    GivenAnswer,
    BeforeValidator(_expand_shorthand,
                    json_schema_input_type=Identifier | list[Identifier] | bool | GivenAnswer),
]
"""An answer as a file gives it: the answer id, the list of ids ticked, or the whole
{answer, note, evidence} (an unquoted YAML yes/no is the id "yes"/"no")."""

_STRUCTURED_KEYS = frozenset({"answers", "child_voice", "strengths", "reference", "role",
                              "agency"})


class AnswersFile(BaseModel):
    """An answers file: the answers, and what the child said and what is working well.

    Written either as this structure (``answers:``, ``child_voice:``, ``strengths:``, ...)
    or, for the answers alone, as the flat mapping of question id to answer that the
    ``answers`` field holds.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True,
        json_schema_extra=lambda schema, cls: _either_form(schema),
    )

    answers: dict[Identifier, Given] = Field(default_factory=dict)
    """Question id to answer: an answer id, a list of answer ids (a checklist; [] = none
    ticked), or {answer, note, evidence}."""
    child_voice: dict[Identifier, str] = Field(default_factory=dict)
    """The child's voice: prompt id (the document's ``child_voice`` ids) to what was
    recorded, in the child's own words where possible."""
    strengths: dict[Identifier, str] = Field(default_factory=dict)
    """Strengths and protective factors: prompt id (the document's ``strengths`` ids) to
    what was recorded."""
    reference: str | None = Field(default=None, max_length=200)
    """The case reference, never a child's name (``--reference`` wins)."""
    role: str | None = None
    """The practitioner's role (``--role`` wins)."""
    agency: str | None = None
    """The practitioner's agency (``--agency`` wins)."""

    @model_validator(mode="before")
    @classmethod
    def _flat_mapping(cls, data: Any) -> Any:
        # The structured form has an 'answers' mapping of question ids; a flat file's
        # 'answers' (a question of that name) is an answer, never such a mapping.
        if not isinstance(data, dict):
            return data
        answers = data.get("answers")
        structured = isinstance(answers, dict) and "answer" not in answers
        return data if structured else {"answers": data}


def _either_form(schema: dict[str, Any]) -> None:
    """Describe both forms: the structure, or the flat mapping of its ``answers`` field."""
    structured = {key: schema.pop(key) for key in list(schema)
                  if key in ("properties", "required", "additionalProperties", "type")}
    flat = dict(structured["properties"]["answers"])
    flat.pop("default", None)
    flat["title"] = "Answers only"
    flat["description"] = ("The flat form: question id to answer, as the structured form's "
                           "'answers' field holds.")
    structured["required"] = ["answers"]
    structured["title"] = "Structured"
    schema["anyOf"] = [structured, flat]
class GuidanceRef(BaseModel):
    """The exact document version a session or summary rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    id: Identifier
    """The document id."""
    version: SemVer
    """The document version."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """sha256 of the document's canonical content (see ``threshold-guide guidance list``)."""


class Override(BaseModel):
    """A professional-judgement override of the outcome the guidance reached."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    outcome: Identifier
    """The outcome the practitioner chose instead."""
    reason: str = Field(min_length=1)
    """Why: required, and shown beside the guidance outcome in the summary."""
    by: str | None = None
    """Role or agency of whoever made the override."""
    at: Timestamp | None = None
    """When the override was made."""


class HistoryEvent(BaseModel):
    """Something that happened to a session besides answering, e.g. a version upgrade."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    at: Timestamp
    """When."""
    event: str
    """What happened, in words."""


class Session(BaseModel):
    """A walk through one document version: the answers, notes and context around them."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    format: Literal[2] = SESSION_FORMAT
    """The session file format version (files in format 1 are upgraded when read)."""
    session_id: str = Field(min_length=1, max_length=64)
    """Unique id, also the autosave file name."""
    reference: str = Field(default="", max_length=200)
    """The case reference. Never a child's name."""
    guidance: GuidanceRef
    """The document version the session is pinned to."""
    role: str = ""
    """The practitioner's role, e.g. 'Designated safeguarding person'."""
    agency: str = ""
    """The practitioner's agency, e.g. 'school', 'health', 'police', 'social services'."""
    answers: dict[Identifier, GivenAnswer] = Field(default_factory=dict)
    """Every answer given, by question id. Answers off the current route are kept, so
    changing an earlier answer and changing it back loses nothing."""
    position: int | None = None
    """Index on the route of the question on screen; None when at the end."""
    child_voice: dict[Identifier, str] = Field(default_factory=dict)
    """The child's voice, by prompt id."""
    strengths: dict[Identifier, str] = Field(default_factory=dict)
    """Strengths and protective factors, by prompt id."""
    override: Override | None = None
    """A professional-judgement override of the outcome, if any."""
    scenario: str | None = None
    """The training scenario this session walks, if any."""
    history: list[HistoryEvent] = Field(default_factory=list)
    """Upgrades and other events, oldest first."""
    follow_through: FollowThrough | None = Field(default=None, exclude_if=lambda v: v is None)
    """After the decision: dated steps done, the response, any escalation (optional)."""
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                          exclude_if=lambda v: v == "en")
    """The practitioner's language for this walk (e.g. 'cy'): the questions, the summary
    and the papers for partners come in it (left out when English)."""
    family_language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        exclude_if=lambda v: v is None)
    """The family's language of choice, when known (e.g. 'cy'): what is written for the
    family (the family explanation, the family's invitation) comes in it by default,
    whatever the practitioner's language (left out when not recorded)."""
    created_at: Timestamp
    """When the session started."""
    updated_at: Timestamp
    """When it last changed."""

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        # Format 2 only added optional fields: a format 1 file is a format 2 file as it is.
        if isinstance(data, dict) and data.get("format") == 1:
            return {**data, "format": SESSION_FORMAT}
        return data

    def selections(self) -> dict[str, Selection]:
        """Question id to selection, as the engine takes them."""
        return {question: given.answer for question, given in self.answers.items()}

    def departure_reasons(self) -> dict[str, str]:
        """Question id to the reason recorded for departing from its suggestion."""
        return {
            question: given.departure_reason
            for question, given in self.answers.items()
            if given.departure_reason
        }
