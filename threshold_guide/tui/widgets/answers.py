"""The answers to one question: numbered, chosen with a number key or arrows + Enter."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from threshold_guide.i18n.catalogue import N_, _, ngettext
from threshold_guide.models.document import Question, QuestionType
from threshold_guide.models.session import Selection
from threshold_guide.models.text import render
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.cursor_list import CursorList, Row

CONTINUE = "--continue--"
MARKS = {False: {False: "( )", True: "(•)"}, True: {False: "[ ]", True: "[x]"}}
"""Marks by (checklist?, chosen?): text, so the choice reads without colour."""


def chosen_ids(selection: Selection | None) -> list[str]:
    if selection is None:
        return []
    return [selection] if isinstance(selection, str) else list(selection)


class AnswerList(TranslatedKeys, CursorList):
    """Single choice shows ( ) and (•); a checklist shows [ ] and [x] and a Continue row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", N_("Tick"), show=False),
    ]

    DEFAULT_CSS = """
    AnswerList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """

    class Picked(Message):
        """An answer was chosen (single choice) or ticked/unticked (checklist)."""

        def __init__(self, answer_id: str) -> None:
            super().__init__()
            self.answer_id = answer_id

    class Done(Message):
        """The checklist's Continue row was chosen."""

    def __init__(self, *, id: str | None = None, language: str = "en") -> None:
        super().__init__(id=id)
        self.language = language
        self._question: Question | None = None

    def show(self, question: Question, selection: Selection | None,
             suggested: str | None = None) -> None:
        """Show ``question``'s answers with ``selection`` marked; keep the cursor if same.

        ``suggested`` is the answer a judgement question suggests: marked in words, and
        where the cursor starts on an unanswered question, so Enter agrees.
        """
        same = self._question is not None and self._question.id == question.id
        keep = self.highlighted if same else None
        self._question = question
        chosen = chosen_ids(selection)
        if keep is None:
            first = chosen or ([suggested] if suggested else [])
            keep = next((i for i, a in enumerate(question.answers) if a.id in first), 0)
        self.set_rows(self._rows_for(question, chosen, suggested), highlight=keep)

    def _rows_for(self, question: Question, chosen: list[str],
                  suggested: str | None = None) -> list[Row]:
        multiple = question.type is QuestionType.MULTIPLE
        rows = []
        for number, answer in enumerate(question.answers, start=1):
            key = f"{number}" if number <= 9 else " "
            mark = MARKS[multiple][answer.id in chosen]
            label = render(answer.label, self.language)
            if answer.id == suggested:
                label = _("{answer} (suggested)").format(answer=label)
            rows.append(Row(answer.id, label, f"{key} {mark}"))
        if multiple:
            label = ngettext("→ Continue ({count} ticked)", "→ Continue ({count} ticked)",
                             len(chosen)) if chosen else _("→ Continue (nothing ticked)")
            rows.append(Row(CONTINUE, label, "     "))
        return rows

    def pick_number(self, number: int) -> None:
        """Number key: the answer with that number, if there is one."""
        if self._question is not None and 1 <= number <= len(self._question.answers):
            self.highlighted = number - 1
            self.post_message(self.Picked(self._question.answers[number - 1].id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == CONTINUE:
            self.post_message(self.Done())
        elif event.option.id is not None:
            self.post_message(self.Picked(event.option.id))
