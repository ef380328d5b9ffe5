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

from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.i18n.languages import DEFAULT_LANGUAGE, is_interface_language
from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.models.text import render
from threshold_guide.plain.choices import typed_number
from threshold_guide.plain.dialogue import Command, Dialogue, command
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
    language: str = DEFAULT_LANGUAGE
    """The practitioner's language (``--lang``), recorded on a new session."""


def begin(store: SessionStore, entry: Entry, context: Context, now: dt.datetime) -> Walkthrough:
    """A new session on ``entry``, saved at once under an id no saved session has.

    Raises OSError when it cannot be saved.
    """
    ids = session_ids(context.reference, now)
    session = new_session(entry.document, entry.sha256, now=now, reference=context.reference,
                          role=context.role, agency=context.agency, session_id=next(ids))
    if context.language != session.language and is_interface_language(context.language):
        # Recorded so that a resumed walk, the summary and the papers speak it too.
        session = session.model_copy(update={"language": context.language})
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
        dialogue.say(_("Note: {notice}").format(notice=repair.notice))
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
            _("the guidance this session uses ({id} {version}) is not available; the session "
              "is kept at {path}").format(id=ref.id, version=ref.version,
                                          path=store.path_for(session.session_id)))
    language = session.language
    dialogue.say(_("The guidance has changed since this session was started."),
                 *check.explain())
    options: list[tuple[Entry | None, Upgrade | None]] = []
    if pinned is not None:
        options.append((None, None))
        dialogue.say(_("{number}. Continue under {version} as started: the answers stay "
                       "exactly as given.").format(number=len(options), version=ref.version))
    for entry, upgrade in moves:
        options.append((entry, upgrade))
        kept = ngettext("keeps {count} answer to unchanged questions",
                        "keeps {count} answers to unchanged questions", len(upgrade.kept))
        move = (_("{number}. Move to the changed {version}: {kept}")
                if entry.version == ref.version
                else _("{number}. Move to the newer version {version}: {kept}")).format(
            number=len(options), version=entry.version, kept=kept)
        if upgrade.dropped:
            move += "; " + ngettext("{count} changed question to answer again",
                                    "{count} changed questions to answer again",
                                    len(upgrade.dropped))
        dialogue.say(move + ".")
        change = upgrade.outcome_change(language)
        if change is not None:
            dialogue.say("   " + change)
    last = len(options)
    while True:
        line = dialogue.ask(_("How to go on, 1, or q to stop: ") if last == 1 else
                            _("How to go on, 1 to {last}, or q to stop: ").format(last=last))
        if command(line, frozenset({Command.QUIT})) is not None:
            raise ResumeDeclined
        number = typed_number(line)
        if number is not None and 1 <= number <= last:
            break
        dialogue.say(
            _("Type 1, or q to stop without changing the session.") if last == 1 else
            _("Type a number from 1 to {last}, or q to stop without changing the session.")
            .format(last=last))
    target, moved = options[number - 1]
    if target is None or moved is None:
        assert pinned is not None
        keep(store, pinned, ref.sha256)
        return Walkthrough(pinned, ref.sha256, session)
    keep(store, target.document, target.sha256)
    dialogue.say(_("Moved to version {version}.").format(version=target.version))
    change = moved.outcome_change(language)
    if change is not None:
        dialogue.say(_("{change} This is recorded in the session's history.").format(
            change=change))
    return Walkthrough(target.document, target.sha256, moved.session)


def introduce(dialogue: Dialogue, state: Walkthrough, saved_to: str, resume_command: str,
              *, resumed: bool, language: str | None = None) -> None:
    """The lines before the first question: the 999 line first, then what is being walked.

    The document's own words come in ``language`` (None: the session's language), the
    tool's in the interface language.
    """
    document = state.document
    session = state.session
    language = language or session.language
    dialogue.say(_(IMMEDIATE_DANGER))
    dialogue.gap()
    dialogue.say(_("Guidance: {title}, version {version}, in effect from {date}. Decision: "
                   "{decision}.").format(
        title=render(document.title, language), version=document.version,
        date=document.effective_from.isoformat(),
        decision=_(DECISION_NAMES[document.decision])))
    dialogue.say(_("This tool supports professional judgement and does not replace it."))
    if session.reference:
        dialogue.say(_("Case reference: {reference}.").format(reference=session.reference))
        warning = reference_warning(session.reference)
        if warning:
            dialogue.say(_("Warning: {warning}").format(warning=warning))
    else:
        dialogue.say(_("No case reference was given (use --reference; never the child's "
                       "name)."))
    if resumed:
        done = progress(document, session).describe(language)
        dialogue.say(_("Resuming session {session} ({progress}).").format(
            session=session.session_id, progress=done))
    dialogue.say(_("Every answer is saved at once to {path}. To stop, type q; to continue "
                   "later, run: {command}").format(path=saved_to, command=resume_command))
    dialogue.say(_("At each question type the number of your answer and press Enter."))
