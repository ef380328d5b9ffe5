"""Options shared by several commands, and the values they turn into."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeAlias

from pydantic import TypeAdapter, ValidationError

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.folders import guidance_folder
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _, ngettext
from threshold_guide.i18n.languages import INTERFACE_LANGUAGES, reader_language
from threshold_guide.loading.catalog import (
    Catalog,
    Entry,
    LookupProblem,
    is_path_reference,
    resolve_file,
)
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.household import Household
from threshold_guide.models.session import Session
from threshold_guide.models.text import DEFAULT_LANGUAGE, language_coverage
from threshold_guide.paths import GUIDANCE_ENV, guidance_dirs

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns; each command module adds its parser to it."""


def guidance_parent(*, command: bool = False) -> argparse.ArgumentParser:
    """The options every command takes: --guidance and --lang.

    They may come before the command or after it. A command's parser leaves them unset
    when they are not given (``command=True``), so it cannot overwrite with its default
    what was given before the command: argparse copies a command's values over the
    top-level ones, and ``threshold-guide --guidance DIR guidance list`` used to list the
    shipped guidance.
    """
    parent = argparse.ArgumentParser(add_help=False)
    unset: dict[str, object] = {"default": argparse.SUPPRESS} if command else {}
    parent.add_argument(
        "--guidance",
        metavar="DIR",
        type=guidance_folder,
        action="append",
        help=f"guidance folder to use instead of the shipped one (repeatable; "
        f"or set {GUIDANCE_ENV})",
        **unset,  # type: ignore[arg-type]
    )
    parent.add_argument(
        "--lang", metavar="CODE", type=language_code,
        help=f"language of messages and output: {_language_list()}; commands that read "
        "a session default to the session's language",
        **unset,  # type: ignore[arg-type]
    )
    return parent


def language_code(text: str) -> str:
    """A --lang value: a language the interface speaks; else a usage error (exit 2)."""
    code = text.strip().lower()
    if code not in INTERFACE_LANGUAGES:
        raise argparse.ArgumentTypeError(
            _("'{code}' is not a language threshold-guide speaks; choose one of: "
              "{languages}").format(code=text, languages=_language_list()))
    return code


def _language_list() -> str:
    return ", ".join(f"{code} ({name})" for code, name in INTERFACE_LANGUAGES.items())


def output_language(args: argparse.Namespace,
                    session: Session | Household | None = None, *,
                    family: bool = False) -> str:
    """The language of what a command writes: --lang, else the session's (or household's)
    language for its reader (the family's language for the family, see
    :func:`~threshold_guide.i18n.languages.reader_language`), else English."""
    given: str | None = getattr(args, "lang", None)
    if given:
        return given
    if session is None:
        return DEFAULT_LANGUAGE
    return reader_language(session, family=family)


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
        raise argparse.ArgumentTypeError(
            _("{text} is not a date written YYYY-MM-DD").format(text=repr(text))) from None


def parse_time(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a time like 2026-01-31T09:30:00Z").format(text=repr(text))
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


_EPOCH = re.compile(r"[0-9]+")


def now(explicit: dt.datetime | None) -> dt.datetime:
    """The time a command stamps on its output: --at, else SOURCE_DATE_EPOCH, else now.

    A SOURCE_DATE_EPOCH that is not a time (``²``, which ``str.isdigit`` accepts, or a
    year past 9999) is a usage error, never an internal one.
    """
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    try:
        if not _EPOCH.fullmatch(epoch):
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise CommandError(
            _("SOURCE_DATE_EPOCH={value} is not a time").format(value=repr(epoch[:40])),
            _("set it to whole seconds since 1970-01-01 UTC (e.g. 1767225600), or unset it"),
            ExitStatus.USAGE,
        ) from None


def _session_field(name: str) -> Callable[[str], str]:
    """An argparse type that checks a value against the session file's field ``name``, so
    the command line refuses what the session model would refuse (exit 2, not 3)."""
    field = Session.model_fields[name]
    adapter: TypeAdapter[str] = TypeAdapter(Annotated[str, field])

    def check(text: str) -> str:
        try:
            return adapter.validate_python(text)
        except ValidationError as error:
            detail = error.errors()[0]
            limit = (detail.get("ctx") or {}).get("max_length")
            if limit is not None:
                raise argparse.ArgumentTypeError(
                    _("{length} characters is too long: at most {limit}").format(
                        length=len(text), limit=limit)
                ) from None
            raise argparse.ArgumentTypeError(detail["msg"]) from None

    check.__name__ = name  # argparse names the type in its messages
    return check


def add_case_arguments(parser: argparse.ArgumentParser) -> None:
    """--reference, --role and --agency, checked as the session file checks them."""
    parser.add_argument("--reference", default="", metavar="REF", type=_session_field("reference"),
                        help="case reference (never a child's name)")
    parser.add_argument("--role", default="", type=_session_field("role"),
                        help="your role, e.g. 'Designated safeguarding person'")
    parser.add_argument("--agency", default="", type=_session_field("agency"),
                        help="your agency, e.g. school, health, police")


def warn_untranslated(document: ThresholdDocument, language: str) -> None:
    """Say on stderr when ``document`` lacks text in ``language``: never a silent fallback."""
    if language == DEFAULT_LANGUAGE:
        return
    texts, translated = language_coverage(document, language)
    name = f"'{document.id}' {document.version}"
    if translated == 0:
        note(_("warning: {document} has no text in '{language}'; everything is shown in "
               "English").format(document=name, language=language))
    elif translated < texts:
        note(ngettext("warning: {document} has '{language}' for {translated} of its {count} "
                      "text; the rest is shown in English",
                      "warning: {document} has '{language}' for {translated} of its {count} "
                      "texts; the rest is shown in English", texts).format(
                          document=name, language=language, translated=translated))


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
