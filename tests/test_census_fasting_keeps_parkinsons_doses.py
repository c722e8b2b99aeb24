"""The ward's THEATRE line tells the night nurse when a patient stops eating and drinking; for one
on a time-critical Parkinson's medicine it said nothing more, and "nothing to eat from 02:00,
clear fluids until 06:00" read as nil by mouth for the 06:00 co-careldopa too (R1 D3): the line
says to give each dose on time through the fast, with sips of water, in the theatre list's words
(Parkinson's UK "Get It On Time"; NICE NG71); the water only for a medicine by mouth to a patient
not recorded nil by mouth, the other routes in words that suit them."""

import pytest

from downtime.services import printing, records
from tests.pdf_text import pdf_text
from tests.test_census_standing_operation import _rebooked, _summaries
from tests.test_time_critical import LEVODOPA


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("THEATRE: Hernia repair Sun 29/11 08:00 T2 — nothing to eat from 02:00, clear fluids until 06:00 — "
            "Co-careldopa 25/100: give each dose on time through the fast, with sips of water; a dose the patient "
            "cannot swallow: plan another route")),
    ("fr", ("BLOC : Hernia repair dim. 29/11 08:00 salle T2 — plus rien à manger à partir de 02:00, liquides clairs "
            "jusqu’à 06:00 — Co-careldopa 25/100 : donner chaque prise à l’heure pendant le jeûne, avec une gorgée "
            "d’eau ; une prise que le patient ne peut pas avaler : prévoir une autre voie"))])
def test_the_census_says_to_give_the_parkinsons_doses_through_the_fast(session_for, admission_values, tmp_path,
                                                                        lang, said):
    nurse = session_for("nurse", lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient_id)
    _rebooked(session_for("coord"), patient_id, "general")
    text = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf")).split())
    assert said in text


def test_no_fast_no_medicine_stopped_nothing_said(session_for, admission_values):
    """Under a local anaesthetic the patient does not fast; a medicine stopped before the
    operation is not given through it."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    local = records.save_new(nurse, "admission", admission_values).patient_id
    stopped = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Durand", "used_name": "",
                                                    "nir": "", "bed": "14"}).patient_id
    records.save_new(doctor, "medication_order", LEVODOPA, patient_id=local)
    records.save_new(doctor, "medication_order", {**LEVODOPA, "stop_at": "2026-11-28T22:00+01:00"}, patient_id=stopped)
    _rebooked(session_for("coord"), local, "local")
    _rebooked(session_for("coord"), stopped, "general", rooms=("T3", "T4"), surgeon="Dr Weber")
    said = printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, local, stopped), nurse.clock(), "en")
    assert said == {local: "Hernia repair Sun 29/11 08:00 T2",
                    stopped: "Hernia repair Sun 29/11 08:00 T4 — nothing to eat from 02:00, clear fluids until 06:00"}


FASTING = "Hernia repair Sun 29/11 08:00 T2 — nothing to eat from 02:00, clear fluids until 06:00 — "


@pytest.mark.parametrize(("diet", "order", "said"), [
    (["nil_by_mouth"], {}, ("Co-careldopa 25/100: ordered by mouth, but nil by mouth on admission: ask the doctor for "
                            "another route now")),
    ([], {"route": "NG"}, "Co-careldopa 25/100: give each dose on time through the fast, by the tube"),
    ([], {"drug": "Rotigotine (Neupro) 4 mg/24 h patch", "dose": 4.0, "dose_unit": "mg", "route": "TD",
          "form": "patch", "times": "08:00"},
     "Rotigotine (Neupro) 4 mg/24 h patch: keep the patch on through the fast and the operation"),
    ([], {"drug": "Apomorphine", "dose": 3.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.6,
          "frequency": "once", "times": None},
     "Apomorphine: keep the pump running on time through the fast and the operation"),
    (["nil_by_mouth"], {"route": "NG"}, "Co-careldopa 25/100: give each dose on time through the fast, by the tube")])
def test_water_is_said_only_of_a_dose_by_mouth_to_a_patient_not_nil_by_mouth(session_for, admission_values, diet,
                                                                              order, said):
    """S5: the line said "with sips of water" of a patch, an NG dose, an apomorphine pump and of a
    patient whose admission records nil by mouth (a failed swallow screen)."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", {**admission_values, "diet": diet}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, **order}, patient_id=patient_id)
    _rebooked(session_for("coord"), patient_id, "general")
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), nurse.clock(),
                                     "en") == {patient_id: FASTING + said}
