"""threshold-guide book and run --format html, and the new commands stay headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_1, ROOT
from tests.golden_files import GOLDEN
from tests.render.hostile import assert_inert
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.logic_book import render_logic_book

Capture = pytest.CaptureFixture[str]


def test_book_markdown_and_html(capsys: Capture, tmp_path: Path) -> None:
    assert main(["book", "wales-duty-to-report", "--version", "1.1.0"]) == 0
    out = capsys.readouterr().out
    assert out == render_logic_book(resolve_file(DUTY_1_1).document)
    target = tmp_path / "book.html"
    assert main(["book", str(DUTY_1_1), "--format", "html", "-o", str(target)]) == 0
    assert f"wrote {target}" in capsys.readouterr().err
    text = assert_inert(target.read_text(encoding="utf-8"))
    assert "Q1. Is the child in immediate danger" in text and "Changelog" in text
    assert main(["book", "wales-duty-to-report", "--version", "9.9.9"]) == 2
    assert "has no version 9.9.9" in capsys.readouterr().err


def test_run_html_is_the_summary_as_a_page(capsys: Capture, tmp_path: Path) -> None:
    argv = ["run", "wales-duty-to-report", "--version", "1.1.0", "--answers",
            str(GOLDEN / "answers" / "duty-below-threshold.yaml"), "--at",
            "2026-11-01T09:00:00Z", "--reference", "CASE-0042", "--format", "html"]
    assert main(argv) == 0
    first = capsys.readouterr().out
    assert main(argv) == 0
    assert capsys.readouterr().out == first
    text = assert_inert(first)
    assert "<title>Referral rationale summary: CASE-0042</title>" in first
    assert "This is not a decision not to report." in text


HEADLESS = """
import sys
from threshold_guide.cli.main import main
from threshold_guide.cli.commands import book, explain, graph
main(["graph", "wales-duty-to-report", "--format", "mermaid"])
main(["book", "wales-duty-to-report", "--format", "html"])
main(["explain", sys.argv[1], "--audience", "school", "--format", "html"])
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich")))
print("LEAKED:" + ",".join(leaked))
"""


def test_the_new_commands_never_import_textual() -> None:
    session = GOLDEN / "explain" / "sessions" / "report-today.json"
    result = subprocess.run([sys.executable, "-c", HEADLESS, str(session)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LEAKED:"
