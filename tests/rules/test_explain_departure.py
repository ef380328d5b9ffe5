"""Explanations of a session on a format 2 document: the criteria that decided it for every
audience, and a departure in general terms for the family."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.golden_files import assert_golden
from tests.rules.documents import rules_document, session
from threshold_guide.explain import explain, render_explanation_markdown
from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.models.session import Selection
from threshold_guide.summary.json_output import render_json

AT = dt.datetime(2026, 11, 2, 10, 30, tzinfo=dt.UTC)
REASON = "The school nurse saw <marks> last week & wrote it up."
DEPART: dict[str, Selection] = {"danger": "no", "told": "no", "signs": ["hunger"],
                                "pattern": "no", "judge": "yes"}
# The child told: 'judge' suggests yes; answering no departs to a lower level.
LOWER: dict[str, Selection] = {"danger": "no", "told": "yes", "signs": [], "judge": "no"}


def explained(audience: Audience, answers: dict[str, Selection] | None = None) -> Explanation:
    document = rules_document()
    walked = session(document, dict(answers or DEPART), {"judge": REASON})
    return explain(document, content_hash(document), walked, audience, AT)


@pytest.mark.parametrize("audience", list(Audience))
def test_golden_departure(audience: Audience) -> None:
    explanation = explained(audience)
    assert_golden(f"explain/departure-{audience.value}.md",
                  render_explanation_markdown(explanation))
    assert_golden(f"explain/departure-{audience.value}.json", render_json(explanation))


@pytest.mark.parametrize("audience", [a for a in Audience if a is not Audience.FAMILY])
def test_professionals_see_the_criteria_and_the_departure_with_its_reason(
    audience: Audience
) -> None:
    explanation = explained(audience)
    kinds = [(c.kind, c.id, c.rule) for c in explanation.criteria]
    assert kinds == [("decision-point", "weigh", 2), ("suggestion", "judge", None)]
    assert explanation.criteria[1].because == "no disclosure and no pattern"
    [departure] = explanation.departures
    assert (departure.suggested_label, departure.chosen_label) == ("No", "Yes")
    assert departure.reason == REASON and not departure.lower
    assert explanation.judgement is not None and "departed" in explanation.judgement
    markdown = render_explanation_markdown(explanation)
    assert "\\<marks>" in markdown  # the reason is typed text: shown literally


def test_floors_are_criteria_and_a_lower_departure_is_flagged() -> None:
    explanation = explained(Audience.POLICE, LOWER)
    floors = [c for c in explanation.criteria if c.kind == "floor"]
    assert [(f.id, f.result) for f in floors] == [
        ("disclosure", "at least “Report to social services today”: not met")]
    [departure] = explanation.departures
    assert departure.lower and departure.suggested_outcome == "Report to social services today"
    markdown = render_explanation_markdown(explanation)
    assert "### ⚠ DEPARTURE TO A LOWER LEVEL than the guidance suggested" in markdown
    assert "lower level than agreeing would have" in (explanation.judgement or "")


def test_family_sees_the_departure_in_general_terms_only() -> None:
    explanation = explained(Audience.FAMILY, LOWER)
    assert explanation.criteria == [] and explanation.departures == []
    assert explanation.judgement is not None
    assert "professional judgement to choose differently" in explanation.judgement
    text = render_explanation_markdown(explanation) + render_json(explanation)
    for secret in ("nurse", "marks", "described harm", "no disclosure"):
        assert secret not in text
    assert any("choosing differently" in line for line in explanation.withheld)


def test_no_departure_no_judgement() -> None:
    agreeing = {**DEPART, "judge": "no"}
    explanation = explained(Audience.SCHOOL, agreeing)
    assert explanation.departures == [] and explanation.judgement is None
    assert [c.kind for c in explanation.criteria] == ["decision-point", "suggestion"]
