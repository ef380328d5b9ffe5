"""The app process of one browser tab: the terminal app, in that tab's own data folder.

``serve`` runs ``python -m threshold_guide.web.participant_app --data DIR`` for each
websocket connection. The data folder is set here, in the process itself, so the server
never changes its own environment and the command works the same on every platform.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from threshold_guide.paths import DATA_ENV


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m threshold_guide.web.participant_app")
    parser.add_argument("--data", type=Path, required=True, metavar="DIR",
                        help="this participant's data folder (sessions, preferences, exports)")
    parser.add_argument("--guidance", type=Path, action="append", metavar="DIR")
    args = parser.parse_args(argv)
    os.environ[DATA_ENV] = str(args.data)
    from threshold_guide.cli.launch import launch_app

    return launch_app(args.guidance)


if __name__ == "__main__":
    sys.exit(main())
