"""The question screen for a household case: the household's questions, or one child's.

The same screen as a one-child walk (judgement questions, departures, notes, review); only
where its changes go differs: each change is put back into the household (shared answers,
or the child's own) and saved as the household file, never as a separate session.
"""

from __future__ import annotations

from textual import on

from threshold_guide.household.editing import absorb
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.document import Scope
from threshold_guide.models.household import Household
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.tui.messages import Clock, HouseholdChanged, Navigate, SessionChanged, WalkLeft
from threshold_guide.tui.screens.question import QuestionScreen


class HouseholdQuestionScreen(QuestionScreen):
    HELP_TITLE = ""  # the keys are the question screen's

    def __init__(self, state: Walkthrough, clock: Clock, household: Household,
                 child: str | None) -> None:
        super().__init__(state, clock)
        self.household = household
        self.child = child
        """The child walked, or None for the questions asked once for the household."""

    def _subtitle(self) -> str:
        ref = self.household.reference or _("no reference")
        # The short word: the header has room for about 60 characters at 80 columns.
        part = self.child or _("household")
        return _("Conference · {reference} · {child}").format(reference=ref, child=part)

    def walk_ended(self, state: Walkthrough) -> bool:
        question = state.question
        if question is None:
            return True
        return self.child is None and question.scope is not Scope.HOUSEHOLD

    @on(SessionChanged)
    def _changed(self, message: SessionChanged) -> None:
        message.stop()  # not a session of its own: it is saved as part of the household
        self.household = absorb(self.state.document, self.household, self.child,
                                message.state.session)
        self.post_message(HouseholdChanged(self.household, self.child))

    @on(Navigate)
    def _left(self, message: Navigate) -> None:
        message.stop()
        self.post_message(WalkLeft(self.child, finished=message.view == "outcome"))


    def flush_household(self) -> Household:
        self._apply_note()
        return absorb(self.state.document, self.household, self.child, self.state.session)
