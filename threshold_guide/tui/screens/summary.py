"""The referral rationale summary, with export and the professional-judgement override."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from threshold_guide.deadlines.working_days import ENGLAND_AND_WALES, WorkingCalendar
from threshold_guide.explain import family_risks
from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.explanation import Audience
from threshold_guide.models.summary import Summary
from threshold_guide.models.text import render
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.summary.markdown import render_markdown
from threshold_guide.tui.messages import Clock, Navigate, SessionChanged
from threshold_guide.tui.screens.audience import AudienceModal
from threshold_guide.tui.screens.base import BaseScreen
from threshold_guide.tui.screens.browser import BrowserScreen
from threshold_guide.tui.screens.explanation import ExplanationScreen
from threshold_guide.tui.screens.export import Exported, summary_export, written_line
from threshold_guide.tui.screens.family_share import FamilyShareModal
from threshold_guide.tui.screens.follow_up import FollowUpScreen
from threshold_guide.tui.screens.override import OverrideChoice, OverrideModal
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.translation_note import unchecked_note
from threshold_guide.tui.widgets.chase_banner import ChaseBanner
from threshold_guide.tui.widgets.markdown_view import MarkdownView


class SummaryScreen(BaseScreen):
    HELP_TITLE = N_("Summary screen")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Translators: footer key labels; all seven share one 80-column line, keep them short.
        Binding("ctrl+s", "export", N_("Export")),
        Binding("ctrl+o", "override", N_("Override")),
        Binding("f7", "explain", N_("Explain"),
                tooltip=N_("Explain the decision to a partner")),
        Binding("f4", "review", N_("Review")),
        # Not in the footer, which has room for 80 columns of keys: F1 lists it.
        Binding("f6", "voice", N_("Voice"), tooltip=N_("The child's voice and strengths"),
                show=False),
        Binding("ctrl+b", "back", N_("Back")),
        # Translators: short for "After the decision" (footer).
        Binding("f8", "follow_up", N_("After"), tooltip=N_(
            "After the decision: dated steps, the response from social services, "
            "escalation")),
        Binding("f5", "book", N_("Logic book"), show=False),
        Binding("f10", "home", N_("Close"),
                tooltip=N_("Save and close: back to the start screen")),
    ]

    def __init__(self, state: Walkthrough, clock: Clock, export_dir: Path,
                 calendar: WorkingCalendar = ENGLAND_AND_WALES,
                 drafts: dict[str, OverrideChoice] | None = None) -> None:
        super().__init__()
        self.state = state
        self.clock = clock
        self.export_dir = export_dir
        self.calendar = calendar
        self.drafts: dict[str, OverrideChoice] = {} if drafts is None else drafts
        """Overrides begun and not saved, by session id: the app keeps them while it runs,
        so a reason typed and then closed is there again on the next Ctrl+O."""

    def compose_body(self) -> ComposeResult:
        yield ChaseBanner(id="chase-line")
        yield Static(id="outcome-line", markup=False)
        yield Static(id="override-line", markup=False)
        yield Static(id="departure-line", markup=False)
        yield Static(id="export-line", markup=False)
        note = unchecked_note(self.state.document, self.state.session.language)
        yield Static(note or "", id="translation-line", markup=False)
        yield MarkdownView(id="summary")

    def on_mount(self) -> None:
        ref = self.state.session.reference or _("no reference")
        self.sub_title = _("Summary · {reference}").format(reference=ref)
        self.query_one("#export-line").display = False
        self.query_one("#translation-line").display = bool(
            unchecked_note(self.state.document, self.state.session.language))
        self._show()
        self.query_one("#summary").focus()

    def _show(self) -> None:
        summary = self.state.summary(self.clock(), self.state.session.language,
                                     calendar=self.calendar)
        self.query_one("#chase-line", ChaseBanner).show(summary.follow_through)
        outcome = summary.outcome
        line = (_("⚠ EMERGENCY: Guidance outcome: {title} (level {level})") if outcome.emergency
                else _("Guidance outcome: {title} (level {level})")).format(
                    title=outcome.title, level=outcome.level)
        self.query_one("#outcome-line", Static).update(line)
        self.query_one("#outcome-line").set_class(outcome.emergency, "emergency")
        override_line = self.query_one("#override-line", Static)
        override = summary.override
        if override is None:
            override_line.display = False
        else:
            override_line.display = True
            text = (_("⚠ OVERRIDE TO A LOWER LEVEL: {title} (level {level}). Check it with "
                      "your DSP.") if override.lower else
                    _("Professional-judgement override: {title} (level {level})"))
            override_line.update(text.format(title=override.outcome.title,
                                             level=override.outcome.level))
            override_line.set_class(override.lower, "lower")
        self._show_departures(summary)
        self.query_one("#summary", MarkdownView).update(render_markdown(summary))

    def _show_departures(self, summary: Summary) -> None:
        """Each departure from a suggestion, flagged as the override is."""
        departed = [j for j in summary.judgements if j.departed]
        lines = []
        for j in departed:
            chosen = summary.outcome if j.lower else None
            if chosen is not None and j.suggested_outcome is not None:
                lines.append(_("⚠ DEPARTURE TO A LOWER LEVEL: {title} (level {level}) where "
                               "the guidance suggests {suggested}. Check it with your "
                               "DSP.").format(title=chosen.title, level=chosen.level,
                                              suggested=j.suggested_outcome.title))
            else:
                lines.append(_("Professional-judgement departure: “{chosen}” where the "
                               "guidance suggests “{suggested}”.").format(
                                   chosen=j.chosen_label, suggested=j.suggested_label))
        line = self.query_one("#departure-line", Static)
        line.display = bool(lines)
        line.update("\n".join(lines))
        line.set_class(any(j.lower for j in departed), "lower")

    def _commit(self, state: Walkthrough) -> None:
        if state is not self.state:
            self.state = state
            self.post_message(SessionChanged(state))
            self._show()

    def action_export(self) -> None:
        self.app.push_screen(summary_export(self.state, self.clock, self.export_dir,
                                            self.calendar), self._exported)

    def _exported(self, result: Exported | None) -> None:
        if result is None:
            return
        line = self.query_one("#export-line", Static)
        line.update(written_line(result))
        line.display = True
        self.notify(_("Saved {markdown}, {json} and {html} in {folder}").format(
            markdown=result.markdown.name, json=result.json.name, html=result.html.name,
            folder=result.folder))

    def action_explain(self) -> None:
        self.app.push_screen(AudienceModal(), self._audience_chosen)

    def _audience_chosen(self, audience: Audience | None) -> None:
        if audience is None:
            return
        # The question and answer as the session's language shows them.
        risks = family_risks(self.state.document, self.state.session,
                             self.state.session.language)
        if audience is Audience.FAMILY and risks:
            self.app.push_screen(FamilyShareModal(risks), self._family_confirmed)
            return
        self.app.push_screen(
            ExplanationScreen(self.state, audience, self.clock, self.export_dir,
                              self.calendar))

    def _family_confirmed(self, reason: str | None) -> None:
        if reason is None:
            self.notify(_("No family letter was produced."))
            return
        self.app.push_screen(ExplanationScreen(self.state, Audience.FAMILY, self.clock,
                                               self.export_dir, self.calendar,
                                               confirm_unsafe_share=reason))

    def action_override(self) -> None:
        draft = self.drafts.get(self.state.session.session_id)
        self.app.push_screen(OverrideModal(self.state, draft), self._override_done)

    def _override_done(self, choice: OverrideChoice | None) -> None:
        if choice is None:
            return
        session_id = self.state.session.session_id
        if not choice.saved:
            current = self.state.session.override
            unchanged = (choice.reason.strip() == (current.reason if current else "")
                         and choice.outcome == (current.outcome if current else None))
            if unchanged:
                self.drafts.pop(session_id, None)
            else:
                self.drafts[session_id] = choice
                self.notify(_("The override is not saved yet. What you chose and typed is "
                              "kept: press Ctrl+O to finish it."),
                            title=_("Override not saved"))
            return
        self.drafts.pop(session_id, None)
        now = self.clock()
        if choice.outcome is None:
            self._commit(self.state.clear_override(now))
            self.notify(_("Override removed."))
            return
        by = ", ".join(p for p in (self.state.session.role, self.state.session.agency) if p)
        self._commit(self.state.set_override(choice.outcome, choice.reason, by, now))
        title = render(self.state.document.outcome(choice.outcome).title,
                       self.state.session.language)
        self.notify(_("Override recorded: {title}").format(title=title))

    def action_follow_up(self) -> None:
        self.app.push_screen(FollowUpScreen(self.state, self.clock, self.calendar,
                                            self._followed))

    def _followed(self, state: Walkthrough) -> None:
        # Saved by the after-the-decision screen already; only the view is updated here.
        self.state = state
        self._show()

    def action_review(self) -> None:
        self.app.push_screen(ReviewScreen(self.state), self._review_done)

    def _review_done(self, question_id: str | None) -> None:
        if question_id is not None:
            self.post_message(Navigate("question", self.state.go_to(question_id)))

    def action_voice(self) -> None:
        self.post_message(Navigate("voice", self.state))

    def action_back(self) -> None:
        self.post_message(Navigate("question", self.state.back()))

    def action_book(self) -> None:
        self.app.push_screen(BrowserScreen(self.state.document))

    def action_home(self) -> None:
        self.post_message(Navigate("start"))
