"""The logic book shows the whole document: questions, routes, outcomes, definitions, sources."""

from __future__ import annotations

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.logic_book import definitions_markdown, render_logic_book, why_markdown
from threshold_guide.models.text import render

from .conftest import HARM_1_0, MINIMAL


def test_every_part_of_the_document_is_in_the_book() -> None:
    document = resolve_file(HARM_1_0).document
    book = render_logic_book(document)
    for question in document.questions:
        assert render(question.prompt).strip() in book
        for answer in question.answers:
            assert render(answer.label).strip() in book
    for outcome in document.outcomes:
        assert render(outcome.title) in book
    for definition in document.definitions:
        assert render(definition.term) in book
    for source in document.sources:
        assert render(source.title) in book
    assert "Decision supported:" in book
    assert book == render_logic_book(document), "same document, same text"


def test_routes_of_a_checklist_are_spelled_out() -> None:
    book = render_logic_book(resolve_file(MINIMAL).document)
    assert "If any of “Unexplained bruising” is ticked → **outcome:** Report" in book
    assert "Otherwise → **outcome:** Record, monitor and seek advice" in book


def test_why_and_definitions_for_a_question() -> None:
    document = resolve_file(MINIMAL).document
    signs = document.question("signs")
    assert "Ill-treatment" in definitions_markdown(document, signs)
    assert "no reason" in why_markdown(document, signs)
    assert "no defined terms" in definitions_markdown(document, document.question("danger"))
