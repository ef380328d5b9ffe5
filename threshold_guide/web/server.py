"""Serve the terminal app to web browsers, for training rooms.

Each browser tab gets its own app process (textual-serve's ``AppService``) shown in the
page over a websocket, and its own data folder. Only the page itself, opened with the
run's token, may connect (:mod:`threshold_guide.web.gate`). textual-serve and aiohttp are
an optional dependency (``pip install 'threshold-guide[web]'``), imported only when serving.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from threshold_guide.web.gate import Gate
from threshold_guide.web.participants import Participants

INSTALL_HINT = "pip install 'threshold-guide[web]'"
TITLE = "threshold-guide"
PARTICIPANT_APP = "threshold_guide.web.participant_app"
"""The module each tab's app process runs (see its docstring)."""


class WebExtraMissing(Exception):
    """textual-serve is not installed."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    public_url: str | None = None
    """Where browsers reach the server, when that is not ``http://host:port``."""

    @property
    def url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        # An IPv6 literal needs brackets in a URL.
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def loopback(self) -> bool:
        """Whether only this computer can connect."""
        if self.host.lower() in ("localhost", "localhost."):
            return True
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_loopback
        except ValueError:
            return False

    @property
    def wildcard(self) -> bool:
        """Whether the host means "every network interface", which no browser can open."""
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_unspecified
        except ValueError:
            return self.host == ""


    @property
    def names(self) -> frozenset[str]:
        """Host names the server answers to (see :meth:`Gate.host_refusal`)."""
        names = {"localhost", self.host.strip("[]").rstrip(".").lower()}
        with contextlib.suppress(ValueError):
            if hostname := urlsplit(self.url).hostname:
                names.add(hostname.rstrip(".").lower())
        return frozenset(names)

    @property
    def ports(self) -> frozenset[int]:
        ports = {self.port}
        with contextlib.suppress(ValueError):
            parts = urlsplit(self.url)
            ports.add(parts.port or (443 if parts.scheme == "https" else 80))
        return frozenset(ports)


@dataclass(frozen=True)
class Room:
    """One run of ``serve``: where it listens, its token, and where each tab's folder goes."""

    address: Address
    token: str
    participants: Path
    """Each browser tab's data folder is made in here, named by a random participant id."""
    guidance: tuple[Path, ...] | None = None
    language: str | None = None
    """``serve --lang``: the language every tab's app starts in (None: each tab's own
    remembered choice)."""

    @property
    def link(self) -> str:
        """The address to open: the page with this run's token."""
        return f"{self.address.url}/?token={self.token}"

    def gate(self) -> Gate:
        scheme = "https" if self.address.url.startswith("https:") else "http"
        return Gate(self.token, self.address.names, self.address.ports, scheme)


def app_command(guidance: Sequence[Path] | None, data: Path, language: str | None = None) -> str:
    """The shell command for one tab's app: this interpreter, this guidance, its own folder,
    and ``serve``'s --lang if one was given."""
    words = [sys.executable, "-m", PARTICIPANT_APP, "--data", str(data.resolve())]
    for folder in guidance or []:
        # Absolute, so the app finds the folder whatever its working directory.
        words += ["--guidance", str(folder.resolve())]
    if language is not None:
        words += ["--lang", language]
    return subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)


def serve(room: Room) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). Raises OSError if the port is taken."""
    try:
        from threshold_guide.web.routes import State, run
    except ImportError:
        raise WebExtraMissing from None
    state = State(
        gate=room.gate(), participants=Participants(room.participants), title=TITLE,
        app_command=lambda data: app_command(room.guidance, data, room.language),
    )
    run(state, room.address.host, room.address.port)
