"""Deadlines are validated like everything else: located errors with stable codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deadlines.helpers import DEADLINES
from threshold_guide.cli.main import main
from threshold_guide.deadlines.closures import check_closures, load_calendar
from threshold_guide.loading.catalog import Catalog
from threshold_guide.validation.validate import check_file

WriteYaml = Callable[..., Path]


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DEADLINES.read_text(encoding="utf-8"))
    return loaded


def steps(document: dict[str, Any]) -> list[dict[str, Any]]:
    report = next(o for o in document["outcomes"] if o["id"] == "report")
    found: list[dict[str, Any]] = report["deadlines"]
    return found


def test_the_fixture_is_clean() -> None:
    assert check_file(DEADLINES).diagnostics == []


@pytest.mark.parametrize(("change", "code", "words"), [
    (lambda s: s[1].update(working_days=-1), "E902", "negative span"),
    (lambda s: s[1].update(hours=4), "E901", "exactly one span"),
    (lambda s: s[1].pop("working_days"), "E901", "given: none"),
    (lambda s: s[1].update({"from": "repot"}), "E903", "did you mean 'report'"),
    (lambda s: s[0].update({"from": "response"}), "E903", "not an earlier step"),
    (lambda s: s[2].update(id="report"), "E301", "used twice"),
])
def test_bad_deadlines_are_located_errors(write_yaml: WriteYaml, change: Callable[..., Any],
                                          code: str, words: str) -> None:
    document = data()
    change(steps(document))
    path = write_yaml(document)
    found = [d for d in check_file(path).diagnostics if d.code == code]
    assert found, check_file(path).diagnostics
    assert words in found[0].message + " " + found[0].hint
    text = path.read_text(encoding="utf-8").splitlines()
    assert "deadlines" in "\n".join(text[: found[0].line]), "located inside the deadlines"
    assert found[0].line > 1


def test_unknown_field_in_a_deadline_is_a_schema_error(write_yaml: WriteYaml) -> None:
    document = data()
    steps(document)[0]["workingdays"] = 1
    codes = [d.code for d in check_file(write_yaml(document)).diagnostics]
    assert "E202" in codes


CLOSURES = """kind: closures
about: Test board
closures:
  - date: 2026-12-29
    reason: Offices closed
  - date: 2026-12-30
    reason: Offices closed
"""


def test_closures_file_gives_the_calendar(tmp_path: Path) -> None:
    (tmp_path / "closures.yaml").write_text(CLOSURES, encoding="utf-8")
    calendar, checked = load_calendar([tmp_path])
    assert [c.diagnostics for c in checked] == [[]]
    assert not calendar.is_working_day(__import__("datetime").date(2026, 12, 30))


def test_closures_problems_are_located(tmp_path: Path) -> None:
    path = tmp_path / "closures.yaml"
    path.write_text(CLOSURES.replace("2026-12-30", "2026-12-29")
                    + "  - date: 2026-13-01\n    reason: x\n", encoding="utf-8")
    found = check_closures(path).diagnostics
    assert found and found[0].line == 8, found
    path.write_text(CLOSURES.replace("2026-12-30", "2026-12-29"), encoding="utf-8")
    found = check_closures(path).diagnostics
    assert [(d.code, d.line) for d in found] == [("E904", 6)]
    path.write_text("kind: closures\nclosures:\n  - date: 2026-12-29\n", encoding="utf-8")
    assert [d.code for d in check_closures(path).diagnostics] == ["E201"]


def test_a_closures_file_is_not_a_broken_document(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "board"
    folder.mkdir()
    (folder / "doc.yaml").write_text(DEADLINES.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "closures.yaml").write_text(CLOSURES, encoding="utf-8")
    catalog = Catalog.load([folder])
    assert catalog.broken == [] and len(catalog.entries) == 1
    assert main(["validate", str(folder)]) == 0
    assert "ok: 2 files checked, 0 errors" in capsys.readouterr().out
    (folder / "closures.yaml").write_text("kind: closures\nclosures: [{date: 1}]\n",
                                          encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    assert "closures.yaml:2:" in capsys.readouterr().out


def test_outcomes_without_deadlines_hash_as_before() -> None:
    # Published versions are pinned by content hash: the optional field must not enter it.
    from tests.conftest import DUTY_1_1
    from threshold_guide.loading.canonical import canonical_json
    from threshold_guide.loading.catalog import resolve_file

    entry = resolve_file(DUTY_1_1)
    assert b"deadlines" not in canonical_json(entry.document)
    assert entry.sha256.startswith("5782df15f307")
    assert b'"deadlines"' in canonical_json(resolve_file(DEADLINES).document)
