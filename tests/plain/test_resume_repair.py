"""A saved answer the document lacks is asked again on resume, with a notice: never a crash."""

from __future__ import annotations

import pytest

from tests.plain.helpers import NOW, Capture, entry, plain, saved_sessions
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.storage.session_store import SessionStore

MP = pytest.MonkeyPatch


def test_an_answer_id_the_document_lacks_is_asked_again(capsys: Capture,
                                                        monkeypatch: MP) -> None:
    found = entry()
    session = new_session(found.document, found.sha256, now=NOW, session_id="odd-1")
    session = with_answers(session, {
        "immediate-danger": GivenAnswer(answer="no-danger"),
        "how-concern-arose": GivenAnswer(answer="no-such-answer", note="seen at 9"),
    }, NOW)
    SessionStore().save(session)
    code, out, err = plain(capsys, monkeypatch, ["q"], "--resume", "odd-1")
    assert code == 0, err
    assert "1 saved answer is not an answer wales-duty-to-report 1.1.0 offers" in out
    assert "Question 2 of about 11: How did this concern come to you?" in out.split("Note:")[-1]
    (saved,) = saved_sessions()
    assert set(saved.answers) == {"immediate-danger"}
    (event,) = saved.history
    assert "no-such-answer" in event.event and "seen at 9" in event.event
