"""Checking a --guidance folder: light, so the app can check its folders before its first
paint without importing pydantic and the models."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def guidance_folder(text: str) -> Path:
    """A ``--guidance`` folder that exists and can be read; else a usage error (exit 2).

    A misspelt folder used to find no documents and carry on: ``guidance list`` said
    nothing and exited 0, ``serve`` started on nothing.
    """
    folder = Path(text).expanduser()
    if not folder.exists():
        raise argparse.ArgumentTypeError(f"no such folder: {text}")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder of documents")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"cannot read the folder {text}: permission denied")
    return folder
