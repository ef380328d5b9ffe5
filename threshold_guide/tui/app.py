"""The terminal app: screens show and collect; this class saves and decides what comes next."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from threshold_guide import __version__
from threshold_guide.exit_status import ExitStatus
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.paths import guidance_dirs
from threshold_guide.sessions import new_session, new_session_id
from threshold_guide.storage.atomic import write_atomic
from threshold_guide.storage.exports import default_export_dir
from threshold_guide.storage.preferences import (
    Preferences,
    load_preferences,
    save_preferences,
)
from threshold_guide.storage.session_store import (
    SessionStore,
    SessionUnreadable,
    StoredSession,
)
from threshold_guide.tui.messages import Clock, Navigate, SessionChanged
from threshold_guide.tui.screens.browser import BrowserScreen
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.help import HelpScreen, key_markdown, key_name, key_table
from threshold_guide.tui.screens.intro import IntroModal
from threshold_guide.tui.screens.question import QuestionScreen
from threshold_guide.tui.screens.resume import PINNED, Move, ResumeModal
from threshold_guide.tui.screens.review import ReviewScreen
from threshold_guide.tui.screens.start import ResumeRow, StartScreen
from threshold_guide.tui.screens.summary import SummaryScreen
from threshold_guide.tui.screens.voice import VoiceScreen
from threshold_guide.upgrade import check_pin, upgrade_session
from threshold_guide.walkthrough import Walkthrough, progress

DARK, LIGHT = "textual-dark", "textual-light"
HELP_SCREENS: list[type[Screen[Any]]] = [
    StartScreen, QuestionScreen, ReviewScreen, VoiceScreen, SummaryScreen, BrowserScreen,
]


def utc_now() -> dt.datetime:
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


class ThresholdApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "threshold-guide"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        guidance: list[Path] | None = None,
        *,
        clock: Clock = utc_now,
        store: SessionStore | None = None,
        catalog: Catalog | None = None,
        preferences_path: Path | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.guidance = guidance_dirs(guidance)
        self.clock = clock
        self.store = store or SessionStore()
        self._catalog = catalog
        self.preferences_path = preferences_path
        self.preferences = Preferences()
        self.export_dir = export_dir or default_export_dir()
        self.current: Walkthrough | None = None
        """The session on screen, as last saved."""
        self.saved_path: Path | None = None
        self.crash: BaseException | None = None
        self.crash_log: Path | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog.load(self.guidance)
        return self._catalog

    def today(self) -> dt.date:
        return self.clock().date()

    # Start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> StartScreen:
        rows = self.resume_rows()
        latest = next((r for r in self.store.listing() if isinstance(r, StoredSession)), None)
        return StartScreen(
            self.catalog, self.today(), rows,
            role=latest.session.role if latest else "",
            agency=latest.session.agency if latest else "",
        )

    def on_mount(self) -> None:
        self.preferences = load_preferences(self.preferences_path)
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if not self.preferences.intro_seen:
            self.push_screen(IntroModal(), self._intro_done)

    def _intro_done(self, _: bool | None) -> None:
        self._remember(self.preferences.but(intro_seen=True))

    def _remember(self, preferences: Preferences) -> None:
        self.preferences = preferences
        # A setting not kept is not worth interrupting the user for.
        with contextlib.suppress(OSError):
            save_preferences(preferences, self.preferences_path)

    def _theme_changed(self, _: object) -> None:
        self._remember(self.preferences.but(theme=self.theme))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections: list[tuple[str, Iterable[BindingType]]] = [
            (str(getattr(screen, "HELP_TITLE", "")), screen.BINDINGS) for screen in HELP_SCREENS
        ]
        sections.append(("Everywhere", [
            *self.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette"),
            Binding("tab", "focus_next", "Next field or list"),
        ]))
        self.push_screen(HelpScreen(key_markdown(key_table(sections, key_name))))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen, as well as Textual's own commands."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            if binding.action.startswith("pick(") or binding.action == "quit":
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.tooltip or binding.description,
                f"Key: {self.get_key_display(binding)}",
                partial(self._run_binding, active.node, binding.action),
            )

    async def _run_binding(self, node: DOMNode, action: str) -> None:
        await self.run_action(action, node)

    # Sessions ---------------------------------------------------------------------------

    def resume_rows(self) -> list[ResumeRow]:
        rows = []
        for item in self.store.listing():
            if isinstance(item, StoredSession):
                session = item.session
                ref = session.guidance
                document = self._pinned_document(ref.id, ref.version, ref.sha256)
                done = progress(document, session).describe() if document else (
                    f"{len(session.answers)} answer(s); guidance version not found"
                )
                rows.append(ResumeRow(
                    key=session.session_id, reference=session.reference,
                    document=f"{ref.id} {ref.version}", progress=done,
                    last_change=session.updated_at.astimezone(dt.UTC).strftime(
                        "%Y-%m-%d %H:%M UTC"),
                    readable=True, path=item.path,
                ))
            else:
                rows.append(ResumeRow(
                    key=item.path.name, reference=f"⚠ unreadable: {item.path.name}",
                    document="—", progress=item.reason, last_change="—", readable=False,
                    path=item.path,
                ))
        return rows

    def _pinned_document(self, doc_id: str, version: str, sha: str) -> ThresholdDocument | None:
        for entry in self.catalog.versions(doc_id):
            if entry.version == version and entry.sha256 == sha:
                return entry.document
        return self.store.kept_document(sha)

    def save(self, state: Walkthrough) -> None:
        """Save now; a failure is shown, never swallowed, since the user relies on it."""
        self.current = state
        try:
            self.saved_path = self.store.save(state.session)
        except OSError as error:
            self.notify(
                f"Could not save the session to {self.store.directory}: "
                f"{error.strerror or error}. Keep this window open.",
                title="Not saved", severity="error", timeout=30,
            )

    def on_session_changed(self, message: SessionChanged) -> None:
        self.save(message.state)

    def on_start_screen_begin(self, message: StartScreen.Begin) -> None:
        now = self.clock()
        session_id = new_session_id(message.reference, now)
        salt = 0
        while self.store.path_for(session_id).exists():
            salt += 1
            session_id = new_session_id(message.reference, now, salt=str(salt))
        session = new_session(
            message.entry.document, message.entry.sha256, now=now,
            reference=message.reference, role=message.role, agency=message.agency,
            session_id=session_id,
        )
        self._keep(message.entry.document, message.entry.sha256)
        self._open(Walkthrough(message.entry.document, message.entry.sha256, session))

    def _keep(self, document: ThresholdDocument, sha256: str) -> None:
        # The guidance folder still has it; the copy only helps if the folder changes later.
        with contextlib.suppress(OSError):
            self.store.keep_document(document, sha256)

    def on_start_screen_resume(self, message: StartScreen.Resume) -> None:
        try:
            session = self.store.load(message.session_id)
        except (SessionUnreadable, ValueError) as problem:
            self.notify(str(problem), title="Cannot resume", severity="error")
            return
        check = check_pin(session, self.catalog, self.today(),
                          self.store.kept_document(session.guidance.sha256))
        pinned = check.pinned_document
        if not check.needs_decision and pinned is not None:
            self._keep(pinned, session.guidance.sha256)
            self._open(Walkthrough(pinned, session.guidance.sha256, session))
            return
        now = self.clock()
        moves = [
            Move(entry, upgrade_session(session, pinned, entry.document, entry.sha256, now))
            for entry in check.targets
        ]
        if pinned is None and not moves:
            self.notify(
                f"The guidance this session uses ({session.guidance.id} "
                f"{session.guidance.version}) is not available. The session is kept at "
                f"{self.store.path_for(session.session_id)}.",
                title="Cannot resume", severity="error", timeout=20,
            )
            return
        self.push_screen(ResumeModal(check, moves), partial(self._resume_chosen, session))

    def _resume_chosen(self, session: Session, choice: Move | str | None) -> None:
        if choice == PINNED:
            kept = self._pinned_document(session.guidance.id, session.guidance.version,
                                         session.guidance.sha256)
            if kept is not None:
                self._keep(kept, session.guidance.sha256)
                self._open(Walkthrough(kept, session.guidance.sha256, session))
        elif isinstance(choice, Move):
            self._keep(choice.entry.document, choice.entry.sha256)
            state = Walkthrough(choice.entry.document, choice.entry.sha256, choice.upgrade.session)
            self.save(state)
            dropped = len(choice.upgrade.dropped)
            self.notify(
                f"Moved to version {choice.entry.version}. "
                + (f"{dropped} changed question(s) need answering again." if dropped else
                   "All answers were kept."),
                title="Guidance updated",
            )
            self._open(state)

    def on_start_screen_delete(self, message: StartScreen.Delete) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete(message.session_id)
                self._refresh_start()
                self.notify("Session deleted.")

        self.push_screen(ConfirmModal(
            "Delete this session?",
            "The saved answers and notes of this session will be deleted from this computer. "
            "Exported summaries are not affected.",
            "Delete",
        ), confirmed)

    def on_start_screen_about(self) -> None:
        self.push_screen(IntroModal())

    def _refresh_start(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.show_rows(self.resume_rows())

    # Navigation -------------------------------------------------------------------------

    def _open(self, state: Walkthrough) -> None:
        """Show a session where it stands: its question, or the summary if finished."""
        self.save(state)
        screen = self._screen_for(state, "question" if state.question else "summary")
        self.push_screen(screen)

    def _screen_for(self, state: Walkthrough, view: str) -> Screen[None]:
        if view == "question" and state.question is not None:
            return QuestionScreen(state, self.clock)
        if view == "voice":
            return VoiceScreen(state, self.clock)
        return SummaryScreen(state, self.clock, self.export_dir)

    def on_navigate(self, message: Navigate) -> None:
        if message.state is not None:
            self.save(message.state)
        if message.view == "start" or message.state is None:
            while len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
                self.pop_screen()
            self.current = None
            self._refresh_start()
            return
        state = message.state
        view: str = message.view
        if view == "outcome":
            outcome = state.outcome
            has_prompts = bool(state.document.child_voice or state.document.strengths)
            # An emergency outcome is shown at once; the child's voice can wait for later.
            view = "voice" if has_prompts and outcome and not outcome.emergency else "summary"
        self.switch_screen(self._screen_for(state, view))

    # Leaving and crashing ---------------------------------------------------------------

    def _flush_edits(self) -> None:
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_edits", None)
            if callable(flush):
                flush()

    async def action_quit(self) -> None:
        self._flush_edits()
        self.exit(0)

    def _handle_exception(self, error: Exception) -> None:
        # Record and save first: whatever happens next, the session must be on disk.
        self.crash = error
        if self.current is not None:
            # Already crashing: if this save fails too, the last autosave stands.
            with contextlib.suppress(Exception):
                self.saved_path = self.store.save(self.current.session)
        self.crash_log = write_crash_log(error, self.store.directory.parent, self.clock)
        super()._handle_exception(error)
        # Textual would print a traceback with local variables, which hold case details.
        self._exit_renderables.clear()

    def _fatal_error(self) -> None:
        self.bell()
        self._close_messages_no_wait()


def write_crash_log(error: BaseException, folder: Path, clock: Clock) -> Path | None:
    """Keep the details of a crash for a bug report, readable by the user only."""
    try:
        stamp = clock().strftime("%Y%m%d-%H%M%S")
    except Exception:
        stamp = "unknown-time"
    path = folder / f"crash-{stamp}.log"
    text = "".join(traceback.format_exception(error))
    try:
        write_atomic(path, f"threshold-guide {__version__}\n{text}", private=True)
    except OSError:
        return None
    return path


def crash_message(app: ThresholdApp) -> str:
    error = app.crash
    lines = [
        "threshold-guide stopped because of an internal error"
        + (f" ({type(error).__name__}: {error})." if error else "."),
    ]
    if app.saved_path is not None:
        lines.append(f"Your session is saved: {app.saved_path}")
        lines.append("Start threshold-guide again and resume it from the start screen.")
    else:
        lines.append("No session was open, so nothing typed was lost.")
    if app.crash_log is not None:
        lines.append(f"Details for a bug report: {app.crash_log}")
    lines.append("If a child is in immediate danger, call the police on 999 now.")
    return "\n".join(lines)


def run_app(
    guidance: list[Path] | None = None,
    *,
    app: ThresholdApp | None = None,
    headless: bool = False,
    auto_pilot: Callable[..., object] | None = None,
) -> int:
    """Run the app; on a crash print a clear message and the saved session's path."""
    app = app or ThresholdApp(guidance)
    try:
        app.run(headless=headless, auto_pilot=auto_pilot)  # type: ignore[arg-type]
    except Exception as error:
        app.crash = app.crash or error
        if app.crash_log is None:
            app.crash_log = write_crash_log(error, app.store.directory.parent, utc_now)
    if app.crash is not None:
        print(crash_message(app), file=sys.stderr)
        if os.environ.get("THRESHOLD_GUIDE_DEBUG") and app.crash_log is not None:
            print(app.crash_log.read_text(encoding="utf-8"), file=sys.stderr)
        return int(ExitStatus.INTERNAL)
    return int(app.return_code or 0)


__all__ = ["Entry", "ThresholdApp", "crash_message", "run_app", "utc_now"]
