"""The one module that knows where things live: shipped guidance, user data, overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "threshold-guide"
GUIDANCE_ENV = "THRESHOLD_GUIDE_GUIDANCE"
"""Environment variable naming a guidance folder (or several, separated by os.pathsep)."""
DATA_ENV = "THRESHOLD_GUIDE_DATA"
"""Environment variable overriding the user data folder (sessions, exports)."""

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a checkout (or an
    # editable install) has them beside it.
    inside = _PACKAGE / "_shipped" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def shipped_guidance() -> Path:
    """The example guidance that ships with the tool."""
    return _shipped("guidance")


def shipped_scenarios() -> Path:
    """The training scenarios that ship with the tool."""
    return _shipped("scenarios")


def guidance_dirs(explicit: list[Path] | None = None) -> list[Path]:
    """Where to look for documents: ``--guidance`` first, then the environment, then shipped."""
    if explicit:
        return explicit
    configured = os.environ.get(GUIDANCE_ENV, "").strip()
    if configured:
        return [Path(part).expanduser() for part in configured.split(os.pathsep) if part]
    return [shipped_guidance()]


def data_dir() -> Path:
    """The user's data folder for threshold-guide (not created here)."""
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sessions_dir() -> Path:
    """Where sessions autosave."""
    return data_dir() / "sessions"
