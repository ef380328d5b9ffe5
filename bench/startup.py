"""Start-up and keypress latency of the terminal app, measured as a user sees them.

Every figure comes from a fresh process in a pseudo-terminal (80x24): the clock starts when
the process is spawned (or a key is written) and stops when the expected text appears in
what the app writes to the terminal.

1. Time to first paint of ``threshold-guide`` against a hello-world Textual app with a
   Markdown widget, several runs each, interleaved; medians and their ratio (goal <= 1.15).
2. Keypress -> next question over a long walk (a generated 200-question document, one key
   per question); median and 90th percentile (goal: median <= 30 ms).

Run: ``python bench/startup.py [--runs N] [--questions N]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HELLO_APP = """
from textual.app import App
from textual.widgets import Markdown
class Hello(App):
    def compose(self):
        yield Markdown("# Hello paint\\n\\nA hello-world Textual app with a Markdown widget.")
Hello().run()
"""

SIZE = (24, 80)
TIMEOUT = 30.0


class Terminal:
    """A child process on a pseudo-terminal, with its output collected as it arrives."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl_size = struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0)
        import fcntl

        fcntl.ioctl(slave, termios.TIOCSWINSZ, fcntl_size)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> float:
        """Read until ``text`` has appeared since the last call; return when, in seconds."""
        needle = text.encode()
        start = len(self.output)
        deadline = time.perf_counter() + timeout
        while needle not in self.output[max(0, start - len(needle)):]:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{text!r} did not appear")
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    raise TimeoutError(f"the process ended before {text!r}") from None
                self.output += chunk
        return time.perf_counter()

    def send(self, keys: str) -> float:
        now = time.perf_counter()
        os.write(self.master, keys.encode())
        return now

    def drain(self, quiet: float = 0.3) -> None:
        """Read until the app has been quiet for ``quiet`` seconds."""
        while select.select([self.master], [], [], quiet)[0]:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:
                return

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def environment(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THRESHOLD_GUIDE")}
    env.update(TERM="xterm-256color", COLUMNS=str(SIZE[1]), LINES=str(SIZE[0]),
               THRESHOLD_GUIDE_DATA=str(data))
    env.pop("NO_COLOR", None)
    return env


def fresh_data(root: Path, name: str) -> Path:
    """A data folder where the first-run note was already read, so the start screen paints."""
    data = root / name
    data.mkdir(parents=True, exist_ok=True)
    (data / "preferences.json").write_text('{"intro_seen": true}\n', encoding="utf-8")
    return data


def first_paint(argv: list[str], sentinel: str, env: dict[str, str]) -> float:
    terminal = Terminal(argv, env)
    try:
        return terminal.wait_for(sentinel) - terminal.started
    finally:
        terminal.close()


def long_document(questions: int) -> dict[str, object]:
    """A valid document that is one long chain: answer 1 goes on, answer 2 ends."""
    chain = []
    for n in range(1, questions + 1):
        last = n == questions
        chain.append({
            "id": f"q{n}",
            "prompt": f"Bench question number {n}: does this apply?",
            "help": f"Help for question {n}.\n\n- one point\n- another point",
            "answers": [
                {"id": "yes", "label": "Yes", "rationale": f"Question {n} applies.",
                 **({"outcome": "high"} if last else {"next": f"q{n + 1}"})},
                {"id": "no", "label": "No", "rationale": f"Question {n} does not apply.",
                 "outcome": "low"},
            ],
        })
    outcome = {"do_now": "Act.", "timescale": "Today", "contact": "Someone"}
    return {
        "id": "bench-long-walk", "version": "1.0.0", "title": "Bench: a long walk",
        "status": "published", "effective_from": "2020-01-01", "publisher": "bench",
        "jurisdiction": "Wales", "decision": "level-of-need", "about": "Bench only.",
        "legal_test": {"text": "A test.", "who_decides": "Nobody.", "sources": ["s"]},
        "changelog": [{"version": "1.0.0", "date": "2020-01-01", "changes": ["First."]}],
        "sources": [{"id": "s", "title": "A source"}],
        "start": "q1",
        "questions": chain,
        "outcomes": [
            {"id": "high", "title": "High", "level": 2, "test_met": True,
             "rationale": "High.", **outcome},
            {"id": "low", "title": "Low", "level": 1, "test_met": False,
             "rationale": "Low.", **outcome},
        ],
    }


def keypress_latencies(app: list[str], root: Path, questions: int) -> list[float]:
    guidance = root / "long-guidance"
    guidance.mkdir(exist_ok=True)
    (guidance / "long.json").write_text(json.dumps(long_document(questions)), encoding="utf-8")
    env = environment(fresh_data(root, "latency"))
    terminal = Terminal([*app, "--guidance", str(guidance)], env)
    try:
        # The 999 line is painted before the guidance is loaded; keys reach the start
        # screen only once it is up (a Ctrl+N sent earlier was lost, and the bench waited).
        terminal.wait_for("Start walk")
        terminal.drain()
        terminal.send("\x0e")  # Ctrl+N: start the walk
        terminal.wait_for("Bench question number 1:")
        terminal.drain()
        latencies = []
        for n in range(2, questions + 1):
            sent = terminal.send("1")
            latencies.append(terminal.wait_for(f"Bench question number {n}:") - sent)
            # Let the frame finish before the next key, as a person reading would.
            terminal.drain(0.02)
        return latencies
    finally:
        terminal.close()


def shipped_latencies(app: list[str], root: Path, moves: int) -> list[float]:
    """Back and forward between the shipped duty-to-report's first two questions: real
    help text, a note box and a checklist-sized screen, not the bench's short questions."""
    env = environment(fresh_data(root, "shipped"))
    terminal = Terminal(app, env)
    # The current version's first two questions (2.0.0's wording, English interface).
    first, second = "in immediate danger now", "Who are you, and where do you work"
    try:
        terminal.wait_for("Start walk")
        terminal.drain()
        terminal.send("\x0e")
        terminal.wait_for(first)
        terminal.drain()
        terminal.send("2")
        terminal.wait_for(second)
        terminal.drain()
        latencies = []
        for n in range(moves):
            key, expect = ("\x02", first) if n % 2 == 0 else ("\x06", second)
            sent = terminal.send(key)
            latencies.append(terminal.wait_for(expect) - sent)
            terminal.drain(0.05)
        return latencies
    finally:
        terminal.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per app")
    parser.add_argument("--questions", type=int, default=200, help="length of the long walk")
    args = parser.parse_args()
    app = [sys.executable, "-m", "threshold_guide"]
    direct = [sys.executable, "-m", "threshold_guide.tui"]
    hello = [sys.executable, "-c", HELLO_APP]
    with tempfile.TemporaryDirectory(prefix="tg-bench-") as tmp:
        root = Path(tmp)
        env = environment(fresh_data(root, "paint"))
        # One unmeasured run of each warms the file cache and the bytecode cache.
        first_paint(app, "immediate danger", env)
        first_paint(hello, "Hello paint", env)
        first_paint(direct, "immediate danger", env)
        ours: list[float] = []
        theirs: list[float] = []
        light: list[float] = []
        for _ in range(args.runs):
            ours.append(first_paint(app, "immediate danger", env))
            theirs.append(first_paint(hello, "Hello paint", env))
            light.append(first_paint(direct, "immediate danger", env))
        theirs_median = statistics.median(theirs)
        print(f"first paint, {args.runs} fresh processes each (80x24 pseudo-terminal):")
        for name, values in (("hello-world + Markdown", theirs),
                             ("threshold-guide", ours),
                             ("python -m threshold_guide.tui", light)):
            median = statistics.median(values)
            ratio = "" if values is theirs else f"  ratio {median / theirs_median:.3f}"
            print(f"  {name:30} median {median * 1000:7.1f} ms "
                  f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}){ratio}")
        print("  (goal: ratio <= 1.15)")
        latencies = keypress_latencies(app, root, args.questions)
        print(f"keypress -> next question over a {args.questions}-question walk "
              f"({len(latencies)} keys):")
        print(f"  median {statistics.median(latencies) * 1000:.1f} ms, "
              f"p90 {percentile(latencies, 0.9) * 1000:.1f} ms, "
              f"max {max(latencies) * 1000:.1f} ms  (goal: median <= 30 ms)")
        shipped = shipped_latencies(app, root, 40)
        print("back/forward on the shipped duty-to-report (help text, note box), 40 keys:")
        print(f"  median {statistics.median(shipped) * 1000:.1f} ms, "
              f"p90 {percentile(shipped, 0.9) * 1000:.1f} ms, "
              f"max {max(shipped) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
