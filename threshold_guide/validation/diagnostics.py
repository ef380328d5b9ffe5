"""Diagnostics: what is wrong with a file, where, and how to fix it.

Every problem the validator can report has a stable code registered in :data:`CODES`;
the README's table of codes is checked against this registry by a test.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


CODES: dict[str, tuple[Severity, str]] = {
    # Files and YAML
    "E100": (Severity.ERROR, "path not found or not readable"),
    "E101": (Severity.ERROR, "malformed YAML"),
    "E102": (Severity.ERROR, "empty file"),
    "E103": (Severity.ERROR, "file too large"),
    "E104": (Severity.ERROR, "YAML expands too far (alias bomb) or nests too deeply"),
    "E105": (Severity.ERROR, "mapping key is not a plain value"),
    "E106": (Severity.ERROR, "duplicate key in a mapping"),
    "E107": (Severity.ERROR, "binary or non-UTF-8 file"),
    "E108": (Severity.ERROR, "top level is not a mapping"),
    # Schema
    "E201": (Severity.ERROR, "missing required field"),
    "E202": (Severity.ERROR, "unknown field"),
    "E203": (Severity.ERROR, "wrong type or invalid value"),
    "E204": (Severity.ERROR, "more schema problems than are listed (checking stopped)"),
    # Ids and references
    "E301": (Severity.ERROR, "duplicate id"),
    "E302": (Severity.ERROR, "reference to a missing question"),
    "E303": (Severity.ERROR, "reference to a missing outcome"),
    "E304": (Severity.ERROR, "reference to a missing source"),
    "E305": (Severity.ERROR, "reference to a missing definition"),
    "E306": (Severity.ERROR, "route condition names an answer the question does not have"),
    "E307": (Severity.ERROR, "decision rule reads a question the document does not have"),
    "E308": (Severity.ERROR, "decision rule or suggestion names an answer the question lacks"),
    "E309": (Severity.ERROR, "decision rule test does not fit the question's type"),
    # Graph
    "E401": (Severity.ERROR, "cycle between questions"),
    "E402": (Severity.ERROR, "question with no way forward"),
    "E403": (Severity.ERROR, "missing immediate-danger gate"),
    "W401": (Severity.WARNING, "unreachable question"),
    "W402": (Severity.WARNING, "unreachable outcome"),
    "W403": (Severity.WARNING, "multiple-choice route can never be taken"),
    "E404": (Severity.ERROR, "decision rule reads a question not answered on every route"),
    "E405": (Severity.ERROR, "decision point or suggestion without a fallback ('otherwise')"),
    "E406": (Severity.ERROR, "a route breaks a floor (minimum response) without a departure"),
    "E407": (Severity.ERROR, "checklist too complex to prove the rules over"),
    "W404": (Severity.WARNING, "decision rule is never taken"),
    "W405": (Severity.WARNING, "decision rules overlap and order decides"),
    "W406": (Severity.WARNING, "suggestion rule is never taken"),
    # Content
    "E501": (Severity.ERROR, "changelog has no entry for this version"),
    "E502": (Severity.ERROR, "a not-met outcome tells the reader not to report"),
    "W501": (Severity.WARNING, "no outcome is an emergency (999) outcome"),
    "W502": (Severity.WARNING, "text lacks a language (e.g. Welsh) the file offers elsewhere"),
    "W503": (Severity.WARNING, "document offers a language with no 'translations' entry"),
    # Across files
    "E601": (Severity.ERROR, "same document id and version in two files"),
    # Training scenarios
    "E701": (Severity.ERROR, "scenario targets a document id that is not found"),
    "E702": (Severity.ERROR, "scenario targets a document version that is not found"),
    "E703": (Severity.ERROR, "model answers name a question the document does not have"),
    "E704": (Severity.ERROR, "model answer the question does not accept"),
    "E705": (Severity.ERROR, "model answers stop before an outcome"),
    "E706": (Severity.ERROR, "model answers reach a different outcome than expected"),
    "E707": (Severity.ERROR, "expected outcome is not an outcome of the document"),
    "E708": (Severity.ERROR, "by_version names a version the scenario does not target"),
    "E709": (Severity.ERROR, "same scenario id in two files"),
    "E710": (Severity.ERROR, "model answers answer a decision point, which asks nothing"),
    "E711": (Severity.ERROR, "model answer departs from the suggestion without a reason"),
    "E712": (Severity.ERROR, "model answers' departures differ from expected_departures"),
    "W701": (Severity.WARNING, "model answer never used on any targeted route"),
    "W702": (Severity.WARNING, "explanation for a question the model answers do not answer"),
    "W703": (Severity.WARNING, "departure reason on a model answer that agrees with the "
             "suggestion"),
    # Timescales
    "E901": (Severity.ERROR, "deadline gives no span, or more than one"),
    "E902": (Severity.ERROR, "deadline span is negative"),
    "E903": (Severity.ERROR, "deadline counts from an unknown or later step"),
    "E904": (Severity.ERROR, "closure day listed twice"),
}


class Diagnostic(BaseModel):
    """One problem found in one file."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    """What is wrong."""
    hint: str = ""
    """How to fix it."""

    def render(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity.value} {self.code}: "
        text += self.message
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text


def diagnostic(
    code: str, file: Path | str, line: int, column: int, message: str, hint: str = ""
) -> Diagnostic:
    severity, _ = CODES[code]
    return Diagnostic(
        code=code,
        severity=severity,
        file=str(file),
        line=line,
        column=column,
        message=message,
        hint=hint,
    )


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A 'did you mean' hint for an unknown id, or '' when nothing is close."""
    matches = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not matches:
        return ""
    return "did you mean " + " or ".join(repr(match) for match in matches) + "?"


def sort_key(item: Diagnostic) -> tuple[str, int, int, str]:
    return (item.file, item.line, item.column, item.code)


def has_errors(items: Iterable[Diagnostic]) -> bool:
    return any(item.severity is Severity.ERROR for item in items)
