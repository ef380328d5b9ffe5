"""Sessions on one folder from many programs at once: nothing lost, nothing overwritten.

Covers ids that cannot collide, exclusive creation, a second writer detected and told,
temp files left by a killed writer, and private folders whatever the umask.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Session
from threshold_guide.plain.opening import Context, begin
from threshold_guide.session.creation import with_answers
from threshold_guide.storage import atomic
from threshold_guide.storage.session_store import SessionStore

from .conftest import DUTY_1_1

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
WRITERS = 20
ANSWERS = ("immediate-danger", "how-concern-arose", "child-disclosure")


def _walker(folder: Path, number: int, start: Any, results: Any) -> None:
    """One plain-mode style walk: a new session with the same reference and second as
    every other writer, then an answer saved at a time."""
    store = SessionStore(folder)
    entry = resolve_file(DUTY_1_1)
    start.wait()
    state = begin(store, entry, Context(reference="CASE-1"), T0)
    session = state.session
    copied = False
    for question in ANSWERS:
        session = with_answers(session, {question: GivenAnswer(
            answer="x", note=f"writer {number}")}, T0)
        copied |= store.save(session).copied_from is not None
    results.put((session.session_id, copied))


def test_twenty_walks_started_together_on_one_folder_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WRITERS)
    results = context.Queue()
    writers = [context.Process(target=_walker, args=(folder, n, start, results))
               for n in range(WRITERS)]
    for writer in writers:
        writer.start()
    outcome = [results.get() for _ in writers]
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    ids = [session_id for session_id, _ in outcome]
    assert not any(copied for _, copied in outcome), "no walk met another's file"
    assert len(set(ids)) == WRITERS, "every walk got its own session id"
    store = SessionStore(folder)
    notes = set()
    for session_id in ids:
        session = store.load(session_id)
        assert list(session.answers) == list(ANSWERS)
        notes |= {given.note for given in session.answers.values()}
    assert notes == {f"writer {n}" for n in range(WRITERS)}, "no walk overwrote another"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temp file left"


def _session(store: SessionStore) -> Session:
    entry = resolve_file(DUTY_1_1)
    return begin(store, entry, Context(reference="CASE-2"), T0).session


def test_same_second_same_reference_gets_another_id_never_the_same_file(
    tmp_path: Path,
) -> None:
    first = _session(SessionStore(tmp_path))
    second = _session(SessionStore(tmp_path))  # another program, same second and reference
    assert first.session_id != second.session_id
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(
        [f"{first.session_id}.json", f"{second.session_id}.json"])


def test_a_second_writer_to_one_session_is_told_and_overwrites_nothing(tmp_path: Path) -> None:
    created = _session(SessionStore(tmp_path))
    one, two = SessionStore(tmp_path), SessionStore(tmp_path)  # two programs resume it
    a = one.load(created.session_id)
    b = two.load(created.session_id)
    saved_a = one.save(with_answers(a, {"immediate-danger": GivenAnswer(answer="a")}, T0))
    assert saved_a.copied_from is None
    b = with_answers(b, {"immediate-danger": GivenAnswer(answer="b")}, T0)
    saved_b = two.save(b)
    assert saved_b.copied_from == created.session_id
    assert saved_b.session_id != created.session_id
    assert SessionStore(tmp_path).load(created.session_id).answers[
        "immediate-danger"].answer == "a", "the first program's save stands"
    copy = SessionStore(tmp_path).load(saved_b.session_id)
    assert copy.answers["immediate-danger"].answer == "b"
    assert any(created.session_id in event.event for event in copy.history)
    # The second program goes on saving to its copy, once told.
    again = two.save(with_answers(b, {"how-concern-arose": GivenAnswer(answer="c")}, T0))
    assert (again.session_id, again.copied_from) == (saved_b.session_id, None)
    assert two.saved_as(created.session_id) == saved_b.session_id
    assert set(SessionStore(tmp_path).load(saved_b.session_id).answers) == {
        "immediate-danger", "how-concern-arose"}
    # The first program still owns the original and saves it normally.
    assert one.save(with_answers(a, {"x": GivenAnswer(answer="y")}, T0)).copied_from is None


def test_a_session_file_it_never_read_is_not_overwritten(tmp_path: Path) -> None:
    created = _session(SessionStore(tmp_path))
    stranger = SessionStore(tmp_path)
    saved = stranger.save(with_answers(created, {"q": GivenAnswer(answer="z")}, T0))
    assert saved.copied_from == created.session_id
    assert SessionStore(tmp_path).load(created.session_id).answers == {}


def _dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    return int(process.stdout)


def test_temp_files_of_killed_writers_are_removed_at_start(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    store.prepare()
    host = atomic._HOST
    dead = store.directory / f".s1.json.{host}-{_dead_pid()}.abc123.tmp"
    live = store.directory / f".s2.json.{host}-{os.getppid()}.abc123.tmp"
    mine = store.directory / f".s3.json.{host}-{os.getpid()}.abc123.tmp"
    store.documents_dir.mkdir()
    dead_doc = store.documents_dir / f".{'a' * 64}.json.{host}-{_dead_pid()}.x.tmp"
    for path in (dead, live, mine, dead_doc):
        path.write_text('{"reference": "CASE-9"}', encoding="utf-8")
    removed = store.prepare()
    assert sorted(removed) == sorted([dead, dead_doc])
    assert not dead.exists() and not dead_doc.exists()
    assert live.exists() and mine.exists(), "a running writer's temp file is never touched"


@pytest.fixture
def open_umask() -> Iterator[None]:
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_folders_are_private_whatever_the_umask(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(data))
    store = SessionStore()
    store.prepare()
    saved = _session(store)
    path = store.path_for(saved.session_id)
    assert (_mode(data), _mode(store.directory), _mode(path)) == (0o700, 0o700, 0o600)
    store.keep_document(resolve_file(DUTY_1_1).document, resolve_file(DUTY_1_1).sha256)
    assert _mode(store.documents_dir) == 0o700
    nested = tmp_path / "out" / "deeper" / "summary.md"
    atomic.write_atomic(nested, "x", private=True)
    assert (_mode(nested.parent.parent), _mode(nested.parent), _mode(nested)) == (
        0o700, 0o700, 0o600)


def test_existing_open_folders_we_own_are_tightened(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    (data / "sessions").mkdir(parents=True)
    data.chmod(0o755)
    (data / "sessions").chmod(0o777)
    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(data))
    SessionStore().prepare()
    assert (_mode(data), _mode(data / "sessions")) == (0o700, 0o700)
