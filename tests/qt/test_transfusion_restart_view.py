"""A unit stopped and restarted on the transfusion tab: one line, running since its restart, its
stop said where it stands; its end recorded from the tab is the restart's."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.test_transfusion import UNIT
from tests.test_transfusion_restart import MILD, _restart


def test_a_unit_restarted_is_one_line_running_since_its_restart(window_for, session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:00+01:00"},
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00", **MILD},
                     patient_id=patient)
    restart = records.save_new(nurse, "blood_transfusion", _restart(), patient_id=patient)
    window = window_for(nurse)
    chart = window.open_transfusion_of(patient)
    assert chart.model.rowCount() == 1 and chart.model.texts(0)[0] == "28/11 13:00"
    assert chart.latest.text() == ("Running: Red cells G0001 26 123456 (O RhD negative) since 28/11 13:50 — "
                                   "15-minute observations due 28/11 14:05")
    assert chart.model.rows[0].state(nurse.form("transfusion_end"), "en").startswith("interrupted 28/11 13:20")
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record the &end of the unit"),
                     Qt.MouseButton.LeftButton)
    end = window.tabs.currentWidget()
    assert isinstance(end, FormView) and end.spec.id == "transfusion_end"
    assert end.editors["unit"].value() == restart.record_id
