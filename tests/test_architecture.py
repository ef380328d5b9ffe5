"""The architecture, checked: a headless core, and shipped data a plain install can find."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BuiltWheel

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "threshold_guide"

HEADLESS_IMPORTS = """
import sys
import threshold_guide.cli.main as main
from threshold_guide.cli.commands import guidance, paths, run, schema, validate
main.main(["validate"])
main.main(["guidance", "list"])
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich")))
print("LEAKED:" + ",".join(leaked))
"""


def test_headless_commands_never_import_textual() -> None:
    # A fresh interpreter: this test process may have imported Textual for the TUI tests.
    result = subprocess.run(
        [sys.executable, "-c", HEADLESS_IMPORTS], capture_output=True, text=True, cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LEAKED:"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_only_the_tui_package_and_the_launcher_mention_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "tui" or relative == Path("cli/launch.py"):
            continue
        if any(name == "textual" or name.startswith("textual.") or name.startswith(
                "threshold_guide.tui") for name in _imports(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_the_version_is_written_once() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert "\nversion =" not in pyproject


@pytest.mark.slow
def test_wheel_carries_the_guidance_and_finds_it_without_a_checkout(
    built_wheel: BuiltWheel, tmp_path: Path
) -> None:
    shipped = "threshold_guide/_shipped/"
    assert f"{shipped}guidance/wales-duty-to-report/1.1.0.yaml" in built_wheel.names
    assert f"{shipped}guidance/wales-significant-harm/1.0.0.yaml" in built_wheel.names
    assert f"{shipped}guidance/wales-significant-harm/2.0.0.yaml" in built_wheel.names
    assert f"{shipped}scenarios/dtr-10-never-been-born.yaml" in built_wheel.names
    # Run from an empty folder with only the unpacked wheel on the path: no checkout nearby.
    probe = (
        "import sys; from threshold_guide.paths import shipped_guidance; "
        "from threshold_guide.cli.main import main; print(shipped_guidance()); "
        "sys.exit(main(['validate']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
        env={"PYTHONPATH": str(built_wheel.site), "PATH": "/usr/bin:/bin"}, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(built_wheel.site) in result.stdout
    assert "ok: 6 files checked" in result.stdout


def test_the_tracker_reads_sessions_and_never_the_app() -> None:
    for path in (PACKAGE / "tracker").rglob("*.py"):
        names = _imports(path)
        assert not any(n.startswith(("threshold_guide.tui", "threshold_guide.cli", "textual",
                                     "threshold_guide.plain")) for n in names), path
