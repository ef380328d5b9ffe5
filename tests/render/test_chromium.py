"""Open the HTML exports in a real browser (Debian's chromium, headless): the page renders,
no script runs, nothing is fetched, and it prints on A4.

A control page with a live script and a remote image proves the checks can fail: in it the
script's marker appears and the fetch is logged. CI installs chromium; the tests skip, with
the reason, only where there is no chromium at all.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.explain.sessions import build_session, entry_for
from tests.render.hostile import AT, RUN_MARKERS, SCRIPT, hostile_document, hostile_session
from threshold_guide.explain import explain
from threshold_guide.models.explanation import Audience
from threshold_guide.render.html import html_page
from threshold_guide.render.pages import book_html, explanation_html, summary_html
from threshold_guide.summary.build import build_summary

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install "
                       "chromium); CI installs it, see .ci/run"),
]

CONTROL = (
    "<!DOCTYPE html><html><head><title>control</title></head><body><p>control page</p>"
    f'<img src="http://evil.example/control.png"><script>{SCRIPT}</script></body></html>'
)


@dataclass(frozen=True)
class Loaded:
    dom: str
    net_log: str


def chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
         *action, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )


def load(page: Path, work: Path) -> Loaded:
    net_log = work / f"{page.stem}.netlog.json"
    result = chromium(page, work / f"{page.stem}.profile", "--dump-dom",
                      f"--log-net-log={net_log}")
    assert result.returncode == 0, result.stderr[-2000:]
    return Loaded(result.stdout, net_log.read_text(encoding="utf-8", errors="replace"))


def write(folder: Path, name: str, html: str) -> Path:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path


def test_the_control_page_shows_the_checks_can_fail(tmp_path: Path) -> None:
    loaded = load(write(tmp_path, "control.html", CONTROL), tmp_path)
    assert "control page" in loaded.dom
    assert all(marker in loaded.dom for marker in RUN_MARKERS)
    assert "evil.example" in loaded.net_log


def test_csp_stops_a_script_even_if_one_got_into_the_page(tmp_path: Path) -> None:
    smuggled = html_page(f"<p>smuggled</p><script>{SCRIPT}</script>"
                         '<img src="http://evil.example/smuggled.png">', title="csp")
    loaded = load(write(tmp_path, "smuggled.html", smuggled), tmp_path)
    assert "smuggled" in loaded.dom
    assert not any(marker in loaded.dom for marker in RUN_MARKERS)
    assert "evil.example" not in loaded.net_log


def test_hostile_exports_render_and_nothing_runs_or_loads(tmp_path: Path) -> None:
    entry = hostile_document(tmp_path)
    session = hostile_session(entry)
    summary = build_summary(entry.document, entry.sha256, session, AT)
    pages = {
        "summary.html": (summary_html(summary), "Referral rationale summary"),
        "explain-police.html": (
            explanation_html(explain(entry.document, entry.sha256, session, Audience.POLICE,
                                     AT)), "Explaining a safeguarding decision"),
        "explain-family.html": (
            explanation_html(explain(entry.document, entry.sha256, session, Audience.FAMILY,
                                     AT)), "About a decision on your child"),
        "book.html": (book_html(entry.document), "The legal test"),
    }
    for name, (html, heading) in pages.items():
        loaded = load(write(tmp_path, name, html), tmp_path)
        assert heading in loaded.dom, name
        # The hostile script is in the page as text (escaped), which proves it was rendered
        # and shows the reader what was typed; its effects are not.
        assert "document.title='PW'+'NED'" in loaded.dom.replace("&#39;", "'"), name
        assert not any(marker in loaded.dom for marker in RUN_MARKERS), name
        assert "evil.example" not in loaded.net_log, name


def test_prints_on_a4(tmp_path: Path) -> None:
    entry = entry_for("report-today")
    session = build_session("report-today")
    page = write(tmp_path, "school.html", explanation_html(
        explain(entry.document, entry.sha256, session, Audience.SCHOOL, AT)))
    pdf = tmp_path / "school.pdf"
    result = chromium(page, tmp_path / "pdf.profile", "--no-pdf-header-footer",
                      f"--print-to-pdf={pdf}")
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2
