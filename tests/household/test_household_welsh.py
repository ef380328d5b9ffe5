"""Conference papers in Welsh, and Welsh and English side by side (issue 14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, GUIDANCE
from tests.golden_files import assert_golden
from threshold_guide.cli.main import main
from threshold_guide.household.papers import build_papers, paper_language
from threshold_guide.household.papers_markdown import (
    render_bilingual_html,
    render_bilingual_markdown,
    render_papers_html,
    render_papers_markdown,
)
from threshold_guide.household.walk import Pinned
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.storage.household_file import read_household
from threshold_guide.summary.json_output import render_json

Capture = pytest.CaptureFixture[str]
REGISTRATION = GUIDANCE / "wales-registration" / "1.0.0.yaml"
THREE = FIXTURES / "household-three.yaml"
AT = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC)
UNCHECKED = ("Nid yw'r testun Cymraeg wedi'i wirio eto gan adolygydd diogelu sy'n rhugl yn y "
             "Gymraeg.")


def _pinned() -> Pinned:
    entry = resolve_file(REGISTRATION)
    return Pinned(entry.document, entry.sha256)


@pytest.mark.parametrize(("paper", "audience"), [
    ("invitation", "family"), ("decision-record", "partners")])
def test_welsh_papers_match_golden_files(paper: str, audience: str) -> None:
    papers = build_papers(_pinned(), read_household(THREE), paper, AT, audience=audience,
                          language="cy")
    markdown = render_papers_markdown(papers)
    assert UNCHECKED in markdown  # the document's own text is not checked Welsh
    assert "Os yw plentyn mewn perygl uniongyrchol, ffoniwch yr heddlu ar 999 nawr." in markdown
    stem = f"household/cy/{paper}-{audience}"
    assert_golden(f"{stem}.md", markdown)
    assert_golden(f"{stem}.json", render_json(papers))
    assert_golden(f"{stem}.html", render_papers_html(papers))


def test_the_welsh_invitation_speaks_welsh() -> None:
    papers = build_papers(_pinned(), read_household(THREE), "invitation", AT,
                          audience="family", language="cy")
    text = render_papers_markdown(papers)
    for words in ("# Gwahoddiad i gynhadledd amddiffyn plant", "*Ar gyfer y teulu.*",
                  "## Pam mae'r gynhadledd yn cael ei chynnal", "Child A, 9 oed",
                  "Cynhadledd amddiffyn plant gychwynnol", "**Pryd:** Llun 2 Tach 2026, 10:00"):
        assert words in text, words
    assert 'lang="cy"' in render_papers_html(papers)


def test_bilingual_papers_match_golden_files() -> None:
    pinned, household = _pinned(), read_household(THREE)
    welsh, english = (build_papers(pinned, household, "decision-record", AT, language=code)
                      for code in ("cy", "en"))
    markdown = render_bilingual_markdown(welsh, english)
    # Each section in Welsh, then the same section in English.
    assert markdown.index("## Child A (9 oed)") < markdown.index("## Child A (aged 9)") < (
        markdown.index("## Child B (6 oed)"))
    assert_golden("household/bilingual/decision-record.md", markdown)
    html = render_bilingual_html(welsh, english)
    assert '<div lang="cy">' in html and '<div lang="en">' in html
    assert_golden("household/bilingual/decision-record.html", html)


def test_the_family_invitation_comes_in_the_familys_language(capsys: Capture,
                                                            tmp_path: Path) -> None:
    household = read_household(THREE).model_copy(update={"family_language": "cy"})
    assert paper_language(household, "invitation", "family") == "cy"
    assert paper_language(household, "invitation", "partners") == "en"
    assert paper_language(household, "decision-record", "partners") == "en"
    path = tmp_path / "h.json"
    path.write_text(render_json(household))
    base = ["conference", "run", "wales-registration", "--household", str(path), "--paper",
            "invitation", "--at", "2026-11-02T12:00:00Z"]
    assert main([*base, "--audience", "family"]) == 0
    out, err = capsys.readouterr()
    assert "# Gwahoddiad i gynhadledd amddiffyn plant" in out
    # wales-registration 1.1.0 has Welsh: no warning that the document lacks it.
    assert "has no text in 'cy'" not in err and "Cofrestru" in out
    assert main([*base, "--audience", "partners"]) == 0
    assert "# Invitation to a child protection conference" in capsys.readouterr().out


def test_conference_run_bilingual(capsys: Capture) -> None:
    base = ["conference", "run", "wales-registration", "--household", str(THREE), "--at",
            "2026-11-02T12:00:00Z", "--bilingual"]
    assert main(base) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Cynhadledd amddiffyn plant: cofnod o'r penderfyniad")
    assert out.index("## Child A (9 oed)") < out.index("## Child A (aged 9)")
    assert main([*base, "--format", "html"]) == 0
    assert '<div lang="cy">' in capsys.readouterr().out
    assert main([*base, "--format", "json"]) == 2
    assert "--bilingual writes Markdown or HTML" in capsys.readouterr().err
