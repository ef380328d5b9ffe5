"""threshold-guide serve: the app in a web browser, for training rooms."""

from __future__ import annotations

import argparse
import socket

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.options import Commands
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.paths import DATA_ENV, data_dir
from threshold_guide.web.gate import new_token
from threshold_guide.web.server import INSTALL_HINT, Address, Room, WebExtraMissing, serve

PARTICIPANTS = "participants"
"""Folder in the data folder that holds one folder per browser tab."""

EXAMPLE = f"""Open the link it prints: it carries a secret token made for this run, and nothing
is served without it. Each browser tab runs its own copy of the app with its own folder
for sessions, under {PARTICIPANTS}/ in the data folder ({DATA_ENV} chooses it). Afterwards:
threshold-guide scenarios report DATA/{PARTICIPANTS}/. Needs the web extra: {INSTALL_HINT}

example:
  threshold-guide serve                      then open the http://127.0.0.1:8000/?token=... link
  threshold-guide serve --port 8080 --guidance ./our-guidance/
  {DATA_ENV}=./training-room threshold-guide serve --host 0.0.0.0 \\
      --public-url http://trainer-laptop.local:8000
"""


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a port number").format(text=repr(text))) from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            _("{value} is not a port number (1 to 65535)").format(value=value))
    return value


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve", parents=parents, help="serve the app to web browsers (training rooms)",
        description="Serve the terminal app to web browsers. Only this computer can connect "
        "unless --host says otherwise, and only with the link printed at start.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this computer only)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address browsers use to reach the server, when it is not "
                        "http://HOST:PORT (e.g. behind a proxy or with --host 0.0.0.0)")
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    for folder in args.guidance or []:
        if not folder.is_dir():
            raise CommandError(_("{folder}: no such guidance folder").format(folder=folder),
                               _("check the path given to --guidance"), ExitStatus.USAGE)
    address = Address(args.host, args.port, args.public_url)
    if address.wildcard and not args.public_url:
        # Browsers cannot open 0.0.0.0; the link must name this computer instead.
        address = Address(args.host, args.port, f"http://{socket.gethostname()}:{args.port}")
    participants = data_dir() / PARTICIPANTS
    # --lang goes to every tab's app; without it each tab keeps its remembered choice.
    room = Room(address, new_token(), participants,
                tuple(args.guidance) if args.guidance else None, args.lang)
    if not address.loopback:
        note(_(
            "WARNING: serving on {host}:{port}, so OTHER COMPUTERS CAN CONNECT. "
            "There is no login beyond the token in the link below: anyone who has the link "
            "and can reach {url} can use the app. The connection is not encrypted, "
            "so others on the network can read the token and what is typed. Use it only on a "
            "trusted training network, with training cases, never real case details. If "
            "browsers cannot connect, pass --public-url with the address they use."
        ).format(host=args.host, port=args.port, url=address.url))
    note(_("each browser tab saves its sessions in its own folder under {folder}; "
           "afterwards: threshold-guide scenarios report {folder}").format(folder=participants))
    note(_("open {link} in a web browser (the whole link: it carries this run's "
           "token); press Ctrl+C to stop").format(link=room.link))
    try:
        serve(room)
    except WebExtraMissing:
        raise CommandError(_("'serve' needs textual-serve, which is not installed"),
                           INSTALL_HINT, ExitStatus.USAGE) from None
    except OSError as problem:
        raise CommandError(
            _("cannot serve on {host}:{port}: {problem}").format(
                host=args.host, port=args.port, problem=problem.strerror or problem),
            _("choose another --port, or stop whatever is using it"),
            ExitStatus.ERROR,
        ) from None
    return ExitStatus.OK
