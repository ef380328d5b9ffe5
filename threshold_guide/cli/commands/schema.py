"""threshold-guide schema: print the JSON Schema of a file format."""

from __future__ import annotations

import argparse
from pathlib import Path

from threshold_guide.cli.console import emit
from threshold_guide.cli.options import Commands
from threshold_guide.exit_status import ExitStatus
from threshold_guide.models.schemas import SCHEMAS, schema_text

EXAMPLE = """example:
  threshold-guide schema > threshold-document.schema.json
  threshold-guide schema --kind session
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "schema", parents=parents,
        help="print the JSON Schema of a file format",
        description="Print the JSON Schema generated from the pydantic models. "
        "The same schemas are checked in under schema/.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--kind", choices=sorted(SCHEMAS), default="document",
                        help="which format (default: document)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    emit(schema_text(args.kind), args.output)
    return ExitStatus.OK
