"""The trainer collects every tab's sessions with one `scenarios report` on the folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scenarios.helpers import shipped_catalog
from tests.scenarios.sessions import PLANS, session_for
from threshold_guide.cli.main import main
from threshold_guide.storage.session_store import SessionStore
from threshold_guide.web.participants import Participants


def test_scenarios_report_reads_every_participant_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    participants = Participants(tmp_path / "participants")
    plans = [plan for plan in PLANS if plan[0].startswith("belt-")]
    entry = next(e for e in shipped_catalog().versions("wales-duty-to-report")
                 if e.version == "1.1.0")
    for plan in plans:
        # Laid out as the app of each tab saves them: one folder per tab, the session
        # beside a kept copy of the document version it was pinned to.
        store = SessionStore(participants.folder(participants.issue()) / "sessions")
        store.save(session_for(plan))
        store.keep_document(entry.document, entry.sha256)
    assert main(["scenarios", "report", str(participants.root), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sessions"] == len(plans)
