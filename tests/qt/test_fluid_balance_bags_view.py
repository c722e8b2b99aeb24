"""The fluid tab judges the restriction against the bags given on the medication chart it lists."""

from downtime.services import medication, records


def test_the_tab_counts_a_bag_given_on_the_medication_chart_against_the_restriction(window_for, session_for,
                                                                                    medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "fluid_plan", {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction",
                                            "volume": 1500, "decided_by": "Dr Benali"}, patient_id=patient)
    saline = records.save_new(doctor, "medication_order", {
        "drug": "Glucose 5 %", "dose": 500.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    medication.record_dose(nurse, saline.record_id, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                                     "dose_given": 500.0, "route": "IV",
                                                     "scheduled_for": "2026-11-28T10:00+01:00"})
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.given.text() == "Given on the medication chart, not on this chart yet: 10:00 Glucose 5 % 500 mL"
    assert chart.plan.text() == ("Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30): "
                                 "800 mL in (+500 mL given on the medication chart, not on this chart), 200 mL left")
