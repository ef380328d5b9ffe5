"""Sessions in the app: start, resume (with upgrades), save, and which screen comes next.

Kept apart from :mod:`threshold_guide.tui.app` so the app can paint its first frame before
this module (and the core under it: pydantic, the catalog) is imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import partial
from pathlib import Path

from textual.screen import Screen

from threshold_guide.deadlines.closures import load_calendar
from threshold_guide.deadlines.schedule import follow_through
from threshold_guide.i18n.catalogue import _, interface_language, ngettext
from threshold_guide.i18n.languages import DEFAULT_LANGUAGE
from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.document import Decision, ThresholdDocument
from threshold_guide.models.scenario import Scenario
from threshold_guide.models.session import Session
from threshold_guide.models.text import language_coverage, render
from threshold_guide.paths import shipped_scenarios
from threshold_guide.scenarios.library import ScenarioLibrary
from threshold_guide.session.creation import new_session, session_ids
from threshold_guide.session.upgrade import check_pin, repair_session, upgrade_session
from threshold_guide.session.walkthrough import Walkthrough, progress
from threshold_guide.storage.household_file import households_dir
from threshold_guide.storage.session_store import (
    SessionStore,
    SessionUnreadable,
    StoredSession,
)
from threshold_guide.tui.host import AppHost
from threshold_guide.tui.household_flow import KEY_PREFIX as HOUSEHOLD_KEY
from threshold_guide.tui.household_flow import HouseholdFlow
from threshold_guide.tui.messages import Clock, Navigate
from threshold_guide.tui.screens.comparison import ComparisonScreen
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.exercise import ExerciseScreen
from threshold_guide.tui.screens.info import InfoModal
from threshold_guide.tui.screens.intro import IntroModal
from threshold_guide.tui.screens.override import OverrideChoice
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.resume import PINNED, Move, ResumeModal
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.screens.voice import VoiceScreen
from threshold_guide.tui.widgets.session_list import ResumeRow


class SessionFlow:
    """What the app does with sessions; the app forwards its screens' messages here."""

    def __init__(self, app: AppHost, catalog: Catalog, store: SessionStore,
                 clock: Clock, export_dir: Path) -> None:
        self.app = app
        self.catalog = catalog
        self.store = store
        self.clock = clock
        self.export_dir = export_dir
        self.failing = False
        """The last save failed; the user has been told."""
        self.calendar, _ = load_calendar(app.guidance)
        """Working days: bank holidays and the guidance folders' closure days."""
        self._library: ScenarioLibrary | None = None
        self.households = HouseholdFlow(self, households_dir())
        """Household cases (conferences), saved beside the sessions."""
        self.override_drafts: dict[str, OverrideChoice] = {}
        """Overrides begun on a summary and not saved yet, by session id."""
        self._language_told: set[str] = set()
        """Sessions whose document was said to lack their language, told once a run."""

    def today(self) -> dt.date:
        return self.clock().date()

    def start_screen(self) -> StartScreen:
        latest = next((r for r in self.store.listing() if isinstance(r, StoredSession)), None)
        return StartScreen(
            self.catalog, self.today(), self.resume_rows(),
            role=latest.session.role if latest else "",
            agency=latest.session.agency if latest else "",
        )

    def rebuild(self) -> None:
        """A fresh start screen in place of every screen shown (after a change of
        language: screens made before it hold the old language's words)."""
        while len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.app.current = None
        self.app.push_screen(self.start_screen())

    # Listing ----------------------------------------------------------------------------

    def resume_rows(self) -> list[ResumeRow]:
        rows = []
        for item in self.store.listing():
            if isinstance(item, StoredSession):
                session = item.session
                ref = session.guidance
                document = self.pinned_document(ref.id, ref.version, ref.sha256)
                done = progress(document, session).brief(session.language) if document else (
                    ngettext("{count} answer; guidance version not found",
                             "{count} answers; guidance version not found",
                             len(session.answers))
                )
                if document is not None and self._chase(document, session):
                    done = _("⚠ CHASE NOW · {progress}").format(progress=done)
                rows.append(ResumeRow(
                    key=session.session_id, reference=session.reference,
                    document=f"{ref.id} {ref.version}", progress=done,
                    last_change=session.updated_at.astimezone(dt.UTC).strftime(
                        "%Y-%m-%d %H:%M"),
                    readable=True, path=item.path,
                ))
            else:
                rows.append(ResumeRow(
                    key=item.path.name,
                    reference=_("⚠ unreadable: {name}").format(name=item.path.name),
                    document="—", progress=item.reason, last_change="—", readable=False,
                    path=item.path,
                ))
        rows.extend(self.households.resume_rows())
        return rows

    def _chase(self, document: ThresholdDocument, session: Session) -> bool:
        try:
            info = follow_through(document, session, self.clock(), self.calendar)
        except (ValueError, KeyError):
            return False  # answers that no longer fit: the row already says so
        return info is not None and info.chase_now

    def pinned_document(self, doc_id: str, version: str, sha: str) -> ThresholdDocument | None:
        for entry in self.catalog.versions(doc_id):
            if entry.version == version and entry.sha256 == sha:
                return entry.document
        return self.store.kept_document(sha)

    def refresh_start(self) -> None:
        for screen in self.app.screen_stack:
            if isinstance(screen, StartScreen):
                screen.show_rows(self.resume_rows())

    # Saving -----------------------------------------------------------------------------

    def save(self, state: Walkthrough) -> bool:
        """Save now; a failure is shown, never swallowed, since the user relies on it.

        Returns whether it was saved. While saving fails, ``app.unsaved`` says why, so
        nothing (quitting, the crash message, the exit status) claims the session is saved.
        """
        self.app.current = state
        try:
            saved = self.store.save(state.session)
        except OSError as error:
            if not self.failing:  # once, not on every keystroke, until it works again
                self.app.notify(
                    _("Could not save the session to {folder}: {reason}. Your latest answers "
                      "are NOT saved. Keep this window open and free some space; saving is "
                      "retried on every change.").format(
                          folder=self.store.directory, reason=error.strerror or error),
                    title=_("Not saved"), severity="error", timeout=60,
                )
            self.failing = True
            self.app.unsaved = error.strerror or str(error)
            return False
        self.app.saved_path = saved.path
        self.app.unsaved = None
        if saved.copied_from is not None:
            self.app.notify(
                _("Another window or program changed session {old} while it was open here. "
                  "To keep both, your answers are now saved as a new session, {new}; the "
                  "other version is unchanged.").format(
                      old=saved.copied_from, new=saved.session_id),
                title=_("Saved as a copy"), severity="warning", timeout=30,
            )
        if self.failing:
            self.failing = False
            self.app.notify(_("Saved again: {path}").format(path=self.app.saved_path),
                            title=_("Saved"))
        return True

    def keep(self, document: ThresholdDocument, sha256: str) -> None:
        # The guidance folder still has it; the copy only helps if the folder changes later.
        with contextlib.suppress(OSError):
            self.store.keep_document(document, sha256)

    # Starting and resuming --------------------------------------------------------------

    def _created(self, session: Session, family_language: str | None = None) -> Session:
        """The new session saved under an id no file has (random: two app windows, or two
        browser tabs, starting in the same second must never share a file), in the
        interface's language, with the family's language when the practitioner gave it."""
        ids = session_ids(session.reference, session.created_at, unpredictable=True)
        session = session.model_copy(update={
            "session_id": next(ids), "language": interface_language(),
            "family_language": family_language,
        })
        try:
            return self.store.create(session, ids)
        except OSError:
            # The first save below says so; the walk can go on in memory meanwhile.
            return session

    def begin(self, message: StartScreen.Begin) -> None:
        if message.entry.document.decision is Decision.REGISTRATION:
            # A conference decides for each child: the household view, not one walk.
            self.households.begin(message.entry, message.reference, message.role)
            return
        now = self.clock()
        session = self._created(new_session(
            message.entry.document, message.entry.sha256, now=now,
            reference=message.reference, role=message.role, agency=message.agency,
        ), message.family_language)
        self.keep(message.entry.document, message.entry.sha256)
        self.open(Walkthrough(message.entry.document, message.entry.sha256, session))

    # Exercise mode ----------------------------------------------------------------------

    def library(self) -> ScenarioLibrary:
        """The shipped scenarios, loaded (and checked) the first time they are needed."""
        if self._library is None:
            self._library = ScenarioLibrary.load([shipped_scenarios()], self.catalog)
        return self._library

    def scenario_of(self, session: Session) -> Scenario | None:
        return None if session.scenario is None else self.library().get(session.scenario)

    def exercise(self, role: str, agency: str) -> None:
        self.app.push_screen(ExerciseScreen(self.library(), self.catalog, self.today(),
                                            role=role, agency=agency))

    def begin_exercise(self, message: ExerciseScreen.Begin) -> None:
        now = self.clock()
        # The scenario's own fictional reference: an exercise never holds a real case.
        reference = message.scenario.reference
        session = self._created(new_session(
            message.entry.document, message.entry.sha256, now=now, reference=reference,
            role=message.role, agency=message.agency, scenario=message.scenario.id,
        ))
        self.keep(message.entry.document, message.entry.sha256)
        self.app.pop_screen()  # the scenario picker; back from the walk goes to start
        self.open(Walkthrough(message.entry.document, message.entry.sha256, session))
        # The case first, before the first question; F7 brings it back on every question.
        language = session.language
        self.app.push_screen(InfoModal(render(message.scenario.title, language),
                                       render(message.scenario.vignette, language)))

    def resume(self, session_id: str) -> None:
        if session_id.startswith(HOUSEHOLD_KEY):
            self.households.resume(session_id)
            return
        try:
            session = self.store.load(session_id)
        except (SessionUnreadable, ValueError) as problem:
            self.app.notify(str(problem), title=_("Cannot resume"), severity="error")
            return
        check = check_pin(session, self.catalog, self.today(),
                          self.store.kept_document(session.guidance.sha256))
        pinned = check.pinned_document
        if not check.needs_decision and pinned is not None:
            self.keep(pinned, session.guidance.sha256)
            self._reopen(Walkthrough(pinned, session.guidance.sha256, session))
            return
        now = self.clock()
        moves = [
            Move(entry, upgrade_session(session, pinned, entry.document, entry.sha256, now))
            for entry in check.targets
        ]
        if pinned is None and not moves:
            self.app.notify(
                _("The guidance this session uses ({document} {version}) is not available. "
                  "The session is kept at {path}.").format(
                      document=session.guidance.id, version=session.guidance.version,
                      path=self.store.path_for(session.session_id)),
                title=_("Cannot resume"), severity="error", timeout=20,
            )
            return
        self.app.push_screen(ResumeModal(check, moves), partial(self._resume_chosen, session))

    def _resume_chosen(self, session: Session, choice: Move | str | None) -> None:
        ref = session.guidance
        if choice == PINNED:
            pinned = self.pinned_document(ref.id, ref.version, ref.sha256)
            if pinned is not None:
                self.keep(pinned, ref.sha256)
                self._reopen(Walkthrough(pinned, ref.sha256, session))
        elif isinstance(choice, Move):
            self.keep(choice.entry.document, choice.entry.sha256)
            state = Walkthrough(choice.entry.document, choice.entry.sha256, choice.upgrade.session)
            dropped = len(choice.upgrade.dropped)
            change = choice.upgrade.outcome_change(session.language)
            lines = [
                _("Moved to version {version}.").format(version=choice.entry.version),
                ngettext("{count} changed question needs answering again.",
                         "{count} changed questions need answering again.", dropped)
                if dropped else _("All answers were kept."),
            ]
            if change:
                lines.append(_("{change} This is recorded in the session's history.").format(
                    change=change))
            self.app.notify(
                " ".join(lines),
                title=_("Guidance updated"),
                severity="warning" if change else "information",
                timeout=30 if change else 5,
            )
            self._reopen(state)

    def _reopen(self, state: Walkthrough) -> None:
        """Open a resumed session, setting aside saved answers its document does not accept
        (they are asked again) rather than failing on them."""
        repair = repair_session(state.session, state.document, self.clock())
        if repair.notice is not None:
            self.app.notify(repair.notice, title=_("Some answers must be given again"),
                            severity="warning", timeout=30)
        self.open(Walkthrough(state.document, state.sha256, repair.session))

    def delete(self, session_id: str) -> None:
        if session_id.startswith(HOUSEHOLD_KEY):
            self.households.delete(session_id)
            return
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete(session_id)
                self.refresh_start()
                self.app.notify(_("Session deleted."))

        self.app.push_screen(ConfirmModal(
            _("Delete this session?"),
            _("The saved answers and notes of this session will be deleted from this "
              "computer. Exported summaries are not affected."),
            _("Delete"),
        ), confirmed)

    def about(self) -> None:
        self.app.push_screen(IntroModal())

    # Navigation -------------------------------------------------------------------------

    def open(self, state: Walkthrough) -> None:
        """Show a session where it stands: its question, or the summary if finished."""
        self.save(state)
        self.app.push_screen(self.screen_for(state, "question" if state.question else "summary"))
        self.tell_language(state)

    def tell_language(self, state: Walkthrough) -> None:
        """Say, once a run for each session, that its document lacks its language: the
        English shown instead must never pass for a translation."""
        language = state.session.language
        if language == DEFAULT_LANGUAGE or state.session.session_id in self._language_told:
            return
        self._language_told.add(state.session.session_id)
        texts, translated = language_coverage(state.document, language)
        document = f"{state.document.id} {state.document.version}"
        if translated == 0:
            text = _("This guidance ({document}) has no text in this session's language "
                     "({language}): everything from it is shown in English.")
        elif translated < texts:
            text = _("This guidance ({document}) has this session's language ({language}) "
                     "for {translated} of its {texts} texts; the rest is shown in English.")
        else:
            return
        self.app.notify(text.format(document=document, language=language,
                                    translated=translated, texts=texts),
                        title=_("Not translated"), severity="warning", timeout=20)

    def screen_for(self, state: Walkthrough, view: str) -> Screen[None]:
        scenario = self.scenario_of(state.session)
        if view == "question" and state.question is not None:
            vignette = (render(scenario.vignette, state.session.language)
                        if scenario is not None else None)
            return QuestionScreen(state, self.clock, vignette)
        if view == "comparison" and scenario is not None:
            return ComparisonScreen(state, scenario)
        if view == "voice":
            return VoiceScreen(state, self.clock)
        return SummaryScreen(state, self.clock, self.export_dir, self.calendar,
                             self.override_drafts)

    def navigate(self, message: Navigate) -> None:
        state = message.state
        if state is None and message.view == "start" and self.app.unsaved is not None:
            state = self.app.current  # closing: try once more to save what is on screen
        saved = self.save(state) if state is not None else True
        if message.view == "start" and not saved:
            # Closing the walk would hide answers that are only in memory: stay on it.
            self.app.notify(
                _("The session is not saved ({reason}), so it stays open. Free some space, "
                  "then change anything or press F10 again.").format(reason=self.app.unsaved),
                title=_("Not saved"), severity="error", timeout=30,
            )
            return
        if message.view == "start" or message.state is None:
            while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen,
                                                                    StartScreen):
                self.app.pop_screen()
            self.app.current = None
            self.refresh_start()
            return
        state = message.state
        view: str = message.view
        if view == "outcome":
            outcome = state.outcome
            has_prompts = bool(state.document.child_voice or state.document.strengths)
            # An emergency outcome is shown at once; the child's voice can wait for later.
            view = "voice" if has_prompts and outcome and not outcome.emergency else "summary"
            if state.session.scenario is not None:  # an exercise ends with its feedback
                view = "comparison"
        self.app.switch_screen(self.screen_for(state, view))
