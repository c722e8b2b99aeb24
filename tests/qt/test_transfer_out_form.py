"""The transfer-out handover opened for a patient starts from the chart: the nurse checks the last
observations and the treatments in force instead of copying each figure by hand. A death form
asks for the doctor who verified the death."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.conftest import death_answers

SET = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
       "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "new_confusion",
       "temperature": 38.3}


def _handover(window, select_bed, title: str = "Transfer to another hospital — handover",
              form_id: str = "transfer_out") -> FormView:
    select_bed(window, "12")
    (action,) = [action for action in window.record_menu.actions() if action.text() == title]
    action.trigger()
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == form_id
    return form


def test_the_handover_opens_with_the_last_observations_and_treatments(medication_ward, session_for, clock, window,
                                                                        select_bed, qtbot):
    patient, _, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("nurse"), "observations", SET, patient_id=patient)
    form = _handover(window, select_bed)
    assert (form.editors["pulse"].value(), form.editors["temperature"].value()) == (115, 38.3)
    assert form.editors["consciousness"].value() == "confusion"
    assert form.editors["current_treatments"].value().startswith("Amoxicillin 1 g IV, at 08:00 14:00 20:00")
    assert form.prefilled.isVisible() and "filled in for you, from the patient's chart" in form.prefilled.text()
    assert form.editors["receiving_hospital"].value() is None
    assert not form.is_dirty()
    form.editors["pulse"].set_value(118)
    assert form.is_dirty()


def test_the_handover_shows_the_news2_score_of_its_observations_as_they_are_changed(
        medication_ward, session_for, clock, window, select_bed, qtbot):
    """It showed the readings and no score, nor what the score asks of the receiving team."""
    patient, _, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("nurse"), "observations", SET, patient_id=patient)
    form = _handover(window, select_bed)
    (shown,) = form.news2_labels.values()
    assert "NEWS2 10 — HIGH" in shown.text() and "Emergency response" in shown.text()
    form.editors["pulse"].set_value(80)
    form.editors["pulse"].committed.emit()
    assert "NEWS2 8 — HIGH" in shown.text()


def test_the_handover_saves_what_the_nurse_checked_and_changed(medication_ward, session_for, clock, window,
                                                                select_bed, qtbot, answers):
    patient, _, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("nurse"), "observations", SET, patient_id=patient)
    form = _handover(window, select_bed)
    typed = {"departed_at": "2026-11-28T14:00+01:00", "receiving_hospital": "CHU Lyon", "receiving_unit": "ICU, 04 72 00 00 00", "transport_mode": "ambulance",
             "escort": "nurse", "situation": "Sepsis", "background": "Fall", "condition": "stable",
             "assessment": "Improving", "recommendation": "Review antibiotics", "allergies_checked": True,
             "documents_sent": ["medication_chart"], "handed_over_to": "Dr Roux"}
    for field_id, value in typed.items():
        if field_id in form.editors:
            form.editors[field_id].set_value(value)
    form.editors["pulse"].set_value(118)
    form.save()
    QApplication.processEvents()
    assert form.record is not None, (form.summary.text(), [label.text() for label in form.error_labels.values()
                                                           if label.text()])
    assert (form.record.data["pulse"], form.record.data["resp_rate"], form.record.data["obs_at"]) == (
        118, 22, "2026-11-28T12:00+01:00")


def test_a_death_asks_the_doctor_who_verified_it_and_does_not_name_the_nurse_signed_in(
        medication_ward, clock, window, select_bed, qtbot, type_text):
    """"Death verified by" opened filled in with the nurse signed in, and its French label
    ("Décès constaté par") reads as certified, a doctor's act: the record named the nurse as
    having certified the death. It asks for the doctor; the nurse is the record's author."""
    form = _handover(window, select_bed, "Death", "death")
    assert form.editors["verified_by"].raw() == "" and not form.is_dirty()
    assert form.form_labels["verified_by"].text() == "Verified by (name) *"
    for field_id, value in {**death_answers("2026-11-28T13:40+01:00"), "expected": True, "family_informed": True}.items():
        form.editors[field_id].set_value(value)
    form.save()
    assert form.record is None and not form.error_labels["verified_by"].isHidden()
    type_text(form.editors["verified_by"].widget, "Dr Roux")
    form.save()
    QApplication.processEvents()
    assert form.record is not None and form.record.data["verified_by"] == "Dr Roux"
    assert form.record.author == "nurse"


HANDOVER = {"departed_at": "2026-11-28T14:00+01:00", "receiving_hospital": "CHU Sud", "receiving_unit": "ICU, 04 72 00 00 00",
            "transport_mode": "mobile_icu", "escort": "doctor", "situation": "Severe pneumonia",
            "background": "COPD", "condition": "unstable", "current_treatments": "Noradrenaline",
            "obs_at": "2026-11-28T13:30+01:00", "documents_sent": ["medication_chart"]}


def test_a_handover_cannot_say_allergies_checked_while_the_admission_says_not_known_yet(
        session_for, admission_values, clock, window, select_bed, qtbot, answers):
    """MEYER's printed transfer read "ALLERGIES NOT KNOWN YET" above "Allergies checked and
    written on this form: ☒ Yes": the receiving team could believe either. Yes is refused beside
    the question, saying to record them on the admission first; No saves, and so does Yes once
    the admission says what they are."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    unknown = {key: value for key, value in admission_values.items() if key != "allergies"}
    admission = records.save_new(nurse, "admission", {**unknown, "allergy_status": "unknown"})
    window.patients.reload_wards()
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    form = _handover(window, select_bed)
    for field_id, value in {**HANDOVER, "allergies_checked": True}.items():
        form.editors[field_id].set_value(value)
    form.save()
    assert form.record is None
    said = form.error_labels["allergies_checked"].text()
    assert not form.error_labels["allergies_checked"].isHidden() and "not known yet" in said and "admission" in said
    assert "Allergies checked and written on this form" in said and said.replace("⚠ ", "") in form.summary.text()
    form.editors["allergies_checked"].combo.setCurrentText("No")
    form.save()
    assert form.record is not None and form.record.data["allergies_checked"] is False
    records.amend(nurse, admission.record_id, {**unknown, "allergy_status": "nka"}, "Wife reached: none known")
    form.start_amend()
    form.editors["allergies_checked"].combo.setCurrentText("Yes")
    form.save()
    assert form.record.version == 2 and form.record.data["allergies_checked"] is True


def test_after_a_crash_the_question_names_each_draft_and_an_untouched_handover_is_none(
        medication_ward, session_for, clock, window, select_bed, qtbot, typist, monkeypatch):
    """"You have 2 unsaved form(s) or dose(s)… Reopen them?" said neither which forms nor whose,
    and one of the two was a transfer-out opened and never typed in (filled in from the chart,
    then tabbed through). That one is no draft; each other is named, with its patient and time."""
    from downtime.qt.main_window import MainWindow
    from downtime.qt.prompts import Prompts
    from downtime.services import drafts
    from downtime.services.census import patient_with_location

    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("nurse"), "observations", SET, patient_id=medication_ward[0])
    handover = _handover(window, select_bed)
    handover.editors["departed_at"].edit.setFocus()
    for _ in range(4):
        typist("")
    handover.editors["pulse"].edit.setFocus()
    typist("0")
    assert [draft.form_id for draft in drafts.drafts_of(window.session)] == ["transfer_out"]
    handover.editors["pulse"].edit.setFocus()
    QTest.keyClick(handover.editors["pulse"].edit, Qt.Key.Key_Backspace)
    typist("")
    assert drafts.drafts_of(window.session) == [] and not handover.is_dirty()
    clock.now = datetime.fromisoformat("2026-11-28T14:20+01:00")
    death = _handover(window, select_bed, "Death", "death")
    death.editors["verified_by"].edit.setFocus()
    typist("Dr Roux")
    clock.now = datetime.fromisoformat("2026-11-28T14:25+01:00")
    admission = window.new_admission()
    admission.editors["birth_name"].widget.setFocus()
    typist("Dupré")
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or False))
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    assert again.resume_drafts() == []
    number = patient_with_location(window.session.db, window.session.forms, medication_ward[0]).downtime_number
    (asked,) = said
    assert asked.startswith("You have 2 unsaved form(s) or dose(s) from earlier, not recorded. Reopen them?\n\n")
    assert asked.endswith("\n• Downtime admission record — DUPRÉ, last typed 28/11/2026 14:25"
                          f"\n• Death — MARTIN Hélène Marie (née LEFÈVRE) ({number}), last typed 28/11/2026 14:20")


def test_an_untouched_handover_stays_no_draft_through_a_change_of_language(
        medication_ward, session_for, clock, window, select_bed, qtbot, typist):
    """Reopened in French as if its chart answers had been typed, it asked to be kept when closed
    and became a draft at the next box left."""
    from downtime.qt.i18n import set_language
    from downtime.services import drafts

    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("nurse"), "observations", SET, patient_id=medication_ward[0])
    _handover(window, select_bed)
    try:
        window.set_language("fr")
        (form,) = [window.tabs.widget(index) for index in range(window.tabs.count())
                   if isinstance(window.tabs.widget(index), FormView)]
        assert form.editors["pulse"].value() == 115 and not form.is_dirty()
        form.editors["pulse"].edit.setFocus()
        typist("")
        assert drafts.drafts_of(window.session) == []
    finally:
        set_language("en")
