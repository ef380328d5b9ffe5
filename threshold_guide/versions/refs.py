"""``DOC@VERSION`` and ``DOC@DATE``: one argument naming a document version."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from threshold_guide.i18n.catalogue import _
from threshold_guide.loading.catalog import is_path_reference

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


class RefError(ValueError):
    """A reference that cannot be read. ``str()`` is the message; ``hint`` says how to fix."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class VersionRef:
    """A document id or file path, with the version asked for, if any."""

    document: str
    version: str | None = None
    on: dt.date | None = None
    """Pick the version in effect on this day."""

    @property
    def is_path(self) -> bool:
        return self.version is None and self.on is None and is_path_reference(self.document)


def _hint() -> str:
    return _("write DOC@VERSION (e.g. wales-duty-to-report@1.0.0), DOC@DATE for the version "
             "in effect that day (e.g. wales-duty-to-report@2026-09-30), DOC, or a file path")


def parse_ref(text: str) -> VersionRef:
    """Read ``DOC``, ``DOC@1.2.0``, ``DOC@2026-09-30`` or a path to a document file."""
    if is_path_reference(text) or "@" not in text:
        return VersionRef(text)
    document, _at, pin = text.rpartition("@")
    if not document or not pin:
        raise RefError(_("'{text}' does not name a document version").format(text=text),
                       _hint())
    if _VERSION.match(pin):
        return VersionRef(document, version=pin)
    if _DATE.match(pin):
        try:
            return VersionRef(document, on=dt.date.fromisoformat(pin))
        except ValueError:
            raise RefError(_("'{pin}' in '{text}' is not a real date").format(
                pin=pin, text=text), _hint()) from None
    raise RefError(_("'{pin}' in '{text}' is neither a version nor a date").format(
        pin=pin, text=text), _hint())
