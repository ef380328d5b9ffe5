"""threshold-guide serve without a browser: its options, its warnings, a missing extra."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.conftest import BuiltWheel
from threshold_guide.cli.commands import serve as serve_command
from threshold_guide.cli.main import main
from threshold_guide.web.server import Address, Room, app_command

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[Room]:
    """Replace the server with a recorder: these tests never listen on any address."""
    calls: list[Room] = []
    monkeypatch.setattr(serve_command, "serve", calls.append)
    return calls


def test_serves_on_this_computer_only_by_default(served: list[Room], capsys: Capture) -> None:
    assert main(["serve"]) == 0
    (room,) = served
    address = room.address
    assert (address.host, address.port, address.loopback) == ("127.0.0.1", 8000, True)
    err = capsys.readouterr().err
    assert f"http://127.0.0.1:8000/?token={room.token}" in err and "WARNING" not in err


def test_each_run_prints_a_link_with_its_own_token(served: list[Room], capsys: Capture) -> None:
    assert main(["serve"]) == 0 and main(["serve"]) == 0
    first, second = served
    assert first.token != second.token and len(first.token) >= 32
    assert second.link in capsys.readouterr().err


def test_says_where_each_tab_keeps_its_sessions(served: list[Room], capsys: Capture,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THRESHOLD_GUIDE_DATA", str(tmp_path / "room"))
    assert main(["serve"]) == 0
    assert served[0].participants == tmp_path / "room" / "participants"
    err = capsys.readouterr().err
    assert f"scenarios report {tmp_path / 'room' / 'participants'}" in err


def test_a_missing_guidance_folder_is_a_usage_error(served: list[Room], capsys: Capture,
                                                    tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--guidance", str(tmp_path / "missing")])
    assert stopped.value.code == 2
    assert "no such folder" in capsys.readouterr().err
    assert served == []


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "trainer.example"])
def test_warns_clearly_when_other_computers_can_connect(
    host: str, served: list[Room], capsys: Capture
) -> None:
    assert main(["serve", "--host", host, "--port", "8080"]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "OTHER COMPUTERS CAN CONNECT" in err
    assert "no login beyond the token" in err and "never real case details" in err
    address = served[0].address
    # A browser cannot open 0.0.0.0 or ::, so the page must name this computer instead.
    assert "0.0.0.0" not in address.url and "[::]" not in address.url


def test_public_url_is_what_the_link_points_browsers_at(served: list[Room]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--public-url", "http://room.local:9/"]) == 0
    assert served[0].address.url == "http://room.local:9"
    assert served[0].link.startswith("http://room.local:9/?token=")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.2", "::1"])
def test_loopback_addresses_need_no_warning(host: str, served: list[Room],
                                            capsys: Capture) -> None:
    assert main(["serve", "--host", host]) == 0
    assert "WARNING" not in capsys.readouterr().err


def test_ipv6_addresses_are_bracketed_in_urls() -> None:
    assert Address("::1", 8000).url == "http://[::1]:8000"


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_a_usage_error(port: str, capsys: Capture) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", port])
    assert stopped.value.code == 2
    assert "port" in capsys.readouterr().err


def test_without_textual_serve_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    # None in sys.modules makes the import fail, as if the package were not installed.
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.app_service", None)
    # The server module may be imported already by other tests; it needs textual-serve.
    monkeypatch.setitem(sys.modules, "threshold_guide.web.routes", None)
    assert main(["serve", "--port", "8123"]) == 2
    err = capsys.readouterr().err
    assert "textual-serve" in err and "pip install 'threshold-guide[web]'" in err
    assert "Traceback" not in err


def test_the_app_command_runs_this_interpreter_in_the_tab_folder_with_the_guidance(
    tmp_path: Path
) -> None:
    words = shlex.split(app_command([tmp_path / "our guidance"], tmp_path / "tab 1"))
    assert words == [sys.executable, "-m", "threshold_guide.web.participant_app",
                     "--data", str(tmp_path / "tab 1"),
                     "--guidance", str(tmp_path / "our guidance")]


def test_help_ends_with_an_example(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert out.strip().split("\n\n")[-1].startswith("example")
    assert "threshold-guide[web]" in out


@pytest.mark.slow
def test_the_wheel_carries_the_page_template(built_wheel: BuiltWheel) -> None:
    assert "threshold_guide/web/templates/index.html" in built_wheel.names


def test_serve_lang_reaches_every_tab_app(monkeypatch: pytest.MonkeyPatch, capsys: Capture,
                                          tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    from threshold_guide.i18n.catalogue import set_interface_language
    from threshold_guide.web import routes

    started: list[routes.State] = []
    monkeypatch.setattr(routes, "run", lambda state, host, port: started.append(state))
    try:
        assert main(["serve", "--lang", "cy"]) == 0
        err = capsys.readouterr().err
        assert main(["serve"]) == 0
    finally:
        set_interface_language("en")
    welsh, unset = started
    words = shlex.split(welsh.app_command(tmp_path / "tab"))
    assert words[-2:] == ["--lang", "cy"]
    assert "--lang" not in shlex.split(unset.app_command(tmp_path / "tab"))
    # The server's own words are Welsh too.
    assert "mewn porwr gwe" in err and "in a web browser" not in err
