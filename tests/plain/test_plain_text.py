"""The pieces of plain mode: Markdown read as plain text, and typed answers."""

from __future__ import annotations

import io

import pytest

from tests.plain.helpers import entry
from threshold_guide.plain.choices import InputProblem, parse_selection
from threshold_guide.plain.dialogue import Command, Dialogue, EndOfInput, command
from threshold_guide.plain.markdown_text import markdown_to_text


def test_markdown_is_read_without_its_markup() -> None:
    source = (
        "Answer **yes** if *any* of:\n\n- one `thing`;\n- a [link](https://x.example)\n"
        "  over two lines\n  - nested\n\n3. three\n4. four\n\n# Heading\n\n<b>raw</b> html\n"
        "<https://auto.example>\n"
    )
    assert markdown_to_text(source) == (
        "Answer yes if any of:\n\n"
        "- one thing;\n"
        "- a link (https://x.example) over two lines\n"
        "  - nested\n\n"
        "3. three\n4. four\n\n"
        "Heading\n\n"
        "<b>raw</b> html https://auto.example"
    )


def test_a_hard_line_break_keeps_its_line() -> None:
    assert markdown_to_text("first  \nsecond") == "first\nsecond"
    assert markdown_to_text("") == ""


def test_every_help_text_of_the_shipped_guidance_reads_without_markup() -> None:
    for question in entry().document.questions:
        if question.help:
            text = markdown_to_text(str(question.help))
            assert "**" not in text and "\x1b" not in text and text.strip()


@pytest.mark.parametrize(("line", "expected"), [
    ("1", "yes-danger"), ("2", "no-danger"), (" 2 ", "no-danger"), ("2.", "no-danger"),
    ("2,2", "no-danger"),
])
def test_single_choice_numbers(line: str, expected: str) -> None:
    question = entry().document.question("immediate-danger")
    assert parse_selection(question, line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("1,3", ["physical", "sexual"]), ("3 1", ["sexual", "physical"]), ("none", []),
    ("NONE", []), ("7", ["other-or-unsure"]),
])
def test_checklist_numbers(line: str, expected: list[str]) -> None:
    question = entry().document.question("indicators")
    assert parse_selection(question, line) == expected


@pytest.mark.parametrize("line", ["", "0", "8", "1-3", "one", "1,none", "-1"])
def test_bad_checklist_input(line: str) -> None:
    with pytest.raises(InputProblem):
        parse_selection(entry().document.question("indicators"), line)


def test_commands_are_single_letters_at_the_prompts_that_allow_them() -> None:
    everything = frozenset(Command)
    assert command("B", everything) is Command.BACK
    assert command(" q ", everything) is Command.QUIT
    assert command("d", frozenset({Command.BACK})) is None
    assert command("back", everything) is None


def test_a_prompt_is_one_line_and_end_of_input_is_reported() -> None:
    sink = io.StringIO()
    dialogue = Dialogue(io.StringIO("answer\r\n"), sink, echo_newline=True)
    assert dialogue.ask("Your answer: ") == "answer"
    with pytest.raises(EndOfInput):
        dialogue.ask("Again: ")
    assert sink.getvalue() == "Your answer: \nAgain: \n"
