"""Kill -9 the real app in a pseudo-terminal mid-walk; starting again offers the session back.

A process-level check of what the Pilot tests check in-process: autosaves are atomic
files on disk, so a kill at any moment leaves the last saved state complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

TIMEOUT = 60.0


class Terminal:
    def __init__(self, env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "threshold_guide"], stdin=slave, stdout=slave,
            stderr=slave, env=env, close_fds=True, start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.since = 0
        """Where the output after the last keys typed begins: what they made appear."""

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> None:
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while needle not in self.output[self.since:]:
            if time.monotonic() > deadline:
                tail = self.output[-2000:].decode(errors="replace")
                raise AssertionError(f"{text!r} did not appear; last output: {tail}")
            if select.select([self.master], [], [], 0.2)[0]:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    raise AssertionError(f"the app ended before {text!r}") from None

    def until_listening(self) -> None:
        """Wait until the app acts on keys: just after the first paint, a terminal app may
        still be setting up its input, and keys typed then can be lost. F1 (help) shows a
        screen of its own once the app listens; it is pressed again until it does, then
        closed."""
        for _ in range(30):
            self.type("\x1bOP", pause=0)  # F1
            try:
                self.wait_for("Help: keys", timeout=2.0)
            except AssertionError:
                continue
            self.type("\x1b", pause=0)  # Esc: back to the start screen, focus kept
            self.wait_for("Case ref.")
            return
        raise AssertionError("the app never acted on a key")

    def type(self, keys: str, pause: float = 0.15) -> None:
        self.since = len(self.output)
        os.write(self.master, keys.encode())
        time.sleep(pause)

    def drain(self, wait: float) -> None:
        if select.select([self.master], [], [], wait)[0]:
            with contextlib.suppress(OSError):
                self.output += os.read(self.master, 65536)

    def exit_status(self) -> int:
        """Wait for the app to end, reading what it writes meanwhile: a full terminal
        buffer would block its last writes, and so its exit."""
        deadline = time.monotonic() + TIMEOUT
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError("the app did not quit")
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break
        return self.process.wait(timeout=TIMEOUT)

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def wait_until_saved(terminal: Terminal, folder: Path, text: str) -> None:
    """Wait for ``text`` in the saved session (the note is saved a typing batch after the
    last key), reading the terminal meanwhile so the app never blocks writing to it."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for path in folder.glob("*.json"):
            if text in path.read_text(encoding="utf-8"):
                return
        terminal.drain(0.05)
    raise AssertionError(f"{text!r} was never saved")


@pytest.mark.slow
def test_kill_minus_nine_then_restart(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "preferences.json").write_text('{"intro_seen": true}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("THRESHOLD_GUIDE")}
    env.update(THRESHOLD_GUIDE_DATA=str(data), TERM="xterm-256color")
    env.pop("NO_COLOR", None)

    first = Terminal(env)
    try:
        first.wait_for("Case ref.")  # the start screen itself, not a footer while loading
        first.until_listening()
        # No case reference: what is under test is the autosave, not the start form.
        first.type("\x0e")  # Ctrl+N
        first.wait_for("Is any child in immediate danger")
        first.type("2")
        # duty-to-report 2.0.0 asks who is reporting, the DSP and the urgency first.
        first.wait_for("Who are you, and where do you work?")
        first.type("1")
        first.wait_for("designated safeguarding person")
        first.type("1")
        first.wait_for("how soon must something happen")
        first.type("2")
        first.wait_for("How did this concern come to you?")
        first.type("3")
        wait_until_saved(first, data / "sessions", '"i-observed"')
        time.sleep(0.3)  # the focus moves to the note box
        first.type("kill test note")
        wait_until_saved(first, data / "sessions", "kill test note")
    finally:
        first.kill()

    sessions = list((data / "sessions").glob("*.json"))
    assert len(sessions) == 1
    saved = json.loads(sessions[0].read_text(encoding="utf-8"))
    assert saved["answers"]["immediate-danger"]["answer"] == "no-danger"
    assert saved["answers"]["how-concern-arose"]["answer"] == "i-observed"
    assert saved["answers"]["how-concern-arose"]["note"] == "kill test note"
    assert not [p for p in (data / "sessions").iterdir() if p.name.endswith(".tmp")]

    second = Terminal(env)
    try:
        second.wait_for("Resume (1)")
        second.type("\x12")  # Ctrl+R: the resume list
        second.wait_for("answered")  # the saved walk's row: "... questions answered"
        second.type("\r")
        second.wait_for("How did this concern come to you?")
        second.wait_for("kill test note")
        second.type("\x11", pause=0)  # Ctrl+Q
        assert second.exit_status() == 0
    finally:
        if second.process.poll() is None:
            second.kill()
        else:
            os.close(second.master)
