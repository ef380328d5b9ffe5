"""Explanation golden files: every audience, from fixed sessions on the shipped guidance."""

from __future__ import annotations

import pytest

from tests.explain.sessions import AT, CASES, build_session, entry_for, session_file
from tests.golden_files import assert_golden
from threshold_guide.explain import explain, render_explanation_markdown
from threshold_guide.models.explanation import Audience, Explanation
from threshold_guide.storage.session_file import read_session_file
from threshold_guide.summary.json_output import render_json

GOLDEN_CASES = [
    *((case, audience) for case in ("report-today", "below-threshold", "harm-strategy")
      for audience in Audience),
    ("override-lower", Audience.SCHOOL),
    ("override-lower", Audience.FAMILY),
]


def explained(case: str, audience: Audience) -> Explanation:
    entry = entry_for(case)
    session = read_session_file(session_file(case))
    return explain(entry.document, entry.sha256, session, audience, AT)


@pytest.mark.parametrize("case", sorted(CASES))
def test_session_fixtures_are_current(case: str) -> None:
    assert_golden(f"explain/sessions/{case}.json", render_json(build_session(case)))


@pytest.mark.parametrize(("case", "audience"), GOLDEN_CASES)
def test_golden_markdown_and_json(case: str, audience: Audience) -> None:
    explanation = explained(case, audience)
    assert_golden(f"explain/{case}-{audience.value}.md", render_explanation_markdown(explanation))
    assert_golden(f"explain/{case}-{audience.value}.json", render_json(explanation))


@pytest.mark.parametrize(("case", "audience"), GOLDEN_CASES)
def test_same_inputs_same_bytes_and_json_round_trips(case: str, audience: Audience) -> None:
    first, second = explained(case, audience), explained(case, audience)
    assert render_explanation_markdown(first) == render_explanation_markdown(second)
    assert render_json(first) == render_json(second)
    assert Explanation.model_validate_json(render_json(first)) == first
