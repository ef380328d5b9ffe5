"""Household cases in the app: where a conference's walk goes, and saving its file.

Started from the start screen when the chosen document decides on registration. The
household view lists the children; each walk (the household's questions once, then each
child's) is the ordinary question screen on a session built from the household, and every
change comes back as a :class:`HouseholdChanged` message, saved at once (atomically, 0600)
to the household file in the ``households`` folder beside the sessions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from threshold_guide.household.editing import walk_session
from threshold_guide.household.walk import Pinned, household_pending
from threshold_guide.i18n.catalogue import _, interface_language, ngettext
from threshold_guide.models.household import ChildCase, Household
from threshold_guide.models.session import GuidanceRef
from threshold_guide.session.walkthrough import Walkthrough
from threshold_guide.storage.household_file import (
    HouseholdFileError,
    create_household,
    new_household_id,
    read_household,
    write_household,
)
from threshold_guide.tui.messages import WalkLeft
from threshold_guide.tui.screens.child_details import ChildDetailsScreen
from threshold_guide.tui.screens.confirm import ConfirmModal
from threshold_guide.tui.screens.household import HouseholdScreen
from threshold_guide.tui.screens.household_question import HouseholdQuestionScreen
from threshold_guide.tui.screens.start import StartScreen
from threshold_guide.tui.widgets.session_list import ResumeRow

if TYPE_CHECKING:
    from threshold_guide.loading.catalog import Entry
    from threshold_guide.tui.host import SessionHost

KEY_PREFIX = "household:"
"""Resume-list keys of household cases, apart from session ids."""


class HouseholdFlow:
    def __init__(self, sessions: SessionHost, folder: Path) -> None:
        self.sessions = sessions
        self.app = sessions.app
        self.folder = folder
        self.pinned: Pinned | None = None
        self.household: Household | None = None
        """The household on screen, as last saved."""
        self.failing = False

    def path(self, household: Household) -> Path:
        return self.folder / f"{household.household_id}.json"

    # Starting and resuming --------------------------------------------------------------

    def begin(self, entry: Entry, reference: str, role: str) -> None:
        now = self.sessions.clock()
        household = Household(
            household_id=new_household_id(reference, now), reference=reference, chair=role,
            guidance=GuidanceRef(id=entry.document.id, version=entry.document.version,
                                 sha256=entry.sha256),
            children=[ChildCase(child="Child A")], created_at=now, updated_at=now,
        )
        # The id comes from the time; the file is created exclusively, so two windows
        # starting in the same second take the next id instead of sharing a file.
        try:
            household = create_household(self.folder, household)
        except OSError as error:
            self.app.notify(_("Could not start the household case in {folder}: {problem}. "
                              "Nothing was saved.").format(
                                  folder=self.folder, problem=error.strerror or error),
                            title=_("Not saved"), severity="error", timeout=60)
            return
        self.sessions.keep(entry.document, entry.sha256)
        self.open(Pinned(entry.document, entry.sha256), household, save=False)

    def open(self, pinned: Pinned, household: Household, *, save: bool = True) -> None:
        self.pinned = pinned
        self.household = household
        if save:
            self.save(household)
        else:
            self.app.saved_path = self.path(household)
        self.app.push_screen(HouseholdScreen(pinned, household, self.sessions.export_dir,
                                             self.sessions.clock))

    def resume(self, key: str) -> None:
        path = self.folder / f"{key.removeprefix(KEY_PREFIX)}.json"
        try:
            household = read_household(path)
        except HouseholdFileError as problem:
            self.app.notify(str(problem), title=_("Cannot resume"), severity="error")
            return
        ref = household.guidance
        document = (self.sessions.pinned_document(ref.id, ref.version, ref.sha256)
                    if ref is not None else None)
        if ref is None or document is None:
            self.app.notify(_("The guidance this household uses is not available. The case is "
                              "kept at {path}.").format(path=path), title=_("Cannot resume"),
                            severity="error")
            return
        self.open(Pinned(document, ref.sha256), household)

    def delete(self, key: str) -> None:
        path = self.folder / f"{key.removeprefix(KEY_PREFIX)}.json"

        def confirmed(yes: bool | None) -> None:
            if yes:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                self.sessions.refresh_start()
                self.app.notify(_("Household case deleted."))

        self.app.push_screen(ConfirmModal(
            _("Delete this household case?"),
            _("Every child's answers, voice, agency views and plan in this case will be "
              "deleted from this computer. Exported papers are not affected."), _("Delete")),
            confirmed)

    def resume_rows(self) -> list[ResumeRow]:
        rows = []
        paths = sorted(self.folder.glob("hh-*.json"), reverse=True) if self.folder.is_dir() else []
        for path in paths:
            try:
                household = read_household(path)
            except HouseholdFileError:
                rows.append(ResumeRow(key=KEY_PREFIX + path.stem,
                                      reference=_("⚠ unreadable: {file}").format(
                                          file=path.name), document="—",
                                      progress=_("not a household file this version reads"),
                                      last_change="—", readable=False, path=path))
                continue
            ref = household.guidance
            changed = household.updated_at or household.created_at
            rows.append(ResumeRow(
                key=KEY_PREFIX + path.stem,
                reference=household.reference,
                document=f"{ref.id} {ref.version}" if ref is not None else "—",
                progress=ngettext("household · {count} child", "household · {count} children",
                                  len(household.children)),
                last_change=changed.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
                if changed is not None else "—",
                readable=True, path=path,
            ))
        return rows

    # Saving -----------------------------------------------------------------------------

    def save(self, household: Household) -> bool:
        """Save now (atomically, 0600); a failure is shown and retried on the next change."""
        household = household.model_copy(update={"updated_at": self.sessions.clock()})
        self.household = household
        try:
            write_household(self.path(household), household)
        except OSError as error:
            if not self.failing:
                self.app.notify(_("Could not save the household case to {folder}: {problem}. "
                                  "Your latest changes are NOT saved.").format(
                                      folder=self.folder, problem=error.strerror or error),
                                title=_("Not saved"), severity="error", timeout=60)
            self.failing = True
            self.app.unsaved = error.strerror or str(error)
            return False
        if self.failing:
            self.failing = False
            self.app.notify(_("Saved again."), title=_("Saved"))
        self.app.unsaved = None
        self.app.saved_path = self.path(household)
        return True

    def changed(self, household: Household) -> None:
        self.save(household)
        view = self._view()
        if view is not None and view is not self.app.screen:
            view.household = household

    def _view(self) -> HouseholdScreen | None:
        return next((s for s in self.app.screen_stack if isinstance(s, HouseholdScreen)), None)

    # Walking ----------------------------------------------------------------------------

    def walk(self, child: str | None) -> None:
        pinned, household = self.pinned, self.household
        if pinned is None or household is None:
            return
        if child is not None and household_pending(pinned.document, household) is not None:
            self.app.notify(_("First the questions for the whole household: each child's walk "
                              "starts from them."), title=_("Household questions first"))
            child = None
        case = household.child_case(child) if child is not None else None
        session = walk_session(pinned, household, case, self.sessions.clock(),
                               interface_language())
        state = Walkthrough(pinned.document, pinned.sha256, session)
        if child is None and (state.question is None or not self._household_question(state)):
            self.app.notify(_("The household questions are answered. Choose a child and press "
                              "Enter to walk their questions."))
            return
        self.app.push_screen(HouseholdQuestionScreen(state, self.sessions.clock, household,
                                                     child))

    @staticmethod
    def _household_question(state: Walkthrough) -> bool:
        from threshold_guide.models.document import Scope

        return state.question is not None and state.question.scope is Scope.HOUSEHOLD

    def walk_left(self, message: WalkLeft) -> None:
        while len(self.app.screen_stack) > 1 and not isinstance(
                self.app.screen, HouseholdScreen | StartScreen):
            self.app.pop_screen()
        view = self._view()
        if view is None or self.household is None:
            return
        view.household = self.household
        if not message.finished:
            return
        if message.child is None:
            first = self.household.children[0].child
            self.app.notify(_("The household questions are answered. Now each child: {child} "
                              "first (Enter on a child walks their questions).").format(
                                  child=first))
        else:
            self.details(message.child)

    def details(self, child: str) -> None:
        if self.household is None or self.pinned is None:
            return
        self.app.push_screen(ChildDetailsScreen(self.pinned, self.household, child))
