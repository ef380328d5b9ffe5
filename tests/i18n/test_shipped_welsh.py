"""What ships is Welsh as well as English: the documents in effect and every scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from threshold_guide.loading.catalog import Catalog
from threshold_guide.models.text import language_coverage
from threshold_guide.paths import shipped_guidance, shipped_scenarios
from threshold_guide.scenarios.files import load_scenario

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("document_id", ["wales-duty-to-report", "wales-significant-harm",
                                         "wales-registration"])
def test_the_document_in_effect_has_welsh_for_every_text(document_id: str) -> None:
    entry = Catalog.load([shipped_guidance()]).current(document_id, TODAY)
    assert entry is not None
    texts, welsh = language_coverage(entry.document, "cy")
    assert welsh == texts
    # ...and says its Welsh is not yet checked by a fluent Welsh-speaking reviewer.
    assert entry.document.translations["cy"].checked is False


def test_every_shipped_scenario_has_welsh_for_every_text() -> None:
    lacking = []
    for path in sorted(shipped_scenarios().glob("*.yaml")):
        loaded = load_scenario(path)
        assert loaded.scenario is not None, path
        texts, welsh = language_coverage(loaded.scenario, "cy")
        if welsh != texts:
            lacking.append(f"{path.name}: {welsh} of {texts}")
    assert lacking == []
