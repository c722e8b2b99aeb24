"""The letters handing a patient on (transfer_out, discharge, version 7) carry each standing
assessment lacking capacity and the alcohol withdrawal chart, as facts (services.prefill,
services.alcohol_withdrawal.handed_on): a confused woman's best-interests decision and a man's
withdrawal seizure, with his thiamine not prescribed, left with letters saying nothing of either.
A covert order's decision, already on the treatments, is not said twice. Empty for a patient with
neither; a letter of version 6 still reads and prints. The tests' clock is 14:00 on 28/11 (Paris);
the patient came in at 09:00."""

import json
import re
import shutil

import pytest
from fhir.resources.R4B.bundle import Bundle

from downtime.formspec import load_forms
from downtime.paths import forms_dir
from downtime.domain.medication import Check
from downtime.services import alcohol_withdrawal, capacity, medication, prefill, printing, records, staff
from downtime.services.context import Session, Vault, load_device
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text
from tests.test_alcohol_withdrawal import CALM, _check, _thiamine
from tests.test_capacity_assessment import HAS, LACKS, SERTRALINE
from tests.test_child_letters_carry_the_weight import DISCHARGE
from tests.test_pdf_forms import TRANSFER_OUT

LETTERS = ["transfer_out", "discharge"]
SEIZURE = _check("10:00", seizure=True, dose_given=True, dose_given_at="2026-11-28T10:05+01:00")
TOLD = _check("11:00", dose_given=True, dose_given_at="2026-11-28T11:10+01:00", doctor_told="Dr  Benali",
              doctor_told_at="2026-11-28T11:15+01:00")
SETTLED = {**_check("13:00"), **CALM, "tremor": "2"}
LACKS_EN = ("Lacks capacity for medicines (assessed 28/11/2026 11:00 by Dr Karim Benali); best-interests decision: "
            "Antibiotic and regular medicines crushed in yoghurt if refused, as the pharmacist advised; review by "
            "05/12/2026")


def _first(session, form_id, patient):
    return prefill.first_answers(session, session.form(form_id), patient)


def _diazepam(doctor, nurse, patient, *given: str) -> None:
    """Diazepam 10 mg as required, given at each of `given` (the checks' symptom-triggered doses)."""
    order = records.save_new(doctor, "medication_order", {
        "drug": "Diazepam", "dose": 10.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "CIWA-Ar 10 or more", "min_interval_hours": 1, "max_doses_24h": 6,
        "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    for at in given:
        medication.record_dose(nurse, order.record_id, {"outcome": "given", "given_at": at, "dose_given": 10.0,
                                                        "route": "PO", "given_for": "CIWA-Ar 12"},
                               overrides={Check.ALLERGY_UNKNOWN: "Patient unable to say, no reaction before"})


@pytest.mark.parametrize("form_id", LETTERS)
def test_a_letter_says_the_lack_of_capacity_and_the_withdrawal_chart(session_for, patient, form_id):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    first = _first(nurse, form_id, patient)
    assert "capacity" not in first and "alcohol_withdrawal" not in first
    records.save_new(doctor, capacity.FORM, LACKS, patient_id=patient)
    for check in (SEIZURE, TOLD, SETTLED):
        records.save_new(nurse, alcohol_withdrawal.FORM, check, patient_id=patient)
    _diazepam(doctor, nurse, patient, "2026-11-28T10:05+01:00", "2026-11-28T11:10+01:00")
    first = _first(nurse, form_id, patient)
    assert first["capacity"] == LACKS_EN
    assert first["alcohol_withdrawal"] == (
        "CIWA-Ar 2 minimal (28/11/2026 13:00); SEIZURE (28/11/2026 10:00), doctor told: Dr Benali 28/11/2026 11:15; "
        "symptom-triggered doses on the MAR in the last 24 h: Diazepam: 2, 20 mg in all; no thiamine prescribed")


def test_in_french_with_thiamine_and_a_red_flag_no_doctor_was_told_of(session_for, patient):
    nurse, doctor = session_for("nurse", "fr"), session_for("doctor")
    records.save_new(doctor, capacity.FORM, {**LACKS, "decision": "treatment", "decision_detail": "Transfusion",
                                             "can_wait": True}, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, SEIZURE, patient_id=patient)
    _thiamine(doctor, patient, "IV")
    first = _first(nurse, "transfer_out", patient)
    assert first["capacity"] == ("Sans capacité de décider de : Transfusion (évaluation du 28/11/2026 11:00 par "
                                 "Dr Karim Benali) ; la décision attend qu’il ou elle recouvre sa capacité ; à "
                                 "réévaluer le 05/12/2026")
    assert first["alcohol_withdrawal"] == (
        "CIWA-Ar 12 MODÉRÉ (28/11/2026 10:00) ; CRISE CONVULSIVE (28/11/2026 10:00), médecin NON prévenu ; doses "
        "selon les symptômes au plan d’administration sur les dernières 24 h : aucune ; dose cochée sur la CIWA-Ar, "
        "absente du plan d’administration : 28/11/2026 10:05 ; thiamine prescrite : IV")


def test_a_covert_order_keeps_its_decision_on_the_treatments_and_has_capacity_is_not_said(session_for, patient):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, capacity.FORM, LACKS, patient_id=patient)
    records.save_new(doctor, capacity.FORM, {**HAS, "decision": "discharge"}, patient_id=patient)
    records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    first = _first(nurse, "transfer_out", patient)
    assert first["capacity"] == ("Lacks capacity for medicines (assessed 28/11/2026 11:00 by Dr Karim Benali); "
                                 "best-interests decision: given covertly, as the treatments say; review by 05/12/2026")
    assert "COVERT: crushed, in yoghurt" in first["current_treatments"]
    assert "crushed in yoghurt if refused" not in first["capacity"]


def test_the_doses_counted_are_the_last_24_hours_a_stopped_chart_is_said_and_a_later_has_ends_the_lack(session_for, patient, clock):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, capacity.FORM, LACKS, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, SEIZURE, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, TOLD, patient_id=patient)
    _diazepam(doctor, nurse, patient, "2026-11-28T10:05+01:00", "2026-11-28T11:10+01:00")
    clock.now = clock.now.replace(day=29, hour=10, minute=30)
    records.save_new(doctor, capacity.FORM, {**HAS, "assessed_at": "2026-11-29T09:00+01:00"}, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, {**CALM, "checked_at": "2026-11-29T10:00+01:00", "tremor": "1",
                                                      "chart_stopped": True, "stopped_by": "Dr Benali"},
                     patient_id=patient)
    first = _first(nurse, "discharge", patient)
    assert "capacity" not in first
    assert first["alcohol_withdrawal"] == (
        "CIWA-Ar 1 minimal (29/11/2026 10:00); CIWA-Ar chart stopped by Dr Benali; SEIZURE (28/11/2026 10:00), "
        "doctor told: Dr Benali 28/11/2026 11:15; symptom-triggered doses on the MAR in the last 24 h: Diazepam: 1, "
        "10 mg in all; no thiamine prescribed")


def test_the_printed_letter_carries_both(session_for, patient, tmp_path):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, capacity.FORM, LACKS, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, SEIZURE, patient_id=patient)
    first = _first(nurse, "discharge", patient)
    letter = records.save_new(nurse, "discharge", {**DISCHARGE, "capacity": first["capacity"],
                                                   "alcohol_withdrawal": first["alcohol_withdrawal"]},
                              patient_id=patient)
    assert letter.form_version == 7
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "Lacks capacity for medicines (assessed 28/11/2026 11:00 by Dr Karim Benali)" in printed
    assert "SEIZURE (28/11/2026 10:00), doctor NOT told" in printed


@pytest.mark.parametrize("form_id", LETTERS)
def test_the_blank_letters_leave_them_to_the_chart(blank_pages, form_id):
    printed = " ".join(blank_pages(form_id, "en"))
    assert "Lacks capacity to decide (Mental" not in printed and "Alcohol withdrawal (CIWA-Ar" not in printed


@pytest.mark.parametrize("version, added", [(6, ("capacity", "child_weight", "alcohol_withdrawal", "safeguarding")),
                                             (7, ("safeguarding",))])
def test_an_earlier_transfer_letter_still_reads_prints_and_is_amended(tmp_path, session_for, patient, ward_db,
                                                                     db_path, clock, version, added):
    """Written on a laptop not yet updated (version 6: no child's weight, capacity nor withdrawal;
    version 7: no safeguarding concerns)."""
    folder = tmp_path / "forms_older"
    shutil.copytree(forms_dir(), folder)
    path = folder / "transfer_out.yaml"
    text = path.read_text(encoding="utf-8").replace("version: 8\n", f"version: {version}\n", 1)
    for field_id in added:
        text = re.sub(rf"      - id: {field_id}\n(?:        .*\n)+", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    older = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "nurse", "1111", clock),
                    load_forms(folder), clock, "en", vault=Vault(db_path, ward_db))
    written = records.save_new(older, "transfer_out", TRANSFER_OUT, patient_id=patient)
    assert written.form_version == version and added[0] not in older.form("transfer_out")._by_id
    nurse = session_for("nurse")
    assert "Respiratory failure" in pdf_text(printing.print_record(nurse, written.record_id, tmp_path / "t.pdf"))
    amended = records.amend(nurse, written.record_id, {**written.data, added[0]: LACKS_EN}, "added")
    assert amended.form_version == 8 and amended.data[added[0]] == LACKS_EN


def test_the_export_of_a_letter_with_both_is_valid_and_sends_the_charts_themselves(session_for, patient, tmp_path):
    """The letter's lines are read from the charts, which the EHR is sent as their own Observations
    (sync.fhir_capacity, sync.fhir_alcohol_withdrawal): the bundle stays valid R4B."""
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), capacity.FORM, LACKS, patient_id=patient)
    records.save_new(nurse, alcohol_withdrawal.FORM, SEIZURE, patient_id=patient)
    first = _first(nurse, "discharge", patient)
    records.save_new(nurse, "discharge", {**DISCHARGE, "capacity": first["capacity"],
                                          "alcohol_withdrawal": first["alcohol_withdrawal"]}, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "stick").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    check_codes(bundle)
    sent = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"]
    assert any(one["code"].get("text") == "Mental capacity assessment (Mental Capacity Act 2005)" for one in sent)
    assert any(one["code"].get("text", "").startswith("CIWA-Ar") for one in sent)
