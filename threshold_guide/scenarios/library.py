"""The scenarios a trainer can pick from: the valid ones by id, and the broken ones.

Front ends (the app's exercise mode, ``scenarios report``) start here: load a folder,
offer :attr:`ScenarioLibrary.scenarios`, and walk a chosen case against
:func:`document_for`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from threshold_guide.loading.catalog import Catalog, Entry
from threshold_guide.models.document import Status, version_key
from threshold_guide.models.scenario import Scenario
from threshold_guide.scenarios.checks import ScenarioCheck, check_paths


@dataclass
class ScenarioLibrary:
    """Scenarios whose model answers check out against the catalog, and those that do not."""

    scenarios: list[Scenario]
    broken: list[ScenarioCheck]

    @classmethod
    def load(cls, folders: list[Path], catalog: Catalog) -> ScenarioLibrary:
        run = check_paths(folders, catalog)
        good: dict[str, Scenario] = {}
        broken: list[ScenarioCheck] = []
        for check in run.checks:
            scenario = check.scenario
            if check.ok and scenario is not None and all(r.passed for r in check.replays):
                good.setdefault(scenario.id, scenario)
            else:
                broken.append(check)
        return cls(sorted(good.values(), key=lambda s: s.id), broken)

    def ids(self) -> list[str]:
        return [scenario.id for scenario in self.scenarios]

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def document_for(scenario: Scenario, catalog: Catalog, today: dt.date) -> Entry | None:
    """The version to walk a scenario in: the newest targeted version that is published and
    in effect today, else the newest targeted version found."""
    targeted = [e for e in catalog.versions(scenario.guidance.id)
                if e.version in scenario.guidance.versions]
    targeted.sort(key=lambda e: version_key(e.version))
    in_effect = [e for e in targeted if e.document.status is Status.PUBLISHED
                 and e.document.effective_from <= today]
    if in_effect:
        return in_effect[-1]
    return targeted[-1] if targeted else None
