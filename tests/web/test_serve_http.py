"""The serve web server in this process, with a stand-in app: refusals and per-tab folders.

The stand-in speaks textual-serve's app protocol (a ready line, then framed packets) and
reports the data folder it was started with, so these tests need no browser and no
Textual. The real app in a real browser is tests/web/test_serve_browser.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed: "
                    "pip install -e '.[test]' (or '.[web]')")

import aiohttp
from aiohttp.test_utils import TestClient, TestServer

from threshold_guide.web import routes
from threshold_guide.web.participants import Participants
from threshold_guide.web.server import Address, Room

TOKEN = "token-for-this-test-run"

STAND_IN = r"""
import json, os, sys
out = sys.stdout.buffer
def packet(kind, payload):
    out.write(kind + len(payload).to_bytes(4, "big") + payload)
    out.flush()
out.write(b"__GANGLION__\n")
packet(b"D", ("pid %d; data folder: %s" % (os.getpid(), sys.argv[1])).encode())
stdin = sys.stdin.buffer
while True:
    head = stdin.read(5)
    if len(head) < 5:
        break
    payload = stdin.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"M" and json.loads(payload).get("type") == "quit":
        break
    packet(b"D", b"got " + head[:1] + b" " + payload)
"""


STARTED: list[int] = []
"""Process ids of the stand-in apps the current test started."""


def _running(pid: int) -> bool:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 0)
        return True
    return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


Scenario = Callable[[TestClient[aiohttp.web.Request, aiohttp.web.Application], int, Path],
                    Awaitable[None]]


def run_served(tmp_path: Path, scenario: Scenario) -> None:
    """Serve on a free loopback port with the stand-in app, and run ``scenario`` against it."""
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    port = _free_port()
    room = Room(Address("127.0.0.1", port), TOKEN, tmp_path / "participants")
    state = routes.State(
        gate=room.gate(), participants=Participants(room.participants), title="test",
        app_command=lambda folder: f"{sys.executable} {script} {folder}",
    )

    async def main() -> None:
        server = TestServer(routes.build_app(state), host="127.0.0.1", port=port)
        async with TestClient(server) as client:
            await scenario(client, port, room.participants)
        # Closing the server stopped every app; let the event loop see them go before it
        # closes, so no process is left to the garbage collector.
        for _ in range(600):
            if not any(_running(pid) for pid in STARTED):
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"app processes {STARTED} still run after the server stopped")
        await asyncio.sleep(0)

    STARTED.clear()

    asyncio.run(main())


async def _page_address(client: TestClient[aiohttp.web.Request, aiohttp.web.Application]
                        ) -> str:
    """What a new tab ends up at: the link, redirected to carry a participant id."""
    response = await client.get(f"/?token={TOKEN}&fontsize=20", allow_redirects=False)
    assert response.status == 303
    location = response.headers["Location"]
    # Relative, keeping what the link carried, so it works under a proxy's path too.
    assert location.startswith(f"?token={TOKEN}&fontsize=20&participant=")
    assert re.search(r"[?&]participant=[0-9a-f]{24}$", location)
    return "/" + location


def _socket_path(page: str) -> str:
    """Where the page's script connects (relative to the page, which is at /)."""
    found = re.search(r'data-socket-path="([^"]+)"', page)
    assert found
    return "/" + found.group(1)


async def _read_until(websocket: aiohttp.ClientWebSocketResponse, needle: bytes) -> bytes:
    seen = b""
    while needle not in seen:
        message = await asyncio.wait_for(websocket.receive(), 30)
        assert message.type is aiohttp.WSMsgType.BINARY, message
        seen += message.data
        STARTED.extend(int(pid) for pid in re.findall(rb"pid (\d+);", message.data))
    return seen


def test_the_page_needs_the_token(tmp_path: Path) -> None:
    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        for query in ("", "?token=", "?token=wrong", "?token=%C3%A9", f"?token={TOKEN}x"):
            response = await client.get(f"/{query}", allow_redirects=False)
            assert response.status == 403, query
            assert TOKEN not in await response.text()
        page = await client.get(await _page_address(client))
        assert page.status == 200
        body = await page.text()
        assert TOKEN in _socket_path(body)
        assert 'data-font-size="20"' in body
        # Everything the page loads comes from this server.
        assert "googleapis" not in body
        for reference in re.findall(r'(?:src|href)="([^"]*)"', body):
            assert reference.startswith("static/"), reference
        policy = page.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert page.headers["Referrer-Policy"] == "no-referrer"
        # Its own assets are public: no token, nothing secret.
        script = await client.get("/static/js/textual.js")
        assert script.status == 200

    run_served(tmp_path, scenario)


def test_the_page_is_refused_to_another_origin(tmp_path: Path) -> None:
    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        address = await _page_address(client)
        refused = [
            {"Origin": f"http://127.0.0.1:{port + 1}"},
            {"Origin": "null"},
            {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Dest": "iframe"},
            {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"},
            {"Host": f"rebound.example:{port}"},
        ]
        for headers in refused:
            response = await client.get(address, headers=headers, allow_redirects=False)
            assert response.status == 403, headers
        own = await client.get(address, headers={"Origin": f"http://127.0.0.1:{port}"})
        assert own.status == 200
        static = await client.get("/static/css/xterm.css",
                                  headers={"Host": f"rebound.example:{port}"})
        assert static.status == 403

    run_served(tmp_path, scenario)


def test_the_websocket_is_refused_to_another_origin_or_without_the_token(
    tmp_path: Path
) -> None:
    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        page = await client.get(await _page_address(client))
        path = _socket_path(await page.text())
        own = f"http://127.0.0.1:{port}"
        wrong_token = path.replace(TOKEN, "wrong")
        stranger = path.rsplit("/", 1)[0] + "/" + "0" * 24
        refused = [
            (path, {}),                                          # no Origin: not a page
            (path, {"Origin": f"http://127.0.0.1:{port + 1}"}),  # another port
            (path, {"Origin": f"http://localhost:{port}"}),
            (path, {"Origin": "null"}),
            (wrong_token, {"Origin": own}),
            (path.replace(TOKEN, ""), {"Origin": own}),
            (stranger, {"Origin": own}),                         # an id never issued
            ("/ws", {"Origin": own}),                            # textual-serve's address
            (path.replace("/ws/", "/ws//"), {"Origin": own}),
        ]
        for address, headers in refused:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refusal:
                await client.ws_connect(address, headers=headers)
            assert refusal.value.status in (403, 404), (address, headers)
        assert not participants.exists()  # no app started, no folder made

        async with client.ws_connect(path, headers={"Origin": own}) as websocket:
            assert b"data folder: " in await _read_until(websocket, b"data folder: ")

    run_served(tmp_path, scenario)


def test_two_tabs_get_their_own_private_folders(tmp_path: Path) -> None:
    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        own = {"Origin": f"http://127.0.0.1:{port}"}
        folders = []
        for _tab in range(2):
            page = await client.get(await _page_address(client))
            async with client.ws_connect(_socket_path(await page.text()),
                                         headers=own) as websocket:
                seen = await _read_until(websocket, b"data folder: ")
                folders.append(Path(seen.split(b"data folder: ", 1)[1].decode()))
        assert folders[0] != folders[1]
        assert [folder.parent for folder in folders] == [participants, participants]
        for folder in (participants, *folders):
            assert folder.stat().st_mode & 0o777 == 0o700

    run_served(tmp_path, scenario)


def test_the_relay_passes_keys_and_ignores_what_is_malformed(tmp_path: Path) -> None:
    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        page = await client.get(await _page_address(client))
        async with client.ws_connect(_socket_path(await page.text()),
                                     headers={"Origin": f"http://127.0.0.1:{port}"}) as ws:
            await _read_until(ws, b"data folder: ")
            for junk in ("not json", "[]", "{}", '["resize", "big"]', '["stdin", 5]',
                         '["resize", {"width": "x", "height": 1e9}]'):
                await ws.send_str(junk)
            await ws.send_str(json.dumps(["stdin", "typed"]))
            seen = await _read_until(ws, b"typed")
            # The resize with nonsense values reached the app bounded, not as sent.
            assert b'"width": 80, "height": 1000' in seen
            await ws.send_str(json.dumps(["ping", "42"]))
            assert await asyncio.wait_for(ws.receive_json(), 30) == ["pong", "42"]

    run_served(tmp_path, scenario)


def test_refusals_and_the_page_are_in_the_interface_language(tmp_path: Path) -> None:
    from threshold_guide.i18n.catalogue import set_interface_language

    async def scenario(client: TestClient[aiohttp.web.Request, aiohttp.web.Application],
                       port: int, participants: Path) -> None:
        refused = await client.get("/?token=wrong", allow_redirects=False)
        assert refused.status == 403
        text = await refused.text()
        assert text.startswith("Gwrthodwyd: ") and "gofynnwch i'r hyfforddwr" in text
        page = await client.get(await _page_address(client))
        assert '<html lang="cy">' in await page.text()

    set_interface_language("cy")
    try:
        run_served(tmp_path, scenario)
    finally:
        set_interface_language("en")
