"""Laboratory results, second review: times typed on a laptop whose clock was at UTC read on the
ward's clock everywhere they are said; a result corrected after a doctor was told, or its test
renamed, asks the doctor told afresh, their acknowledgement with it; a sample whose stay ended
before its results came back is exported as no longer followed."""

import pytest
from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.services import chart_alerts, census, lab_results, printing, records
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

# Typed on a laptop at UTC: 12:10 there is 13:10 on the ward (+01:00).
PHONED = {"received_at": "2026-11-28T12:10+00:00", "received_by": "telephone", "test": "Potassium", "result": "6.8",
          "units": "mmol/L", "flag": "critical", "caller": "Mme Roux, biochemistry", "read_back": True}
TOLD = {"told": "Dr Martin", "told_at": "2026-11-28T12:20+00:00", "acknowledged": True, "action": "ECG"}
SAMPLE = {"taken_at": "2026-11-28T10:40+00:00", "urgency": "urgent", "tests": ["crp"], "sample_number": "B26-118842"}
DISCHARGE = {"discharged_at": "2026-11-28T13:50+01:00", "destination": "home", "letter_given": True,
             "medicines_given": True}


def test_times_typed_on_a_laptop_at_utc_are_said_on_the_wards_clock(session_for, patient, tmp_path):
    """Received, told, taken and due-by times on the handover, the letters, the escalation list and
    the printed log, an hour off before."""
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, **TOLD}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "received_at": "2026-11-28T12:40+00:00", "test": "Lactate",
                                           "result": "4.1"}, patient_id=patient)
    told = "Potassium 6.8 mmol/L, Critical, received 28/11 13:10, Dr Martin told 28/11 13:20: ECG"
    awaited = ("CRP (Urgent) taken 28/11 11:40, B26-118842: RESULT NOT BACK since 28/11 13:40: phone the "
               "laboratory")
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        f"RESULTS: {told}; Lactate 4.1 mmol/L, Critical, received 28/11 13:40; CRITICAL RESULT NOT YET TOLD TO A "
        f"DOCTOR: tell one now, and record who and when; SAMPLES AWAITING RESULTS: {awaited}")}
    assert [full for full, _ in lab_results.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")] == [
        "Lactate 4.1 mmol/L, Critical, received 28/11 13:40, not yet told to a doctor",
        "Result awaited: CRP (Urgent) taken 28/11 11:40, B26-118842: not back (due by 28/11 13:40); the laboratory "
        "will phone ward 3B; followed up by: …", told]
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [(alert.latest, alert.said[0]) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B").alerts] == [
        ("Lactate 4.1 mmol/L 28/11 13:40", "CRITICAL RESULT NOT YET TOLD TO A DOCTOR: tell one now, and record who "
                                           "and when"),
        ("CRP (Urgent) taken 28/11 11:40", "RESULT NOT BACK since 28/11 13:40: phone the laboratory")]
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "results.pdf"))
    assert "28/11 13:10 By telephone from the laboratory" in text and "Dr Martin told 28/11 13:20" in text
    assert "28/11 11:40 CRP Urgent B26-118842" in text and "RESULT NOT BACK since 28/11 13:40" in text

    records.save_new(nurse, "discharge", DISCHARGE, patient_id=patient)
    [left] = chart_alerts.alerts(nurse.db, nurse.forms, [], nurse.clock(), "en", ward="3B").alerts
    assert left.latest == "Lactate 4.1 mmol/L 28/11 13:40"
    census_sheet = pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert "Lactate 4.1 mmol/L 28/11 13:40 CRITICAL RESULT" in census_sheet


def test_a_result_corrected_after_the_doctor_was_told_asks_them_told_again_and_their_acknowledgement(
        session_for, patient):
    """Corrected 5.8 to 6.8 with another "told at": the Yes the doctor gave for 5.8 carried over,
    and the critical 6.8 read as acknowledged. The correction empties who was told; the doctor
    told is then recorded afresh, asked whether they acknowledged it."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "result": "5.8", "flag": "abnormal", **TOLD},
                             patient_id=patient)
    corrected = {**saved.data, "result": "6.8", "flag": "critical"}
    for told_again in ({"told_at": "2026-11-28T12:40+00:00"}, {"told": "Dr Roy"}):
        with pytest.raises(ValidationFailed) as refused:
            records.amend(nurse, saved.record_id, {**corrected, **told_again}, "typed 5.8, lab said 6.8")
        assert [error.path for error in refused.value.errors] == ["told"]
    untold = {key: value for key, value in corrected.items() if key not in ("told", "told_at", "acknowledged")}
    amended = records.amend(nurse, saved.record_id, untold, "typed 5.8, lab said 6.8")
    assert "acknowledged" not in amended.data
    assert [one.record.record_id for one in lab_results.critical_untold(lab_results.chart(nurse.db, patient))] == [
        saved.record_id]
    with pytest.raises(ValidationFailed) as refused:  # the acknowledgement asked again
        records.amend(nurse, saved.record_id, {**amended.data, "told": "Dr Martin",
                                               "told_at": "2026-11-28T12:45+00:00"}, "Doctor told")
    assert [error.path for error in refused.value.errors] == ["acknowledged"]
    records.amend(nurse, saved.record_id, {**amended.data, **TOLD, "told_at": "2026-11-28T12:45+00:00"}, "Doctor told")
    assert lab_results.critical_untold(lab_results.chart(nurse.db, patient)) == []


def test_a_result_whose_test_is_renamed_after_the_doctor_was_told_asks_them_told_again(session_for, patient):
    """Troponin corrected to Potassium kept the doctor told of a troponin; its case or spaces
    mended is the same test."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_result", {**PHONED, "test": "Troponin", **TOLD}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**saved.data, "test": "Potassium"}, "another test")
    assert [error.path for error in refused.value.errors] == ["told"]
    lab_results.check_amended(saved.data, {**saved.data, "test": "Potassium", "told": ""}, "en")
    records.amend(nurse, saved.record_id, {**saved.data, "test": " troponin  "}, "case")
    assert lab_results.critical_untold(lab_results.chart(nurse.db, patient)) == []


def test_a_sample_whose_stay_ended_before_its_results_came_back_is_exported_as_no_longer_followed(
        session_for, patient, exported_resource):
    """Exported "active", it read as a request the ward still chased: nobody cancelled it
    (`revoked`) nor saw it done (`completed`), so `unknown`, the records office told why."""
    nurse = session_for("nurse")
    never = records.save_new(nurse, "lab_request", SAMPLE, patient_id=patient)
    back = records.save_new(nurse, "lab_request", {**SAMPLE, "tests": ["fbc"]}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**PHONED, "test": "Haemoglobin", "result": "121", "units": "g/L",
                                           "flag": "normal", "request": back.record_id, "gives": ["fbc"]},
                     patient_id=patient)
    records.save_new(nurse, "discharge", DISCHARGE, patient_id=patient)
    unfollowed = exported_resource(never.record_id, ServiceRequest)
    assert unfollowed.status == "unknown" and unfollowed.encounter is not None
    assert [note.text for note in unfollowed.note] == [
        "Sample taken 2026-11-28T10:40:00+00:00",
        "Not all back when the stay ended (Discharge, 2026-11-28T13:50:00+01:00): no longer followed by the ward; "
        "look for its result in the laboratory's system", "Number on the request form or tube: B26-118842"]
    assert exported_resource(back.record_id, ServiceRequest).status == "completed"
