"""Choose who an explanation is for: school, health, police, social services or the family."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, OptionList, Static

from threshold_guide.i18n.catalogue import N_, _
from threshold_guide.models.explanation import Audience
from threshold_guide.tui.screens.base import BaseModal
from threshold_guide.tui.widgets.cursor_list import CursorList, Row

NAMES = {
    Audience.SCHOOL: N_("School"),
    Audience.HEALTH: N_("Health"),
    Audience.POLICE: N_("Police"),
    Audience.SOCIAL_SERVICES: N_("Social services"),
    Audience.FAMILY: N_("The family (notes, the child's words and detailed answers left out)"),
}


AUDIENCES = list(Audience)
"""In the order shown: the number beside each is its key."""


class AudienceModal(BaseModal[Audience]):
    TITLE_TEXT = N_("Explain the decision")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Cancel")),
        *(Binding(str(n), f"choose({n})", NAMES[a], show=False)
          for n, a in enumerate(AUDIENCES, start=1)),
    ]

    def compose_body(self) -> ComposeResult:
        yield Label(_("Who is the explanation for? (1 to {last}, or arrows and Enter)").format(
            last=len(AUDIENCES)))
        yield CursorList([Row(a.value, _(NAMES[a]), f"{i}.") for i, a in
                          enumerate(AUDIENCES, start=1)], id="audiences", compact=True)
        # Said before the family version is shown, as the CLI does, not after it is shared.
        yield Static(_("Before sharing the family version, check with your DSP or social "
                       "services that telling the family will not put anyone at greater "
                       "risk."), markup=False, classes="dialog-note")

    def on_mount(self) -> None:
        self.query_one("#audiences", CursorList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(Audience(event.option.id))

    def action_choose(self, number: int) -> None:
        self.dismiss(AUDIENCES[number - 1])
