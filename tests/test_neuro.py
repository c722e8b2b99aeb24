"""Neurological observations: each set's Glasgow Coma Scale, what it says against the set before
it that needs a doctor now, the patient's chart on paper (and blank in the binder), and each
set in the export as a LOINC GCS Observation."""

import json

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.gcs import Alarm, flags, gcs
from downtime.services import neuro, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

SET = {"taken_at": "2026-11-28T10:00+01:00", "eyes": "3", "verbal": "4", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "60"}


def _alarms(data, before=None):
    return [flag.alarm for flag in flags(data, before, "28/11 10:00")]


def test_the_total_is_the_three_scores_and_none_when_one_is_not_testable():
    assert gcs(SET).total == 13 and gcs(SET).text("en") == "GCS 13 (E3 V4 M6)" and gcs(SET).text("fr") == "Glasgow 13 (Y3 V4 M6)"
    intubated = gcs({**SET, "verbal": "not_testable"})
    assert intubated.total is None and intubated.text("en") == "GCS — (E3 VT M6)"


def test_a_fall_in_the_total_or_the_motor_score_or_a_pupil_needs_a_doctor_now():
    assert _alarms(SET) == [] and _alarms(SET, SET) == []
    assert _alarms({**SET, "verbal": "3"}, SET) == []  # one point, not motor
    assert _alarms({**SET, "eyes": "2", "verbal": "3"}, SET) == [Alarm.TOTAL_FELL]
    assert _alarms({**SET, "motor": "5"}, SET) == [Alarm.MOTOR_FELL]
    assert _alarms({**SET, "eyes": "1", "verbal": "2", "motor": "5"}) == [Alarm.LOW]
    assert _alarms({**SET, "pupil_right_reaction": "none"}, SET) == [Alarm.PUPIL_FIXED]
    assert _alarms({**SET, "pupil_left_size": 5}, SET) == [Alarm.PUPILS_UNEQUAL]
    unequal = {**SET, "pupil_left_size": 5}
    assert _alarms(unequal, unequal) == []  # known already: not new
    said = flags({**SET, "eyes": "2", "verbal": "3"}, SET, "28/11 10:00")[0]
    assert said.text("en") == "GCS fell by 2 since 28/11 10:00: tell the doctor now"
    assert said.text("fr") == "Glasgow en baisse de 2 depuis 28/11 10:00 : prévenir le médecin immédiatement"


SCORES = {"eyes": 4, "verbal": 5, "motor": 6}


@given(st.fixed_dictionaries({field: st.one_of(st.just("not_testable"), st.integers(1, top).map(str))
                              for field, top in SCORES.items()}),
       st.fixed_dictionaries({field: st.integers(1, top).map(str) for field, top in SCORES.items()}))
def test_any_set_is_scored_within_the_scale_and_a_fall_of_two_is_always_told(now, before):
    found = gcs(now)
    assert found.total is None or 3 <= found.total <= 15
    if found.total is not None and gcs(before).total - found.total >= 2:
        assert Alarm.TOTAL_FELL in [flag.alarm for flag in flags(now, before, "")]


def test_the_chart_judges_each_set_against_the_one_before_and_follows_an_amendment(session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    later = records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T11:00+01:00", "eyes": "2",
                                                          "verbal": "3"}, patient_id=patient)
    sets = neuro.chart(nurse.db, patient)
    assert [found.gcs.total for found in sets] == [13, 11] and not sets[0].flags
    assert [flag.text("en") for flag in sets[1].flags] == ["GCS fell by 2 since 28/11 10:00: tell the doctor now"]
    records.amend(nurse, first.record_id, {**SET, "eyes": "2"}, "Eyes opened to pressure, not to sound")
    assert not neuro.chart(nurse.db, patient)[1].flags
    records.mark_entered_in_error(nurse, later.record_id, "Wrong patient")
    assert len(neuro.chart(nurse.db, patient)) == 1


def test_the_three_scores_are_required_and_only_carers_record_them(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), "neuro_observations", {"taken_at": SET["taken_at"]}, patient_id=patient)
    assert {error.path for error in refused.value.errors} == {"eyes", "verbal", "motor", "next_set_in"}
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "neuro_observations", SET, patient_id=patient)


def test_the_chart_prints_each_set_with_its_total_and_what_to_tell_the_doctor(session_for, patient, tmp_path, forms):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T11:00+01:00", "motor": "5"},
                     patient_id=patient)
    text = " ".join(PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages[0]
                    .extract_text().split())
    assert "Neurological observation chart (GCS)" in text and "GCS total (3–15) 13 12" in text
    assert "Best motor response fell since 28/11 10:00" in text and "Brisk" in text
    blank = PdfReader(printing.blank(forms, "neuro", tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                     printed_at=nurse.clock(), device_name="3B")).pages
    assert len(blank) == 2 and "Feuille de surveillance neurologique (Glasgow, vierge)" in blank[0].extract_text()
    key = " ".join(blank[1].extract_text().split())
    assert "4 Spontanée" in key and "6 Obéit aux ordres" in key


def test_the_export_sends_the_gcs_with_its_components_and_the_pupils_in_words(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    taken = records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    intubated = records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T11:00+01:00",
                                                              "verbal": "not_testable"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    total = Observation.model_validate(by_id[taken.record_id])
    assert total.code.coding[0].code == "9269-2" and total.valueInteger == 13
    assert [(part.code.coding[0].code, part.valueInteger) for part in total.component] == [
        ("9267-6", 3), ("9270-0", 4), ("9268-4", 6)]
    unscored = Observation.model_validate(by_id[intubated.record_id])
    assert unscored.valueInteger is None and unscored.dataAbsentReason.text == "A component was not testable: no total"
    assert unscored.component[1].dataAbsentReason.text == "NT Not testable (e.g. intubated)"
    seen = [Observation.model_validate(resource) for resource in by_id.values()
            if resource["resourceType"] == "Observation" and resource["code"].get("text") == "Pupils and limb movement"]
    assert len(seen) == 2 and {part.code.text: part.valueString or part.valueQuantity.value
                               for part in seen[0].component}["Left pupil reaction to light"] == "Brisk"


def test_the_handover_sheet_gives_the_last_gcs_and_what_it_needed_a_doctor_for(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    later = records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T11:00+01:00", "motor": "5"},
                             patient_id=patient)
    said = ("NEURO OBS: GCS 12 (E3 V4 M5) at 28/11 11:00; Best motor response fell since 28/11 10:00: "
            "tell the doctor now; NEXT SET OVERDUE since 28/11 12:00")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en") == {patient: said}
    records.amend(nurse, later.record_id, {**later.data, "next_set_in": "240"}, "Four-hourly, as the surgeon said")
    said = said.replace("NEXT SET OVERDUE since 28/11 12:00", "next set due 28/11 15:00")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en") == {patient: said}
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in text


def test_the_paper_and_the_form_give_a_child_under_5_the_paediatric_scale(blank_pages, forms):
    """A well, babbling baby is "5" on the paediatric verbal scale (NICE CG176), "2 Sounds" on the
    adult's: the nurse reads which answer is the child's."""
    english, french = blank_pages("neuro_observations", "en"), blank_pages("neuro_observations", "fr")
    assert len(english) == len(french) == 1
    assert "Under 5 (paediatric scale): 5 alert, babbles, coos or words as usual" in english[0]
    assert "Moins de 5 ans (échelle pédiatrique) : 6 mouvements spontanés normaux" in french[0]
    assert forms["neuro_observations"].field("verbal").help.get("en").startswith("Under 5")
