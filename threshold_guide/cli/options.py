"""Options shared by several commands, and the values they turn into."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import TypeAlias

from threshold_guide.cli.console import CommandError
from threshold_guide.exit_status import ExitStatus
from threshold_guide.loading.catalog import (
    Catalog,
    Entry,
    LookupProblem,
    is_path_reference,
    resolve_file,
)
from threshold_guide.paths import GUIDANCE_ENV, guidance_dirs

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns; each command module adds its parser to it."""


def guidance_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--guidance",
        metavar="DIR",
        type=Path,
        action="append",
        help=f"guidance folder to use instead of the shipped one (repeatable; "
        f"or set {GUIDANCE_ENV})",
    )
    return parent


def add_document_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", metavar="DOC", help="document id or file path")
    parser.add_argument("--version", metavar="V", help="document version (default: current)")
    parser.add_argument(
        "--on", metavar="DATE", type=parse_date,
        help="use the version in effect on this day (YYYY-MM-DD)",
    )


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def parse_time(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time like 2026-01-31T09:30:00Z"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def now(explicit: dt.datetime | None) -> dt.datetime:
    """The time a command stamps on its output: --at, else SOURCE_DATE_EPOCH, else now."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def catalog(args: argparse.Namespace) -> Catalog:
    return Catalog.load(guidance_dirs(args.guidance))


def resolve(args: argparse.Namespace) -> Entry:
    """The document a command's DOC, --version and --on point at."""
    try:
        if is_path_reference(args.document):
            return resolve_file(Path(args.document))
        return catalog(args).resolve(
            args.document, dt.date.today(), version=args.version, on=args.on
        )
    except LookupProblem as problem:
        status = ExitStatus.ERROR if problem.diagnostics else ExitStatus.USAGE
        raise CommandError(problem.message, problem.hint, status, problem.diagnostics) from None
