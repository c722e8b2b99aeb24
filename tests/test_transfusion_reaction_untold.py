"""A reaction the doctor was told of but the blood bank not yet asks only the blood bank's
report, on the screen, the handover and the escalation list: "tell the doctor" was said of it
after the doctor had been told and had acknowledged it, while the paper said it right."""

import pytest

from downtime.services import records, transfusion
from tests.test_transfusion import UNIT, told_by


@pytest.mark.parametrize(("told", "en", "fr"), [
    ({"doctor_told": True, **told_by("2026-11-28T12:36+01:00"), "blood_bank_told": False},
     "REACTION: report it to the blood bank", "RÉACTION : la déclarer à l’hémovigilance"),
    ({"doctor_told": False, "blood_bank_told": True}, "REACTION: tell the doctor", "RÉACTION : prévenir le médecin"),
    ({"doctor_told": False, "blood_bank_told": False}, "REACTION: tell the doctor and report it to the blood bank",
     "RÉACTION : prévenir le médecin et la déclarer à l’hémovigilance"),
], ids=["doctor_told", "blood_bank_told", "neither"])
def test_a_reaction_asks_who_is_still_to_be_told(session_for, patient, clock, told, en, fr):
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=12, minute=40)
    unit = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T12:15+01:00"},
                            patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": unit.record_id, "ended_at": "2026-11-28T12:35+01:00",
                                                "outcome": "stopped_reaction", "volume": 50,
                                                "signs": ["fever", "rigors"], **told}, patient_id=patient)
    [charted] = transfusion.chart(nurse.db, patient)
    assert en in charted.asks(nurse.clock(), "en")
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(en)
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].endswith(fr)
