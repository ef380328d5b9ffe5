"""Write files so that a crash at any moment leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    ``private`` makes the file readable and writable by the user only (0600): sessions and
    summaries hold sensitive case information. A folder this call creates is made 0700 too;
    an existing folder keeps its permissions, since it is the user's to choose.

    A target that exists but is not a regular file (``/dev/null``, ``/dev/stdout``, a named
    pipe) is written to in place: renaming over it would replace the device with a file.
    """
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    created = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    if private and created:
        with contextlib.suppress(OSError):
            path.parent.chmod(0o700)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if private:
            os.fchmod(fd, 0o600)
        else:
            os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise
