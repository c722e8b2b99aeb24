"""A sulfonylurea given after a hypo rechecked since (services.glucose.before_insulin): its hypo
comes back for 24 to 36 hours (JBDS-IP, hospital management of hypoglycaemia: the dose reviewed),
and the morning's gliclazide after a 2.6 at 03:00, treated and rechecked, asked nothing."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records

READ = {"reading": "value", "glucose_unit": "mmol_l", "next_in": "240"}
GLICLAZIDE = {"drug": "Gliclazide", "dose": 80.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "08:00 18:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _asked(nurse, order: str, at: str, lang: str = "en") -> list[tuple[Check, str]]:
    return [(w.check, w.text(lang)) for w in medication.check_dose(nurse, order, {
        "order": order, "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": 80.0, "route": "PO"})]


def test_a_sulfonylurea_after_a_hypo_rechecked_asks_the_prescriber_for_a_day(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", GLICLAZIDE, patient_id=patient).record_id
    clock.now = _at("2026-11-29T03:05+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "timing": "night", "taken_at": "2026-11-29T03:00+01:00",
                                              "glucose": 2.6}, patient_id=patient)
    clock.now = _at("2026-11-29T03:20+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "timing": "recheck", "taken_at": "2026-11-29T03:15+01:00",
                                              "glucose": 4.4, "action": "orange juice 150 mL, toast"},
                     patient_id=patient)
    clock.now = _at("2026-11-29T08:05+01:00")
    assert _asked(nurse, order, "2026-11-29T08:00+01:00") == [(Check.GLUCOSE, (
        "Gliclazide: a hypo, 2.6 mmol/L at 29/11 03:00, in the last 24 hours: tell the prescriber before giving it "
        "(a sulfonylurea's hypo comes back for 24 to 36 hours)."))]
    clock.now = _at("2026-11-30T03:05+01:00")
    assert _asked(nurse, order, "2026-11-30T03:00+01:00") == []


def _hypo(nurse, patient: str, clock) -> None:
    """A 2.6 at 03:00, treated and rechecked at 4.4."""
    clock.now = _at("2026-11-29T03:05+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "timing": "night", "taken_at": "2026-11-29T03:00+01:00",
                                              "glucose": 2.6}, patient_id=patient)
    clock.now = _at("2026-11-29T03:20+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "timing": "recheck", "taken_at": "2026-11-29T03:15+01:00",
                                              "glucose": 4.4, "action": "orange juice 150 mL"}, patient_id=patient)


@pytest.mark.parametrize("written, asked", [("rewritten", True), ("amended", False), ("reduced", False),
                                            ("transcribed", True)])
def test_only_a_dose_changed_after_the_hypo_is_the_prescribers_review(session_for, medication_ward, clock,
                                                                      written, asked):
    """Review S_DI S4: an order started after the hypo was taken for the prescriber's review, so the
    outage's daily rewrite of the order unchanged (the old stopped at 07:00, the same written from
    07:00), or a gliclazide transcribed from the home list after the hypo that admitted the
    patient, asked nothing, while the dose halved by amendment for the hypo was still asked. The
    review is a dose of its course changed after the hypo: amended, or stopped and a lower one
    written."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    first = None if written == "transcribed" else records.save_new(
        doctor, "medication_order", GLICLAZIDE, patient_id=patient).record_id
    _hypo(nurse, patient, clock)
    clock.now = _at("2026-11-29T07:00+01:00")
    if first is not None and written == "amended":
        order = records.amend(doctor, first, {**records.history(doctor.db, first)[-1].data, "dose": 40.0},
                              "hypo 2.6 at 03:00: dose halved").record_id
    else:
        if first is not None:
            records.amend(doctor, first, {**records.history(doctor.db, first)[-1].data,
                                          "stop_at": "2026-11-29T07:00+01:00"}, "daily rewrite of the chart")
        order = records.save_new(doctor, "medication_order", {
            **GLICLAZIDE, "dose": 40.0 if written == "reduced" else 80.0, "start_at": "2026-11-29T07:00+01:00"},
            patient_id=patient).record_id
    clock.now = _at("2026-11-29T08:05+01:00")
    assert (Check.GLUCOSE in [check for check, _ in _asked(nurse, order, "2026-11-29T08:00+01:00")]) is asked


@pytest.mark.parametrize("written", ["transcribed", "rewritten, old lines stopped after", "each line rewritten"])
def test_two_orders_of_unequal_doses_written_again_after_the_hypo_are_still_asked(session_for, medication_ward,
                                                                                   clock, written):
    """Review S_DI2 S3: 80 mg at 08:00 and 40 mg at 18:00, two orders, the usual way to prescribe
    unequal doses. Transcribed from the home list after the hypo (the 18:00 line typed first), or
    rewritten with the new lines typed before the old ones were stopped, the 80 mg was weighed
    against the 40 mg line typed before it and taken for a dose reviewed: nothing asked."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")

    def new(dose: float, times: str, start: str, typed: str) -> str:
        clock.now = _at(typed)
        return records.save_new(doctor, "medication_order", {**GLICLAZIDE, "dose": dose, "times": times,
                                                             "start_at": start}, patient_id=patient).record_id

    def stop(order: str, typed: str) -> None:
        clock.now = _at(typed)
        records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data,
                                      "stop_at": "2026-11-29T07:00+01:00"}, "daily rewrite of the chart")

    if written == "transcribed":
        _hypo(nurse, patient, clock)
        new(40.0, "18:00", "2026-11-29T07:00+01:00", "2026-11-29T06:50+01:00")
        mane = new(80.0, "08:00", "2026-11-29T07:00+01:00", "2026-11-29T06:51+01:00")
    else:
        old_mane = new(80.0, "08:00", "2026-11-28T10:00+01:00", "2026-11-28T09:00+01:00")
        old_evening = new(40.0, "18:00", "2026-11-28T10:00+01:00", "2026-11-28T09:01+01:00")
        _hypo(nurse, patient, clock)
        if written == "each line rewritten":
            stop(old_evening, "2026-11-29T06:50+01:00")
            new(40.0, "18:00", "2026-11-29T07:00+01:00", "2026-11-29T06:51+01:00")
            stop(old_mane, "2026-11-29T06:52+01:00")
            mane = new(80.0, "08:00", "2026-11-29T07:00+01:00", "2026-11-29T06:53+01:00")
        else:
            mane = new(80.0, "08:00", "2026-11-29T07:00+01:00", "2026-11-29T06:50+01:00")
            new(40.0, "18:00", "2026-11-29T07:00+01:00", "2026-11-29T06:51+01:00")
            stop(old_mane, "2026-11-29T06:52+01:00")
            stop(old_evening, "2026-11-29T06:53+01:00")
    clock.now = _at("2026-11-29T08:05+01:00")
    assert Check.GLUCOSE in [check for check, _ in _asked(nurse, mane, "2026-11-29T08:00+01:00")]


def test_a_dose_time_taken_off_after_the_hypo_is_the_prescribers_review(session_for, medication_ward, clock):
    """Review S_DI2 S3: 80 mg twice a day amended to 80 mg in the morning only "for the hypo": the
    day's dose halved, its review, was still asked (the dose per time unchanged)."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", GLICLAZIDE, patient_id=patient).record_id
    _hypo(nurse, patient, clock)
    clock.now = _at("2026-11-29T07:00+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "times": "08:00"},
                  "hypo 2.6 at 03:00: evening dose stopped")
    clock.now = _at("2026-11-29T08:05+01:00")
    assert Check.GLUCOSE not in [check for check, _ in _asked(nurse, order, "2026-11-29T08:00+01:00")]
