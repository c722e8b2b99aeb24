"""The WHO surgical safety checklist as a form of its own: a theatre's paper checklist typed in,
a count not correct explained, and the records office told of it, on its worklist line and in
the export."""

import json

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from downtime.services import printing, records, wards
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text
from tests.test_back_entry import _office_lines
from tests.test_bad_input import MONDAY, _booking

AT = "2026-11-28T09:00+01:00"
SIGNED_IN = {"checked_at": AT, "led_by": "Marie Roux (IBODE)", "consent_confirmed": True, "site_marked": "yes",
             "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": True, "airway_risk": "no",
             "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes"}


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", admission_values).patient_id


def test_a_count_not_correct_is_saved_only_with_what_was_done(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "counts_correct": "not_correct"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    saved = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "counts_correct": "not_correct", "notes": "One swab missing: X-ray in theatre, found"},
        patient_id=patient)
    assert saved.data["counts_correct"] == "not_correct"


def test_the_theatre_team_writes_it_and_the_coordinator_does_not(session_for, patient):
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "surgical_safety_checklist", SIGNED_IN, patient_id=patient)
    assert records.save_new(session_for("doctor"), "surgical_safety_checklist", SIGNED_IN, patient_id=patient)


def test_the_records_office_reads_each_answer_on_its_line(tmp_path, laptop, admission_values):
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", admission_values)
    checked = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "counts_correct": "not_correct", "notes": "One swab missing: X-ray in theatre, found"},
        patient_id=admitted.patient_id)
    line = _office_lines(tmp_path, laptop, ward_clerk)[checked.record_id]
    for said in ("Checklist led by (name): Marie Roux (IBODE)",
                 "Patient has confirmed identity, site, procedure and consent: Yes", "Known allergy: Yes",
                 "Instrument, swab and needle counts: NOT correct: say what was done below",
                 "One swab missing: X-ray in theatre, found"):
        assert said in line, line


def test_the_export_sends_it_as_a_questionnaire_response_based_on_its_operation(session_for, patient, tmp_path):
    coord, nurse = session_for("coord"), session_for("nurse")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"{MONDAY}T08:00+01:00",
        "ends_at": f"{MONDAY}T13:00+01:00"}).record_id
    booking = records.save_new(coord, "operation_booking", _booking(session_id, "08:00", 60), patient).record_id
    checked = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, "booking": booking, "counts_correct": "not_correct",
        "notes": "One swab missing: X-ray in theatre, found"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    found = QuestionnaireResponse.model_validate(by_id[checked.record_id])
    assert found.status == "completed" and found.basedOn[0].reference == f"urn:uuid:{booking}"
    assert by_id[booking]["resourceType"] == "ServiceRequest"
    pauses = {pause.linkId: {item.linkId: item for item in pause.item} for pause in found.item}
    signed_in = pauses["sign_in"]
    assert signed_in["consent_confirmed"].answer[0].valueBoolean is True
    assert signed_in["led_by"].answer[0].valueString == "Marie Roux (IBODE)"
    assert signed_in["checked_at"].answer[0].valueDateTime.isoformat() == "2026-11-28T09:00:00+01:00"
    assert "booking" not in signed_in
    counts = next(items["counts_correct"] for items in pauses.values() if "counts_correct" in items)
    assert counts.text == "Instrument, swab and needle counts"
    assert counts.answer[0].valueString == "NOT correct: say what was done below"


# ------------------------------------------------------------------ a No asks why, as the form says

@pytest.mark.parametrize("answered_no", [{"anaesthesia_checked": False}, {"oximeter_working": False},
                                         {"antibiotic_prophylaxis": "no"}, {"sterility_confirmed": False}])
def test_every_no_of_a_stop_item_is_saved_only_with_why(session_for, patient, answered_no):
    """"Pulse oximeter working: No", "Anaesthesia check complete: No" and "Antibiotic prophylaxis:
    No" were saved with nothing said, the form's header saying a No asks why."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, **answered_no}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    assert records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, **answered_no, "notes": "Oximeter probe changed; case went on to save the limb"},
        patient_id=patient)


def test_the_pulse_oximeter_says_it_is_a_who_stop_item(forms):
    help_ = forms["surgical_safety_checklist"].field("oximeter_working").help
    assert "WHO stop item" in help_.en and "do not induce" in help_.en
    assert "Point bloquant de l’OMS" in help_.fr and "pas d’induction" in help_.fr


# ------------------------------------------------------------------ "Known allergy: No" for an allergic patient

def test_no_known_allergy_is_refused_for_a_patient_whose_admission_lists_one(session_for, patient):
    """The admission of `patient` lists penicillin: a team told "no allergy" would not look for it."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "allergy_known": False}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["allergy_known"]
    assert ("“Known allergy”: No, but the admission lists an allergy: Penicillin. Answer Yes and tell the team; "
            "if the admission is wrong, correct it first.") in str(refused.value)
    checked = records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, checked.record_id, {**SIGNED_IN, "allergy_known": False}, "Typed wrong")


def test_an_earlier_no_known_allergy_is_corrected_after_an_allergy_is_found(session_for, admission_values):
    """No allergy known at the sign-in, latex found the day after: the checklist said what was
    known then, and its other answers can still be corrected."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": []})
    checked = records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "allergy_known": False},
                               patient_id=admitted.patient_id)
    records.amend(nurse, admitted.record_id, {**admitted.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Latex", "reaction": "Urticaria", "severity": "moderate"}]}, "Latex allergy found")
    assert records.amend(nurse, checked.record_id, {**SIGNED_IN, "allergy_known": False, "led_by": "Marie Roux"},
                         "Name").version == 2


@pytest.mark.parametrize("status", ["nka", "unknown"])
def test_known_allergy_yes_is_refused_while_the_admission_lists_none(session_for, admission_values, status, tmp_path):
    """Seen in the demo: "Known allergy: Yes" ticked by habit for a patient of "No known
    allergies" was saved unasked, and printed under "No known allergies", naming no allergen: the
    team could believe either. The mirror of the "No" refused against a listed allergy."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "allergy_status": status, "allergies": []})
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=admitted.patient_id)
    (error,) = refused.value.errors
    assert error.path == "allergy_known" and error.message == (
        "“Known allergy”: Yes, but the admission lists no allergy. Record the allergy on the admission first (the "
        "team reads it there and on the wristband), then answer here.")
    records.amend(nurse, admitted.record_id, {**admitted.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Latex", "reaction": "Urticaria", "severity": "moderate"}]}, "Latex allergy found at Sign In")
    checked = records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=admitted.patient_id)
    # An amendment keeping the Yes given while the allergy was listed is not asked again.
    records.amend(nurse, admitted.record_id, {**admitted.data, "allergy_status": "nka", "allergies": []},
                  "Latex allergy was another patient's")
    assert records.amend(nurse, checked.record_id, {**SIGNED_IN, "led_by": "Marie Roux"}, "Name").version == 2
    # Its print says the admission lists none now, rather than a bare Yes under "No known allergies".
    text = pdf_text(printing.print_record(nurse, checked.record_id, tmp_path / "checklist.pdf"))
    assert ("Known allergy * ☒ Yes ☐ No the admission lists no allergy now: ask the patient which, and record it "
            "there") in text


def test_a_printed_known_allergy_yes_names_the_allergies_it_is_about(session_for, patient, tmp_path):
    """The print gave "Known allergy ☒ Yes" bare: the team holding the paper could not tell which
    allergy to look for (latex, the antibiotic given at induction)."""
    nurse = session_for("nurse")
    checked = records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=patient)
    text = pdf_text(printing.print_record(nurse, checked.record_id, tmp_path / "checklist.pdf"))
    assert "Known allergy * ☒ Yes ☐ No Penicillin (Rash, moderate)" in text


# ------------------------------------------------------------------ site "Not applicable" on a sided operation

@pytest.fixture
def booked(session_for, patient):
    """booked(side): a hernia repair of `patient` booked on that side on Monday morning."""
    coord = session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"{MONDAY}T08:00+01:00",
        "ends_at": f"{MONDAY}T13:00+01:00"}).record_id

    def book(side):
        return records.save_new(coord, "operation_booking", {
            **_booking(session_id, "08:00" if side == "left" else "09:00", 60), "procedure": "Inguinal hernia repair",
            "laterality": side}, patient).record_id

    return book


@pytest.mark.parametrize("side, said", [("left", "LEFT"), ("bilateral", "BOTH SIDES")])
def test_site_not_applicable_on_an_operation_booked_on_a_side_asks_why(session_for, patient, booked, side, said):
    nurse, booking = session_for("nurse"), booked(side)
    unmarked = {**SIGNED_IN, "booking": booking, "site_marked": "not_applicable"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", unmarked, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    assert f"the operation is booked for a side ({said}): say why its site was not marked." in str(refused.value)
    assert records.save_new(nurse, "surgical_safety_checklist", {
        **unmarked, "notes": "Site visible on the patient's hernia; surgeon confirmed the side aloud"},
        patient_id=patient)


def test_site_not_applicable_on_an_operation_with_no_side_needs_no_note(session_for, patient, booked, clock):
    booking = booked("not_applicable")
    clock.advance(days=2)  # Monday, the operation's day: its sign-in
    assert records.save_new(session_for("nurse"), "surgical_safety_checklist", {
        **SIGNED_IN, "booking": booking, "site_marked": "not_applicable",
        "checked_at": f"{MONDAY}T08:50+01:00"}, patient_id=patient)


# ------------------------------------------------------------------ version 2: the Time out's critical events

TIME_OUT = {"surgeon_critical_steps": "Adhesions expected; 90 min; blood loss under 200 ml",
            "anaesthetist_concerns": "Sleep apnoea: awake extubation", "sterility_confirmed": True,
            "time_out_equipment_issues": "Spare laparoscope in the room"}


def test_the_time_out_asks_the_critical_events_and_the_export_sends_them(session_for, patient, tmp_path, forms):
    assert forms["surgical_safety_checklist"].version == 2
    checked = records.save_new(session_for("nurse"), "surgical_safety_checklist", {**SIGNED_IN, **TIME_OUT},
                               patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    found = QuestionnaireResponse.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                                      if entry["resource"]["id"] == checked.record_id))
    time_out = {item.linkId: item for item in next(pause.item for pause in found.item if pause.linkId == "time_out")}
    assert time_out["sterility_confirmed"].text == "Nursing: sterility (including indicator results) confirmed"
    assert time_out["sterility_confirmed"].answer[0].valueBoolean is True
    assert time_out["surgeon_critical_steps"].answer[0].valueString == TIME_OUT["surgeon_critical_steps"]


def test_a_checklist_of_version_1_answered_none_and_is_corrected_as_before(session_for, patient):
    older = records.save_imported(session_for("records"), "surgical_safety_checklist", SIGNED_IN, patient,
                                  "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e")
    amended = records.amend(session_for("nurse"), older.record_id, {**SIGNED_IN, "led_by": "Marie Roux"}, "Name")
    assert amended.version == 2 and not set(TIME_OUT) & set(amended.data)


def test_the_blank_asks_the_critical_events_and_stays_two_pages(blank_pages):
    english, french = blank_pages("surgical_safety_checklist", "en"), blank_pages("surgical_safety_checklist", "fr")
    assert len(english) == len(french) == 2
    assert "Surgeon: critical or non-routine steps" in english[0] and "sterility (including indicator" in english[0]
    assert "Sur le plan chirurgical" in french[0] and "Sur le plan anesthésique" in french[0]
