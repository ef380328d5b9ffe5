"""What every screen has: the title bar, the 999 line and the footer of keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.tui.bindings import TranslatedKeys
from threshold_guide.tui.widgets.danger_banner import DangerBanner
from threshold_guide.tui.widgets.footer import KeyFooter

ResultType = TypeVar("ResultType")


class BaseScreen(TranslatedKeys, Screen[None]):
    """A full screen. Subclasses give their content in :meth:`compose_body`; its keys are
    shown in the interface language."""

    HELP_TITLE: ClassVar[str] = ""
    """Heading of this screen's keys on the help screen; empty leaves it out."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DangerBanner()
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> Iterable[Widget]:
        return ()


class BaseModal(TranslatedKeys, ModalScreen[ResultType]):
    """A dialog over another screen. Escape closes it without a result."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
    ]
    TITLE_TEXT: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # The 999 line stays visible in every dialog too, not only behind it.
            yield DangerBanner()
            if self.dialog_title():
                yield Static(self.dialog_title(), classes="dialog-title", markup=False)
            yield from self.compose_body()
        yield KeyFooter()

    def dialog_title(self) -> str:
        return _(self.TITLE_TEXT) if self.TITLE_TEXT else ""

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def action_close(self) -> None:
        self.dismiss(None)
