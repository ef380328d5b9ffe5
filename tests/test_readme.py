"""The README is a contract: its commands, codes and keys must match the code."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from threshold_guide.cli.main import build_parser
from threshold_guide.exit_status import ExitStatus
from threshold_guide.loading import limits
from threshold_guide.loading.limits import megabytes
from threshold_guide.validation.bounded import MAX_SCHEMA_ERRORS
from threshold_guide.validation.diagnostics import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _code_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)


def test_readme_opens_with_the_two_setup_commands() -> None:
    first, second = _code_blocks()[:2]
    assert README.index(first) < README.index("## ")
    assert "pip install ." in first and first.strip().endswith("threshold-guide")
    assert "'.[test]'" in second and "pytest" in second


def test_ci_runs_the_readme_test_command() -> None:
    assert _code_blocks()[1].strip() in CI


def test_every_diagnostic_code_is_documented() -> None:
    for code, (severity, _) in CODES.items():
        assert re.search(rf"\| {code} \| {severity.value} \|", README), code


def test_every_exit_status_is_documented() -> None:
    for status in ExitStatus:
        assert re.search(rf"^\| {status.value} \|", README, flags=re.MULTILINE), status


def test_every_command_is_documented() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name in commands.choices:  # type: ignore[union-attr]
        assert f"`threshold-guide {name}" in README, name


def test_every_input_limit_is_stated_as_enforced() -> None:
    # One constant per limit, and the README's table states it (E103 once said 34 MB for 32).
    table = README.split("### Input limits", 1)[1].split("\n## ", 1)[0]
    assert f"| {megabytes(limits.MAX_FILE_BYTES)} " in table
    assert f"| {megabytes(limits.MAX_SESSION_BYTES)} " in table
    assert f"| {limits.MAX_NODES:,} " in table
    assert f"| {limits.MAX_LIST_ITEMS:,} " in table
    assert f"| {limits.MAX_ALIAS_VALUES:,} " in table
    assert f"| {limits.MAX_DEPTH} levels " in table
    assert f"| {MAX_SCHEMA_ERRORS:,} " in table
    assert f"over {megabytes(limits.MAX_FILE_BYTES)}" in README.split("| E103 |", 1)[1]
