"""The wording rules of an explanation: the test named, never "do not report", and a family
version that cannot carry what could put a child at risk."""

from __future__ import annotations

import re

import pytest

from tests.explain.sessions import (
    AT,
    CHILD_SAID,
    OVERRIDE_REASON,
    STRENGTH,
    build_session,
    entry_for,
)
from threshold_guide.engine.routing import AnswerError
from threshold_guide.explain import ExplainError, explain, render_explanation_markdown
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.models.session import GivenAnswer, GuidanceRef, Override
from threshold_guide.summary.build import SummaryError
from threshold_guide.summary.json_output import render_json

PROFESSIONALS = [a for a in Audience if a is not Audience.FAMILY]
NOTES = ("Since half term Child A", "there's no point telling mum")


def explained(case: str, audience: Audience, **update: object) -> Explanation:
    entry = entry_for(case)
    session = build_session(case).model_copy(update=update)
    return explain(entry.document, entry.sha256, session, audience, AT)


def both(explanation: Explanation) -> str:
    return render_explanation_markdown(explanation) + render_json(explanation)


@pytest.mark.parametrize("audience", list(Audience))
def test_not_met_duty_to_report_never_reads_do_not_report(audience: Audience) -> None:
    explanation = explained("below-threshold", audience)
    text = render_explanation_markdown(explanation).lower()
    lowered = text.replace("not a decision not to report", "")
    for phrase in ("do not report", "don't report", "no need to report", "not to report",
                   "should not report", "need not report"):
        assert phrase not in lowered, phrase
    assert "advice" in text
    assert "report can still be made" in text or "come back to this decision, and report" in text


@pytest.mark.parametrize("audience", PROFESSIONALS)
def test_professional_not_met_says_it_is_not_a_decision_not_to_report(
        audience: Audience) -> None:
    explanation = explained("below-threshold", audience)
    assert "This is not a decision not to report." in explanation.decided
    assert any("not a decision not to report" in line for line in explanation.advice)


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize(("case", "other_tests"), [
    ("report-today", ("section 47", "Child Protection Register")),
    ("harm-strategy", ("reporting", "Child Protection Register")),
])
def test_every_explanation_names_its_test_and_what_it_is_not(
        case: str, other_tests: tuple[str, ...], audience: Audience) -> None:
    explanation = explained(case, audience)
    text = render_explanation_markdown(explanation)
    assert explanation.test.question in text and explanation.test.plain in text
    not_this = " ".join(explanation.test.not_this)
    for other in other_tests:
        if audience is Audience.FAMILY and other == "section 47":
            continue  # the family version names the register, not the section number
        assert other.lower() in not_this.lower(), other
    assert "999" in explanation.advice[0]
    assert explanation.guidance.sha256 in text and explanation.guidance.version in text
    assert explanation.asks and explanation.next_steps


@pytest.mark.parametrize("audience", PROFESSIONALS)
def test_professionals_see_the_decisive_facts_with_notes(audience: Audience) -> None:
    explanation = explained("report-today", audience)
    assert explanation.decisive.facts
    assert explanation.outcome is not None
    assert explanation.what_would_change.changes
    assert explanation.withheld == []


def test_family_version_leaves_out_what_could_put_a_child_at_risk() -> None:
    explanation = explained("report-today", Audience.FAMILY, override=Override(
        outcome="report-fgm", reason=OVERRIDE_REASON + " <FGM>", by="DSP"))
    text = both(explanation)
    for secret in (*NOTES, CHILD_SAID, STRENGTH, OVERRIDE_REASON, "FGM", "genital",
                   "What has the child told you"):
        assert secret not in text, secret
    assert explanation.outcome is None and explanation.override is None
    assert explanation.decisive.facts == [] and explanation.what_would_change.changes == []
    assert "in general terms" in " ".join(explanation.withheld)
    assert "your child" in explanation.decisive.summary
    assert "professional judgement" in explanation.decided


def test_a_decisive_note_is_quoted_literally() -> None:
    entry = entry_for("report-today")
    session = build_session("report-today")
    answers = dict(session.answers)
    answers["reasonable-cause"] = GivenAnswer(
        answer="yes-cause", note="# heading? <b>x</b> [l](https://x.example) &amp; 1. item",
        evidence="opinion")
    session = session.model_copy(update={"answers": answers})
    explanation = explain(entry.document, entry.sha256, session, Audience.HEALTH, AT)
    markdown = render_explanation_markdown(explanation)
    assert ("> \\# heading? \\<b>x\\</b> \\[l](https://x.example) \\&amp; 1. item"
            in markdown)
    assert "**Note** (Professional opinion):" in markdown


def test_override_to_a_lower_level_is_flagged_in_words() -> None:
    explanation = explained("override-lower", Audience.POLICE)
    markdown = render_explanation_markdown(explanation)
    assert explanation.override is not None and explanation.override.lower
    assert "OVERRIDE TO A LOWER LEVEL" in markdown
    assert "a lower level than the guidance reached" in explanation.decided
    assert OVERRIDE_REASON in markdown


def test_changed_guidance_content_is_a_warning_in_the_explanation() -> None:
    entry = entry_for("report-today")
    session = build_session("report-today")
    session = session.model_copy(update={"guidance": GuidanceRef(
        id=entry.id, version=entry.version, sha256="0" * 64)})
    explanation = explain(entry.document, entry.sha256, session, Audience.SCHOOL, AT)
    assert len(explanation.warnings) == 1
    assert "000000000000" in explanation.warnings[0]
    assert "> **Warning:**" in render_explanation_markdown(explanation)


def test_refuses_a_session_pinned_to_another_document_or_unfinished() -> None:
    entry = entry_for("harm-strategy")
    with pytest.raises(ExplainError, match=r"pinned to wales-duty-to-report 1\.1\.0"):
        explain(entry.document, entry.sha256, build_session("report-today"), Audience.POLICE, AT)
    duty = entry_for("report-today")
    unfinished = build_session("report-today").model_copy(update={"answers": {}})
    with pytest.raises(SummaryError, match="immediate-danger"):
        explain(duty.document, duty.sha256, unfinished, Audience.POLICE, AT)
    wrong = build_session("report-today").model_copy(
        update={"answers": {"immediate-danger": GivenAnswer(answer="maybe")}})
    with pytest.raises(AnswerError, match="no answer 'maybe'"):
        explain(duty.document, duty.sha256, wrong, Audience.POLICE, AT)
    bad_override = build_session("report-today").model_copy(
        update={"override": Override(outcome="nowhere", reason="x")})
    with pytest.raises(ExplainError, match="'nowhere'"):
        explain(duty.document, duty.sha256, bad_override, Audience.POLICE, AT)


def test_audience_asks_are_specific_to_the_reader() -> None:
    school = " ".join(explained("report-today", Audience.SCHOOL).asks)
    police = " ".join(explained("harm-strategy", Audience.POLICE).asks)
    family = " ".join(explained("report-today", Audience.FAMILY).asks)
    health = " ".join(explained("report-today", Audience.HEALTH).asks)
    social = " ".join(explained("harm-strategy", Audience.SOCIAL_SERVICES).asks)
    assert "designated safeguarding person" in school and "specific" in school
    assert "immediate danger" in police and "strategy discussion" in police
    assert "999" in family and "information, advice and assistance" in family
    assert "relevant partners" in health
    assert re.search(r"15\s+working days", social)
    consent = " ".join(explained("report-today", Audience.FAMILY).next_steps)
    assert "agreement is not needed" in consent
