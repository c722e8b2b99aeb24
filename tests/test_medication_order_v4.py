"""The medication order form's version 4: what a medicine is and how much. A liquid's strength,
which weighs a dose in mL as the same mg and says the volume of a dose in mg; an as-required
range ("1-2 tablets"); depots every 8 or 12 weeks or 3 months; the order's form in its words
(a patch); the transdermal, eye, ear, nasal and buccal routes, and the side an eye or ear
is treated on. An order written under version 3 reads, prints and is amended as before."""

from __future__ import annotations

import json
from datetime import datetime, time

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest

from downtime.domain.medication import Check, Frequency, Order, route_differs
from downtime.services import medication, records, wards
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.medication import OverrideNeeded
from downtime.sync.export import export

TODDLER = {"given_names": "Noe", "birth_date": "2024-10-01", "weight_kg": 12.0, "nir": None, "height_cm": None,
           "allergy_status": "nka", "allergies": [], "bed": "3", "ward": "PED", "arrival_at": "2026-11-27T09:00+01:00"}
REGULAR = {"route": "PO", "frequency": "scheduled", "times": "00:00 06:00 12:00 18:00",
           "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False}
SUSPENSION = {**REGULAR, "drug": "Paracetamol oral suspension", "dose_unit": "mL", "form": "liquid",
              "strength_mg": 120.0, "strength_ml": 5.0}


@pytest.fixture
def toddler(session_for, admission_values) -> str:
    """A 2-year-old of 12 kg on a children's ward, PED: paracetamol at most 15 mg/kg (180 mg) a dose."""
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 11)])
    values = {key: value for key, value in {**admission_values, **TODDLER}.items() if value is not None}
    return records.save_new(session_for("nurse"), "admission", values).patient_id


def _refused(session, patient: str, values: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as failed:
        records.save_new(session, "medication_order", values, patient_id=patient)
    return [(error.path, error.message) for error in failed.value.errors]


def _label(session, order_id: str, lang: str = "en") -> str:
    return medication.order_label(medication.order(session.db, order_id), session.form("medication_order"), lang)


# A liquid's strength (RB #1, RA #9).

def test_a_liquid_in_ml_is_weighed_as_the_same_mg_by_its_strength(session_for, toddler):
    """20 mL of paracetamol 120 mg in 5 mL is 480 mg, 40 mg/kg for 12 kg: refused as 480 mg is,
    where it was saved with nothing said."""
    assert _refused(session_for("doctor"), toddler, {**SUSPENSION, "dose": 20.0}) == [
        ("dose", "Dose: Paracetamol: 480 mg in one dose is above the most for one dose whatever the reason (360 mg for "
                 "12 kg, 30 mg/kg); from the usual most (180 mg) up to it, the order is saved with the prescriber's "
                 "reason.")]
    saved = records.save_new(session_for("doctor"), "medication_order", {**SUSPENSION, "dose": 7.5},
                             patient_id=toddler)
    assert saved.form_version >= 4 and saved.data["strength_mg"] == 120.0  # 5 asks an antibiotic's late review's reason


def test_a_dose_in_ml_of_a_medicine_with_limits_without_its_strength_is_refused_on_the_strength(session_for, toddler):
    values = {key: value for key, value in SUSPENSION.items() if not key.startswith("strength")}
    assert _refused(session_for("doctor"), toddler, {**values, "dose": 5.0}) == [
        ("strength_mg", "Paracetamol in mL: give the liquid's strength in “Strength (mg)” and “in (mL)” (e.g. 120 mg in "
                        "5 mL), or its limits could not be weighed.")]


def test_a_dose_in_ml_given_at_the_bedside_is_weighed_as_its_mg(session_for, toddler, clock):
    """5 mL ordered (120 mg); 20 mL typed at the bedside is 480 mg: the dose check says the
    medicine's most for 12 kg, where it said only that the dose differs."""
    order_id = records.save_new(session_for("doctor"), "medication_order", {**SUSPENSION, "dose": 5.0},
                                patient_id=toddler).record_id
    clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
    said = [warning.message for warning in medication.check_dose(session_for("nurse"), order_id, {
        "outcome": "given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": 20.0, "route": "PO"}) if warning.check is Check.MAXIMUM_DOSE]
    assert said == ["Paracetamol: 480 mg in one dose is above the most for one dose (180 mg for 12 kg, 15 mg/kg)."]


@pytest.mark.parametrize(("lang", "dose", "unit", "label"), [
    ("en", 2.5, "mL", "Paracetamol oral suspension 2.5 mL (60 mg) oral liquid PO"),
    ("fr", 2.5, "mL", "Paracetamol oral suspension 2,5 mL (60 mg) solution buvable PO"),
    ("en", 60.0, "mg", "Paracetamol oral suspension 60 mg = 2.5 mL oral liquid PO")])
def test_a_liquids_order_says_both_its_ml_and_its_mg(session_for, toddler, lang, dose, unit, label):
    order_id = records.save_new(session_for("doctor"), "medication_order", {**SUSPENSION, "dose": dose,
                                                                            "dose_unit": unit},
                                patient_id=toddler).record_id
    assert _label(session_for("nurse"), order_id, lang) == label


def test_the_dose_dialog_says_the_volume_to_draw_up_of_a_liquid_ordered_in_mg(qtbot, session_for, medication_ward):
    """Levetiracetam 100 mg/mL, 500 mg by tube: the nurse draws up 5 mL, which the dialog says."""
    from PySide6.QtWidgets import QLabel

    from downtime.qt.dose_dialog import DoseDialog

    order_id = records.save_new(session_for("doctor"), "medication_order", {
        **REGULAR, "drug": "Levetiracetam oral solution", "dose": 500.0, "dose_unit": "mg", "route": "NG",
        "form": "liquid", "strength_mg": 100.0, "strength_ml": 1.0, "times": "08:00 20:00"},
        patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), datetime.fromisoformat("2026-11-28T20:00+01:00"))
    qtbot.addWidget(dialog)
    assert "Levetiracetam oral solution 500 mg = 5 mL oral liquid NG" in " ".join(
        label.text() for label in dialog.findChildren(QLabel))


def test_an_order_in_ml_of_version_3_without_a_strength_reads_and_is_amended_as_before(session_for, toddler):
    """Written before the strength was asked (loaded so from the EHR): no strength, corrected
    without one; one given a strength cannot have it taken away."""
    doctor = session_for("doctor")
    values = {**REGULAR, "drug": "Paracetamol oral suspension", "dose": 5.0, "dose_unit": "mL", "form": "liquid"}
    older = records.save_imported(session_for("records"), "medication_order", values, toddler,
                                  "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")
    assert _label(doctor, older.record_id) == "Paracetamol oral suspension 5 mL oral liquid PO"
    assert records.amend(doctor, older.record_id, {**values, "indication": "Fever"}, "Indication added").version == 2
    with_strength = records.save_new(doctor, "medication_order", {**SUSPENSION, "dose": 5.0}, patient_id=toddler)
    with pytest.raises(ValidationFailed, match="give the liquid's strength"):
        records.amend(doctor, with_strength.record_id, values, "Strength taken off")


def test_a_liquids_strength_stays_once_a_dose_is_given_from_it(session_for, toddler, clock):
    """Changed after a dose, the strength would rewrite the mg that dose in mL was."""
    order_id = records.save_new(session_for("doctor"), "medication_order", {**SUSPENSION, "dose": 5.0},
                                patient_id=toddler).record_id
    clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
    medication.record_dose(session_for("nurse"), order_id, {
        "outcome": "given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": 5.0, "route": "PO"})
    with pytest.raises(ServiceError, match="^Strength \\(mg\\): cannot be changed once a dose has been recorded"):
        records.amend(session_for("doctor"), order_id, {**SUSPENSION, "dose": 5.0, "strength_mg": 100.0},
                      "Another suspension")


# An as-required range (RA #8).

RANGE = {"drug": "Paracetamol 500 mg", "dose_min": 1.0, "dose": 2.0, "dose_unit": "tablet", "route": "PO",
         "form": "tablet", "frequency": "prn", "prn_indication": "pain or fever", "min_interval_hours": 4,
         "max_doses_24h": 4, "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False}


def test_a_dose_within_an_as_required_range_is_the_orders_and_one_outside_it_is_questioned(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", RANGE, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T09:00+01:00",
                                             "dose_given": 1.0, "route": "PO", "given_for": "headache 3/10"})
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    with pytest.raises(OverrideNeeded) as needed:
        medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T14:00+01:00",
                                                 "dose_given": 3.0, "route": "PO", "given_for": "pain 6/10"})
    assert [w.message for w in needed.value.warnings if w.check is Check.DOSE_MISMATCH] == [
        "Dose 3 tablet is outside the order's range (1 to 2 tablet)."]
    assert _label(nurse, order_id) == "Paracetamol 500 mg 1–2 tablet(s) PO"
    assert _label(nurse, order_id, "fr") == "Paracetamol 500 mg 1–2 comprimé(s) PO"


def test_an_as_required_range_is_weighed_by_its_top_and_its_lowest_must_be_below_it(session_for, medication_ward):
    patient, doctor = medication_ward[0], session_for("doctor")
    in_mg = {**RANGE, "drug": "Paracetamol", "dose_min": 500.0, "dose": 1500.0, "dose_unit": "mg"}
    assert _refused(doctor, patient, in_mg) == [
        ("dose", "Dose: Paracetamol: 1500 mg in one dose is above the most for one dose (1000 mg).")]
    assert _refused(doctor, patient, {**RANGE, "dose_min": 2.0}) == [
        ("dose_min", "“As required, a range: lowest dose (the dose is then the highest)” must be below “Dose”, the "
                     "range's highest dose.")]


def test_a_liquids_range_says_the_mg_of_both_its_ends(session_for, toddler):
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        **RANGE, **{key: SUSPENSION[key] for key in ("drug", "dose_unit", "form", "strength_mg", "strength_ml")},
        "dose_min": 2.5, "dose": 7.5}, patient_id=toddler).record_id
    assert _label(session_for("nurse"), order_id) == "Paracetamol oral suspension 2.5–7.5 mL (60–180 mg) oral liquid PO"


# Depots (RA #10).

@pytest.mark.parametrize(("every", "words", "next_due"), [("56", "every 8 weeks", "23/01/2027"),
                                                          ("84", "every 12 weeks", "20/02/2027"),
                                                          ("91", "every 13 weeks", "27/02/2027")])
def test_a_depot_every_8_or_12_weeks_or_3_months_is_a_regular_order_that_says_when_it_is_next_due(
        session_for, medication_ward, every, words, next_due):
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Goserelin", "dose": 10.8, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "10:00", "every_days": every, "start_at": "2026-11-28T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    assert _label(nurse, order_id) == f"Goserelin 10.8 mg SC {words}"
    read = medication.order_reading(medication.order(nurse.db, order_id), nurse.form("medication_order"), "en",
                                    at=datetime.fromisoformat("2026-12-01T09:00+01:00"))
    assert read == f"Goserelin 10.8 mg SC {words}, at 10:00, from 28/11/2026 10:00, next due {next_due}"


# The order's form and the transdermal route (RA #4).

def test_a_patch_says_it_is_one_and_goes_transdermal(session_for, medication_ward):
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Fentanyl", "dose": 25.0, "dose_unit": "microgram", "route": "TD", "form": "patch",
        "frequency": "scheduled", "times": "08:00", "every_days": "3", "start_at": "2026-11-28T08:00+01:00",
        "controlled": True, "high_alert": True}, patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    found = medication.order(nurse.db, order_id)
    assert found.form == "patch"
    assert _label(nurse, order_id) == "Fentanyl 25 microgram patch TD every 3 days"
    # Charted "topical", the skin it went on, as one ordered "Topical" is charted "transdermal".
    assert [route for route in ("transdermal", "TD", "patch", "topical", "IV")
            if route_differs(found, route)] == ["IV"]


def test_a_patch_ordered_topical_before_the_transdermal_route_is_charted_transdermal_unquestioned():
    order = Order(record_id="o", patient_id="p", drug="Fentanyl", dose=25, dose_unit="microgram", route="TOP",
                  frequency=Frequency.SCHEDULED, times=(time(8),),
                  start_at=datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert [route_differs(order, route) for route in ("transdermal", "TD")] == [[], []]


# Eye, ear, nasal and buccal routes, and the side (RA #6).

DROPS = {"drug": "Chloramphenicol 0.5%", "dose": 1.0, "dose_unit": "drop", "route": "EYE", "frequency": "scheduled",
         "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
         "high_alert": False}


@pytest.mark.parametrize(("lang", "label"), [("en", "Chloramphenicol 0.5% 1 drop(s) EYE (left)"),
                                             ("fr", "Chloramphenicol 0.5% 1 goutte(s) EYE (gauche)")])
def test_eye_drops_say_which_eye(session_for, medication_ward, lang, label):
    order_id = records.save_new(session_for("doctor"), "medication_order", {**DROPS, "side": "left"},
                                patient_id=medication_ward[0]).record_id
    assert _label(session_for("nurse"), order_id, lang) == label


def test_an_eye_or_ear_order_without_its_side_is_refused_and_a_tablet_goes_in_neither(session_for, medication_ward):
    patient, doctor = medication_ward[0], session_for("doctor")
    assert _refused(doctor, patient, {**DROPS, "route": "EAR"}) == [("side", "“Side” is required.")]
    assert [path for path, _ in _refused(doctor, patient, {**DROPS, "dose_unit": "tablet", "side": "right"})] == [
        "dose_unit"]


def test_buccal_midazolam_and_a_nasal_spray_are_ordered_by_their_routes(session_for, medication_ward):
    patient, doctor = medication_ward[0], session_for("doctor")
    buccal = records.save_new(doctor, "medication_order", {
        "drug": "Midazolam oromucosal solution", "dose": 10.0, "dose_unit": "mg", "route": "BUC",
        "frequency": "prn", "prn_indication": "seizure over 5 minutes", "min_interval_hours": 6,
        "max_doses_24h": 2, "start_at": "2026-11-28T08:00+01:00", "controlled": True, "high_alert": True},
        patient_id=patient).record_id
    spray = records.save_new(doctor, "medication_order", {
        **DROPS, "drug": "Mometasone nasal spray", "dose": 2.0, "dose_unit": "puff", "route": "NAS",
        "side": "bilateral", "times": "08:00"}, patient_id=patient).record_id
    assert route_differs(medication.order(doctor.db, buccal), "buccal") == []
    assert _label(doctor, spray) == "Mometasone nasal spray 2 puff(s) NAS (both)"
    ear = records.save_new(doctor, "medication_order", {  # an ear spray was refused in sprays
        **DROPS, "drug": "Otomize ear spray", "dose": 1.0, "dose_unit": "puff", "route": "EAR", "side": "right",
        "times": "08:00"}, patient_id=patient).record_id
    assert _label(doctor, ear) == "Otomize ear spray 1 puff(s) EAR (right)"


# The export (sync/fhir_medication.py, fhir_codes.py: SCRATCH other.patch).

def _requests(session_for, tmp_path) -> dict[str, dict]:
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    return {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "MedicationRequest"}


def test_the_export_codes_the_new_routes_gives_the_side_the_form_and_a_range(session_for, medication_ward, tmp_path):
    patient, doctor = medication_ward[0], session_for("doctor")
    drops = records.save_new(doctor, "medication_order", {**DROPS, "side": "left"}, patient_id=patient).record_id
    patch = records.save_new(doctor, "medication_order", {
        "drug": "Rivastigmine", "dose": 9.5, "dose_unit": "mg", "route": "TD", "form": "patch",
        "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    ranged = records.save_new(doctor, "medication_order", RANGE, patient_id=patient).record_id
    found = _requests(session_for, tmp_path)
    eye = found[drops]["dosageInstruction"][0]
    assert eye["route"]["coding"][0]["code"] == "54485002" and eye["site"] == {"text": "left eye"}
    assert found[patch]["dosageInstruction"][0]["route"]["coding"][0]["code"] == "45890007"
    assert found[patch]["medicationCodeableConcept"] == {"text": "Rivastigmine patch"}
    (amount,) = found[ranged]["dosageInstruction"][0]["doseAndRate"]
    assert amount == {"doseRange": {"low": {"value": 1.0, "unit": "tablet"}, "high": {"value": 2.0, "unit": "tablet"}}}


@pytest.mark.parametrize("unit, low, high, code", [("mg", 30.0, 60.0, "mg"), ("mL", 5.0, 10.0, "mL")])
def test_a_range_in_mg_or_ml_exports_with_its_ucum_code(session_for, medication_ward, tmp_path, unit, low, high, code):
    """One as-required range in mg stopped the whole ward's export: its two ends' UCUM codes were
    in no value set the export checks its codes against (CodeOutsideValueSet)."""
    patient, doctor = medication_ward[0], session_for("doctor")
    strength = {"form": "liquid", "strength_mg": 25.0, "strength_ml": 5.0} if unit == "mL" else {}
    ranged = records.save_new(doctor, "medication_order", {
        "drug": "Codeine phosphate", "dose_min": low, "dose": high, "dose_unit": unit, "route": "PO", **strength,
        "frequency": "prn", "prn_indication": "pain", "min_interval_hours": 6.0, "max_doses_24h": 4,
        "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    request = _requests(session_for, tmp_path)[ranged]
    MedicationRequest.model_validate(request)
    (amount,) = request["dosageInstruction"][0]["doseAndRate"]
    assert amount["doseRange"]["low"] == {"value": low, "unit": unit, "system": "http://unitsofmeasure.org", "code": code}
    assert amount["doseRange"]["high"]["value"] == high and amount["doseRange"]["high"]["code"] == code


def test_the_transfer_letter_says_when_a_depot_is_next_due(session_for, medication_ward, clock):
    """The receiving team gives the next injection: the letter read "Paliperidone 100 mg IM every
    12 weeks … — last given 28/11/2026 08:00" and said nothing of 20/02/2027."""
    from downtime.services import prefill

    patient, doctor, nurse = medication_ward[0], session_for("doctor"), session_for("nurse")
    depot = records.save_new(doctor, "medication_order", {
        "drug": "Paliperidone", "dose": 100.0, "dose_unit": "mg", "route": "IM", "frequency": "scheduled",
        "times": "08:00", "every_days": "84", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    medication.record_dose(nurse, depot, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                          "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 100.0,
                                          "route": "IM", "site": "Left gluteal"})
    letter = json.dumps(prefill.first_answers(nurse, nurse.form("transfer_out"), patient), ensure_ascii=False)
    (line,) = [part for part in letter.split("\\n") if "Paliperidone" in part]
    assert "next due 20/02/2027" in line


# S1 #3: a liquid of a medicine with a ceiling (an opioid's first dose, a medicine dosed in micrograms).

ORAL_MORPHINE = {"drug": "Morphine sulfate oral solution", "dose_unit": "mL", "route": "PO", "frequency": "prn",
                 "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 6, "form": "liquid",
                 "start_at": "2026-11-28T10:00+01:00", "controlled": True, "high_alert": True}


def test_a_liquid_opioid_in_ml_without_its_strength_is_refused_on_the_strength(session_for, medication_ward):
    """10 mL of oral morphine is 20 mg at 10 mg in 5 mL and 200 mg as the 20 mg/mL concentrate: it
    was saved with no strength, weighed by nothing."""
    assert _refused(session_for("doctor"), medication_ward[0], {**ORAL_MORPHINE, "dose": 10.0}) == [
        ("strength_mg", "Morphine in mL: give the liquid's strength in “Strength (mg)” and “in (mL)” (e.g. 120 mg in "
                        "5 mL), or its limits could not be weighed.")]


def test_a_liquid_opioid_in_ml_is_weighed_as_its_mg_against_a_first_dose(session_for, medication_ward):
    """10 mL of the 20 mg/mL concentrate is 200 mg: asked as 200 mg written in mg is, where it was
    saved saying "(200 mg)" itself; 5 mL of 10 mg in 5 mL, 10 mg, is saved."""
    patient, doctor = medication_ward[0], session_for("doctor")
    concentrate = {**ORAL_MORPHINE, "dose": 10.0, "strength_mg": 20.0, "strength_ml": 1.0}
    with pytest.raises(medication.DoseReasonNeeded, match=r"^Morphine: 200 mg in one dose by this route is above a "
                                                          r"usual first dose \(15 mg\)"):
        records.save_new(doctor, "medication_order", concentrate, patient_id=patient)
    asked = records.save_new(doctor, "medication_order", {**concentrate, medication.DOSE_REASON: "On MST 100 mg bd"},
                             patient_id=patient)
    assert asked.data[medication.DOSE_REASON] == "On MST 100 mg bd"
    usual = records.save_new(doctor, "medication_order", {**ORAL_MORPHINE, "dose": 5.0, "strength_mg": 10.0,
                                                          "strength_ml": 5.0}, patient_id=patient)
    assert _label(doctor, usual.record_id).startswith("Morphine sulfate oral solution 5 mL (10 mg)")


def test_a_liquid_dosed_in_micrograms_with_its_strength_written_in_mg_is_refused_on_the_strength(
        session_for, medication_ward):
    """Digoxin elixir is 50 micrograms in 1 mL: written "50 mg", 2.5 mL is 125 mg, refused on the
    strength; 20 mL of the right strength, 1000 micrograms, is refused on the dose."""
    patient, doctor = medication_ward[0], session_for("doctor")
    elixir = {**REGULAR, "drug": "Digoxin", "dose_unit": "mL", "form": "liquid", "times": "08:00",
              "strength_ml": 1.0}
    assert _refused(doctor, patient, {**elixir, "dose": 2.5, "strength_mg": 50.0}) == [
        ("strength_mg", "Strength (mg): Digoxin: 2.5 mL at the strength written is 125000 micrograms in one dose, above "
                        "the most by this route (500 micrograms): check the dose, and the strength (micrograms "
                        "written as mg?).")]
    assert [path for path, _ in _refused(doctor, patient, {**elixir, "dose": 20.0, "strength_mg": 0.05})] == ["dose"]
    records.save_new(doctor, "medication_order", {**elixir, "dose": 2.5, "strength_mg": 0.05}, patient_id=patient)
