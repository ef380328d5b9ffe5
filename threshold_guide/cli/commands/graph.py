"""threshold-guide graph: the question tree as a Mermaid or Graphviz DOT flowchart."""

from __future__ import annotations

import argparse
from pathlib import Path

from threshold_guide.cli.console import emit
from threshold_guide.cli.options import (
    Commands,
    add_document_arguments,
    add_language_argument,
    resolve,
    warn_untranslated,
)
from threshold_guide.exit_status import ExitStatus
from threshold_guide.render.graph import flowchart, render_dot, render_mermaid

EXAMPLE = """Questions are numbered as in the logic book ('threshold-guide book'). Shapes: box =
question, parallelogram = tick-any checklist, rounded = outcome, hexagon (Mermaid) or
double octagon (DOT) = emergency outcome; outcome labels give the level and whether the
test is met. Multiple-choice rules are numbered in the order they are tried.

example:
  threshold-guide graph wales-duty-to-report --format mermaid -o tree.mmd
  threshold-guide graph wales-duty-to-report --version 1.0.0 --format dot | dot -Tsvg > tree.svg
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "graph", parents=parents, help="the question tree as a Mermaid or DOT flowchart",
        description="Draw a threshold document's question tree: every question, every "
        "outcome and the answers between them, as Mermaid or Graphviz DOT text. The same "
        "document gives byte-identical output.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument("--format", choices=["mermaid", "dot"], required=True)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the flowchart here (atomically) instead of printing it")
    add_language_argument(parser, "the labels")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = resolve(args).document
    language: str = args.lang or "en"
    warn_untranslated(document, language)
    chart = flowchart(document, language)
    emit(render_mermaid(chart) if args.format == "mermaid" else render_dot(chart), args.output)
    return ExitStatus.OK
