"""The logic book of a format 2 document: rules as tables whose conditions read as words."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from tests.conftest import FIXTURES, MINIMAL
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.logic_book import render_logic_book
from threshold_guide.render.pages import book_html

RULES = FIXTURES / "rules.yaml"


def _book(path: Path = RULES) -> str:
    return render_logic_book(resolve_file(path).document)


def test_decision_point_is_a_rule_table_with_conditions_in_words() -> None:
    book = _book()
    assert "### D1. What the signs point to" in book
    assert "Hit policy: first.* The rules may overlap" in book
    assert "| # | when | leads to | because |" in book
    assert ("| 1 | 'Which signs have you seen?' includes Unexplained bruising | **outcome:** "
            "Report to social services today | unexplained bruising |") in book
    assert ("| 2 | 'Which signs have you seen?' has at least 1 of Often hungry, Often late "
            "ticked | question Q4 (Is this part of a pattern?) |") in book
    assert ("| otherwise | none of the above | question Q5 (Is there reasonable cause to "
            "suspect the child is at risk?) | no signs ticked |") in book
    # An answer that leads to a decision point says so.
    assert "1. Otherwise → decision point D1 (What the signs point to)" in book


def test_suggestion_and_floors_are_tables() -> None:
    book = _book()
    assert "**Judgement question.**" in book
    assert "| 1 | 'Did the child tell you about harm?' is Yes | Yes | the child described harm |" \
        in book
    assert ("| 2 | 'Is this part of a pattern?' was asked and 'Is this part of a pattern?' is "
            "Yes | Yes | a pattern of concern |") in book
    assert "| otherwise | none of the above | No | no disclosure and no pattern |" in book
    assert "| floor | when | minimum | why |" in book
    assert ("| A child's own account of harm | 'Did the child tell you about harm?' is Yes | "
            "Report to social services today (or higher) |") in book


def test_every_table_parses_as_a_table_and_reaches_the_html(tmp_path: Path) -> None:
    hostile = tmp_path / "pipes.yaml"
    hostile.write_text(RULES.read_text().replace(
        "rationale: unexplained bruising", "rationale: 'bruising | marks'"))
    book = _book(hostile)
    assert "bruising \\| marks" in book
    tokens = MarkdownIt("commonmark").enable("table").parse(book)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 4 + 4 + 3  # suggestion, decision point, floors (each with a header)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "bruising | marks" in cells
    html = book_html(resolve_file(hostile).document)
    assert "<table>" in html and "bruising | marks" in html


def test_nested_conditions_are_bracketed_and_not_is_said(tmp_path: Path) -> None:
    nested = tmp_path / "nested.yaml"
    nested.write_text(RULES.read_text().replace(
        "      - when: {question: signs, includes_any: [bruise]}\n        outcome: report",
        "      - when:\n          any:\n            - {question: signs, includes_all: [bruise, "
        "hunger]}\n            - all:\n                - {question: told, is_one_of: ['yes']}\n"
        "                - not: {question: signs, at_least: 2}\n        outcome: report\n"
        "        rationale: nested\n"
        "      - when: {question: signs, includes_any: [bruise]}\n        outcome: report"))
    book = _book(nested)
    assert ("'Which signs have you seen?' includes all of Unexplained bruising and Often hungry "
            "or ('Did the child tell you about harm?' is Yes and not ('Which signs have you "
            "seen?' has at least 2 ticked))") in book


def test_a_format_1_book_has_no_rule_sections() -> None:
    book = _book(MINIMAL)
    assert "Decision points" not in book and "Minimum responses" not in book
    assert "Each answer leads to another question or to an outcome." in book
