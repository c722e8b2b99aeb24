"""Covert administration (Mental Capacity Act 2005; NICE SC1 section 1.15; NMC): the order says a
medicine is given disguised in food or drink, how, on whose best-interests decision and until
when; the round, both MARs and the export say it, and its review once due. The pharmacist who
advised writes a clinical note (review R2, defect D2)."""

import json
import re
import shutil
from pathlib import Path

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest

from downtime.domain.roles import Role
from downtime.formspec import load_forms
from downtime.formspec.values import shown
from downtime.paths import forms_dir
from downtime.services import medication, prefill, printing, records, staff
from downtime.services.context import Session, Vault, load_device
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.pdf_text import pdf_text

CO_CARELDOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO",
                "frequency": "scheduled", "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00",
                "controlled": False, "high_alert": False, "time_critical": True}
COVERT = {"covert": True, "covert_how": "in yoghurt; crush IR tablets only, not the MR",
          "covert_decided_at": "2026-11-28T11:30+01:00", "covert_decided_by": "Dr Karim Benali, consultant",
          "covert_pharmacist": "Inès Roux", "covert_review_by": "2026-12-05T12:00+01:00"}
FLAG = "COVERT: in yoghurt; crush IR tablets only, not the MR (review by 05/12)"
PHARMACIST_NOTE = {"written_at": "2026-11-28T11:40+01:00", "discipline": "other", "focus": "Covert: how",
                   "note": "Co-careldopa IR may be crushed into a spoon of yoghurt, given at once; never crush the MR.",
                   "written_by": "Inès Roux"}


@pytest.fixture
def covert_order(session_for, patient) -> str:
    """The doctor's co-careldopa order, given covertly from the decision at 11:30 (the clock is
    at 14:00 on 28/11), to review by 05/12."""
    return records.save_new(session_for("doctor"), "medication_order", {**CO_CARELDOPA, **COVERT},
                            patient_id=patient).record_id


def test_a_pharmacist_writes_a_clinical_note_and_corrects_it(session_for, patient, ward_db, db_path, forms, clock):
    staff.add_staff(session_for("admin"), "pharm", "Inès Roux", Role.PHARMACIST, "7777")
    pharmacist = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "pharm", "7777", clock), forms, clock,
                         "en", vault=Vault(db_path, ward_db))
    assert prefill.first_answers(pharmacist, pharmacist.form("clinical_note"), patient) == {
        "discipline": "other", "written_by": "Inès Roux"}
    note = records.save_new(pharmacist, "clinical_note", PHARMACIST_NOTE, patient_id=patient)
    corrected = records.amend(pharmacist, note.record_id, {**PHARMACIST_NOTE, "focus": "Covert medicines: how"},
                              "focus clearer")
    assert (corrected.version, corrected.author, corrected.data["focus"]) == (2, "pharm", "Covert medicines: how")


def test_given_covertly_asks_how_when_and_who_decided_naming_each(session_for, patient):
    doctor = session_for("doctor")
    count = doctor.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**CO_CARELDOPA, "covert": True}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["covert_how", "covert_decided_at", "covert_decided_by"]
    assert "How: in what, and what may be crushed or opened" in str(refused.value)
    assert doctor.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count


def test_a_review_before_the_decision_is_refused(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), "medication_order",
                         {**CO_CARELDOPA, **COVERT, "covert_review_by": "2026-11-27T12:00+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["covert_decided_at"]
    assert ("“Capacity assessed and best-interests decision made” cannot be after “Review the decision by”."
            in str(refused.value))


def test_the_round_the_printed_mar_and_the_handover_say_how_it_is_given(session_for, covert_order, patient, tmp_path):
    nurse = session_for("nurse")
    (item, *_) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
                  if item.order.record_id == covert_order]
    assert medication.order_flags(item.order, "en", nurse.clock()) == ["TIME-CRITICAL — within 30 min", FLAG]
    assert medication.order_flags(item.order, "fr", nurse.clock())[-1] == (
        "À L’INSU DU PATIENT : in yoghurt; crush IR tablets only, not the MR (réévaluer le 05/12)")
    text = pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1))
    assert FLAG in text
    handover = pdf_text(printing.print_census(nurse, tmp_path / "handover.pdf", "3B"))
    assert f"Co-careldopa 25/100 1 tablet(s) PO: {FLAG}" in handover


def test_its_review_reached_says_it_is_due_until_the_order_stops(session_for, covert_order, clock):
    clock.advance(days=7)  # 05/12 14:00, the review at 12:00
    doctor = session_for("doctor")
    order = medication.order(doctor.db, covert_order)
    assert medication.order_flags(order, "en", clock.now)[-1] == (
        "COVERT REVIEW DUE (by 05/12): in yoghurt; crush IR tablets only, not the MR")
    stopped = records.amend(doctor, covert_order, {**records.current(doctor.db, covert_order).data,
                                                   "stop_at": "2026-12-05T13:00+01:00"}, "swallows again: stopped")
    assert medication.order_flags(medication.order_of(stopped), "en", clock.now)[-1] == FLAG


def test_an_order_of_version_6_reads_as_before_and_is_amended_to_covert(tmp_path, session_for, patient, ward_db,
                                                                      db_path, clock):
    """Written on a laptop not yet updated (the form's version 6, without the covert questions):
    read, flagged and printed as before, then amended here to give it covertly."""
    folder = tmp_path / "forms_v6"
    shutil.copytree(forms_dir(), folder)
    path = folder / "medication_order.yaml"
    text = path.read_text(encoding="utf-8").replace("version: 7\n", "version: 6\n", 1)
    text = re.sub(r", covert,[^\]]*\]", "]", text, count=1)  # the summary's
    start, end = text.index("      # Covert administration"), text.index("      - id: ehr_order_id\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    older = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "doctor", "2222", clock),
                    load_forms(folder), clock, "en", vault=Vault(db_path, ward_db))
    written = records.save_new(older, "medication_order", CO_CARELDOPA, patient_id=patient)
    assert written.form_version == 6
    doctor = session_for("doctor")
    assert medication.order_flags(medication.order(doctor.db, written.record_id), "en", clock.now) == [
        "TIME-CRITICAL — within 30 min"]
    assert "Co-careldopa 25/100" in pdf_text(printing.print_record(doctor, written.record_id, tmp_path / "o.pdf"))
    amended = records.amend(doctor, written.record_id, {**written.data, **COVERT}, "best-interests decision")
    assert amended.form_version == 7
    assert medication.order_flags(medication.order_of(amended), "en", clock.now)[-1] == FLAG


def test_the_export_gives_the_covert_instruction_and_its_decision(session_for, covert_order, tmp_path: Path):
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == covert_order]
    MedicationRequest.model_validate(request)
    (instruction,) = request["dosageInstruction"]
    assert instruction["additionalInstruction"] == [{"text": (
        "Given covertly, disguised in food or drink: in yoghurt; crush IR tablets only, not the MR; Mental Capacity "
        "Act best-interests decision 2026-11-28T11:30:00+01:00 by Dr Karim Benali, consultant; pharmacist advised: "
        "Inès Roux; review by 2026-12-05T12:00:00+01:00")}]


@pytest.mark.parametrize("route", [{"route": "SC", "form": "infusion", "rate_ml_h": 0.6, "frequency": "once",
                                    "times": None}, {"route": "NG"}])
def test_covert_is_asked_of_a_medicine_by_mouth_alone(session_for, patient, route):
    """S7: an apomorphine syringe driver "in yoghurt" was saved covert, and every round read
    "COVERT: in yoghurt". Covert is disguised in food or drink, by mouth (PO, SL, BUC): a tube's or
    a pump's order is not asked it, and its covert answers, typed before the route changed, do not
    reach the record (as any question the form does not ask)."""
    doctor = session_for("doctor")
    spec = doctor.form("medication_order")
    typed = {**CO_CARELDOPA, **COVERT, **route, **({"drug": "Apomorphine", "dose": 3.0, "dose_unit": "mg"}
                                                  if route["route"] == "SC" else {})}
    assert not any(records.checked_values(doctor, "medication_order", typed).get(field) for field in COVERT)
    order = records.save_new(doctor, "medication_order", typed, patient_id=patient)
    assert FLAG not in medication.order_flags(medication.order_of(order), "en", doctor.clock())
    assert not any(shown(spec.field(field), typed, {}) for field in COVERT)
    assert all(shown(spec.field(field), {**typed, "route": mouth}, {}) for field in COVERT for mouth in ("PO", "SL", "BUC"))
