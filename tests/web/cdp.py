"""Just enough of the Chrome DevTools Protocol to load a page in headless Chromium.

The served app is drawn by xterm.js on a canvas, so its text is not in the page's DOM.
What the browser received over the app's websocket is: the page's own connection, seen
through the DevTools Network domain, read as terminal output with the escape codes taken
out. Keys are sent as real key events to the page, as a user would type them.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import signal
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"        # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, hyperlinks
    r"|\x1bP[^\x1b]*\x1b\\"           # DCS
    r"|\x1b[@-Z\\-_]"                 # two-character escapes
)

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--window-size=1280,800",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
]

KEYS: dict[str, dict[str, Any]] = {
    "enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "ctrl+n": {"key": "n", "code": "KeyN", "windowsVirtualKeyCode": 78, "modifiers": 2},
}


def terminal_text(raw: bytes) -> str:
    """Terminal output as plain text: escape codes removed, runs of spaces collapsed."""
    text = _ESCAPES.sub(" ", raw.decode("utf-8", "replace"))
    return re.sub(r"\s+", " ", text)


class Page:
    """One browser tab, attached over the browser's DevTools websocket."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.session_id = ""
        self.received = bytearray()
        """Everything the page received as binary websocket frames: the app's output."""
        self._next_id = 0
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data:
                future = self._waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                if frame.get("opcode") == 2:  # binary: the app's terminal output
                    self.received += base64.b64decode(frame["payloadData"])

    async def send(self, method: str, timeout: float = 15, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session_id:
            message["sessionId"] = self.session_id
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[self._next_id] = future
        await self.socket.send_str(json.dumps(message))
        reply = await asyncio.wait_for(future, timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def open(self, url: str) -> None:
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"],
                                   flatten=True)
        self.session_id = attached["sessionId"]
        await self.send("Network.enable")
        await self.send("Page.enable")
        await self.send("Page.navigate", url=url)

    def text(self, since: int = 0) -> str:
        """What the app has drawn, from byte ``since`` of its output (see :meth:`mark`)."""
        return terminal_text(bytes(self.received[since:]))

    def mark(self) -> int:
        """Where the app's output has got to, so later waits see only what comes after."""
        return len(self.received)

    async def wait_for_text(self, *needles: str, since: int = 0, timeout: float = 30) -> str:
        """Wait until the app has drawn every one of ``needles`` (after ``since``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text(since)
            if all(needle in text for needle in needles):
                return text
            await asyncio.sleep(0.1)
        text = self.text(since)
        missing = [needle for needle in needles if needle not in text]
        raise AssertionError(f"the page never showed {missing}; it showed: {text[-1500:]}")

    async def press(self, key: str) -> None:
        # xterm.js reads keys from its hidden textarea, as it does when a user clicks in.
        await self.send("Runtime.evaluate", expression=(
            "document.querySelector('.xterm-helper-textarea').focus()"))
        event = KEYS[key]
        await self.send("Input.dispatchKeyEvent", type="keyDown", **event)
        await self.send("Input.dispatchKeyEvent", type="keyUp",
                        **{k: v for k, v in event.items() if k != "text"})

    async def dom_has(self, selector: str) -> bool:
        result = await self.send("Runtime.evaluate",
                                 expression=f"!!document.querySelector({selector!r})")
        return bool(result.get("result", {}).get("value"))

    async def screenshot(self, path: Path) -> Path:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


def _devtools_url(profile: Path, process: subprocess.Popen[bytes], timeout: float) -> str:
    # Chromium writes the port it chose (port 0 = any free one) and the browser's path here.
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with {process.returncode}")
        with contextlib.suppress(OSError, ValueError):
            port, path = marker.read_text().split()[:2]
            return f"ws://127.0.0.1:{int(port)}{path}"
        time.sleep(0.05)
    raise TimeoutError("chromium did not open its DevTools port")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started in its own session, and everything it started."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.asynccontextmanager
async def chromium(executable: str, profile: Path, timeout: float = 30) -> AsyncIterator[Page]:
    """Headless Chromium with a fresh profile; yields a page, always stops the browser."""
    process = subprocess.Popen(
        [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        url = _devtools_url(profile, process, timeout)
        async with aiohttp.ClientSession() as client, client.ws_connect(
            url, max_msg_size=0
        ) as socket:
            page = Page(socket)
            try:
                yield page
            finally:
                await page.close()
    finally:
        stop(process)
