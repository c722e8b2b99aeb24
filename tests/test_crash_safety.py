"""A record the app reported as saved survives the writer being killed with SIGKILL mid-save,
and the file and its audit chain stay sound (the short run of `python -m downtime.crashtest`)."""

import sys
from pathlib import Path

import pytest

from downtime.crashtest import TrialResult, run_trials

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_writer_loses_no_reported_record(tmp_path: Path) -> None:
    seen: list[TrialResult] = []
    summary = run_trials(5, tmp_path / "crash.sqlite", seed=7, report=lambda _, result: seen.append(result))

    assert len(summary.trials) == 5 and seen == summary.trials
    assert summary.writer_failures == 0, [t.writer_error for t in summary.trials]
    assert summary.lost == 0, [t.lost for t in summary.trials]
    assert summary.integrity_failures == 0, [t.integrity for t in summary.trials]
    assert summary.chain_failures == 0, [t.chain for t in summary.trials]
    # Not vacuous: the writers really were saving when they were killed.
    assert summary.saved >= 5
    assert sum(trial.reported > 0 for trial in summary.trials) >= 3
    assert summary.ok
