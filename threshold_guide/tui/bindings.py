"""Key descriptions in the interface language.

Textual reads a node's keys from its class's ``BINDINGS``, which hold the English words
(marked with ``N_`` where they are written). Every node gets its own copy of that map when
it is made; :func:`translate_bindings` swaps the copy's bindings for ones whose
``description`` and ``tooltip`` are in the interface language, so the footer, F1 help and
the command palette all say the same words. The English originals are kept, so a node
that outlives a change of language (the app itself) can be translated again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from weakref import WeakKeyDictionary

from textual.binding import Binding
from textual.dom import DOMNode

from threshold_guide.i18n.catalogue import _

_ENGLISH: WeakKeyDictionary[DOMNode, dict[str, list[Binding]]] = WeakKeyDictionary()


def translated(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip in the interface language."""
    return replace(
        binding,
        description=_(binding.description) if binding.description else binding.description,
        tooltip=_(binding.tooltip) if binding.tooltip else binding.tooltip,
    )


def translate_bindings(node: DOMNode) -> None:
    """Put ``node``'s keys into the interface language (again, after a change)."""
    bindings = node._bindings
    english = _ENGLISH.setdefault(node, dict(bindings.key_to_bindings))
    # New lists: the per-instance map shares its lists with the class's merged map.
    bindings.key_to_bindings = {
        key: [translated(binding) for binding in listed] for key, listed in english.items()
    }


class TranslatedKeys:
    """Mixed into a widget or screen: its keys are translated as it is made."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self, DOMNode)
        translate_bindings(self)
