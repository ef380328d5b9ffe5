"""threshold-guide paths: every route from the start to an outcome, as answers files."""

from __future__ import annotations

import argparse
import json
from itertools import islice

from threshold_guide.cli.console import note
from threshold_guide.cli.options import Commands, add_document_arguments, resolve
from threshold_guide.engine.paths import all_routes
from threshold_guide.exit_status import ExitStatus
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Selection
from threshold_guide.plural import counted

EXAMPLE = """--format text prints each route as an answers file (YAML) headed by a comment; a
checklist lists the ids ticked, and the ids left unticked in a comment.

example:
  threshold-guide paths wales-duty-to-report --limit 5
  threshold-guide paths wales-duty-to-report --version 1.0.0 --format text
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "paths", parents=parents, help="every route from start to an outcome",
        description="List every route through a document, each as an answers file that "
        "'threshold-guide run --answers' accepts. JSON: a list of "
        '{"outcome": id, "answers": {...}}.',
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument("--format", choices=["json", "text"], default="json")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="stop after N routes (a large document can have very many)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    entry = resolve(args)
    routes = all_routes(entry.document)
    if args.limit is not None:
        routes = islice(routes, max(args.limit, 0))
    found = list(routes)
    if args.format == "json":
        payload = [{"outcome": r.outcome, "answers": r.answers} for r in found]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for number, route in enumerate(found, start=1):
            print(f"# {number}. {route.outcome}")
            print("\n".join(_answer_lines(entry.document, route.answers)))
            print()
    if args.limit is not None and len(found) == args.limit:
        note(f"stopped after {counted(args.limit, 'route')} (--limit)")
    return ExitStatus.OK


def _answer_lines(document: ThresholdDocument, answers: dict[str, Selection]) -> list[str]:
    """A route as answers-file lines. A checklist shows every item: the ids ticked, as the
    file gives them, and in a comment the ids left unticked, so the whole list is there to
    copy without reading the document."""
    lines = []
    for question_id, selection in answers.items():
        if isinstance(selection, str):
            lines.append(f"{question_id}: {selection}")
            continue
        ticked = ", ".join(selection)
        others = [a.id for a in document.question(question_id).answers if a.id not in selection]
        rest = f"  # not ticked: {', '.join(others)}" if others else ""
        lines.append(f"{question_id}: [{ticked}]{rest}")
    return lines
