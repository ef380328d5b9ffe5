"""threshold-guide explain, as a user meets it: formats, pinned versions, bad session files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import GUIDANCE
from tests.explain.sessions import AT, build_session, entry_for, session_file
from tests.golden_files import GOLDEN
from threshold_guide import __version__
from threshold_guide.cli.main import main
from threshold_guide.models.session import GuidanceRef
from threshold_guide.render.html import CSP
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.summary.json_output import render_json

Capture = pytest.CaptureFixture[str]
STAMP = AT.isoformat().replace("+00:00", "Z")


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def explain(capsys: Capture, session: Path, *more: str) -> tuple[int, str, str]:
    return run(capsys, "explain", str(session), "--at", STAMP, *more)


def test_markdown_json_and_html_match_the_goldens(capsys: Capture, tmp_path: Path) -> None:
    session = session_file("report-today")
    code, out, _ = explain(capsys, session, "--audience", "school")
    masked = (GOLDEN / "explain" / "report-today-school.md").read_text(encoding="utf-8")
    assert code == 0
    assert out.replace(f"threshold-guide {__version__}", "threshold-guide VERSION") == masked
    code, out, _ = explain(capsys, session, "--audience", "police", "--format", "json")
    assert code == 0 and json.loads(out)["audience"] == "police"
    target = tmp_path / "family.html"
    code, out, err = explain(capsys, session, "--audience", "family", "--format", "html",
                             "-o", str(target))
    assert code == 0 and out == "" and f"wrote {target}" in err
    assert "telling the family will not put the child" in err
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and CSP in html
    assert "About a decision on your child" in html


def test_changed_content_is_warned_about_but_explained(capsys: Capture, tmp_path: Path) -> None:
    entry = entry_for("report-today")
    session = build_session("report-today").model_copy(update={"guidance": GuidanceRef(
        id=entry.id, version=entry.version, sha256="a" * 64)})
    path = tmp_path / "changed.json"
    path.write_text(render_json(session), encoding="utf-8")
    code, out, err = explain(capsys, path, "--audience", "social-services")
    assert code == 0
    assert "has changed since the session was made" in err
    assert "> **Warning:**" in out and "aaaaaaaaaaaa" in out


def test_a_version_not_in_the_guidance_folders_is_a_usage_error(capsys: Capture,
                                                                 tmp_path: Path) -> None:
    only_harm = tmp_path / "guidance"
    shutil.copytree(GUIDANCE / "wales-significant-harm", only_harm / "wales-significant-harm")
    code, _, err = explain(capsys, session_file("report-today"), "--audience", "school",
                           "--guidance", str(only_harm))
    assert code == 2
    assert "pinned to wales-duty-to-report 1.1.0" in err and "--guidance DIR" in err


def test_the_copy_kept_beside_saved_sessions_is_used(capsys: Capture, tmp_path: Path) -> None:
    entry = entry_for("report-today")
    SessionStore().keep_document(entry.document, entry.sha256)
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = explain(capsys, session_file("report-today"), "--audience", "health",
                             "--guidance", str(empty))
    assert code == 0 and "copy kept with your saved sessions" in err
    assert "Health practitioners" in out


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"", "the file is empty"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    (b"{\"session_id\": ", "not valid JSON"),
    (b"[1, 2, 3]", "not a threshold-guide session file"),
    (b"{\"answers\": {}}", "session_id: Field required"),
])
def test_bad_session_files_are_located_errors(capsys: Capture, tmp_path: Path,
                                              content: bytes | None, message: str) -> None:
    path = tmp_path / "session.json"
    if content is not None:
        path.write_bytes(content)
    code, _, err = explain(capsys, path, "--audience", "school")
    assert code == 1
    assert f"error: {path}: " in err and message in err


def test_an_unfinished_or_wrong_session_is_an_error(capsys: Capture, tmp_path: Path) -> None:
    unfinished = build_session("report-today").model_copy(update={"answers": {}})
    path = tmp_path / "unfinished.json"
    path.write_text(render_json(unfinished), encoding="utf-8")
    code, _, err = explain(capsys, path, "--audience", "school")
    assert code == 1 and "stop at question 'immediate-danger'" in err
    data = json.loads(render_json(build_session("report-today")))
    data["answers"]["indicators"]["answer"] = ["neglect", "gambling"]
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = explain(capsys, path, "--audience", "school")
    assert code == 1 and "question 'indicators': has no answer 'gambling'" in err


def test_usage_errors_exit_2(capsys: Capture) -> None:
    for argv in (["explain", "x.json"], ["explain", "x.json", "--audience", "pupils"],
                 ["explain", "x.json", "--audience", "school", "--format", "pdf"],
                 ["explain", "x.json", "--audience", "school", "--at", "yesterday"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2, argv
    capsys.readouterr()


@pytest.mark.parametrize("command", ["explain", "graph", "book"])
def test_help_ends_with_an_example(capsys: Capture, command: str) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert out.strip().split("\n\n")[-1].startswith("example"), command
