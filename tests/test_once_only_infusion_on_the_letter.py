"""A continuous infusion started "once only" with a rate (a heparin syringe by nomogram) runs on
after its one dose is recorded: the transfer letter left it out as a dose given, and the receiving
team never knew heparin was running."""

import json
from datetime import datetime

from downtime.services import medication, prefill, records

HEPARIN = {"drug": "Heparin sodium", "dose": 25000.0, "dose_unit": "units", "route": "IV", "form": "infusion",
           "rate_ml_h": 2.0, "dose_rule": "25,000 units in 50 mL; rate by the APTT ratio nomogram",
           "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True}


def _letter(nurse, patient: str) -> str:
    return json.dumps(prefill.first_answers(nurse, nurse.form("transfer_out"), patient), ensure_ascii=False)


def test_a_once_only_infusion_with_a_rate_stays_on_the_transfer_letter_until_stopped(session_for, medication_ward,
                                                                                     clock):
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", HEPARIN, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "dose_given": 25000.0, "route": "IV", "decided_on": "APTT ratio 1.2"},
                           witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert ("Heparin sodium up to 25000 units IV at 2 mL/h, once, at 28/11/2026 08:00"
            in _letter(nurse, patient))
    records.amend(session_for("doctor"), order_id, HEPARIN | {"stop_at": "2026-11-28T15:00+01:00"}, "APTT ratio 4")
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    assert "Heparin" not in _letter(nurse, patient)
