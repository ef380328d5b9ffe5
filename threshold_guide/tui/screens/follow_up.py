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
from threshold_guide.i18n.catalogue import N_, _
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

HEADING = N_("After the decision")
NOTHING_YET = N_(
    "This outcome has no dated steps, and nothing has been recorded since the decision. You "
    "can still record the response from social services (R) or that you disagree with it (E)."
)


class FollowUpScreen(BaseScreen):
    HELP_TITLE = HEADING
    BINDINGS: ClassVar[list[BindingType]] = [
        # Translators: a key in the footer: record the response from social services.
        Binding("r", "response", N_("Response"),
                tooltip=N_("Record the response from social services")),
        # Translators: a key in the footer: nothing has come back from social services.
        Binding("n", "nothing", N_("Nothing back"),
                tooltip=N_("Record that nothing has come back (you contacted them again)")),
        Binding("d", "done", N_("Step done"), tooltip=N_("Record that a dated step was done")),
        # Short: with the other keys they must fit in 80 columns, in Welsh too.
        Binding("e", "escalate", N_("Escalate"),
                tooltip=N_("Disagree with the response: the professional differences route")),
        Binding("escape", "close", N_("Summary"), tooltip=N_("Back to the summary")),
        Binding("ctrl+b", "close", N_("Back"), show=False),
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
        ref = self.state.session.reference or _("no reference")
        self.sub_title = _("After the decision · {reference}").format(reference=ref)
        self.query_one("#follow-problem").display = False
        self._show()
        self.query_one("#follow-up").focus()

    def _show(self) -> None:
        info = follow_through(self.state.document, self.state.session, self.clock(),
                              self.calendar, self.state.session.language)
        self.query_one("#follow-chase", ChaseBanner).show(info)
        body = ("\n".join(follow_through_markdown(info, self.state.session.language))
                if info is not None else _(NOTHING_YET))
        text = f"# {_(HEADING)}\n\n{body}"
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
        line.update(_("⚠ Not recorded: {problem}").format(problem=problem))
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
            self.notify(_("Response recorded."))

    def action_nothing(self) -> None:
        now = self.clock()
        try:
            self._commit(record_response(self.state.document, self.state.session,
                                         ResponseOutcome.NONE, "", now, now))
        except FollowThroughError as problem:
            self._refused(problem)
        else:
            self.notify(_("Recorded that nothing has come back; the wait starts again from "
                          "now."))

    def action_done(self) -> None:
        info = follow_through(self.state.document, self.state.session, self.clock(),
                              self.calendar, self.state.session.language)
        open_steps = [s for s in (info.steps if info else [])
                      if s.status is not StepStatus.DONE and not s.awaits_response]
        if not open_steps:
            self.notify(_("There is no dated step left to mark as done."))
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
            self.notify(_("The route is finished: resolved, or every step has been taken."))
            return
        level = next_level(self.state.session) if started else None
        self.app.push_screen(EscalationModal(self.clock, started, level, _(ROUTE)),
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
        self.notify(_("Escalation recorded."))

    def action_close(self) -> None:
        self.app.pop_screen()
