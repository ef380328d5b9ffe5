"""The evidence menu of plain mode: the same four types, numbered the same, on every question."""

from __future__ import annotations

import pytest

from tests.plain.helpers import DOC, Capture, plain, saved_sessions
from threshold_guide.models.document import EvidenceType
from threshold_guide.plain.choices import EVIDENCE_MENU, InputProblem, parse_evidence

MP = pytest.MonkeyPatch
# To 'What has the child told you?', whose note offers only disclosed and observed.
TO_DISCLOSURE = ["2", "1", "Said Dad hit her.", "2"]


def menus(out: str) -> list[list[str]]:
    return [block.splitlines()[1:5]
            for block in out.split("How do you know what the note records?")[1:]]


def test_every_question_numbers_the_four_types_the_same(capsys: Capture,
                                                       monkeypatch: MP) -> None:
    # Was a bug: the menu listed only the types a question offers, so the same number meant
    # another type on the next question and a number typed from memory landed elsewhere.
    lines = [*TO_DISCLOSURE, "1", "Bruise on her arm.", "1", "q"]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    first, second = menus(out)[:2]
    assert [line.split(" (not offered")[0] for line in second] == first
    assert first[0] == "1. Observed"
    assert second[3] == "4. Professional opinion (not offered for this question)"
    (session,) = saved_sessions()
    assert session.answers["child-disclosure"].evidence == [EvidenceType.OBSERVED]


def test_a_type_the_question_does_not_offer_is_refused(capsys: Capture,
                                                     monkeypatch: MP) -> None:
    lines = [*TO_DISCLOSURE, "1", "Bruise on her arm.", "4", "3,1", "1,2", "q"]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    assert "4. Professional opinion is not offered for this question: choose from 1, 2." in out
    assert "3. Reported by someone else is not offered" in out
    (session,) = saved_sessions()
    assert session.answers["child-disclosure"].evidence == [EvidenceType.OBSERVED,
                                                            EvidenceType.DISCLOSED]


def test_several_types_none_and_enter() -> None:
    every = list(EvidenceType)
    assert parse_evidence("2, 1", every) == [EvidenceType.OBSERVED, EvidenceType.DISCLOSED]
    assert parse_evidence("none", every) == []
    assert every == EVIDENCE_MENU
    for wrong in ("5", "x", "0", ","):
        with pytest.raises(InputProblem):
            parse_evidence(wrong, every)
