"""The fluid chart read for a whole ward: the escalation list and the handover sheet read every
patient's volumes, orders and doses at once, however many patients the ward has."""

from downtime.services import census, fluid_balance, medication, records, wards
from tests.statements import statements

PLAN = {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali"}
SALINE = {"drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
          "times": "10:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}


def _admitted_on_a_drip(session_for, admission_values, bed: int) -> str:
    """A patient in `bed` with a 1500 mL restriction, 800 mL drunk and a litre bag given on the
    medication chart: over the restriction."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values, "nir": None, "birth_name": f"Nom{bed}",
                                                    "used_name": f"Nom{bed}", "bed": str(bed),
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    saline = records.save_new(doctor, "medication_order", SALINE, patient_id=patient).record_id
    medication.record_dose(nurse, saline, {"outcome": "given", "given_at": "2026-11-28T10:05+01:00",
                                           "dose_given": 1000.0, "route": "IV",
                                           "scheduled_for": "2026-11-28T10:00+01:00"})
    return patient


def test_the_ward_is_read_in_as_many_statements_for_one_patient_as_for_four(session_for, admission_values):
    """Each patient's volumes, orders and doses were read one patient after another: five or six
    statements a patient on every escalation list and handover sheet."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(bed) for bed in range(1, 11)])
    nurse = session_for("nurse")
    counted = []
    for beds in (1, 4):
        while (count := len(census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()))) < beds:
            _admitted_on_a_drip(session_for, admission_values, count + 1)
        inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
        ids, at = [one.patient_id for one in inside], nurse.clock()
        exceeded = statements(nurse.db, lambda: fluid_balance.restrictions_exceeded(nurse.db, ids, at, "en"))
        handed = statements(nurse.db, lambda: fluid_balance.handover(nurse.db, nurse.forms, inside, at, "en"))
        assert set(exceeded[1]) == set(handed[1]) == set(ids)  # every patient over, bag counted
        counted.append((exceeded[0], handed[0]))
    assert counted[0] == counted[1]
