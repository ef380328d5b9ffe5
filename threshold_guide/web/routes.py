"""The web server of ``serve``: the page, its websocket, and textual-serve's static files.

textual-serve's own ``Server`` answers anyone: no origin check, no token, one shared data
folder. Rather than patch it, this module builds the small aiohttp application itself and
reuses textual-serve's public parts: ``AppService`` (one app process per connection, the
terminal protocol) and its bundled script, stylesheet and fonts. The page template is ours
(``templates/index.html``) and follows the contract textual.js reads: a
``.textual-terminal`` element with ``data-session-websocket-url`` and ``data-font-size``,
and ``["stdin"|"resize"|"ping"|"focus"|"blur", ...]`` messages on the websocket. That
contract is not a documented API, hence the pinned textual-serve range in pyproject.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from threshold_guide.i18n.catalogue import _, interface_language
from threshold_guide.web.gate import Gate
from threshold_guide.web.page import font_size, render_page, security_headers
from threshold_guide.web.participants import Participants

log = logging.getLogger("threshold_guide.web")

STATIC = Path(textual_serve.__file__).resolve().parent / "static"
"""textual-serve's bundled xterm.js page script, stylesheet and Roboto Mono fonts."""
MAX_CELLS = 1000
"""Largest terminal width or height a browser may ask for."""

AppCommand = Callable[[Path], str]
"""The shell command that runs the app with a given participant's data folder."""


@dataclass
class State:
    """What the server needs for one run."""

    gate: Gate
    participants: Participants
    app_command: AppCommand
    title: str
    sockets: set[web.WebSocketResponse] = field(default_factory=set)
    downloads: DownloadManager = field(default_factory=DownloadManager)


STATE = web.AppKey("state", State)


def _refuse(reason: str) -> web.Response:
    return web.Response(status=403, text=_("Refused: {reason}").format(reason=reason) + "\n",
                        headers=security_headers())


@web.middleware
async def _guard_every_request(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    # Static files too: a foreign host name is refused everywhere (see Gate.host_refusal).
    refusal = request.app[STATE].gate.host_refusal(request.headers.get("Host"))
    if refusal:
        return _refuse(refusal)
    response = await handler(request)
    if not response.prepared:
        for name, value in security_headers().items():
            response.headers.setdefault(name, value)
    return response


async def page(request: web.Request) -> web.StreamResponse:
    """The page, for the token's holder; a first visit gets its participant id first."""
    state = request.app[STATE]
    refusal = state.gate.page_refusal(request.headers, request.query.get("token"))
    if refusal:
        return _refuse(refusal)
    participant = request.query.get("participant")
    if not state.participants.known(participant):
        # Each new tab gets its own id in its address; reloading keeps it. A relative
        # address, so a proxy serving the page under a path keeps working.
        query = request.rel_url.update_query(participant=state.participants.issue()).query
        raise web.HTTPSeeOther(f"?{urlencode(list(query.items()))}",
                               headers={**security_headers(), "Cache-Control": "no-store"})
    assert participant is not None
    nonce = secrets.token_urlsafe(16)
    body = render_page(
        title=state.title, static="static/", nonce=nonce,
        socket_path=f"ws/{state.gate.token}/{participant}",
        size=font_size(request.query.get("fontsize")), language=interface_language(),
    )
    return web.Response(text=body, content_type="text/html", headers=security_headers(nonce))


async def socket(request: web.Request) -> web.StreamResponse:
    """The app for one tab: started on connect, in the tab's own data folder."""
    state = request.app[STATE]
    refusal = state.gate.socket_refusal(request.headers, request.match_info["token"])
    if refusal is None and not state.participants.known(request.match_info["participant"]):
        refusal = _("open the page again from the link the trainer gave")
    if refusal:
        log.warning("refused a websocket connection: %s", refusal)
        return _refuse(refusal)
    try:
        folder = state.participants.folder(request.match_info["participant"])
    except OSError as problem:
        log.error("cannot make a participant's data folder: %s", problem)
        return web.Response(status=500,
                            text=_("The server cannot save this tab's sessions.") + "\n",
                            headers=security_headers())
    websocket = web.WebSocketResponse(heartbeat=15)
    await websocket.prepare(request)
    state.sockets.add(websocket)

    async def close() -> None:
        await websocket.close()

    service = AppService(
        state.app_command(folder), write_bytes=websocket.send_bytes,
        write_str=websocket.send_str, close=close, download_manager=state.downloads,
    )
    try:
        await service.start(_cells(request.query.get("width"), 80),
                            _cells(request.query.get("height"), 24))
        await _relay(websocket, service)
    finally:
        state.sockets.discard(websocket)
        with contextlib.suppress(Exception):
            await service.stop()
    return websocket


def _cells(text: Any, default: int) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        return default
    return min(max(value, 1), MAX_CELLS)


async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
    """Pass the browser's messages to the app. Anything malformed is ignored."""
    async for message in websocket:
        if message.type is not WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(_cells(data.get("width"), 80),
                                            _cells(data.get("height"), 24))
        elif kind == "ping" and isinstance(data, str):
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


async def _close_sockets(app: web.Application) -> None:
    # Closing each websocket ends its handler, which stops its app process.
    for websocket in list(app[STATE].sockets):
        with contextlib.suppress(Exception):
            await websocket.close(code=1001, message=b"server stopping")


def build_app(state: State) -> web.Application:
    app = web.Application(middlewares=[_guard_every_request])
    app[STATE] = state
    app.add_routes([
        web.get("/", page),
        web.get("/ws/{token}/{participant}", socket),
        web.static("/static", STATIC, show_index=False),
    ])
    app.on_shutdown.append(_close_sockets)
    return app


def run(state: State, host: str, port: int) -> None:
    """Serve until Ctrl+C or SIGTERM. Raises OSError if the address cannot be used."""
    web.run_app(build_app(state), host=host, port=port, print=None, access_log=None,
                shutdown_timeout=10)
