"""Open the terminal app. The only CLI module that imports Textual, and only when called."""

from __future__ import annotations

from pathlib import Path


def launch_app(guidance: list[Path] | None) -> int:
    from threshold_guide.tui.app import run_app

    return run_app(guidance=guidance)
