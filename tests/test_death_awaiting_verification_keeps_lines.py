"""A death found on a round and awaiting verification keeps its lines and devices in: the doctor
who verifies it may refer it to the coroner, who keeps them (census.devices_kept)."""

from datetime import datetime

import pytest

from downtime.services import leaving, records
from downtime.services.errors import ServiceError
from tests.test_last_offices_care_after_death import PUT_IN, TAKEN_OUT, patient  # noqa: F401 (the fixture)


def test_a_cannula_stays_in_while_the_death_awaits_verification(session_for, patient, clock):  # noqa: F811
    """Found dead at 03:10, the doctor called: the cannula taken out at 03:40 was accepted, and the
    doctor referred the death to the coroner at 08:15 with the line already gone. The refusal
    names no doctor: since the death form's version 5 a registered nurse may verify an expected
    death, and "until a doctor has verified it" sent her to wait for one."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T03:50+01:00")
    records.save_new(nurse, "death", {"died_at": "2026-11-29T03:10+01:00", "verification_pending": True,
                                      "referred_to_coroner": False, "implanted_device": "none", "expected": False,
                                      "family_informed": False}, patient_id=patient)
    with pytest.raises(ServiceError) as kept:
        records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-29T03:40+01:00"},
                         patient_id=patient)
    assert kept.value.text("en") == ("Date and time: this patient's death awaits verification: leave lines and "
                                     "devices in place until the death is verified and it is known whether it is "
                                     "referred to the coroner.")
    assert kept.value.text("fr").endswith("laisser les voies et dispositifs en place jusqu’à ce que le décès soit "
                                          "constaté et que l’on sache s’il y a obstacle médico-légal.")



def test_the_save_of_a_death_awaiting_verification_asks_its_lines_left_in(session_for, patient, clock):  # noqa: F811
    """Found dead at 03:10, the cannula still in: the save's confirm said "take it out at last
    offices and chart it removed", which the device chart then refused, and which the doctor's
    referral to the coroner at 08:15 would have found done."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T03:50+01:00")
    found = datetime.fromisoformat("2026-11-29T03:10+01:00")
    cannula = "Peripheral venous cannula, Left forearm, in since 28/11 09:30 (day 2)"
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, found, "en", died=True, unverified=True)
    assert asked.splitlines()[1:] == [(f"• STILL IN: {cannula}: the death awaits verification: leave it in place until "
                                       "the death is verified and it is known whether it is referred to the coroner")]
    assert leaving.still_asked(nurse.db, nurse.forms, patient, found, "fr", died=True, unverified=True).endswith(
        " : décès en attente de constat : le laisser en place jusqu’au constat et jusqu’à ce que l’on sache s’il y a "
        "obstacle médico-légal")
