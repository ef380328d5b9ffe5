"""Serve the terminal app to web browsers with textual-serve.

textual-serve starts one app process per browser tab and shows it in the page over a
websocket, so each participant walks their own session. It is an optional dependency
(``pip install 'threshold-guide[web]'``) and is imported only when serving.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "pip install 'threshold-guide[web]'"
TITLE = "threshold-guide"


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


def app_command(guidance: Sequence[Path] | None) -> str:
    """The shell command textual-serve runs for each browser: this app, this interpreter."""
    words = [sys.executable, "-m", "threshold_guide"]
    for folder in guidance or []:
        # Absolute, so the app finds the folder whatever its working directory.
        words += ["--guidance", str(folder.resolve())]
    return subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)


def serve(address: Address, guidance: Sequence[Path] | None) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). Raises OSError if the port is taken."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise WebExtraMissing from None
    server = Server(app_command(guidance), host=address.host, port=address.port, title=TITLE,
                    public_url=address.url)
    server.serve()
