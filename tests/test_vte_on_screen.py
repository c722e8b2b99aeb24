"""The VTE risk assessment and the 4AT on the escalation list the nurse in charge reads (on paper
the reminder and the 4AT's "tell the doctor" were on the handover sheet, printed once a shift),
the doctor's VTE decision checked as it is saved, and the demo's stroke patient given
compression, not stockings."""

from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, records, vte
from downtime.services.errors import ValidationFailed

ASSESSED = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced",
            "thrombosis_risks": ["over_60", "comorbidity"], "bleeding_risks": [], "prophylaxis": "pharmacological"}
STROKE = {**ASSESSED, "bleeding_risks": ["acute_stroke"], "prophylaxis": "mechanical"}


def _list(session):
    at = session.clock()
    return chart_alerts.alerts(session.db, session.forms, census.in_patients(session.db, session.forms, "3B", at), at,
                               "en", ward="3B")


def test_the_escalation_list_says_an_unprescribed_medicine_and_possible_delirium(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "vte_assessment", ASSESSED, patient_id=patient)
    records.save_new(nurse, "delirium_screening", {"screened_at": "2026-11-28T13:00+01:00", "alertness": "abnormal",
                                                   "amt4": "two_or_more", "attention": "untestable",
                                                   "acute_change": "yes"}, patient_id=patient)
    found = _list(nurse)
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("delirium_screening", "4AT 12 28/11 13:00", ["POSSIBLE DELIRIUM: tell the doctor, who looks for its cause"]),
        ("vte_assessment", "VTE risk assessed 28/11 10:00: Medicine (prescribed on the MAR)",
         ["VTE PROPHYLAXIS DECIDED 28/11 10:00, NOT ON THE MEDICATION CHART: ask the doctor to prescribe it"])]
    assert found.next_due == datetime.fromisoformat("2026-11-29T09:00+01:00")  # its reassessment


def test_an_assessment_never_made_is_listed_14_hours_after_admission_and_the_list_read_again_then(
        session_for, patient, clock):
    nurse = session_for("nurse")
    assert _list(nurse).alerts == [] and _list(nurse).next_due == datetime.fromisoformat("2026-11-28T23:00+01:00")
    clock.advance(hours=9)
    assert [(alert.form_id, alert.said) for alert in _list(nurse).alerts] == [("vte_assessment", [
        "VTE RISK NOT ASSESSED since admission on 28/11 09:00: ask the doctor (NICE NG89, within 14 hours)"])]


def test_stockings_are_refused_after_an_acute_stroke_and_every_new_mechanical_decision_names_its_device(
        session_for, patient):
    doctor = session_for("doctor")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "vte_assessment", {**STROKE, "mechanical_device": "stockings"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["mechanical_device"]
    with pytest.raises(ValidationFailed, match="“Mechanical prophylaxis” is required"):
        records.save_new(doctor, "vte_assessment", STROKE, patient_id=patient)
    saved = records.save_new(doctor, "vte_assessment", {**STROKE, "mechanical_device": "ipc"}, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(doctor, saved.record_id, {**STROKE, "mechanical_device": "stockings"}, "Wrong device")
    # A version 1 assessment named no device: corrected without one.
    older = records.save_imported(session_for("records"), "vte_assessment", {**ASSESSED, "prophylaxis": "mechanical"},
                                  patient, "0b4f9a52-7c1e-4d3b-8a6f-2e5d1c0b9a87")
    assert records.amend(doctor, older.record_id, {**ASSESSED, "prophylaxis": "mechanical", "notes": "Seen"},
                         "Note added").version == 2


def test_the_demo_stroke_patient_has_compression_not_stockings(demo_database, tmp_path, forms, clock):
    db = demo_database(tmp_path / "demo.sqlite")
    said = vte.handover(db, forms, census.in_patients(db, forms, "3B", clock()), clock(), "en")
    assert any("Mechanical, intermittent pneumatic compression (IPC)" in line for line in said.values())
    assert not any("ACUTE STROKE" in line for line in said.values())
