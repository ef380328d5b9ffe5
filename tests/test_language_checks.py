"""validate: W502 at each text lacking a language the file offers; W503 for an offered
language with no translation review record. Documents and scenario files alike."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINIMAL, ROOT
from tests.scenarios.helpers import shipped_catalog
from threshold_guide.models.text import language_coverage
from threshold_guide.scenarios.checks import check_paths
from threshold_guide.validation.validate import check_file

DANGER = "    prompt: Is the child in immediate danger?\n"
DANGER_CY = ("    prompt: {en: Is the child in immediate danger?, "
             "cy: \"Ydy'r plentyn mewn perygl uniongyrchol?\"}\n")
SIGNS = "    prompt: Which signs have you seen?\n"


def _write(tmp_path: Path, *edits: tuple[str, str], name: str = "doc.yaml",
           source: Path = MINIMAL) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_a_document_in_english_only_has_no_language_warnings() -> None:
    found = check_file(MINIMAL).diagnostics
    assert not [d for d in found if d.code in {"W502", "W503"}]


def test_each_text_lacking_welsh_is_a_warning_at_that_text(tmp_path: Path) -> None:
    path = _write(tmp_path, (DANGER, DANGER_CY))
    result = check_file(path)
    assert result.ok  # warnings only: the document still loads
    missing = [d for d in result.diagnostics if d.code == "W502"]
    assert result.document is not None
    texts, translated = language_coverage(result.document, "cy")
    assert len(missing) == texts - translated
    signs = next(d for d in missing if d.line == _line(path, SIGNS.strip()))
    assert signs.column == SIGNS.index("Which") + 1
    assert "'cy'" in signs.message and "cy:" in signs.hint
    assert all(d.line != _line(path, "Is the child in immediate danger") for d in missing)


def test_an_offered_language_without_a_translations_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, (DANGER, DANGER_CY))
    review = [d for d in check_file(path).diagnostics if d.code == "W503"]
    assert len(review) == 1
    assert review[0].line == _line(path, "Ydy'r plentyn")  # where the language is offered
    assert "translations" in review[0].message

    recorded = _write(tmp_path, (DANGER, DANGER_CY),
                      ("start: danger\n", "start: danger\ntranslations:\n  cy:\n"
                       "    checked: false\n"), name="recorded.yaml")
    assert not [d for d in check_file(recorded).diagnostics if d.code == "W503"]


def test_a_translations_entry_alone_offers_the_language(tmp_path: Path) -> None:
    path = _write(tmp_path, ("start: danger\n", "start: danger\ntranslations:\n  cy:\n"
                             "    checked: false\n"))
    found = check_file(path).diagnostics
    assert [d for d in found if d.code == "W502"]
    assert not [d for d in found if d.code == "W503"]




# Not in tests/fixtures, which some tests use as a guidance folder.
SCENARIO = ROOT / "tests" / "data" / "english-only-scenario.yaml"


def test_a_scenario_offering_welsh_warns_at_each_text_lacking_it(tmp_path: Path) -> None:
    path = _write(tmp_path, ("title: Something another child said\n",
                             "title: {en: Something another child said, "
                             "cy: Rhywbeth a ddywedodd plentyn arall}\n"),
                  name="scenario.yaml", source=SCENARIO)
    found = [d for d in check_paths([path], shipped_catalog()).diagnostics
             if d.code.startswith("W50")]
    assert {d.code for d in found} == {"W502"}  # a scenario has no review record to ask for
    lines = {d.line for d in found}
    assert _line(path, "vignette:") in lines
    assert _line(path, "reasonable-cause: |") in lines  # each 'why' entry, at its own key
    assert _line(path, "- Being unsure") in lines  # each learning point
    assert _line(path, "title:") not in lines
