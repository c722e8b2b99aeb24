"""The escalation list names who decided a DNACPR and when, as the printed NEWS2 chart and the
MAR do ("NOT FOR RESUSCITATION (DNACPR) — Dr Benali, 28/11 10:00"): its Resuscitation column said
"DNACPR" of no one, and the doctor called at night for a HIGH score had to find who decided it."""

from downtime.qt.observations_view import EscalationModel
from downtime.services import records

HIGH_SET = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 26, "spo2": 90, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 95, "diastolic_bp": 60, "pulse": 125, "consciousness": "alert",
            "temperature": 38.9}
DECIDED = {"resuscitation": "dnacpr", "resuscitation_decided_by": "Dr  Benali",
           "resuscitation_decided_at": "2026-11-28T10:00+01:00"}
PLAN = {"decided_at": "2026-11-28T13:00+01:00", "decided_by": "Dr Martin", "escalation": "ward_ceiling",
        "frequency": "news2"}


def test_the_escalation_lists_dnacpr_names_the_doctor_who_decided_it_and_when(window, medication_ward, session_for,
                                                                             admission_values, listed):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "used_name": "Hoarau", "nir": None,
                                                  "bed": "5"}).patient_id
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, **DECIDED}, "DNACPR decided with the family")
    for someone in (patient, other):
        records.save_new(nurse, "observations", HIGH_SET, patient_id=someone)
    records.save_new(nurse, "observation_plan", PLAN, patient_id=patient)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    model = panel.model
    said = {model.text(row, EscalationModel.RESUS) for row in range(model.rowCount())}
    assert said == {"For resuscitation",
                    "DNACPR (Dr Benali, 28/11 10:00) — Ward-based care, not for ICU (Dr Martin, 28/11 13:00): tell the "
                    "medical team as the score asks; no transfer to critical care"}
