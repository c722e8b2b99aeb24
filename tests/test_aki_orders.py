"""An acute kidney injury reaches the prescriber and the round, not only the nurse's dose dialog:
an order written into one for a medicine it asks a doctor to review is asked, its reason kept;
the round and the printed MAR say the AKI beside each such order's dose."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, printing, records
from tests.pdf_text import pdf_text

CREATININE = {"received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "45–90", "flag": "normal"}
NAPROXEN = {"drug": "Naproxen", "dose": 500.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-29T12:00+01:00", "controlled": False, "high_alert": False}
GENTAMICIN = {"drug": "Gentamicin", "dose": 380.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
              "times": "18:00", "start_at": "2026-11-28T18:00+01:00", "review_at": "2026-11-30T18:00+01:00",
              "indication": "Urosepsis", "controlled": False, "high_alert": False}


def _tripled(nurse, patient: str, clock) -> None:
    """Creatinine 70 received 28/11 06:30, 250 on 29/11 11:30 (3.6 times: AKI stage 3); the clock
    then at 29/11 12:00."""
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T06:30+01:00", "result": "70"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T12:00+01:00")
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-29T11:30+01:00", "result": "250",
                                           "flag": "abnormal"}, patient_id=patient)


def test_an_nsaid_written_into_an_aki_is_asked_and_its_reason_kept(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _tripled(nurse, patient, clock)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", NAPROXEN, patient_id=patient)
    assert str(asked.value).startswith(
        "Naproxen: the creatinine shows an acute kidney injury (AKI stage 3: 250 µmol/L, 3.6 times the baseline 70 of "
        "28/11), and this medicine is one it asks a doctor to review: give the reason to prescribe it all the same in")
    assert asked.value.asked_on == "drug"
    reason = "Gout flare; colchicine not tolerated, renal team agree"
    saved = records.save_new(doctor, "medication_order", {**NAPROXEN, medication.DOSE_REASON: reason},
                             patient_id=patient)
    assert saved.data[medication.DOSE_REASON] == reason
    # An amendment adding an indication keeps the reason as given; one doubling the dose is asked again.
    records.amend(doctor, saved.record_id, {**saved.data, "indication": "Gout"}, "indication added")
    with pytest.raises(medication.DoseReasonNeeded):
        records.amend(doctor, saved.record_id, {**saved.data, "dose": 1000.0}, "dose raised")


def test_a_gentamicin_written_into_an_aki_is_asked_and_one_before_it_or_not_reviewed_is_not(session_for,
                                                                                          medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.save_new(doctor, "medication_order", GENTAMICIN, patient_id=patient)  # no AKI yet
    _tripled(nurse, patient, clock)
    with pytest.raises(medication.DoseReasonNeeded, match="Gentamicin: the creatinine shows an acute kidney injury"):
        records.save_new(doctor, "medication_order", {**GENTAMICIN, "start_at": "2026-11-29T18:00+01:00",
                                                      "review_at": "2026-12-01T18:00+01:00"}, patient_id=patient)
    records.save_new(doctor, "medication_order", {  # paracetamol is not one an AKI asks to review
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-29T14:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)


def test_the_round_and_the_printed_mar_say_the_aki_beside_the_gentamicin_due(session_for, medication_ward, clock,
                                                                               tmp_path):
    patient, amoxicillin = medication_ward[0], medication_ward[1]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    gentamicin = records.save_new(doctor, "medication_order", GENTAMICIN, patient_id=patient).record_id
    said = "Gentamicin: the creatinine shows an acute kidney injury (AKI stage 3: 250 µmol/L, 3.6 times the baseline 70"

    def on_round() -> dict[str, list[str]]:
        return {item.order.record_id: [warning.text("en") for warning in item.levels]
                for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.slot.day == clock.now.day}

    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    assert on_round()[gentamicin] == []  # no creatinine yet
    _tripled(nurse, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T17:55+01:00")
    [warning] = [item.levels for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                 if item.order.record_id == gentamicin and item.slot.day == 29][0]
    assert warning.check is Check.KIDNEY_INJURY and warning.text("en").startswith(said)
    assert on_round()[amoxicillin] == []  # not one an AKI asks to review
    printed = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    # Short on paper, in each reviewed order's box; whole on the screen.
    assert "AKI stage 3 (creatinine 250 µmol/L): give it only once the doctor says to." in printed
    assert "acute kidney injury" not in printed


def test_an_order_prescribed_into_the_aki_with_its_reason_quotes_it_and_holds_no_dose(session_for, medication_ward,
                                                                                      clock, tmp_path):
    """The doctor who wrote the gentamicin knowing the AKI gave their reason: the nurse is not sent
    back to them at each dose, and the round says the reason in plain, not as a dose on hold."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _tripled(nurse, patient, clock)
    reason = "Urosepsis, no alternative; renal team aware, level before the second dose"
    gentamicin = records.save_new(doctor, "medication_order", {
        **GENTAMICIN, "start_at": "2026-11-29T18:00+01:00", "review_at": "2026-12-01T18:00+01:00",
        medication.DOSE_REASON: reason}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T17:55+01:00")
    [levels] = [item.levels for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.record_id == gentamicin and item.slot.day == 29]
    assert [warning.text("en") for warning in levels] == [
        "Gentamicin: the creatinine shows an acute kidney injury (AKI stage 3: 250 µmol/L, 3.6 times the baseline 70 "
        f"of 28/11), and this medicine is one it asks a doctor to review: prescribed all the same: “{reason}”."]
    assert medication.holding(levels) == []
    dose = {"outcome": "given", "scheduled_for": "2026-11-29T18:00+01:00", "given_at": "2026-11-29T18:00+01:00",
            "dose_given": 380.0, "route": "IV"}
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, gentamicin, dose)]
    clock.now = datetime.fromisoformat("2026-11-29T18:05+01:00")
    assert medication.record_dose(nurse, gentamicin, dose).data.get("overrides") is None
    printed = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert f"AKI stage 3 (creatinine 250 µmol/L): prescribed all the same: “{reason}”." in printed
    assert "Prescribed above a usual first dose" not in printed  # the reason said once, as the AKI's


def test_a_reason_given_before_the_aki_is_not_taken_for_the_prescribers_answer(session_for, medication_ward, clock):
    """A dose's reason given while the kidneys were well (an opioid-tolerant patient's morphine)
    answered another question: the AKI since is asked of the nurse and holds the dose on the round."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T06:00+01:00")
    naproxen = records.save_new(doctor, "medication_order", {
        **NAPROXEN, "start_at": "2026-11-28T08:00+01:00", medication.DOSE_REASON: "Gout flare"},
        patient_id=patient).record_id
    _tripled(nurse, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T19:55+01:00")
    [levels] = [item.levels for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.record_id == naproxen and item.slot.hour == 20 and item.slot.day == 29]
    assert medication.holding(levels) == list(levels) and "give it only once the doctor says to" in levels[0].text("en")
    dose = {"outcome": "given", "scheduled_for": "2026-11-29T20:00+01:00", "given_at": "2026-11-29T20:00+01:00",
            "dose_given": 500.0, "route": "PO"}
    assert Check.KIDNEY_INJURY in [w.check for w in medication.check_dose(nurse, naproxen, dose)]


def test_a_dose_lowered_for_the_aki_is_not_asked_why_it_is_prescribed_all_the_same(session_for, medication_ward,
                                                                                     clock):
    """Told of the AKI, the doctor lowers the pregabalin from 150 mg twice a day to 25 mg once: the
    review the AKI asks, refused until they gave "the reason to prescribe it all the same"."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T06:00+01:00")
    pregabalin = records.save_new(doctor, "medication_order", {
        **NAPROXEN, "drug": "Pregabalin", "dose": 150.0, "start_at": "2026-11-28T08:00+01:00"}, patient_id=patient)
    _tripled(nurse, patient, clock)
    lowered = records.amend(doctor, pregabalin.record_id, {**pregabalin.data, "dose": 25.0, "times": "20:00"},
                            "AKI: dose lowered")
    assert lowered.data["dose"] == 25.0
    with pytest.raises(medication.DoseReasonNeeded, match="Pregabalin: the creatinine shows an acute kidney injury"):
        records.amend(doctor, pregabalin.record_id, {**lowered.data, "dose": 50.0}, "raised again")
