"""Open the terminal app. The only CLI module that imports Textual, and only when called."""

from __future__ import annotations

from pathlib import Path


def launch_app(guidance: list[Path] | None, language: str | None = None) -> int:
    """Open the app on ``guidance``; ``language`` is ``--lang`` (None when not given), which
    the app speaks for this run instead of the language remembered from the last."""
    from threshold_guide.tui.app import run_app

    return run_app(guidance=guidance, language=language)
