"""Neurological observations: each set's Glasgow Coma Scale, what it says against the set before
it that needs a doctor now, the patient's chart on paper (and blank in the binder), and each
set in the export as a LOINC GCS Observation."""

import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.falls import Fall, neuro_interval
from downtime.domain.gcs import Alarm, Gcs, flags, gcs, sustained_fall
from downtime.services import census, chart_alerts, neuro, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

SET = {"taken_at": "2026-11-28T10:00+01:00", "eyes": "3", "verbal": "4", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "60"}


def _alarms(data, before=None):
    return [flag.alarm for flag in flags(data, [(before, "28/11 10:00")] if before else [])]


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
    said = flags({**SET, "eyes": "2", "verbal": "3"}, [(SET, "28/11 10:00")])[0]
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
        assert Alarm.TOTAL_FELL in [flag.alarm for flag in flags(now, [(before, "")])]


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


AFTER = datetime.fromisoformat("2026-11-28T13:20+01:00")
HEAD_INJURY = Fall(AFTER, "yes", False, False, None)


def _at(minutes: float) -> datetime:
    return AFTER + timedelta(minutes=minutes)


def test_nice_paces_neuro_obs_for_a_day_after_a_fall_with_a_possible_head_injury():
    """NICE NG232 (CG176 1.8.2): half-hourly until GCS 15, then half-hourly for 2 hours, hourly for
    4 hours and 2-hourly after; half-hourly again when the GCS falls below 15."""
    half, hour = timedelta(minutes=30), timedelta(hours=1)
    assert neuro_interval([HEAD_INJURY], [(_at(10), 14)]) == half
    assert neuro_interval([HEAD_INJURY], [(_at(10), None)]) == half  # not testable: not 15
    full = [(_at(10), 14), *((_at(40 + 30 * n), 15) for n in range(5))]  # 15 from 14:00, held 2 hours at 16:00
    assert [neuro_interval([HEAD_INJURY], full[:n]) for n in (2, 5, 6)] == [half, half, hour]
    assert neuro_interval([HEAD_INJURY], [*full, (_at(40 + 360), 15)]) == timedelta(hours=2)
    assert neuro_interval([HEAD_INJURY], [*full, (_at(40 + 360), 14)]) == half
    assert neuro_interval([HEAD_INJURY], [(_at(-600), 15), (_at(10), 15)]) == half  # a 15 before the fall: not since
    assert neuro_interval([HEAD_INJURY], [(_at(24 * 60), 14)]) is None  # a day on
    assert neuro_interval([HEAD_INJURY], [(_at(-10), 14)]) is None  # taken before the fall
    assert neuro_interval([replace(HEAD_INJURY, head_injury="no")], [(_at(10), 14)]) is None
    assert neuro_interval([replace(HEAD_INJURY, head_injury="no", found=True)], [(_at(10), 14)]) == half


FALL = {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}


def test_after_a_head_injury_the_next_set_is_due_as_nice_paces_it_whatever_the_set_says(session_for, patient, clock):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:35+01:00", "next_set_in": "240"},
                     patient_id=patient)  # GCS 13, next set in 4 hours
    clock.now = clock.now.replace(hour=14, minute=10)
    said = ("NEURO OBS: GCS 13 (E3 V4 M6) at 28/11 13:35; "
            "NEXT SET OVERDUE since 28/11 14:05 (head injury: every 30 minutes, NICE)")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en") == {patient: said}
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].endswith(
        "PROCHAIN RELEVÉ EN RETARD depuis 28/11 14:05 (traumatisme crânien : toutes les 30 minutes, NICE)")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                       ward="3B").alerts if alert.form_id == "neuro_observations"]
    assert alert.said == [said.split("; ")[1]]
    records.amend(nurse, fall.record_id, {**FALL, "head_injury": "no"}, "No head injury after all")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient].endswith("next set due 28/11 17:35")


def test_a_fall_of_the_stay_before_does_not_pace_this_one_s_neuro_obs(session_for, patient, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:35+01:00", "next_set_in": "240"},
                     patient_id=patient)
    (taken,) = neuro.chart(nurse.db, patient)
    assert taken.paced is None and taken.due_at == datetime.fromisoformat("2026-11-28T17:35+01:00")


def _held(*totals_at: tuple[int | None, float]) -> list[Alarm | None]:
    """The sustained-fall flag of each set of these (total, minutes) as the chart judges it."""
    sets = [(_at(minutes), Gcs(None, None, None) if total is None else Gcs(4, total - 10, 6))
            for total, minutes in totals_at]
    return [getattr(sustained_fall(sets[:n + 1]), "alarm", None) for n in range(len(sets))]


def test_a_drop_of_a_point_held_for_30_minutes_needs_a_doctor_once():
    """NICE NG232 1.8.3: a drop of 1 point held for 30 minutes asks an urgent review; each set
    weighed against the one before alone never said it."""
    told = Alarm.SUSTAINED_FALL
    assert _held((15, 0), (14, 30), (14, 60), (14, 90)) == [None, None, told, None]
    assert _held((15, 0), (14, 30), (14, 45), (14, 60)) == [None, None, None, told]  # a recheck at 15 minutes
    assert _held((15, 0), (14, 30), (15, 45), (14, 60)) == [None] * 4  # back to 15 between
    assert _held((15, 0), (14, 30), (None, 60)) == [None] * 3  # not testable: no total to weigh
    assert _held((15, 0), (14, 30), (14, 60), (13, 90), (13, 120)) == [None, None, told, None, told]  # fell further
    sets = [(_at(0), gcs({**SET, "verbal": "5"})), (_at(30), gcs(SET)), (_at(60), gcs(SET))]
    flag = sustained_fall(sets)
    assert flag.text("en") == "GCS down by 1 since 28/11 13:20, held for 30 minutes or more: tell the doctor now"
    assert flag.text("fr") == ("Glasgow en baisse de 1 depuis 28/11 13:20, maintenue 30 minutes ou plus : "
                               "prévenir le médecin immédiatement")


def test_the_chart_tells_a_held_drop_and_the_handover_says_the_ward_s_time(session_for, patient):
    nurse = session_for("nurse")
    for at, verbal in (("11:35+00:00", "5"), ("13:05+01:00", "4"), ("12:35+00:00", "4")):  # one laptop's clock at UTC
        records.save_new(nurse, "neuro_observations", {**SET, "eyes": "4", "verbal": verbal, "next_set_in": "30",
                                                       "taken_at": f"2026-11-28T{at}"}, patient_id=patient)
    assert [[flag.alarm for flag in taken.flags] for taken in neuro.chart(nurse.db, patient)] == [
        [], [], [Alarm.SUSTAINED_FALL]]
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient].startswith(
        "NEURO OBS: GCS 14 (E4 V4 M6) at 28/11 13:35; GCS down by 1 since 28/11 12:35, held for 30 minutes or more")


EYES_SHUT = {**SET, "eyes": "not_testable", "verbal": "5", "pupil_left_reaction": "closed", "pupil_left_size": None}
ALERT = {**SET, "eyes": "4", "verbal": "5", "motor": "6"}


def test_a_component_not_testable_is_weighed_at_its_best_so_an_eye_swollen_shut_hides_no_alarm():
    """An eye swollen shut after a fall onto the face: ET V2 M6 is a GCS of 12 at most, 3 below the
    15 before; ET V1 M3 is 8 at most, the airway at risk. Both said nothing."""
    assert gcs(EYES_SHUT).at_most == 15 and gcs(EYES_SHUT).at_least == 12
    dropped = flags({**EYES_SHUT, "verbal": "2"}, [(ALERT, "28/11 10:00")])
    assert [flag.text("en") for flag in dropped] == [
        "GCS fell by 3 or more since 28/11 10:00 (GCS at most 12, ET V2 M6): tell the doctor now"]
    assert dropped[0].text("fr") == ("Glasgow en baisse de 3 ou plus depuis 28/11 10:00 (Glasgow au plus 12, YT V2 M6) "
                                     ": prévenir le médecin immédiatement")
    assert _alarms({**EYES_SHUT, "verbal": "1", "motor": "3"}) == [Alarm.LOW]
    assert _alarms({**EYES_SHUT, "verbal": "4"}, ALERT) == []  # 14 at most: one point, not motor


def test_a_response_fallen_by_2_says_so_when_the_totals_cannot():
    """Both sets with the eyes shut: neither has a total, and V5 to V2 said nothing."""
    [fell] = flags({**EYES_SHUT, "verbal": "2"}, [({**EYES_SHUT, "verbal": "5"}, "28/11 10:00")])
    assert fell.text("en") == "Best verbal response fell by 3 since 28/11 10:00 (ET V2 M6): tell the doctor now"
    assert fell.text("fr") == ("Meilleure réponse verbale en baisse de 3 depuis 28/11 10:00 (YT V2 M6) : prévenir le "
                               "médecin immédiatement")
    assert _alarms({**EYES_SHUT, "verbal": "4"}, {**EYES_SHUT, "verbal": "5"}) == []


def test_an_intubated_patient_is_not_called_an_airway_at_risk_but_an_eye_swollen_shut_is():
    """E1 VT M1 each hour of a ventilated, sedated patient: the verbal response not testable is the
    tube, the airway is secured. ET V1 M3 (8 at most) keeps its alarm."""
    intubated = {"eyes": "1", "verbal": "not_testable", "motor": "1"}
    assert _alarms(intubated) == [] and _alarms(intubated, intubated) == []
    assert _alarms({**EYES_SHUT, "verbal": "1", "motor": "3"}) == [Alarm.LOW]
    assert _alarms({**intubated, "motor": "5"}, {**intubated, "motor": "6"}) == [Alarm.MOTOR_FELL]


def test_a_fall_from_a_set_with_a_component_not_testable_is_said_as_at_least():
    """E4 VT M6 (11 at worst, 15 at best), then E2 V2 M5 (9): a fall of 2 to 6, said "fell by 2"."""
    [fell, motor] = flags({"eyes": "2", "verbal": "2", "motor": "5"},
                          [({"eyes": "4", "verbal": "not_testable", "motor": "6"}, "28/11 10:00")])
    assert fell.text("en") == "GCS fell by 2 or more since 28/11 10:00 (E4 VT M6 then): tell the doctor now"
    assert fell.text("fr") == ("Glasgow en baisse de 2 ou plus depuis 28/11 10:00 (Y4 VT M6 alors) : prévenir le "
                               "médecin immédiatement")
    assert motor.alarm is Alarm.MOTOR_FELL
    [exact, _] = flags({"eyes": "2", "verbal": "2", "motor": "5"}, [(ALERT, "28/11 10:00")])
    assert exact.text("en") == "GCS fell by 6 since 28/11 10:00: tell the doctor now"


def test_long_notes_are_cut_in_the_grid_and_printed_whole_under_it_so_ten_sets_share_a_page(
        session_for, patient, clock, tmp_path):
    """Twelve sets with notes of up to 1,000 characters printed whole in the grid's cells: one set
    on the first page, the GCS trend over seven pages."""
    note = ("Bleeped Dr Benali 3 times at 02:10, 02:25 and 02:40, no answer; site manager called 02:45; morphine "
            "2 mg given 01:50 for the hip; daughter Mme Lefèvre asked to be called at any hour. ") * 5
    start = datetime.fromisoformat("2026-11-28T09:30+01:00")
    for number in range(12):
        records.save_new(session_for("nurse"), "neuro_observations", {
            **SET, "taken_at": (start + timedelta(minutes=20 * number)).isoformat(), "next_set_in": "30",
            "notes": f"N{number} {note}" if number % 2 else "Asleep, woken for the set"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_neuro_chart(session_for("nurse"), patient, tmp_path / "neuro.pdf")).pages]
    assert all(f"28/11 {(start + timedelta(minutes=20 * number)):%H:%M}" in pages[0] for number in range(10))
    assert "N1 Bleeped Dr Benali 3 times at 02:10,… (in full below)" in pages[0]
    assert "Asleep, woken for the set" in pages[0]
    text = " ".join(pages)
    assert "Notes in full" in text and text.count("daughter Mme Lefèvre asked to be called at any hour") == 6 * 5
    assert f"28/11 09:50: N1 {' '.join(note.split())}" in text
