"""Checks on the dated steps of outcomes: one span each, never negative, counted from the
decision or from an earlier step of the same outcome."""

from __future__ import annotations

from pathlib import Path

from threshold_guide.loading.yaml_source import Location, SourceMap
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.timescales import DECISION, SPAN_FIELDS, Deadline
from threshold_guide.validation.diagnostics import Diagnostic, diagnostic, did_you_mean

_NUMBERS = ("working_days", "hours", "calendar_months")


def _spans(deadline: Deadline) -> list[str]:
    return [name for name in SPAN_FIELDS
            if getattr(deadline, name) not in (None, False)]


def check_deadlines(
    document: ThresholdDocument, source_map: SourceMap, file: Path
) -> list[Diagnostic]:
    """Every problem with the ``deadlines`` of the document's outcomes."""
    found: list[Diagnostic] = []

    def add(code: str, location: Location, message: str, hint: str) -> None:
        position = source_map.locate(location)
        found.append(diagnostic(code, file, position.line, position.column, message, hint))

    for oi, outcome in enumerate(document.outcomes):
        earlier: dict[str, int] = {}
        for di, deadline in enumerate(outcome.deadlines):
            where: Location = ("outcomes", oi, "deadlines", di)
            if deadline.id == DECISION or deadline.id in earlier:
                reason = ("is reserved for the decision itself" if deadline.id == DECISION
                          else "is used twice in this outcome")
                add("E301", (*where, "id"), f"deadline id '{deadline.id}' {reason}",
                    "give each dated step of an outcome its own id")
            spans = _spans(deadline)
            if len(spans) != 1:
                given = ", ".join(spans) if spans else "none"
                add("E901", where,
                    f"deadline '{deadline.id}' of outcome '{outcome.id}' must give exactly "
                    f"one span (given: {given})",
                    "give one of working_days, hours, calendar_months, same_day: true or "
                    "immediately: true")
            for name in _NUMBERS:
                value = getattr(deadline, name)
                if value is not None and value < 0:
                    add("E902", (*where, name),
                        f"deadline '{deadline.id}' has a negative span ({name}: {value})",
                        "a step is due after what it counts from: use 0 or more")
            if deadline.from_ != DECISION and deadline.from_ not in earlier:
                later = [d.id for d in outcome.deadlines[di + 1:]]
                if deadline.from_ in later or deadline.from_ == deadline.id:
                    message = (f"deadline '{deadline.id}' counts from '{deadline.from_}', which "
                               "is not an earlier step of the outcome")
                    hint = "list the step it counts from before it"
                else:
                    message = (f"deadline '{deadline.id}' counts from '{deadline.from_}', which "
                               f"is not a deadline of outcome '{outcome.id}'")
                    hint = did_you_mean(deadline.from_, [*earlier, DECISION]) or (
                        "use 'decision' or the id of an earlier deadline of this outcome")
                add("E903", (*where, "from"), message, hint)
            earlier.setdefault(deadline.id, di)
    return found
