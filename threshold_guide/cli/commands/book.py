"""threshold-guide book: a whole threshold document as a readable logic book."""

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
from threshold_guide.logic_book import render_logic_book
from threshold_guide.render.pages import book_html

EXAMPLE = """The logic book shows the threshold without walking it: what the document is for,
the legal test, every question with its answers and where each leads, the outcomes,
definitions, sources and changelog. HTML is one self-contained, print-ready file.

example:
  threshold-guide book wales-duty-to-report
  threshold-guide book wales-significant-harm --format html -o logic-book.html
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "book", parents=parents, help="the whole document as a readable logic book",
        description="Print a threshold document as a logic book in Markdown, or as one "
        "print-ready HTML file. The same document gives byte-identical output.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_document_arguments(parser)
    parser.add_argument("--format", choices=["md", "html"], default="md")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the book here (atomically) instead of printing it")
    add_language_argument(parser, "the text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = resolve(args).document
    language: str = args.lang or "en"
    warn_untranslated(document, language)
    text = (book_html(document, language) if args.format == "html"
            else render_logic_book(document, language))
    emit(text, args.output)
    return ExitStatus.OK
