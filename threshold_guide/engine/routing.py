"""Where one answer to one question leads."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Question, QuestionType, Target, ThresholdDocument
from threshold_guide.models.session import Selection


class AnswerError(ValueError):
    """An answer that does not fit its question. ``str()`` is a complete user message."""

    def __init__(self, question: str, message: str, hint: str = "") -> None:
        text = (_("question '{question}': {problem} ({hint})") if hint
                else _("question '{question}': {problem}"))
        super().__init__(text.format(question=question, problem=message, hint=hint))
        self.question = question
        self.hint = hint


def normalise(question: Question, selection: Selection) -> Selection:
    """Check a selection against the question; return it in canonical form.

    Single choice: one answer id. Multiple choice: answer ids in the question's own order,
    without repeats. Raises :class:`AnswerError` naming the question and the valid ids.
    """
    known = [answer.id for answer in question.answers]
    if question.type is QuestionType.SINGLE:
        if not isinstance(selection, str):
            raise AnswerError(
                question.id, _("takes one answer id, not a list"),
                _("choose one of: {answers}").format(answers=", ".join(known))
            )
        if selection not in known:
            raise AnswerError(
                question.id,
                _("has no answer '{answer}'").format(answer=selection),
                _suggest(selection, known),
            )
        return selection
    chosen: Sequence[str] = [selection] if isinstance(selection, str) else selection
    for item in chosen:
        if item not in known:
            raise AnswerError(question.id, _("has no answer '{answer}'").format(answer=item),
                              _suggest(item, known))
    picked = set(chosen)
    return [answer_id for answer_id in known if answer_id in picked]


def _suggest(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return _("did you mean '{answer}'? answers: {answers}").format(
            answer=close[0], answers=", ".join(known))
    return _("answers: {answers}").format(answers=", ".join(known))


def target_for(question: Question, selection: Selection) -> Target:
    """The next question or outcome for a normalised selection."""
    if question.type is QuestionType.SINGLE:
        answer = question.answer(str(selection))
        if answer is None or not answer.routes:
            raise AnswerError(question.id,
                              _("answer '{answer}' leads nowhere").format(answer=selection))
        return answer
    selected = frozenset(selection)
    for route in question.routes:
        if route.holds(selected):
            return route
    raise AnswerError(
        question.id,
        _("no route matches the answers ticked"),
        _("the document needs a final route with no conditions"),
    )


class Destination(Protocol):
    """Anything that leads somewhere: an answer, a checklist route or a decision rule."""

    @property
    def next(self) -> str | None: ...

    @property
    def outcome(self) -> str | None: ...


def node_targets(document: ThresholdDocument) -> Iterator[tuple[str, list[Destination]]]:
    """Every node (question, then decision point) with the places it can lead."""
    for question in document.questions:
        yield question.id, list(targets(question))
    for point in document.decision_points:
        found: list[Destination] = list(point.rules)
        if point.otherwise is not None:
            found.append(point.otherwise)
        yield point.id, found


def targets(question: Question) -> list[Target]:
    """Every place the question can lead, in document order."""
    if question.type is QuestionType.SINGLE:
        return [answer for answer in question.answers if answer.routes]
    return list(question.routes)
