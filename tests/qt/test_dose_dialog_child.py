"""The dose dialog of a child's dose gives their age in words and the weight their doses are
worked out from, with when it was taken, or NOT WEIGHED: it gave the date of birth alone."""

from datetime import datetime

import pytest

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records, wards

ORDER = {"drug": "Omeprazole", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
         "times": "18:00", "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False}


@pytest.fixture
def admit_child(session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", ["1"])
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")

    def admit(born: str, kg: float | None) -> str:
        values = {**admission_values, "birth_date": born, "weight_kg": kg, "allergy_status": "nka", "allergies": [],
                  "bed": "1", "ward": "PED", "arrival_at": "2026-11-27T09:00+01:00"}
        patient = records.save_new(session_for("nurse"), "admission", {
            key: value for key, value in values.items() if value is not None and key != "nir"}).patient_id
        return records.save_new(session_for("doctor"), "medication_order", ORDER, patient_id=patient).record_id

    return admit


def _opened(qtbot, nurse, order_id: str) -> DoseDialog:
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), datetime.fromisoformat("2026-11-28T18:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_babys_dose_dialog_gives_the_age_and_weight(qtbot, admit_child, session_for):
    dialog = _opened(qtbot, session_for("nurse"), admit_child("2026-09-28", 4.0))
    assert dialog.child.isVisible()
    assert dialog.child.text() == "<b>Age: 8 weeks — Weight: 4 kg on admission (27/11/2026)</b>"


def test_a_child_never_weighed_is_said_not_weighed(qtbot, admit_child, session_for):
    dialog = _opened(qtbot, session_for("nurse"), admit_child("2021-06-01", None))
    assert "<b>Age: 5 years</b>" in dialog.child.text() and "NOT WEIGHED: weigh the child" in dialog.child.text()


def test_an_adults_dose_dialog_says_neither(qtbot, medication_ward, session_for):
    nurse = session_for("nurse")
    dialog = _opened(qtbot, nurse, medication_ward[1])
    assert dialog.child is None


def test_a_babys_chart_tab_gives_the_age_and_weight_under_the_strip(qtbot, admit_child, session_for):
    from downtime.qt.mar_view import MarView

    nurse = session_for("nurse")
    order_id = admit_child("2026-09-28", 4.0)
    view = MarView(nurse, medication.order(nurse.db, order_id).patient_id)
    qtbot.addWidget(view)
    assert view.child.text() == "<b>Age: 8 weeks — Weight: 4 kg on admission (27/11/2026)</b>"
