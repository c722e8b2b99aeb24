"""A swallow screen passed with advice (food and drinks at an IDDSI level, tablets crushed in
puree…) is said where a failed screen and the SLT's plan are (forms/swallow_screen.yaml version
4): the handover sheet and the Patients tab, the letters handing the patient on, the printed MAR
and the dose dialog of a medicine by mouth. It was said nowhere, and a nurse's pass with advice
after a failed screen hid the SLT's plan with it: the next nurse gave thin fluids and whole
tablets (RCP National Clinical Guideline for Stroke 2023; review s73). It stops no medicine by
mouth: they go by mouth in the form it says. Version 4 asks how tablets are given on every pass
with advice; one of version 3 that left it unanswered says so. The tests' clock is 14:00 on 28/11
(Paris)."""

import dataclasses

import pytest

from downtime.services import medication, prefill, printing, records, swallow_screen
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text
from tests.test_swallow_screen import GIVEN, LEVETIRACETAM, PASSED, REFERRED, SLT_ORAL, _alerts, _warned

FORM = swallow_screen.FORM
ADVICE = {**PASSED, "outcome": "pass_with_advice", "food_level": "4", "drink_level": "2", "tablets": "crushed"}
LINE = {"en": ("Swallow screen passed with advice 13:00: food IDDSI 4 Pureed, drinks IDDSI 2 Mildly thick; "
               "tablets: Crushed in puree"),
        "fr": ("Dépistage de déglutition réussi avec consignes 13:00 : aliments IDDSI 4 Mixé, boissons IDDSI 2 "
               "Légèrement épais ; comprimés : Écrasés dans une purée")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pass_with_advice_is_the_wards_line_and_stops_no_medicine_by_mouth(session_for, medication_ward, lang):
    patient = medication_ward[0]
    nurse = session_for("nurse", lang)
    oral = records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient).record_id
    records.save_new(nurse, FORM, ADVICE, patient_id=patient)
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), lang) == {patient: LINE[lang]}
    # Nothing asked of it; no NOT BY MOUTH, no dose by mouth questioned: the tablets go crushed.
    assert _alerts(nurse) == [] and medication.nil_by_mouth(nurse.db, [patient], nurse.clock()) == {}
    assert _warned(nurse, oral, GIVEN) == []
    found = swallow_screen.failed(nurse.db, nurse.forms, [patient], nurse.clock(), lang)
    assert swallow_screen.next_change(found, nurse.clock()) is None


def test_a_later_pass_with_advice_says_its_own_advice_over_the_slts_plan(session_for, patient):
    """The latest screen stands (a pass ends a failed one): its textures and tablets, not nothing."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**REFERRED, "doctor_told_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    records.amend(nurse, saved.record_id, {**saved.data, **SLT_ORAL}, "SLT assessed")
    records.save_new(nurse, FORM, {**ADVICE, "food_level": "5", "tablets": "one_at_a_time"}, patient_id=patient)
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        "Swallow screen passed with advice 13:00: food IDDSI 5 Minced & moist, drinks IDDSI 2 Mildly thick; "
        "tablets: Whole, one at a time, with a drink")}


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_the_letters_hand_on_the_advice_with_its_day(session_for, patient, form_id):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, ADVICE, patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form(form_id), patient)["swallow"] == LINE["en"].replace(
        "advice 13:00", "advice 28/11 13:00")


def test_the_printed_mar_says_the_advice_and_no_order_not_by_mouth(session_for, medication_ward, tmp_path):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LEVETIRACETAM, patient_id=patient)
    records.save_new(nurse, FORM, ADVICE, patient_id=patient)
    text = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert LINE["en"].replace("advice 13:00", "advice 28/11 13:00") in text
    assert "NOT BY MOUTH" not in text


def test_a_pass_with_advice_asks_how_tablets_are_given(session_for, patient):
    nurse = session_for("nurse")
    assert nurse.form(FORM).version == 4
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**ADVICE, "tablets": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["tablets"]


def _under_version_3(session):
    """`session` with the screen as version 3 asked it: a pass with advice need not say the tablets."""
    spec = session.form(FORM)
    older = spec.model_copy(update={"version": 3, "sections": [section.model_copy(update={"fields": [
        field.model_copy(update={"required_when": None}) if field.id == "tablets" else field
        for field in section.fields]}) for section in spec.sections]})
    return dataclasses.replace(session, forms={**session.forms, FORM: older})


@pytest.mark.parametrize("lang, said", [("en", "; tablets: not said on the screen"),
                                        ("fr", " ; comprimés : non précisé au dépistage")])
def test_a_pass_with_advice_of_version_3_without_the_tablets_says_so(session_for, patient, lang, said):
    nurse = session_for("nurse", lang)
    saved = records.save_new(_under_version_3(nurse), FORM, {**ADVICE, "tablets": None}, patient_id=patient)
    assert saved.form_version == 3
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), lang)[patient].endswith(said)
