"""Saved sessions on disk: autosave, list, load and delete, never losing what was typed.

Each session is one JSON file, ``<session_id>.json``, in the sessions folder
(:func:`~threshold_guide.paths.sessions_dir`), written atomically and readable by the user
only (0600). Beside them, ``documents/`` keeps a copy of every document version a session
was pinned to, named by its content hash, so a session can always be continued under the
exact version it started with, even after the guidance folder has changed.

Listing is tolerant: a file that cannot be read or parsed is listed as unreadable with the
reason, and never stops the others from being offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.i18n.catalogue import _
from threshold_guide.loading import limits
from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.reading import read_capped
from threshold_guide.loading.yaml_source import YamlProblem, refuse_too_many_json_values
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import HistoryEvent, Session
from threshold_guide.paths import sessions_dir
from threshold_guide.storage.atomic import (
    private_folder,
    remove_leftovers,
    write_atomic,
    write_new,
)
from threshold_guide.summary.json_output import render_json

SUFFIX = ".json"
MAX_SESSION_BYTES = limits.MAX_SESSION_BYTES
"""Far beyond any real session; a bigger file is not read, so a stray file cannot stall the app."""
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class SessionUnreadable(Exception):
    """A session file that cannot be used. ``str()`` is a message for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class StoredSession:
    """A session file that loaded."""

    path: Path
    session: Session

    @property
    def session_id(self) -> str:
        return self.session.session_id

    @property
    def updated_at(self) -> dt.datetime:
        return self.session.updated_at


@dataclass(frozen=True)
class UnreadableSession:
    """A file in the sessions folder that is not a usable session, and why."""

    path: Path
    reason: str


Listed = StoredSession | UnreadableSession


@dataclass(frozen=True)
class Saved:
    """Where a save went."""

    path: Path
    session_id: str
    """The id the session was saved under: a new one when it was saved as a copy."""
    copied_from: str | None = None
    """Set on the save that found another program had changed the session: the id of that
    session, which was left as the other program wrote it."""


class SessionStore:
    """The sessions folder. Pass a folder in tests; the default is the user data folder.

    Two programs may hold the same session: two app windows or browser tabs resuming it,
    or the app and plain mode. A lock file held while open is the obvious guard, but a
    killed process leaves it behind and every later start must then guess whether it is
    stale. Instead each store remembers the exact bytes it last read or wrote for every
    session (their sha256), and a save first compares them with the file on disk, under an
    advisory lock (``flock``) on the folder that the kernel releases when a process dies,
    so nothing is ever stale. If the file changed, another program saved it: this save
    goes to a new copy with its own id (recorded in its history) instead of overwriting,
    and :attr:`Saved.copied_from` tells the caller, which tells the user. Later saves of
    the same session from this store go to the copy. Nothing either program typed is lost.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self._default = directory is None
        self.directory = directory if directory is not None else sessions_dir()
        self._seen: dict[str, str] = {}
        """Session id -> sha256 of the file as this store last read or wrote it."""
        self._copies: dict[str, tuple[str, HistoryEvent]] = {}
        """Session id -> the copy its changes now go to, and the history event saying why."""

    @property
    def documents_dir(self) -> Path:
        return self.directory / "documents"

    def prepare(self) -> list[Path]:
        """At start: make the folders private (0700, also if they existed) and remove the
        temp files a killed writer left behind. Returns the temp files removed.

        Raises OSError when the folders cannot be created.
        """
        if self._default:
            private_folder(self.directory.parent, tighten=True)
        private_folder(self.directory, tighten=True)
        removed = remove_leftovers(self.directory)
        if self.documents_dir.is_dir():
            private_folder(self.documents_dir, tighten=True)
            removed += remove_leftovers(self.documents_dir)
        return removed

    def path_for(self, session_id: str) -> Path:
        # Ids come from files on disk too; refusing anything path-like keeps every read and
        # delete inside the sessions folder.
        if not _SAFE_ID.match(session_id):
            raise ValueError(f"{session_id!r} is not a valid session id")
        return self.directory / f"{session_id}{SUFFIX}"

    def create(self, session: Session, other_ids: Iterable[str] = ()) -> Session:
        """Save a new session under an id no file has, and return it as saved.

        Its own id is tried first, then each of ``other_ids``: the file is created
        exclusively, so two programs starting a session in the same second with the same
        reference never share a file. Raises OSError (a full disk, no folder), or
        FileExistsError when every id offered is taken.
        """
        for session_id in (session.session_id, *other_ids):
            candidate = session.model_copy(update={"session_id": session_id})
            text = render_json(candidate)
            try:
                write_new(self.path_for(session_id), text)
            except FileExistsError:
                continue
            self._seen[session_id] = _digest(text.encode("utf-8"))
            return candidate
        raise FileExistsError(f"every session id offered is taken in {self.directory}")

    def save(self, session: Session) -> Saved:
        """Write the session atomically (0600), unless another program changed its file.

        See the class docstring: a session changed elsewhere is saved as a copy instead.
        Raises OSError when it cannot be written (a full disk): the file on disk is then as
        it was.
        """
        moved = self._copies.get(session.session_id)
        if moved is not None:
            copy_id, event = moved
            session = session.model_copy(update={
                "session_id": copy_id, "history": [*session.history, event]})
        path = self.path_for(session.session_id)
        private_folder(self.directory)
        with _folder_lock(self.directory):
            try:
                on_disk: str | None = _digest(path.read_bytes())
            except FileNotFoundError:
                on_disk = None
            text = render_json(session)
            if on_disk is None:
                # New, or deleted elsewhere: writing it (back) overwrites nothing. Another
                # program creating it meanwhile (without this lock) makes the link fail.
                try:
                    write_new(path, text)
                except FileExistsError:
                    return self._save_copy(session)
            elif on_disk == self._seen.get(session.session_id):
                write_atomic(path, text, private=True)
            else:
                return self._save_copy(session)
        self._seen[session.session_id] = _digest(text.encode("utf-8"))
        return Saved(path, session.session_id)

    def _save_copy(self, session: Session) -> Saved:
        original = session.session_id
        event = HistoryEvent(at=session.updated_at, event=(
            f"Saved as a copy of session {original}: another program changed that session "
            "while this one had it open, so neither overwrote the other."))
        copied = session.model_copy(update={"history": [*session.history, event]})
        base = original[:47]
        ids = (f"{base}-copy-{secrets.token_hex(4)}" for _ in range(100))
        saved = self.create(copied.model_copy(update={"session_id": next(ids)}), ids)
        self._copies[original] = (saved.session_id, event)
        return Saved(self.path_for(saved.session_id), saved.session_id, copied_from=original)

    def saved_as(self, session_id: str) -> str:
        """The id this store now saves ``session_id``'s changes under (a copy's, after a
        conflict with another program)."""
        moved = self._copies.get(session_id)
        return moved[0] if moved is not None else session_id

    def load(self, session_id: str) -> Session:
        return self._read(self.path_for(session_id), remember=True)

    def delete(self, session_id: str) -> None:
        """Remove a saved session. Already gone is not an error."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(session_id).unlink()
        self._seen.pop(session_id, None)

    def listing(self) -> list[Listed]:
        """Every session file, newest change first; unreadable ones last, by name."""
        if not self.directory.is_dir():
            return []
        good: list[StoredSession] = []
        bad: list[UnreadableSession] = []
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            if path.name.startswith("."):
                continue  # an interrupted atomic write, never a session
            try:
                good.append(StoredSession(path, self._read(path)))
            except SessionUnreadable as problem:
                bad.append(UnreadableSession(path, problem.reason))
        good.sort(key=lambda item: (item.updated_at, item.session_id), reverse=True)
        return [*good, *bad]

    def _read(self, path: Path, *, remember: bool = False) -> Session:
        try:
            raw = read_capped(path, MAX_SESSION_BYTES)
            refuse_too_many_json_values(raw.decode("utf-8", "replace"))  # before pydantic parses it
        except YamlProblem as problem:
            raise SessionUnreadable(path, problem.message) from None
        except FileNotFoundError:
            raise SessionUnreadable(path, _("the file no longer exists")) from None
        except OSError as error:
            raise SessionUnreadable(path, _("cannot read it: {reason}").format(
                reason=error.strerror or error)) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise SessionUnreadable(path, _("it is not a text file (not UTF-8)")) from None
        if not text.strip():
            raise SessionUnreadable(path, _("the file is empty"))
        try:
            session = Session.model_validate_json(text)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the file"
            kind = _("it is not valid JSON") if first["type"] == "json_invalid" else (
                f"{where}: {first['msg']}"
            )
            raise SessionUnreadable(path, _("not a threshold-guide session ({problem})").format(
                problem=kind)) from None
        if f"{session.session_id}{SUFFIX}" != path.name:
            raise SessionUnreadable(
                path, _("the file name does not match the session id '{session}'").format(
                    session=session.session_id)
            )
        if remember:
            self._seen[session.session_id] = _digest(raw)
        return session

    # Document copies -------------------------------------------------------------------

    def document_path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"{sha256!r} is not a sha256 hex digest")
        return self.documents_dir / f"{sha256}{SUFFIX}"

    def keep_document(self, document: ThresholdDocument, sha256: str) -> Path:
        """Keep a copy of a document version a session is pinned to (once per hash)."""
        path = self.document_path(sha256)
        if not path.exists():
            write_atomic(path, document.model_dump_json() + "\n", private=True)
        return path

    def kept_document(self, sha256: str) -> ThresholdDocument | None:
        """The kept copy of a document version, or None if missing or not what it claims."""
        try:
            path = self.document_path(sha256)
            document = ThresholdDocument.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValidationError, ValueError):
            return None
        # A copy whose content no longer hashes to its name is not the pinned version.
        return document if content_hash(document) == sha256 else None


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` while comparing and writing.

    ``flock`` locks are released by the kernel when the process ends, however it ends.
    Where ``fcntl`` is missing (Windows) the comparison still runs, without the lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
