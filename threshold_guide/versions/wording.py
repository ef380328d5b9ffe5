"""How changed values read in the Markdown diff: short ones inline, long ones line by line.

Guidance text is Markdown written by the guidance's authors, shown as written (as the
summary does), in the document's first language: a diff is about what the authors changed.
The words around it are in the language asked for. Long text is shown as a line diff in a
fenced block so a reviewer sees exactly which lines changed without comparing two paragraphs
by eye.
"""

from __future__ import annotations

import difflib
import re

from threshold_guide.i18n.catalogue import N_, translator
from threshold_guide.models.text import render
from threshold_guide.versions.model import Destination, FieldChange

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
INLINE_LIMIT = 100
"""Longer values, or any with a line break, are shown as a line diff."""

FIELD_NAMES = {
    "do_now": N_("what to do now"), "test_met": N_("test met"),
    "effective_from": N_("in effect from"), "who_decides": N_("who decides"),
    "routes.rationale": N_("checklist route sentences"), "note": N_("note request"),
}


def field_name(name: str, language: str = "en") -> str:
    """A field name in words: ``legal_test.who_decides`` -> ``legal test: who decides``.
    Fields without a name in words are shown as the document's authors write them."""
    _ = translator(language).gettext
    parts = [_(FIELD_NAMES[part]) if part in FIELD_NAMES else part.replace("_", " ")
             for part in name.split(".")]
    return _(FIELD_NAMES[name]) if name in FIELD_NAMES else ": ".join(parts)


def _is_text(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and _LANGUAGE.match(key) and isinstance(item, str)
        for key, item in value.items()
    )


def plain(value: object, language: str = "en") -> str:
    """A value as a reader sees it (text in English where it is translated; the words
    around it, such as "(none)", in ``language``)."""
    _ = translator(language).gettext
    if value is None:
        return _("(none)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return ", ".join(plain(item, language) for item in value) or _("(none)")
    if isinstance(value, dict):
        if _is_text(value):
            return render({str(k): str(v) for k, v in value.items()})
        return "; ".join(f"{field_name(str(k), language)}: {plain(v, language)}"
                         for k, v in value.items())
    return str(value)


def one_line(value: object, language: str = "en") -> str:
    """A value on one line, safe inside a table cell."""
    return " ".join(plain(value, language).split()).replace("|", "\\|")


def _text_languages(value: object) -> set[str] | None:
    """The languages of a text value; None when ``value`` is not text."""
    if isinstance(value, str):
        return {"en"}
    if isinstance(value, dict) and value and _is_text(value):
        return {str(key) for key in value}
    return None


def _changed_languages(old: object, new: object) -> tuple[set[str], set[str]]:
    """The languages of the texts that differ between ``old`` and ``new``, looked for
    inside structured values (a note request holds its prompt beside other fields)."""
    if old == new:
        return set(), set()
    before, after = _text_languages(old), _text_languages(new)
    if before is not None or after is not None:
        return before or set(), after or set()
    if isinstance(old, dict) and isinstance(new, dict):
        found: tuple[set[str], set[str]] = (set(), set())
        for key in old.keys() | new.keys():
            inner = _changed_languages(old.get(key), new.get(key))
            found[0].update(inner[0])
            found[1].update(inner[1])
        return found
    if isinstance(old, list) and isinstance(new, list):
        found = (set(), set())
        for first, second in zip(old, new, strict=False):
            inner = _changed_languages(first, second)
            found[0].update(inner[0])
            found[1].update(inner[1])
        return found
    return set(), set()


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def translation_note(old: object, new: object, language: str = "en") -> str:
    """'translation changed (languages en → cy, en)': the languages of the texts that
    changed, never the names of the fields around them."""
    tr = translator(language)
    before, after = _changed_languages(old, new)
    return tr.gettext("translation changed (languages {before} → {after})").format(
        before=", ".join(sorted(before)) or tr.gettext("none"),
        after=", ".join(sorted(after)) or tr.gettext("none"))


def show_change(change: FieldChange, language: str = "en") -> list[str]:
    """A bullet for one changed field: ``old → new``, a line diff, or a translation note."""
    name = field_name(change.field, language)
    before, after = plain(change.old, language), plain(change.new, language)
    if before == after:
        return [f"- **{name}:** {translation_note(change.old, change.new, language)}"]
    if max(len(before), len(after)) <= INLINE_LIMIT and "\n" not in before + after:
        return [f"- **{name}:** {one_line(change.old, language)} → "
                f"{one_line(change.new, language)}"]
    lines = list(difflib.unified_diff(
        before.strip().splitlines(), after.strip().splitlines(), lineterm="", n=1))[2:]
    body = "\n".join(line for line in lines if not line.startswith("@@"))
    fence = _fence(body)
    return [f"- **{name}:**", "", f"  {fence}diff",
            *[f"  {line}".rstrip() for line in body.splitlines()], f"  {fence}"]


def where(target: Destination | None, language: str = "en") -> str:
    """Where a destination leads, in words."""
    _ = translator(language).gettext
    if target is None:
        return _("the checklist's routes")
    if target.outcome is not None:
        return _("outcome `{outcome}`").format(outcome=target.outcome)
    if target.next is not None:
        return _("question `{question}`").format(question=target.next)
    return _("nowhere")
