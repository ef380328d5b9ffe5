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
    # The compiled Welsh catalogue the app reads at run time.
    assert "threshold_guide/locale/cy/LC_MESSAGES/threshold_guide.mo" in built_wheel.names
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
    shipped_files = len(list((ROOT / "guidance").glob("*/*.yaml")))
    assert f"ok: {shipped_files} files checked" in result.stdout


def test_the_tracker_reads_sessions_and_never_the_app() -> None:
    for path in (PACKAGE / "tracker").rglob("*.py"):
        names = _imports(path)
        assert not any(n.startswith(("threshold_guide.tui", "threshold_guide.cli", "textual",
                                     "threshold_guide.plain")) for n in names), path


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_graph() -> dict[str, set[str]]:
    """Every module's imports of other package modules, including those made only for type
    checking or inside functions: a cycle hidden there still tangles the design."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {dep for dep in found if dep in modules and dep != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*path[path.index(dep):], dep]
            if dep not in state and (found := visit(dep)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


def test_the_package_has_no_import_cycles() -> None:
    assert _cycle(_package_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_loose_session_operations_live_in_the_session_package() -> None:
    loose = {path.name for path in PACKAGE.glob("*.py")}
    assert not loose & {"walkthrough.py", "sessions.py", "upgrade.py", "follow_through.py"}
