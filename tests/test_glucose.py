"""Capillary blood glucose: what each reading asks of the nurse now (a hypo treated and rechecked,
ketones checked or told), a hypo's recheck falling overdue, the handover sheet's line, the paper
chart filled and blank, and each reading in the export in mmol/L."""

import json

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.glucose import Reading, Sign, reading, signs
from downtime.services import glucose, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

LOW = {"taken_at": "2026-11-28T13:50+01:00", "timing": "before_lunch", "reading": "value", "glucose": 3.2,
       "action": "150 mL orange juice"}


def _signs(**data):
    return signs(reading({"reading": "value", **data}))


def test_each_reading_says_what_it_asks_now():
    assert _signs(glucose=6.0) == []
    assert _signs(glucose=3.9) == [Sign.HYPO] and signs(reading({"reading": "lo"})) == [Sign.HYPO]
    assert _signs(glucose=12.1) == [Sign.CHECK_KETONES] and signs(reading({"reading": "hi"})) == [Sign.CHECK_KETONES]
    assert _signs(glucose=12.1, ketones=0.4) == []  # checked: normal
    assert _signs(glucose=15.0, ketones=1.5) == [Sign.KETONES]
    assert _signs(glucose=7.0, ketones=3.2) == [Sign.KETONES_HIGH]  # whatever the glucose (an SGLT2 inhibitor)
    assert _signs(glucose=3.0, ketones=3.0) == [Sign.HYPO, Sign.KETONES_HIGH]
    assert Reading(None, True, False, None).text() == "LO" and Reading(5.6, False, False, None).text() == "5.6 mmol/L"


@given(st.one_of(st.none(), st.floats(0.6, 35)), st.sampled_from(("value", "lo", "hi")),
       st.one_of(st.none(), st.floats(0, 8)))
def test_a_low_reading_is_always_a_hypo_and_high_ketones_always_told(value, shown, ketones):
    found = Reading(value if shown == "value" else None, shown == "lo", shown == "hi", ketones)
    said = signs(found)
    assert (Sign.HYPO in said) == (shown == "lo" or (shown == "value" and value is not None and value < 4.0))
    if ketones is not None and ketones >= 1.5:
        assert {Sign.KETONES, Sign.KETONES_HIGH} & set(said)
    assert len(said) == len(set(said))


def test_a_hypos_recheck_is_due_in_15_minutes_and_overdue_after(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", LOW, patient_id=patient)
    readings = glucose.chart(nurse.db, patient)
    assert glucose.recheck(readings, nurse.clock(), "en") == ("hypo recheck due 28/11 14:05", False)
    clock.advance(minutes=16)
    assert glucose.recheck(readings, nurse.clock(), "en") == ("HYPO RECHECK OVERDUE since 28/11 14:05", True)
    records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T14:08+01:00", "timing": "recheck",
                                              "glucose": 5.4, "action": ""}, patient_id=patient)
    assert glucose.recheck(glucose.chart(nurse.db, patient), nurse.clock(), "en") is None


def test_a_meter_showing_lo_or_hi_needs_no_number_and_a_value_needs_one(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_glucose", {**LOW, "glucose": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["glucose"]
    saved = records.save_new(nurse, "blood_glucose", {"taken_at": LOW["taken_at"], "reading": "hi"}, patient_id=patient)
    assert "glucose" not in saved.data
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "blood_glucose", LOW, patient_id=patient)


def test_the_handover_sheet_and_the_chart_say_the_latest_and_what_it_asks(session_for, patient, tmp_path, forms):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T10:00+01:00", "glucose": 14.2,
                                              "ketones": 1.8, "action": "Dr Benali told"}, patient_id=patient)
    records.save_new(nurse, "blood_glucose", LOW, patient_id=patient)
    said = ("GLUCOSE: 3.2 mmol/L at 28/11 13:50; HYPO (below 4 mmol/L): treat now as the hypoglycaemia protocol says; "
            "recheck within 15 minutes; hypo recheck due 28/11 14:05")
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "en") == {patient: said}
    census = " ".join(" ".join(page.extract_text().split()) for page in
                      PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in census
    text = " ".join(PdfReader(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf")).pages[0]
                    .extract_text().split())
    assert "Blood glucose monitoring chart" in text and "28/11 10:00 Other time" not in text
    assert "28/11 10:00 Before lunch 14.2 1.8 Dr Benali told HL Ketones 1.5 mmol/L or more: tell the doctor" in text
    blank = PdfReader(printing.blank(forms, "glucose", tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                     printed_at=nurse.clock(), device_name="3B")).pages
    assert len(blank) == 1 and "Feuille de surveillance glycémique (vierge)" in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_reading_in_mmol_per_litre_and_a_lo_as_absent(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    valued = records.save_new(nurse, "blood_glucose", {**LOW, "ketones": 0.4}, patient_id=patient)
    lo = records.save_new(nurse, "blood_glucose", {"taken_at": "2026-11-28T13:55+01:00", "reading": "lo"},
                          patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    found = Observation.model_validate(by_id[valued.record_id])
    assert found.code.text == "Capillary blood glucose" and (float(found.valueQuantity.value),
                                                              found.valueQuantity.code) == (3.2, "mmol/L")
    assert float(found.component[0].valueQuantity.value) == 0.4 and [note.text for note in found.note] == [
        "Before lunch", "150 mL orange juice"]
    absent = Observation.model_validate(by_id[lo.record_id])
    assert absent.valueQuantity is None and absent.dataAbsentReason.text == "Meter showed LO (below what it measures)"
