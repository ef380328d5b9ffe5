"""Each browser tab's own data folder, so participants never see each other's sessions.

The page hands every tab a random participant id the first time it is opened (the id
stays in the tab's address, so reloading or pressing Restart comes back to the same
folder). The app that tab runs keeps its sessions, preferences and exports in
``<root>/<participant id>/``, made readable by the server's user only. The trainer finds
every participant's sessions under ``<root>`` afterwards.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from pathlib import Path

ID_BYTES = 12
"""Random bytes in a participant id (24 hex characters): not guessable by other tabs."""
_ID = re.compile(rf"^[0-9a-f]{{{ID_BYTES * 2}}}$")


def make_private_folder(path: Path) -> Path:
    """Create ``path`` and any missing parents 0700, whatever the umask. Returns ``path``.

    Folders that already exist keep their permissions: they are the user's to choose.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
            # mkdir's mode is filtered by the umask; chmod is not.
            folder.chmod(0o700)
    return path


class Participants:
    """The participant ids this run handed out, and their folders under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._issued: set[str] = set()

    def issue(self) -> str:
        participant = secrets.token_hex(ID_BYTES)
        self._issued.add(participant)
        return participant

    def known(self, participant: str | None) -> bool:
        """Whether this run issued ``participant``.

        Only issued ids are served, so a tab cannot name a folder of its choosing (another
        participant's from an earlier run, or a path).
        """
        return participant is not None and bool(_ID.match(participant)) and (
            participant in self._issued)

    def folder(self, participant: str) -> Path:
        """The participant's data folder, created 0700 the first time."""
        if not self.known(participant):
            raise ValueError(f"{participant!r} is not a participant of this run")
        return make_private_folder(self.root / participant)
