"""The app's stylesheet ships in the wheel, and the app starts from an installed copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import BuiltWheel


@pytest.mark.slow
def test_wheel_carries_the_stylesheet_and_the_app_runs_from_it(
    built_wheel: BuiltWheel, tmp_path: Path
) -> None:
    assert "threshold_guide/tui/app.tcss" in built_wheel.names
    assert "threshold_guide/tui/follow_up.tcss" in built_wheel.names
    # Start the app headless from the unpacked wheel, far from the checkout, and quit.
    probe = (
        "import asyncio\n"
        "from threshold_guide.tui.app import ThresholdApp\n"
        "async def main():\n"
        "    app = ThresholdApp()\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        while app.flow is None:\n"
        "            await pilot.pause(0.05)\n"
        "        await pilot.pause()\n"
        "        print(type(app.screen).__name__, app.catalog.ids())\n"
        "asyncio.run(main())\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere,
        env={"PYTHONPATH": str(built_wheel.site), "PATH": "/usr/bin:/bin",
             "THRESHOLD_GUIDE_DATA": str(tmp_path / "data")},
        check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("IntroModal ['wales-duty-to-report', 'wales-registration', 'wales-significant-harm']"
            in result.stdout)
