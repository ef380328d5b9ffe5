"""threshold-guide paths: every route from the start to an outcome, as answers files."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from itertools import islice
from typing import Any

from threshold_guide.cli.console import note
from threshold_guide.cli.options import Commands, add_document_arguments, resolve
from threshold_guide.engine.paths import FullRoute, all_routes
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import ngettext
from threshold_guide.models.document import ThresholdDocument

EXAMPLE = """--format text prints each route as an answers file (YAML) headed by a comment; a
checklist lists the ids ticked, and the ids left unticked in a comment.

example:
  threshold-guide paths wales-duty-to-report --limit 5
  threshold-guide paths wales-duty-to-report --version 1.0.0 --format text
"""

DEPARTURE_PLACEHOLDER = "<state your reason>"
"""The reason written for a departing answer: a route that departs only runs with one, and
a real reason is the practitioner's to give, so the file says where it goes."""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "paths", parents=parents, help="every route from start to an outcome",
        description="List every route through a document, each as an answers file that "
        "'threshold-guide run --answers' accepts. JSON: a list of "
        '{"outcome": id, "departures": [question ids], "answers": {...}}; an answer that '
        "departs from the guidance's suggestion is written as "
        '{"answer": id, "departure_reason": "<state your reason>"}.',
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument("--format", choices=["json", "text"], default="json")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="stop after N routes (a large document can have very many)")
    parser.set_defaults(handler=run)


def route_json(route: FullRoute) -> dict[str, Any]:
    """One route as an answers file ``run --answers`` accepts, departures marked."""
    answers: dict[str, Any] = {
        question: (
            {"answer": selection, "departure_reason": DEPARTURE_PLACEHOLDER}
            if question in route.departures else selection
        )
        for question, selection in route.answers.items()
    }
    return {"outcome": route.outcome, "departures": list(route.departures), "answers": answers}


def run(args: argparse.Namespace) -> int:
    entry = resolve(args)
    routes = all_routes(entry.document)
    if args.limit is not None:
        routes = islice(routes, max(args.limit, 0))
    # Routes are written as they are found: a large document has very many, and holding
    # them all before printing the first would only cost memory.
    count = 0
    if args.format == "json":
        sys.stdout.write("[")
        for count, route in enumerate(routes, start=1):
            item = json.dumps(route_json(route), indent=2, ensure_ascii=False)
            sys.stdout.write(("\n" if count == 1 else ",\n") + textwrap.indent(item, "  "))
        sys.stdout.write("\n]\n" if count else "]\n")
    else:
        for count, route in enumerate(routes, start=1):
            print(f"# {count}. {route.outcome}")
            print("\n".join(_answer_lines(entry.document, route)))
            print()
    if args.limit is not None and count == args.limit:
        note(ngettext("stopped after {count} route (--limit)",
                      "stopped after {count} routes (--limit)", args.limit))
    return ExitStatus.OK


def _answer_lines(document: ThresholdDocument, route: FullRoute) -> list[str]:
    """A route as answers-file lines. A checklist shows every item: the ids ticked, as the
    file gives them, and in a comment the ids left unticked, so the whole list is there to
    copy without reading the document. A judgement answer says whether it agrees with the
    guidance's suggestion; a departing one carries the reason it needs."""
    judged = {q.id for q in document.questions if q.suggest is not None}
    lines = []
    for question_id, selection in route.answers.items():
        if question_id in route.departures:
            lines.append(f"{question_id}: {{answer: {selection}, departure_reason: "
                         f"'{DEPARTURE_PLACEHOLDER}'}}  # departs from the suggestion")
            continue
        if isinstance(selection, str):
            agrees = "  # agrees with the suggestion" if question_id in judged else ""
            lines.append(f"{question_id}: {selection}{agrees}")
            continue
        ticked = ", ".join(selection)
        others = [a.id for a in document.question(question_id).answers if a.id not in selection]
        rest = f"  # not ticked: {', '.join(others)}" if others else ""
        lines.append(f"{question_id}: [{ticked}]{rest}")
    return lines
