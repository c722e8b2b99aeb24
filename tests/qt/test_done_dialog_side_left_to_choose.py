"""The Operation done dialog's Side operated, where the team's WHO checklist named another side at
its time out than the booking's: pre-filled with the booking's side, one key sent the EHR a
Procedure on the side the time out had caught as wrong."""

from downtime.services import records, theatre
from tests.qt.test_theatre_panel import coordinator  # noqa: F401  (fixture)
from tests.test_theatre_merge import SIGNED


def test_the_side_operated_is_left_to_choose_where_the_checklist_named_another(coordinator, qtbot,  # noqa: F811
                                                                               session_for):
    window, _ = coordinator
    (state,) = theatre.bookings(window.session.db, window.session.forms)
    records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
        **SIGNED, "checked_at": "2026-11-28T08:50+01:00", "booking": state.record.record_id,
        "surgeon_critical_steps": "Left hip", "notes": "Left hip confirmed with the consent and the mark"},
        patient_id=state.record.patient_id)
    panel = window.theatre
    panel.day_table.selectRow(0)
    panel.done_selected()
    assert panel.dialog.side.currentText() == ""
