"""A variable-dose order (insulin by capillary glucose, warfarin by INR): its rule in words, its
dose the most one dose may be. There was no such order: re-prescribed for every dose, or kept on
paper beside the laptop's chart."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.medicationrequest import MedicationRequest
from pypdf import PdfReader

from downtime.services import back_entry, medication, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_glucose_insulin import glucose_charted

GLUCOSE = "capillary glucose 13.2 mmol/L"
RULE = "capillary glucose under 8: none; 8 to 12: 2 units; 12 to 16: 4 units; over 16: 6 units and call the doctor"
CHECKED = ("doctor", "2222")  # a high-alert medicine's second check (insulin)


@pytest.fixture
def insulin(session_for, medication_ward) -> tuple[str, str]:
    """The medication ward's patient, and their insulin aspart up to 6 units SC at 08:00 12:00 18:00
    by capillary glucose, the glucose charted before the 08:00 and 12:00 doses of 28/11. Returns
    (patient id, order id)."""
    patient = medication_ward[0]
    glucose_charted(session_for("nurse"), patient, "2026-11-28T07:55+01:00", 13.2)
    glucose_charted(session_for("nurse"), patient, "2026-11-28T11:55+01:00", 22.0)
    return patient, records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": "08:00 12:00 18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True,
        "dose_rule": RULE}, patient_id=patient).record_id


def test_a_dose_its_rule_gives_is_recorded_without_a_word_and_one_above_its_most_is_asked_about(session_for, insulin):
    """Every dose of an order of fixed dose that differs from it is asked about; a variable dose's
    is what its rule gives, asked about only above the most one dose may be."""
    patient, order = insulin
    nurse = session_for("nurse")
    four = medication.record_dose(nurse, order, {"outcome": "given", "dose_given": 4.0, "route": "SC",
                                                "given_at": "2026-11-28T08:05+01:00",
                                                "scheduled_for": "2026-11-28T08:00+01:00", "decided_on": GLUCOSE},
                                 witness=CHECKED)
    assert four.data["dose_given"] == 4.0
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, {"outcome": "given", "dose_given": 8.0, "route": "SC",
                                              "given_at": "2026-11-28T12:05+01:00",
                                              "scheduled_for": "2026-11-28T12:00+01:00", "decided_on": "glucose 22"},
                               witness=CHECKED)
    assert [warning.text("en") for warning in asked.value.warnings] == [
        "Dose 8 units is above the most one dose of the order may be (6 units), whatever its rule gives."]


def test_a_variable_dose_given_says_the_reading_it_was_decided_on(session_for, insulin, tmp_path):
    """Recorded with nothing of the glucose, a dose of 4 units could not be checked against the
    rule by the next nurse or the prescriber; one typed from the paper chart, which holds the
    reading beside it, gives it if written. The chart, its print and the EHR read it."""
    patient, order = insulin
    nurse = session_for("nurse")
    given = {"outcome": "given", "dose_given": 4.0, "route": "SC", "given_at": "2026-11-28T08:05+01:00",
             "scheduled_for": "2026-11-28T08:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, order, given)
    assert [error.path for error in refused.value.errors] == ["decided_on"]
    assert refused.value.errors[0].message == "“Reading the dose was decided on (variable dose)” is required."
    saved = medication.record_dose(nurse, order, {**given, "decided_on": GLUCOSE}, witness=CHECKED)
    assert saved.data["decided_on"] == GLUCOSE
    from_paper = medication.record_dose(nurse, order, {**given, "transcribed": True, "given_at": "2026-11-27T12:05+01:00",
                                                       "scheduled_for": "2026-11-27T12:00+01:00"})
    assert "decided_on" not in from_paper.data
    (dose,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.record_id == saved.record_id]
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).pages)
    assert f"HL 08:05 / KB — 4 units ({GLUCOSE})" in text, text
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (administration,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    assert MedicationAdministration.model_validate(administration).dosage.text == f"Dose decided on: {GLUCOSE}"
    assert dose.decided_on == GLUCOSE
    lines = {item.record.record_id: item.label for group in back_entry.worklist(session_for("records"))
             for item in group.items}
    assert f"Reading the dose was decided on: {GLUCOSE}" in lines[saved.record_id]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["Insulin aspart up to 6 units SC", f"Variable dose: {RULE}", "VARIABLE DOSE — by its rule"]),
    ("fr", ["Insulin aspart jusqu’à 6 unités SC", f"Dose variable : {RULE}", "DOSE VARIABLE — selon sa règle"])])
def test_the_chart_prints_the_rule_under_the_medicine_and_each_dose_given(session_for, insulin, tmp_path, lang, said):
    patient, order = insulin
    medication.record_dose(session_for("nurse"), order, {"outcome": "given", "dose_given": 2.0, "route": "SC",
                                                         "given_at": "2026-11-28T08:05+01:00",
                                                         "scheduled_for": "2026-11-28T08:00+01:00",
                                                         "decided_on": "glucose 13.2"}, witness=CHECKED)
    out = printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert all(words in text for words in said), text
    assert {"en": "HL 08:05 / KB — 2 units (glucose 13.2)", "fr": "HL 08:05 / KB — 2 unités (glucose 13.2)"}[lang] in text


def test_the_fhir_order_says_its_rule_and_a_dose_up_to_its_most(session_for, insulin, tmp_path):
    """A dose of up to 6 units (a range with no low: the rule may give none), its rule as written:
    sent with no dose at all, the app's own bundle was refused as a snapshot."""
    _, order = insulin
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "MedicationRequest"
                  and any(i.get("value") == order for i in entry["resource"].get("identifier", []))]
    MedicationRequest.model_validate(request)
    (instruction,) = request["dosageInstruction"]
    ((amount,),) = [instruction["doseAndRate"]]
    assert set(amount) == {"doseRange"} and set(amount["doseRange"]) == {"high"}
    assert (amount["doseRange"]["high"]["value"], amount["doseRange"]["high"]["unit"]) == (6, "units")
    assert instruction["extension"] == [{"url": "urn:downtime:variable-dose-rule", "valueString": RULE}]
    assert instruction["maxDosePerAdministration"]["value"] == 6
    assert RULE in instruction["text"] and instruction["text"].startswith("variable dose, up to 6 units SC")
    assert datetime.fromisoformat(instruction["timing"]["repeat"]["boundsPeriod"]["start"])


def test_the_french_order_form_writes_units_in_full(forms):
    """R2 #8: "18 UI" on every French chart, and the rule's example teaching "2 UI", where French
    guidance (OMéDIT, ANSM) says "unités" in full: "UI" is read as 4, 1 or IV, a tenfold error."""
    spec = forms["medication_order"]
    (units,) = [option for option in spec.field("dose_unit").options if option.code == "units"]
    assert units.label.get("fr") == "unités"
    help_fr = spec.field("dose_rule").help.get("fr")
    assert "2 unités" in help_fr and " UI" not in help_fr
