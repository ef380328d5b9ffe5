"""Fuzzing the shipped documents: every mutation is a located error or a document that
renders; never an exception. Bounded (a fixed number of examples) so it runs in CI.

Time is bounded by the input limits (values, lists, aliases, nesting; see the README), not
asserted here: measure with ``mutate`` over many seeds when changing a limit.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from threshold_guide.logic_book import render_logic_book
from threshold_guide.render.graph import flowchart, render_dot, render_mermaid
from threshold_guide.render.pages import book_html
from threshold_guide.validation.validate import check_file

from .mutations import as_json, mutate

SHIPPED = sorted((ROOT / "guidance").rglob("*.yaml"))


def editor_lines(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 2


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.name + "-" + p.stem)
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), json_form=st.booleans())
def test_mutated_shipped_documents_never_raise(
    path: Path, rng: random.Random, json_form: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = mutate(path.read_text(encoding="utf-8"), rng)
    if json_form:
        text = as_json(text) or text
    target = tmp_path_factory.mktemp("fuzz") / ("doc.json" if json_form else "doc.yaml")
    target.write_text(text, encoding="utf-8", newline="")

    checked = check_file(target)  # must not raise

    lines = editor_lines(text)
    for item in checked.diagnostics:
        assert 1 <= item.line <= lines and item.column >= 1, item.render()
    if checked.document is not None:
        render_logic_book(checked.document)
        book_html(checked.document)
        chart = flowchart(checked.document)
        render_mermaid(chart)
        render_dot(chart)
