"""A decision not to resuscitate and an isolation on every patient screen's strip and on the
NEWS2 escalation list: the admission amended to DNACPR and contact precautions (C. difficile)
left the MAR's strip reading only the name, date of birth, number, bed and allergies, and the
doctor called from the escalation list read neither."""

from PySide6.QtCore import Qt

from downtime.qt.observations_view import EscalationModel
from downtime.qt.patient_header import identity_html
from downtime.services import records
from downtime.services.census import patient_with_location
from tests.conftest import VERIFIED

LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False}
HIGH_SET = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 26, "spo2": 90, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 95, "diastolic_bp": 60, "pulse": 125, "consciousness": "alert",
            "temperature": 38.9}


def _amend(session_for, patient, reason, **answers):
    nurse = session_for("nurse")
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    decided = ({"resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00"}
               if answers.get("resuscitation") == "dnacpr" else {})
    records.amend(nurse, admission.record_id, {**admission.data, **decided, **answers}, reason)


def _lines(html):
    return html.split("<br>")


def test_the_mar_strip_says_dnacpr_in_the_warning_colour_and_the_isolation_under_the_allergies(
        window, medication_ward, session_for):
    patient, _, _ = medication_ward
    _amend(session_for, patient, "DNACPR decided with family; C. difficile", resuscitation="dnacpr",
           isolation="contact")
    lines = _lines(window.open_mar_of(patient).identity.text())
    assert "MARTIN" in lines[0] and "ALLERGIES: Penicillin" in lines[1], "the identifiers and the allergies first"
    assert "NOT FOR RESUSCITATION (DNACPR)" in lines[2] and "color:" in lines[2].split("NOT FOR")[0]
    assert "<b>ISOLATION: Contact precautions</b>" in lines[2]


def test_a_patient_for_resuscitation_and_not_isolated_has_no_such_line(window, medication_ward):
    patient, _, _ = medication_ward
    strip = window.open_mar_of(patient).identity.text()
    assert len(_lines(strip)) == 2 and "RESUSCITATION" not in strip.upper() and "ISOLATION" not in strip


def test_the_strip_says_the_bowel_charts_isolation_as_the_census_does(window, medication_ward, session_for):
    """Three loose stools in a day isolate the patient (bowels.isolated): the admission's "None"
    alone read as not isolated; with contact precautions for another reason, both are said."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    for hour in (9, 11, 12):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour:02d}:30+01:00"},
                         patient_id=patient)
    chart = window.open_observations_of(patient)
    assert "<b>ISOLATION: Enteric (loose stools since 28/11)</b>" in chart.identity.text()
    _amend(session_for, patient, "MRSA screen positive", isolation="contact")
    chart.read_identity()
    assert "ISOLATION: Contact precautions; Enteric (loose stools since 28/11)" in chart.identity.text()


def test_the_admissions_isolation_and_dnacpr_are_on_the_strip_of_any_screen_given_the_patient(session_for, patient):
    """The dose dialog and the forms build the strip from the patient alone (identity_html)."""
    _amend(session_for, patient, "Ceiling of care agreed", resuscitation="dnacpr", isolation="droplet")
    nurse = session_for("nurse")
    html = identity_html(patient_with_location(nurse.db, nurse.forms, patient))
    assert "NOT FOR RESUSCITATION (DNACPR)" in html and "ISOLATION: Droplet precautions" in html


def test_the_escalation_list_says_the_resuscitation_decision_dnacpr_in_the_warning_colour(
        window, medication_ward, session_for, admission_values, listed):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "used_name": "Hoarau", "nir": None,
                                                  "bed": "5"}).patient_id
    _amend(session_for, patient, "DNACPR decided with family", resuscitation="dnacpr")
    for someone in (patient, other):
        records.save_new(nurse, "observations", HIGH_SET, patient_id=someone)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    model = panel.model
    said = {model.text(row, 1): (model.text(row, EscalationModel.RESUS), model.is_warning(row, EscalationModel.RESUS))
            for row in range(model.rowCount())}
    assert said == {"12": ("DNACPR (Dr Benali, 28/11 10:00)", True), "5": ("For resuscitation", False)}
    assert model.headerData(EscalationModel.RESUS, Qt.Orientation.Horizontal) == "Resuscitation"


def test_on_a_laptop_in_french_the_strip_is_whole_and_the_resuscitation_column_in_sight(
        laptop_window, medication_ward, session_for, admission_values, listed, app_style):
    """At 1366×768 and 125 % (1092×582 pixels of window): the MAR's strip with every line, and the
    escalation list's resuscitation decision on screen beside a married woman's long names."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {
        **admission_values, "used_name": "Martin de la Tour-Fontenay-Beauregard", "nir": None, "bed": "5"}).patient_id
    _amend(session_for, patient, "DNACPR decided with family", resuscitation="dnacpr", isolation="contact",
           interpreter_needed=True, language="Portuguese")
    for someone in (patient, other):
        records.save_new(nurse, "observations", HIGH_SET, patient_id=someone)
    window = laptop_window(session_for("nurse", "fr"), 1092, 582)
    strip = window.open_mar_of(patient).identity
    assert "Précautions contact" in strip.text()
    assert strip.height() >= strip.heightForWidth(strip.width()), "every line of the strip in sight"
    window.tabs.setCurrentWidget(window.escalation)
    panel = listed(window.escalation)
    for row in range(panel.model.rowCount()):
        cell = panel.table.visualRect(panel.model.index(row, EscalationModel.RESUS))
        assert 0 <= cell.left() and cell.right() <= panel.table.viewport().width(), row


PLAN = {"decided_at": "2026-11-28T13:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly"}


def test_the_strip_names_who_decided_the_dnacpr_and_the_doctors_plan(window, medication_ward, session_for):
    patient, _, _ = medication_ward
    _amend(session_for, patient, "DNACPR decided with family", resuscitation="dnacpr")
    chart = window.open_observations_of(patient)
    assert "NOT FOR RESUSCITATION (DNACPR) — Dr Benali, 28/11 10:00" in chart.identity.text()
    assert "Comfort care" not in chart.identity.text()
    records.save_new(session_for("nurse"), "observation_plan", PLAN, patient_id=patient)
    records.save_new(session_for("nurse"), "observations", HIGH_SET, patient_id=patient)
    chart = window.open_observations_of(patient)
    assert "<b>Comfort care (Dr Benali, 28/11 13:00): observations as agreed" in chart.identity.text()
    assert chart.response.text().startswith("Comfort care (Dr Benali, 28/11 13:00)")
    assert "HDU or ICU" not in chart.response.text()


def test_the_escalation_list_says_the_plan_beside_the_resuscitation_decision(
        window, medication_ward, session_for, listed):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", HIGH_SET, patient_id=patient)
    records.save_new(nurse, "observation_plan", {**PLAN, "escalation": "ward_ceiling", "frequency": "news2"},
                     patient_id=patient)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    said = panel.model.text(0, EscalationModel.RESUS)
    assert said.startswith("For resuscitation — Ward-based care, not for ICU (Dr Benali, 28/11 13:00)")
    assert panel.model.is_warning(0, EscalationModel.RESUS)


def test_a_deaths_tasks_not_done_are_on_the_escalation_tabs_chart_alerts(window, medication_ward, session_for,
                                                                         listed):
    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "death", {
        "died_at": "2026-11-28T13:00+01:00", "verified_at": "2026-11-28T13:00+01:00", "verified_by": "Dr Benali",
        "expected": True, "referred_to_coroner": False, "implanted_device": "none", "family_informed": False,
        **VERIFIED}, patient_id=patient)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    model = panel.charts_model
    rows = [[model.text(row, column) for column in (4, 5, 6)] for row in range(model.rowCount())]
    assert ["Death", "Died 28/11 13:00", "NEXT OF KIN NOT TOLD; death certificate not done; amend the death record "
            "once done"] in rows
