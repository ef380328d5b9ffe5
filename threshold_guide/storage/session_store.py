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
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from threshold_guide.loading import limits
from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.reading import read_capped
from threshold_guide.loading.yaml_source import YamlProblem, refuse_too_many_json_values
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.paths import sessions_dir
from threshold_guide.storage.atomic import write_atomic
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


class SessionStore:
    """The sessions folder. Pass a folder in tests; the default is the user data folder."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else sessions_dir()

    @property
    def documents_dir(self) -> Path:
        return self.directory / "documents"

    def path_for(self, session_id: str) -> Path:
        # Ids come from files on disk too; refusing anything path-like keeps every read and
        # delete inside the sessions folder.
        if not _SAFE_ID.match(session_id):
            raise ValueError(f"{session_id!r} is not a valid session id")
        return self.directory / f"{session_id}{SUFFIX}"

    def save(self, session: Session) -> Path:
        """Write the session atomically (0600) and return its path."""
        path = self.path_for(session.session_id)
        write_atomic(path, render_json(session), private=True)
        return path

    def load(self, session_id: str) -> Session:
        return self._read(self.path_for(session_id))

    def delete(self, session_id: str) -> None:
        """Remove a saved session. Already gone is not an error."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(session_id).unlink()

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

    def _read(self, path: Path) -> Session:
        try:
            raw = read_capped(path, MAX_SESSION_BYTES)
            refuse_too_many_json_values(raw.decode("utf-8", "replace"))  # before pydantic parses it
        except YamlProblem as problem:
            raise SessionUnreadable(path, problem.message) from None
        except FileNotFoundError:
            raise SessionUnreadable(path, "the file no longer exists") from None
        except OSError as error:
            raise SessionUnreadable(path, f"cannot read it: {error.strerror or error}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise SessionUnreadable(path, "it is not a text file (not UTF-8)") from None
        if not text.strip():
            raise SessionUnreadable(path, "the file is empty")
        try:
            session = Session.model_validate_json(text)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the file"
            kind = "it is not valid JSON" if first["type"] == "json_invalid" else (
                f"{where}: {first['msg']}"
            )
            raise SessionUnreadable(path, f"not a threshold-guide session ({kind})") from None
        if f"{session.session_id}{SUFFIX}" != path.name:
            raise SessionUnreadable(
                path, f"the file name does not match the session id '{session.session_id}'"
            )
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
