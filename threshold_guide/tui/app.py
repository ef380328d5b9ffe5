"""The terminal app: screens show and collect; the app saves and decides what comes next.

Start-up is ordered for the user: the first frame (with the 999 line) is painted before
the core and the guidance are loaded, in a worker thread, by :mod:`threshold_guide.tui.flow`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from threshold_guide import __version__
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import N_, _, interface_language, set_interface_language
from threshold_guide.i18n.languages import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, language_name
from threshold_guide.paths import data_dir, guidance_dirs
from threshold_guide.storage.atomic import remove_leftovers, write_atomic
from threshold_guide.storage.preferences import (
    Preferences,
    load_preferences,
    save_preferences,
)
from threshold_guide.tui.bindings import translate_bindings, translated
from threshold_guide.tui.messages import (
    Clock,
    HouseholdChanged,
    Navigate,
    SessionChanged,
    WalkLeft,
)
from threshold_guide.tui.screens.help import HelpScreen, key_markdown, key_name, key_table
from threshold_guide.tui.screens.intro import IntroModal
from threshold_guide.tui.screens.loading import LoadingScreen

if TYPE_CHECKING:
    from threshold_guide.loading.catalog import Catalog
    from threshold_guide.session.walkthrough import Walkthrough
    from threshold_guide.storage.session_store import SessionStore
    from threshold_guide.tui.flow import SessionFlow
    from threshold_guide.tui.screens.exercise import ExerciseScreen
    from threshold_guide.tui.screens.household import HouseholdScreen
    from threshold_guide.tui.screens.start import StartScreen

DARK, LIGHT = "textual-dark", "textual-light"

TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
"""The words of Textual's own palette commands, so the palette speaks one language."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


class ThresholdApp(App[int]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "follow_up.tcss", "household.tcss"]
    TITLE = "threshold-guide"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help")),
        Binding("ctrl+t", "toggle_theme", N_("Light/dark theme"), show=False),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True),
        Binding("f9", "switch_language", N_("English/Cymraeg"), show=False,
                tooltip=N_("Switch the app between English and Welsh")),
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
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.guidance = guidance_dirs(guidance)
        self.clock = clock
        self.store = store
        self._catalog = catalog
        self.preferences_path = preferences_path
        # Read now, not on mount: the first screen must compose in the chosen language.
        self.preferences = load_preferences(preferences_path)
        set_interface_language(language or self.preferences.language or DEFAULT_LANGUAGE)
        translate_bindings(self)
        self.export_dir = export_dir or data_dir() / "exports"
        self.flow: SessionFlow | None = None
        """Sessions and navigation, once the guidance has loaded."""
        self.current: Walkthrough | None = None
        """The session on screen, as last saved."""
        self.saved_path: Path | None = None
        self.unsaved: str | None = None
        """Why the last save failed, while it keeps failing; None when all is saved."""
        self._quit_unsaved = False
        self._save_pending = False
        self.crash: BaseException | None = None
        self.crash_log: Path | None = None

    @property
    def catalog(self) -> Catalog:
        return self._flow().catalog

    def _flow(self) -> SessionFlow:
        if self.flow is None:
            raise RuntimeError("the guidance has not loaded yet")
        return self.flow

    # Start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return LoadingScreen()

    def on_mount(self) -> None:
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # Load only once the first frame is on screen: the 999 line must not wait.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load, thread=True, name="load guidance", exit_on_error=True)

    def _load(self) -> None:
        """In a worker thread: import the core and read the guidance and the sessions."""
        from threshold_guide.loading.catalog import Catalog
        from threshold_guide.storage.session_store import SessionStore
        from threshold_guide.tui.flow import SessionFlow

        catalog = self._catalog if self._catalog is not None else Catalog.load(self.guidance)
        store = self.store if self.store is not None else SessionStore()
        # Private folders, and no temp file of case data left by a killed run; a folder
        # that cannot be made is reported by the first save instead.
        with contextlib.suppress(OSError):
            store.prepare()
        remove_leftovers(self.export_dir)
        flow = SessionFlow(self, catalog, store, self.clock, self.export_dir)
        self.call_from_thread(self.call_later, self._loaded, flow)

    async def _loaded(self, flow: SessionFlow) -> None:
        self.flow = flow
        self.store = flow.store
        # Pushed over the loading screen rather than switched for it: the stack must never
        # be empty. Waiting for it lets the first-run note go on top of a finished screen.
        await self.push_screen(flow.start_screen())
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

    # Language ---------------------------------------------------------------------------

    def action_switch_language(self, language: str = "") -> None:
        """Switch to ``language``; without one, to the other of English and Welsh."""
        if not language:
            language = next(code for code in INTERFACE_LANGUAGES if code != interface_language())
        self.switch_language(language)

    def switch_language(self, language: str) -> None:
        """Speak ``language`` from now on, remember it, and rebuild what is on screen."""
        if language not in INTERFACE_LANGUAGES:
            return
        if self.flow is not None:
            self._flush_edits()
            if self.unsaved is not None:
                # Rebuilding closes the walk, which would hide answers only in memory.
                self.notify(_("The session is not saved ({reason}), so the language stays "
                              "as it is. Free some space, then try again.").format(
                                  reason=self.unsaved),
                            title=_("Not saved"), severity="error", timeout=30)
                return
        set_interface_language(language)
        self._remember(self.preferences.but(language=language))
        translate_bindings(self)
        if self.flow is not None:
            # Screens made before the change hold words in the old language: start afresh.
            self.flow.rebuild()
        self.notify(_("The app now speaks {language}.").format(
            language=language_name(language)))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        from threshold_guide.tui.screens.browser import BrowserScreen
        from threshold_guide.tui.screens.child_details import ChildDetailsScreen
        from threshold_guide.tui.screens.comparison import ComparisonScreen
        from threshold_guide.tui.screens.exercise import ExerciseScreen
        from threshold_guide.tui.screens.explanation import ExplanationScreen
        from threshold_guide.tui.screens.follow_up import FollowUpScreen
        from threshold_guide.tui.screens.household import HouseholdScreen
        from threshold_guide.tui.screens.papers import PapersScreen
        from threshold_guide.tui.screens.question import QuestionScreen
        from threshold_guide.tui.screens.review import ReviewScreen
        from threshold_guide.tui.screens.start import StartScreen
        from threshold_guide.tui.screens.summary import SummaryScreen
        from threshold_guide.tui.screens.voice import VoiceScreen

        screens: list[type[Screen[Any]]] = [
            StartScreen, QuestionScreen, ReviewScreen, VoiceScreen, SummaryScreen,
            ExplanationScreen, FollowUpScreen, ExerciseScreen, ComparisonScreen, BrowserScreen,
            HouseholdScreen, ChildDetailsScreen, PapersScreen,
        ]
        sections: list[tuple[str, Iterable[BindingType]]] = [
            (_(str(getattr(screen, "HELP_TITLE", ""))), screen.BINDINGS) for screen in screens
        ]
        sections.append((_("Everywhere"), [
            *self.BINDINGS, Binding("ctrl+p", "command_palette", N_("Command palette")),
            Binding("tab", "focus_next", N_("Next field or list")),
        ]))
        self.push_screen(HelpScreen(key_markdown(key_table(sections, key_name))))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen, as well as Textual's own commands."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        seen = set()
        for active in screen.active_bindings.values():
            binding = translated(active.binding)
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            if not isinstance(active.node, Screen | App):
                continue  # a text box's editing keys are not commands
            if binding.action.startswith("pick(") or binding.action == "quit":
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.tooltip or binding.description,
                _("Key: {key}").format(key=self.get_key_display(binding)),
                partial(self._run_binding, active.node, binding.action),
            )

    async def _run_binding(self, node: DOMNode, action: str) -> None:
        await self.run_action(action, node)

    # Messages from the screens ----------------------------------------------------------

    def on_session_changed(self, message: SessionChanged) -> None:
        # Saved just after the next frame, so the screen answers the key first; changes
        # made before then are saved together, as the latest state.
        self.current = message.state
        if not self._save_pending:
            self._save_pending = True
            self.call_after_refresh(self._save_current)

    def _save_current(self) -> None:
        self._save_pending = False
        if self.current is not None:
            self._flow().save(self.current)

    def on_navigate(self, message: Navigate) -> None:
        self._flow().navigate(message)

    def on_household_changed(self, message: HouseholdChanged) -> None:
        self._flow().households.changed(message.household)

    def on_walk_left(self, message: WalkLeft) -> None:
        self._flow().households.walk_left(message)

    def on_household_screen_walk(self, message: HouseholdScreen.Walk) -> None:
        self._flow().households.walk(message.child)

    def on_start_screen_begin(self, message: StartScreen.Begin) -> None:
        self._flow().begin(message)

    def on_start_screen_resume(self, message: StartScreen.Resume) -> None:
        self._flow().resume(message.session_id)

    def on_start_screen_delete(self, message: StartScreen.Delete) -> None:
        self._flow().delete(message.session_id)

    def on_start_screen_about(self) -> None:
        self._flow().about()

    def on_start_screen_exercise(self, message: StartScreen.Exercise) -> None:
        self._flow().exercise(message.role, message.agency)

    def on_exercise_screen_begin(self, message: ExerciseScreen.Begin) -> None:
        self._flow().begin_exercise(message)

    # Leaving and crashing ---------------------------------------------------------------

    def _flush_edits(self) -> None:
        """Take what is typed on every screen into the session and save it now."""
        for screen in self.screen_stack:
            household = getattr(screen, "flush_household", None)
            if callable(household) and self.flow is not None:
                self.flow.households.changed(household())
                continue
            flush = getattr(screen, "flush_edits", None)
            state = flush() if callable(flush) else None
            if state is not None:
                self.current = state
        if self.current is not None and self.flow is not None:
            self._save_pending = False
            self.flow.save(self.current)

    def on_unmount(self) -> None:
        # However the app ends, a save waiting for the next frame is written now.
        if self._save_pending:
            self._save_current()

    async def action_quit(self) -> None:
        self._flush_edits()
        if self.unsaved is None:
            self.exit(0)
            return
        if not self._quit_unsaved:
            # Never close silently on work that is not on disk: say so, and ask again.
            self._quit_unsaved = True
            self.notify(_("The session is NOT saved ({reason}). Free some space and change "
                          "anything to retry, or press Ctrl+Q again to quit without "
                          "saving.").format(reason=self.unsaved),
                        title=_("Not saved"), severity="error", timeout=60)
            return
        self.exit(int(ExitStatus.ERROR))

    def _handle_exception(self, error: Exception) -> None:
        # Record and save first: whatever happens next, the session must be on disk.
        self.crash = error
        if self.current is not None and self.store is not None:
            # Already crashing: if this save fails too, the last autosave stands.
            with contextlib.suppress(Exception):
                self.saved_path = self.store.save(self.current.session).path
                self.unsaved = None
        self.crash_log = write_crash_log(error, data_dir(), self.clock)
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
        _("threshold-guide stopped because of an internal error ({error}).").format(
            error=f"{type(error).__name__}: {error}")
        if error else _("threshold-guide stopped because of an internal error."),
    ]
    if app.unsaved is not None:
        lines.append(_("Your latest answers could not be saved ({reason}).").format(
            reason=app.unsaved))
        if app.saved_path is not None:
            lines.append(_("What was saved before is in {path}").format(path=app.saved_path))
    elif app.saved_path is not None:
        lines.append(_("Your session is saved: {path}").format(path=app.saved_path))
        lines.append(_("Start threshold-guide again and resume it from the start screen."))
    else:
        lines.append(_("No session was open, so nothing typed was lost."))
    if app.crash_log is not None:
        lines.append(_("Details for a bug report: {path}").format(path=app.crash_log))
    lines.append(_("If a child is in immediate danger, call the police on 999 now."))
    return "\n".join(lines)


def run_app(
    guidance: list[Path] | None = None,
    *,
    app: ThresholdApp | None = None,
    headless: bool = False,
    auto_pilot: Callable[..., Any] | None = None,
    language: str | None = None,
) -> int:
    """Run the app; on a crash print a clear message and the saved session's path.

    ``language`` (from ``--lang``) wins over the language remembered from the last run."""
    app = app or ThresholdApp(guidance, language=language)
    try:
        app.run(headless=headless, auto_pilot=auto_pilot)
    except Exception as error:
        app.crash = app.crash or error
        if app.crash_log is None:
            app.crash_log = write_crash_log(error, data_dir(), utc_now)
    if app.crash is not None:
        print(crash_message(app), file=sys.stderr)
        if os.environ.get("THRESHOLD_GUIDE_DEBUG") and app.crash_log is not None:
            print(app.crash_log.read_text(encoding="utf-8"), file=sys.stderr)
        return int(ExitStatus.INTERNAL)
    if app.unsaved is not None:
        print(_("threshold-guide: error: the session could not be saved ({reason}); the "
                "answers given since the last save were not kept.").format(
                    reason=app.unsaved), file=sys.stderr)
        return int(ExitStatus.ERROR)
    return int(app.return_code or 0)
