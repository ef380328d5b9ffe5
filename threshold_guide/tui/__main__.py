"""``python -m threshold_guide.tui [--guidance DIR ...]``: open the app, importing nothing
of the command line, so the first frame is painted as early as possible."""

from __future__ import annotations

import argparse
from pathlib import Path

from threshold_guide.tui.app import run_app


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m threshold_guide.tui")
    parser.add_argument("--guidance", metavar="DIR", type=Path, action="append",
                        help="guidance folder to use instead of the shipped one (repeatable)")
    return run_app(guidance=parser.parse_args().guidance)


if __name__ == "__main__":
    raise SystemExit(main())
