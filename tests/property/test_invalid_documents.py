"""Random INVALID inputs: always a located error and exit status 1, never an exception."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threshold_guide.cli.main import main
from threshold_guide.loading import limits
from threshold_guide.validation.diagnostics import Severity
from threshold_guide.validation.validate import check_file

from .strategies import (
    KINDS,
    REFERENCES,
    TEST_MAX_NODES,
    InvalidCase,
    case_of_kind,
    invalid_cases,
    mutated_documents,
)

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"

FIXTURES_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.fixture
def small_alias_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same check at a lower limit, so each alias bomb is refused in milliseconds.
    monkeypatch.setattr(limits, "MAX_NODES", TEST_MAX_NODES)
    monkeypatch.setattr(limits, "MAX_ALIAS_VALUES", TEST_MAX_NODES)


def write_case(folder: Path, case: InvalidCase) -> Path:
    path = folder / f"doc{case.suffix}"
    path.write_bytes(case.content)
    return path


def yaml_lines(content: bytes) -> int:
    """How many lines YAML sees, plus one for an end-of-file mark after the last line.

    YAML 1.1 breaks lines at CR, LF, CRLF, NEL, LS and PS (so libyaml's line numbers can
    run past what `wc -l` counts); an error at the end of a file without a final line
    break is put on the line after the last.
    """
    text = content.decode("utf-8", "replace").replace("\r\n", "\n")
    breaks = sum(text.count(c) for c in "\n\r\x85\u2028\u2029")
    return breaks + 2


def assert_rejected(case: InvalidCase, path: Path) -> None:
    checked = check_file(path)  # must not raise

    errors = [d for d in checked.diagnostics if d.severity is Severity.ERROR]
    assert errors, f"{case.kind}: no error for\n{case.content[:2000]!r}"
    assert checked.document is None
    lines = yaml_lines(case.content)
    for item in checked.diagnostics:
        assert 1 <= item.line <= lines, item.render()
        assert item.column >= 1, item.render()
        assert item.message, item.render()
    codes = {d.code for d in errors}
    if case.expect:
        assert codes & case.expect, f"{case.kind}: expected one of {case.expect}, got {codes}"
    if case.hint:
        hints = [d.hint for d in errors if d.code in case.expect]
        assert any(case.hint in hint for hint in hints), (case.kind, hints)


# One hypothesis run per kind, so every kind gets its examples whatever the random draws.
@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=7, deadline=None, suppress_health_check=FIXTURES_OK)
@given(data=st.data())
def test_invalid_inputs_get_a_located_error_never_an_exception(
    kind: str,
    data: st.DataObject,
    tmp_path_factory: pytest.TempPathFactory,
    small_alias_budget: None,
) -> None:
    case = data.draw(case_of_kind(kind), label="case")
    assert_rejected(case, write_case(tmp_path_factory.mktemp("bad"), case))


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES_OK)
@given(case=invalid_cases())
def test_cli_validate_exits_1_without_a_traceback(
    case: InvalidCase,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    small_alias_budget: None,
) -> None:
    path = write_case(tmp_path_factory.mktemp("cli"), case)
    capsys.readouterr()

    assert main(["validate", str(path)]) == 1
    text = capsys.readouterr()
    assert main(["validate", "--format", "json", str(path)]) == 1
    machine = capsys.readouterr()

    for stream in (text.err, machine.err):
        assert "Traceback" not in stream
        assert "internal error" not in stream
    assert "FAILED: 1 file checked" in text.out
    report = json.loads(machine.out)
    assert report["ok"] is False and report["errors"] >= 1


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES_OK)
@given(case=mutated_documents(kinds=("cycle",)))
def test_cycles_are_e401_naming_every_question_on_the_loop(
    case: InvalidCase, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert case.cycle is not None
    checked = check_file(write_case(tmp_path_factory.mktemp("cycle"), case))

    loops = [d for d in checked.diagnostics if d.code == "E401"]
    assert loops, [d.render() for d in checked.diagnostics]
    cycle = case.cycle
    for item in loops:
        assert "questions form a loop: " in item.message
        names = item.message.split("questions form a loop: ", 1)[1].split(" -> ")
        # A closed walk along real edges of the broken graph...
        assert names[0] == names[-1]
        assert all(b in cycle.edges[a] for a, b in itertools.pairwise(names))
        # ...through the edge that was added (every loop must use it).
        assert {cycle.source, cycle.target} <= set(names)
    if cycle.unique_loop is not None:
        assert len(loops) == 1
        named = loops[0].message.split("questions form a loop: ", 1)[1].split(" -> ")
        assert set(named) == set(cycle.unique_loop)
        assert len(named) == len(cycle.unique_loop) + 1


@pytest.mark.parametrize("code", REFERENCES)
@settings(max_examples=7, deadline=None, suppress_health_check=FIXTURES_OK)
@given(data=st.data())
def test_broken_references_are_reported_with_a_suggestion(
    code: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    case = data.draw(mutated_documents(kinds=("dangling",), reference=code), label="case")
    assert case.expect == {code}
    # One id changed to a near miss: E302-E306 as the kind requires, with "did you mean".
    assert_rejected(case, write_case(tmp_path_factory.mktemp("ref"), case))


@settings(max_examples=15, deadline=None, suppress_health_check=FIXTURES_OK)
@given(case=mutated_documents(kinds=("gate",)))
def test_duty_to_report_without_the_gate_is_e403(
    case: InvalidCase, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert_rejected(case, write_case(tmp_path_factory.mktemp("gate"), case))


# ---------------------------------------------------------------------------------------
# Bugs found by the properties above, as minimal reproductions.
# ---------------------------------------------------------------------------------------


def minimal_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "text",
    [
        "effective_from: 2025-02-30\n",  # an impossible date, as an author might type it
        "a: !!int x\n",
        "a: !!float x\n",
        "a: !!bool maybe\n",
        "!!timestamp x\n",
    ],
)
def test_unconvertible_scalars_are_reported(text: str, tmp_path: Path) -> None:
    # Was a crash (ValueError/KeyError/AttributeError escaped check_file; exit 3).
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert [d.code for d in checked.diagnostics] == ["E101"]
    assert checked.diagnostics[0].line == 1


@pytest.mark.parametrize("text", ["a: !!int ''\n", "a: !!float\n", "id: !!int\n"])
def test_empty_tagged_numbers_are_reported(text: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert [d.code for d in checked.diagnostics] == ["E101"]


def test_impossible_effective_date_in_a_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was a crash: the CLI exited 3 with "internal error: ValueError".
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "effective_from: 2025-01-01", "effective_from: 2025-02-30"
    )
    line = text.splitlines().index("effective_from: 2025-02-30") + 1
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "internal error" not in captured.err
    assert f"doc.yaml:{line}:" in captured.out and "E101" in captured.out


def test_json_with_a_lone_surrogate_is_reported(tmp_path: Path) -> None:
    # Was a crash: PydanticSerializationError from content_hash.
    data = minimal_data()
    data["title"] = "\ud800"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")  # writes "\ud800"
    checked = check_file(path)
    assert [d.code for d in checked.diagnostics] == ["E107"]


def validate_in_subprocess(path: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in its own process: a crash in C must not take the test run with it."""
    python_path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": python_path}
    return subprocess.run(
        [sys.executable, "-m", "threshold_guide", "validate", str(path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


DEEP = 50_000
"""Levels of nesting that overflowed libyaml's recursive C composer (SIGSEGV)."""


def test_very_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    # Was a crash: the process died with SIGSEGV (exit -11) on an 100 KB file.
    path = tmp_path / "deep.yaml"
    path.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    done = validate_in_subprocess(path)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert "E104" in done.stdout


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# " + "]" * DEEP + "\n" + "[" * DEEP + "]" * DEEP, id="comment"),
        pytest.param("a: '" + "]" * DEEP + "'\nb: " + "[" * DEEP + "]" * DEEP, id="quoted"),
        pytest.param("? " * DEEP + "x", id="explicit-keys"),
        pytest.param("- ? " * (DEEP // 2) + "x", id="dash-question"),
    ],
)
def test_deep_nesting_past_the_guard_is_an_error_not_a_crash(text: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    done = validate_in_subprocess(path)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
