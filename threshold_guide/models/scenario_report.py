"""The scenario consistency report as data: the JSON output, and what the Markdown renders.

Built by :mod:`threshold_guide.scenarios.report` from the sessions a room of
participants saved while walking the same training cases.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from threshold_guide.models.session import Selection

REPORT_FORMAT = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class OutcomeCount(_Out):
    outcome: str
    """Outcome id."""
    title: str
    """Outcome title."""
    level: int
    """The outcome's ordinal level in the document (higher is more urgent)."""
    count: int
    """How many finished sessions reached it."""
    share: float
    """count / finished sessions (0 when none finished)."""
    model: bool
    """Whether this is the scenario's model outcome."""


class AgreementStats(_Out):
    """Agreement on the outcome, for a set of cases (units) and the sessions that rated them."""

    cases: int
    """Cases with at least two finished sessions (the only ones that carry pairs)."""
    ratings: int
    """Finished sessions in those cases."""
    percent_agreement: float | None
    """Mean share of pairs of participants who reached the same outcome in a case."""
    fleiss_kappa: float | None
    """Fleiss' kappa on outcome ids (None when undefined)."""
    alpha_nominal: float | None
    """Krippendorff's alpha, outcomes as categories (None when undefined)."""
    alpha_ordinal: float | None
    """Krippendorff's alpha, outcomes ranked by their level (None when undefined)."""
    kappa_band: str | None
    """Landis & Koch label for Fleiss' kappa, e.g. 'moderate'; None when not informative."""
    informative: bool
    """False when the chance-corrected coefficients carry no information here (one case
    only, or a single outcome used by everyone)."""
    note: str | None
    """Why a coefficient is missing or not informative, in words."""


class AgencyStats(_Out):
    """Agreement among the participants of one agency."""

    agency: str
    """The agency as recorded in the sessions (lower case), or '(not recorded)'."""
    sessions: int
    """Sessions from this agency."""
    finished: int
    """Of which finished."""
    matched_model: int
    """Finished sessions that reached the model outcome."""
    agreement: AgreementStats
    """Agreement within the agency."""


class AgencyAgreement(AgencyStats):
    """Agreement among the participants of one agency on one case."""

    most_common: list[str]
    """The outcome id(s) reached most often (several when tied)."""


class AnswerCount(_Out):
    answer: Selection
    """The answer id, or the list of ids ticked."""
    labels: list[str]
    """The answer labels."""
    count: int
    """How many participants gave it."""
    model: bool
    """Whether it is the model answer."""


class QuestionAgreement(_Out):
    question: str
    """Question id."""
    prompt: str
    """The question as shown."""
    reached: int
    """Participants whose route reached and answered the question."""
    percent_agreement: float | None
    """Share of pairs of those participants who gave the same answer."""
    model_answer: Selection | None
    """The model answer, or None when the model route does not pass this question."""
    matched_model: int
    """Participants whose answer equals the model answer for their document version."""
    answers: list[AnswerCount]
    """The answers given, most frequent first."""


class Divergence(_Out):
    """The first point on the route where participants stop giving the same answer."""

    step: int
    """1-based position on the route."""
    question: str
    """Question id."""
    prompt: str
    """The question as shown."""
    answers: list[AnswerCount]
    """How the answers split; participants who stopped before answering are counted
    under an empty list of labels."""


class Difference(_Out):
    question: str
    """Question id."""
    prompt: str
    """The question as shown."""
    given: Selection | None
    """The participant's answer; None when their route did not reach the question."""
    model: Selection | None
    """The model answer; None when the model route does not pass the question."""


class ParticipantResult(_Out):
    session_id: str
    """The session."""
    role: str
    """Role recorded in the session."""
    agency: str
    """Agency recorded in the session."""
    version: str
    """Document version the session used."""
    finished: bool
    """Whether the session reached an outcome."""
    outcome: str | None
    """The outcome reached by the participant's answers."""
    level_difference: int | None
    """Participant's outcome level minus the model outcome's: above 0 is more urgent."""
    matches_model: bool
    """Whether the participant reached the model outcome."""
    questions_matched: int
    """Questions on the model route answered as the model answers do."""
    questions_on_model_route: int
    """Questions on the model route."""
    first_difference: Difference | None
    """The first question, in route order, answered differently from the model."""
    override: str | None
    """An outcome chosen by professional-judgement override, if any."""


class ScenarioResult(_Out):
    id: str
    """Scenario id."""
    title: str
    """Scenario title."""
    reference: str
    """How the scenario refers to the child."""
    guidance: str
    """Document id."""
    versions: list[str]
    """Document versions the sessions used."""
    model_outcome: str
    """The model outcome in the newest version used."""
    sessions: int
    """Sessions of this scenario."""
    finished: int
    """Of which finished."""
    spread: list[OutcomeCount]
    """Every outcome of the document, most urgent first, with how many reached it."""
    modal_share: float | None
    """Share of finished sessions that reached the most common outcome."""
    matched_model: int
    """Finished sessions that reached the model outcome."""
    agreement: AgreementStats
    """Agreement on the outcome in this one case (chance-corrected figures need several
    cases: see ``across_cases``)."""
    by_agency: list[AgencyAgreement]
    """The same, within each agency."""
    first_divergence: Divergence | None
    """None when every participant took the same route."""
    questions: list[QuestionAgreement]
    """Agreement on each question any participant reached, model route first."""
    participants: list[ParticipantResult]
    """Each session against the model answer."""


class DocumentAgreement(_Out):
    """Agreement across every case of one document in the report (the cases are the units)."""

    guidance: str
    """Document id."""
    scenarios: list[str]
    """The scenario ids used as cases."""
    overall: AgreementStats
    """All participants."""
    by_agency: list[AgencyStats]
    """Within each agency."""


class SkippedFile(_Out):
    path: str
    """The file left out, as found."""
    reason: str
    """Why it was left out, in words."""


class ConsistencyReport(_Out):
    format: int = REPORT_FORMAT
    """The report format version."""
    sessions: int
    """Sessions reported on."""
    skipped: list[SkippedFile]
    """Files found that were left out: sessions walked outside exercise mode, the document
    copies the app keeps beside its sessions, and files that are not sessions."""
    scenarios: list[ScenarioResult]
    """One section per scenario, by id."""
    across_cases: list[DocumentAgreement]
    """Chance-corrected agreement with the scenarios as cases, per document."""
    notes: list[str]
    """How to read the figures, and published figures to compare with."""
