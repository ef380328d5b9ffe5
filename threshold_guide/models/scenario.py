"""The training scenario format: one YAML file per case a trainer runs past a room.

A scenario pairs a vignette, written as a practitioner would meet the case, with the
**model answers** to a threshold document (the same shape as a ``run --answers`` file)
and the outcome they must reach. ``threshold-guide scenarios check`` replays the model
answers against every document version the scenario targets, so a guidance edit that
changes the answer to a training case is caught like a failing test.

These models are the format's reference: every field's docstring becomes its description
in the published JSON Schema (``threshold-guide schema --kind scenario``). References to
the document (ids of questions, answers and outcomes) are checked by
:mod:`threshold_guide.scenarios.checks`, which reports every problem with its line.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import Field

from threshold_guide.models.base import Identifier, Strict
from threshold_guide.models.document import SemVer
from threshold_guide.models.session import Given, GivenAnswer
from threshold_guide.models.text import Text

SCENARIO_FORMAT: Final = 1
"""The on-disk scenario format version this code reads and writes."""

SCENARIO_KIND = "scenario"
"""The value of the top-level ``kind`` field that marks a file as a scenario."""

ModelAnswers = dict[Identifier, Given]
"""Question id to answer: an answer id, a list of ids, or {answer, note, evidence}."""


class ScenarioGuidance(Strict):
    """The threshold document a scenario is walked against."""

    id: Identifier
    """The document id, e.g. 'wales-duty-to-report'."""
    versions: list[SemVer] = Field(min_length=1)
    """Every document version the model answers are checked against, e.g. ["1.0.0",
    "1.1.0"]. A participant's session may use any of them."""


class VersionVariant(Strict):
    """What differs for one document version: other model answers, another outcome."""

    model_answers: ModelAnswers | None = None
    """Model answers for this version, replacing the scenario's ``model_answers`` in full
    (leave out to keep them)."""
    expected_outcome: Identifier | None = None
    """The outcome the model answers reach in this version (leave out to keep the
    scenario's ``expected_outcome``)."""
    expected_departures: list[Identifier] | None = None
    """The judgement questions where the model answers depart from the guidance's
    suggestion in this version (leave out to keep the scenario's
    ``expected_departures``)."""
    note: Text | None = None
    """Why the answer differs in this version, for the facilitator (Markdown)."""


class Scenario(Strict):
    """A training case: vignette, model answers, expected outcome and teaching notes."""

    kind: Literal["scenario"]
    """Always 'scenario': tells a scenario file apart from a threshold document."""
    format: Literal[1] = SCENARIO_FORMAT
    """The file format version. Leave at 1."""
    id: Identifier
    """Stable id of the scenario; exercise sessions are tagged with it."""
    title: Text
    """A short title a trainer can pick the case by, e.g. 'Bruises and a belt'."""
    reference: str = Field(min_length=1, max_length=60)
    """How the vignette refers to the child, e.g. 'Child A' or a case reference. Never a
    child's name, even an invented one."""
    audience: list[Identifier] = Field(min_length=1)
    """The agencies the case is written for, e.g. education, health, police,
    social-services, early-years, youth-work."""
    themes: list[Identifier] = Field(default_factory=list)
    """Topics the case covers, for picking cases and for coverage, e.g. neglect,
    financial, disclosure, domestic-abuse, online, fgm, disabled-child, staff-concern."""
    guidance: ScenarioGuidance
    """The document and versions the model answers are written for."""
    vignette: Text
    """The case as a practitioner meets it (Markdown): specific observed detail, what the
    child said in their own words, what others reported. Only what the practitioner
    would know at the point of decision."""
    model_answers: ModelAnswers = Field(min_length=1)
    """The model answers: the same shape as a ``threshold-guide run --answers`` file.
    Notes show the kind of specific, sourced record a good answer carries. A model answer
    to a judgement question that departs from the guidance's suggestion gives its
    ``departure_reason``, as a practitioner must. Only questions are answered: a decision
    point asks nothing."""
    expected_outcome: Identifier
    """The outcome id the model answers must reach in every targeted version, unless
    ``by_version`` says otherwise."""
    expected_departures: list[Identifier] = Field(default_factory=list)
    """The judgement questions where the model answers deliberately depart from what the
    guidance suggests (each model answer there gives a ``departure_reason``), in every
    targeted version unless ``by_version`` says otherwise. ``scenarios check`` fails when
    the model answers depart anywhere else, or agree here: a departure in a training case
    is a teaching point, never an accident."""
    by_version: dict[SemVer, VersionVariant] = Field(default_factory=dict)
    """Per-version differences, keyed by a version listed in ``guidance.versions``:
    where a new version of the document asks another question or routes differently."""
    why: dict[Identifier, Text] = Field(default_factory=dict)
    """Why the model answer is right for this case, by question id (Markdown). Shown
    beside the guidance's own reasoning when a participant's answer differs."""
    learning_points: list[Text] = Field(min_length=1)
    """What participants should take away, one point per item."""
    facilitator_notes: Text
    """Notes for whoever runs the exercise (Markdown): where rooms tend to split, which
    of the three tests (report, section 47, registration) is in play, what to draw out."""
    discussion_questions: list[Text] = Field(default_factory=list)
    """Questions to put to the room after the vote."""
    household: Identifier | None = Field(default=None, exclude_if=lambda value: value is None)
    """For a child protection conference: the household this child belongs to. Scenarios
    with the same household are one family, walked one child at a time, each child with
    their own model answers and decision (left out when not set)."""

    def versions(self) -> list[str]:
        """The targeted document versions, in the order the file lists them."""
        return list(self.guidance.versions)

    def answers_for(self, version: str) -> dict[str, GivenAnswer]:
        """The model answers for one document version."""
        variant = self.by_version.get(version)
        if variant is not None and variant.model_answers is not None:
            return dict(variant.model_answers)
        return dict(self.model_answers)

    def departures_for(self, version: str) -> list[str]:
        """The judgement questions where the model answers depart in one version."""
        variant = self.by_version.get(version)
        if variant is not None and variant.expected_departures is not None:
            return list(variant.expected_departures)
        return list(self.expected_departures)

    def expected_for(self, version: str) -> str:
        """The outcome id the model answers must reach in one document version."""
        variant = self.by_version.get(version)
        if variant is not None and variant.expected_outcome is not None:
            return variant.expected_outcome
        return self.expected_outcome
