"""The dose dialog of a breakthrough opioid order (immediate release, as required) beside the
same opioid's modified-release tablets: the morning tablet is no last dose for it, nor counted
in its day (review R7 #3). It said "Last dose 60 min ago, from the order OxyContin", "Next dose
allowed from 28/11 10:00" and counted both tablets against its maximum of 6."""

from datetime import datetime

from downtime.services import cd_register, medication, records

OXYCODONE = {"dose_unit": "mg", "route": "PO", "controlled": True, "high_alert": False,
             "start_at": "2026-11-27T07:00+01:00"}


def test_the_oxynorm_dialog_an_hour_after_the_oxycontin_allows_a_dose_now(dose_dialog, session_for, medication_ward,
                                                                             clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    background = records.save_new(doctor, "medication_order", {
        **OXYCODONE, "drug": "OxyContin 10 mg modified-release", "dose": 10.0, "frequency": "scheduled",
        "times": "08:00 20:00"}, patient_id=patient).record_id
    breakthrough = records.save_new(doctor, "medication_order", {
        **OXYCODONE, "drug": "OxyNorm 5 mg capsules", "dose": 5.0, "frequency": "prn",
        "prn_indication": "breakthrough pain", "min_interval_hours": 2, "max_doses_24h": 6}, patient_id=patient).record_id
    cd_register.cd_receive(nurse, "3B", "OxyContin 10 mg modified-release", "mg", 100, witness=("doctor", "2222"))
    for slot in ("2026-11-27T20:00+01:00", "2026-11-28T08:00+01:00"):
        clock.now = datetime.fromisoformat(slot)
        medication.record_dose(nurse, background, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                   "dose_given": 10.0, "route": "PO"}, witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    said = dose_dialog(nurse, breakthrough).as_required.text()
    assert "A dose is allowed now" in said and "Given in the last 24 h: 0, at most 6" in said and "Next dose" not in said
    # The 08:00 tablet still said, not counted: "Last dose: none recorded" hid it (review S4 #6).
    assert said.split("\n")[:2] == [
        "No breakthrough dose recorded",
        "Background dose: OxyContin 10 mg modified-release PO at 28/11 08:00 (1\u00a0h\u00a000\u00a0min ago) by "
        "Hélène Lefèvre (nurse), not counted here"]
