"""The rules of who may use the served app, without a server: token, host, origin."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from threshold_guide.paths import DATA_ENV
from threshold_guide.web import participant_app
from threshold_guide.web.gate import Gate, new_token, tokens_match
from threshold_guide.web.participants import Participants, make_private_folder
from threshold_guide.web.server import Address, Room

TOKEN = "a-secret-token-for-this-run"
GATE = Gate(TOKEN, frozenset({"localhost", "room.example"}), frozenset({8000}))
OWN = {"Host": "127.0.0.1:8000"}


def test_tokens_are_random_and_long() -> None:
    tokens = {new_token() for _ in range(20)}
    assert len(tokens) == 20 and all(len(token) >= 32 for token in tokens)


@pytest.mark.parametrize("given", [None, "", "wrong", TOKEN[:-1], TOKEN + "x", "é" * 20])
def test_any_other_token_is_refused(given: str | None) -> None:
    assert not tokens_match(given, TOKEN)
    assert GATE.page_refusal(OWN, given) is not None
    assert GATE.socket_refusal({**OWN, "Origin": "http://127.0.0.1:8000"}, given) is not None


def test_the_right_token_from_the_page_itself_is_let_in() -> None:
    assert GATE.page_refusal(OWN, TOKEN) is None
    assert GATE.socket_refusal({**OWN, "Origin": "http://127.0.0.1:8000"}, TOKEN) is None
    assert GATE.socket_refusal({"Host": "[::1]:8000", "Origin": "http://[::1]:8000"},
                               TOKEN) is None


@pytest.mark.parametrize("origin", [
    "http://127.0.0.1:9999",        # another port of this computer: another origin
    "http://localhost:8000",        # another name for this computer: another origin
    "https://evil.example",
    "null",                         # a sandboxed frame or a file
    "file://",
    "http://127.0.0.1:8000.evil.example",
])
def test_another_origin_is_refused_even_with_the_token(origin: str) -> None:
    headers = {**OWN, "Origin": origin}
    assert GATE.socket_refusal(headers, TOKEN) is not None
    assert GATE.page_refusal(headers, TOKEN) is not None


def test_a_websocket_without_an_origin_is_not_a_browser_page_and_is_refused() -> None:
    assert GATE.socket_refusal(OWN, TOKEN) is not None


@pytest.mark.parametrize(("site", "destination", "allowed"), [
    ("none", "document", True),             # the link typed or pasted
    ("same-origin", "document", True),      # reload, Restart
    ("cross-site", "document", True),       # a link followed from elsewhere
    ("same-site", "iframe", False),         # framed by a page on another port
    ("cross-site", "empty", False),         # fetched by another site's script
])
def test_the_page_is_served_as_a_page_not_to_other_sites(site: str, destination: str,
                                                          allowed: bool) -> None:
    headers = {**OWN, "Sec-Fetch-Site": site, "Sec-Fetch-Dest": destination}
    assert (GATE.page_refusal(headers, TOKEN) is None) is allowed


@pytest.mark.parametrize(("host", "allowed"), [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("room.example:8000", True),
    ("192.0.2.7:8000", True), ("[::1]:8000", True),
    ("evil.example:8000", False),    # a name pointed at this computer (DNS rebinding)
    ("127.0.0.1:9999", False), ("", False), ("127.0.0.1:port", False),
])
def test_only_the_names_it_was_given_and_ip_addresses_are_answered(host: str,
                                                                   allowed: bool) -> None:
    assert (GATE.host_refusal(host) is None) is allowed


def test_a_room_answers_to_its_public_url() -> None:
    room = Room(Address("0.0.0.0", 8000, "https://training.example/"), TOKEN, Path("p"))
    gate = room.gate()
    assert room.link == f"https://training.example/?token={TOKEN}"
    assert gate.scheme == "https" and {443, 8000} <= gate.ports
    headers = {"Host": "training.example", "Origin": "https://training.example"}
    assert gate.socket_refusal(headers, TOKEN) is None


def test_participant_ids_are_only_those_this_run_issued(tmp_path: Path) -> None:
    participants = Participants(tmp_path / "participants")
    first, second = participants.issue(), participants.issue()
    assert first != second and participants.known(first)
    for stranger in (None, "", "../../etc", "0" * 24, first.upper(), f"{first}/x"):
        assert not participants.known(stranger)
        with pytest.raises(ValueError):
            participants.folder(stranger or "")
    assert participants.folder(first) == tmp_path / "participants" / first


def test_participant_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        made = make_private_folder(tmp_path / "a" / "b")
    finally:
        os.umask(previous)
    assert made.is_dir()
    assert (tmp_path / "a").stat().st_mode & 0o777 == 0o700
    assert made.stat().st_mode & 0o777 == 0o700


def test_each_tab_app_runs_with_its_own_data_folder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, object]] = []
    monkeypatch.setattr("threshold_guide.cli.launch.launch_app",
                        lambda guidance, language=None: seen.append(
                            (os.environ[DATA_ENV], guidance)) or 0)
    folder = tmp_path / "participants" / "0123"
    assert participant_app.main(["--data", str(folder), "--guidance", "g"]) == 0
    assert seen == [(str(folder), [Path("g")])]


def test_each_tab_app_starts_in_the_language_serve_was_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from threshold_guide.i18n.catalogue import interface_language, set_interface_language

    seen: list[tuple[object, str]] = []
    monkeypatch.setattr("threshold_guide.cli.launch.launch_app",
                        lambda guidance, language=None: seen.append(
                            (language, interface_language())) or 0)
    try:
        assert participant_app.main(["--data", str(tmp_path), "--lang", "cy"]) == 0
    finally:
        set_interface_language("en")
    assert seen == [("cy", "cy")]
