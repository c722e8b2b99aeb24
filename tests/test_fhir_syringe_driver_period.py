"""A syringe driver or a bag given with a rate goes to the EHR as the infusion it is (review s65 R1
D1): the morphine driver set up at 10:00 and running at 13:50 went as a one-off dose "completed" at
10:00, the EHR's MAR showing no running infusion beside which a second driver could be charted.
It is `in-progress` over a period from its set-up while it runs, `completed` once its stop, the
next syringe, the order's stop or the end of the stay ends it, as its rate changes are."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.medicationadministration import MedicationAdministration

from downtime.services import cd_register, infusion_rates, medication, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

WITNESS = ("doctor", "2222")
DRIVER = {"drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
          "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
          "high_alert": True}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _syringe(nurse, driver: str, at: str):
    return medication.record_dose(nurse, driver, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                                  "dose_given": 10.0, "route": "SC"},
                                  witness=WITNESS, overrides={"allergy": "not hers"})


@pytest.fixture
def driver_up(session_for, medication_ward, clock):
    """The morphine driver at 0.7 mL/h set up at 10:00, witnessed; the clock at 13:50. Returns
    (nurse, patient id, order id, the syringe's dose)."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 40, witness=WITNESS)
    driver = records.save_new(session_for("doctor"), "medication_order", DRIVER, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    syringe = _syringe(nurse, driver, "2026-11-28T10:00+01:00")
    clock.now = _at("2026-11-28T13:50+01:00")
    return nurse, patient, driver, syringe


def _exported(session_for, folder, kind: str, since_last: bool = False) -> dict[str, dict]:
    """The bundle's resources of `kind`, with known codes, by record id."""
    found = export(session_for("records"), folder, since_last=since_last).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return {entry["resource"]["identifier"][0]["value"]: entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == kind}


def _sent(session_for, folder, since_last: bool = False) -> dict[str, dict]:
    """The bundle's MedicationAdministrations, valid R4 with known codes, by record id."""
    given = _exported(session_for, folder, "MedicationAdministration", since_last)
    for resource in given.values():
        MedicationAdministration.model_validate(resource)
    return given


def _period(resource: dict) -> tuple[str, dict | None, str | None]:
    return resource["status"], resource.get("effectivePeriod"), resource.get("effectiveDateTime")


def test_a_running_driver_is_in_progress_until_its_stop_sent_again(session_for, driver_up, clock, tmp_path):
    nurse, _, driver, syringe = driver_up
    sent = _sent(session_for, tmp_path / "running")[syringe.record_id]
    assert _period(sent) == ("in-progress", {"start": "2026-11-28T10:00:00+01:00"}, None)
    assert sent["dosage"]["rateQuantity"]["value"] == 0.7
    clock.now = _at("2026-11-28T16:05+01:00")
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T16:00+01:00", "change": "stopped"})
    sent = _sent(session_for, tmp_path / "stopped", since_last=True)[syringe.record_id]
    assert _period(sent) == ("completed", {"start": "2026-11-28T10:00:00+01:00", "end": "2026-11-28T16:00:00+01:00"},
                             None)


def test_the_next_syringe_ends_the_one_before(session_for, driver_up, clock, tmp_path):
    nurse, _, driver, syringe = driver_up
    clock.now = _at("2026-11-29T10:05+01:00")
    following = _syringe(nurse, driver, "2026-11-29T10:00+01:00")
    sent = _sent(session_for, tmp_path / "next")
    assert _period(sent[syringe.record_id]) == ("completed", {"start": "2026-11-28T10:00:00+01:00",
                                                              "end": "2026-11-29T10:00:00+01:00"}, None)
    assert _period(sent[following.record_id]) == ("in-progress", {"start": "2026-11-29T10:00:00+01:00"}, None)


def test_the_driver_and_its_rate_end_with_the_stay(session_for, driver_up, clock, tmp_path):
    """Dead at 15:00, the driver never charted stopped: it and its 12:00 rate ran until then, the
    driver halted by the death (`stopped`, not `completed`, its whole dose given)."""
    from tests.conftest import death_answers

    nurse, patient, driver, syringe = driver_up
    raised = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T12:00+01:00", "change": "rate",
                                                        "rate_ml_h": 1.0, "reason": "Breakthrough pain"},
                                        witness=WITNESS)
    clock.now = _at("2026-11-28T15:10+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T15:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    sent = _sent(session_for, tmp_path / "death")
    assert _period(sent[syringe.record_id]) == ("stopped", {"start": "2026-11-28T10:00:00+01:00",
                                                            "end": "2026-11-28T15:00:00+01:00"}, None)
    assert (sent[raised.record_id]["status"], sent[raised.record_id]["effectivePeriod"]) == (
        "completed", {"start": "2026-11-28T12:00:00+01:00", "end": "2026-11-28T15:00:00+01:00"})


MIDAZOLAM_ONCE = {"drug": "Midazolam 10 mg in 50 mL", "dose": 50.0, "dose_unit": "mL", "route": "SC", "form": "infusion",
                  "rate_ml_h": 2.0, "frequency": "once", "start_at": "2026-11-29T20:00+01:00", "high_alert": True,
                  "controlled": False, "strength_mg": 10.0, "strength_ml": 50.0, "dose_reason": "terminal agitation"}
"""A once-only syringe driver: its one syringe runs until it is taken down (review s65 R3 D4)."""


@pytest.fixture
def once_driver_up(session_for, medication_ward, clock, tmp_path):
    """The once-only midazolam driver put up at 20:00 on 29/11, sent "active" as it runs; the clock
    at 06:00 on 30/11. Returns (nurse, patient id, order id)."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = _at("2026-11-29T19:50+01:00")
    driver = records.save_new(session_for("doctor"), "medication_order", MIDAZOLAM_ONCE, patient_id=patient).record_id
    clock.now = _at("2026-11-29T20:00+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-29T20:00+01:00",
                                           "scheduled_for": "2026-11-29T20:00+01:00", "dose_given": 50.0,
                                           "route": "SC", "rate_ml_h": 2.0}, witness=WITNESS)
    assert _exported(session_for, tmp_path / "running", "MedicationRequest")[driver]["status"] == "active"
    clock.now = _at("2026-11-30T06:00+01:00")
    return nurse, patient, driver


def _transferred_out(nurse, patient: str, clock) -> None:
    """The patient leaves for another hospital at 09:30 on 30/11."""
    clock.now = _at("2026-11-30T09:30+01:00")
    records.save_new(nurse, "transfer_out", {
        "departed_at": "2026-11-30T09:30+01:00", "receiving_hospital": "CHU Lyon Sud", "receiving_unit": "Gériatrie",
        "transport_mode": "ambulance", "escort": "nurse", "situation": "Geriatric care", "background": "Fall",
        "condition": "stable", "current_treatments": "Midazolam", "allergies_checked": True, "resuscitation": "full",
        "obs_at": "2026-11-30T08:00+01:00", "documents_sent": ["admission_record"]}, patient_id=patient)


def _request_status(session_for, folder) -> tuple[str, dict | None]:
    """The once-only driver's MedicationRequest in an export of what changed since the last one."""
    sent = _exported(session_for, folder, "MedicationRequest", since_last=True)
    (request,) = (resource for resource in sent.values() if resource["medicationCodeableConcept"]["text"].startswith(
        "Midazolam"))
    return request["status"], request.get("statusReason")


def test_a_once_only_driver_taken_down_is_completed(session_for, once_driver_up, clock, tmp_path):
    """Its syringe taken down at 06:00 then the patient transferred out at 09:30, the order went to
    the EHR "active", a live midazolam infusion for a patient who had left: it is completed, sent
    again when the syringe's stop is charted."""
    nurse, patient, driver = once_driver_up
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-30T06:00+01:00", "change": "stopped",
                                               "reason": "Agitation settled, Dr Martin"})
    assert _request_status(session_for, tmp_path / "taken down") == ("completed", None)
    _transferred_out(nurse, patient, clock)
    assert _exported(session_for, tmp_path / "left", "MedicationRequest")[driver]["status"] == "completed"


def test_a_once_only_driver_still_running_stops_with_the_stay(session_for, once_driver_up, clock, tmp_path):
    """Never charted taken down, it ran until the patient left: stopped then, as every open order."""
    nurse, patient, _ = once_driver_up
    _transferred_out(nurse, patient, clock)
    assert _request_status(session_for, tmp_path / "left") == (
        "stopped", {"text": "Patient transferred to another hospital"})


VANCOMYCIN = {"drug": "Vancomycin", "dose": 1.0, "dose_unit": "g", "route": "IV", "form": "infusion",
              "rate_ml_h": 250.0, "frequency": "scheduled", "times": "06:00 18:00",
              "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00", "controlled": False,
              "high_alert": False}
METRONIDAZOLE = {"drug": "Metronidazole", "dose": 500.0, "dose_unit": "mg", "route": "IV", "form": "infusion",
                 "rate_ml_h": 200.0, "frequency": "once", "start_at": "2026-11-27T11:00+01:00",
                 "review_at": "2026-11-30T10:00+01:00", "controlled": False, "high_alert": False}


def test_an_intermittent_bag_ends_once_run_in(session_for, medication_ward, clock, tmp_path):
    """An antibiotic given over an hour, never charted stopped (nobody charts it), ends as the app
    takes it to have run in (infusion_rates.runs_until: 4 hours for a dose in g or mg): the 06:00
    vancomycin went as running 12 hours at 250 mL/h, until the 18:00 dose, and the last dose, like
    the stat metronidazole, as running for ever."""
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = _at("2026-11-27T10:00+01:00")
    vancomycin = records.save_new(doctor, "medication_order", VANCOMYCIN, patient_id=patient).record_id
    metronidazole = records.save_new(doctor, "medication_order", METRONIDAZOLE, patient_id=patient).record_id
    clock.now = _at("2026-11-27T12:05+01:00")
    stat = medication.record_dose(nurse, metronidazole, {"outcome": "given", "given_at": "2026-11-27T12:00+01:00",
                                                         "dose_given": 500.0, "route": "IV"})
    bags = []
    for at in ("2026-11-28T06:00+01:00", "2026-11-28T18:00+01:00"):
        clock.now = _at(at)
        bags.append(medication.record_dose(nurse, vancomycin, {"outcome": "given", "given_at": at,
                                                               "scheduled_for": at, "dose_given": 1.0,
                                                               "route": "IV"}))
    clock.now = _at("2026-11-28T20:00+01:00")
    sent = _sent(session_for, tmp_path / "export")
    assert _period(sent[stat.record_id]) == ("completed", {"start": "2026-11-27T12:00:00+01:00",
                                                           "end": "2026-11-27T16:00:00+01:00"}, None)
    assert _period(sent[bags[0].record_id]) == ("completed", {"start": "2026-11-28T06:00:00+01:00",
                                                              "end": "2026-11-28T10:00:00+01:00"}, None)
    assert _period(sent[bags[1].record_id]) == ("in-progress", {"start": "2026-11-28T18:00:00+01:00"}, None)
    # Its one bag run in, the stat order is done, as a once-only tablet's is once given: "active",
    # it read as a dose still to give.
    ordered = _exported(session_for, tmp_path / "orders", "MedicationRequest")
    assert (ordered[metronidazole]["status"], ordered[vancomycin]["status"]) == ("completed", "active")


def test_a_driver_runs_until_its_orders_stop_comes(session_for, driver_up, clock, tmp_path):
    """The order stops at 10:00 on 29/11: exported the day before, the driver and its 12:00 rate
    run still (they went "completed", ended 20 hours ahead); exported after it, they ended then."""
    nurse, _, driver, syringe = driver_up
    doctor = session_for("doctor")
    records.amend(doctor, driver, {**records.current(doctor.db, driver).data, "stop_at": "2026-11-29T10:00+01:00"},
                  "Review tomorrow")
    raised = infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T12:00+01:00", "change": "rate",
                                                        "rate_ml_h": 1.0, "reason": "Breakthrough pain"},
                                        witness=WITNESS)
    sent = _sent(session_for, tmp_path / "before")
    assert _period(sent[syringe.record_id]) == ("in-progress", {"start": "2026-11-28T10:00:00+01:00"}, None)
    assert (sent[raised.record_id]["status"], sent[raised.record_id]["effectivePeriod"]) == (
        "in-progress", {"start": "2026-11-28T12:00:00+01:00"})
    clock.now = _at("2026-11-29T10:30+01:00")
    sent = _sent(session_for, tmp_path / "after")
    ended = {"start": "2026-11-28T10:00:00+01:00", "end": "2026-11-29T10:00:00+01:00"}
    assert _period(sent[syringe.record_id]) == ("completed", ended, None)
    assert (sent[raised.record_id]["status"], sent[raised.record_id]["effectivePeriod"]) == (
        "completed", {**ended, "start": "2026-11-28T12:00:00+01:00"})


SALINE = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00 23:59",
          "start_at": "2026-11-27T07:00+01:00", "controlled": False, "high_alert": False}


def test_a_new_bag_sends_again_only_the_one_before(session_for, medication_ward, clock, tmp_path):
    """Four litres of saline charted and exported, then the 23:59 bag: the export of what changed
    since sends that bag and the 16:00 one it ends, not every earlier bag of the order again."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = _at("2026-11-27T07:00+01:00")
    fluid = records.save_new(session_for("doctor"), "medication_order", SALINE, patient_id=patient).record_id
    bags = []
    for at in ("2026-11-28T08:00", "2026-11-28T16:00", "2026-11-29T08:00", "2026-11-29T16:00", "2026-11-29T23:59"):
        clock.now = _at(f"{at}+01:00")
        if len(bags) == 4:
            _sent(session_for, tmp_path / "before")
        bags.append(medication.record_dose(nurse, fluid, {"outcome": "given", "given_at": f"{at}+01:00",
                                                          "scheduled_for": f"{at}+01:00", "dose_given": 1000.0,
                                                          "route": "IV"}).record_id)
    clock.now = _at("2026-11-30T00:30+01:00")
    sent = _sent(session_for, tmp_path / "since", since_last=True)
    assert sent.keys() == set(bags[3:])
    assert _period(sent[bags[3]]) == ("completed", {"start": "2026-11-29T16:00:00+01:00",
                                                    "end": "2026-11-29T23:59:00+01:00"}, None)
