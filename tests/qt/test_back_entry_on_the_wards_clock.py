"""The Back-entry tab says when each record's care happened on the ward's clock, as the printed
worklist does: an arrival at 13:30 typed on a laptop set to UTC, merged here, was listed
"28/11/2026 12:30" for the clerk to enter in the EHR an hour early."""

from downtime.qt.back_entry_panel import WorkModel
from downtime.services import back_entry, records

WHEN = 4


def test_the_back_entry_tab_lists_a_records_time_on_the_wards_clock(qtbot, session_for, admission_values):
    records.save_new(session_for("nurse"), "admission", {**admission_values, "arrival_at": "2026-11-28T12:30+00:00"})
    clerk = session_for("records")
    model = WorkModel(lambda page: back_entry.worklist_of(clerk, page))
    model.start(back_entry.worklist_order(clerk), left_only=True)
    assert model.texts(0)[WHEN] == "28/11/2026 13:30"
