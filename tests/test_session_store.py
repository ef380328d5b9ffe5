"""Saved sessions: atomic and private, listed newest first, tolerant of broken files."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import GivenAnswer, Session
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.session_store import (
    SessionStore,
    SessionUnreadable,
    StoredSession,
    UnreadableSession,
)

from .conftest import MINIMAL

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def make_session(reference: str, at: dt.datetime, session_id: str | None = None) -> Session:
    entry = resolve_file(MINIMAL)
    session = new_session(entry.document, entry.sha256, now=at, reference=reference,
                          session_id=session_id)
    return with_answers(session, {"danger": GivenAnswer(answer="no", note="seen")}, at)


def test_save_is_private_and_loads_back(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = make_session("CR-1", T0)
    path = store.save(session).path
    assert path.name == f"{session.session_id}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.load(session.session_id) == session
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")], "no temp left"


def test_listing_newest_first_and_unreadable_files_last(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    older = make_session("old", T0, "a-old")
    newer = make_session("new", T0 + dt.timedelta(hours=1), "b-new")
    store.save(older)
    store.save(newer)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    renamed = json.loads(newer.model_dump_json())
    (tmp_path / "renamed.json").write_text(json.dumps(renamed), encoding="utf-8")
    (tmp_path / ".b-new.json.123.tmp").write_text("half", encoding="utf-8")
    listing = store.listing()
    good = [item for item in listing if isinstance(item, StoredSession)]
    bad = [item for item in listing if isinstance(item, UnreadableSession)]
    assert [item.session.reference for item in good] == ["new", "old"]
    assert listing[: len(good)] == good, "readable sessions come first"
    reasons = {item.path.name: item.reason for item in bad}
    assert set(reasons) == {"binary.json", "broken.json", "empty.json", "list.json",
                            "renamed.json"}
    assert "not valid JSON" in reasons["broken.json"]
    assert "empty" in reasons["empty.json"]
    assert "UTF-8" in reasons["binary.json"]
    assert "does not match" in reasons["renamed.json"]


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert SessionStore(tmp_path / "nowhere").listing() == []


def test_delete_and_unsafe_ids(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = make_session("x", T0)
    store.save(session)
    store.delete(session.session_id)
    store.delete(session.session_id)  # already gone: fine
    assert store.listing() == []
    for bad in ("../escape", "a/b", "", ".hidden"):
        with pytest.raises(ValueError):
            store.path_for(bad)
    with pytest.raises(SessionUnreadable):
        store.load("missing-id")


def test_kept_document_round_trips_and_is_verified(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    entry = resolve_file(MINIMAL)
    path = store.keep_document(entry.document, entry.sha256)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.kept_document(entry.sha256) == entry.document
    path.write_text(path.read_text(encoding="utf-8").replace("Minimal", "Changed"),
                    encoding="utf-8")
    assert store.kept_document(entry.sha256) is None, "a copy that no longer matches is refused"
    assert store.kept_document("0" * 64) is None
