"""A fall on the ward: what it asks until done (not to get up a patient with a possible fracture,
the doctor told now of a possible head injury on an anticoagulant, neuro obs and observations
started, a doctor's examination), on the escalation list and the handover sheet; the blank form
in the binder, and each fall in the export."""

import csv
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.falls import ASKS, HEAD_INJURY_NEURO, Ask, Fall, asks, said
from downtime.domain.gcs import Alarm
from downtime.services import census, chart_alerts, falls, neuro, prefill, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export

FELL = {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "where": "toilet", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": True, "injuries": "Bruise over the left eyebrow"}
NEWS2_SET = {"taken_at": "2026-11-28T13:30+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
             "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88, "consciousness": "alert",
             "temperature": 37.2}
NEURO_SET = {"taken_at": "2026-11-28T13:35+01:00", "eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3,
             "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
             "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal",
             "next_set_in": "30"}
AT = datetime.fromisoformat("2026-11-28T13:20+01:00")


def _fall(**changed) -> Fall:
    return Fall(**{"fell_at": AT, "head_injury": "no", "anticoagulated": False, "fracture_suspected": False,
                   "reviewed_at": None, **changed})


def test_each_fall_asks_for_observations_and_a_doctor_and_more_as_it_was_found():
    assert asks(_fall(), [], []) == [Ask.OBSERVATIONS, Ask.REVIEW]
    assert asks(_fall(fracture_suspected=True), [], []) == [Ask.NOT_TO_MOVE, Ask.OBSERVATIONS]
    assert asks(_fall(head_injury="yes"), [], []) == [Ask.NEURO, Ask.OBSERVATIONS, Ask.REVIEW]
    assert asks(_fall(head_injury="not_excluded", anticoagulated=True), [], []) == [
        Ask.ANTICOAGULANT, Ask.NEURO, Ask.OBSERVATIONS]
    assert asks(_fall(head_injury="no", anticoagulated=True), [], []) == [Ask.OBSERVATIONS, Ask.REVIEW]
    before, after = AT - timedelta(minutes=30), AT + timedelta(minutes=5)
    assert asks(_fall(head_injury="yes", reviewed_at=after), [before], [before]) == [Ask.NEURO, Ask.OBSERVATIONS]
    assert asks(_fall(head_injury="yes", reviewed_at=after), [AT], [after]) == []


@given(st.sampled_from(("no", "yes", "not_excluded")), st.booleans(), st.booleans(), st.booleans(), st.booleans(),
       st.sampled_from((None, "requested", "done", "not_needed")))
def test_nothing_is_asked_once_all_is_done_and_the_doctor_is_asked_for_until_then(head, anticoagulated, fracture,
                                                                                 observed, reviewed, ct_head):
    fall = _fall(head_injury=head, anticoagulated=anticoagulated, fracture_suspected=fracture,
                 reviewed_at=AT if reviewed else None, ct_head=ct_head, ct_head_at=AT if ct_head else None)
    asked = asks(fall, [AT] if observed else [], [AT] if observed else [])
    ct_owed = head != "no" and anticoagulated and ct_head not in ("done", "not_needed")
    assert (asked == []) == (observed and reviewed and not ct_owed)
    assert (Ask.CT in asked) == (reviewed and ct_owed)  # after the examination, until done or not needed
    assert bool({Ask.NOT_TO_MOVE, Ask.ANTICOAGULANT, Ask.REVIEW} & set(asked)) == (not reviewed)


def test_a_fall_asks_on_the_escalation_list_and_the_handover_until_its_care_is_done(session_for, patient, clock,
                                                                                   tmp_path):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    # What the asks say (a possible head injury, the anticoagulant) is not said again before them.
    said = ("Fell 28/11 13:20 (found on the floor); "
            "ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head within 8 hours: by 28/11 "
            "21:20); HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now; NO OBSERVATIONS SINCE THE FALL: take a set "
            "now; family not told yet; incident not reported yet")
    assert falls.handover(nurse.db, inside, nurse.clock(), "en") == {patient: said}
    census_pdf = printing.print_census(nurse, tmp_path / "census.pdf", "3B")
    assert said in " ".join(" ".join(page.extract_text().split()) for page in PdfReader(census_pdf).pages)
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert (alert.form_id, alert.latest) == ("inpatient_fall", "Fell 28/11 13:20 (found on the floor)")
    assert alert.said[0].startswith("ON AN ANTICOAGULANT")
    records.save_new(nurse, "observations", NEWS2_SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", NEURO_SET, patient_id=patient)
    records.amend(session_for("doctor"), fall.record_id, {**FELL, "reviewed_by": "Dr  Benali",
                                                          "reviewed_at": "2026-11-28T13:50+01:00"},
                  "Examined after the fall")
    # Examined: the CT head NICE asks within 8 hours is asked still, until the fall records it.
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said == ["CT HEAD NOT RECORDED DONE: due by 28/11 21:20 (8 hours after the fall, on an anticoagulant)"]
    requested = {**FELL, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:50+01:00", "ct_head": "requested",
                 "ct_head_at": "2026-11-28T13:55+01:00", "family_told": True, "incident_reported": True}
    records.amend(nurse, fall.record_id, requested, "CT head requested, family told, incident reported")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].endswith(
        "examiné par Dr Benali le 28/11 13:50 ; SCANNER CÉRÉBRAL DEMANDÉ le 28/11 13:55, NON NOTÉ FAIT : à faire avant "
        "le 28/11 21:20 (8 heures après la chute, sous anticoagulant)")
    records.amend(nurse, fall.record_id, {**requested, "ct_head": "done", "ct_head_at": "2026-11-28T13:58+01:00",
                                          "ct_head_result": "No  bleed"}, "CT head done")
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []
    examined = ("Chute le 28/11 13:20 (trouvé au sol, traumatisme crânien non exclu, sous anticoagulant) ; "
                "examiné par Dr Benali le 28/11 13:50 ; scanner cérébral fait le 28/11 13:58 (No bleed)")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr") == {patient: examined}
    clock.advance(hours=24)
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr") == {}  # a day on, done: no longer said
    assert falls.to_open(nurse.db, nurse.forms, patient).record_id == fall.record_id


def test_a_set_before_the_fall_or_incomplete_does_not_count_and_a_childs_pews_set_does(session_for, patient,
                                                                                        admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**NEWS2_SET, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:40+01:00", "spo2_scale": "scale_1",
                                             "on_oxygen": False, "temperature": 37.9}, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {**FELL, "head_injury": "no", "anticoagulated": False},
                     patient_id=patient)
    known = falls.read(nurse.db, [census.patient_with_location(nurse.db, nurse.forms, patient)])[patient]
    assert known.asking(known.falls[0], "en") == [
        "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now",  # found on the floor, whatever the answer
        "NO OBSERVATIONS SINCE THE FALL: take a set now",
        "NOT EXAMINED BY A DOCTOR since the fall: ask for a medical review"]
    assert known.falls[0].text("en") == "Fell 28/11 13:20 (found on the floor, head injury not excluded)"
    child = records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": "3",
                                                  "birth_date": "2019-04-02", "weight_kg": 23}).patient_id
    records.save_new(nurse, "inpatient_fall", {**FELL, "witnessed": "witnessed", "head_injury": "no",
                                               "anticoagulated": False, "fracture_signs": "suspected"}, patient_id=child)
    records.save_new(nurse, "paediatric_observations", {
        "taken_at": "2026-11-28T13:40+01:00", "respiratory_rate": 22, "respiratory_effort": "normal", "spo2": 98,
        "oxygen": "room_air", "heart_rate": 100, "capillary_refill": "under_3", "concern": False, "next_in": "60"},
        patient_id=child)
    known = falls.read(nurse.db, [census.patient_with_location(nurse.db, nurse.forms, child)])[child]
    assert known.asking(known.falls[0], "en") == [
        "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up (lift them flat); the doctor examines them first"]


def test_the_blank_is_in_the_binder_and_the_export_sends_an_observation(session_for, patient, blank_pages,
                                                                        exported_resource):
    english, french = blank_pages("inpatient_fall", "en"), blank_pages("inpatient_fall", "fr")
    assert len(english) == len(french) == 1
    assert "Signs of a fracture or spinal injury" in english[0] and "Traumatisme crânien" in french[0]
    fall = records.save_new(session_for("nurse"), "inpatient_fall", {
        **FELL, "notes": "Getting to the toilet alone", "family_told": True, "incident_reported": False,
        "reviewed_by": "Dr  Benali", "reviewed_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    found = exported_resource(fall.record_id, Observation)
    assert (found.code.text, found.category[0].coding[0].code, found.status) == ("Inpatient fall", "exam", "final")
    assert [(part.code.text, part.valueCodeableConcept.text if part.valueCodeableConcept else
             part.valueString or part.valueDateTime if part.valueBoolean is None else part.valueBoolean)
            for part in found.component] == [
        ("Seen to fall", "Found on the floor (not seen)"), ("Where", "Toilet or bathroom"),
        ("Signs of a fracture or spinal injury", "None found"), ("Head injury", "Cannot be excluded"),
        ("On anticoagulant treatment", True), ("Family or next of kin told", True), ("Incident reported", False),
        ("Examined by the doctor", "Dr Benali"),
        ("Examined by the doctor, at", datetime.fromisoformat("2026-11-28T13:50+01:00"))]
    assert [note.text for note in found.note] == ["Bruise over the left eyebrow", "Getting to the toilet alone"]
    assert found.encounter is not None


def test_a_fall_s_usual_gcs_is_exported(session_for, patient, exported_resource):
    fall = records.save_new(session_for("nurse"), "inpatient_fall", {**FELL, "usual_gcs": 13}, patient_id=patient)
    found = exported_resource(fall.record_id, Observation)
    assert [(part.code.text, part.valueInteger) for part in found.component if part.valueInteger is not None] == [
        ("Usual GCS before the fall, if below 15", 13)]


def test_a_move_a_transfer_or_a_discharge_says_the_falls_of_this_stay(session_for, patient):
    nurse = session_for("nurse")
    assert not prefill.first_answers(nurse, nurse.form("discharge"), patient).get("falls")
    records.save_new(nurse, "inpatient_fall", {**FELL, "reviewed_by": "Dr Benali",
                                               "reviewed_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-28T13:55+01:00", "witnessed": "witnessed",
                                               "head_injury": "no", "anticoagulated": False}, patient_id=patient)
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["falls"] == (
            "Fell 28/11 13:20 (found on the floor, head injury not excluded, on an anticoagulant); examined by Dr "
            "Benali 28/11 13:50; CT head not done; no neurological observations; no observations after the fall\n"
            "Fell 28/11 13:55; not examined by a doctor in hospital; no observations after the fall"), form_id


def test_the_letter_says_the_care_after_a_fall_not_done_as_facts(session_for, patient, clock):
    """R1 #3: found on the floor on an anticoagulant, no doctor, no CT head, no neuro obs, and the
    letter said "Fell 28/11 13:20 (found on the floor, …)" alone: the GP and the family read a fall
    that was dealt with. In the letter's words, not the ward's "tell the doctor now"."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (found on the floor, head injury not excluded, on an anticoagulant); not examined by a "
        "doctor in hospital; CT head not done; no neurological observations; no observations after the fall"]
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "fr") == [
        "Chute le 28/11 13:20 (trouvé au sol, traumatisme crânien non exclu, sous anticoagulant) ; non examiné par "
        "un médecin à l’hôpital ; scanner cérébral non fait ; pas de surveillance neurologique ; pas de constantes "
        "après la chute"]
    records.save_new(nurse, "observations", NEWS2_SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", NEURO_SET, patient_id=patient)
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (found on the floor, head injury not excluded, on an anticoagulant); not examined by a "
        "doctor in hospital; CT head not done"]


def test_an_examination_dated_before_the_fall_is_refused_and_never_silences_it(session_for, patient):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", {**FELL, "fracture_signs": "suspected"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="When the patient fell or was found"):
        records.amend(session_for("doctor"), fall.record_id, {**fall.data, "reviewed_by": "Dr Benali",
                                                              "reviewed_at": "2026-11-27T13:50+01:00"}, "Examined")
    slipped = _fall(fracture_suspected=True, reviewed_at=AT - timedelta(days=1))
    assert asks(slipped, [AT], []) == [Ask.NOT_TO_MOVE]
    assert asks(replace(slipped, fracture_suspected=False), [AT], []) == [Ask.REVIEW]


def test_a_ct_head_dated_before_the_fall_is_not_counted_done_nor_requested():
    """The admission's CT of the day before, its time taken from the notes: it silenced the 8 hours'
    CT of an anticoagulated head injury and every neuro set's CT within 1 hour."""
    examined = _fall(head_injury="yes", anticoagulated=True, reviewed_at=AT + timedelta(minutes=30))
    day_before = AT - timedelta(hours=20)
    for answer in ("done", "requested"):
        early = replace(examined, ct_head=answer, ct_head_at=day_before)
        assert early.ct_done_at is None and early.ct_requested_at is None and Ask.CT in asks(early, [AT], [AT])
        assert said(Ask.CT, early, "en") == {  # a time before the fall said, to be checked
            "done": "CT HEAD RECORDED DONE 27/11 17:20, BEFORE THE FALL: check its time; due by 28/11 21:20 (8 hours "
                    "after the fall, on an anticoagulant)",
            "requested": "CT HEAD NOT RECORDED DONE: due by 28/11 21:20 (8 hours after the fall, on an "
                         "anticoagulant)"}[answer]
    done = replace(examined, ct_head="done", ct_head_at=AT + timedelta(hours=1))
    assert done.ct_done_at == AT + timedelta(hours=1) and Ask.CT not in asks(done, [AT], [AT])


def test_a_ct_head_dated_before_the_fall_leaves_a_later_set_asking_its_ct(session_for, patient, clock):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    records.amend(nurse, fall.record_id, {**FELL, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:40+01:00",
                                          "ct_head": "done", "ct_head_at": "2026-11-27T06:00+01:00",
                                          "ct_head_result": "no bleed"}, "Examined; CT")
    records.save_new(nurse, "neuro_observations", {**NEURO_SET, "taken_at": "2026-11-28T13:50+01:00", "eyes": "3",
                                                   "verbal": "3", "motor": "5"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    line = falls.handover(nurse.db, inside, nurse.clock(), "en")[patient]
    assert "CT HEAD RECORDED DONE 27/11 06:00, BEFORE THE FALL: check its time; due by 28/11 21:20" in line
    assert "CT head done" not in line and "CT head recorded done" not in line  # said once, by the ask
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (found on the floor, head injury not excluded, on an anticoagulant); examined by Dr Benali "
        "28/11 13:40; CT head recorded done 27/11 06:00, before the fall: check its time (no bleed); CT head not "
        "done; no observations after the fall"]
    [flag] = [flag for flag in neuro.chart(nurse.db, patient)[-1].flags if flag.alarm is Alarm.CT_NOW]
    assert flag.text("en").startswith("GCS 11 after a fall")


def test_a_fall_of_the_stay_before_says_nothing_of_this_one(session_for, patient, admission_values, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.read(nurse.db, inside) == {} and falls.handover(nurse.db, inside, nurse.clock(), "en") == {}
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []
    assert not prefill.first_answers(nurse, nurse.form("discharge"), patient).get("falls")


def _order(doctor, patient, drug, start_at, **more):
    return records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00 20:00",
        "start_at": start_at, "controlled": False, "high_alert": True, **more}, patient_id=patient)


def test_an_anticoagulant_on_the_medication_chart_at_the_fall_counts_though_the_box_says_no(session_for, patient):
    """NICE NG232: a possible head injury on an anticoagulant is a CT scan within 8 hours, whatever
    the nurse ticked on the fall; the chart names the drug so the nurse sees why it is asked."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _order(doctor, patient, "Paracetamol", "2026-11-28T09:30+01:00")
    # Stopped 5 days and more before the fall: its effect is over (one stopped at 11:00 counts since: see
    # test_an_anticoagulant_stopped_shortly_before_the_fall_still_counts).
    _order(doctor, patient, "Warfarin", "2026-11-20T09:30+01:00", stop_at="2026-11-23T11:00+01:00")
    _order(doctor, patient, "Rivaroxaban", "2026-11-28T13:40+01:00")  # started after the fall
    records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert "ANTICOAGULANT" not in falls.handover(nurse.db, inside, nurse.clock(), "en")[patient]
    _order(doctor, patient, "Eliquis 5 mg", "2026-11-28T09:30+01:00")
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.latest == "Fell 28/11 13:20 (found on the floor)"  # its ask says the drug (test_handover_said_once)
    assert alert.said[0] == ("ON AN ANTICOAGULANT (Eliquis 5 mg on the medication chart) WITH A POSSIBLE HEAD "
                             "INJURY: tell the doctor now (CT head within 8 hours: by 28/11 21:20)")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].startswith(
        "Chute le 28/11 13:20 (trouvé au sol) ; SOUS ANTICOAGULANT (Eliquis 5 mg sur le plan d’administration) AVEC "
        "UN TRAUMATISME CRÂNIEN POSSIBLE : prévenir le médecin maintenant (scanner cérébral dans les 8 heures : avant "
        "le 28/11 21:20)")


def test_a_new_fall_starts_on_anticoagulant_treatment_when_the_chart_has_one_in_force(session_for, patient, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _order(doctor, patient, "Enoxaparin", "2026-11-28T09:30+01:00", stop_at="2026-11-28T16:00+01:00",
           dose=40.0, dose_unit="mg", route="SC", times="10:00")
    assert falls.first_answers(nurse.db, patient, nurse.clock()) == {"anticoagulated": True}
    clock.advance(hours=3)  # stopped at 16:00: an enoxaparin anticoagulates for a day after
    assert falls.first_answers(nurse.db, patient, nurse.clock()) == {"anticoagulated": True}
    clock.advance(hours=24)
    assert falls.first_answers(nurse.db, patient, nurse.clock()) == {}


def test_the_chart_s_anticoagulant_asks_as_the_box_does():
    from downtime.domain.medication import Anticoagulated

    charted = _fall(head_injury="yes", anticoagulants=(Anticoagulated(drug="Apixaban"),))
    assert asks(charted, [], []) == [Ask.ANTICOAGULANT, Ask.NEURO, Ask.OBSERVATIONS]
    assert said(Ask.ANTICOAGULANT, replace(charted, anticoagulants=(
        Anticoagulated(drug="Apixaban"), Anticoagulated(drug="Enoxaparin"))), "en").startswith(
        "ON AN ANTICOAGULANT (Apixaban and Enoxaparin on the medication chart)")
    assert said(Ask.ANTICOAGULANT, _fall(anticoagulated=True), "fr") == ASKS[Ask.ANTICOAGULANT]["fr"].format(
        ct="scanner cérébral dans les 8 heures : avant le 28/11 21:20", injury="UN TRAUMATISME CRÂNIEN POSSIBLE")


def test_the_handover_says_a_fall_s_times_on_the_ward_s_clock(session_for, patient):
    """A fall typed on a laptop whose clock was at UTC, merged here, said an hour off."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-28T12:20+00:00", "reviewed_by": "Dr Benali",
                                               "reviewed_at": "2026-11-28T12:50+00:00"}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20 (found on the floor, on an anticoagulant); examined by Dr Benali 28/11 13:50; "
        "HEAD INJURY NOT EXCLUDED")  # the anticoagulant no longer asked once examined: said with the fall
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")[0].startswith("Fell 28/11 13:20")


def test_a_new_fall_s_form_starts_on_anticoagulant_treatment_from_the_chart(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    assert "anticoagulated" not in prefill.first_answers(nurse, nurse.form("inpatient_fall"), patient)
    _order(doctor, patient, "Apixaban", "2026-11-28T09:30+01:00")
    assert prefill.first_answers(nurse, nurse.form("inpatient_fall"), patient)["anticoagulated"] is True


def test_an_anticoagulant_stopped_shortly_before_the_fall_still_counts(session_for, patient):
    """INR 4.2 at 11:00: the warfarin, its 10:00 dose given, is stopped (held); at 13:20 she is found
    on the floor. Warfarin works for days: the fall asked no CT head, the chart saying "stopped".
    (The existing test above counted only orders running at the fall: changed with it.)"""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _order(doctor, patient, "Warfarin", "2026-11-28T09:30+01:00", stop_at="2026-11-28T11:00+01:00", times="10:00")
    _order(doctor, patient, "Apixaban", "2026-11-20T09:30+01:00",
           stop_at="2026-11-26T12:00+01:00")  # 49 hours: past apixaban's 48, whatever the clearance
    assert falls.first_answers(nurse.db, patient, nurse.clock()) == {"anticoagulated": True}
    records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20 (found on the floor); ON AN ANTICOAGULANT (Warfarin until 28/11 11:00 on the medication "
        "chart) WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head within 8 hours: by 28/11 21:20)")
    assert "SOUS ANTICOAGULANT (Warfarin jusqu’au 28/11 11:00 sur le plan d’administration)" in falls.handover(
        nurse.db, inside, nurse.clock(), "fr")[patient]


@pytest.mark.parametrize(("drug", "clearance", "lasting"), [
    ("Warfarin", None, timedelta(days=5)), ("Fluindione", 90.0, timedelta(days=5)),
    ("Eliquis", 60.0, timedelta(hours=48)), ("Eliquis", 20.0, timedelta(hours=48)),
    ("Eliquis", None, timedelta(hours=48)),
    ("Xarelto", 30.0, timedelta(hours=48)), ("Dabigatran", 80.0, timedelta(hours=48)),
    ("Pradaxa", 65.0, timedelta(hours=72)), ("Dabigatran", 35.0, timedelta(hours=96)),
    ("Dabigatran", None, timedelta(hours=96)), ("Enoxaparin", None, timedelta(hours=24)),
    ("Fondaparinux", 20.0, timedelta(hours=24))])
def test_each_anticoagulant_counts_for_as_long_as_it_works_after_it_is_stopped(drug, clearance, lasting):
    """A vitamin K antagonist for 5 days; a direct oral anticoagulant by the creatinine clearance
    (EHRA 2021): dabigatran 48 hours from 80 mL/min, 72 from 50, 96 below, the longest when the
    clearance is not known (dabigatran stopped 72 hours before theatre at a clearance of 35 was "no
    anticoagulant": review R8 #7); apixaban, rivaroxaban and edoxaban 48 hours at any clearance, as
    the source says (72 below 30 mL/min cited it wrongly: review S8); a
    heparin or fondaparinux a day; a once-only dose from its time; the theatre list keeps orders
    running."""
    from downtime.domain.medication import (Anticoagulated, Frequency, Order, anticoagulated_at,
                                            running_anticoagulants)

    stopped = AT - lasting
    order = Order(record_id="o", patient_id="p", drug=drug, dose=5.0, dose_unit="mg", route="PO",
                  frequency=Frequency.SCHEDULED, times=(), start_at=stopped - timedelta(days=10), stop_at=stopped)
    minute = timedelta(minutes=1)
    assert anticoagulated_at([order], AT + minute, clearance) == ()
    assert anticoagulated_at([order], AT - minute, clearance) == (Anticoagulated(drug=drug, until=stopped),)
    assert running_anticoagulants([order], AT - minute) == ()
    once = order.model_copy(update={"frequency": Frequency.ONCE, "start_at": stopped, "stop_at": None})
    assert [one.drug for one in anticoagulated_at([once], AT - minute, clearance)] == [drug]
    assert anticoagulated_at([once], AT + minute, clearance) == ()
    assert anticoagulated_at([order.model_copy(update={"start_at": AT})], AT - minute, clearance) == ()  # not begun


def test_the_export_says_anticoagulated_as_the_app_counts_with_the_ct_and_the_incident_reference(
        session_for, patient, exported_resource):
    """Apixaban on the chart, the box left No: the app asks a CT head, the export said "On
    anticoagulant treatment: false" and the records office back-entered it so."""
    _order(session_for("doctor"), patient, "Apixaban", "2026-11-28T09:30+01:00")
    fall = records.save_new(session_for("nurse"), "inpatient_fall", {
        **FELL, "anticoagulated": False, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:40+01:00",
        "ct_head": "done", "ct_head_at": "2026-11-28T13:55+01:00", "ct_head_result": "No bleed",
        "incident_reported": True, "incident_reference": "DTX-2026-1142"}, patient_id=patient)
    found = exported_resource(fall.record_id, Observation)
    parts = {part.code.text: part for part in found.component}
    assert parts["On anticoagulant treatment"].valueBoolean is True
    assert "Apixaban on the medication chart at the fall (box answered No)" in [note.text for note in found.note]
    assert (parts["CT head"].valueCodeableConcept.text, parts["CT head result"].valueString,
            parts["CT head requested, or done, at"].valueDateTime) == (
        "Done", "No bleed", datetime.fromisoformat("2026-11-28T13:55+01:00"))
    assert parts["Incident report reference (e.g. Datix number)"].valueString == "DTX-2026-1142"


def test_the_csv_says_the_charts_anticoagulant_beside_the_box_left_no(session_for, patient, tmp_path):
    """The records office types the fall from the CSV too: it had the box's "No" alone, for a
    patient on apixaban."""
    _order(session_for("doctor"), patient, "Apixaban", "2026-11-28T09:30+01:00")
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False}, patient_id=patient)
    records.amend(nurse, fall.record_id, {**FELL, "anticoagulated": False, "notes": "Seen by Dr Benali"}, "seen")
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / "csv" / "inpatient_fall.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert [(line["version"], line["anticoagulated"], line["anticoagulants_on_chart"]) for line in lines] == [
        ("1", "no", "Apixaban"), ("2", "no", "Apixaban")]
    with (folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert "anticoagulants_on_chart" not in next(csv.reader(handle))


def test_the_handover_says_the_family_not_told_and_the_incident_not_reported_until_they_are(session_for, patient):
    nurse = session_for("nurse")
    done = {**FELL, "head_injury": "no", "witnessed": "witnessed", "anticoagulated": False,
            "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:40+01:00"}
    fall = records.save_new(nurse, "inpatient_fall", {**done, "family_told": False}, patient_id=patient)
    records.save_new(nurse, "observations", NEWS2_SET, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient] == (
        "Fell 28/11 13:20; examined by Dr Benali 28/11 13:40; family not told yet; incident not reported yet")
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []  # no list
    records.amend(nurse, fall.record_id, {**done, "family_told": True, "incident_reported": True,
                                          "incident_reference": "DTX-1"}, "Daughter told, incident reported")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient] == (
        "Chute le 28/11 13:20 ; examiné par Dr Benali le 28/11 13:40")


def test_a_fall_of_version_2_is_read_printed_and_exported_as_before(session_for, patient, tmp_path,
                                                                     exported_resource):
    """Recorded before the CT head and the incident reference were asked: its CT head is asked (it
    was on an anticoagulant) until it is amended, and it prints and exports as it was."""
    nurse = session_for("nurse")
    assert nurse.form("inpatient_fall").version == 5
    fall = records.save_new(nurse, "inpatient_fall", {**FELL, "reviewed_by": "Dr Benali",
                                                      "reviewed_at": "2026-11-28T13:40+01:00"}, patient_id=patient)
    known = falls.read(nurse.db, [census.patient_with_location(nurse.db, nurse.forms, patient)])[patient]
    assert Ask.CT in known.asks(known.falls[0])
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_record(nurse, fall.record_id, tmp_path / "fall.pdf")).pages)
    assert "Bruise over the left eyebrow" in text
    found = exported_resource(fall.record_id, Observation)
    assert "CT head" not in [part.code.text for part in found.component]


def test_a_once_only_anticoagulant_counts_from_its_dose_and_a_drug_running_wins_over_its_stopped_order():
    """A once-only enoxaparin due at 18:00 made a fall at 13:20 "on an anticoagulant" (a CT head
    within 8 hours, and the export "On anticoagulant treatment"), the dose perhaps never given.
    Orders are rewritten daily: yesterday's apixaban stopped at 08:00 as today's began said the fall
    "on Apixaban until 28/11 08:00", as if stopped."""
    from downtime.domain.medication import Anticoagulated, Frequency, Order, anticoagulated_at

    hour = timedelta(hours=1)
    once = Order(record_id="once", patient_id="p", drug="Enoxaparin", dose=40.0, dose_unit="mg", route="SC",
                 frequency=Frequency.ONCE, times=(), start_at=AT + 5 * hour)
    assert anticoagulated_at([once], AT) == ()
    assert anticoagulated_at([once], AT + 6 * hour) == (Anticoagulated(drug="Enoxaparin"),)
    yesterday = once.model_copy(update={"record_id": "yesterday", "drug": "Apixaban", "frequency": Frequency.SCHEDULED,
                                        "start_at": AT - 29 * hour, "stop_at": AT - 5 * hour})
    today = yesterday.model_copy(update={"record_id": "today", "start_at": AT - 5 * hour, "stop_at": None})
    assert anticoagulated_at([yesterday, today], AT) == (Anticoagulated(drug="Apixaban"),)
    earlier = yesterday.model_copy(update={"stop_at": AT - 7 * hour})
    assert anticoagulated_at([earlier, yesterday], AT) == (Anticoagulated(drug="Apixaban", until=AT - 5 * hour),)


def test_a_fall_says_a_drug_rewritten_today_running(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _order(doctor, patient, "Apixaban", "2026-11-27T08:00+01:00", stop_at="2026-11-28T08:00+01:00")
    _order(doctor, patient, "Apixaban", "2026-11-28T08:00+01:00")
    _order(doctor, patient, "Enoxaparin", "2026-11-28T18:00+01:00", dose=40.0, route="SC", frequency="once",
           times=None)
    records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20 (found on the floor); ON AN ANTICOAGULANT (Apixaban on the medication chart) WITH A "
        "POSSIBLE HEAD INJURY")


def test_the_ct_head_s_8_hours_are_said_with_their_deadline_and_said_passed_before_any_doctor_came(session_for,
                                                                                                  patient, clock):
    """Fall at 13:20 on an anticoagulant, no doctor recorded: at 22:00 the handover said "tell the
    doctor now (CT head within 8 hours)", the same words as at 13:25; the deadline was said only once
    a doctor had examined the patient."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    known = falls.read(nurse.db, inside)[patient]
    assert known.coming(nurse.clock()) == datetime.fromisoformat("2026-11-28T21:20+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    line = falls.handover(nurse.db, inside, nurse.clock(), "en")[patient]
    assert ("ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT HEAD DUE BY 28/11 21:20, 8 "
            "hours after the fall — PASSED)") in line
    assert ("prévenir le médecin maintenant (SCANNER CÉRÉBRAL À FAIRE AVANT LE 28/11 21:20, 8 heures après la chute "
            "— DÉPASSÉ)") in falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient]
    assert known.coming(nurse.clock()) is None
    examined = replace(known.falls[0].fall, reviewed_at=AT + timedelta(minutes=30))
    assert said(Ask.CT, examined, "en", None, nurse.clock()) == (
        "CT HEAD NOT RECORDED DONE: due by 28/11 21:20 — PASSED (8 hours after the fall, on an anticoagulant)")


def test_a_fall_not_to_be_moved_or_needing_neuro_obs_or_a_doctor_for_its_anticoagulant_is_urgent(session_for,
                                                                                                 patient):
    """Ranked on its words, "do not get the patient up" and "start neuro obs now" went to the bed's
    place on the escalation list, below a routine cannula check."""
    from downtime.domain.falls import URGENT

    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False, "fracture_signs": "suspected"},
                     patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {**FELL, "fell_at": "2026-11-28T13:25+01:00", "witnessed": "witnessed",
                                               "head_injury": "no", "anticoagulated": False,
                                               "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    known = falls.read(nurse.db, inside)[patient]
    assert [known.urgent(one) for one in known.falls] == [True, False]  # the second asks observations alone
    assert not URGENT & {Ask.OBSERVATIONS, Ask.REVIEW, Ask.CT}


def test_nice_s_other_signs_ask_a_ct_head_within_1_hour_and_loss_of_consciousness_at_65_within_8():
    """NICE NG232: more than one vomit, a seizure or signs of a skull fracture ask a CT head within 1
    hour; at 65 or over, a loss of consciousness or amnesia within 8 hours. The fall could record
    none of them, and asked only the anticoagulant's CT."""
    from datetime import date

    from downtime.domain.falls import URGENT

    head = _fall(head_injury="yes", born=date(1954, 3, 12))
    signs = replace(head, ct_signs=("seizure", "vomited"))
    assert asks(signs, [AT], [AT]) == [Ask.CT_SIGNS]
    assert said(Ask.CT_SIGNS, signs, "en") == ("VOMITED MORE THAN ONCE, SEIZURE AFTER A HEAD INJURY: tell the doctor "
                                               "now (CT head within 1 hour: by 28/11 14:20, NICE)")
    assert said(Ask.CT_SIGNS, signs, "fr", None, AT + timedelta(hours=1)) == (
        "PLUS D’UN VOMISSEMENT, CRISE CONVULSIVE APRÈS UN TRAUMATISME CRÂNIEN : prévenir le médecin "
        "maintenant (SCANNER CÉRÉBRAL À FAIRE AVANT LE 28/11 14:20, 1 heure après la chute — DÉPASSÉ, NICE)")
    examined = replace(signs, reviewed_at=AT + timedelta(minutes=20))
    assert asks(examined, [AT], [AT]) == [Ask.CT]
    assert said(Ask.CT, examined, "en") == (
        "CT HEAD NOT RECORDED DONE: due by 28/11 14:20 (1 hour after the fall: vomited more than once, seizure)")
    aged = replace(head, lost_consciousness="yes")
    assert asks(aged, [AT], [AT]) == [Ask.CT_AGED]
    assert said(Ask.CT_AGED, aged, "en") == ("LOSS OF CONSCIOUSNESS OR AMNESIA AT 65 OR OVER WITH A HEAD INJURY: tell "
                                             "the doctor now (CT head within 8 hours: by 28/11 21:20, NICE)")
    assert asks(replace(aged, reviewed_at=AT), [AT], [AT]) == [Ask.CT]
    assert asks(replace(aged, born=date(1962, 1, 1)), [AT], [AT]) == [Ask.REVIEW]  # 64
    assert asks(replace(aged, lost_consciousness="not_known"), [AT], [AT]) == [Ask.REVIEW]
    assert asks(replace(aged, anticoagulated=True), [AT], [AT]) == [Ask.ANTICOAGULANT]  # it says the 8 hours
    assert asks(replace(signs, head_injury="no"), [AT], [AT]) == [Ask.REVIEW]
    assert URGENT >= {Ask.CT_SIGNS, Ask.CT_AGED}


def test_a_fall_of_version_4_records_nice_s_signs_and_the_patient_s_age_asks_its_ct(session_for, patient,
                                                                                     exported_resource):
    """The patient of the fixtures was born in 1954: 72 at the fall."""
    nurse = session_for("nurse")
    assert nurse.form("inpatient_fall").version == 5
    fall = records.save_new(nurse, "inpatient_fall", {
        **FELL, "anticoagulated": False, "lost_consciousness": "yes", "ct_signs": ["skull_fracture"],
        "weak_before": True, "weak_limbs": ["arm_left"]}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20 (found on the floor, loss of consciousness or amnesia, weakness of the left arm known "
        "before); "
        "SIGNS OF A SKULL FRACTURE AFTER A POSSIBLE HEAD INJURY: tell the doctor now (CT head within 1 hour: by "
        "28/11 14:20, NICE); HEAD INJURY NOT EXCLUDED")  # the 1 hour's CT says the 8 hours' too
    found = exported_resource(fall.record_id, Observation)
    parts = {part.code.text: part.valueCodeableConcept.text if part.valueCodeableConcept else part.valueBoolean
             for part in found.component}
    assert parts["Loss of consciousness or amnesia since the fall"] == "Yes"
    assert parts["Skull fracture signs"] is True and parts["Limb weakness known before the fall"] is True
    assert parts["Limb weak before the fall"] == "left arm"


def test_a_neuro_set_refused_after_a_head_injury_leaves_start_neuro_obs_asked_and_said_on_the_letter(
        session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FELL, "anticoagulated": False}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {"taken_at": "2026-11-28T13:35+01:00", "not_done": "refused",
                                                   "next_set_in": "30"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    known = falls.read(nurse.db, census.in_patients(nurse.db, nurse.forms, None, nurse.clock()))[patient]
    assert known.asks(known.falls[0]) == [Ask.NEURO, Ask.OBSERVATIONS, Ask.REVIEW]
    assert falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (found on the floor, head injury not excluded); not examined by a doctor in hospital; no "
        "neurological observations; no observations after the fall"]


@pytest.mark.parametrize("ct", [{"ct_head": "done", "ct_head_at": "2026-11-28T14:00+01:00",
                                 "ct_head_result": "no bleed"}, {"ct_head": "not_needed"}])
def test_a_ct_head_answered_before_the_examination_is_recorded_asks_the_examination_alone(
        session_for, patient, clock, ct):
    """The CT done at 14:00 (or the doctor saying none is needed), the examination not yet typed on
    the fall: the letter said "CT head done" and "CT head not done", the list the CT "PASSED"."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FELL, "ct_signs": ["vomited"], **ct}, patient_id=patient)
    records.save_new(nurse, "observations", NEWS2_SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", NEURO_SET, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    known = falls.read(nurse.db, census.in_patients(nurse.db, nurse.forms, None, nurse.clock()))[patient]
    assert known.asking(known.falls[0], "en", at=nurse.clock()) == [ASKS[Ask.REVIEW]["en"]]
    assert not known.urgent(known.falls[0])
    [letter] = falls.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")
    assert letter.endswith("; not examined by a doctor in hospital") and "CT head not done" not in letter


def test_a_child_who_vomited_is_observed_as_nice_says_for_children_not_asked_the_adult_s_ct_within_1_hour(
        session_for, admit_to_paediatrics, clock):
    """A 6-year-old bumps the head and vomits (NICE NG232 1.4.11: 3 times or more is one risk factor,
    observed 4 hours; with another, a CT head within 1 hour): asked the adult's CT within 1 hour."""
    nurse = session_for("nurse")
    child = admit_to_paediatrics("3", "2020-05-01", 20.0, "Léa")
    records.save_new(nurse, "inpatient_fall", {**FELL, "witnessed": "witnessed", "head_injury": "yes",
                                               "anticoagulated": False, "ct_signs": ["vomited"]}, patient_id=child)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    known = falls.read(nurse.db, census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock()))[child]
    assert known.asking(known.falls[0], "en", at=nurse.clock()) == [
        "VOMITED 3 TIMES OR MORE AFTER A HEAD INJURY (UNDER 16): tell the doctor now (NICE, child: observe "
        "for 4 hours at least; CT head within 1 hour with another risk factor, or if the vomiting recurs, the GCS "
        "falls below 15 or drowsiness recurs)", HEAD_INJURY_NEURO["en"], ASKS[Ask.OBSERVATIONS]["en"]]
    assert known.urgent(known.falls[0])
    assert falls.handed_on(nurse.db, nurse.forms, child, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (head injury, vomited 3 times or more); not examined by a doctor in hospital; no "
        "neurological observations; no observations after the fall"]
    child_fall = known.falls[0].fall
    assert asks(replace(child_fall, lost_consciousness="yes"), [], [])[0] is Ask.CT_SIGNS
    assert said(Ask.CT_SIGNS, replace(child_fall, ct_signs=("vomited", "seizure")), "en").startswith(
        "VOMITED 3 TIMES OR MORE, SEIZURE AFTER A HEAD INJURY: tell the doctor now (CT head within 1 hour")
    assert asks(replace(child_fall, born=None), [], [])[0] is Ask.CT_SIGNS  # an adult's rule when the age is unknown


def test_a_child_who_lost_consciousness_alone_is_asked_of_a_doctor_now_and_observed_4_hours(
        session_for, admit_to_paediatrics, clock):
    """A 6-year-old knocked out for a moment, no vomiting (NICE NG232 1.4.11: one risk factor, a
    doctor observes 4 hours): the fall asked nothing of a doctor now, only the routine review."""
    nurse = session_for("nurse")
    child = admit_to_paediatrics("3", "2020-05-01", 20.0, "Léa")
    records.save_new(nurse, "inpatient_fall", {**FELL, "witnessed": "witnessed", "head_injury": "yes",
                                               "anticoagulated": False, "lost_consciousness": "yes"},
                     patient_id=child)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    known = falls.read(nurse.db, census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock()))[child]
    first = known.asking(known.falls[0], "fr", at=nurse.clock())[0]
    assert first.startswith("PERTE DE CONNAISSANCE OU AMNÉSIE APRÈS UN TRAUMATISME CRÂNIEN (MOINS DE 16 ANS) : "
                            "prévenir le médecin maintenant") and "ou si l’enfant vomit" in first
    assert known.urgent(known.falls[0])
    assert falls.handed_on(nurse.db, nurse.forms, child, nurse.clock(), "en") == [
        "Fell 28/11 13:20 (head injury, loss of consciousness or amnesia); not examined by a doctor in hospital; no "
        "neurological observations; no observations after the fall"]
    child_fall = known.falls[0].fall
    assert asks(replace(child_fall, ct_signs=("vomited",)), [], [])[0] is Ask.CT_SIGNS  # two factors: the CT
    assert Ask.CHILD_ONE_FACTOR not in asks(replace(child_fall, born=date(1980, 5, 1)), [], [])
