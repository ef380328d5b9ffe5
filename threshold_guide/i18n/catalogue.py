"""Looking up the interface's words in a language.

Strings are written in English in the code and marked for extraction (Babel's
``pybabel extract``, see ``tools/catalogue.py``); the Welsh is in
``threshold_guide/locale/cy/LC_MESSAGES/threshold_guide.po``, compiled to the ``.mo`` file
the standard library's :mod:`gettext` reads, so running the tool needs no extra library.

Two ways in, for two kinds of code:

- pure code that makes a document in a given language (summaries, explanations, papers)
  takes the language as an argument and asks ``translator(language)`` for its words;
- the edges that speak to the person at the keyboard (the app, plain mode, the CLI's
  messages) use the *interface language*, set once from ``--lang`` or the app's setting,
  through the module-level :func:`_` and :func:`ngettext`.

Messages use named ``{placeholders}`` (never positional ones) so a translation can put them
in its own order; a test checks each Welsh string keeps the same placeholders.
"""

from __future__ import annotations

import functools
import gettext as _gettext
from dataclasses import dataclass
from pathlib import Path

from threshold_guide.i18n.languages import DEFAULT_LANGUAGE

DOMAIN = "threshold_guide"


@functools.cache
def _translations(language: str) -> _gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    # A plain path beside the package (installed as package data), not importlib.resources:
    # this runs before the app's first frame, and that import costs more than the lookup.
    compiled = Path(__file__).resolve().parent.parent / "locale" / language / "LC_MESSAGES"
    try:
        with (compiled / f"{DOMAIN}.mo").open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    except FileNotFoundError:
        # A language the catalogue lacks: English words, never an error. Callers that let
        # a user choose a language check it first and say so (see ``languages``).
        return _gettext.NullTranslations()


@dataclass(frozen=True)
class Translator:
    """The words of one language: ``tr.gettext("Decision")``, ``tr.ngettext(...)``."""

    language: str

    def gettext(self, message: str) -> str:
        return _translations(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of a counted message that agrees with ``count``, in this language's
        plural rules (Welsh has six forms); ``{count}`` in it is filled in."""
        chosen = _translations(self.language).ngettext(singular, plural, count)
        return chosen.replace("{count}", str(count))


@functools.cache
def translator(language: str = DEFAULT_LANGUAGE) -> Translator:
    return Translator(language)


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined (a constant, a key binding), to
    be looked up later where it is shown."""
    return message


# One per process, not a ContextVar: the app changes language from a message handler and
# every screen's task (and worker thread) must then speak it, which copied contexts would not.
_interface = [DEFAULT_LANGUAGE]


def set_interface_language(language: str) -> None:
    """Set the language the app, plain mode and the CLI speak in (from ``--lang`` or the
    app's remembered choice)."""
    _interface[0] = language


def interface_language() -> str:
    return _interface[0]


def _(message: str) -> str:
    """``message`` in the interface language."""
    return translator(_interface[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """A counted message in the interface language, ``{count}`` filled in."""
    return translator(_interface[0]).ngettext(singular, plural, count)
