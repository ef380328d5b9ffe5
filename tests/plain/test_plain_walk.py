"""threshold-guide walk --plain, driven through standard input as a user or a script would."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DUTY_1_0, ROOT
from tests.plain.helpers import (
    AT,
    CONTEXT,
    DOC,
    PIN,
    REPORT_TODAY,
    Capture,
    Step,
    answers_file,
    plain,
    replay,
    saved_sessions,
    typed,
)
from threshold_guide.cli.main import main
from threshold_guide.models.document import EvidenceType
from threshold_guide.plain.markdown_text import markdown_to_text
from threshold_guide.summary.json_output import render_json

MP = pytest.MonkeyPatch


def _resume_id(err: str) -> str:
    found = re.search(r"--resume (\S+)", err)
    assert found, err
    return found.group(1)


# A whole walk --------------------------------------------------------------------------------


def test_a_full_walk_gives_the_apps_session_file_and_runs_summary(
    capsys: Capture, monkeypatch: MP, tmp_path: Path
) -> None:
    code, out, err = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT,
                           "-o", str(tmp_path / "plain.md"))
    assert code == 0, err
    assert "Outcome: Report to social services today." in out
    (session,) = saved_sessions()
    assert render_json(session) == render_json(replay(REPORT_TODAY))

    answers = answers_file(REPORT_TODAY, tmp_path / "answers.json")
    assert main(["run", DOC, *PIN, "--answers", str(answers), "--at", AT, *CONTEXT,
                 "-o", str(tmp_path / "run.md")]) == 0
    assert (tmp_path / "plain.md").read_text() == (tmp_path / "run.md").read_text()


def test_the_summary_is_printed_after_the_walk_and_json_matches_run(
    capsys: Capture, monkeypatch: MP, tmp_path: Path
) -> None:
    code, out, _ = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT)
    assert code == 0
    answers = answers_file(REPORT_TODAY, tmp_path / "answers.json")
    main(["run", DOC, *PIN, "--answers", str(answers), "--at", AT, *CONTEXT])
    expected = markdown_to_text(capsys.readouterr().out) + "\n"
    assert out.endswith("The referral rationale summary follows.\n\n" + expected)

    code, out, _ = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT,
                         "--format", "json")
    main(["run", DOC, *PIN, "--answers", str(answers), "--at", AT, *CONTEXT, "--format", "json"])
    assert json.loads(out.split("follows.\n\n", 1)[1]) == json.loads(capsys.readouterr().out)


def test_the_printed_summary_is_plain_text_for_screen_readers(
    capsys: Capture, monkeypatch: MP
) -> None:
    # Was a bug: the Markdown was printed as it is, so "star star", pipes and hashes were
    # read aloud.
    code, out, _ = plain(capsys, monkeypatch, typed(REPORT_TODAY), DOC, *CONTEXT)
    assert code == 0
    summary = out.split("The referral rationale summary follows.", 1)[1]
    assert "**" not in summary and "|" not in summary and "\n#" not in summary
    assert "\n> " not in summary and "`" not in summary
    assert "\nCase reference: CASE-0042\n" in summary
    assert "\nVersion: 1.1.0 (published)\n" in summary  # a table row, read as a line


def test_as_a_separate_process_with_a_real_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "THRESHOLD_GUIDE_DATA": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "threshold_guide", "walk", DOC, *PIN, "--plain", "--at", AT,
         *CONTEXT],
        input="".join(f"{line}\n" for line in typed(REPORT_TODAY)), capture_output=True,
        text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "\nReferral rationale summary\n" in result.stdout
    (saved,) = (tmp_path / "data" / "sessions").glob("*.json")
    assert saved.stat().st_mode & 0o777 == 0o600
    assert saved.read_text() == render_json(replay(REPORT_TODAY))


def test_bytes_that_are_not_utf8_are_invalid_input_not_a_crash(tmp_path: Path) -> None:
    env = {**os.environ, "THRESHOLD_GUIDE_DATA": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "threshold_guide", "walk", DOC, *PIN, "--plain"],
        input=b"\xff\xfe\n2\nq\n", capture_output=True, cwd=ROOT, env=env, timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"is not an answer number" in result.stdout
    assert b"Question 2 of" in result.stdout


def test_the_childs_voice_and_strengths_are_saved_as_the_app_saves_them(
    capsys: Capture, monkeypatch: MP
) -> None:
    voice = ["I'm hungry [link](http://x)", "", "", "Quiet", "Nan", "", ""]
    code, out, _ = plain(capsys, monkeypatch, typed(REPORT_TODAY, voice), DOC, *CONTEXT)
    assert code == 0
    (session,) = saved_sessions()
    assert render_json(session) == render_json(replay(REPORT_TODAY, voice))
    assert "The child's voice, 1 of 4: What did the child say" in out
    assert "Strengths and protective factors, 1 of 3:" in out
    assert "I'm hungry [link](http://x)" in out  # as typed, never a link


# What is shown -----------------------------------------------------------------------------


def test_plain_text_only_one_prompt_per_line(capsys: Capture, monkeypatch: MP) -> None:
    code, out, _ = plain(capsys, monkeypatch, ["?", "d", "w", "q"], DOC)
    assert code == 0
    dialogue = out
    lines = dialogue.splitlines()
    assert lines[0].startswith("If a child is in immediate danger")
    assert "Question 1 of about 11: Is the child in immediate danger" in dialogue
    assert "1. Yes, or I think so" in lines and "2. No" in lines
    assert "Help: Answer yes if the child could be seriously hurt" in dialogue
    assert "- the child has an injury that needs urgent medical care;" in lines
    assert "Definition: Immediate danger." in lines
    assert "Why this is asked: Immediate danger comes before everything else." in dialogue
    # No colour, no cursor movement, no box drawing, no Markdown emphasis.
    assert "\x1b" not in dialogue and "**" not in dialogue
    assert not re.search(r"[\u2500-\u257f]", dialogue)
    # Every prompt ends with ': ' and then the line ends: one prompt per line.
    cues = [line for line in lines if line.endswith(": ") and line.startswith("Your answer")]
    assert len(cues) == 4


def test_nothing_plain_mode_imports_is_textual_or_rich(tmp_path: Path) -> None:
    probe = (
        "import io, sys\n"
        "from threshold_guide.cli.main import main\n"
        "sys.stdin = io.StringIO('1\\n')\n"
        f"code = main(['walk', '{DOC}', '--version', '{PIN[1]}', '--plain', '--at', '{AT}'])\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('textual', 'rich')))\n"
        "print('CODE:', code, 'LEAKED:' + ','.join(leaked))\n"
    )
    env = {**os.environ, "THRESHOLD_GUIDE_DATA": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120, check=False)
    assert result.stdout.strip().splitlines()[-1] == "CODE: 0 LEAKED:", result.stderr


def test_an_emergency_outcome_goes_straight_to_the_summary(
    capsys: Capture, monkeypatch: MP
) -> None:
    code, out, _ = plain(capsys, monkeypatch, ["1"], DOC)
    assert code == 0
    assert "Outcome: Call the police on 999 now" in out
    assert "This is an emergency." in out
    dialogue, summary = out.split("The referral rationale summary follows.")
    assert "The child's voice" not in dialogue
    assert "\nReferral rationale summary\n" in summary


# Moving about ------------------------------------------------------------------------------


def test_back_keeps_the_later_answers_and_can_change_the_route(
    capsys: Capture, monkeypatch: MP
) -> None:
    lines = [
        "2",                        # no immediate danger
        "2", "Saw it.", "1",        # I observed; note; observed
        "b",                        # back from the checklist to how the concern arose
        "",                         # Enter keeps 'I observed' ...
        "",                         # ... and its note ...
        "",                         # ... and its evidence type
        "b", "b",                   # back twice: to the first question (b there is refused)
        "b",
        "q",
    ]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    assert "This is the first question: there is nothing to go back to." in out
    assert "2. I saw or heard something myself (chosen)" in out
    assert "Current note: Saw it." in out
    assert "Evidence type numbers (for example 1,3), none, or Enter to keep 1: " in out
    (session,) = saved_sessions()
    assert session.answers["how-concern-arose"].note == "Saw it."
    assert session.position == 0

    # Changing an earlier answer re-derives the route: 'the child told me' leads elsewhere.
    code, out, _ = plain(capsys, monkeypatch, ["", "1", "", "", "q"], "--resume",
                         session.session_id)
    assert "Question 3 of about 11: What has the child told you?" in out


def test_multiple_choice_takes_a_list_or_none(capsys: Capture, monkeypatch: MP) -> None:
    steps = {**REPORT_TODAY, "indicators": Step([])}
    lines = typed(steps)
    assert lines[4] == "none"
    code, _, _ = plain(capsys, monkeypatch, lines, DOC, *CONTEXT)
    assert code == 0
    (session,) = saved_sessions()
    assert session.answers["indicators"].answer == []
    assert render_json(session) == render_json(replay(steps))


def test_multiple_choice_in_any_order_with_spaces(capsys: Capture, monkeypatch: MP) -> None:
    lines = ["2", "2", "Seen.", "", "5, 1", "", "q"]
    code, _, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    (session,) = saved_sessions()
    assert session.answers["indicators"].answer == ["physical", "neglect"]


def test_a_required_note_cannot_be_skipped(capsys: Capture, monkeypatch: MP) -> None:
    lines = ["2", "2", "", "   ", "-", "Saw it.", "", "q"]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    assert out.count("This question needs a note before you go on.") == 3
    (session,) = saved_sessions()
    given = session.answers["how-concern-arose"]
    assert (given.note, given.evidence) == ("Saw it.", [])


def test_an_optional_note_with_its_evidence_type(capsys: Capture, monkeypatch: MP) -> None:
    lines = ["2", "2", "Seen.", "4", "1", "Bruise seen by me.", "9", "1", "q"]
    code, out, _ = plain(capsys, monkeypatch, lines, DOC)
    assert code == 0
    assert "Note (optional): For each box you tick" in out
    assert "'9' is not an evidence type: type numbers from 1 to 4" in out
    (session,) = saved_sessions()
    assert session.answers["how-concern-arose"].evidence == [EvidenceType.OPINION]
    assert session.answers["indicators"].note == "Bruise seen by me."
    assert session.answers["indicators"].evidence == [EvidenceType.OBSERVED]


@pytest.mark.parametrize(("line", "message"), [
    ("", "Type a number from 1 to 2."),
    ("3", "There is no answer 3: the answers are numbered 1 to 2."),
    ("0", "There is no answer 0"),
    ("yes", "'yes' is not an answer number. Type a number from 1 to 2."),
    ("1,2", "Choose one answer only."),
    ("x", "'x' is not an answer number"),
])
def test_invalid_input_is_explained_and_asked_again(
    line: str, message: str, capsys: Capture, monkeypatch: MP
) -> None:
    code, out, _ = plain(capsys, monkeypatch, [line, "q"], DOC)
    assert code == 0
    assert message in out
    assert out.count("Your answer, 1 to 2: ") == 2


@pytest.mark.parametrize(("line", "message"), [
    ("", "Type the numbers of all that apply, separated by commas (for example 1,3), or none."),
    ("1,none", "Type none on its own, or only numbers."),
    ("8", "There is no answer 8: the answers are numbered 1 to 7."),
    ("1;2", "'1;2' is not an answer number."),
])
def test_invalid_checklist_input_is_explained(
    line: str, message: str, capsys: Capture, monkeypatch: MP
) -> None:
    code, out, _ = plain(capsys, monkeypatch, ["2", "2", "Seen.", "", line, "q"], DOC)
    assert code == 0
    assert message in out


# Stopping and resuming ---------------------------------------------------------------------


def test_end_of_input_saves_and_resume_completes_the_walk(
    capsys: Capture, monkeypatch: MP, tmp_path: Path
) -> None:
    lines = typed(REPORT_TODAY)
    code, out, err = plain(capsys, monkeypatch, lines[:6], DOC, *CONTEXT)
    assert code == 1
    assert "the input ended before the walk finished" in err
    session_id = _resume_id(err)
    assert f"threshold-guide walk --plain --resume {session_id}" in err
    (halfway,) = saved_sessions()
    assert list(halfway.answers) == ["immediate-danger", "how-concern-arose", "indicators"]

    code, out, err = plain(capsys, monkeypatch, lines[6:], "--resume", session_id,
                           "-o", str(tmp_path / "summary.md"))
    assert code == 0, err
    assert f"Resuming session {session_id} (3 questions answered)." in out
    (session,) = saved_sessions()
    assert render_json(session) == render_json(replay(REPORT_TODAY))
    answers = answers_file(REPORT_TODAY, tmp_path / "answers.json")
    main(["run", DOC, *PIN, "--answers", str(answers), "--at", AT, *CONTEXT])
    assert (tmp_path / "summary.md").read_text() == capsys.readouterr().out


def test_ctrl_c_saves_and_exits_130(capsys: Capture, monkeypatch: MP) -> None:
    class Interrupted(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            if self.tell() >= len("2\n"):
                raise KeyboardInterrupt
            return super().readline()

    monkeypatch.setattr(sys, "stdin", Interrupted("2\n"))
    assert main(["walk", DOC, *PIN, "--plain", "--at", AT]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "--resume" in err
    (session,) = saved_sessions()
    assert list(session.answers) == ["immediate-danger"]


def test_q_saves_and_says_how_to_resume(capsys: Capture, monkeypatch: MP) -> None:
    code, out, _ = plain(capsys, monkeypatch, ["2", "q"], DOC)
    assert code == 0
    assert "Saved. To continue later, run: threshold-guide walk --plain --resume" in out
    (session,) = saved_sessions()
    assert list(session.answers) == ["immediate-danger"]


def test_q_at_a_note_or_voice_prompt_also_saves(capsys: Capture, monkeypatch: MP) -> None:
    code, _, _ = plain(capsys, monkeypatch, ["2", "2", "q"], DOC)
    assert code == 0
    (session,) = saved_sessions()
    assert session.answers["how-concern-arose"].answer == "i-observed"


def test_resuming_at_the_outcome_asks_the_voice_prompts_again(
    capsys: Capture, monkeypatch: MP
) -> None:
    voice = ["Said it hurt", "q"]
    code, _, _ = plain(capsys, monkeypatch, typed(REPORT_TODAY, voice), DOC, *CONTEXT)
    assert code == 0
    (session,) = saved_sessions()
    code, out, _ = plain(capsys, monkeypatch, ["b", "", "", "", "", "", "", "", ""],
                         "--resume", session.session_id)
    assert code == 0
    # b at the first voice prompt goes back to the last question; Enter keeps everything.
    assert "Question 8 of 8: Is the concern about someone who works" in out
    assert "Current: Said it hurt" in out
    (after,) = saved_sessions()
    assert after.child_voice == {"own-words": "Said it hurt"}


def test_a_session_started_before_a_newer_version_asks_which_to_use(
    capsys: Capture, monkeypatch: MP
) -> None:
    code, _, _ = plain(capsys, monkeypatch, ["2", "q"], DOC, "--version", "1.0.0")
    assert code == 0
    (session,) = saved_sessions()
    assert session.guidance.version == "1.0.0"
    code, out, _ = plain(capsys, monkeypatch, ["5", "1", "q"], "--resume", session.session_id)
    assert code == 0
    assert "The guidance has changed since this session was started." in out
    assert "A newer version, 1.1.0, is in effect since 2026-10-01." in out
    assert "1. Continue under 1.0.0 as started" in out
    assert "2. Move to the newer version 1.1.0" in out
    assert "Type a number from 1 to 2" in out
    (kept,) = saved_sessions()
    assert kept.guidance.version == "1.0.0"

    code, out, _ = plain(capsys, monkeypatch, ["2", "q"], "--resume", session.session_id)
    assert "Moved to version 1.1.0." in out
    (moved,) = saved_sessions()
    assert moved.guidance.version == "1.1.0" and moved.history

    code, out, _ = plain(capsys, monkeypatch, ["q"], "--resume", session.session_id)
    assert code == 0 and "version 1.1.0" in out
    assert "The guidance has changed" not in out  # pinned to 1.1.0 now: nothing to ask


def test_resume_accepts_a_document_file_as_doc(capsys: Capture, monkeypatch: MP) -> None:
    plain(capsys, monkeypatch, ["2", "q"], str(DUTY_1_0))
    (session,) = saved_sessions()
    code, out, err = plain(capsys, monkeypatch, ["1", "q"], str(DUTY_1_0), "--resume",
                           session.session_id)
    assert code == 0, err
    assert "Question 2" in out
    code, out, err = plain(capsys, monkeypatch, ["q"], str(DUTY_1_0), "--resume",
                           session.session_id)
    assert code == 0 and "not resumed" in err


# Errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "message"), [
    (["walk", DOC], "'walk' needs --plain"),
    (["walk", "--plain"], "give the document to walk (DOC), or --resume SESSION_ID"),
    (["walk", "no-such-doc", "--plain"], "no threshold document with id 'no-such-doc'"),
    (["walk", DOC, "--plain", "--version", "9.9.9"], "has no version 9.9.9"),
    (["walk", "--plain", "--resume", "20990101-000000-00000000"], "no saved session"),
    (["walk", "--plain", "--resume", "../etc/passwd"], "is not a session id"),
    (["walk", "--plain", "--resume", "x", "--version", "1.0.0"], "--resume continues"),
    (["walk", DOC, "--plain", "-o", "/no/such/folder/s.md"], "does not exist"),
])
def test_usage_errors_exit_2_with_a_fix(argv: list[str], message: str, capsys: Capture,
                                        monkeypatch: MP) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert message in err and "fix:" in err and "Traceback" not in out + err


def test_resume_with_another_document_is_refused(capsys: Capture, monkeypatch: MP) -> None:
    plain(capsys, monkeypatch, ["2", "q"], DOC)
    (session,) = saved_sessions()
    code, _, err = plain(capsys, monkeypatch, [], "wales-significant-harm", "--resume",
                         session.session_id)
    assert code == 2 and "walks 'wales-duty-to-report'" in err


def test_an_unreadable_session_file_is_an_error(capsys: Capture, monkeypatch: MP) -> None:
    plain(capsys, monkeypatch, ["q"], DOC)
    (path,) = (Path(os.environ["THRESHOLD_GUIDE_DATA"]) / "sessions").glob("*.json")
    path.write_text("{not json")
    code, _, err = plain(capsys, monkeypatch, [], "--resume", path.stem)
    assert code == 1 and "not a threshold-guide session" in err


def test_help_ends_with_an_example(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["walk", "--help"])
    out = capsys.readouterr().out
    assert out.strip().split("\n\n")[-1].startswith("example")
