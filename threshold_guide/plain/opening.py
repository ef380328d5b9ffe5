"""How a plain-mode walk opens: a new session or a saved one, and the first lines said.

Starting and resuming follow the terminal app (:mod:`threshold_guide.tui.flow`): a new
session id never overwrites a saved one, the pinned document version is kept beside the
sessions, and a session whose guidance has changed is continued under its pinned version
or moved to the newer one only when the user says which.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.models.text import render
from threshold_guide.plain.choices import typed_number
from threshold_guide.plain.dialogue import Command, Dialogue, command
from threshold_guide.plural import counted
from threshold_guide.session.creation import new_session, session_ids
from threshold_guide.session.upgrade import Upgrade, check_pin, repair_session, upgrade_session
from threshold_guide.session.walkthrough import Walkthrough, progress, reference_warning
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.summary.build import DECISION_NAMES, IMMEDIATE_DANGER


class NotResumable(Exception):
    """The saved session cannot be continued here. ``str()`` is the message for the user."""


class ResumeDeclined(Exception):
    """Asked whether to move to another guidance version, the user typed q."""


@dataclass(frozen=True)
class Context:
    """Who is walking, as given on the command line; never the child's name."""

    reference: str = ""
    role: str = ""
    agency: str = ""


def begin(store: SessionStore, entry: Entry, context: Context, now: dt.datetime) -> Walkthrough:
    """A new session on ``entry``, saved at once under an id no saved session has.

    Raises OSError when it cannot be saved.
    """
    ids = session_ids(context.reference, now)
    session = new_session(entry.document, entry.sha256, now=now, reference=context.reference,
                          role=context.role, agency=context.agency, session_id=next(ids))
    session = store.create(session, ids)
    keep(store, entry.document, entry.sha256)
    return Walkthrough(entry.document, entry.sha256, session)


def keep(store: SessionStore, document: ThresholdDocument, sha256: str) -> None:
    # The guidance folder still has it; the copy only helps if the folder changes later.
    with contextlib.suppress(OSError):
        store.keep_document(document, sha256)


def resume(store: SessionStore, session: Session, catalog: Catalog, dialogue: Dialogue,
           now: dt.datetime) -> Walkthrough:
    """Open a saved session under its pinned version, or another one if the user chooses.

    Saved answers the version does not accept are set aside to be asked again, and the
    user is told. Raises :class:`NotResumable` when no version of its document can be
    found, and :class:`ResumeDeclined` when the user types q at the choice.
    """
    state = _chosen(store, session, catalog, dialogue, now)
    repair = repair_session(state.session, state.document, now)
    if repair.notice is not None:
        dialogue.say("Note: " + repair.notice)
    return Walkthrough(state.document, state.sha256, repair.session)


def _chosen(store: SessionStore, session: Session, catalog: Catalog, dialogue: Dialogue,
            now: dt.datetime) -> Walkthrough:
    ref = session.guidance
    check = check_pin(session, catalog, now.date(), store.kept_document(ref.sha256))
    pinned = check.pinned_document
    if not check.needs_decision and pinned is not None:
        keep(store, pinned, ref.sha256)
        return Walkthrough(pinned, ref.sha256, session)
    moves = [(entry, upgrade_session(session, pinned, entry.document, entry.sha256, now))
             for entry in check.targets]
    if pinned is None and not moves:
        raise NotResumable(
            f"the guidance this session uses ({ref.id} {ref.version}) is not available; the "
            f"session is kept at {store.path_for(session.session_id)}"
        )
    dialogue.say("The guidance has changed since this session was started.", *check.explain())
    options: list[tuple[Entry | None, Upgrade | None]] = []
    if pinned is not None:
        options.append((None, None))
        dialogue.say(f"{len(options)}. Continue under {ref.version} as started: the answers "
                     "stay exactly as given.")
    for entry, upgrade in moves:
        options.append((entry, upgrade))
        kind = "the changed" if entry.version == ref.version else "the newer version"
        again = (f"; {counted(len(upgrade.dropped), 'changed question')} to answer again"
                 if upgrade.dropped else "")
        dialogue.say(f"{len(options)}. Move to {kind} {entry.version}: keeps "
                     f"{counted(len(upgrade.kept), 'answer')} to unchanged questions{again}.")
        change = upgrade.outcome_change()
        if change is not None:
            dialogue.say("   " + change)
    span = "1" if len(options) == 1 else f"1 to {len(options)}"
    while True:
        line = dialogue.ask(f"How to go on, {span}, or q to stop: ")
        if command(line, frozenset({Command.QUIT})) is not None:
            raise ResumeDeclined
        number = typed_number(line)
        if number is not None and 1 <= number <= len(options):
            break
        dialogue.say(f"Type a number from {span}, or q to stop without changing the session.")
    target, moved = options[number - 1]
    if target is None or moved is None:
        assert pinned is not None
        keep(store, pinned, ref.sha256)
        return Walkthrough(pinned, ref.sha256, session)
    keep(store, target.document, target.sha256)
    dialogue.say(f"Moved to version {target.version}.")
    change = moved.outcome_change()
    if change is not None:
        dialogue.say(change + " This is recorded in the session's history.")
    return Walkthrough(target.document, target.sha256, moved.session)


def introduce(dialogue: Dialogue, state: Walkthrough, saved_to: str, resume_command: str,
              *, resumed: bool) -> None:
    """The lines before the first question: the 999 line first, then what is being walked."""
    document = state.document
    session = state.session
    dialogue.say(IMMEDIATE_DANGER)
    dialogue.gap()
    dialogue.say(
        f"Guidance: {render(document.title)}, version {document.version}, in effect from "
        f"{document.effective_from.isoformat()}. Decision: {DECISION_NAMES[document.decision]}."
    )
    dialogue.say("This tool supports professional judgement and does not replace it.")
    if session.reference:
        dialogue.say(f"Case reference: {session.reference}.")
        warning = reference_warning(session.reference)
        if warning:
            dialogue.say("Warning: " + warning)
    else:
        dialogue.say("No case reference was given (use --reference; never the child's name).")
    if resumed:
        done = progress(document, session).describe()
        dialogue.say(f"Resuming session {session.session_id} ({done}).")
    dialogue.say(f"Every answer is saved at once to {saved_to}. To stop, type q; to continue "
                 f"later, run: {resume_command}")
    dialogue.say("At each question type the number of your answer and press Enter.")
