"""The MAR screen names an order's stop still ahead "Until", as the printed chart does, and
"Stopped" once it has passed (review 7 c)."""

from datetime import date, datetime

from PySide6.QtCore import Qt

from downtime.services import records


def test_a_hatched_cells_tooltip_says_until_of_a_stop_ahead_and_stopped_once_passed(qtbot, session_for,
                                                                                    medication_ward, clock):
    """Paracetamol from 10:00 on 27/11 to 12:00 on 29/11, read at 14:00 on 28/11: its 08:00 cell
    of the 27th is hatched, and its tooltip said "Stopped 29/11 12:00" of a course running
    another day."""
    from downtime.qt.mar_view import MarView

    patient = medication_ward[0]
    paracetamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 18:00", "start_at": "2026-11-27T10:00+01:00", "stop_at": "2026-11-29T12:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)

    def tooltip() -> str:
        model = view.model
        line = next(number for number, (row, at) in enumerate(model.rows)
                    if row.order.record_id == paracetamol and at == "08:00")
        return model.data(model.index(line, model.days.index(date(2026, 11, 27)) + 2), Qt.ItemDataRole.ToolTipRole)

    assert tooltip().endswith("\nStart 27/11 10:00 — Until 29/11 12:00")
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    view.refresh()
    assert tooltip().endswith("\nStart 27/11 10:00 — Stopped 29/11 12:00")
