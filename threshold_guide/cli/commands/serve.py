"""threshold-guide serve: the app in a web browser, for training rooms."""

from __future__ import annotations

import argparse
import socket

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.options import Commands
from threshold_guide.exit_status import ExitStatus
from threshold_guide.paths import DATA_ENV
from threshold_guide.web.server import INSTALL_HINT, Address, WebExtraMissing, serve

EXAMPLE = f"""Each browser tab runs its own copy of the app. Saved sessions go in the data folder
of the user running the server, shared by everyone connected: for a training room, point
{DATA_ENV} at a folder kept for it. Needs the web extra: {INSTALL_HINT}

example:
  threshold-guide serve                      then open http://127.0.0.1:8000
  threshold-guide serve --port 8080 --guidance ./our-guidance/
  {DATA_ENV}=./training-room threshold-guide serve --host 0.0.0.0 \\
      --public-url http://trainer-laptop.local:8000
"""


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1 to 65535)")
    return value


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve", parents=parents, help="serve the app to web browsers (training rooms)",
        description="Serve the terminal app to web browsers with textual-serve. Only this "
        "computer can connect unless --host says otherwise.",
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
    address = Address(args.host, args.port, args.public_url)
    if address.wildcard and not args.public_url:
        # Browsers cannot open 0.0.0.0; the page must point them at this computer's name.
        address = Address(args.host, args.port, f"http://{socket.gethostname()}:{args.port}")
    if not address.loopback:
        note(
            f"WARNING: serving on {args.host}:{args.port}, so other computers can connect. "
            "There is no login and the connection is not encrypted: anyone who can reach "
            f"{address.url} can use the app and the sessions saved by this user account. "
            "Use it only on a trusted training network, with training cases, never real "
            f"case details. If browsers cannot connect, pass --public-url with this "
            "computer's address."
        )
    note(f"open {address.url} in a web browser; press Ctrl+C to stop")
    try:
        serve(address, args.guidance)
    except WebExtraMissing:
        raise CommandError("'serve' needs textual-serve, which is not installed",
                           INSTALL_HINT, ExitStatus.USAGE) from None
    except OSError as problem:
        raise CommandError(
            f"cannot serve on {args.host}:{args.port}: {problem.strerror or problem}",
            "choose another --port, or stop whatever is using it",
            ExitStatus.ERROR,
        ) from None
    return ExitStatus.OK
