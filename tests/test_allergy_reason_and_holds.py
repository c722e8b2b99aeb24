"""The allergy checks of orders and doses (a reviewer's probes): an allergy only a version of
the admission on hold records is checked, named with its laptop; a prescriber's reason covers
only the allergies known when it was given; the WHO checklist's "Known allergy: No" is refused
while the admission says nobody asked."""
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check, Frequency, Order, prescribed_despite
from downtime.domain.staff import Role
from downtime.services import back_entry, census, holds, medication, prefill, printing, records, staff, wards
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.import_export import import_export

CO_AMOXICLAV = {"drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
                "times": "16:00", "start_at": "2026-11-28T16:00+01:00", "review_at": "2026-12-01T16:00+01:00",
                "controlled": False, "high_alert": False}
GIVEN_AT_16 = {"outcome": "given", "given_at": "2026-11-28T16:05+01:00", "scheduled_for": "2026-11-28T16:00+01:00",
               "dose_given": 1.2, "route": "IV"}

AMOXICILLIN_ANAPHYLAXIS = {"substance": "Amoxicillin", "reaction": "Anaphylaxis", "severity": "severe"}
AMOXICILLIN_AT_14 = {"outcome": "given", "given_at": "2026-11-28T14:05+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
                     "dose_given": 1.0, "route": "IV"}


def _allergy_added(nurse, patient, allergy, reason):
    """The patient's admission amended with one more allergy."""
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "allergies": [*admission.data["allergies"], allergy]},
                  reason)


@pytest.fixture
def held_admission(allergy_on_one_laptop, tmp_path, clock):
    """MOREAU moved from ward A (laptop 1) to ward B (laptop 2, which imported her); ward A added
    the penicillin anaphylaxis her daughter rang about while ward B weighed her
    (`allergy_on_one_laptop`), and ward B then imported ward A's stick: her admission is on hold,
    ward B's version (codeine only) standing. Returns (ward B's doctor, ward B's nurse, her
    patient id, ward B's records clerk)."""
    saved, _, clerk_1, nurse_2, clerk_2 = allergy_on_one_laptop
    import_export(clerk_2, export(clerk_1, tmp_path / "again").folder)
    assert records.on_hold(nurse_2, [saved.record_id])
    admin = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "admin", "0000", clock), nurse_2.forms, clock)
    staff.add_staff(admin, "doc", "Doctor", Role.DOCTOR, "2222")
    doctor = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "doc", "2222", clock), nurse_2.forms, clock)
    return doctor, nurse_2, saved.patient_id, clerk_2


def test_an_allergy_only_the_admission_on_hold_records_is_asked_before_prescribing(held_admission):
    doctor, _, patient, _ = held_admission
    assert medication.allergy_reason_needed(doctor, patient, CO_AMOXICLAV) == [
        "Penicillin (Anaphylaxis, severe) — in the version on hold from laptop 1 (no. 001)"]
    with pytest.raises(medication.AllergyReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", CO_AMOXICLAV, patient_id=patient)
    assert "Penicillin (Anaphylaxis, severe) — in the version on hold from laptop 1" in str(asked.value)
    # The standing version's allergy is said once, as before, though both versions record it.
    assert medication.allergy_reason_needed(doctor, patient, {**CO_AMOXICLAV, "drug": "Codeine"}) == ["Codeine"]


def test_a_dose_is_warned_of_an_allergy_only_the_admission_on_hold_records(held_admission, clock):
    doctor, nurse, patient, _ = held_admission
    order = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "Allergist: tolerated"},
                             patient_id=patient)
    clock.advance(minutes=30)
    (allergy,) = [w for w in medication.check_dose(nurse, order.record_id, GIVEN_AT_16) if w.check is Check.ALLERGY]
    assert allergy.text("en") == ("Co-amoxiclav matches the recorded allergy: Penicillin (Anaphylaxis, severe) — in "
                                  "the version on hold from laptop 1 (no. 001). Prescribed all the same: “Allergist: "
                                  "tolerated”.")


HELD_PENICILLIN = "Penicillin (Anaphylaxis, severe) — in the version on hold from laptop 1 (no. 001)"


def _printed(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_printed_chart_lists_an_allergy_only_the_admission_on_hold_records(held_admission, tmp_path):
    """It listed laptop 2's codeine alone over "ADMISSION ON HOLD … check it"."""
    _, nurse, patient, _ = held_admission
    printed = _printed(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    assert f"ALLERGIES: Codeine (Vomiting, mild) {HELD_PENICILLIN} ADMISSION ON HOLD" in printed


def test_the_handover_sheet_lists_an_allergy_only_the_admission_on_hold_records(held_admission, tmp_path):
    _, nurse, patient, _ = held_admission
    printed = _printed(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    assert f"ALLERGIES: Codeine (Vomiting, mild) {HELD_PENICILLIN}" in printed
    assert printed.count("in the version on hold") == 1


def test_once_the_hold_is_settled_the_allergy_is_the_admissions_own(held_admission):
    """The records office settles to laptop 1's version: the anaphylaxis stands, said as any."""
    doctor, _, patient, clerk = held_admission
    admission = next(r for r in records.list_current(clerk.db, patient_id=patient) if r.form_id == "admission")
    hold = back_entry.hold_of(clerk, admission.record_id)
    holds.settle(clerk, hold, next(version for version in hold.versions if len(version.data["allergies"]) == 2),
                 "Ward B rang: the daughter's call to ward A stands", drop_changes=True)
    assert medication.allergy_reason_needed(doctor, patient, CO_AMOXICLAV) == ["Penicillin"]


def test_a_prescribers_reason_is_not_quoted_for_an_allergy_found_since(session_for, medication_ward, clock):
    """Amoxicillin written against "Penicillin (Rash)" with the reason "Rash as a child; amoxicillin
    tolerated since"; the family then reports an anaphylaxis to amoxicillin."""
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    _allergy_added(nurse, patient, AMOXICILLIN_ANAPHYLAXIS, "family: anaphylaxis to amoxicillin in 2019")
    (allergy,) = [w for w in medication.check_dose(nurse, amox, AMOXICILLIN_AT_14) if w.check is Check.ALLERGY]
    assert allergy.text("en") == ("Amoxicillin matches the recorded allergy: Penicillin, Amoxicillin. Amoxicillin "
                                  "(Anaphylaxis, severe): recorded after it was prescribed, not reviewed by the "
                                  "prescriber.")
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert "Rash as a child" not in lines
    assert ("— Amoxicillin (Anaphylaxis, severe): recorded after it was prescribed, not reviewed by the prescriber"
            in lines)


def test_an_allergy_the_order_does_not_match_leaves_its_reason_quoted(session_for, medication_ward):
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    _allergy_added(nurse, patient, {"substance": "Latex", "reaction": "Urticaria", "severity": "moderate"}, "latex")
    (allergy,) = [w for w in medication.check_dose(nurse, amox, AMOXICILLIN_AT_14) if w.check is Check.ALLERGY]
    assert allergy.text("en").endswith("Prescribed all the same: “Rash as a child; amoxicillin tolerated since”.")


def test_an_order_amended_after_an_allergy_is_found_asks_the_prescriber_again(session_for, medication_ward, clock):
    patient, amox, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _allergy_added(nurse, patient, AMOXICILLIN_ANAPHYLAXIS, "family: anaphylaxis to amoxicillin in 2019")
    order = records.current(doctor.db, amox)
    with pytest.raises(medication.AllergyReasonNeeded) as asked:
        records.amend(doctor, amox, {**order.data, "times": "08:00 16:00"}, "times moved")
    assert "one was recorded after the reason in “Prescribed despite the recorded allergy (reason)” was given" in str(
        asked.value)
    # Stopping it prescribes nothing, and asks nothing.
    stopped = records.amend(doctor, amox, {**order.data, "stop_at": "2026-11-28T15:00+01:00"}, "stopped: anaphylaxis")
    assert stopped.data["stop_at"] == "2026-11-28T15:00+01:00"


def test_a_reason_given_again_after_the_allergy_is_found_is_quoted(session_for, medication_ward, clock):
    patient, amox, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _allergy_added(nurse, patient, AMOXICILLIN_ANAPHYLAXIS, "family: anaphylaxis to amoxicillin in 2019")
    order = records.current(doctor.db, amox)
    clock.advance(minutes=5)
    records.amend(doctor, amox, {**order.data, "allergy_reason": "Allergist: challenge tolerated 2025"}, "reviewed")
    clock.advance(minutes=5)
    records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "times": "08:00 14:00 22:00"}, "times moved")
    (allergy,) = [w for w in medication.check_dose(nurse, amox, AMOXICILLIN_AT_14) if w.check is Check.ALLERGY]
    assert allergy.text("en").endswith("Prescribed all the same: “Allergist: challenge tolerated 2025”.")


def test_the_reason_is_printed_only_while_no_allergy_it_matches_was_found_since():
    order = Order(record_id="o", patient_id="p", drug="Amoxicillin", dose=1, dose_unit="g", route="IV",
                  frequency=Frequency.ONCE, start_at=datetime.fromisoformat("2026-11-28T08:00+01:00"),
                  allergy_reason="Rash as a child")
    allergies, described = ["Penicillin", "Amoxicillin"], ["Penicillin (rash)", "Amoxicillin (anaphylaxis)"]
    assert prescribed_despite(order, allergies, described, []) == "Rash as a child"
    assert prescribed_despite(order, allergies, described, ["Amoxicillin (anaphylaxis)"]) is None


SIGNED_IN = {"checked_at": "2026-11-28T09:00+01:00", "led_by": "Marie Roux (IBODE)", "consent_confirmed": True,
             "site_marked": "yes", "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": False,
             "airway_risk": "no", "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes"}


def test_known_allergy_no_is_refused_while_the_allergies_were_never_asked(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "unknown",
                                                      "allergies": []})
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=admission.patient_id)
    (error,) = refused.value.errors
    assert error.path == "allergy_known" and error.message == (
        "“Known allergy”: No, but the admission says the patient's allergies are not known yet. Ask the patient at "
        "the Sign In and record the answer on the admission first (“No known allergies”, or the allergy), then "
        "answer here.")
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "nka"}, "asked at Sign In")
    signed = records.save_new(nurse, "surgical_safety_checklist", SIGNED_IN, patient_id=admission.patient_id)
    # An amendment keeping the No given while they were known is not asked again.
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "unknown"}, "not sure after all")
    records.amend(nurse, signed.record_id, {**signed.data, "airway_risk": "equipment_ready"}, "airway")


def _written_before_the_allergy(session_for, admission_values):
    """Co-amoxiclav written for a patient with no known allergies (nothing to match, no reason
    asked), then the admission amended: the daughter reports a penicillin anaphylaxis."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-27T09:00+01:00"})
    order = records.save_new(doctor, "medication_order", CO_AMOXICLAV, patient_id=admission.patient_id)
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]},
        "daughter: anaphylaxis to penicillin in 2019")
    return nurse, admission.patient_id, order.record_id


def test_an_allergy_recorded_after_an_order_written_without_a_reason_is_said_not_reviewed(session_for,
                                                                                          admission_values):
    """The dose's warning said only that the order matched, the transfer letter nothing: the
    prescriber never weighed the allergy, as one recorded after a reason was given."""
    nurse, patient, order = _written_before_the_allergy(session_for, admission_values)
    (allergy,) = [w for w in medication.check_dose(nurse, order, GIVEN_AT_16) if w.check is Check.ALLERGY]
    assert allergy.text("en") == ("Co-amoxiclav matches the recorded allergy: Penicillin. Penicillin (Anaphylaxis, "
                                  "severe): recorded after it was prescribed, not reviewed by the prescriber.")
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert ("Co-amoxiclav 1.2 g IV" in lines and "— Penicillin (Anaphylaxis, severe): recorded after it was "
            "prescribed, not reviewed by the prescriber" in lines), lines


def test_an_order_written_after_the_allergy_with_its_reason_is_not_said_unreviewed(session_for, admission_values):
    """The allergy known when the order was written (its reason given then) is no news."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": [
        {"substance": "Penicillin", "reaction": "Rash", "severity": "mild"}]}).patient_id
    order = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "Rash only; tolerated"},
                             patient_id=patient).record_id
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert medication.allergies_since(nurse.db, nurse.forms, nurse.lang, summary,
                                      [medication.order_of(records.current(nurse.db, order))]) == {
        order: []}
