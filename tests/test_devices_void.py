"""A urinary catheter taken out (a trial without catheter): with no urine charted on the fluid
chart since, 6 hours on, the escalation list, the handover sheet and the printed line and catheter
chart ask for a bladder scan and the doctor, until urine is charted."""

from datetime import datetime, timedelta, timezone

from downtime.services import census, chart_alerts, devices, printing, records
from tests.pdf_text import pdf_text

PARIS = timezone(timedelta(hours=1))
IN = {"checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "urinary", "site": "Urethral",
      "inserted_at": "2026-11-28T07:00+01:00", "site_state": "clean", "still_needed": True, "next_in": "24"}
OUT = {"checked_at": "2026-11-29T06:00+01:00", "event": "removed", "device": "urinary", "site": "Urethral",
       "site_state": "clean", "removed_why": "not_needed"}
SAID = "NOT PASSED URINE since the urinary catheter came out at 29/11 06:00: bladder scan, tell the doctor"


def _urine(nurse, patient: str, at: str, volume: int) -> None:
    records.save_new(nurse, "fluid_balance", {"measured_at": at, "route": "out_urine", "volume": volume},
                     patient_id=patient)


def _listed(nurse, at: datetime):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="3B")
    return [alert.said for alert in found.alerts if alert.form_id == devices.FORM], found.next_due


def test_no_urine_charted_6_hours_after_the_catheter_came_out_is_asked_until_urine_is(session_for, patient, clock,
                                                                                        tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", IN, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 5, 0, tzinfo=PARIS)
    _urine(nurse, patient, "2026-11-29T05:00+01:00", 60)
    clock.now = datetime(2026, 11, 29, 6, 5, tzinfo=PARIS)
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    _urine(nurse, patient, "2026-11-29T06:00+01:00", 40)  # the bag emptied as it came out: no void

    before = datetime(2026, 11, 29, 11, 59, tzinfo=PARIS)
    assert _listed(nurse, before) == ([], datetime(2026, 11, 29, 12, 0, tzinfo=PARIS))
    assert patient not in devices.handover(nurse.db, nurse.forms, [patient], before, "en")

    clock.now = datetime(2026, 11, 29, 14, 0, tzinfo=PARIS)
    assert _listed(nurse, clock.now)[0] == [[SAID]]
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en") == {
        patient: f"LINES AND CATHETERS: {SAID}"}
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "fr")[patient] == (
        "CATHÉTERS ET SONDES : N’A PAS URINÉ depuis le retrait (sonde urinaire) à 29/11 06:00 : échographie "
        "vésicale (bladder scan), prévenir le médecin")
    assert SAID in pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf"))

    clock.now = datetime(2026, 11, 29, 14, 30, tzinfo=PARIS)
    _urine(nurse, patient, "2026-11-29T14:10+01:00", 0)  # measured: none passed
    assert _listed(nurse, clock.now)[0] == [[SAID]]
    _urine(nurse, patient, "2026-11-29T14:20+01:00", 250)
    assert _listed(nurse, clock.now)[0] == []
    assert devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en") == {}


def test_a_catheter_put_back_asks_as_a_device_in_not_whether_urine_was_passed(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", IN, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 6, 5, tzinfo=PARIS)
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 12, 30, tzinfo=PARIS)
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-29T12:30+01:00", "event": "inserted",
                                             "device": "urinary", "site": "Urethral", "next_in": "24"},
                     patient_id=patient)
    assert _listed(nurse, datetime(2026, 11, 29, 14, 0, tzinfo=PARIS))[0] == []
    assert SAID not in devices.handover(nurse.db, nurse.forms, [patient], clock.now, "en")[patient]


def test_another_device_taken_out_asks_nothing_of_urine(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**IN, "device": "peripheral", "site": "Left forearm", "vip": "0",
                                             "site_state": None, "inserted_at": None, "next_in": "8"},
                     patient_id=patient)
    clock.now = datetime(2026, 11, 28, 12, 0, tzinfo=PARIS)
    records.save_new(nurse, "device_check", {**OUT, "checked_at": "2026-11-28T12:00+01:00", "device": "peripheral",
                                             "site": "Left forearm", "vip": "0", "site_state": None},
                     patient_id=patient)
    assert _listed(nurse, datetime(2026, 11, 29, 14, 0, tzinfo=PARIS))[0] == []


def test_the_bag_emptied_within_half_an_hour_of_the_removal_is_not_the_patient_passing_urine(session_for, patient,
                                                                                              clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", IN, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 6, 12, tzinfo=PARIS)
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    clock.now = datetime(2026, 11, 29, 6, 35, tzinfo=PARIS)
    _urine(nurse, patient, "2026-11-29T06:10+01:00", 400)  # the bag taken off, emptied and measured
    _urine(nurse, patient, "2026-11-29T06:30+01:00", 20)  # what was left in it
    clock.now = datetime(2026, 11, 29, 14, 0, tzinfo=PARIS)
    assert _listed(nurse, clock.now)[0] == [[SAID]]
    _urine(nurse, patient, "2026-11-29T13:50+01:00", 300)
    assert _listed(nurse, clock.now)[0] == []
