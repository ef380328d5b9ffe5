"""The decision-rules sections of the Markdown diff: decision points, suggestions, floors."""

from __future__ import annotations

from collections.abc import Callable

from threshold_guide.versions.model import (
    DecisionPointBrief,
    DocumentDiff,
    FloorBrief,
    RuleBrief,
    RulesDiff,
)
from threshold_guide.versions.wording import one_line, show_change, where

Named = Callable[[str], str]


def _target(rule: RuleBrief) -> str:
    if rule.answer is not None:
        return f"suggests `{rule.answer}`"
    return where(rule.to).replace("question `", "`")


def _rule(rule: RuleBrief) -> str:
    when = "otherwise" if rule.when is None else f"when {one_line(rule.words)}"
    return f"{when} → {_target(rule)} (because: {one_line(rule.rationale)})"


def _table(rules: list[RuleBrief], head: str) -> list[str]:
    lines = [f"| # | when | {head} | because |", "|---|---|---|---|"]
    for number, rule in enumerate(rules, start=1):
        label, words = (("otherwise", "none of the above") if rule.when is None
                        else (str(number), one_line(rule.words)))
        lines.append(f"| {label} | {words} | {_target(rule)} | "
                     f"{one_line(rule.rationale)} |")
    return [*lines, ""]


def _rule_changes(rules: RulesDiff) -> list[str]:
    lines = [f"- **Rule added:** {_rule(r)}" for r in rules.added]
    lines += [f"- **Rule removed:** {_rule(r)}" for r in rules.removed]
    lines += [f"- **Rule changed:** {_rule(c.old)}; now {_target(c.new)} "
              f"(because: {one_line(c.new.rationale)})" for c in rules.changed]
    if rules.order is not None:
        lines += show_change(rules.order)
    return lines


def _point(point: DecisionPointBrief) -> list[str]:
    return [f"### `{point.id}`: {one_line(point.title)} (hit policy: {point.hit_policy})", "",
            *_table(point.rules, "leads to")]


def _floor(floor: FloorBrief) -> str:
    return (f"- `{floor.id}`: {one_line(floor.title)}: when {one_line(floor.words)}, at least "
            f"`{floor.minimum}` (because: {one_line(floor.rationale)})")


def rules_sections(diff: DocumentDiff, question: Named) -> list[str]:
    """Markdown for the rule changes; ``question`` names a question id for a reader."""
    points, suggestions, floors = diff.decision_points, diff.suggestions, diff.floors
    lines: list[str] = []
    if points.added:
        lines += ["## Decision points added", ""]
        for point in points.added:
            lines += _point(point)
    if points.removed:
        lines += ["## Decision points removed", ""]
        for point in points.removed:
            lines += _point(point)
    if points.changed:
        lines += ["## Decision points changed", ""]
        for changed in points.changed:
            lines += [f"### `{changed.id}`", ""]
            lines += [line for change in changed.fields for line in show_change(change)]
            lines += [*_rule_changes(changed.rules), ""]
    if suggestions.added:
        lines += ["## Judgement questions added (the guidance now suggests an answer)", "",
                  "A session moving to this version keeps an earlier answer that agrees with "
                  "the suggestion; one that departs from it is asked again, to agree or give "
                  "a reason.", ""]
        for brief in suggestions.added:
            lines += [f"### {question(brief.question)}", "", *_table(brief.rules, "suggests")]
    if suggestions.removed:
        lines += ["## Suggestions removed", ""]
        lines += [f"- {question(brief.question)}" for brief in suggestions.removed]
        lines.append("")
    if suggestions.changed:
        lines += ["## Suggestions changed", ""]
        for changed_suggestion in suggestions.changed:
            lines += [f"### {question(changed_suggestion.question)}", "",
                      *_rule_changes(changed_suggestion.rules), ""]
    if floors.added or floors.removed or floors.changed:
        lines += ["## Minimum responses (floors) changed", ""]
        lines += [f"- **Floor added:** {_floor(f)[2:]}" for f in floors.added]
        lines += [f"- **Floor removed:** {_floor(f)[2:]}" for f in floors.removed]
        lines.append("")
        for edited in floors.changed:
            lines += [f"### Floor `{edited.id}`", ""]
            lines += [line for change in edited.fields for line in show_change(change)]
            lines.append("")
    return lines


def rules_counts(diff: DocumentDiff) -> list[tuple[int, str, str]]:
    """Counts for the diff's 'In short' line."""
    points, suggestions, floors = diff.decision_points, diff.suggestions, diff.floors
    return [
        (len(points.added) + len(points.removed) + len(points.changed),
         "decision point added, removed or changed", "decision points added, removed or changed"),
        (len(suggestions.added) + len(suggestions.removed) + len(suggestions.changed),
         "suggestion added, removed or changed", "suggestions added, removed or changed"),
        (len(floors.added) + len(floors.removed) + len(floors.changed),
         "floor added, removed or changed", "floors added, removed or changed"),
    ]
