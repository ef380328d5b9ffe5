"""threshold-guide serve, loaded in a real headless Chromium.

The page shows the app with nothing fetched from elsewhere; a page on another origin
cannot use it even knowing the link; two tabs keep their sessions apart.

Needs the Debian chromium package and textual-serve (the 'web' extra, part of 'test');
skipped with the reason when either is missing. Only loopback addresses are used, every
wait is bounded and waits on a condition, and the servers and the browser are always
stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("textual_serve", reason="textual-serve is not installed: "
                    "pip install -e '.[test]' (or '.[web]')")
pytest.importorskip("aiohttp", reason="aiohttp (a textual-serve dependency) is not installed")

from aiohttp import web

from tests.web.cdp import Page, chromium, stop

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: "
                       "apt-get update && apt-get install -y chromium"),
]

FIRST_QUESTION = "crime against a child happening now"
"""From the prompt of the first question of the shipped duty-to-report guidance."""
LINK = re.compile(r"open (http://\S+) in a web browser")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until(condition: object, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {timeout} s")


@dataclass(frozen=True)
class Served:
    link: str
    """The link the command printed, with its token."""
    origin: str
    participants: Path

    @property
    def token(self) -> str:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.link).query)["token"][0]


def _link(log: Path, server: subprocess.Popen[bytes]) -> str:
    found: list[str] = []

    def printed() -> bool:
        if server.poll() is not None:
            raise AssertionError(f"the server exited with {server.returncode}: "
                                 f"{log.read_text(errors='replace')}")
        found[:] = LINK.findall(log.read_text(errors="replace"))
        return bool(found)

    _wait_until(printed, "the server printing its link")
    return found[0]


def _answers(url: str) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
        return bool(response.status == 200)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    port = _free_port()
    data = tmp_path / "data"
    env = {**os.environ, "THRESHOLD_GUIDE_DATA": str(data)}
    log_path = tmp_path / "server.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "threshold_guide", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        link = _link(log_path, process)
        _wait_until(lambda: _answers(link), f"{link} answering")
        yield Served(link, f"http://127.0.0.1:{port}", data / "participants")
    finally:
        stop(process)  # the server and the app processes it started for the browser
        log.close()


def _elsewhere(page: Page, served: Served) -> list[str]:
    """Addresses the page requested that are not on the server it came from."""
    own = ("http://127.0.0.1", "ws://127.0.0.1")
    return [url for url in page.requested if not (
        url.startswith(own) and urllib.parse.urlsplit(url).port == int(
            served.origin.rsplit(":", 1)[1])) and not url.startswith(("data:", "blob:"))]


def test_the_served_app_runs_in_chromium_with_nothing_fetched_from_elsewhere(
    served: Served, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    shot = tmp_path / "first-question.png"

    async def scenario() -> tuple[str, Page, bool]:
        async with chromium(CHROMIUM, tmp_path / "profile") as browser:
            page = await browser.new_page()
            await page.open(served.link)
            # The first frame carries the 999 line; then the first-run note over the start
            # screen. Enter closes the note; Ctrl+N starts a walk on the preselected document.
            await page.wait_for_text("999", "Before you start")
            assert await page.dom_has(".xterm-screen")
            font = bool(await page.evaluate("document.fonts.check(\"16px 'Roboto Mono'\")"))
            closing = page.mark()
            await page.press("enter")
            # The start screen's footer replaces the note's: the note has gone.
            await page.wait_for_text("Start walk", since=closing)
            starting = page.mark()
            await page.press("ctrl+n")
            text = await page.wait_for_text(FIRST_QUESTION, "Question 1", since=starting)
            await asyncio.sleep(0.5)  # let xterm.js draw the last frame before the picture
            await page.screenshot(shot)
            return text, page, font

    text, page, font = asyncio.run(scenario())
    assert "call the police on 999" in text or "999" in text
    assert shot.stat().st_size > 10_000  # a drawn terminal, not an empty page
    # Offline in a browser: the page, its script, styles and font all come from the server.
    assert _elsewhere(page, served) == []
    assert any(url.endswith("/static/fonts/RobotoMono-VariableFont_wght.ttf")
               for url in page.requested)
    assert font, "the terminal's font did not load from the server"


EVIL_PAGE = """<!DOCTYPE html><html><body><p>Nothing to see here.</p></body></html>"""

TRY_THE_APP = """new Promise((resolve) => {
  const socket = new WebSocket(%r);
  socket.binaryType = "arraybuffer";
  let received = 0;
  socket.onmessage = (event) => { received += 1; };
  socket.onopen = () => setTimeout(() => resolve("opened, " + received + " messages"), 3000);
  socket.onerror = () => resolve("refused");
  socket.onclose = () => resolve("refused");
})"""


@contextlib.asynccontextmanager
async def _another_site(port: int) -> AsyncIterator[str]:
    """A page on another port of this computer: another origin, as any web page is."""
    app = web.Application()

    async def index(request: web.Request) -> web.Response:
        return web.Response(text=EVIL_PAGE, content_type="text/html")

    app.router.add_get("/", index)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        await runner.cleanup()


async def _loaded(page: Page) -> None:
    while await page.evaluate("document.readyState") != "complete":
        await asyncio.sleep(0.1)


def test_a_page_from_another_origin_cannot_connect_even_knowing_the_link(
    served: Served, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    # ?delay=1 makes the page wait for a click before it connects, so no app starts for it.
    held = served.link + ("&" if "?" in served.link else "?") + "delay=1"

    async def scenario() -> tuple[str, str]:
        async with _another_site(_free_port()) as elsewhere, chromium(
            CHROMIUM, tmp_path / "profile"
        ) as browser:
            # The strongest case: the other page knows the very address the real page would
            # connect to, token and participant id included; only the origin check is left.
            own = await browser.new_page()
            await own.open(held)
            await _loaded(own)
            socket_url = str(await own.evaluate(
                "document.querySelector('.textual-terminal').dataset.sessionWebsocketUrl"))
            page = await browser.new_page()
            await page.open(elsewhere)
            await _loaded(page)
            return str(await page.evaluate(TRY_THE_APP % socket_url)), await own.location()

    outcome, own_address = asyncio.run(scenario())
    assert outcome == "refused"
    # No app was started for it: the participant's data folder was never made.
    participant = urllib.parse.parse_qs(urllib.parse.urlsplit(own_address).query)
    assert participant.get("participant")
    assert not (served.participants / participant["participant"][0]).exists()


def _sessions(folder: Path) -> list[Path]:
    return sorted((folder / "sessions").glob("*.json"))


def test_two_tabs_keep_their_sessions_apart(served: Served, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    reference = "ROOM-A-4471"

    async def start_screen(page: Page) -> str:
        text = await page.wait_for_text("Before you start")
        closing = page.mark()
        await page.press("enter")
        return text + await page.wait_for_text("Start walk", since=closing)

    async def scenario() -> tuple[str, str, str]:
        async with chromium(CHROMIUM, tmp_path / "profile") as browser:
            first = await browser.new_page()
            await first.open(served.link)
            await start_screen(first)
            # Typed where the focus starts ("Your role"): moving on with Tab first would race
            # the characters that follow it to the next field. Either field must stay in its
            # own tab: the second participant may see neither a case nor a pre-filled role.
            await first.type_text(reference)
            await first.wait_for_text(reference)
            starting = first.mark()
            await first.press("ctrl+n")
            await first.wait_for_text("Question 1", since=starting)
            folders: list[Path] = []

            def saved() -> bool:
                folders[:] = [f for f in served.participants.iterdir() if _sessions(f)]
                return bool(folders)

            await asyncio.to_thread(_wait_until, saved, "the first tab's session being saved")

            second = await browser.new_page()
            await second.open(served.link)
            seen_by_second = await start_screen(second)

            # The first tab's address (as after a reload or Restart) comes back to its own
            # folder, with its session; its first-run note was closed there already.
            again = await browser.new_page()
            await again.open(await first.location())
            seen_again = await again.wait_for_text("Resume (1)")
            return seen_by_second, seen_again, await second.location()

    seen_by_second, seen_again, second_address = asyncio.run(scenario())
    assert "Resume (0)" in seen_by_second and reference not in seen_by_second
    assert "Resume (1)" in seen_again
    folders = sorted(served.participants.iterdir())
    assert len(folders) == 2
    with_sessions = [folder for folder in folders if _sessions(folder)]
    assert len(with_sessions) == 1
    assert reference in _sessions(with_sessions[0])[0].read_text(encoding="utf-8")
    second_folder = served.participants / urllib.parse.parse_qs(
        urllib.parse.urlsplit(second_address).query)["participant"][0]
    assert second_folder in folders and _sessions(second_folder) == []
    assert all(folder.stat().st_mode & 0o777 == 0o700 for folder in folders)
