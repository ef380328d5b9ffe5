"""The global --lang: accepted by every command, refused when the interface lacks the
language, and the CLI's messages in Welsh."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from threshold_guide.cli.main import _app_options, build_parser, main
from threshold_guide.cli.options import output_language
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import interface_language, set_interface_language

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    set_interface_language("en")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:  # argparse keeps its subparsers here, and only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                groups = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
                if not groups:
                    found[name] = sub
                for inner in groups:  # a group (conference, scenarios): its commands
                    found.update({f"{name} {n}": s for n, s in inner.choices.items()})
    return found


COMMANDS = sorted(_commands())


def test_the_commands_are_all_found() -> None:
    assert {"validate", "explain", "due", "conference run", "scenarios check"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang_before_or_after_it(command: str) -> None:
    words = command.split()
    parser = build_parser()
    for argv in ([*words, "--lang", "cy"], ["--lang", "cy", *words]):
        try:
            args, _ = parser.parse_known_args(argv)
        except SystemExit:  # a command whose required arguments are missing
            continue
        assert args.lang == "cy", argv
    lang = next(a for a in _commands()[command]._actions if "--lang" in a.option_strings)
    assert lang.metavar == "CODE"


def test_lang_is_none_when_not_given() -> None:
    args = build_parser().parse_args(["guidance", "list"])
    assert args.lang is None
    assert output_language(args) == "en"


def test_given_before_the_command_is_kept(tmp_path: Path) -> None:
    args = build_parser().parse_args(["--lang", "cy", "--guidance", str(tmp_path),
                                      "guidance", "list"])
    assert args.lang == "cy" and args.guidance == [tmp_path]


def test_a_language_the_interface_lacks_is_a_usage_error(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["guidance", "list", "--lang", "fr"])
    assert refused.value.code == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "'fr'" in err and "cy (Cymraeg)" in err and "en (English)" in err
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "xx"])  # the bare app launch too
    assert stopped.value.code == ExitStatus.USAGE


def test_the_bare_app_launch_takes_lang() -> None:
    assert _app_options(["--lang", "cy"]) == ([], "cy")
    assert _app_options(["--guidance", "g", "--lang=cy"]) == ([Path("g")], "cy")
    assert _app_options(["--lang", "cy", "guidance"]) is None


def test_a_missing_session_file_is_reported_in_welsh(capsys: Capture, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    english = main(["explain", str(missing), "--audience", "school"])
    err_en = capsys.readouterr().err
    welsh = main(["--lang", "cy", "explain", str(missing), "--audience", "school"])
    err_cy = capsys.readouterr().err
    assert english == welsh == ExitStatus.ERROR
    assert "error: " in err_en and "no such file" in err_en
    assert f"threshold-guide: gwall: {missing}: nid yw'r ffeil yn bodoli" in err_cy
    assert "i'w ddatrys: rhowch ffeil sesiwn" in err_cy
    assert "no such file" not in err_cy


def test_each_run_speaks_only_its_own_lang(capsys: Capture, tmp_path: Path) -> None:
    main(["--lang", "cy", "explain", str(tmp_path / "x.json"), "--audience", "school"])
    assert interface_language() == "cy"
    main(["explain", str(tmp_path / "x.json"), "--audience", "school"])
    assert interface_language() == "en"
    assert "no such file" in capsys.readouterr().err


def test_usage_errors_are_in_the_chosen_language(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--lang", "cy", "explain"])
    assert refused.value.code == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "threshold-guide: gwall:" in err and "i weld yr opsiynau" in err


def test_commands_that_read_a_session_default_to_its_language() -> None:
    from threshold_guide.models.session import Session

    class Pinned:
        language = "cy"

    args = argparse.Namespace(lang=None)
    assert output_language(args, Pinned()) == "cy"  # type: ignore[arg-type]
    assert output_language(argparse.Namespace(lang="en"), Pinned()) == "en"  # type: ignore[arg-type]
    assert Session.model_fields["language"].default == "en"
