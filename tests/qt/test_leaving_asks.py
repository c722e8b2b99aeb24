"""A patient leaving the hospital with their charts still asking something: the discharge and the
transfer to another hospital ask the nurse before they are saved, the escalation list no longer
reading the charts of a patient who has left."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import leaving, records, wards

HYPO = {"taken_at": "2026-11-28T13:50+01:00", "reading": "value", "glucose": 3.2, "glucose_unit": "mmol_l",
        "next_in": "240"}


def test_what_the_charts_ask_is_said_of_a_patient_in_hospital_only(session_for, patient):
    nurse = session_for("nurse")
    assert leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en") is None
    records.save_new(nurse, "blood_glucose", HYPO, patient_id=patient)
    said = leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "fr")
    assert said.startswith("Encore demandé pour ce patient maintenant :\n• HYPOGLYCÉMIE (moins de 4 mmol/L, ")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:55+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en") is None


def test_a_discharge_during_a_hypo_asks_before_it_is_saved(window, session_for, admission_values, answers):
    """No leaves the discharge unsaved; Yes saves it. A hypo at 13:50 and a discharge at 14:00
    were saved without a word, and the recheck due at 14:05 went home with the patient."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(window.session, "blood_glucose", HYPO, patient_id=admitted.patient_id)
    script, asked = answers
    script["confirm"] = [False, True]
    form = window.open_new(window.session.form("discharge"), admitted.patient_id)
    form.editors["discharged_at"].set_value("2026-11-28T14:00+01:00")
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Still asked of this patient")] and form.record is None
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert len(asked) == 2
