"""Session 51's orders: a telephone order changed by a second call names each call's nurse for
their own call; an earlier stay's telephone order prescribed again by a doctor is the doctor's
own, awaiting no countersignature; an order read once its stop has passed says it stopped."""

from dataclasses import replace
from datetime import datetime

from downtime.domain.staff import Role
from downtime.services import medication, records, staff, telephone_orders

TELEPHONED = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
              "times": "08:00 14:00 20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False,
              "high_alert": False, "telephone_order": True, "read_back": True, "prescriber": "Dr Hugo Bernard"}


def _night_nurse(session_for, clock):
    """Noémie Faure, a second ward nurse, signed in."""
    staff.add_staff(session_for("admin"), "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    nurse = session_for("nurse")
    return replace(nurse, user=staff.sign_in(nurse.db, "night", "5555", clock))


def test_a_telephone_order_changed_by_a_second_call_names_each_calls_nurse(session_for, medication_ward, clock):
    """Hélène took the order at 14:00 on 28/11; Noémie took its change at 13:00 on 29/11: the list
    said Noémie took it, at Hélène's time. Its 24 hours still run from the first call."""
    patient, _, _ = medication_ward
    day = session_for("nurse")
    taken = records.save_new(day, "medication_order", TELEPHONED, patient_id=patient)
    night = _night_nurse(session_for, clock)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    records.amend(night, taken.record_id, {**taken.data, "times": "08:00 14:00 22:00"}, "Dr Bernard by telephone")
    [listed] = telephone_orders.to_countersign(session_for("doctor"), "3B")
    assert listed.order.awaiting_since == datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert listed.taken_by == "Hélène Lefèvre (nurse); changed by telephone 29/11 13:00: Noémie Faure (night)"
    french = telephone_orders.to_countersign(session_for("doctor", "fr"), "3B")[0].taken_by
    assert french.startswith("Hélène Lefèvre") and french.endswith("modifiée par téléphone le 29/11 13:00 : "
                                                                   "Noémie Faure (night)")


def test_the_calls_before_a_countersignature_are_closed_by_it(session_for, medication_ward, clock):
    """Countersigned, then changed again by Noémie's call: she took this telephone order, alone."""
    patient, _, _ = medication_ward
    taken = records.save_new(session_for("nurse"), "medication_order", TELEPHONED, patient_id=patient)
    clock.advance(hours=2)
    signed = telephone_orders.countersign(session_for("doctor"), taken.record_id)
    night = _night_nurse(session_for, clock)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    records.amend(night, taken.record_id, telephone_orders.amended_from(night, {**signed.data, "times": "08:00"})
                  | {"read_back": True}, "Dr Bernard by telephone")
    [listed] = telephone_orders.to_countersign(session_for("doctor"), "3B")
    assert listed.taken_by == "Noémie Faure (night)"


def test_an_earlier_stays_telephone_order_prescribed_again_is_the_doctors_own(session_for, medication_ward,
                                                                               readmitted, clock):
    """The night nurse's telephone order of the first stay, prescribed again by the doctor on
    readmission: it started as a telephone order read back and awaiting a countersignature, and
    the doctor was refused "the order is yours"."""
    patient, _, _ = medication_ward
    now, clock.now = clock.now, datetime.fromisoformat("2026-11-27T11:00+01:00")
    old = records.save_new(readmitted, "medication_order", {**TELEPHONED, "start_at": "2026-11-27T11:00+01:00"},
                           patient_id=patient)
    clock.now = now
    doctor = session_for("doctor")
    answers = medication.prescribed_again(doctor, old.record_id)
    assert not {"telephone_order", "read_back", "countersigned", "prescriber"} & answers.keys()
    again = records.save_new(doctor, "medication_order", answers, patient_id=patient)
    order = medication.order(doctor.db, again.record_id)
    assert not order.telephone and order.awaiting_since is None
    assert again.record_id not in {item.order.record_id for item in telephone_orders.to_countersign(doctor)}


def test_an_order_read_once_its_stop_has_passed_says_it_stopped(session_for, medication_ward, clock):
    """"until 29/11/2026 15:00" read at 16:00 said a finished course ran on; the chart's course
    ("Stopped 29/11 15:00") decides as this does, at the very minute."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    saved = records.save_new(doctor, "medication_order", {**TELEPHONED, "telephone_order": False, "read_back": None,
                                                          "prescriber": None, "stop_at": "2026-11-29T15:00+01:00"},
                             patient_id=patient)
    order, spec = medication.order(doctor.db, saved.record_id), doctor.form("medication_order")
    before = datetime.fromisoformat("2026-11-29T14:59+01:00")
    at_stop = datetime.fromisoformat("2026-11-29T15:00+01:00")
    assert medication.order_reading(order, spec, "en", at=before).endswith(", until 29/11/2026 15:00")
    assert medication.order_reading(order, spec, "en", at=at_stop) == (
        "Paracetamol 1 g PO, at 08:00 14:00 20:00, from 28/11/2026 14:00, stopped 29/11/2026 15:00")
