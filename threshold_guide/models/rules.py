"""Decision rules (document format 2): how a document applies its threshold.

A threshold document in format 1 routes each answer by hand, so the outcome follows
whatever the practitioner answers to one overall question. Format 2 adds three things,
all plain YAML a safeguarding lead can read, with no expressions to evaluate:

* **decision points**: nodes the walk passes through without asking anything. An ordered
  list of rules, each a condition over answers already given on the route, leads to a
  question or an outcome; the required ``otherwise`` is the fallback.
* **suggestions** on a judgement question (the report test, the s47 'overall'): the same
  kind of rules pick the answer the earlier answers point to. The walk shows it and asks
  the practitioner whether they agree; another answer is a professional-judgement
  *departure* that needs a recorded reason.
* **floors** (minimum responses): when a condition holds, no outcome below a given one may
  be reached except through a recorded departure. The validator proves this over every
  route.

Conditions are a small tree: ``all``, ``any``, ``not`` and leaf tests on one question.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from threshold_guide.models.base import Identifier, Strict
from threshold_guide.models.text import Text

_LEAF_TESTS = ("is_", "is_one_of", "includes_any", "includes_all", "at_least", "answered")
_COMBINATORS = ("all_", "any_", "not_")


class Condition(Strict):
    """A test over answers already given on the route.

    Either a combination (exactly one of ``all``, ``any``, ``not``) or a test on one
    question (``question`` with exactly one of ``is``, ``is_one_of``, ``includes_any``,
    ``includes_all``, ``at_least``, ``answered``). ``all`` and ``any`` are read left to
    right and stop as soon as the result is known, so an earlier test can guard a later
    one: ``all: [{question: how, is: child-told}, {question: words, is: abuse}]`` never
    reads ``words`` on a route where it was not asked.
    """

    question: Identifier | None = None
    """The question whose answer is tested."""
    is_: Identifier | None = Field(default=None, alias="is")
    """Single-choice question: holds when this answer was given."""
    is_one_of: list[Identifier] | None = Field(default=None, min_length=1)
    """Single-choice question: holds when any of these answers was given."""
    includes_any: list[Identifier] | None = Field(default=None, min_length=1)
    """Checklist: holds when at least one of these answers is ticked."""
    includes_all: list[Identifier] | None = Field(default=None, min_length=1)
    """Checklist: holds when every one of these answers is ticked."""
    at_least: int | None = Field(default=None, ge=1)
    """Checklist: holds when at least this many answers are ticked (of ``of``, if given)."""
    of: list[Identifier] | None = Field(default=None, min_length=1)
    """With ``at_least``: count only these answers."""
    answered: bool | None = None
    """Holds when the question was (true) or was not (false) asked on the route."""
    all_: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    """Holds when every condition listed holds."""
    any_: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    """Holds when at least one condition listed holds."""
    not_: Condition | None = Field(default=None, alias="not")
    """Holds when the condition given does not."""

    @model_validator(mode="after")
    def _one_shape(self) -> Condition:
        combinators = [name for name in _COMBINATORS if getattr(self, name) is not None]
        tests = [name for name in _LEAF_TESTS if getattr(self, name) is not None]
        if combinators:
            if len(combinators) > 1 or self.question is not None or tests:
                raise ValueError(
                    "a condition is either one of 'all', 'any' or 'not', or a test on one "
                    "'question'; nest them to combine"
                )
            return self
        if self.question is None:
            raise ValueError(
                "give 'question' with one test (is, is_one_of, includes_any, includes_all, "
                "at_least, answered), or combine conditions with 'all', 'any' or 'not'"
            )
        if len(tests) != 1:
            raise ValueError(
                "give exactly one test for the question: is, is_one_of, includes_any, "
                "includes_all, at_least or answered"
            )
        if self.of is not None and self.at_least is None:
            raise ValueError("'of' goes with 'at_least'")
        return self

    @property
    def is_leaf(self) -> bool:
        return self.question is not None


class _RuleTarget(Strict):
    next: Identifier | None = None
    """Id of the question or decision point the walk goes to."""
    outcome: Identifier | None = None
    """Id of the outcome reached."""

    @model_validator(mode="after")
    def _exactly_one_target(self) -> _RuleTarget:
        if (self.next is None) == (self.outcome is None):
            raise ValueError(
                "give exactly one of 'next' (a question or decision point id) or 'outcome'"
            )
        return self

    @property
    def ref(self) -> str:
        return self.outcome if self.outcome is not None else str(self.next)


class DecisionRule(_RuleTarget):
    """One rule of a decision point: when its condition holds, the walk goes where it says."""

    when: Condition
    """The condition over answers already given."""
    rationale: Text
    """Why this leads where it does, quoted in the summary ('Suggested because: ...')."""


class Fallback(_RuleTarget):
    """Where a decision point leads when none of its rules holds."""

    rationale: Text
    """Why, quoted in the summary when the fallback is taken."""


class HitPolicy(StrEnum):
    """How a decision point's rules may overlap (the names follow DMN decision tables)."""

    UNIQUE = "unique"
    """At most one rule should hold on any route; the validator warns where two that lead
    to different places both hold (W405)."""
    FIRST = "first"
    """Rules may overlap: the first that holds wins, and the order is deliberate."""


class DecisionPoint(Strict):
    """A node the walk passes through without asking: the first rule that holds decides."""

    id: Identifier
    """Unique among questions and decision points; answers route here with ``next``."""
    title: Text
    """What the point decides, e.g. 'What the answers so far point to'."""
    rules: list[DecisionRule] = Field(min_length=1)
    """Ordered rules; the first whose condition holds is taken."""
    otherwise: Fallback | None = None
    """Required: where the walk goes when no rule holds."""
    hit_policy: HitPolicy = HitPolicy.UNIQUE
    """'unique' (rules should not overlap; warned where they do) or 'first' (the first rule
    that holds wins; the order is deliberate)."""


class SuggestionRule(Strict):
    """One rule of a judgement question's suggestion."""

    when: Condition
    """The condition over answers already given."""
    answer: Identifier
    """The answer of the judgement question that these answers point to."""
    rationale: Text
    """Why, shown to the practitioner and quoted in the summary."""


class SuggestionFallback(Strict):
    """The answer suggested when none of the suggestion's rules holds."""

    answer: Identifier
    """The answer suggested."""
    rationale: Text
    """Why, shown to the practitioner and quoted in the summary."""


class Suggestion(Strict):
    """Makes a single-choice question a judgement question with a suggested answer.

    The walk shows what the earlier answers point to and asks the practitioner whether
    they agree. Choosing another answer is a professional-judgement departure: it needs a
    reason, which the session records and every output shows.
    """

    rules: list[SuggestionRule] = Field(min_length=1)
    """Ordered rules; the first whose condition holds gives the suggested answer."""
    otherwise: SuggestionFallback | None = None
    """Required: the answer suggested when no rule holds."""


class Floor(Strict):
    """A minimum response: when its condition holds, no lower outcome without a departure."""

    id: Identifier
    """Unique among the document's floors."""
    title: Text
    """What the floor protects, e.g. 'A child's own account of abuse'."""
    when: Condition
    """When the floor applies. A test on a question not asked on the route does not hold."""
    minimum: Identifier
    """Id of the lowest outcome allowed: every outcome below its level breaks the floor."""
    rationale: Text
    """Why the floor exists, quoted in the summary when it applies."""
