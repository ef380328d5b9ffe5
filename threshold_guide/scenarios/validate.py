"""Scenario files in ``threshold-guide validate``: checked against the documents in use.

The documents a scenario targets come from the guidance folders, and also from any valid
documents named in the same ``validate`` run, so a board can check a new document and
the scenarios written for it together before either is installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import version_key
from threshold_guide.scenarios.checks import CheckRun, check_files
from threshold_guide.scenarios.files import split_scenarios
from threshold_guide.validation.validate import CheckedFile

__all__ = ["file_entries", "split_scenarios", "validate_scenarios"]


def _catalog(documents: Iterable[CheckedFile], guidance: list[Path]) -> Catalog:
    base = Catalog.load(guidance)
    entries = {(e.id, e.version): e for e in base.entries}
    for item in documents:
        if item.document is not None and item.sha256 is not None:
            entries[(item.document.id, item.document.version)] = Entry(
                item.path, item.document, item.sha256
            )
    ordered = sorted(entries.values(), key=lambda e: (e.id, version_key(e.version)))
    return Catalog(ordered, base.broken)


def validate_scenarios(
    files: list[Path], documents: Iterable[CheckedFile], guidance: list[Path]
) -> CheckRun:
    """Check scenario files; loads the guidance only when there is a scenario to check."""
    if not files:
        return CheckRun([], [])
    return check_files(files, _catalog(documents, guidance))


def file_entries(run: CheckRun) -> list[dict[str, Any]]:
    """The scenario files of a run, in the shape of ``validate --format json`` file entries."""
    return [
        {
            "file": str(check.file.path),
            "ok": check.ok,
            "kind": "scenario",
            "id": check.scenario.id if check.scenario else None,
            "version": None,
            "sha256": None,
        }
        for check in run.checks
    ]
