"""Turn ``DOC``, ``DOC@VERSION``, ``DOC@DATE`` or a file path into a document version."""

from __future__ import annotations

import argparse
import datetime as dt
from functools import cache
from pathlib import Path

from threshold_guide.cli.console import CommandError
from threshold_guide.cli.options import catalog
from threshold_guide.exit_status import ExitStatus
from threshold_guide.loading.catalog import Catalog, Entry, LookupProblem, resolve_file
from threshold_guide.versions.refs import RefError, VersionRef, parse_ref


def read_ref(text: str) -> VersionRef:
    try:
        return parse_ref(text)
    except RefError as problem:
        raise CommandError(str(problem), problem.hint, ExitStatus.USAGE) from None


class Resolver:
    """Resolves references against the guidance folders, loading them once and only if a
    reference needs them (two file paths never touch the catalog)."""

    def __init__(self, args: argparse.Namespace, today: dt.date) -> None:
        self._args = args
        self.today = today
        self._catalog = cache(lambda: catalog(args))

    @property
    def catalog(self) -> Catalog:
        return self._catalog()

    def entry(self, ref: VersionRef, on: dt.date | None = None) -> Entry:
        """The version ``ref`` names; a bare id takes the version in effect ``on`` a day."""
        try:
            if ref.is_path:
                return resolve_file(Path(ref.document))
            return self.catalog.resolve(ref.document, self.today, version=ref.version,
                                        on=ref.on or on)
        except LookupProblem as problem:
            status = ExitStatus.ERROR if problem.diagnostics else ExitStatus.USAGE
            raise CommandError(problem.message, problem.hint, status,
                               problem.diagnostics) from None
