"""The message catalogue's workflow, on Babel: extract, update, compile, check.

    python -m tools.catalogue update   # after changing strings: .pot, then cy.po, then .mo
    python -m tools.catalogue check    # what the test runs: exit 1 and a list of problems

``update`` extracts every marked string (``_``, ``ngettext``, ``N_``, and the
``tr.gettext``/``tr.ngettext`` of a :class:`~threshold_guide.i18n.catalogue.Translator`)
from the package into ``threshold_guide/locale/threshold_guide.pot``, merges it into each
language's ``.po`` (new strings arrive empty, strings gone from the code are dropped) and
compiles the ``.mo`` the app reads. Files carry no dates or line numbers, so the same code
gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "threshold_guide"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "threshold_guide.pot"
LANGUAGES = ("cy",)
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "gettext": None, "ngettext": (1, 2)}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")
_WRITE = {"width": 96, "sort_output": True, "include_lineno": False, "omit_header": False}


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "threshold_guide.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def _header(catalog: Catalog) -> Catalog:
    # Fixed header fields: the files must not change when nothing else did.
    catalog.project = "threshold-guide"
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "threshold-guide contributors"
    catalog.fuzzy = False
    return catalog


def extract() -> Catalog:
    """Every marked string in the package, as a template."""
    import datetime as dt

    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    catalog = _header(Catalog(creation_date=fixed, revision_date=fixed))
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"threshold_guide/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def _dump_po(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, ignore_obsolete=True, **_WRITE)  # type: ignore[arg-type]
    return out.getvalue()


def _dump_mo(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def update() -> None:
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(_dump_po(template))
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            catalog = read(path, language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, creation_date=template.creation_date,
                              revision_date=template.creation_date)
        catalog.update(template, no_fuzzy_matching=True)
        catalog = _header(catalog)
        catalog.revision_date = template.creation_date
        path.write_bytes(_dump_po(catalog))
        mo_path(language).write_bytes(_dump_mo(read(path, language)))


def _ids(catalog: Catalog) -> set[object]:
    return {message.id for message in catalog if message.id}


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _forms(message_id: object) -> Iterable[str]:
    return message_id if isinstance(message_id, tuple | list) else [str(message_id)]


def _compiled(path: Path) -> dict[object, str]:
    import gettext

    with path.open("rb") as handle:
        messages: dict[object, str] = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)  # the header, which names Babel's version
    return messages


def _compiled_from(catalog: Catalog) -> dict[object, str]:
    import gettext

    messages: dict[object, str] = dict(
        gettext.GNUTranslations(io.BytesIO(_dump_mo(catalog)))._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def problems() -> list[str]:
    """Everything that would make the catalogue wrong: each names the string concerned."""
    found: list[str] = []
    template = extract()
    # Compared as messages, not bytes: Babel stamps its own version in the header, and CI
    # runs the newest Babel.
    if not TEMPLATE.exists() or _ids(template) != _ids(read(TEMPLATE)):
        found.append(f"{TEMPLATE.relative_to(ROOT)} is stale: run python -m tools.catalogue "
                     "update")
    wanted = _ids(template)
    for language in LANGUAGES:
        path = po_path(language)
        if not path.exists():
            found.append(f"{path.relative_to(ROOT)} is missing")
            continue
        catalog = read(path, language)
        where = path.relative_to(ROOT)
        for missing in sorted(map(repr, wanted - _ids(catalog))):
            found.append(f"{where}: no entry for {missing}")
        for stale in sorted(map(repr, _ids(catalog) - wanted)):
            found.append(f"{where}: stale entry {stale} (no longer in the code)")
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple | list) else [
                message.string]
            if message.fuzzy:
                found.append(f"{where}: fuzzy (unchecked) translation of {message.id!r}")
            if not all(strings):
                found.append(f"{where}: no {language} text for {message.id!r}")
                continue
            expected = set().union(*(_placeholders(form) for form in _forms(message.id)))
            for text in strings:
                if _placeholders(str(text)) - expected or (
                        not isinstance(message.id, tuple | list)
                        and _placeholders(str(text)) != expected):
                    found.append(f"{where}: placeholders differ in {message.id!r}: "
                                 f"{sorted(_placeholders(str(text)))} vs {sorted(expected)}")
        mo = mo_path(language)
        if not mo.exists() or _compiled(mo) != _compiled_from(catalog):
            found.append(f"{mo.relative_to(ROOT)} is stale: run python -m tools.catalogue "
                         "update")
    return found


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
        return 0
    if argv == ["check"]:
        listed = problems()
        for problem in listed:
            print(problem)
        return 1 if listed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
