"""After the decision: the dated steps, the response from social services, and the
professional differences route, each change saved at once like an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from threshold_guide.deadlines.schedule import follow_through
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.models.follow_through import ResponseOutcome, StepStatus
from threshold_guide.models.session import Session
from threshold_guide.session.follow_through import (
    FollowThroughError,
    add_escalation_step,
    mark_done,
    next_level,
    record_response,
    start_escalation,
)
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.summary.follow_through_markdown import ROUTE, follow_through_markdown
from threshold_guide.tui.messages import Clock, SessionChanged
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.escalation import EscalationEntry, EscalationModal
from threshold_guide.tui.screens.response import ResponseEntry, ResponseModal
from threshold_guide.tui.screens.step_done import StepDoneModal
from threshold_guide.tui.widgets.chase_banner import ChaseBanner
from threshold_guide.tui.widgets.markdown_view import MarkdownView

NOTHING_YET = (
    "# After the decision\n\nThis outcome has no dated steps, and nothing has been recorded "
    "since the decision. You can still record the response from social services (R) or "
    "that you disagree with it (E)."
)


class FollowUpScreen(BaseScreen):
    HELP_TITLE = "After the decision"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "response", "Response", tooltip="Record the response from social services"),
        Binding("n", "nothing", "Nothing back",
                tooltip="Record that nothing has come back (you contacted them again)"),
        Binding("d", "done", "Step done", tooltip="Record that a dated step was done"),
        Binding("e", "escalate", "Disagree/escalate",
                tooltip="Disagree with the response: the professional differences route"),
        Binding("escape", "close", "Back to the summary"),
        Binding("ctrl+b", "close", "Back", show=False),
    ]

    def __init__(self, state: Walkthrough, clock: Clock, calendar: WorkingCalendar,
                 changed: Callable[[Walkthrough], None] | None = None) -> None:
        super().__init__()
        self.state = state
        self.changed = changed
        """Told of every change, so the screen underneath shows it on return."""
        self.clock = clock
        self.calendar = calendar

    def compose_body(self) -> ComposeResult:
        yield ChaseBanner(id="follow-chase")
        yield Static(id="follow-problem", markup=False)
        yield MarkdownView(id="follow-up")

    def on_mount(self) -> None:
        ref = self.state.session.reference or "no reference"
        self.sub_title = f"After the decision · {ref}"
        self.query_one("#follow-problem").display = False
        self._show()
        self.query_one("#follow-up").focus()

    def _show(self) -> None:
        info = follow_through(self.state.document, self.state.session, self.clock(),
                              self.calendar)
        self.query_one("#follow-chase", ChaseBanner).show(info)
        text = ("# After the decision\n\n" + "\n".join(follow_through_markdown(info))
                if info is not None else NOTHING_YET)
        self.query_one("#follow-up", MarkdownView).update(text)

    def _commit(self, change: Session) -> None:
        self.state = Walkthrough(self.state.document, self.state.sha256, change)
        self.post_message(SessionChanged(self.state))
        if self.changed is not None:
            self.changed(self.state)
        self.query_one("#follow-problem").display = False
        self._show()

    def _refused(self, problem: FollowThroughError) -> None:
        line = self.query_one("#follow-problem", Static)
        line.update(f"⚠ Not recorded: {problem}")
        line.display = True

    def action_response(self) -> None:
        self.app.push_screen(ResponseModal(self.clock), self._response)

    def _response(self, entry: ResponseEntry | None) -> None:
        if entry is None:
            return
        try:
            self._commit(record_response(self.state.document, self.state.session,
                                         entry.outcome, entry.reason, entry.at, self.clock(),
                                         by=entry.by))
        except FollowThroughError as problem:
            self._refused(problem)
        else:
            self.notify("Response recorded.")

    def action_nothing(self) -> None:
        now = self.clock()
        try:
            self._commit(record_response(self.state.document, self.state.session,
                                         ResponseOutcome.NONE, "", now, now))
        except FollowThroughError as problem:
            self._refused(problem)
        else:
            self.notify("Recorded that nothing has come back; the wait starts again from now.")

    def action_done(self) -> None:
        info = follow_through(self.state.document, self.state.session, self.clock(),
                              self.calendar)
        open_steps = [s for s in (info.steps if info else [])
                      if s.status is not StepStatus.DONE and not s.awaits_response]
        if not open_steps:
            self.notify("There is no dated step left to mark as done.")
            return
        self.app.push_screen(StepDoneModal(open_steps), self._done)

    def _done(self, step: str | None) -> None:
        if step is None:
            return
        now = self.clock()
        try:
            self._commit(mark_done(self.state.document, self.state.session, step, now, now))
        except FollowThroughError as problem:
            self._refused(problem)

    def action_escalate(self) -> None:
        record = self.state.session.follow_through
        started = record is not None and record.escalation is not None
        if started and next_level(self.state.session) is None:
            self.notify("The route is finished: resolved, or every step has been taken.")
            return
        level = next_level(self.state.session) if started else None
        self.app.push_screen(EscalationModal(self.clock, started, level, ROUTE),
                             self._escalated)

    def _escalated(self, entry: EscalationEntry | None) -> None:
        if entry is None:
            return
        session = self.state.session
        try:
            if entry.disagreement is not None:
                session = start_escalation(self.state.document, session, entry.disagreement,
                                           entry.at, self.clock())
            if entry.contacted:
                session = add_escalation_step(session, next_level(session), entry.contacted,
                                              entry.said, entry.resolved, entry.at,
                                              self.clock())
        except FollowThroughError as problem:
            self._refused(problem)
            return
        self._commit(session)
        self.notify("Escalation recorded.")

    def action_close(self) -> None:
        self.app.pop_screen()
