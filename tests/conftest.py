"""Shared fixtures: paths to the shipped guidance and small documents to mutate."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings

# No test may depend on timing: a loaded machine (CI, two cores) must not fail a property
# test because drawing inputs or running an example was slow. Each test's own settings
# (example counts) still apply on top of this profile.
settings.register_profile(
    "threshold-guide",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example,
                           HealthCheck.data_too_large],
)
settings.load_profile("threshold-guide")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GUIDANCE = ROOT / "guidance"
DUTY_1_0 = GUIDANCE / "wales-duty-to-report" / "1.0.0.yaml"
DUTY_1_1 = GUIDANCE / "wales-duty-to-report" / "1.1.0.yaml"
HARM_1_0 = GUIDANCE / "wales-significant-harm" / "1.0.0.yaml"
MINIMAL = FIXTURES / "minimal.yaml"
CYMRAEG = FIXTURES / "cymraeg.yaml"
"""The rules fixture with Welsh beside every English text."""


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never read a developer's own guidance folder or write to their data folder.
    monkeypatch.delenv("THRESHOLD_GUIDE_GUIDANCE", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(tmp_path_factory.mktemp("data")))


@dataclass(frozen=True)
class BuiltWheel:
    """A wheel built from this checkout, and the folder it is unpacked in."""

    names: frozenset[str]
    site: Path


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> BuiltWheel:
    """Build the wheel once per run: several tests check what an install carries."""
    pytest.importorskip("hatchling")
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(folder)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(folder.glob("threshold_guide-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = frozenset(archive.namelist())
        archive.extractall(folder / "site")
    return BuiltWheel(names, folder / "site")


@pytest.fixture
def minimal_data() -> dict[str, Any]:
    """The minimal fixture document as plain data, ready to break."""
    data: dict[str, Any] = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write data (or raw text) to a YAML file in tmp_path and return its path."""

    def write(content: Any, name: str = "doc.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str | bytes):
            mode = "wb" if isinstance(content, bytes) else "w"
            with path.open(mode) as handle:
                handle.write(content)
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
        return path

    return write
