"""Turning a typed line into answer ids, with a message that says how to type it instead."""

from __future__ import annotations

import re

from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import EVIDENCE_LABELS, EvidenceType, Question, QuestionType
from threshold_guide.models.session import Selection

NONE_WORD = "none"
"""Typed alone for "no answer applies" or "no evidence type": always understood, whatever
the interface language, so a script written in English works in Welsh too."""
EVIDENCE_MENU: list[EvidenceType] = list(EvidenceType)
"""The evidence menu, the same on every question: the number of a type never changes."""
_SEPARATORS = re.compile(r"[,\s]+")


_NUMBER = re.compile(r"[0-9]+")


class InputProblem(ValueError):
    """A line that is not a valid answer. ``str()`` says what to type instead."""


def none_word() -> str:
    """The word for "none" in the interface language, as the prompts show it."""
    # Translators: typed alone to say that no answer (or no evidence type) applies; one short
    # lower-case word that is easy to type. "none" is also always accepted.
    return _("none")


def is_none(text: str) -> bool:
    """Whether a typed word (already lower-cased) means "none", in English or the interface
    language."""
    return text in (NONE_WORD, none_word().lower())


def typed_number(text: str) -> int | None:
    """The number a user typed in ASCII digits, or None.

    ``str.isdigit`` is true of '²' and other digits ``int`` refuses (a crash, exit 3), and
    ``int`` accepts digits of other scripts no one types as an answer number.
    """
    return int(text) if _NUMBER.fullmatch(text) else None


def how_to_answer(question: Question) -> str:
    """The instruction for the answer prompt, e.g. 'Type a number from 1 to 4'."""
    count = len(question.answers)
    if question.type is QuestionType.MULTIPLE:
        return _("Type the numbers of all that apply, separated by commas (for example 1,3), "
                 "or {none}").format(none=none_word())
    return _("Type 1") if count == 1 else _("Type a number from 1 to {count}").format(
        count=count)


def parse_selection(question: Question, line: str) -> Selection:
    """The answer ids a line names; raises :class:`InputProblem` with what to type instead."""
    count = len(question.answers)
    text = line.strip().lower()
    multiple = question.type is QuestionType.MULTIPLE
    if multiple and is_none(text):
        return []
    parts = [part.rstrip(".") for part in _SEPARATORS.split(text) if part]
    if not parts:
        raise InputProblem(how_to_answer(question) + ".")
    numbers: list[int] = []
    for part in parts:
        number = typed_number(part)
        if number is None:
            if multiple and is_none(part):
                raise InputProblem(_("Type {none} on its own, or only numbers.").format(
                    none=none_word()))
            raise InputProblem(_("'{typed}' is not an answer number. {how}.").format(
                typed=part, how=how_to_answer(question)))
        if not 1 <= number <= count:
            raise InputProblem(
                _("There is no answer {number}: the answers are numbered 1 to {count}.")
                .format(number=number, count=count))
        numbers.append(number)
    ids = [question.answers[number - 1].id for number in numbers]
    if multiple:
        return ids
    if len(set(ids)) > 1:
        raise InputProblem(_("Choose one answer only. {how}.").format(
            how=how_to_answer(question)))
    return ids[0]


def selected_numbers(question: Question, selection: Selection | None) -> list[int]:
    """The answer numbers of a selection, in the question's order."""
    if selection is None:
        return []
    chosen = {selection} if isinstance(selection, str) else set(selection)
    return [n for n, answer in enumerate(question.answers, start=1) if answer.id in chosen]


def parse_evidence(line: str, offered: list[EvidenceType]) -> list[EvidenceType]:
    """The evidence types a line names by their :data:`EVIDENCE_MENU` numbers.

    Raises :class:`InputProblem` for anything else, including a type the question does
    not offer: it is refused rather than read as some other type.
    """
    text = line.strip().lower()
    if is_none(text):
        return []
    last = len(EVIDENCE_MENU)
    chosen: list[EvidenceType] = []
    for part in (part.rstrip(".") for part in _SEPARATORS.split(text) if part):
        # ASCII only: str.isdigit() also accepts '²', which int() refuses.
        if not (part.isascii() and part.isdigit()) or not 1 <= int(part) <= last:
            raise InputProblem(
                _("'{typed}' is not an evidence type: type numbers from 1 to {last}, separated "
                  "by commas, or {none}.").format(typed=part, last=last, none=none_word()))
        kind = EVIDENCE_MENU[int(part) - 1]
        if kind not in offered:
            allowed = ", ".join(str(EVIDENCE_MENU.index(k) + 1) for k in EVIDENCE_MENU
                                if k in offered)
            raise InputProblem(
                _("{number}. {label} is not offered for this question: choose from "
                  "{allowed}.").format(number=part, label=_(EVIDENCE_LABELS[kind]),
                                       allowed=allowed))
        chosen.append(kind)
    if not chosen:
        raise InputProblem(_("Type numbers from 1 to {last}, separated by commas, or {none}.")
                           .format(last=last, none=none_word()))
    return [kind for kind in EVIDENCE_MENU if kind in chosen]
