"""Just enough of the Chrome DevTools Protocol to load a page in headless Chromium.

The served app is drawn by xterm.js on a canvas, so its text is not in the page's DOM.
What the browser received over the app's websocket is: the page's own connection, seen
through the DevTools Network domain, read as terminal output with the escape codes taken
out. Keys are sent as real key events to the page, as a user would type them. The same
domain records the address of every request a page makes, so a test can tell that
nothing was fetched from elsewhere.
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
    "tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "text": "\t"},
    "ctrl+n": {"key": "n", "code": "KeyN", "windowsVirtualKeyCode": 78, "modifiers": 2},
}


def terminal_text(raw: bytes) -> str:
    """Terminal output as plain text: escape codes removed, runs of spaces collapsed."""
    text = _ESCAPES.sub(" ", raw.decode("utf-8", "replace"))
    return re.sub(r"\s+", " ", text)


class Page:
    """One browser tab, attached to the browser over its DevTools session."""

    def __init__(self, browser: Browser, session_id: str) -> None:
        self.browser = browser
        self.session_id = session_id
        self.received = bytearray()
        """Everything the page received as binary websocket frames: the app's output."""
        self.requested: list[str] = []
        """The address of every request the page made: documents, assets, websockets."""

    def handle(self, method: str, params: dict[str, Any]) -> None:
        """Record one DevTools event of this tab."""
        if method == "Network.requestWillBeSent":
            self.requested.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requested.append(params["url"])
        elif method == "Network.webSocketFrameReceived":
            frame = params["response"]
            if frame.get("opcode") == 2:  # binary: the app's terminal output
                self.received += base64.b64decode(frame["payloadData"])

    async def send(self, method: str, timeout: float = 15, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, self.session_id, timeout, **params)

    async def open(self, url: str) -> None:
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

    async def type_text(self, text: str) -> None:
        """Type ``text`` into the terminal as a user would (one key event per character)."""
        await self.send("Runtime.evaluate", expression=(
            "document.querySelector('.xterm-helper-textarea').focus()"))
        for character in text:
            await self.send("Input.dispatchKeyEvent", type="keyDown", text=character,
                            key=character)
            await self.send("Input.dispatchKeyEvent", type="keyUp", key=character)

    async def evaluate(self, expression: str, timeout: float = 30) -> Any:
        """The value of a JavaScript expression in the page; promises are awaited."""
        result = await self.send("Runtime.evaluate", timeout=timeout, expression=expression,
                                 awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    async def location(self) -> str:
        """The address the page is at now (after any redirect)."""
        return str(await self.evaluate("window.location.href"))

    async def dom_has(self, selector: str) -> bool:
        result = await self.send("Runtime.evaluate",
                                 expression=f"!!document.querySelector({selector!r})")
        return bool(result.get("result", {}).get("value"))

    async def screenshot(self, path: Path) -> Path:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


class Browser:
    """The browser's DevTools websocket, shared by its tabs; each reads its own events."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.pages: dict[str, Page] = {}
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
            elif (page := self.pages.get(data.get("sessionId", ""))) is not None:
                page.handle(data.get("method", ""), data.get("params", {}))

    async def send(self, method: str, session_id: str = "", timeout: float = 15,
                   **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session_id:
            message["sessionId"] = session_id
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[self._next_id] = future
        await self.socket.send_str(json.dumps(message))
        reply = await asyncio.wait_for(future, timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def new_page(self) -> Page:
        """A new tab, recording its network traffic from the start."""
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"],
                                   flatten=True)
        page = Page(self, attached["sessionId"])
        self.pages[page.session_id] = page
        await page.send("Network.enable")
        await page.send("Page.enable")
        return page

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
async def chromium(executable: str, profile: Path,
                   timeout: float = 30) -> AsyncIterator[Browser]:
    """Headless Chromium with a fresh profile; always stops the browser."""
    process = subprocess.Popen(
        [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        url = _devtools_url(profile, process, timeout)
        async with aiohttp.ClientSession() as client, client.ws_connect(
            url, max_msg_size=0
        ) as socket:
            browser = Browser(socket)
            try:
                yield browser
            finally:
                await browser.close()
    finally:
        stop(process)
