"""Two orders of one medicine in the EHR's extract (modified-release morphine and its breakthrough
dose, prescribed together) are the EHR's own prescription: the import said the ward may have
written one again and asked the prescriber to stop one. An order typed on the ward beside a loaded
one is still said (tests/test_snapshot_import.py)."""

import shutil
from datetime import datetime
from pathlib import Path

from downtime.sync.importing import import_path


def test_two_orders_of_one_medicine_in_the_extract_are_not_said_written_again(session_for, tmp_path, clock):
    snapshot = Path(shutil.copytree(Path(__file__).parent / "data" / "snapshot", tmp_path / "snapshot"))
    with (snapshot / "medication_orders.csv").open("a", encoding="utf-8") as handle:
        handle.write("RX-3,P001,Morphine sulfate modified release,10,mg,PO,scheduled,08:00 20:00,,,,"
                     "2026-11-25T10:00+01:00,yes,yes,Dr Benali,RX-3\n")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    result = import_path(session_for("records"), snapshot)
    assert result.added["order"] == 3
    assert not [said.text("en") for said in result.to_check if "Already ordered" in said.text("en")]
