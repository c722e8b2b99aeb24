"""A patient back after a discharge is readmitted from the window as the patient they are (the
Record menu's admission, for the patient chosen): their number, charts and history kept, the
form starting from their last stay's identity and allergies. The window opened admissions of
new patients only."""

from datetime import datetime

from downtime.qt.form_view import FormView
from downtime.services import records
from downtime.services.census import patient_with_location
from tests.conftest import death_answers

THIS_STAY = {"arrival_at": "2026-11-28T13:00+01:00", "admission_mode": "emergency", "reason": "Fever.",
             "ward": "3B", "bed": "5", "admitting_clinician": "Dr Benali", "identity_status": "provisional",
             "resuscitation": "full"}


def _found(window, listed, text: str = "lefevre 12/03/1954") -> None:
    """The patient chosen in the list by a search (a patient who has left is found by one)."""
    window.tabs.setCurrentWidget(window.patients)
    window.patients.search_box.setText(text)
    listed(window.patients).table.selectRow(0)


def _discharged(session_for, patient: str) -> None:
    records.save_new(session_for("nurse"), "discharge", {"discharged_at": "2026-11-28T10:00+01:00",
                                                         "destination": "home", "letter_given": True,
                                                         "medicines_given": True}, patient_id=patient)


def test_a_discharged_patient_is_readmitted_from_the_record_menu_as_themself(window, patient, session_for, clock,
                                                                            listed, admission_values, answers):
    """Discharged at 10:00, back through the emergency department at 13:00 (reviewer B's probe):
    the form opens for them, their identity and penicillin allergy filled in to check, the
    stay's own answers blank; saved, they are in bed 5 under the same downtime number."""
    _discharged(session_for, patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:10+01:00")
    number = patient_with_location(window.session.db, window.session.forms, patient).downtime_number
    _found(window, listed)
    window.actions_by_id["record_admission"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == "admission" and view.patient_id == patient
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Readmission — MARTIN Hélène Marie (née LEFÈVRE)"
    assert view.prefilled.isVisible() and "filled in for you" in view.prefilled.text()
    assert (view.editors["birth_name"].value(), view.editors["given_names"].value(),
            view.editors["birth_date"].value(), view.editors["nir"].value()) == (
        "Lefèvre", "Hélène Marie", "1954-03-12", "254037511302312")
    assert view.editors["allergy_status"].value() == "allergies"
    assert view.editors["allergies"].value() == admission_values["allergies"]
    assert [view.editors[name].value() for name in ("arrival_at", "bed", "reason", "identity_status")] == [None] * 4
    for name, value in THIS_STAY.items():
        view.editors[name].set_value(value)
    view.save()
    assert view.record is not None, view.summary.text()
    assert answers[1] == [], "not asked whether they are someone already in hospital: they are themself"
    assert view.record.patient_id == patient
    back = patient_with_location(window.session.db, window.session.forms, patient)
    assert (back.downtime_number, back.bed, back.stay.value) == (number, "5", "in")


def test_a_patient_in_hospital_is_not_readmitted(patient, window, answers, select_bed):
    _, asked = answers
    select_bed(window, "12")
    tabs = window.tabs.count()
    window.actions_by_id["record_admission"].trigger()
    assert window.tabs.count() == tabs
    assert asked == [("error", ("MARTIN Hélène Marie (née LEFÈVRE) (DT-042-00001-8) is in hospital: a readmission "
                                "is for a patient back after a discharge or a transfer to another hospital. To move "
                                "them, record a transfer."))]


def test_no_admission_follows_a_recorded_death(window, patient, session_for, answers, listed):
    _, asked = answers
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T11:00+01:00"),
                                                      "verified_by": "Dr Benali", "expected": True,
                                                      "family_informed": True}, patient_id=patient)
    _found(window, listed)
    tabs = window.tabs.count()
    window.actions_by_id["record_admission"].trigger()
    assert window.tabs.count() == tabs
    assert asked == [("error", ("This patient's death is recorded (28/11/2026 11:00): no admission follows it. If "
                                "it was recorded for the wrong patient, mark it entered in error first."))]


def test_a_new_patient_is_still_admitted_from_the_ward_menu(window):
    view = window.new_admission()
    assert view.patient_id is None and view.copied == {}
    assert window.actions_by_id["record_admission"].text() == "Readmission (back after leaving)…"
