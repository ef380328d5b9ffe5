"""Write a summary to Markdown and JSON files a practitioner can attach to a referral."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from threshold_guide.models.summary import Summary
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.summary.json_output import render_json
from threshold_guide.summary.markdown import render_markdown


@dataclass(frozen=True)
class Exported:
    folder: Path
    markdown: Path
    json: Path


def export_summary(summary: Summary, folder: Path, stem: str) -> Exported:
    """Write ``<stem>-summary.md`` and ``.json`` into ``folder`` (created if needed).

    The files hold case information, so like sessions they are readable by the user only.
    Raises OSError when the folder cannot be written.
    """
    folder = folder.expanduser()
    markdown = folder / f"{stem}-summary.md"
    json_path = folder / f"{stem}-summary.json"
    write_atomic(markdown, render_markdown(summary), private=True)
    write_atomic(json_path, render_json(summary), private=True)
    return Exported(folder, markdown, json_path)
