"""Open the terminal app. The only CLI module that imports Textual, and only when called."""

from __future__ import annotations

from pathlib import Path


def launch_app(guidance: list[Path] | None, language: str | None = None) -> int:
    """Open the app. ``language`` is --lang (None when not given): ``main`` has already
    made it the interface language, which the app speaks instead of its remembered
    choice."""
    from threshold_guide.tui.app import run_app

    del language  # already the interface language (set_interface_language)
    return run_app(guidance=guidance)
