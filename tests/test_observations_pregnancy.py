"""NEWS2 is not validated in pregnancy (RCP 2017): a pregnant woman's set says so wherever its
score is said, and keeps her on the escalation list, whether the set or the stay's VTE
assessment records the pregnancy."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.news2 import PREGNANCY, Band
from downtime.services import observations, printing, records, wards
from downtime.services.census import patient_with_location

# Severe hypertension (pre-eclampsia until shown otherwise) in a woman of 30: NEWS2 0.
SET = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 18, "spo2": 97, "spo2_scale": "scale_1",
       "on_oxygen": False, "systolic_bp": 165, "diastolic_bp": 110, "pulse": 88, "consciousness": "alert",
       "temperature": 37.0}
VTE = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced", "thrombosis_risks": ["pregnancy"],
       "bleeding_risks": [], "prophylaxis": "pharmacological"}
AT = datetime.fromisoformat("2026-11-28T13:00+01:00")


@pytest.fixture
def woman(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    return nurse, records.save_new(nurse, "admission", {**admission_values, "birth_date": "1996-03-12", "nir": None,
                                                        "arrival_at": "2026-11-27T09:00+01:00"}).patient_id


def _standing(nurse, patient):
    (found,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_set_saying_pregnant_says_news2_is_not_validated_and_keeps_her_listed(woman, forms, lang):
    nurse, patient = woman
    records.save_new(nurse, "observations", {**SET, "pregnant": True}, patient_id=patient)
    found = _standing(nurse, patient)
    assert (found.news2.total, found.news2.band) == (0, Band.LOW)
    assert observations.band_text(found.news2, lang).endswith(PREGNANCY[lang])
    assert found.news2.response[lang].startswith(PREGNANCY[lang])
    assert observations.band_said(found.news2, lang).endswith(PREGNANCY[lang])
    assert [e.patient.patient_id for e in observations.review(nurse.db, forms, "3B", AT).escalations] == [patient]


def test_the_stays_vte_assessment_ticking_pregnancy_counts_for_her_sets(woman, forms, session_for):
    """Her sets typed before the form asked (version 1) or with the question left blank say
    nothing; the doctor's VTE assessment of this stay recorded the pregnancy."""
    nurse, patient = woman
    records.save_new(nurse, "observations", SET, patient_id=patient)
    assert not _standing(nurse, patient).news2.pregnant
    assert observations.review(nurse.db, forms, "3B", AT).escalations == []
    assessed = records.save_new(session_for("doctor"), "vte_assessment", VTE, patient_id=patient)
    assert "pregnan" in observations.band_text(_standing(nurse, patient).news2, "en")
    assert [e.patient.patient_id for e in observations.review(nurse.db, forms, "3B", AT).escalations] == [patient]
    records.amend(session_for("doctor"), assessed.record_id, {**VTE, "thrombosis_risks": []}, "not pregnant: misread")
    assert not _standing(nurse, patient).news2.pregnant


def test_a_set_not_saying_pregnant_reads_as_before(woman):
    nurse, patient = woman
    records.save_new(nurse, "observations", {**SET, "pregnant": False}, patient_id=patient)
    found = _standing(nurse, patient)
    assert observations.band_text(found.news2, "en") == "NEWS2 0 — Low" and "pregnan" not in found.news2.response["en"]


def test_the_exported_score_says_it_is_not_validated_in_pregnancy(woman, exported_resource):
    from fhir.resources.R4B.observation import Observation

    nurse, patient = woman
    saved = records.save_new(nurse, "observations", {**SET, "pregnant": True}, patient_id=patient)
    total = exported_resource(saved.record_id, Observation)
    assert total.valueInteger == 0 and total.interpretation[0].text == f"low clinical risk; {PREGNANCY['en']}"


def test_the_handover_sheet_says_it_in_her_news2_cell(woman, tmp_path):
    nurse, patient = woman
    records.save_new(nurse, "observations", {**SET, "pregnant": True}, patient_id=patient)
    out = printing.print_census(nurse, tmp_path / "census.pdf", ward="3B")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    assert f"0 Low — {PREGNANCY['en']}" in text
