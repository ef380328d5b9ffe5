"""The version in effect on a day: DOC@DATE, --on, and the catalog underneath them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_0, GUIDANCE
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import Catalog, LookupProblem
from threshold_guide.versions.refs import RefError, VersionRef, parse_ref

DOC = "wales-duty-to-report"
TODAY = dt.date(2026, 11, 21)
ANSWERS = '{"immediate-danger": "yes-danger"}'


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load([GUIDANCE])


@pytest.mark.parametrize("day, version", [
    ("2026-04-01", "1.0.0"),   # 1.0.0's first day
    ("2026-09-30", "1.0.0"),   # the day before 1.1.0 takes effect
    ("2026-10-01", "1.1.0"),   # 1.1.0's first day
    ("2026-11-15", "1.1.0"),   # the day before 2.0.0 takes effect
    ("2026-11-16", "2.0.0"),   # 2.0.0's first day
    ("2026-11-28", "2.0.0"),   # the day before 2.1.0 (Welsh added) takes effect
    ("2026-11-29", "2.1.0"),   # 2.1.0's first day
    ("2030-01-01", "2.1.0"),
])
def test_version_in_effect_on_a_day(catalog: Catalog, day: str, version: str) -> None:
    entry = catalog.resolve(DOC, TODAY, on=dt.date.fromisoformat(day))
    assert entry.version == version


def test_no_version_in_effect_before_the_first(catalog: Catalog) -> None:
    with pytest.raises(LookupProblem) as caught:
        catalog.resolve(DOC, TODAY, on=dt.date(2026, 3, 31))
    assert "in effect on 2026-03-31" in caught.value.message


def test_draft_versions_are_never_in_effect(tmp_path: Path) -> None:
    draft = tmp_path / "3.0.0.yaml"
    text = DUTY_1_0.read_text(encoding="utf-8")
    draft.write_text(text.replace('version: "1.0.0"', 'version: "3.0.0"').replace(
        "status: published", "status: draft").replace(
        'changelog:\n', 'changelog:\n  - version: "3.0.0"\n    date: 2026-01-01\n'
        '    changes: [Draft.]\n', 1), encoding="utf-8")
    catalog = Catalog.load([GUIDANCE, tmp_path])
    assert [e.version for e in catalog.versions(DOC)] == ["1.0.0", "1.1.0", "2.0.0", "2.1.0",
                                                       "3.0.0"]
    assert catalog.resolve(DOC, TODAY, on=dt.date(2031, 1, 1)).version == "2.1.0"
    assert catalog.resolve(DOC, TODAY, version="3.0.0").version == "3.0.0"


@pytest.mark.parametrize("text, ref", [
    (DOC, VersionRef(DOC)),
    (f"{DOC}@1.0.0", VersionRef(DOC, version="1.0.0")),
    (f"{DOC}@2026-09-30", VersionRef(DOC, on=dt.date(2026, 9, 30))),
    ("guidance/x@1.0.0.yaml", VersionRef("guidance/x@1.0.0.yaml")),
    (str(DUTY_1_0), VersionRef(str(DUTY_1_0))),
])
def test_parse_ref(text: str, ref: VersionRef) -> None:
    assert parse_ref(text) == ref


@pytest.mark.parametrize("text", [f"{DOC}@", "@1.0.0", f"{DOC}@1.0", f"{DOC}@2026-13-01"])
def test_parse_ref_errors_say_how_to_write_it(text: str) -> None:
    with pytest.raises(RefError) as caught:
        parse_ref(text)
    assert "DOC@VERSION" in caught.value.hint


@pytest.mark.parametrize("day, version", [("2026-09-30", "1.0.0"), ("2026-10-01", "1.1.0")])
def test_run_on_a_date(capsys: pytest.CaptureFixture[str], tmp_path: Path, day: str,
                       version: str) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(ANSWERS, encoding="utf-8")
    code = main(["run", DOC, "--on", day, "--answers", str(answers), "--format", "json",
                 "--at", "2026-11-21T09:00:00Z"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["guidance"]["version"] == version
