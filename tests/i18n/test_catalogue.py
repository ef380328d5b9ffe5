"""The message catalogue: complete, current and compiled, and looked up the right way."""

from __future__ import annotations

import pytest

from threshold_guide.i18n import catalogue
from threshold_guide.i18n.catalogue import N_, translator
from tools import catalogue as workflow


def test_every_string_in_the_code_has_a_current_welsh_translation() -> None:
    # Names each missing, stale, fuzzy or placeholder-changing string, and a stale .pot/.mo.
    assert workflow.problems() == []


def test_a_language_without_a_catalogue_gives_the_english_words() -> None:
    assert translator("fr").gettext("Decision") == "Decision"
    assert translator("en").ngettext("{count} route", "{count} routes", 2) == "2 routes"


def test_english_counted_messages_agree_with_the_count() -> None:
    tr = translator("en")
    assert tr.ngettext("{count} route", "{count} routes", 1) == "1 route"
    assert tr.ngettext("{count} route", "{count} routes", 0) == "0 routes"


def test_marking_a_string_leaves_it_as_written() -> None:
    assert N_("Quit") == "Quit"


@pytest.fixture
def welsh_interface() -> object:
    before = catalogue.interface_language()
    catalogue.set_interface_language("cy")
    yield
    catalogue.set_interface_language(before)


def test_the_interface_language_is_what_the_module_functions_speak(
        welsh_interface: object) -> None:
    assert catalogue.interface_language() == "cy"
    assert catalogue._("no such message") == "no such message"


def test_placeholder_check_names_a_changed_placeholder() -> None:
    assert workflow._placeholders("{count} o {total:d} llwybr") == {"count", "total"}


def test_the_family_reads_in_the_familys_language_where_it_is_recorded() -> None:
    from types import SimpleNamespace

    from threshold_guide.i18n.languages import reader_language

    recorded = SimpleNamespace(language="en", family_language="cy")
    unrecorded = SimpleNamespace(language="cy", family_language=None)
    assert reader_language(recorded, family=True) == "cy"
    assert reader_language(recorded, family=False) == "en"
    assert reader_language(unrecorded, family=True) == "cy"
