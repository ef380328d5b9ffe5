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

from threshold_guide.i18n.catalogue import set_interface_language
from threshold_guide.i18n.languages import INTERFACE_LANGUAGES
from threshold_guide.paths import DATA_ENV


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m threshold_guide.web.participant_app")
    parser.add_argument("--data", type=Path, required=True, metavar="DIR",
                        help="this participant's data folder (sessions, preferences, exports)")
    parser.add_argument("--guidance", type=Path, action="append", metavar="DIR")
    parser.add_argument("--lang", choices=sorted(INTERFACE_LANGUAGES), metavar="CODE",
                        help="the language the app starts in ('serve --lang')")
    args = parser.parse_args(argv)
    os.environ[DATA_ENV] = str(args.data)
    if args.lang is not None:
        # As 'threshold-guide --lang' does: the interface language, over the remembered one.
        set_interface_language(args.lang)
    from threshold_guide.cli.launch import launch_app

    return launch_app(args.guidance, args.lang)


if __name__ == "__main__":
    sys.exit(main())
