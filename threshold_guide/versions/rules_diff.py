"""What changed in a document's decision rules: decision points, suggestions and floors.

A rule has no id, so a rule is told by its condition: the same condition with another
target or reason is a *changed* rule, a new condition an *added* one, and the same
conditions in another order a *reordering* (it matters: the first rule that holds wins).
Conditions are compared as data, so re-wrapping YAML or re-quoting an id changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import JsonValue

from threshold_guide.models.document import Question, ThresholdDocument
from threshold_guide.models.rules import (
    Condition,
    DecisionPoint,
    DecisionRule,
    Fallback,
    Floor,
    Suggestion,
    SuggestionFallback,
    SuggestionRule,
)
from threshold_guide.summary.rule_words import condition_words
from threshold_guide.versions.fields import changes, same
from threshold_guide.versions.model import (
    DecisionPointBrief,
    DecisionPointChanged,
    DecisionPointsDiff,
    Destination,
    FieldChange,
    FloorBrief,
    FloorsDiff,
    ItemEdited,
    RuleBrief,
    RuleChanged,
    RulesDiff,
    SuggestionBrief,
    SuggestionChanged,
    SuggestionsDiff,
)

OTHERWISE = "otherwise"


def condition_json(condition: Condition) -> JsonValue:
    """A condition as written: the document's own keys (``is``, ``all``, ...)."""
    dumped: JsonValue = condition.model_dump(mode="json", by_alias=True, exclude_none=True)
    return dumped


def _key(condition: Condition | None) -> str:
    return OTHERWISE if condition is None else json.dumps(condition_json(condition),
                                                          sort_keys=True)


AnyRule = DecisionRule | Fallback | SuggestionRule | SuggestionFallback


def rule_brief(rule: AnyRule, document: ThresholdDocument) -> RuleBrief:
    when = rule.when if isinstance(rule, DecisionRule | SuggestionRule) else None
    if isinstance(rule, DecisionRule | Fallback):
        to: Destination | None = Destination(next=rule.next, outcome=rule.outcome)
        answer = None
    else:
        to, answer = None, rule.answer
    return RuleBrief(
        when=None if when is None else condition_json(when),
        words=OTHERWISE if when is None else condition_words(when, document),
        to=to, answer=answer, rationale=rule.rationale,
    )


def _all_rules(
    rules: Sequence[DecisionRule] | Sequence[SuggestionRule],
    fallback: Fallback | SuggestionFallback | None,
) -> list[AnyRule]:
    found: list[AnyRule] = list(rules)
    if fallback is not None:
        found.append(fallback)
    return found


def _condition(rule: AnyRule) -> Condition | None:
    return rule.when if isinstance(rule, DecisionRule | SuggestionRule) else None


def rules_diff(old: list[AnyRule], new: list[AnyRule], old_doc: ThresholdDocument,
               new_doc: ThresholdDocument) -> RulesDiff:
    """Rules matched by condition; the fallback (``otherwise``) matches the fallback."""
    before = {_key(_condition(rule)): rule for rule in old}
    after = {_key(_condition(rule)): rule for rule in new}
    added = [rule_brief(rule, new_doc) for key, rule in after.items() if key not in before]
    removed = [rule_brief(rule, old_doc) for key, rule in before.items() if key not in after]
    changed: list[RuleChanged] = []
    for key, rule in after.items():
        previous = before.get(key)
        if previous is None:
            continue
        old_brief, new_brief = rule_brief(previous, old_doc), rule_brief(rule, new_doc)
        if (old_brief.to, old_brief.answer) != (new_brief.to, new_brief.answer) or not same(
                previous.rationale, rule.rationale):
            changed.append(RuleChanged(old=old_brief, new=new_brief))
    kept_before = [key for key in before if key in after and key != OTHERWISE]
    kept_after = [key for key in after if key in before and key != OTHERWISE]
    order = None
    if kept_before != kept_after:
        words_before = [rule_brief(before[key], old_doc).words for key in kept_before]
        words_after = [rule_brief(after[key], new_doc).words for key in kept_after]
        order = FieldChange(field="rule order", old=list(words_before), new=list(words_after))
    return RulesDiff(added=added, removed=removed, changed=changed, order=order)


def _point_brief(point: DecisionPoint, document: ThresholdDocument) -> DecisionPointBrief:
    return DecisionPointBrief(
        id=point.id, title=point.title, hit_policy=point.hit_policy.value,
        rules=[rule_brief(r, document) for r in _all_rules(point.rules, point.otherwise)],
    )


def _empty(rules: RulesDiff) -> bool:
    return not (rules.added or rules.removed or rules.changed or rules.order)


def decision_points_diff(old: ThresholdDocument, new: ThresholdDocument) -> DecisionPointsDiff:
    before = {point.id: point for point in old.decision_points}
    after = {point.id: point for point in new.decision_points}
    changed: list[DecisionPointChanged] = []
    for point in new.decision_points:
        previous = before.get(point.id)
        if previous is None or previous == point:
            continue
        fields = changes(previous, point, ("title", "hit_policy"))
        rules = rules_diff(_all_rules(previous.rules, previous.otherwise),
                           _all_rules(point.rules, point.otherwise), old, new)
        if fields or not _empty(rules):
            changed.append(DecisionPointChanged(id=point.id, fields=fields, rules=rules))
    return DecisionPointsDiff(
        added=[_point_brief(p, new) for p in new.decision_points if p.id not in before],
        removed=[_point_brief(p, old) for p in old.decision_points if p.id not in after],
        changed=changed,
    )


def _suggestion_rules(suggestion: Suggestion) -> list[AnyRule]:
    return _all_rules(suggestion.rules, suggestion.otherwise)


def suggestions_diff(old: ThresholdDocument, new: ThresholdDocument) -> SuggestionsDiff:
    def judged(document: ThresholdDocument) -> dict[str, Question]:
        return {q.id: q for q in document.questions if q.suggest is not None}

    before, after = judged(old), judged(new)
    added: list[SuggestionBrief] = []
    changed: list[SuggestionChanged] = []
    for qid, question in after.items():
        assert question.suggest is not None
        previous = before.get(qid)
        if previous is None:
            added.append(SuggestionBrief(question=qid, rules=[
                rule_brief(r, new) for r in _suggestion_rules(question.suggest)]))
            continue
        assert previous.suggest is not None
        rules = rules_diff(_suggestion_rules(previous.suggest),
                           _suggestion_rules(question.suggest), old, new)
        if not _empty(rules):
            changed.append(SuggestionChanged(question=qid, rules=rules))
    removed = [
        SuggestionBrief(question=qid, rules=[rule_brief(r, old) for r in _suggestion_rules(
            question.suggest)])
        for qid, question in before.items() if qid not in after and question.suggest
    ]
    return SuggestionsDiff(added=added, removed=removed, changed=changed)


def _floor_brief(floor: Floor, document: ThresholdDocument) -> FloorBrief:
    return FloorBrief(id=floor.id, title=floor.title, when=condition_json(floor.when),
                      words=condition_words(floor.when, document), minimum=floor.minimum,
                      rationale=floor.rationale)


def floors_diff(old: ThresholdDocument, new: ThresholdDocument) -> FloorsDiff:
    before = {floor.id: floor for floor in old.floors}
    after = {floor.id for floor in new.floors}
    changed: list[ItemEdited] = []
    for floor in new.floors:
        previous = before.get(floor.id)
        if previous is None:
            continue
        fields = changes(previous, floor, ("title", "minimum", "rationale"))
        # In words: a reviewer reads the condition, and JSON of nested tests does not; and
        # two ways of writing one test ('includes_any' or 'includes_all' of one answer) read,
        # and mean, the same.
        said_before, said_after = condition_words(previous.when, old), condition_words(
            floor.when, new)
        if said_before != said_after:
            fields.insert(1, FieldChange(field="when", old=said_before, new=said_after))
        if fields:
            changed.append(ItemEdited(id=floor.id, fields=fields))
    return FloorsDiff(
        added=[_floor_brief(f, new) for f in new.floors if f.id not in before],
        removed=[_floor_brief(f, old) for f in old.floors if f.id not in after],
        changed=changed,
    )
