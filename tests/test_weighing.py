"""A patient weighed again during the stay (forms/weight.yaml), a child as much as an adult. Before
it, a child could be weighed again only by amending the admission's weight (the nutrition
screening refuses under 18): the chart then read "10.5 kg on admission (27/11/2026)", the date
weighed lost; the export sent the new weight as the admission's, replacing the EHR's; and a weight
amended from 12 to 21 kg (digits swapped) was asked about by nothing."""

from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.services import census, medication, printing, records, wards, weight
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_fhir_export import _bundle, _resources
from tests.pdf_text import pdf_text

WEIGHED = {"weighed_at": "2026-12-03T08:30+01:00", "weight_kg": 10.5, "method": "measured"}


@pytest.fixture
def toddler(session_for, admission_values, clock) -> str:
    """A 2-year-old of 12 kg admitted to bed 3 of ward PED on 27/11/2026; the clock on 03/12 09:00."""
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 11)])
    values = {**admission_values, "birth_date": "2024-10-01", "given_names": "Noe", "weight_kg": 12.0,
              "allergy_status": "nka", "allergies": [], "ward": "PED", "bed": "3",
              "arrival_at": "2026-11-27T09:00+01:00"}
    for unasked in ("nir", "height_cm"):
        values.pop(unasked)
    patient_id = records.save_new(session_for("nurse"), "admission", values).patient_id
    clock.now = datetime.fromisoformat("2026-12-03T09:00+01:00")
    return patient_id


def _latest(session, patient_id: str, lang: str = "en") -> str:
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    return weight.latest(session.db, session.forms, [patient])[patient_id].text(lang)


def test_a_child_weighed_again_is_charted_with_the_date_weighed_and_the_admission_kept(session_for, toddler, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "weight", {**WEIGHED, "weight_confirmed_kg": 10.5}, patient_id=toddler)
    assert _latest(nurse, toddler) == "10.5 kg weighed 03/12/2026"
    assert _latest(nurse, toddler, "fr") == "10,5 kg pesé le 03/12/2026"
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    assert admission.version == 1 and admission.data["weight_kg"] == 12.0
    out = printing.print_mar(nurse, [toddler], tmp_path / "mar.pdf")
    assert "10.5 kg weighed 03/12/2026" in pdf_text(out)


def test_the_latest_weighing_by_the_time_weighed_says_a_weight_not_weighed(session_for, toddler, clock):
    """An estimated weight (APLS, Broselow tape) or a parent's word is said to be so, as the paper
    chart writes "estimated" beside it; a weighing typed late for earlier is not the latest. It
    does not replace the weight measured on admission, said beside it (the estimate became every
    dose's weight, unsaid), until the admission's is itself not measured."""
    nurse = session_for("nurse")
    records.save_new(nurse, "weight", {**WEIGHED, "weight_kg": 11.5, "method": "estimated"}, patient_id=toddler)
    kept = "12 kg on admission (27/11/2026) (the weight measured, not the later {later})"
    assert _latest(nurse, toddler) == kept.format(later="11.5 kg ESTIMATED 03/12/2026, not weighed")
    records.save_new(nurse, "weight", {**WEIGHED, "weighed_at": "2026-11-30T08:00+01:00", "weight_kg": 11.8,
                                           "method": "stated"}, patient_id=toddler)
    assert _latest(nurse, toddler) == kept.format(later="11.5 kg ESTIMATED 03/12/2026, not weighed")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    records.amend(nurse, admission.record_id, {**admission.data, "weight_method": "estimated"}, "Broselow tape")
    assert _latest(nurse, toddler) == "11.5 kg ESTIMATED 03/12/2026, not weighed"
    clock.advance(hours=2)
    records.save_new(nurse, "weight", {**WEIGHED, "weighed_at": "2026-12-03T10:30+01:00", "weight_kg": 11.6,
                                           "method": "stated"}, patient_id=toddler)
    assert _latest(nurse, toddler, "fr") == "11,6 kg déclaré le 03/12/2026, non pesé"


def test_a_childs_dose_per_kilogram_is_judged_by_the_latest_weighing(session_for, toddler):
    """Paracetamol 15 mg/kg a dose: 170 mg passes for 12 kg on admission, and is asked for 10.5 kg
    weighed (above 15 mg/kg, up to 30, a child's paracetamol is asked its reason)."""
    records.save_new(session_for("nurse"), "weight", {**WEIGHED, "weight_confirmed_kg": 10.5}, patient_id=toddler)
    with pytest.raises(medication.DoseReasonNeeded, match="10.5 kg"):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Paracetamol", "dose": 170, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "06:00 12:00 18:00", "start_at": "2026-12-03T12:00+01:00", "controlled": False,
            "high_alert": False}, patient_id=toddler)


def test_a_weighing_far_from_the_stays_latest_is_asked_about_by_the_childs_age(session_for, toddler):
    """12 kg on admission, 10.5 kg a week later: 12.5 % less, asked about as a screening's weight
    is, then kept confirmed; judged as a 2-year-old's weight, not an adult's."""
    nurse = session_for("nurse")
    spec = nurse.form("weight")
    doubt = weight.stay_doubt(nurse, spec, WEIGHED, toddler)
    assert doubt.startswith("10.5 kg differs by 12.5 % from the latest weight of this stay, 12 kg on admission "
                            "(27/11/2026)")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "weight", WEIGHED, patient_id=toddler)
    (error,) = refused.value.errors
    assert error.path == "weight_kg"
    assert error.message == f"{doubt} Correct it, or confirm it in “Weight checked, confirmed”."
    saved = records.save_new(nurse, "weight", {**WEIGHED, "weight_confirmed_kg": 10.5}, patient_id=toddler)
    assert weight.stay_doubt(nurse, spec, {**saved.data, "weight_kg": 12.2}, toddler, saved.record_id) == ""
    assert weight.stay_doubt(nurse, spec, {**WEIGHED, "weighed_at": "2026-12-03T09:00+01:00", "weight_kg": 11.0},
                             toddler) == ""


def test_an_admissions_weight_amended_far_from_the_one_it_replaces_is_asked_about(session_for, toddler):
    """What the form view asks before an amendment is saved (weight.stay_doubt): 12 kg amended to
    21 kg, digits swapped (+75 %), is within a 2-year-old's 6 to 25 kg; 0,9 corrected to 9, a weight
    unusual for the age put right, is not held to the slip it corrects."""
    nurse = session_for("nurse")
    spec = nurse.form("admission")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    swapped = {**admission.data, "weight_kg": 21.0}
    assert weight.stay_doubt(nurse, spec, swapped, toddler, admission.record_id).startswith(
        "21 kg differs by 75 % from the latest weight of this stay, 12 kg on admission (27/11/2026)")
    assert weight.stay_doubt(nurse, spec, {**swapped, "weight_confirmed_kg": 21.0}, toddler, admission.record_id) == ""
    assert weight.stay_doubt(nurse, spec, {**admission.data, "weight_kg": 12.4}, toddler, admission.record_id) == ""
    slip = records.amend(nurse, admission.record_id, {**admission.data, "weight_kg": 1.2, "weight_confirmed_kg": 1.2},
                         "typed as weighed")
    assert weight.stay_doubt(nurse, spec, {**slip.data, "weight_kg": 12.0}, toddler, admission.record_id) == ""


def test_an_admissions_weight_amended_far_from_the_one_it_replaces_is_refused_unconfirmed_by_any_way_in(
        session_for, toddler):
    """The form view asked it; records.amend, as any other way in, saved 12 kg amended to 21 without
    a word. Refused at the weight in the screen's words, saved once confirmed, as a weighing's is;
    a small correction, and the slip 0,9 put right, are not asked about."""
    nurse = session_for("nurse")
    spec = nurse.form("admission")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    swapped = {**admission.data, "weight_kg": 21.0}
    doubt = weight.stay_doubt(nurse, spec, swapped, toddler, admission.record_id)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, admission.record_id, swapped, "weighed again")
    (error,) = refused.value.errors
    assert error.path == "weight_kg"
    assert error.message == f"{doubt} Correct it, or confirm it in “Weight unusual for the age, confirmed”."
    assert records.amend(nurse, admission.record_id, {**swapped, "weight_confirmed_kg": 21.0},
                         "weighed again").data["weight_kg"] == 21.0
    records.amend(nurse, admission.record_id, {**swapped, "weight_kg": 20.5, "weight_confirmed_kg": 21.0}, "scales")
    slip = records.amend(nurse, admission.record_id, {**swapped, "weight_kg": 1.2, "weight_confirmed_kg": 1.2},
                         "typed as weighed")
    assert records.amend(nurse, admission.record_id, {**slip.data, "weight_kg": 12.0}, "1,2 was 12").version == 5


def test_each_weighing_is_its_own_body_weight_observation_and_csv_line_the_admissions_kept(session_for, toddler,
                                                                                              tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "weight", {**WEIGHED, "weight_kg": 11.5, "method": "estimated",
                                               "notes": "Broselow tape"}, patient_id=toddler)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = _bundle(folder)
    weights = {o["id"]: o for o in _resources(bundle, "Observation")
               if o["code"].get("coding", [{}])[0].get("code") == "29463-7"}
    (admitted,) = [o for record_id, o in weights.items() if record_id != saved.record_id]
    assert admitted["valueQuantity"]["value"] == 12.0 and admitted["effectiveDateTime"].startswith("2026-11-27T09:00")
    weighed = Observation.model_validate(weights[saved.record_id])
    assert (weighed.code.coding[0].system, weighed.code.coding[0].code) == ("http://loinc.org", "29463-7")
    assert weighed.category[0].coding[0].code == "vital-signs" and weighed.status == "final"
    assert (float(weighed.valueQuantity.value), weighed.valueQuantity.code, weighed.valueQuantity.system) == (
        11.5, "kg", "http://unitsofmeasure.org")
    assert weighed.effectiveDateTime.isoformat().startswith("2026-12-03T08:30")
    assert weighed.method.text == "Estimated" and weighed.note[0].text == "Broselow tape"
    assert weighed.subject.reference == admitted["subject"]["reference"]
    assert weighed.encounter.reference == admitted["encounter"]["reference"]
    (line,) = [line for line in (folder / "csv" / "weight.csv").read_text(encoding="utf-8").splitlines()
               if saved.record_id in line]
    assert "11.5" in line and "estimated" in line and "Broselow tape" in line


def test_an_admission_weight_estimated_is_charted_as_estimated(session_for, toddler):
    """A child too ill to weigh is given an estimated weight on admission (APLS, Broselow tape)."""
    nurse = session_for("nurse")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    records.amend(nurse, admission.record_id, {**admission.data, "weight_method": "estimated"}, "Broselow tape")
    assert _latest(nurse, toddler) == "12 kg ESTIMATED on admission (27/11/2026), not weighed"


def test_a_weight_put_right_with_the_birth_date_is_not_asked_about_as_a_change(session_for, toddler):
    """A child's 12 kg whose birth date is corrected to an adult's, weighed 61: the weight it
    replaces is a slip for the age as amended, not the one to hold the amendment to (it was asked
    as 408 % more, judged by the birth date it corrects)."""
    nurse = session_for("nurse")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    corrected = {**admission.data, "birth_date": "1990-05-01", "weight_kg": 61.0}
    assert weight.stay_doubt(nurse, nurse.form("admission"), corrected, toddler, admission.record_id) == ""
    a_year_older = {**corrected, "birth_date": "2023-10-01", "weight_kg": 21.0}  # 12 kg is a 3-year-old's too
    assert weight.stay_doubt(nurse, nurse.form("admission"), a_year_older, toddler, admission.record_id).startswith(
        "21 kg differs by 75 % from the latest weight of this stay")


def test_an_estimated_admission_weight_is_exported_with_how_it_is_known(session_for, toddler, tmp_path):
    """A child too ill to weigh is admitted on an estimate: the admission's body-weight Observation
    went to the EHR's dose checks as if weighed on the scales, where a weighing's says "Estimated"."""
    nurse = session_for("nurse")
    (admission,) = records.list_current(nurse.db, form_id="admission", patient_id=toddler)
    records.amend(nurse, admission.record_id, {**admission.data, "weight_method": "estimated"}, "APLS estimate")
    folder = export(session_for("records"), tmp_path / "export").folder
    (admitted,) = [Observation.model_validate(o) for o in _resources(_bundle(folder), "Observation")
                   if o["code"].get("coding", [{}])[0].get("code") == "29463-7"]
    assert admitted.method is not None and admitted.method.text == "Estimated"
    assert float(admitted.valueQuantity.value) == 12.0
    (line,) = [line for line in (folder / "csv" / "admission.csv").read_text(encoding="utf-8").splitlines()
               if admission.record_id in line and "APLS estimate" in line]
    assert "estimated" in line
