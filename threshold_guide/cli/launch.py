"""Open the terminal app. The only CLI module that imports Textual, and only when called."""

from __future__ import annotations

import argparse


def launch_app(args: argparse.Namespace) -> int:
    from threshold_guide.tui.app import run_app

    return run_app(guidance=args.guidance)
