"""Write files so that a crash at any moment leaves the old file or the new one, never half.

Every temporary file is named ``.<name>.<host>-<pid>.<random>.tmp``: the host and process
that write it are in its name, so :func:`remove_leftovers` can tell the temp file of a
writer that was killed (safe to delete: it was never renamed into place) from one that
another process on this computer is writing right now (never touched).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import socket
import stat
import tempfile
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
TEMP_SUFFIX = ".tmp"
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
_TEMP_NAME = re.compile(r"^\..+\.(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)\.[^.]+\.tmp$")
_LEGACY_AGE = dt.timedelta(days=1)
"""Temp files of another naming (earlier versions, other hosts) older than this are left over."""


def private_folder(folder: Path, *, tighten: bool = False) -> Path:
    """Make sure ``folder`` exists, creating every missing folder on the way 0700.

    ``mkdir(mode=...)`` is filtered by the umask (0777 under umask 000), so each folder
    created is chmod-ed afterwards. With ``tighten`` an existing folder that belongs to this
    user is made 0700 too: the data and sessions folders hold case references in file
    names. A folder someone else owns is left as it is (chmod would fail anyway).
    """
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir(mode=PRIVATE_FOLDER)
        created.chmod(PRIVATE_FOLDER)
    if tighten and not missing:
        info = folder.stat()
        owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if owned and stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
            with contextlib.suppress(OSError):
                folder.chmod(stat.S_IMODE(info.st_mode) & ~0o077 | PRIVATE_FOLDER)
    return folder


def _temp_file(path: Path) -> tuple[int, Path]:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{_HOST}-{os.getpid()}.",
                                suffix=TEMP_SUFFIX, dir=path.parent)
    return fd, Path(name)


def _fill(fd: int, text: str, mode: int) -> None:
    os.fchmod(fd, mode)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    ``private`` makes the file readable and writable by the user only (0600): sessions and
    summaries hold sensitive case information. Folders this call creates are made 0700 too,
    whatever the umask; an existing folder keeps its permissions, since it is the user's to
    choose.

    A target that exists but is not a regular file (``/dev/null``, ``/dev/stdout``, a named
    pipe) is written to in place: renaming over it would replace the device with a file.
    Raises OSError (a full disk, a read-only folder): the old file is then untouched.
    """
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    if private:
        private_folder(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = _temp_file(path)
    try:
        _fill(fd, text, PRIVATE_FILE if private else 0o644)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    # The folder is not fsync-ed: autosave runs on the app's event loop after every batch
    # of keys, and a folder fsync on a busy disk is a visible pause. The rename is atomic
    # either way; only a power cut just after it could bring back the previous version.


def write_new(path: Path, text: str) -> None:
    """Create ``path`` (0600) with ``text``, only if no file of that name exists yet.

    Raises FileExistsError when it does, whoever made it and however recently: the file is
    written whole to a temp file and then hard-linked into place, and a link never replaces
    an existing name, so two processes choosing the same name cannot both succeed and a
    reader never sees half a file. Where links are not supported, an exclusive create
    (O_EXCL) is the fallback.
    """
    private_folder(path.parent)
    fd, temp = _temp_file(path)
    try:
        _fill(fd, text, PRIVATE_FILE)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:
            _write_exclusive(path, text)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _write_exclusive(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        _fill(fd, text, PRIVATE_FILE)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _writer_gone(match: re.Match[str], path: Path) -> bool:
    if match["host"] != _HOST:
        return _old(path)  # another computer's process: only its age can tell
    pid = int(match["pid"])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, but another user's
    return False


def _old(path: Path) -> bool:
    try:
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    except OSError:
        return False
    return dt.datetime.now(tz=dt.UTC) - changed > _LEGACY_AGE


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temp files left in ``folder`` by a writer that was killed mid-write.

    They hold case data that was never renamed into place. A temp file whose writer is
    still running on this computer is left alone, so one process starting never breaks
    another's save; one from another computer (a shared folder) or of an older naming is
    removed only when it is more than a day old. Returns the files removed.
    """
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir()
                      if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return removed
    for path in candidates:
        match = _TEMP_NAME.match(path.name)
        gone = _writer_gone(match, path) if match is not None else _old(path)
        if gone and path.is_file():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed
