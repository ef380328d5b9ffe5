"""Open the terminal app. The only CLI module that imports Textual, and only when called."""

from __future__ import annotations

import argparse
from pathlib import Path


def launch_app(guidance: list[Path] | None, args: argparse.Namespace | None = None) -> int:
    """Open the app on ``guidance``; ``--lang`` (``args.lang``, when given) picks its
    language for this run, over the one remembered from the last."""
    from threshold_guide.tui.app import run_app

    return run_app(guidance=guidance, language=getattr(args, "lang", None))
