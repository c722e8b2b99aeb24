"""The letters handing a patient on (transfer_out, discharge, version 6) carry the swallow screen
standing and the latest falls-risk assessment (review s65 T3 D1): a stroke patient left with a
letter saying nothing of the failed screen nor of the SLT's puree diet and crushed tablets, and
nothing of a symptomatic postural drop no doctor had reviewed; the next team gave thin fluids and
whole tablets. And the French says a day after its "le", not after "à" (T3 D8)."""

import pytest

from downtime.services import falls_risk, prefill, printing, records, swallow_screen
from tests.pdf_text import pdf_text
from tests.test_falls_risk import ASSESSED, REVIEWED
from tests.test_pdf_forms import TRANSFER_OUT
from tests.test_swallow_screen import REFERRED, SLT_ORAL

SLT_PLAN = {**SLT_ORAL, "slt_plan": "Upright, supervised meals"}


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_the_letters_hand_on_the_swallow_plan_and_the_falls_risk(session_for, patient, form_id):
    nurse = session_for("nurse")
    first = prefill.first_answers(nurse, nurse.form(form_id), patient)
    assert not first.get("swallow") and not first.get("falls_risk")
    screen = records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    records.save_new(nurse, falls_risk.FORM, ASSESSED, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form(form_id), patient)
    assert first["swallow"] == ("SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth, no medicines by mouth; "
                                "SLT referred 28/11 10:40")
    assert first["falls_risk"] == (
        "Falls-risk assessment 28/11 13:00: Mobility, gait or balance problem, Medicines that raise falls risk; "
        "Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg — medicines and fluids not yet "
        "reviewed by a doctor")
    records.amend(nurse, screen.record_id, {**screen.data, **SLT_PLAN}, "SLT assessed")
    assert prefill.first_answers(nurse, nurse.form(form_id), patient)["swallow"] == (
        "Bedside swallow screen FAILED 28/11 10:20; SLT 28/11 12:00: food IDDSI 4 Pureed, drinks IDDSI 2 "
        "Mildly thick; tablets: Crushed in puree; plan: Upright, supervised meals")


def test_in_french_reviewed_and_printed_on_the_transfer_letter(session_for, patient, tmp_path):
    nurse = session_for("nurse", "fr")
    screen = records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    records.amend(nurse, screen.record_id, {**screen.data, **SLT_PLAN}, "Orthophoniste")
    assessed = records.save_new(nurse, falls_risk.FORM, ASSESSED, patient_id=patient)
    records.amend(nurse, assessed.record_id, {**ASSESSED, **REVIEWED}, "Revu")
    first = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert first["swallow"] == (
        "Dépistage de déglutition au lit ÉCHOUÉ 28/11 10:20 ; Orthophoniste 28/11 12:00 : aliments IDDSI 4 Mixé, "
        "boissons IDDSI 2 Légèrement épais ; comprimés : Écrasés dans une purée ; conduite à tenir : "
        "Upright, supervised meals")
    assert first["falls_risk"] == (
        "Évaluation du risque de chute du 28/11 13:00 : Trouble de la mobilité, de la marche ou de l’équilibre, "
        "Médicaments augmentant le risque de chute ; Hypotension orthostatique à 3 min : systolique en baisse de "
        "34, diastolique en baisse de 12 mmHg — médicaments et hydratation réévalués par Dr Benali le 28/11 à 13:50 : "
        "Médicaments arrêtés ou diminués : Zopiclone")
    letter = records.save_new(nurse, "transfer_out", {
        **TRANSFER_OUT, "departed_at": "2026-11-28T14:00+01:00", "obs_at": "2026-11-28T13:58+01:00",
        "swallow": first["swallow"], "falls_risk": first["falls_risk"]}, patient_id=patient)
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "Orthophoniste 28/11 12:00 : aliments IDDSI 4 Mixé" in printed
    assert "réévalués par Dr Benali le 28/11 à 13:50" in printed


def test_the_french_says_a_day_after_le_not_after_a(session_for, patient, clock):
    """T3 D8: "orthophoniste demandé à 28/11 10:40" read the day after; the same day "à 10:40"."""
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    assert "orthophoniste demandé à 10:40" in swallow_screen.ward_lines(
        nurse.db, nurse.forms, [patient], clock.now, "fr")[patient]
    clock.now = clock.now.replace(day=29, hour=7)
    assert swallow_screen.ward_lines(nurse.db, nurse.forms, [patient], clock.now, "fr")[patient].endswith(
        "orthophoniste demandé le 28/11 à 10:40")
    assert swallow_screen.nil_by_mouth(nurse.db, [patient], clock.now)[patient]["fr"] == (
        "dépistage de déglutition échoué le 28/11 à 10:20")


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_the_blank_letters_leave_them_to_the_chart(blank_pages, forms, form_id):
    """A letter on paper is written from the paper charts: the lines are the laptop's, not a box
    (as the falls and the times missing)."""
    printed = " ".join(blank_pages(form_id, "en"))
    assert next(forms[form_id].fields()).label.get("en") in printed
    assert "Swallow (failed screen" not in printed and "Falls risk (latest assessment)" not in printed


def test_a_later_assessment_unable_to_stand_keeps_the_earlier_drop_on_the_letter(session_for, patient, clock):
    """A reassessment with no standing reading says nothing of the drop (T3 D3): the letter says
    the earlier one's, with its time, still not reviewed."""
    nurse = session_for("nurse")
    records.save_new(nurse, falls_risk.FORM, ASSESSED, patient_id=patient)
    records.save_new(nurse, falls_risk.FORM, {
        "assessed_at": "2026-11-28T13:50+01:00", "why": "after_fall", "factors": [], "lying_systolic": 140,
        "lying_diastolic": 80, "unable_to_stand": True, "symptoms": False, "bed_rails": "not_used",
        "bed_rails_reason": "Mobile", "call_bell": True}, patient_id=patient)
    assert falls_risk.handed_on(nurse.db, nurse.forms, patient, clock.now, "en") == [
        "Falls-risk assessment 28/11 13:50: no factor found; Postural drop at 3 min: systolic down 34, diastolic "
        "down 12 mmHg (28/11 13:00) — medicines and fluids not yet reviewed by a doctor"]
