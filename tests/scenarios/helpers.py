"""Shared helpers for the scenario tests: paths, the shipped catalog, CLI runs, goldens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import GUIDANCE, ROOT
from threshold_guide.cli.main import main
from threshold_guide.loading.catalog import Catalog

SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = ROOT / "tests" / "golden" / "scenarios"

Capture = pytest.CaptureFixture[str]


def shipped_catalog() -> Catalog:
    return Catalog.load([GUIDANCE])


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; a traceback anywhere is a test failure."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first occurrence of ``text`` in ``path``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def assert_golden(name: str, actual: str) -> None:
    """Compare byte for byte with tests/golden/scenarios/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8"), (
        f"output differs from {path}; if the change is intended, rerun with UPDATE_GOLDEN=1"
    )
