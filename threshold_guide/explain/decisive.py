"""The decisive facts: answers on the route that, changed on their own, change the outcome.

Derived from "what would change the decision" (every single change of answer that leads
elsewhere). A change counts only when it *certainly* leads to another outcome: either the
other answers already decide a different one, or the walk would stop at a question from
which the current outcome can no longer be reached. A change that only might matter,
depending on answers not yet given, does not make an answer decisive.
"""

from __future__ import annotations

from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.document import Gate, Signal, ThresholdDocument
from threshold_guide.models.explanation import DecisiveFact, OtherAnswer
from threshold_guide.models.summary import ChangeInfo, PathStep, Summary

# Translators: numbers in words, used in counts such as "two answers"; Welsh may need the
# form that goes before a plural noun.
_NUMBERS = (N_("no"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"),
            N_("seven"), N_("eight"), N_("nine"))


def certainly_changes(change: ChangeInfo, current: str) -> bool:
    """Whether this change leads to an outcome other than ``current`` whatever else happens."""
    if change.outcome is not None:
        return change.outcome != current
    return current not in change.possible_outcomes


def decisive_facts(summary: Summary) -> list[DecisiveFact]:
    """The decisive answers, in route order, each with the changes that make it decisive.

    Measured against the outcome the guidance reached, not an override: an override is a
    judgement beside the guidance, and the facts explain what the guidance did.
    """
    current = summary.outcome.id
    others: dict[str, list[OtherAnswer]] = {}
    for change in summary.what_would_change:
        if certainly_changes(change, current):
            others.setdefault(change.question, []).append(
                OtherAnswer(
                    instead=change.instead,
                    change=change.change,
                    outcome=change.outcome,
                    outcome_title=change.outcome_title,
                    possible_outcomes=change.possible_outcomes,
                )
            )
    return [_fact(step, others[step.question]) for step in summary.path if step.question in others]


def _fact(step: PathStep, otherwise: list[OtherAnswer]) -> DecisiveFact:
    return DecisiveFact(
        question=step.question,
        prompt=step.prompt,
        answer_labels=step.answer_labels,
        rationale=step.rationale,
        note=step.note,
        evidence=step.evidence,
        evidence_label=step.evidence_label,
        otherwise=otherwise,
    )


def count_word(number: int, language: str = "en") -> str:
    """``number`` in words below ten (in ``language``), else in figures."""
    if number < len(_NUMBERS):
        return translator(language).gettext(_NUMBERS[number])
    return str(number)


def _signal(document: ThresholdDocument, step: PathStep) -> Signal:
    chosen = [step.answer] if isinstance(step.answer, str) else step.answer
    signals = {a.signal for a in document.question(step.question).answers if a.id in chosen}
    for signal in (Signal.CONCERN, Signal.STRENGTH):
        if signal in signals:
            return signal
    return Signal.NEUTRAL


def in_general_terms(document: ThresholdDocument, facts: list[DecisiveFact],
                     path: list[PathStep], language: str = "en") -> str:
    """The decisive facts without their detail, for a reader who must not see the detail.

    Says only what kind of fact each was (the immediate-danger check, a worry, something
    going well, other information), never the question, the answer or a note: a question
    such as "What has the child told you?" would itself reveal a disclosure.
    """
    tr = translator(language)
    if not facts:
        return tr.gettext(
            "No single thing decided this on its own: it rests on the whole picture of what "
            "the practitioner saw, heard and was told."
        )
    decisive = {fact.question for fact in facts}
    gate = False
    counts = dict.fromkeys(Signal, 0)
    for step in path:
        if step.question not in decisive:
            continue
        if document.question(step.question).gate is Gate.IMMEDIATE_DANGER:
            gate = True
        else:
            counts[_signal(document, step)] += 1
    parts = ([tr.gettext("whether your child was thought to be in immediate danger")]
             if gate else [])
    if counts[Signal.CONCERN]:
        number = counts[Signal.CONCERN]
        parts.append(tr.ngettext("{words} worry about your child's safety or care",
                                 "{words} worries about your child's safety or care",
                                 number).format(words=count_word(number, language)))
    if counts[Signal.STRENGTH]:
        number = counts[Signal.STRENGTH]
        parts.append(tr.ngettext("{words} thing that is going well",
                                 "{words} things that are going well",
                                 number).format(words=count_word(number, language)))
    if counts[Signal.NEUTRAL]:
        number = counts[Signal.NEUTRAL]
        parts.append(tr.ngettext("{words} other piece of information",
                                 "{words} other pieces of information",
                                 number).format(words=count_word(number, language)))
    # Translators: joins the kinds of fact a family letter says a decision turned on, e.g.
    # "one worry about ..., two things that are going well and one other piece of ...".
    listed = parts[0] if len(parts) == 1 else tr.gettext("{facts} and {last_fact}").format(
        facts=", ".join(parts[:-1]), last_fact=parts[-1])
    return tr.gettext(
        "The decision turned on {listed}: had any one of these been different, the outcome "
        "would have been different. The practitioner, or social services, can talk these "
        "through with you where it is safe to do so.").format(listed=listed)
