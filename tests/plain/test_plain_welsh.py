"""Plain mode in Welsh: the tool's own words in the interface language, the document's text
in the session's language, and answers still typed as numbers and the same key letters."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CYMRAEG, ROOT
from tests.deadlines.helpers import CHASE_AT, DEADLINES, reported
from tests.golden_files import assert_golden
from tests.plain.helpers import Capture, plain, saved_sessions
from threshold_guide.deadlines.working_days import WorkingCalendar
from threshold_guide.i18n.catalogue import set_interface_language, translator
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.session import Session
from threshold_guide.plain.dialogue import Dialogue
from threshold_guide.plain.follow_up import PlainFollowUp
from threshold_guide.plain.walker import PlainWalk
from threshold_guide.session.creation import new_session
from threshold_guide.session.walkthrough import Walkthrough

from .helpers import NOW

MP = pytest.MonkeyPatch
CY = translator("cy")
WALK = ["2", "1", "xyz", "dim", "1"]
"""Not in danger; the child told; a word that is no answer, then "none" in Welsh; agree with
the suggested "yes": reaches "report"."""


@pytest.fixture(autouse=True)
def welsh() -> Iterator[None]:
    set_interface_language("cy")
    yield
    set_interface_language("en")


def _masked(text: str) -> str:
    """The transcript without the folders this run happens to use."""
    return text.replace(os.environ["THRESHOLD_GUIDE_DATA"], "DATA").replace(str(ROOT), "ROOT")


def test_a_short_walk_in_welsh_matches_its_transcript(capsys: Capture,
                                                      monkeypatch: MP) -> None:
    code, out, err = plain(capsys, monkeypatch, WALK, str(CYMRAEG), "--lang", "cy",
                           "--reference", "CASE-0042")
    assert code == 0, err
    # The questions come in the document's Welsh, the tool's words in Welsh around them.
    assert "Cwestiwn 1 o tua 5: A yw'r plentyn mewn perygl uniongyrchol?" in out
    assert "2. Nac ydy" in out
    assert "Nid yw 'xyz' yn rhif ateb." in out
    assert CY.gettext("The answers so far point to: {answer}.").format(answer="Oes") in out
    assert "Canlyniad: Adroddwch i'r gwasanaethau cymdeithasol heddiw." in out
    assert "Dyma grynodeb o'r rhesymau dros yr atgyfeiriad." in out
    # The summary's headings are in the session's language, as the summary makes them.
    assert CY.gettext("Referral rationale summary") in out
    assert CY.gettext("Decision") in out
    walk, _summary = out.split("Dyma grynodeb")
    assert "Question " not in walk and "Your answer" not in walk and "Type" not in walk
    (session,) = saved_sessions()
    assert session.language == "cy"
    assert_golden("plain/cymraeg-walk.txt", _masked(out))


def test_english_words_and_the_key_letters_still_work_in_welsh(capsys: Capture,
                                                               monkeypatch: MP) -> None:
    # "none" as well as "dim"; b goes back, q saves and stops: the same keys as in English.
    code, out, err = plain(capsys, monkeypatch, ["2", "b", "2", "1", "none", "q"],
                           str(CYMRAEG), "--lang", "cy")
    assert code == 0, err
    assert out.count("Cwestiwn 1 o") == 2 and out.count("Cwestiwn 2 o") == 2
    assert "Cwestiwn 4 o" in out
    assert "Wedi'i gadw. I barhau yn nes ymlaen, rhedwch:" in out
    (session,) = saved_sessions()
    assert session.answers["signs"].answer == []


def test_the_document_text_follows_the_sessions_language_when_no_language_is_given() -> None:
    entry = resolve_file(CYMRAEG)
    session = new_session(entry.document, entry.sha256, now=NOW).model_copy(
        update={"language": "cy"})
    sink = io.StringIO()
    walk = PlainWalk(Dialogue(io.StringIO("q\n"), sink, echo_newline=True),
                     Walkthrough(entry.document, entry.sha256, session), lambda: NOW,
                     lambda state: None)
    assert walk.run() is False
    assert "A yw'r plentyn mewn perygl uniongyrchol?" in sink.getvalue()
    assert "1. Ydy" in sink.getvalue()


def test_follow_up_in_welsh(tmp_path: Path) -> None:
    entry = resolve_file(DEADLINES)
    saved: list[Session] = []
    sink = io.StringIO()
    follow = PlainFollowUp(Dialogue(io.StringIO("2\nq\n"), sink, echo_newline=True),
                           entry.document, reported().model_copy(update={"language": "cy"}),
                           WorkingCalendar(), lambda: CHASE_AT, saved.append)
    follow.run()
    out = sink.getvalue()
    assert "Beth hoffech chi ei gofnodi?" in out
    assert "1. Cofnodi'r ymateb gan y gwasanaethau cymdeithasol" in out
    assert "Eich dewis, 1 i 4, b yn ôl neu q gadael: " in out
    assert "Wedi'i gadw." in out
    assert len(saved) == 1 and saved[0].follow_through is not None
