"""Who may use the served app: its own page, opened with this run's token.

Pure rules over a request's headers, so they are tested without a server. A browser sends
``Origin`` with every websocket handshake and with scripted cross-origin requests, and
``Sec-Fetch-Site``/``Sec-Fetch-Dest`` with every request; a page on another site (or on
another port of this computer) cannot forge them. The token in the printed link is the
second lock: a page elsewhere cannot read it, and it keeps out anyone on the network who
was not given the link.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from threshold_guide.i18n.catalogue import _

TOKEN_BYTES = 24
"""Random bytes in a run's token (32 URL-safe characters)."""

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def new_token() -> str:
    """A fresh secret for one run of ``serve``."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def tokens_match(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response times tell nothing about the token."""
    if given is None:
        return False
    # Bytes: compare_digest refuses str with characters outside ASCII.
    return secrets.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def _host_port(text: str, scheme: str) -> tuple[str, int] | None:
    """``(name, port)`` of a Host header or an origin; None if it is not one."""
    try:
        parts = urlsplit(text if "://" in text else f"//{text}")
        port = parts.port
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".")
    if not name:
        return None
    return name, port if port is not None else DEFAULT_PORTS.get(scheme, 80)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Gate:
    """The rules for one run: its token, and the names and ports it answers to."""

    token: str
    names: frozenset[str]
    """Host names (lower case) the server answers to besides IP addresses."""
    ports: frozenset[int]
    scheme: str = "http"
    """How browsers reach the server (``https`` behind a proxy that adds TLS)."""

    def host_refusal(self, host: str | None) -> str | None:
        """Why a request's ``Host`` is refused, or None.

        Only names the server was told about are answered: a site that points its own
        name at this computer (DNS rebinding) would otherwise count as the page's origin.
        An IP address cannot be re-pointed that way, so any is accepted.
        """
        where = _host_port(host or "", self.scheme)
        if where is None:
            return _("the request names no host")
        name, port = where
        if port not in self.ports or not (_is_ip(name.strip("[]")) or name in self.names):
            return _("this server does not answer to {host}; open the link it printed, or "
                     "start it with --public-url naming the address browsers use").format(
                         host=repr(host))
        return None

    def same_origin(self, origin: str | None, host: str | None) -> bool:
        """Whether ``origin`` is the page the request came to: same name, same port."""
        if not origin or origin == "null" or not host:
            return False
        scheme = origin.split("://", 1)[0].lower()
        if scheme not in ("http", "https"):
            return False
        mine = _host_port(host, scheme)
        return mine is not None and _host_port(origin, scheme) == mine

    def page_refusal(self, headers: Mapping[str, str], token: str | None) -> str | None:
        """Why a request for the page is refused, or None to serve it."""
        refusal = self.host_refusal(headers.get("Host"))
        if refusal:
            return refusal
        origin = headers.get("Origin")
        if origin is not None and not self.same_origin(origin, headers.get("Host")):
            return _("the page is served only to itself, not to scripts of other sites")
        site = headers.get("Sec-Fetch-Site", "").lower()
        destination = headers.get("Sec-Fetch-Dest", "document").lower()
        # A link followed from elsewhere is fine (it needs the token); another site's
        # script or frame fetching the page is not.
        if site in ("cross-site", "same-site") and destination != "document":
            return _("the page is served only as a page of its own, not inside another site")
        if not tokens_match(token, self.token):
            return _("this address needs the link 'threshold-guide serve' printed, with its "
                     "token; ask the trainer for it")
        return None

    def socket_refusal(self, headers: Mapping[str, str], token: str | None) -> str | None:
        """Why a websocket handshake is refused, or None to start an app for it.

        Every browser sends ``Origin`` on a websocket handshake, so its absence means a
        program that is not the page: refused too.
        """
        refusal = self.host_refusal(headers.get("Host"))
        if refusal:
            return refusal
        if not self.same_origin(headers.get("Origin"), headers.get("Host")):
            return _("the app accepts connections only from its own page")
        if not tokens_match(token, self.token):
            return _("the connection does not carry this run's token")
        return None
