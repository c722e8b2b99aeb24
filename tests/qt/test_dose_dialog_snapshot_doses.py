"""The dose dialog of an as-required order loaded from the EHR's snapshot says, for a day, that
its doses before the load are on the EHR's chart (see tests/test_snapshot_time.py): a morphine
given in the EHR at 09:30, loaded at 10:00, read "none recorded, a dose is allowed now" at 10:15."""

import shutil
from datetime import datetime

from downtime.qt.dose_dialog import DoseDialog
from tests.test_snapshot_time import SNAPSHOT, _morphine_loaded_at_ten, _order


def test_a_loaded_as_required_orders_dialog_says_its_doses_before_the_load_are_on_the_ehrs_chart(
        qtbot, session_for, clock, tmp_path):
    nurse = _morphine_loaded_at_ten(session_for, shutil.copytree(SNAPSHOT, tmp_path / "snapshot"), clock)
    clock.now = datetime.fromisoformat("2026-11-29T10:15+01:00")
    dialog = DoseDialog(nurse, _order(nurse, "Morphine"), None)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.as_required.text()
    assert "Doses before 29/11 10:00 are on the EHR's chart: check its last print before giving" in said
    assert "Given in the last 24 h: 0, at most 6" in said
