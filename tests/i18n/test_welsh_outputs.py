"""The documents the tool writes, in Welsh: summary, explanations, logic book, chart,
bilingual papers, the unchecked-translation notice, and the language each defaults to."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.golden_files import assert_golden
from tests.render.hostile import assert_inert
from threshold_guide.cli.main import main
from threshold_guide.explain import explain, render_explanation_markdown
from threshold_guide.explain.decisive import count_word
from threshold_guide.i18n.catalogue import translator
from threshold_guide.i18n.unchecked import unchecked_notice
from threshold_guide.loading.catalog import Entry, resolve_file
from threshold_guide.logic_book import render_logic_book
from threshold_guide.models.explanation import Audience
from threshold_guide.models.session import GivenAnswer, Session
from threshold_guide.render.bilingual import side_by_side_html, side_by_side_markdown
from threshold_guide.render.graph import flowchart, render_dot
from threshold_guide.render.html import page_css
from threshold_guide.render.pages import book_html, explanation_html, summary_html
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.summary.build import build_summary
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown

Capture = pytest.CaptureFixture[str]

CYMRAEG = ROOT / "tests" / "fixtures" / "cymraeg.yaml"
AT = dt.datetime(2026, 11, 2, 10, 30, tzinfo=dt.UTC)
STARTED = dt.datetime(2026, 11, 2, 9, 45, tzinfo=dt.UTC)
NOTICE_CY = ("Nid yw'r testun Cymraeg wedi'i wirio eto gan adolygydd diogelu sy'n rhugl yn "
             "y Gymraeg.")
NOTICE_EN = ("This Welsh text has not yet been checked by a fluent Welsh-speaking "
             "safeguarding reviewer.")


@pytest.fixture(scope="module")
def entry() -> Entry:
    return resolve_file(CYMRAEG)


def welsh_session(entry: Entry, *, language: str = "cy",
                  family_language: str | None = "cy") -> Session:
    """A walk that departs, to a lower level, from the guidance's suggestion."""
    session = new_session(entry.document, entry.sha256, now=STARTED, reference="ACHOS-0042",
                          role="Athro dosbarth", agency="ysgol", session_id="cymraeg")
    session = with_answers(session, {
        "danger": GivenAnswer(answer="no"),
        "told": GivenAnswer(answer="no"),
        "signs": GivenAnswer(answer=["hunger"], note="Dim brecwast ers tridiau.",
                             evidence="observed"),
        "pattern": GivenAnswer(answer="yes"),
        "judge": GivenAnswer(answer="no", departure_reason="Mae'r teulu'n cael cymorth."),
    }, STARTED)
    return session.model_copy(update={"language": language,
                                      "family_language": family_language})


def test_welsh_summary(entry: Entry) -> None:
    summary = build_summary(entry.document, entry.sha256, welsh_session(entry), AT, "cy")
    text = render_markdown(summary)
    assert text.startswith("# Crynodeb o'r rhesymeg dros atgyfeirio\n\n> **" + NOTICE_CY)
    assert "## Penderfyniad" in text and "Decision" not in text.split("## Fersiwn")[0]
    assert "Dyletswydd i adrodd am blentyn sy'n wynebu risg" in text
    assert_golden("cymraeg/summary.md", text)
    data = json.loads(render_json(summary))
    assert data["translation_notice"] == NOTICE_CY
    assert data["test"]["name"] == "Dyletswydd i adrodd am blentyn sy'n wynebu risg"
    assert "outcome" in data and "advice" in data  # keys stay as they are: a contract


@pytest.mark.parametrize("audience", [Audience.FAMILY, Audience.SCHOOL])
def test_welsh_explanations(entry: Entry, audience: Audience) -> None:
    explanation = explain(entry.document, entry.sha256, welsh_session(entry), audience, AT,
                          "cy")
    text = render_explanation_markdown(explanation)
    assert NOTICE_CY in text
    assert_golden(f"cymraeg/explain-{audience.value}.md", text)


def test_welsh_logic_book_and_chart(entry: Entry) -> None:
    book = render_logic_book(entry.document, "cy")
    assert NOTICE_CY in book and "## Y prawf cyfreithiol" in book
    assert "yr ateb i '" in book and "mae unrhyw un o " not in book.split("## Canlyniadau")[1]
    assert_golden("cymraeg/book.md", book)
    dot = render_dot(flowchart(entry.document, "cy"))
    assert "    notice [shape=note, label=\"Nid yw'r testun Cymraeg" in dot
    assert "Ymatebion lleiaf (lloriau)" in dot


def test_the_same_input_gives_the_same_bytes(entry: Entry) -> None:
    def outputs() -> list[str]:
        session = welsh_session(entry)
        summary = build_summary(entry.document, entry.sha256, session, AT, "cy")
        family = explain(entry.document, entry.sha256, session, Audience.FAMILY, AT, "cy")
        english = explain(entry.document, entry.sha256, session, Audience.FAMILY, AT, "en")
        return [render_markdown(summary), summary_html(summary), render_json(summary),
                explanation_html(family), book_html(entry.document, "cy"),
                side_by_side_html(render_explanation_markdown(family),
                                  render_explanation_markdown(english), title="t",
                                  languages=("cy", "en"))]

    assert outputs() == outputs()


def test_welsh_pages_say_their_language_and_print_welsh_page_numbers(entry: Entry) -> None:
    summary = build_summary(entry.document, entry.sha256, welsh_session(entry), AT, "cy")
    page = summary_html(summary)
    assert '<html lang="cy">' in page and "<title>Crynodeb o'r rhesymeg dros atgyfeirio: " \
        "ACHOS-0042</title>" in page
    assert_inert(page, css=page_css("cy"))


def test_a_checked_translation_and_english_carry_no_notice(entry: Entry,
                                                           tmp_path: Path) -> None:
    assert unchecked_notice(entry.document, "en") is None
    assert unchecked_notice(entry.document, "cy") == NOTICE_CY
    data = yaml.safe_load(CYMRAEG.read_text(encoding="utf-8"))
    data["translations"]["cy"]["checked"] = True
    data["translations"]["cy"]["checked_by"] = "Welsh-language safeguarding lead"
    checked = tmp_path / "checked.yaml"
    checked.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    other = resolve_file(checked)
    summary = build_summary(other.document, other.sha256, welsh_session(other), AT, "cy")
    assert summary.translation_notice is None
    assert NOTICE_CY not in render_markdown(summary)
    assert NOTICE_CY not in render_logic_book(other.document, "cy")
    english = build_summary(entry.document, entry.sha256, welsh_session(entry), AT, "en")
    assert english.translation_notice is None
    assert "translation_notice" not in json.loads(render_json(english))


def test_welsh_plural_forms() -> None:
    tr = translator("cy")
    days = {n: tr.ngettext("within {count} working day", "within {count} working days", n)
            for n in (0, 1, 2, 3, 6, 7)}
    assert days == {0: "o fewn 0 diwrnod gwaith", 1: "o fewn 1 diwrnod gwaith",
                    2: "o fewn 2 ddiwrnod gwaith", 3: "o fewn 3 diwrnod gwaith",
                    6: "o fewn 6 diwrnod gwaith", 7: "o fewn 7 diwrnod gwaith"}
    worries = {n: tr.ngettext("{words} worry about your child's safety or care",
                              "{words} worries about your child's safety or care",
                              n).format(words=count_word(n, "cy")) for n in (0, 1, 2, 3, 6, 7)}
    assert [text.split(" am ")[0] for text in worries.values()] == [
        "dim pryderon", "un pryder", "dau bryder", "tri phryder", "chwe phryder",
        "saith pryder"]


def test_a_bilingual_explanation(entry: Entry) -> None:
    session = welsh_session(entry)
    welsh, english = (render_explanation_markdown(explain(
        entry.document, entry.sha256, session, Audience.FAMILY, AT, code))
        for code in ("cy", "en"))
    text = side_by_side_markdown(welsh, english)
    assert text.index("## Beth a benderfynwyd") < text.index("## What was decided") < \
        text.index("## Pa gwestiwn oedd yn cael ei ateb")
    assert_golden("cymraeg/explain-family-bilingual.md", text)
    page = side_by_side_html(welsh, english, title="Llythyr / Letter", languages=("cy", "en"))
    assert_golden("cymraeg/explain-family-bilingual.html", page)


def _saved(tmp_path: Path, session: Session) -> Path:
    path = tmp_path / f"{session.language}-{session.family_language}.json"
    path.write_text(render_json(session), encoding="utf-8")
    guidance = tmp_path / "guidance"
    guidance.mkdir(exist_ok=True)
    (guidance / CYMRAEG.name).write_bytes(CYMRAEG.read_bytes())
    return path


def test_explain_defaults_to_the_family_language_for_the_family(
        entry: Entry, tmp_path: Path, capsys: Capture) -> None:
    path = _saved(tmp_path, welsh_session(entry, language="en", family_language="cy"))
    common = ["--guidance", str(tmp_path / "guidance"), "--at", "2026-11-02T10:30:00Z"]
    assert main(["explain", str(path), "--audience", "family", *common]) == 0
    assert "## Beth a benderfynwyd" in capsys.readouterr().out
    assert main(["explain", str(path), "--audience", "school", *common]) == 0
    assert "## What was decided" in capsys.readouterr().out
    assert main(["explain", str(path), "--audience", "family", "--lang", "en", *common]) == 0
    assert "## What was decided" in capsys.readouterr().out
    no_family = _saved(tmp_path, welsh_session(entry, language="cy", family_language=None))
    assert main(["explain", str(no_family), "--audience", "family", *common]) == 0
    assert "## Beth a benderfynwyd" in capsys.readouterr().out


def test_explain_bilingual_on_the_command_line(entry: Entry, tmp_path: Path,
                                               capsys: Capture) -> None:
    path = _saved(tmp_path, welsh_session(entry, language="en", family_language=None))
    common = ["--guidance", str(tmp_path / "guidance"), "--at", "2026-11-02T10:30:00Z",
              "--audience", "family", "--bilingual"]
    assert main(["explain", str(path), *common]) == 0
    out = capsys.readouterr().out
    assert out.index("## Beth a benderfynwyd") < out.index("## What was decided")
    target = tmp_path / "letter.html"
    assert main(["explain", str(path), *common, "--format", "html", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert '<div lang="cy">' in page and '<div lang="en">' in page
    assert NOTICE_CY in page and NOTICE_EN not in page
    capsys.readouterr()
    assert main(["explain", str(path), *common, "--format", "json"]) == 2
    assert "--bilingual" in capsys.readouterr().err
