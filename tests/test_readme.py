"""The README is a contract: its commands, codes and keys must match the code."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from threshold_guide.cli.main import build_parser
from threshold_guide.exit_status import ExitStatus
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
