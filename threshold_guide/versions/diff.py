"""What changed between two versions of a threshold document. Pure: documents in, data out.

The distinction that matters most is between a question that was **reworded** and one whose
answers were **re-routed**. Reworded means what the practitioner was asked, or could choose
from, is different (the prompt, single/multiple choice, or the answers offered), so an
earlier answer is no longer an answer to this question and must be asked again. Re-routed
means the same answer to the same question now leads elsewhere: the answer still stands.
Everything else about a question (help, why, sources, a rationale sentence, a translation)
is an edit that leaves the answer standing too. Upgrading a session and replaying cases
both rest on this one classification.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, get_args

from threshold_guide.loading.canonical import content_hash
from threshold_guide.models.document import (
    Definition,
    Outcome,
    Question,
    QuestionType,
    Source,
    Target,
    ThresholdDocument,
    VoicePrompt,
)
from threshold_guide.versions.fields import TextChange, as_json, changes, same, text_change
from threshold_guide.versions.model import (
    AnswerAdded,
    AnswerEdited,
    AnswerRelabelled,
    AnswerRemoved,
    AnswerRerouted,
    AnswersDiff,
    ChangelogItem,
    Destination,
    DocumentDiff,
    FieldChange,
    ItemEdited,
    ItemsDiff,
    NamedItem,
    OutcomeBrief,
    OutcomesDiff,
    QuestionAdded,
    QuestionRemoved,
    QuestionRerouted,
    QuestionReworded,
    QuestionsDiff,
    RewordReason,
    RoutesChanged,
    Rule,
    VersionInfo,
    Via,
)
from threshold_guide.versions.rules_diff import (
    decision_points_diff,
    floors_diff,
    suggestions_diff,
)

OUTCOME_FIELDS = (
    "title", "level", "test_met", "emergency", "do_now", "timescale", "contact", "rationale",
)
SOURCE_FIELDS = ("title", "section", "url", "note")
DEFINITION_FIELDS = ("term", "text", "sources")
QUESTION_EDIT_FIELDS = ("help", "why", "sources", "definitions", "gate", "note")
METADATA_FIELDS = (
    "id", "title", "status", "effective_from", "publisher", "jurisdiction", "decision", "about",
)


def diff_documents(old: ThresholdDocument, new: ThresholdDocument) -> DocumentDiff:
    """Everything that changed from ``old`` to ``new``, in the new document's order."""
    delta = _Questions()
    before = {question.id: question for question in old.questions}
    incoming = _incoming(new) if any(q.id not in before for q in new.questions) else {}
    # A question that became a decision point (or back) is removed as one kind of node and
    # added as the other: an answer to it cannot carry over to a node that asks nothing.
    for question in new.questions:
        if question.id in before:
            # Most questions are untouched between versions; equal models need no walk.
            if before[question.id] != question:
                delta.compare(before[question.id], question)
        else:
            delta.added.append(QuestionAdded(
                id=question.id, prompt=question.prompt,
                reached_from=incoming.get(question.id, []),
            ))
    kept = {question.id for question in new.questions}
    removed = [QuestionRemoved(id=q.id, prompt=q.prompt) for q in old.questions
               if q.id not in kept]
    return DocumentDiff(
        old=_info(old), new=_info(new),
        questions=QuestionsDiff(added=delta.added, removed=removed, reworded=delta.reworded,
                                rerouted=delta.rerouted, edited=delta.edited),
        answers=delta.answers(),
        routes=delta.routes,
        outcomes=_outcomes(old.outcomes, new.outcomes),
        sources=_items(old.sources, new.sources, SOURCE_FIELDS, "title"),
        definitions=_items(old.definitions, new.definitions, DEFINITION_FIELDS, "term"),
        decision_points=decision_points_diff(old, new),
        suggestions=suggestions_diff(old, new),
        floors=floors_diff(old, new),
        metadata=_metadata(old, new),
        changelog=_changelog(old, new),
    )


def _incoming(document: ThresholdDocument) -> dict[str, list[Via]]:
    """For each question, the answers and checklist routes that lead to it."""
    found: dict[str, list[Via]] = {}
    for question in document.questions:
        if question.type is QuestionType.SINGLE:
            for answer in question.answers:
                if answer.next is not None:
                    found.setdefault(answer.next, []).append(
                        Via(question=question.id, answer=answer.id))
        else:
            for target in dict.fromkeys(r.next for r in question.routes if r.next is not None):
                found.setdefault(target, []).append(Via(question=question.id, answer=None))
    for point in document.decision_points:
        ways = [*point.rules, *([point.otherwise] if point.otherwise else [])]
        for target in dict.fromkeys(w.next for w in ways if w.next is not None):
            found.setdefault(target, []).append(Via(question=point.id, answer=None))
    return found


def destination(target: Target) -> Destination:
    return Destination(next=target.next, outcome=target.outcome)


@dataclass
class _Questions:
    """Collects the changes of questions present in both versions."""

    added: list[QuestionAdded] = field(default_factory=list)
    reworded: list[QuestionReworded] = field(default_factory=list)
    rerouted: list[QuestionRerouted] = field(default_factory=list)
    edited: list[ItemEdited] = field(default_factory=list)
    routes: list[RoutesChanged] = field(default_factory=list)
    answers_added: list[AnswerAdded] = field(default_factory=list)
    answers_removed: list[AnswerRemoved] = field(default_factory=list)
    relabelled: list[AnswerRelabelled] = field(default_factory=list)
    answers_rerouted: list[AnswerRerouted] = field(default_factory=list)
    answers_edited: list[AnswerEdited] = field(default_factory=list)

    def answers(self) -> AnswersDiff:
        return AnswersDiff(added=self.answers_added, removed=self.answers_removed,
                           relabelled=self.relabelled, rerouted=self.answers_rerouted,
                           edited=self.answers_edited)

    def compare(self, old: Question, new: Question) -> None:
        reasons: list[RewordReason] = []
        edits: list[FieldChange] = []
        prompt = type_change = None
        wording = text_change(old.prompt, new.prompt)
        if wording is TextChange.WORDING:
            reasons.append("prompt")
            prompt = FieldChange(field="prompt", old=old.prompt, new=new.prompt)
        elif wording is TextChange.TRANSLATION:
            edits.append(FieldChange(field="prompt", old=old.prompt, new=new.prompt))
        if old.type is not new.type:
            reasons.append("type")
            type_change = FieldChange(field="type", old=old.type.value, new=new.type.value)
        edits += changes(old, new, QUESTION_EDIT_FIELDS)
        first = len(self.answers_rerouted)
        reasons += self._answers(old, new, edits)
        rerouted = [change.answer for change in self.answers_rerouted[first:]]
        routes_changed = self._routes(old, new, edits)
        if reasons:
            # One mention of each reason, in a fixed order, however many answers changed.
            ordered = [r for r in get_args(RewordReason) if r in reasons]
            self.reworded.append(QuestionReworded(id=new.id, reasons=ordered, prompt=prompt,
                                                  type=type_change))
        elif rerouted or routes_changed:
            self.rerouted.append(QuestionRerouted(id=new.id, answers=rerouted,
                                                  routes=routes_changed))
        if edits:
            self.edited.append(ItemEdited(id=new.id, fields=edits))

    def _answers(self, old: Question, new: Question, edits: list[FieldChange]) -> list[
            RewordReason]:
        reasons: list[RewordReason] = []
        before = {answer.id: answer for answer in old.answers}
        single = old.type is QuestionType.SINGLE and new.type is QuestionType.SINGLE
        for answer in new.answers:
            previous = before.get(answer.id)
            if previous is None:
                self.answers_added.append(AnswerAdded(
                    question=new.id, answer=answer.id, label=answer.label,
                    to=destination(answer) if answer.routes else None,
                ))
                reasons.append("answer-added")
                continue
            fields: list[FieldChange] = []
            label = text_change(previous.label, answer.label)
            if label is TextChange.WORDING:
                self.relabelled.append(AnswerRelabelled(
                    question=new.id, answer=answer.id, old=previous.label, new=answer.label))
                reasons.append("answer-relabelled")
            elif label is TextChange.TRANSLATION:
                fields.append(FieldChange(field="label", old=previous.label, new=answer.label))
            fields += changes(previous, answer, ("rationale", "signal"))
            if fields:
                self.answers_edited.append(
                    AnswerEdited(question=new.id, answer=answer.id, fields=fields))
            if single and (previous.next, previous.outcome) != (answer.next, answer.outcome):
                self.answers_rerouted.append(AnswerRerouted(
                    question=new.id, answer=answer.id,
                    old=destination(previous), new=destination(answer),
                ))
        now = {answer.id for answer in new.answers}
        for answer in old.answers:
            if answer.id not in now:
                self.answers_removed.append(
                    AnswerRemoved(question=new.id, answer=answer.id, label=answer.label))
                reasons.append("answer-removed")
        order_before = [a.id for a in old.answers if a.id in now]
        order_after = [a.id for a in new.answers if a.id in before]
        if order_before != order_after:
            edits.append(FieldChange(field="answer order", old=order_before, new=order_after))
        return reasons

    def _routes(self, old: Question, new: Question, edits: list[FieldChange]) -> bool:
        rules_before, rules_after = _rules(old), _rules(new)
        if rules_before != rules_after:
            self.routes.append(RoutesChanged(question=new.id, old=rules_before,
                                             new=rules_after))
            return True
        reasons_before = [route.rationale for route in old.routes]
        reasons_after = [route.rationale for route in new.routes]
        if not all(same(a, b) for a, b in zip(reasons_before, reasons_after, strict=True)):
            edits.append(FieldChange(field="routes.rationale", old=as_json(reasons_before),
                                     new=as_json(reasons_after)))
        return False


def _rules(question: Question) -> list[Rule]:
    # Conditions are compared as sets: listing the same answers in another order routes the
    # same way.
    return [
        Rule(if_any=sorted(route.if_any), if_all=sorted(route.if_all),
             min_selected=route.min_selected, to=destination(route))
        for route in question.routes
    ]


def _info(document: ThresholdDocument) -> VersionInfo:
    return VersionInfo(
        id=document.id, version=document.version, sha256=content_hash(document),
        title=document.title, status=document.status, effective_from=document.effective_from,
    )


def _outcomes(old: Sequence[Outcome], new: Sequence[Outcome]) -> OutcomesDiff:
    def brief(outcome: Outcome) -> OutcomeBrief:
        return OutcomeBrief(id=outcome.id, title=outcome.title, level=outcome.level,
                            test_met=outcome.test_met)

    before = {outcome.id: outcome for outcome in old}
    after = {outcome.id for outcome in new}
    changed: list[ItemEdited] = []
    for outcome in new:
        if outcome.id in before:
            fields = changes(before[outcome.id], outcome, OUTCOME_FIELDS)
            if fields:
                changed.append(ItemEdited(id=outcome.id, fields=fields))
    return OutcomesDiff(
        added=[brief(o) for o in new if o.id not in before],
        removed=[brief(o) for o in old if o.id not in after],
        changed=changed,
    )


Item = TypeVar("Item", Source, Definition)


def _items(old: Sequence[Item], new: Sequence[Item], names: Iterable[str], label: str
           ) -> ItemsDiff:
    before = {item.id: item for item in old}
    after = {item.id for item in new}
    changed = [
        ItemEdited(id=item.id, fields=fields)
        for item in new if item.id in before
        if (fields := changes(before[item.id], item, names))
    ]
    return ItemsDiff(
        added=[NamedItem(id=i.id, name=getattr(i, label)) for i in new if i.id not in before],
        removed=[NamedItem(id=i.id, name=getattr(i, label)) for i in old if i.id not in after],
        changed=changed,
    )


def _metadata(old: ThresholdDocument, new: ThresholdDocument) -> list[FieldChange]:
    found = changes(old, new, METADATA_FIELDS)
    found += changes(old.legal_test, new.legal_test, ("text", "who_decides", "sources"),
                     "legal_test.")
    found += changes(old, new, ("start",))
    found += _prompts("child_voice", old.child_voice, new.child_voice)
    found += _prompts("strengths", old.strengths, new.strengths)
    return found


def _prompts(name: str, old: Sequence[VoicePrompt], new: Sequence[VoicePrompt]
             ) -> list[FieldChange]:
    before = {prompt.id: prompt for prompt in old}
    after = {prompt.id for prompt in new}
    found: list[FieldChange] = []
    for prompt in new:
        if prompt.id not in before:
            found.append(FieldChange(field=f"{name}.{prompt.id}", old=None, new=prompt.prompt))
        else:
            found += changes(before[prompt.id], prompt, ("prompt", "help"),
                             f"{name}.{prompt.id}.")
    found += [FieldChange(field=f"{name}.{p.id}", old=p.prompt, new=None)
              for p in old if p.id not in after]
    return found


def _changelog(old: ThresholdDocument, new: ThresholdDocument) -> list[ChangelogItem]:
    before = {entry.version: as_json(entry) for entry in old.changelog}
    return [
        ChangelogItem(version=entry.version, date=entry.date, changes=list(entry.changes))
        for entry in new.changelog
        if before.get(entry.version) != as_json(entry)
    ]
