"""Print-ready HTML: escaping of hostile guidance and hostile notes, structure, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.explain.sessions import build_session, entry_for
from tests.golden_files import assert_golden
from tests.render.hostile import (
    AT,
    SCRIPT,
    assert_inert,
    hostile_document,
    hostile_session,
)
from threshold_guide.explain import explain
from threshold_guide.loading.catalog import Entry
from threshold_guide.models.explanation import Audience
from threshold_guide.render.html import markdown_to_html, render_html
from threshold_guide.render.pages import book_html, explanation_html, summary_html
from threshold_guide.summary.build import build_summary


@pytest.fixture
def hostile(tmp_path: Path) -> Entry:
    return hostile_document(tmp_path)


def test_hostile_summary_is_inert_and_shows_the_text(hostile: Entry) -> None:
    summary = build_summary(hostile.document, hostile.sha256, hostile_session(hostile), AT)
    text = assert_inert(summary_html(summary))
    # Raw HTML typed or authored is shown as text, never rendered.
    assert f"<script>{SCRIPT}</script>" in text
    assert '<img src=x onerror="' in text
    assert "<iframe" in text and "<form" in text and "@import url(" in text
    # Images become a note; unsafe links stay as their source text.
    assert "[image not shown: tracker]" in text
    assert "[click me](javascript:" in text
    assert "[data](data:text/html" in text and "[rel](../../secret.html)" in text
    # A link whose words differ from its address shows the address beside them.
    assert "gov.wales (https://evil.example/login)" in text
    # Unicode tricks are shown, not obeyed; control characters become U+FFFD.
    assert "[U+202E]gnp.exe[U+202C]" in text and "[U+2066]isolate[U+2069]" in text
    assert "\ufffd nul" in text
    assert "OVERRIDE TO A LOWER LEVEL" in text


@pytest.mark.parametrize("audience", list(Audience))
def test_hostile_explanations_are_inert(hostile: Entry, audience: Audience) -> None:
    explanation = explain(hostile.document, hostile.sha256, hostile_session(hostile), audience,
                          AT)
    text = assert_inert(explanation_html(explanation))
    assert f"<script>{SCRIPT}</script>" in text  # the guidance's legal test, as text
    if audience is Audience.FAMILY:
        assert "only professionals" not in text  # notes are left out of the family version
    else:
        assert "A note only professionals may read." in text and "\ufffd nul" in text
        assert "&lt;script&gt;" in text  # a note typed with an entity reads as typed


def test_hostile_logic_book_is_inert(hostile: Entry) -> None:
    text = assert_inert(book_html(hostile.document))
    assert f"Minimal <script>{SCRIPT}</script>" in text


def test_shipped_outputs_are_inert_and_deterministic() -> None:
    entry = entry_for("report-today")
    session = build_session("report-today")
    summary = build_summary(entry.document, entry.sha256, session, AT)
    explanation = explain(entry.document, entry.sha256, session, Audience.SCHOOL, AT)
    for make in (lambda: summary_html(summary), lambda: explanation_html(explanation),
                 lambda: book_html(entry.document)):
        first = make()
        assert first == make()
        assert_inert(first)
    assert_golden("render/report-today-summary.html", summary_html(summary))


def test_page_title_and_language_cannot_break_out() -> None:
    page = render_html("# x", title="</title><script>x</script>", language='en"><script>')
    assert_inert(page)
    assert '<html lang="en">' in page
    assert "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>" in page
    assert '<html lang="cy">' in render_html("x", title="t", language="cy")


@pytest.mark.parametrize(("markdown", "expected"), [
    ("<https://example.org/a>", '<a href="https://example.org/a">https://example.org/a</a>'),
    ("[mail](mailto:dsp@example.org)", '<a href="mailto:dsp@example.org">mail</a>'),
    ("<dsp@example.org>", '<a href="mailto:dsp@example.org">dsp@example.org</a>'),
    ("[x](HTTPS://EXAMPLE.ORG)", '<a href="HTTPS://EXAMPLE.ORG">x</a>'),
    ("[x](JaVaScRiPt:alert(1))", "[x](JaVaScRiPt:alert(1))"),
    ("[x](#top)", "[x](#top)"),
    ("![a](data:image/png;base64,AAAA)", "![a](data:image/png;base64,AAAA)"),
    ("![a](https://example.org/a.png)", "[image not shown: a]"),
])
def test_links(markdown: str, expected: str) -> None:
    assert expected in markdown_to_html(markdown)
