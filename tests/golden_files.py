"""Golden-file comparison. Set UPDATE_GOLDEN=1 to rewrite the files after a deliberate change."""

from __future__ import annotations

import os
from pathlib import Path

from threshold_guide import __version__

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """Compare ``actual`` byte for byte with tests/golden/NAME (the tool version masked)."""
    path = GOLDEN / name
    masked = actual.replace(f"threshold-guide {__version__}", "threshold-guide VERSION")
    masked = masked.replace(f'"tool_version": "{__version__}"', '"tool_version": "VERSION"')
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(masked.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert masked == expected, f"output differs from {path}; if intended, UPDATE_GOLDEN=1"
