"""The impact section of the Markdown diff: which cases a change affects, and where."""

from __future__ import annotations

from threshold_guide.summary.markdown import escape
from threshold_guide.versions.model import CaseImpact, CaseStatus, Impact, WalkResult

STATUS_WORDS: dict[CaseStatus, str] = {
    "outcome-changed": "outcome changes",
    "stops-early": "stops before an outcome",
    "answer-not-accepted": "an answer is not accepted",
    "route-changed": "same outcome, another route",
    "unchanged": "unchanged",
}
LISTED: tuple[CaseStatus, ...] = ("outcome-changed", "stops-early", "answer-not-accepted")
"""Statuses shown case by case; the others are counted."""


def _walk(result: WalkResult) -> str:
    if result.outcome is not None:
        return f"`{result.outcome}` (level {result.level})"
    if result.not_accepted is not None:
        return f"stops at `{result.stopped_at}`: answer not accepted"
    return f"stops at `{result.stopped_at}`: not answered"


def _name(case: CaseImpact) -> str:
    # Scenario ids are restricted to safe characters; session ids are any text.
    return f"scenario `{case.id}`" if case.kind == "scenario" else f"session {escape(case.id)}"


def impact_section(impact: Impact, old: str, new: str) -> list[str]:
    cases = impact.cases
    scenarios = sum(1 for c in cases if c.kind == "scenario")
    counts = {status: sum(1 for c in cases if c.status == status) for status in STATUS_WORDS}
    lines = ["## Impact on scenarios and sessions", ""]
    summary = (f"Replayed {scenarios} scenario{'s' * (scenarios != 1)} and "
               f"{len(cases) - scenarios} session{'s' * (len(cases) - scenarios != 1)} "
               f"under {old} and {new}: ")
    summary += "; ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS) + "."
    if impact.skipped:
        summary += f" {len(impact.skipped)} skipped (written for another document)."
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
        lines += ["Same outcome by another route: " + ", ".join(
            f"{_name(c)} (from `{c.diverges_at}`)" if c.diverges_at else _name(c)
            for c in rerouted) + ".", ""]
    reasked = [c for c in cases if c.reasked]
    if reasked:
        lines += [f"Answers to be asked again under {new} (reworded or removed questions on "
                  "the route):", ""]
        lines += [f"- {_name(c)}: " + ", ".join(f"`{q}`" for q in c.reasked) for c in reasked]
        lines.append("")
    return lines
