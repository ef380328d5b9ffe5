"""The family letter is refused when the walk recorded that telling the family is unsafe,
unless the practitioner confirms with a reason, which is stamped on it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import MINIMAL
from tests.explain.sessions import AT, build_session
from threshold_guide.cli.main import main
from threshold_guide.explain import UnsafeToShare, explain, family_risks
from threshold_guide.loading.canonical import content_hash
from threshold_guide.loading.catalog import resolve_file
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.explanation import Audience
from threshold_guide.models.session import GivenAnswer
from threshold_guide.session.creation import new_session, with_answers
from threshold_guide.summary.json_output import render_json

Capture = pytest.CaptureFixture[str]
STAMP = "2026-11-02T10:30:00Z"
REASON = "Strategy discussion on 3 Nov agreed the parents are told today."


def risky_session_file(folder: Path, answer: str = "risky-to-tell") -> Path:
    session = build_session("report-today")
    given = session.answers["parents-informed"].model_copy(update={"answer": answer})
    session = session.model_copy(update={"answers": {**session.answers,
                                                     "parents-informed": given}})
    path = folder / "risky.json"
    path.write_text(render_json(session), encoding="utf-8")
    return path


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("answer", ["risky-to-tell", "unsure-to-tell"])
def test_the_family_letter_is_refused_when_telling_them_is_unsafe(
    capsys: Capture, tmp_path: Path, answer: str
) -> None:
    path = risky_session_file(tmp_path, answer)
    for form in ("md", "json", "html"):
        code, out, err = run(capsys, "explain", str(path), "--audience", "family",
                             "--format", form, "--at", STAMP)
        assert code == 1 and out == ""
        assert "telling the family could put the child at risk" in err
        assert "Would telling the child's parents or carers about the report put" in err
        assert "--confirm-unsafe-share" in err
        assert "CASE-0042" not in err


def test_a_confirmed_reason_is_stamped_and_the_warning_names_the_risk(
    capsys: Capture, tmp_path: Path
) -> None:
    path = risky_session_file(tmp_path)
    code, out, _ = run(capsys, "explain", str(path), "--audience", "family", "--format",
                       "json", "--at", STAMP, "--confirm-unsafe-share", REASON)
    assert code == 0
    letter = json.loads(out)
    assert letter["confirmed_unsafe_share"] == REASON
    (warning,) = letter["warnings"]
    assert "telling the family could put the child at risk" in warning
    assert "Yes, telling them could put the child or someone else at risk" in warning
    code, out, _ = run(capsys, "explain", str(path), "--audience", "family", "--at", STAMP,
                       "--confirm-unsafe-share", "*not* a [link](http://x)")
    assert code == 0
    # Escaped just enough to read literally: no emphasis, no link.
    assert ("**Shared after a safety check, for this reason:** \\*not\\* a \\[link]"
            "(http://x)") in out


def test_other_audiences_are_told_not_to_share_with_the_family(
    capsys: Capture, tmp_path: Path
) -> None:
    path = risky_session_file(tmp_path)
    code, out, _ = run(capsys, "explain", str(path), "--audience", "school", "--format",
                       "json", "--at", STAMP)
    assert code == 0
    (warning,) = json.loads(out)["warnings"]
    assert "Do not share this explanation, or its details, with the family." in warning


def test_confirm_unsafe_share_usage(capsys: Capture, tmp_path: Path) -> None:
    path = risky_session_file(tmp_path)
    code, _, err = run(capsys, "explain", str(path), "--audience", "school",
                       "--confirm-unsafe-share", REASON)
    assert code == 2 and "only for --audience family" in err
    code, _, err = run(capsys, "explain", str(path), "--audience", "family",
                       "--confirm-unsafe-share", "  ")
    assert code == 2 and "needs a reason" in err
    safe = tmp_path / "safe.json"
    safe.write_text(render_json(build_session("report-today")), encoding="utf-8")
    code, out, err = run(capsys, "explain", str(safe), "--audience", "family", "--format",
                         "json", "--confirm-unsafe-share", REASON)
    assert code == 0 and "is not needed" in err
    assert json.loads(out)["confirmed_unsafe_share"] is None


def _marked_minimal(mark: bool) -> ThresholdDocument:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    if mark:
        data["questions"][0]["answers"][1]["withhold_from_family"] = True
    return ThresholdDocument.model_validate(data)


def test_a_document_marks_its_own_answers_and_an_unmarked_hash_is_unchanged() -> None:
    plain = _marked_minimal(False)
    assert content_hash(plain) == resolve_file(MINIMAL).sha256
    marked = _marked_minimal(True)
    assert content_hash(marked) != content_hash(plain), "marking is a change of content"
    assert ThresholdDocument.model_validate_json(marked.model_dump_json()) == marked
    session = new_session(marked, content_hash(marked), now=AT, session_id="m")
    session = with_answers(session, {"danger": GivenAnswer(answer="no"),
                                     "signs": GivenAnswer(answer=["bruise"])}, AT)
    (risk,) = family_risks(marked, session)
    assert risk.question == "danger"
    with pytest.raises(UnsafeToShare):
        explain(marked, content_hash(marked), session, Audience.FAMILY, AT)
    assert family_risks(plain, session) == []
    on_plain = session.model_copy(update={"guidance": session.guidance.model_copy(
        update={"sha256": content_hash(plain)})})
    assert explain(plain, content_hash(plain), on_plain, Audience.FAMILY, AT).warnings == []
