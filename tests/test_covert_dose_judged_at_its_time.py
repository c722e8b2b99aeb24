"""Whether a dose of an order was given covertly is judged by the order as it stood at the dose's
time (services.medication.covert_at): the 10:05 dose, given before the best-interests decision
made at 11:30 and written on the order at 14:00, typed late, was charted "C" and sent to the EHR
as given covertly on that decision, a covert administration that never happened. A dose typed
from the paper chart is not taken as covert: nothing on the paper says how it was given. The
tests' clock is 14:00 on 28/11 (Paris)."""

from downtime.domain.medication import dose_text
from downtime.services import laptops, medication, records

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}
COVERT = {"covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T11:30+01:00",
          "covert_decided_by": "Dr Karim Benali, consultant"}
OPEN = {"covert": False, "covert_how": None, "covert_decided_at": None, "covert_decided_by": None}
TEN = {"outcome": "given", "dose_given": 50.0, "route": "PO", "scheduled_for": "2026-11-28T10:00+01:00",
       "given_at": "2026-11-28T10:05+01:00"}
TWO = {**TEN, "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00"}


def test_a_dose_is_covert_by_default_only_under_a_decision_standing_at_its_time(session_for, patient, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    first = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    records.amend(doctor, first.record_id, {**first.data, **COVERT}, "capacity assessed, best-interests decision")
    before = medication.record_dose(nurse, first.record_id, TEN)
    assert medication.GIVEN_COVERTLY not in before.data
    assert dose_text(medication.administration_of(before), laptops.authors(nurse), {}, "en") == "HL 10:05"
    assert medication.record_dose(nurse, first.record_id, TWO).data[medication.GIVEN_COVERTLY] is True
    typed_in = records.save_new(doctor, "medication_order", {**SERTRALINE, **COVERT, "drug": "Mirtazapine",
                                                             "dose": 15.0}, patient_id=patient).record_id
    assert medication.GIVEN_COVERTLY not in medication.record_dose(nurse, typed_in, {**TEN, "dose_given": 15.0}).data


def test_a_dose_typed_from_the_paper_chart_is_covert_only_when_the_nurse_says_so(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {**SERTRALINE, **COVERT,
                                                          "covert_decided_at": "2026-11-28T08:30+01:00"},
                             patient_id=patient).record_id
    paper = {**TWO, "given_at": "2026-11-28T13:30+01:00", medication.TRANSCRIBED: True}
    assert medication.GIVEN_COVERTLY not in medication.record_dose(nurse, order, paper, overrides={}).data
    said = medication.record_dose(nurse, order, {**paper, "scheduled_for": "2026-11-28T10:00+01:00",
                                                 "given_at": "2026-11-28T09:30+01:00", medication.GIVEN_COVERTLY: True},
                                  overrides={})
    assert said.data[medication.GIVEN_COVERTLY] is True


def test_a_dose_given_covertly_keeps_its_answer_once_the_order_is_made_open(session_for, patient):
    """Reviewed at 14:00, the patient taking it openly now: the 10:05 dose given covertly is still
    asked it, and its printed record and an amendment keep it."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {**SERTRALINE, **COVERT,
                                                          "covert_decided_at": "2026-11-28T08:30+01:00"},
                             patient_id=patient)
    dose = medication.record_dose(nurse, order.record_id, TEN)
    records.amend(doctor, order.record_id, {**order.data, **OPEN}, "reviewed: takes it openly now")
    spec = nurse.form(medication.DOSE_FORM)
    assert medication.asked_by_order(nurse, spec, dose.data).get(medication.GIVEN_COVERTLY) is not False
    assert medication.asked_by_order(nurse, spec, {"order": order.record_id,
                                                   "given_at": TWO["given_at"]})[medication.GIVEN_COVERTLY] is False
