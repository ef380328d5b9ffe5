"""Find threshold documents in guidance folders and pick the one a command asks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Status, ThresholdDocument, version_key
from threshold_guide.validation.diagnostics import Diagnostic, did_you_mean
from threshold_guide.validation.validate import CheckedFile, check_file, cross_file, expand


class LookupProblem(Exception):
    """A document reference that cannot be resolved. ``str()`` is the user message."""

    def __init__(self, message: str, hint: str = "", diagnostics: list[Diagnostic] | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics or []


@dataclass(frozen=True)
class Entry:
    """A valid document version found on disk."""

    path: Path
    document: ThresholdDocument
    sha256: str

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def version(self) -> str:
        return self.document.version


@dataclass
class Catalog:
    """Every document file under some folders: the valid ones, and the broken ones."""

    entries: list[Entry]
    broken: list[CheckedFile]

    @classmethod
    def load(cls, folders: list[Path]) -> Catalog:
        files, missing = expand(folders)
        checked = [check_file(path) for path in files]
        duplicates = {d.file for d in cross_file(checked)}
        entries: list[Entry] = []
        broken: list[CheckedFile] = []
        for item in checked:
            if item.document is not None and item.sha256 and str(item.path) not in duplicates:
                entries.append(Entry(item.path, item.document, item.sha256))
            elif item.document is None:
                broken.append(item)
        for problem in missing:
            broken.append(CheckedFile(Path(problem.file), [problem]))
        entries.sort(key=lambda e: (e.id, version_key(e.version)))
        return cls(entries, broken)

    def ids(self) -> list[str]:
        return sorted({entry.id for entry in self.entries})

    def versions(self, document_id: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.id == document_id]

    def current(self, document_id: str, today: dt.date) -> Entry | None:
        """The latest published version in effect on ``today``."""
        in_effect = [
            entry
            for entry in self.versions(document_id)
            if entry.document.status is Status.PUBLISHED
            and entry.document.effective_from <= today
        ]
        return in_effect[-1] if in_effect else None

    def resolve(
        self, reference: str, today: dt.date, version: str | None = None, on: dt.date | None = None
    ) -> Entry:
        """A document by id (current, ``version`` or in effect ``on`` a day) or by file path."""
        if is_path_reference(reference):
            return resolve_file(Path(reference))
        versions = self.versions(reference)
        if not versions:
            hint = did_you_mean(reference, self.ids()) or _("documents found: {ids}").format(
                ids=", ".join(self.ids()) or _("none"))
            raise LookupProblem(
                _("no threshold document with id '{document}'").format(document=reference), hint)
        if version is not None:
            for entry in versions:
                if entry.version == version:
                    return entry
            raise LookupProblem(
                _("document '{document}' has no version {version}").format(
                    document=reference, version=version),
                _("versions: {versions}").format(
                    versions=", ".join(entry.version for entry in versions)),
            )
        day = on or today
        chosen = self.current(reference, day)
        if chosen is None:
            raise LookupProblem(
                _("no published version of '{document}' is in effect on {date}").format(
                    document=reference, date=day.isoformat()),
                _("pick one with --version: {versions}").format(
                    versions=", ".join(e.version for e in versions)),
            )
        return chosen


def is_path_reference(reference: str) -> bool:
    """Whether a DOC argument names a file rather than a document id."""
    path = Path(reference)
    return path.suffix in (".yaml", ".yml", ".json") or "/" in reference or path.is_file()


def resolve_file(path: Path) -> Entry:
    """Load one document file, raising :class:`LookupProblem` with its diagnostics if invalid."""
    if not path.exists():
        raise LookupProblem(_("{path}: no such file").format(path=path), _("check the path"))
    checked = check_file(path)
    if checked.document is None or checked.sha256 is None:
        raise LookupProblem(
            _("{path} is not a valid threshold document").format(path=path),
            _("run 'threshold-guide validate {path}' for details").format(path=path),
            checked.diagnostics,
        )
    return Entry(path, checked.document, checked.sha256)
