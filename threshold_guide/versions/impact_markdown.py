"""The impact section of the Markdown diff: which cases a change affects, and where."""

from __future__ import annotations

from threshold_guide.summary.markdown_escape import escape
from threshold_guide.versions.model import CaseImpact, CaseStatus, Impact, WalkResult

STATUS_WORDS: dict[CaseStatus, str] = {
    "outcome-changed": "outcome changes",
    "stops-early": "stops before an outcome",
    "answer-not-accepted": "an answer is not accepted",
    "asks-again": "asked again: departs from the suggestion without a reason",
    "route-changed": "another route",
    "unchanged": "unchanged",
}
COUNT_WORDS: dict[CaseStatus, tuple[str, str]] = {
    "outcome-changed": ("changes outcome", "change outcome"),
    "stops-early": ("stops before an outcome", "stop before an outcome"),
    "answer-not-accepted": ("has an answer the new version does not accept",
                            "have an answer the new version does not accept"),
    "asks-again": ("is asked again where an answer departs from the new suggestion",
                   "are asked again where an answer departs from the new suggestion"),
    "route-changed": ("takes another route to the same place",
                      "take another route to the same place"),
    "unchanged": ("is unchanged", "are unchanged"),
}
LISTED: tuple[CaseStatus, ...] = (
    "outcome-changed", "stops-early", "answer-not-accepted", "asks-again",
)
"""Statuses shown case by case; the others are counted."""


def _walk(result: WalkResult) -> str:
    if result.outcome is not None:
        return f"`{result.outcome}` (level {result.level})"
    if result.not_accepted is not None:
        return f"stops at `{result.stopped_at}`: answer not accepted"
    if result.asks_again is not None:
        return (f"stops at `{result.stopped_at}`: the answer departs from the suggestion "
                "and needs a reason")
    return f"stops at `{result.stopped_at}`: not answered"


def _name(case: CaseImpact) -> str:
    # Scenario ids are restricted to safe characters; session ids are any text.
    return f"scenario `{case.id}`" if case.kind == "scenario" else f"session {escape(case.id)}"


def impact_section(impact: Impact, old: str, new: str) -> list[str]:
    cases = impact.cases
    scenarios = sum(1 for c in cases if c.kind == "scenario")
    counts = {status: sum(1 for c in cases if c.status == status) for status in STATUS_WORDS}
    lines = ["## Impact on scenarios and sessions", ""]
    sessions = len(cases) - scenarios
    summary = (f"Replayed {scenarios} scenario{'s' * (scenarios != 1)} and {sessions} "
               f"session{'s' * (sessions != 1)} under {old} and {new}.")
    parts = [f"{counts[s]} {COUNT_WORDS[s][counts[s] != 1]}" for s in STATUS_WORDS if counts[s]]
    if parts:
        summary += " " + "; ".join(parts) + "."
    if impact.skipped:
        count = len(impact.skipped)
        summary += (f" {count} {'was' if count == 1 else 'were'} skipped: written for another "
                    "document.")
    lines += [summary, ""]
    listed = [c for c in cases if c.status in LISTED]
    if listed:
        lines += [f"| case | what happens | {old} | {new} | routes part at |",
                  "|---|---|---|---|---|"]
        lines += [
            f"| {_name(c)} | {STATUS_WORDS[c.status]} | {_walk(c.old)} | {_walk(c.new)} | "
            + (f"`{c.diverges_at}`" if c.diverges_at else "") + " |"
            for c in listed
        ]
        lines.append("")
        for case in listed:
            if case.new.not_accepted is not None:
                lines.append(f"- {_name(case)}: {escape(case.new.not_accepted)}")
        if any(c.new.not_accepted for c in listed):
            lines.append("")
    rerouted = [c for c in cases if c.status == "route-changed"]
    if rerouted:
        lines += ["Another route to the same place: " + ", ".join(
            f"{_name(c)} (from `{c.diverges_at}`)" if c.diverges_at else _name(c)
            for c in rerouted) + ".", ""]
    reasked = [c for c in cases if c.reasked]
    if reasked:
        lines += [f"Reworded or removed questions on the route: a session moving to {new} is "
                  "asked these again, and a scenario's model answer to them needs checking.",
                  ""]
        lines += [f"- {_name(c)}: " + ", ".join(f"`{q}`" for q in c.reasked) for c in reasked]
        lines.append("")
    return lines
