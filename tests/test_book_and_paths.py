"""What an answers-file writer needs without reading the YAML: the book lists every answer id
beside its label, and `paths --format text` shows each checklist's whole list of ids."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DUTY_1_1, GUIDANCE, HARM_1_0
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.logic_book import render_logic_book
from threshold_guide.models.document import QuestionType
from threshold_guide.render.pages import book_html

Capture = pytest.CaptureFixture[str]
DOCUMENTS = [DUTY_1_1, HARM_1_0]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.parent.name)
def test_the_book_lists_every_answer_and_prompt_id(path: object) -> None:
    document = resolve_file(path).document  # type: ignore[arg-type]
    markdown = render_logic_book(document)
    html = book_html(document)
    for question in document.questions:
        for answer in question.answers:
            assert f"`{answer.id}`" in markdown, answer.id
            assert f"<code>{answer.id}</code>" in html, answer.id
    for prompt in [*document.child_voice, *document.strengths]:
        assert f"`{prompt.id}`" in markdown


def test_paths_text_shows_every_checklist_id(capsys: Capture) -> None:
    document = resolve_file(DUTY_1_1).document
    assert main(["paths", str(DUTY_1_1), "--format", "text"]) == 0
    out, _ = capsys.readouterr()
    checklists = [q for q in document.questions if q.type is QuestionType.MULTIPLE]
    assert checklists
    for question in checklists:
        lines = [line for line in out.splitlines() if line.startswith(f"{question.id}: ")]
        assert lines
        for line in lines:
            shown = set(re.findall(r"[a-z0-9][a-z0-9_.-]*", line.split(": ", 1)[1]))
            assert {a.id for a in question.answers} <= shown, line


def test_a_route_in_text_is_an_answers_file(capsys: Capture, tmp_path: object) -> None:
    import yaml

    assert main(["paths", str(DUTY_1_1), "--format", "text", "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    assert "stopped after 2 routes" in err
    second = out.split("\n\n")[1]
    assert second.startswith("# 2. ")
    answers = yaml.safe_load(second)
    path = tmp_path / "route.yaml"  # type: ignore[operator]
    path.write_text(second, encoding="utf-8")
    assert main(["run", str(DUTY_1_1), "--answers", str(path)]) == 0
    assert isinstance(answers["indicators"], list)


def test_one_route_is_singular(capsys: Capture) -> None:
    assert main(["paths", str(GUIDANCE / "wales-duty-to-report" / "1.1.0.yaml"),
                 "--limit", "1"]) == 0
    _, err = capsys.readouterr()
    assert "stopped after 1 route (--limit)" in err
