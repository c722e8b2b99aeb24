"""Blood transfusion: a unit started only after the bedside identity check, its end after its
start and only once, what a unit asks as it runs (the observations before it, at 15 minutes and
after it, a unit still running at 4 hours, a reaction to report), the handover sheet's line, the
paper record filled and blank, and each unit in the export as a Procedure."""

import json
from datetime import datetime, timedelta

import pytest
from fhir.resources.R4B.procedure import Procedure
from fhir.resources.R4B.servicerequest import ServiceRequest
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.transfusion import Sign, Unit, sets_of, signs
from downtime.services import prefill, printing, records, transfusion
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

UNIT = {"component": "red_cells", "unit_number": "g0001 26 123456", "unit_group": "o_neg", "patient_group": "a_neg",
        "use_by": "2026-12-20T23:59+01:00", "identity_checked": True, "abo_card": "compatible",
        "second_checker": "Paul Martin", "started_at": "2026-11-28T12:00+01:00"}
END = {"ended_at": "2026-11-28T13:40+01:00", "outcome": "completed", "volume": 280, "reaction": False}
OBS = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 125,
       "diastolic_bp": 70, "pulse": 80, "consciousness": "alert", "temperature": 36.9}


def told_by(at: str) -> dict:
    """A reaction's doctor told, named, at `at`, who acknowledged it (transfusion_end version 2)."""
    return {"doctor_name": "Dr Benali", "doctor_told_at": at, "doctor_acknowledged": True}


def _obs(nurse, patient, at: str) -> None:
    records.save_new(nurse, "observations", {**OBS, "taken_at": at}, patient_id=patient)


def test_no_unit_starts_without_the_bedside_identity_check_and_no_end_comes_before_its_start(session_for, patient,
                                                                                             admission_values):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, "identity_checked": False}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["identity_checked"]
    assert "do not start a unit before the patient's identity is checked" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:  # the unit's use-by time passed
        records.save_new(nurse, "blood_transfusion", {**UNIT, "use_by": "2026-11-28T11:00+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["started_at"]
    started = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "ended_at": "2026-11-28T11:50+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["ended_at"]
    assert "the unit started at 28/11/2026 12:00, after this" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:  # stopped for a reaction: its signs and who was told
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "outcome": "stopped_reaction"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["signs", "doctor_told", "blood_bank_told"]
    ended = records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:  # a second end of the same unit
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["unit"] and "already recorded (28/11/2026 13:40)" in str(
        refused.value)
    records.amend(nurse, ended.record_id, {**END, "unit": started.record_id, "volume": 290}, "volume misread")
    with pytest.raises(ValidationFailed) as refused:  # the start moved after the recorded end
        records.amend(nurse, started.record_id, {**UNIT, "started_at": "2026-11-28T13:45+01:00"}, "time misread")
    assert [error.path for error in refused.value.errors] == ["started_at"]
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "AUTRE",
                                                  "arrival_at": "2026-11-28T09:00+01:00"})
    with pytest.raises(ValidationFailed) as refused:  # another patient's unit
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=other.patient_id)
    assert [error.path for error in refused.value.errors] == ["unit"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "blood_transfusion", UNIT, patient_id=patient)


def test_a_running_unit_asks_its_observations_and_to_be_finished_within_4_hours(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "No observations in the hour before the start: record the set taken before it"]
    _obs(nurse, patient, "2026-11-28T13:30+01:00")
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [] and unit.next_due(nurse.clock()) == datetime.fromisoformat(
        "2026-11-28T14:05+01:00")
    clock.advance(minutes=6)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == ["15-MINUTE OBSERVATIONS OVERDUE since 28/11 14:05"]
    _obs(nurse, patient, "2026-11-28T14:06+01:00")
    clock.advance(hours=4)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "STILL RUNNING 4 HOURS OUT OF THE FRIDGE (since 28/11 17:50): a unit is finished within 4 hours of leaving "
        "the fridge; stop it and ask the blood bank"]
    assert unit.state(nurse.forms["transfusion_end"], "en") == "running since 28/11 13:50"


def test_the_4_hours_count_from_when_the_unit_left_the_fridge_when_known(session_for, patient, clock):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:  # taken from the fridge after it was started
        records.save_new(nurse, "blood_transfusion", {**UNIT, "collected_at": "2026-11-28T12:10+01:00",
                                                      "started_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["collected_at"]
    records.save_new(nurse, "blood_transfusion", {**UNIT, "collected_at": "2026-11-28T11:20+01:00"},
                     patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.unit.over_at == datetime.fromisoformat("2026-11-28T15:20+01:00")  # not 16:00, 4 h after the start
    clock.advance(hours=1, minutes=21)
    assert transfusion.chart(nurse.db, patient)[0].asks(nurse.clock(), "en")[0].startswith(
        "STILL RUNNING 4 HOURS OUT OF THE FRIDGE (since 28/11 15:20)")


def test_an_ended_unit_asks_the_set_after_it_and_a_reaction_reported(session_for, patient, clock):
    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    _obs(nurse, patient, "2026-11-28T11:45+01:00")
    _obs(nurse, patient, "2026-11-28T12:15+01:00")
    end = records.save_new(nurse, "transfusion_end", {
        **END, "unit": started.record_id, "ended_at": "2026-11-28T12:40+01:00", "outcome": "stopped_reaction",
        "volume": 90, "signs": ["fever", "rigors"], "doctor_told": True, **told_by("2026-11-28T12:45+01:00"),
        "blood_bank_told": False},
        patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == ["REACTION: report it to the blood bank",  # the doctor was told
                                              "OBSERVATIONS AFTER THE END OVERDUE since 28/11 13:40"]
    assert unit.state(nurse.forms["transfusion_end"], "en") == (
        "ended 28/11 12:40: Stopped: a reaction, 90 mL (Temperature 38 °C or more, or up 1 °C, Chills or rigors)")
    _obs(nurse, patient, "2026-11-28T13:55+01:00")
    records.amend(nurse, end.record_id, {**end.data, "blood_bank_told": True}, "reported at 13:58")
    assert transfusion.chart(nurse.db, patient)[0].asks(nurse.clock(), "en") == []


@given(st.integers(0, 600), st.one_of(st.none(), st.integers(0, 300)), st.lists(st.integers(-120, 600), max_size=6),
       st.one_of(st.none(), st.integers(-120, 0)))
def test_a_running_unit_is_told_overdue_exactly_when_no_set_came_15_minutes_after_its_start(now, ended, taken,
                                                                                              collected):
    start = datetime(2026, 3, 29, 1, 0).astimezone()
    unit = Unit(start, None if ended is None else start + timedelta(minutes=ended), False, False,
                None if collected is None else start + timedelta(minutes=collected))
    found = sets_of(unit, [start + timedelta(minutes=minutes) for minutes in taken])
    said = {sign for sign, _ in signs(unit, found, start + timedelta(minutes=now))}
    first = any(10 <= minutes and (ended is None or minutes < ended) for minutes in taken)
    assert (Sign.FIRST_SET_OVERDUE in said) == (ended is None and now >= 15 and not first)
    assert (Sign.OVER_4_HOURS in said) == (ended is None and now >= 240 + (collected or 0))
    assert (Sign.END_SET_OVERDUE in said) == (ended is not None and now >= ended + 60
                                             and not any(minutes >= ended for minutes in taken))


def test_a_restarted_units_4_hours_count_from_its_first_start_when_the_fridge_time_is_not_known():
    """Out at least since its first start: from its restart, a unit started at 09:00 read as in time until 15:00."""
    first = datetime(2026, 11, 28, 9, 0).astimezone()
    unit = Unit(first + timedelta(hours=2), None, False, False, first_started_at=first)
    assert unit.over_at == first + timedelta(hours=4)
    assert Sign.OVER_4_HOURS in {sign for sign, _ in signs(unit, sets_of(unit, []), first + timedelta(hours=4))}


def test_the_handover_sheet_and_the_paper_record_say_each_unit_and_what_it_asks(session_for, patient, tmp_path,
                                                                               forms, clock):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T10:00+01:00"},
                             patient_id=patient)
    _obs(nurse, patient, "2026-11-28T09:50+01:00")
    _obs(nurse, patient, "2026-11-28T10:15+01:00")
    records.save_new(nurse, "transfusion_end", {**END, "unit": first.record_id, "ended_at": "2026-11-28T11:55+01:00"},
                     patient_id=patient)
    _obs(nurse, patient, "2026-11-28T12:05+01:00")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_number": "G0001 26 654321",
                                                  "started_at": "2026-11-28T13:40+01:00"}, patient_id=patient)
    said = ("TRANSFUSION: Red cells G0001 26 123456 (O RhD negative) ended 28/11 11:55: Given in full, 280 mL; "
            "Red cells G0001 26 654321 (O RhD negative) running since 28/11 13:40; "
            "G0001 26 654321: 15-MINUTE OBSERVATIONS OVERDUE since 28/11 13:55; "
            "G0001 26 654321: No observations in the hour before the start: record the set taken before it")
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    census = " ".join(" ".join(page.extract_text().split()) for page in
                      PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in census
    text = " ".join(PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages[0]
                    .extract_text().split())
    assert "Blood transfusion record" in text and "Finish each unit within 4 hours" in text
    assert ("Red cells G0001 26 123456 (O RhD negative), use by 20/12 23:59 Patient A RhD negative; Identity checked; "
            "ABO card: Compatible; "
            "2nd: Paul Martin 28/11 10:00 HL ✓ 28/11 10:15 28/11 11:55 HL Given in full, 280 mL 28/11 12:05 None") in text
    assert "G0001 26 654321 (O RhD negative), use by 20/12 23:59" in text and "running" in text
    blank = PdfReader(printing.blank(forms, "transfusion", tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                     printed_at=nurse.clock(), device_name="3B")).pages
    assert len(blank) == 1 and "Fiche de suivi transfusionnel (vierge)" in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_unit_as_a_procedure_from_its_start_and_end(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "units": 1}, patient_id=patient)
    running = records.save_new(nurse, "blood_transfusion", {**UNIT, "component": "platelets", "unit_group": "a_neg", "unit_number": "G0001 26 000009",
                                                            "unit_requirements": ["irradiated"],  # the patient's need
                                                            "started_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    stopped = records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_requirements": ["irradiated"], "order": order.record_id}, patient_id=patient)
    end = records.save_new(nurse, "transfusion_end", {
        **END, "unit": stopped.record_id, "ended_at": "2026-11-28T12:30+01:00", "outcome": "stopped_reaction",
        "volume": 60, "reaction": True, "signs": ["fever", "rash"], "doctor_told": True, **told_by("2026-11-28T12:30+01:00"),
        "blood_bank_told": True,
        "notes": "Paracetamol given"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    going = Procedure.model_validate(by_id[running.record_id])
    assert going.status == "in-progress" and going.code.text == "Platelet transfusion" and going.performedPeriod.end is None
    done = Procedure.model_validate(by_id[stopped.record_id])
    assert done.status == "stopped" and done.outcome.text == "Stopped: a reaction"
    assert [one.text for one in done.complication] == ["Temperature 38 °C or more, or up 1 °C", "Rash, itching or hives"]
    assert done.usedCode[0].text == "Red cells, donation number G0001 26 123456, O RhD negative, Irradiated"
    assert done.basedOn[0].reference == f"urn:uuid:{order.record_id}" and going.basedOn is None
    request = ServiceRequest.model_validate(by_id[order.record_id])
    assert (request.status, request.code.text, float(request.quantityQuantity.value)) == (
        "revoked", "Red cell transfusion", 1.0)  # its one unit ended, stopped for a reaction
    assert request.reasonCode[0].text == "Hb 68 g/L, breathless" and [note.text for note in request.note] == [
        "Each over 2 hours", "Irradiated", "Unit G0001 26 123456 not given in full: Stopped: a reaction, 60 mL given"]
    assert [note.text for note in done.note] == [
        "Patient's blood group: A RhD negative; Bedside identity check: done;"
        " ABO card: Compatible; Second checker: Paul Martin; Use by 2026-12-20T23:59+01:00",
        "Reaction: doctor told: yes: Dr Benali, 2026-11-28T12:30:00+01:00, acknowledged; reported to the blood bank: "
        "yes", "Volume given: 60 mL", "Paracetamol given"]
    provenances = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Provenance"
                   and {"reference": f"urn:uuid:{stopped.record_id}"} in entry["resource"]["target"]]
    assert len(provenances) == 2 and end.record_id not in by_id  # the start's and the end's, of the one Procedure


def test_a_transfer_to_another_hospital_lists_the_stays_units_with_any_reaction(session_for, patient, clock):
    """Every unit of the stay, not the handover's day alone (review R3 D2): the next hospital's blood
    bank asks a new sample of a patient transfused lately, and meets the unit's requirements."""
    nurse = session_for("nurse")
    old = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T09:30+01:00",
                                                        "unit_number": "G0001 26 000001"}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": old.record_id, "ended_at": "2026-11-28T11:30+01:00"},
                     patient_id=patient)
    stopped = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {
        "unit": stopped.record_id, "ended_at": "2026-11-28T12:40+01:00", "outcome": "stopped_reaction", "volume": 90,
        "signs": ["fever", "rigors"], "doctor_told": True, **told_by("2026-11-28T12:40+01:00"), "blood_bank_told": True},
        patient_id=patient)
    _obs(nurse, patient, "2026-11-28T12:50+01:00")  # after both ends: neither asks its set any more
    clock.advance(hours=20)  # the first unit started 24 h 30 min before: of the stay still
    treatments = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert treatments == ("Blood transfusion: Red cells G0001 26 000001 (O RhD negative) ended 28/11 11:30: Given in "
                          "full, 280 mL\n"
                          "Blood transfusion: Red cells G0001 26 123456 (O RhD negative) ended 28/11 12:40: Stopped: "
                          "a reaction, 90 mL (Temperature 38 °C or more, or up 1 °C, Chills or rigors)")


ORDER = {"ordered_at": "2026-11-28T11:00+01:00", "component": "red_cells", "units": 2, "each_over": "2 hours",
         "requirements": ["irradiated"], "indication": "Hb 68 g/L, breathless"}


def test_a_unit_is_checked_against_its_prescription_and_no_more_are_started_than_it_prescribes(session_for, patient):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    with pytest.raises(PermissionDenied):
        records.save_new(nurse, "blood_order", ORDER, patient_id=patient)
    order = records.save_new(doctor, "blood_order", ORDER, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("blood_transfusion"), patient)
    assert (first["order"], first["component"]) == (order.record_id, "red_cells")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_requirements": ["irradiated"], "order": order.record_id, "component": "platelets",
                                                      "unit_group": "a_neg"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["component"]
    assert "the prescription is for Red cells" in str(refused.value)
    one = records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_requirements": ["irradiated"], "order": order.record_id}, patient_id=patient)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_requirements": ["irradiated"], "order": order.record_id, "unit_number": "G0001 26 000002",
                                                  "started_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form("blood_transfusion"), patient).get("order") is None
    with pytest.raises(ValidationFailed) as refused:  # a third unit of a prescription of two
        records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_requirements": ["irradiated"], "order": order.record_id}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["order"] and "all started already" in str(refused.value)
    records.amend(nurse, one.record_id, {**one.data, "second_checker": "Anne Petit"}, "second checker named")
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, order.record_id, {**ORDER, "units": 1}, "one unit only")
    assert [error.path for error in refused.value.errors] == ["units"]
    [prescribed] = transfusion.prescriptions(nurse.db, patient)
    assert prescribed.text(nurse.form("blood_order"), "en") == (
        "Red cells × 2, each over 2 hours, Irradiated (prescribed 28/11 11:00): 2 started")


def test_a_childs_prescription_by_volume_is_shown_and_a_larger_volume_given_is_asked_why(
        session_for, admit_to_paediatrics, tmp_path):
    """15 mL/kg for a 10 kg child: 150 mL over 3 hours (blood_order version 2). The tab, the paper
    record and the export say it; an end saying 300 mL given is asked why under Notes."""
    child = admit_to_paediatrics("2", "2025-06-01", 10.0, "Lina")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "blood_order", {**ORDER, "units": 1, "volume_ml": 150, "each_over": "3 hours",
                                                     "requirements": []}, patient_id=child)
    [prescribed] = transfusion.prescriptions(nurse.db, child)
    assert prescribed.text(nurse.form("blood_order"), "en") == (
        "Red cells × 1, 150 mL each, each over 3 hours (prescribed 28/11 11:00): 0 started")
    assert "150 mL chacun" in prescribed.text(nurse.form("blood_order"), "fr")
    started = records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id}, patient_id=child)
    end = {**END, "unit": started.record_id, "volume": 300}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "transfusion_end", end, patient_id=child)
    assert [error.path for error in refused.value.errors] == ["volume"]
    assert "300 mL given, and 150 mL prescribed for each unit" in str(refused.value)
    records.save_new(nurse, "transfusion_end", {**end, "volume": 150}, patient_id=child)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, child, tmp_path / "t.pdf")).pages)
    assert "1 × 150 mL" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [request] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == order.record_id]
    assert "Volume of each unit: 150 mL" in [note["text"] for note in request["note"]]


def test_an_end_above_the_volume_prescribed_is_saved_with_why_under_notes(session_for, patient):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "blood_order", {**ORDER, "volume_ml": 250}, patient_id=patient)
    started = records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id,
                                                            "unit_requirements": ["irradiated"]}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "volume": 280,
                                                "notes": "The pack held 280 mL; the doctor asked for all of it."},
                     patient_id=patient)


def test_a_unit_not_meeting_its_prescriptions_special_requirements_is_not_started(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", ORDER, patient_id=patient)  # irradiated
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id,
                                                      "unit_requirements": ["cmv_negative"]}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["unit_requirements"]
    assert "the prescription asks for Irradiated, which the unit's label does not show" in str(refused.value)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id,
                                                  "unit_requirements": ["irradiated", "cmv_negative"]}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.what(nurse.form("blood_transfusion"), "en") == (
        "Red cells G0001 26 123456 (O RhD negative, Irradiated, CMV negative)")
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [used] = [entry["resource"]["usedCode"] for entry in bundle["entry"] if entry["resource"]["id"] == unit.record.record_id]
    assert used == [{"text": "Red cells, donation number G0001 26 123456, O RhD negative, Irradiated, CMV negative"}]


@pytest.mark.parametrize(("change", "said"), [
    ({"unit_group": "b_neg"}, "“Unit's blood group”: group B is not compatible with the patient's group A for Red cells: "
                              "do not start it; ask the blood bank."),
    ({"component": "plasma", "unit_group": "o_neg"}, "group O is not compatible with the patient's group A for Plasma (FFP)"),
    ({"component": "cryo", "patient_group": "b_neg", "unit_group": "o_neg"},
     "group O is not compatible with the patient's group B for Cryoprecipitate"),
    ({"patient_group": "not_known", "unit_group": "a_neg"},
     "“Unit's blood group”: the patient's group is not known yet: only group O red cells are given; do not start this "
     "unit; ask the blood bank."),
])
def test_a_unit_of_a_group_the_patient_cannot_take_is_not_started(session_for, patient, change, said):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, **change}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["unit_group"] and said in str(refused.value)
    assert transfusion.chart(nurse.db, patient) == []


def test_a_unit_refused_for_its_group_is_told_in_french(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", "fr"), "blood_transfusion", {**UNIT, "unit_group": "b_neg"},
                         patient_id=patient)
    assert str(refused.value) == ("« Groupe du produit » : CGR (globules rouges) de groupe B, non compatible avec le "
                                  "groupe A du patient : ne pas le poser ; appeler l’EFS.")


def test_units_of_a_group_the_patient_can_take_are_started_and_say_the_patients_group(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    for number, change in enumerate(({"unit_group": "o_neg"}, {"unit_group": "a_neg"},  # the patient A RhD negative
                                     {"component": "plasma", "unit_group": "ab_pos"},
                                     {"component": "platelets", "unit_group": "o_neg", "group_o_agreed": True},
                                     {"patient_group": "not_known", "unit_group": "o_neg"}), start=1):
        records.save_new(nurse, "blood_transfusion", {**UNIT, **change, "unit_number": f"G0001 26 00000{number}"},
                         patient_id=patient)
    assert len(transfusion.chart(nurse.db, patient)) == 5
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    notes = [entry["resource"]["note"][0]["text"] for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "Procedure"]
    assert sorted(note.split(";")[0] for note in notes) == [
        *["Patient's blood group: A RhD negative"] * 4, "Patient's blood group: Not known yet (emergency)"]


def test_a_patients_group_read_as_another_than_an_earlier_units_is_refused(session_for, patient):
    """Two groups for one patient: a sample taken from the wrong patient, or a unit at the wrong bedside."""
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)  # A RhD negative
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_number": "G0001 26 000002", "patient_group": "b_neg",
                                                      "started_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["patient_group"]
    assert str(refused.value) == (
        "“Patient's blood group (compatibility label or blood group card)”: this patient's group was recorded as A RhD "
        "negative with unit G0001 26 123456 on 28/11/2026 12:00: two groups for one patient mean a sample or a patient "
        "mistaken; do not start it; ask the blood bank.")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_number": "G0001 26 000003", "patient_group": "not_known",
                                                  "started_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    records.amend(nurse, first.record_id, {**UNIT, "patient_group": "b_neg", "unit_group": "o_neg"},
                  "patient's group misread")  # the only unit with a group: amended, it names no other
    assert transfusion.chart(nurse.db, patient)[0].record.data["patient_group"] == "b_neg"


def test_a_rhd_positive_unit_for_a_patient_who_may_be_rhd_negative_asks_whether_the_blood_bank_issued_it_so(
        session_for, patient, admission_values, tmp_path):
    nurse = session_for("nurse")
    positive = {**UNIT, "unit_group": "o_pos"}  # the patient A RhD negative
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", positive, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["rhd_agreed"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**positive, "rhd_agreed": False}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["rhd_agreed"]
    assert "unless the blood bank issued it so: ask them" in str(refused.value)
    started = records.save_new(nurse, "blood_transfusion", {**positive, "rhd_agreed": True}, patient_id=patient)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "component": "plasma", "unit_group": "ab_pos",
                                                  "unit_number": "G0001 26 000002"},
                     patient_id=patient)  # plasma carries no RhD cells: not asked
    positive_patient = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "AUTRE",
                                                              "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_group": "o_pos", "patient_group": "a_pos",
                                                  "unit_number": "G0001 26 000003"},
                     patient_id=positive_patient)  # a RhD-positive patient: not asked
    sheet = printing.print_transfusion_record(nurse, patient, tmp_path / "record.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(sheet).pages)
    assert "Patient A RhD negative; Identity checked; RhD+ issued so by the blood bank; ABO card: Compatible" in text
    assert started.data["rhd_agreed"] is True


def test_the_handover_sheet_says_blood_prescribed_and_not_all_given(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "requirements": []}, patient_id=patient)
    said = "BLOOD PRESCRIBED, NOT ALL GIVEN: Red cells × 2, each over 2 hours (prescribed 28/11 11:00): 0 started"
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id}, patient_id=patient)
    _obs(nurse, patient, "2026-11-28T11:50+01:00")
    _obs(nurse, patient, "2026-11-28T12:15+01:00")
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "TRANSFUSION: Red cells G0001 26 123456 (O RhD negative) running since 28/11 12:00; BLOOD PRESCRIBED, NOT ALL "
        "GIVEN: Red cells × 2, each over 2 hours (prescribed 28/11 11:00): 1 started")}
    census = " ".join(" ".join(page.extract_text().split()) for page in
                      PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "BLOOD PRESCRIBED, NOT ALL GIVEN: Red cells × 2" in census
