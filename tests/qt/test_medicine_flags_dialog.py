"""The order form refuses levodopa written with "Time-critical" unticked under that box, as it
refuses oxycodone written as not controlled (services.medication.check_order)."""

from tests.qt.test_medication_round import _new_order


def test_levodopa_unticked_is_refused_under_the_time_critical_box(select_bed, qtbot, session_for, medication_ward,
                                                                  answers):
    _, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
        "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-28T12:00+01:00", "controlled": False,
        "high_alert": False, "time_critical": False}, shown=True)
    view.save()
    said = ("“Time-critical: give within 30 minutes of its time” must be Yes for Co-careldopa 25/100, a time-critical "
            "medicine.")
    assert view.record is None and asked == []
    assert not view.error_labels["time_critical"].isHidden() and view.error_labels["time_critical"].text() == f"⚠ {said}"
    view.editors["time_critical"].set_value(True)
    view.save()
    assert view.record is not None and view.record.data["time_critical"] is True
