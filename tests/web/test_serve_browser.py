"""threshold-guide serve, loaded in a real headless Chromium: the page and the first question.

Needs the Debian chromium package and textual-serve (the 'web' extra, part of 'test');
skipped with the reason when either is missing. Only loopback addresses are used, every
wait is bounded, and the server and the browser are always stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("textual_serve", reason="textual-serve is not installed: "
                    "pip install -e '.[test]' (or '.[web]')")
pytest.importorskip("aiohttp", reason="aiohttp (a textual-serve dependency) is not installed")

from tests.web.cdp import chromium, stop

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: "
                       "apt-get update && apt-get install -y chromium"),
]

FIRST_QUESTION = "crime against a child happening now"
"""From the prompt of the first question of the shipped duty-to-report guidance."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_http(url: str, server: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server exited with {server.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "THRESHOLD_GUIDE_DATA": str(tmp_path / "data")}
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "threshold_guide", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_http(url + "/", process)
        yield url
    finally:
        stop(process)  # the server and the app processes it started for the browser
        log.close()


def test_the_served_app_shows_its_first_question_in_chromium(
    server: str, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    shot = tmp_path / "first-question.png"

    async def scenario() -> str:
        async with chromium(CHROMIUM, tmp_path / "profile") as page:
            await page.open(server + "/")
            # The first frame carries the 999 line; then the first-run note over the start
            # screen. Enter closes the note; Ctrl+N starts a walk on the preselected document.
            await page.wait_for_text("999", "Before you start")
            assert await page.dom_has(".xterm-screen")
            closing = page.mark()
            await page.press("enter")
            # The start screen's footer replaces the note's: the note has gone.
            await page.wait_for_text("Start walk", since=closing)
            starting = page.mark()
            await page.press("ctrl+n")
            text = await page.wait_for_text(FIRST_QUESTION, "Question 1", since=starting)
            await asyncio.sleep(0.5)  # let xterm.js draw the last frame before the picture
            await page.screenshot(shot)
            return text

    text = asyncio.run(scenario())
    assert "call the police on 999" in text or "999" in text
    assert shot.stat().st_size > 10_000  # a drawn terminal, not an empty page
