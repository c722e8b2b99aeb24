"""A syringe driver's rate change on the back-entry worklist starts with its bag as its order as the
chart heads it and when it was put up (review s65 R1 D3, S5 S6): the line gave every answer of the
order first, then the bag's, "Infusion rate: 0.7 mL/h" twice ahead of "New rate: 1 mL/h", and a
clerk skimming it could enter the old rate; named by its order, the bag still gave its every answer."""

from datetime import datetime

from downtime.services import back_entry, cd_register, infusion_rates, medication, records

WITNESS = ("doctor", "2222")
DRIVER = {"drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
          "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
          "high_alert": True}


def test_a_rate_change_line_starts_with_the_order_as_the_chart_heads_it(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    driver = records.save_new(session_for("doctor"), "medication_order", DRIVER, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                           "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 10.0,
                                           "route": "SC"}, witness=WITNESS, overrides={"allergy": "not hers"})
    clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
    raised = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T12:00+01:00", "change": "rate",
                                                        "rate_ml_h": 1.0, "reason": "breakthrough pain"},
                                        witness=WITNESS)
    (line,) = [item.label for group in back_entry.worklist(session_for("records")) for item in group.items
               if item.record.record_id == raised.record_id]
    assert line.startswith("Morphine 10 mg SC at 0.7 mL/h, up 28/11/2026 10:00 — Time changed"), line
    assert line.count("0.7") == 1, line
