"""The decision-rules sections of the Markdown diff: decision points, suggestions, floors."""

from __future__ import annotations

from collections.abc import Callable

from threshold_guide.i18n.catalogue import Translator, translator
from threshold_guide.versions.fields import TextChange, text_change
from threshold_guide.versions.model import (
    DecisionPointBrief,
    DocumentDiff,
    FloorBrief,
    RuleBrief,
    RuleChanged,
    RulesDiff,
)
from threshold_guide.versions.wording import one_line, show_change, translation_note, where

Named = Callable[[str], str]


class _Rules:
    """The rules' words in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.tr: Translator = translator(language)

    def target(self, rule: RuleBrief) -> str:
        if rule.answer is not None:
            return self.tr.gettext("suggests `{answer}`").format(answer=rule.answer)
        if rule.to is not None and rule.to.outcome is None and rule.to.next is not None:
            return f"`{rule.to.next}`"
        return where(rule.to, self.language)

    def when(self, rule: RuleBrief) -> str:
        _ = self.tr.gettext
        return _("otherwise") if rule.when is None else _("when {condition}").format(
            condition=one_line(rule.words, self.language))

    def rule(self, rule: RuleBrief) -> str:
        return self.tr.gettext("{when} → {target} (because: {reason})").format(
            when=self.when(rule), target=self.target(rule),
            reason=one_line(rule.rationale, self.language))

    def table(self, rules: list[RuleBrief], head: str) -> list[str]:
        _ = self.tr.gettext
        lines = [_("| # | when | {head} | because |").format(head=head), "|---|---|---|---|"]
        for number, rule in enumerate(rules, start=1):
            label, words = ((_("otherwise"), _("none of the above")) if rule.when is None
                            else (str(number), one_line(rule.words, self.language)))
            lines.append(f"| {label} | {words} | {self.target(rule)} | "
                         f"{one_line(rule.rationale, self.language)} |")
        return [*lines, ""]

    def changed(self, change: RuleChanged) -> str:
        _ = self.tr.gettext
        old, new = change.old, change.new
        if (old.to, old.answer) == (new.to, new.answer) and text_change(
                old.rationale, new.rationale) is TextChange.TRANSLATION:
            # Only a translation of the reason was added or changed: the rule still says
            # and does what it did, so it is not a changed rule.
            return _("- **Reason translated:** {rule}; {note}").format(
                rule=self.rule(new), note=translation_note(old.rationale, new.rationale,
                                                           self.language))
        return _("- **Rule changed:** {rule}; now {target} (because: {reason})").format(
            rule=self.rule(old), target=self.target(new),
            reason=one_line(new.rationale, self.language))

    def rule_changes(self, rules: RulesDiff) -> list[str]:
        _ = self.tr.gettext
        lines = [_("- **Rule added:** {rule}").format(rule=self.rule(r)) for r in rules.added]
        lines += [_("- **Rule removed:** {rule}").format(rule=self.rule(r))
                  for r in rules.removed]
        lines += [self.changed(c) for c in rules.changed]
        if rules.order is not None:
            lines += show_change(rules.order, self.language)
        return lines

    def point(self, point: DecisionPointBrief) -> list[str]:
        _ = self.tr.gettext
        return [_("### `{point}`: {title} (hit policy: {policy})").format(
                    point=point.id, title=one_line(point.title, self.language),
                    policy=point.hit_policy), "",
                *self.table(point.rules, _("leads to"))]

    def floor(self, floor: FloorBrief) -> str:
        return self.tr.gettext("`{floor}`: {title}: when {condition}, at least `{minimum}` "
                               "(because: {reason})").format(
            floor=floor.id, title=one_line(floor.title, self.language),
            condition=one_line(floor.words, self.language), minimum=floor.minimum,
            reason=one_line(floor.rationale, self.language))


def rules_sections(diff: DocumentDiff, question: Named, language: str = "en") -> list[str]:
    """Markdown for the rule changes; ``question`` names a question id for a reader."""
    words = _Rules(language)
    _ = words.tr.gettext
    points, suggestions, floors = diff.decision_points, diff.suggestions, diff.floors
    lines: list[str] = []
    if points.added:
        lines += [_("## Decision points added"), ""]
        for point in points.added:
            lines += words.point(point)
    if points.removed:
        lines += [_("## Decision points removed"), ""]
        for point in points.removed:
            lines += words.point(point)
    if points.changed:
        lines += [_("## Decision points changed"), ""]
        for changed in points.changed:
            lines += [f"### `{changed.id}`", ""]
            lines += [line for change in changed.fields
                      for line in show_change(change, language)]
            lines += [*words.rule_changes(changed.rules), ""]
    if suggestions.added:
        lines += [_("## Judgement questions added (the guidance now suggests an answer)"), "",
                  _("A session moving to this version keeps an earlier answer that agrees "
                    "with the suggestion; one that departs from it is asked again, to agree "
                    "or give a reason."), ""]
        for brief in suggestions.added:
            lines += [f"### {question(brief.question)}", "",
                      *words.table(brief.rules, _("suggests"))]
    if suggestions.removed:
        lines += [_("## Suggestions removed"), ""]
        lines += [f"- {question(brief.question)}" for brief in suggestions.removed]
        lines.append("")
    if suggestions.changed:
        lines += [_("## Suggestions changed"), ""]
        for changed_suggestion in suggestions.changed:
            lines += [f"### {question(changed_suggestion.question)}", "",
                      *words.rule_changes(changed_suggestion.rules), ""]
    if floors.added or floors.removed or floors.changed:
        lines += [_("## Minimum responses (floors) changed"), ""]
        lines += [_("- **Floor added:** {floor}").format(floor=words.floor(f))
                  for f in floors.added]
        lines += [_("- **Floor removed:** {floor}").format(floor=words.floor(f))
                  for f in floors.removed]
        lines.append("")
        for edited in floors.changed:
            lines += [_("### Floor `{floor}`").format(floor=edited.id), ""]
            lines += [line for change in edited.fields
                      for line in show_change(change, language)]
            lines.append("")
    return lines


def rules_counts(diff: DocumentDiff, language: str = "en") -> list[tuple[int, str]]:
    """Counts for the diff's 'In short' line, each with its words in ``language``."""
    tr = translator(language)
    points, suggestions, floors = diff.decision_points, diff.suggestions, diff.floors
    counted = (
        len(points.added) + len(points.removed) + len(points.changed),
        len(suggestions.added) + len(suggestions.removed) + len(suggestions.changed),
        len(floors.added) + len(floors.removed) + len(floors.changed),
    )
    return [
        (counted[0], tr.ngettext("{count} decision point added, removed or changed",
                                 "{count} decision points added, removed or changed",
                                 counted[0])),
        (counted[1], tr.ngettext("{count} suggestion added, removed or changed",
                                 "{count} suggestions added, removed or changed", counted[1])),
        (counted[2], tr.ngettext("{count} floor added, removed or changed",
                                 "{count} floors added, removed or changed", counted[2])),
    ]
