"""Read a file with a cap, refusing anything that is not a regular file.

The size a file reports is never trusted: devices report 0 and /dev/zero never ends, and a
file can grow while it is read. The file is opened without blocking (a FIFO with no writer
would otherwise wait forever), checked to be a regular file on the open descriptor (no race
with a rename), and read in chunks until the cap is passed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from threshold_guide.loading import limits
from threshold_guide.loading.positions import Position
from threshold_guide.loading.problems import YamlProblem

_CHUNK = 1 << 20
_START = Position(1, 1)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`YamlProblem` (E100 not a regular file, E103 over the limit) or OSError.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise YamlProblem(
                "E100",
                f"this is {_kind(mode)}, not a file threshold-guide can read",
                _START,
                "name a .yaml or .json file saved on disk",
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:
                raise YamlProblem(
                    "E103",
                    f"the file is larger than {limits.megabytes(limit)}, the most "
                    "threshold-guide reads",
                    _START,
                    "split the document or check that this is the file you meant",
                )
            chunks.append(chunk)
    finally:
        os.close(descriptor)


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped). Raises :class:`YamlProblem` (E107)."""
    if b"\x00" in raw[:8192]:
        raise YamlProblem(
            "E107",
            "the file is binary, not YAML text",
            _START,
            "point the tool at a .yaml or .json text file",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(
            "E107",
            f"the file is not valid UTF-8 text (byte {error.start})",
            Position(line, 1),
            "save the file as UTF-8",
        ) from None


def read_text(path: Path, limit: int | None = None) -> str:
    """Read a UTF-8 text file within the size limit. Raises :class:`YamlProblem` or OSError."""
    return decode_text(read_capped(path, limits.MAX_FILE_BYTES if limit is None else limit))
