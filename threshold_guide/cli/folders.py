"""Checking a --guidance folder: light, so the app can check its folders before its first
paint without importing pydantic and the models."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from threshold_guide.i18n.catalogue import _


def guidance_folder(text: str) -> Path:
    """A ``--guidance`` folder that exists and can be read; else a usage error (exit 2).

    A misspelt folder used to find no documents and carry on: ``guidance list`` said
    nothing and exited 0, ``serve`` started on nothing.
    """
    folder = Path(text).expanduser()
    if not folder.exists():
        raise argparse.ArgumentTypeError(_("no such folder: {path}").format(path=text))
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            _("{path} is a file, not a folder of documents").format(path=text))
    if not os.access(folder, os.R_OK | os.X_OK):
        raise argparse.ArgumentTypeError(
            _("cannot read the folder {path}: permission denied").format(path=text))
    return folder
