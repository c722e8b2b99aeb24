"""A patient leaving the hospital with their charts still asking something: the discharge and the
transfer to another hospital ask the nurse before they are saved, the escalation list no longer
reading the charts of a patient who has left."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.prompts import Prompts
from downtime.services import chart_alerts, leaving, records, wards
from tests.test_discharge_medicines import typed_late  # noqa: F401 (a fixture)
from tests.test_infusion_rates import syringe_running  # noqa: F401 (a fixture)

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


def test_a_discharge_typed_late_reads_the_chart_at_the_time_the_patient_left(
        window, session_for, typed_late, typist, monkeypatch):  # noqa: F811 (the fixture)
    """She left at 14:00 and the nurse types it at 22:00: once the time is typed, the medicines
    copied from the chart and the Save prompt name the 12:00 levodopa missed, not the 16:00 and
    20:00 doses due after she had gone (which the letter and the prompt said, "give it now"). A
    box the nurse wrote in herself is kept as she wrote it."""
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or True))
    form = window.open_new(window.session.form("discharge"), typed_late)
    assert "due 28/11 20:00" in form.editors["medicines_on_discharge"].raw()
    form.editors["pain"].set_value("Pain free at rest, told by the patient")
    form.editors["discharged_at"].edit.setFocus()
    typist("28/11/2026 14:00")
    medicines = form.editors["medicines_on_discharge"].raw()
    assert "time-critical dose missed in hospital (due 28/11 12:00)" in medicines and "20:00)" not in medicines
    assert form.editors["pain"].raw() == "Pain free at rest, told by the patient"
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (asked,) = [text for text in said if text.startswith("Still asked of this patient now:")]
    assert "(due 28/11 12:00)" in asked and "16:00" not in asked and "20:00" not in asked


def test_a_line_still_in_is_asked_of_as_it_stood_when_the_patient_left(window, session_for, medication_ward, clock,
                                                                       monkeypatch):
    """A cannula put in on 27/11, the patient gone home on 28/11 at 14:00 (a paper discharge),
    typed the next day at 11:15: the prompt counts its days to the discharge, not to the typing."""
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or True))
    patient = medication_ward[0]
    records.save_new(window.session, "device_check", {
        "checked_at": "2026-11-27T10:00+01:00", "event": "inserted", "device": "peripheral", "site": "Left forearm",
        "next_in": "8"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T11:15+01:00")
    form = window.open_new(window.session.form("discharge"), patient)
    for name, value in (("discharged_at", "2026-11-28T14:00+01:00"), ("destination", "home"), ("letter_given", True),
                        ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (lines,) = [text for text in said if text.startswith("Still in: ")]
    assert "(day 2)" in lines, lines


def test_a_death_asks_of_the_syringe_driver_still_running(window, syringe_running, monkeypatch):  # noqa: F811 (the fixture)
    """A death was never asked of anything: the morphine syringe driver running at it went
    unsaid, its stop uncharted and what was left in it destroyed by no one. No leaves the death
    unsaved; Yes saves it. The hypo's recheck is not asked of a death. Its closing words are its
    own: the discharge's "the list will no longer show it… the team taking over" was false of a
    bag kept under Left the ward until its stop is charted."""
    _, patient, _ = syringe_running
    records.save_new(window.session, "blood_glucose", {**HYPO, "taken_at": "2026-11-28T12:50+01:00"},
                     patient_id=patient)
    said, answers = [], [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text))
                                                         or answers.pop(0)))
    form = window.open_new(window.session.form("death"), patient)
    for name, value in (("died_at", "2026-11-28T13:00+01:00"), ("verified_at", "2026-11-28T13:00+01:00"),
                        ("verified_by", "Dr B"), ("expected", True), ("referred_to_coroner", False),
                        ("implanted_device", "none"), ("family_informed", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(said) == 1 and form.record is None
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert said[0] == ("Still asked of this patient", (
        "Still asked of this patient now:\n"
        "• INFUSION RUNNING: Morphine 10 mg SC at 0.7 mL/h, running at 0.7 mL/h since 10:00: record its stop, or take "
        "it down\n"
        "  Morphine is a controlled drug: once it is taken down, destroy what is left in the syringe or bag with a "
        "witness, in the controlled drugs register\n\n"
        "It stays under Left the ward until its stop is charted. Save?"))
    assert patient in chart_alerts.deaths_unfinished(window.session.db)
