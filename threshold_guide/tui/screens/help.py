"""F1: every key of every screen, read from the screens' own bindings so it cannot go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.danger_banner import DangerBanner
from threshold_guide.tui.widgets.footer import KeyFooter

KeyTable = list[tuple[str, list[tuple[str, str]]]]
"""(heading, [(key, what it does)]) per screen."""


def key_table(
    sections: Iterable[tuple[str, Iterable[BindingType]]], display: Callable[[Binding], str]
) -> KeyTable:
    table: KeyTable = []
    for heading, bindings in sections:
        rows: list[tuple[str, str]] = []
        numbers = False
        for binding in Binding.make_bindings(bindings):
            if binding.action.startswith("pick("):
                numbers = True
                continue
            if binding.description:
                what = _(binding.description)
                if binding.tooltip:
                    what = _("{key_label}: {what_it_does}").format(
                        key_label=what, what_it_does=_(binding.tooltip))
                rows.append((display(binding), what))
        if numbers:
            rows.insert(0, ("1 … 9", _("Choose (or tick) the answer with that number")))
        table.append((heading, rows))
    return table


def key_name(binding: Binding) -> str:
    """A key as a person reads it: Ctrl+N, F5, Esc."""
    # As printed on the keys, in every language.
    names = {"escape": "Esc", "delete": "Delete", "enter": "Enter", "tab": "Tab",
             "space": "Space", "home": "Home"}
    parts = binding.key.split("+")
    return "+".join(names.get(p, p.upper() if len(p) <= 3 else p.title()) for p in parts)


def key_markdown(table: KeyTable) -> str:
    out = [_("Everything can also be done with the mouse, and every action is in the command "
             "palette (Ctrl+P). The footer shows the main keys of each screen; there, ^ means "
             "Ctrl."), ""]
    for heading, rows in table:
        out += [f"**{heading}**", ""]
        out += [f"- `{key}` {action}" for key, action in rows]
        out.append("")
    return "\n".join(out)


class HelpScreen(TranslatedKeys, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", N_("Close"))]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self._markdown = markdown

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DangerBanner()
        with VerticalScroll(id="help-body"):
            yield Markdown(self._markdown)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Help: keys")
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
