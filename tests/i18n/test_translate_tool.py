"""tools/translate.py: a translation is added beside the English, comments kept, models obeyed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tools import translate


def test_todo_lists_only_the_texts_without_the_language(tmp_path: Path) -> None:
    welsh = translate.todo(FIXTURES / "cymraeg.yaml", "cy")
    assert welsh == []
    english_only = translate.todo(FIXTURES / "rules.yaml", "cy")
    assert {"path": "questions/0/prompt", "en": "Is the child in immediate danger?"} in english_only


def test_apply_keeps_comments_and_validates(tmp_path: Path) -> None:
    copy = tmp_path / "doc.yaml"
    copy.write_text((FIXTURES / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert translate.apply(copy, {"questions/0/prompt": "A yw'r plentyn mewn perygl?"}, "cy") == []
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("# A small format 2 document")
    assert "cy: A yw'r plentyn mewn perygl?" in text
    assert translate.todo(copy, "cy")[0]["path"] != "questions/0/prompt"


def test_apply_refuses_a_path_that_is_not_a_text(tmp_path: Path) -> None:
    copy = tmp_path / "doc.yaml"
    before = (FIXTURES / "rules.yaml").read_text(encoding="utf-8")
    copy.write_text(before, encoding="utf-8")
    assert translate.apply(copy, {"questions/0/id": "x"}, "cy")
    assert copy.read_text(encoding="utf-8") == before
    assert json.dumps(translate.todo(copy, "cy"))  # still readable
