"""A patient missing from the ward (forms/missing_patient.yaml, domain and services.missing_patient,
sync/fhir_missing.py): the risk HIGH whenever a factor is ticked, the ward's line and the
escalation list until the police are told and the patient is back and reviewed, the time-critical
doses missed while away said on the return line, the return checked against last seen and the
stay, the Flag the EHR is sent. The tests' clock is 14:00 on 28/11 (Paris)."""

import json

import pytest
from fhir.resources.R4B.flag import Flag
from fhir.resources.R4B.observation import Observation

from downtime.domain.missing_patient import Risk, missing_of
from downtime.services import census, chart_alerts, missing_patient, records
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

FORM = missing_patient.FORM
CONFUSED = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
            "last_seen_where": "day  room", "description": "Tall, grey hair, blue dressing gown, slippers",
            "how": "wandered", "risk_factors": ["lacks_capacity"], "risk": "high",
            "searched_at": "2026-11-28T13:40+01:00"}
JUDGED = {**CONFUSED, "risk_factors": [], "risk": "medium", "how": "absconded"}


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang,
                                                   ward="3B").alerts if alert.form_id == FORM]


@pytest.mark.parametrize("lang, words", [("en", "a factor making the risk HIGH is ticked"),
                                         ("fr", "un élément rendant le risque ÉLEVÉ est coché")])
def test_a_factor_ticked_with_medium_risk_is_refused_naming_the_risk(session_for, patient, lang, words):
    nurse = session_for("nurse", lang)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**CONFUSED, "risk": "medium"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["risk"]
    assert words in str(refused.value)


def test_high_whatever_the_answer_read_by_the_rules():
    assert missing_of({**CONFUSED, "risk": "low"}).risk is Risk.HIGH
    assert missing_of(JUDGED).risk is Risk.MEDIUM


def test_high_risk_missing_heads_the_escalation_list_until_back_and_reviewed(session_for, patient, clock):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, CONFUSED, patient_id=patient)
    (alert,) = _alerts(nurse)
    assert alert.latest == "MISSING since 13:20 (last seen: day room) — HIGH RISK: police NOT told yet"
    assert alert.urgent and alert.first and alert.said == [
        "tell the police now (due 13:40)", "tell security or the site manager", "tell the doctor",
        "tell the next of kin", "record each dose due as “A — Patient away from ward”"]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: alert.latest}
    told = records.amend(nurse, saved.record_id, {**CONFUSED, "police_told_at": "2026-11-28T13:45+01:00",
                                                  "police_reference": "PR-1234"}, "Police told")
    (alert,) = _alerts(nurse)
    assert alert.latest.endswith("HIGH RISK: police told 13:45") and not alert.urgent
    back = {**told.data, "returned_at": "2026-11-28T13:55+01:00", "returned_where": "car park",
            "returned_condition": "cold, no injury"}
    records.amend(nurse, saved.record_id, back, "Found")
    (alert,) = _alerts(nurse)
    stand_down = "tell the police the patient is found (their search is stood down)"
    assert (alert.latest, alert.said) == ("missing from the ward 13:20, returned 13:55",
                                          ["doctor to review", stand_down])
    assert missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: f"missing from the ward 13:20, returned 13:55: doctor to review; {stand_down}"}
    assert missing_patient.missing_now(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}
    records.amend(session_for("doctor"), saved.record_id,
                  {**back, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:58+01:00",
                   "police_told_found_at": "2026-11-28T13:59+01:00"}, "Reviewed")
    assert _alerts(nurse) == [] and inside


def test_medium_risk_police_after_the_failed_search(session_for, patient, clock):
    """The French is the same for a man or a woman: "DISPARU depuis 13:20 … s’il n’est pas
    retrouvé" was said of this patient, Mme Martin."""
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    (alert,) = _alerts(nurse)
    assert alert.latest == ("DISPARU(E) depuis 13:20 (vu(e) en dernier : day room) — risque moyen : "
                            "police à prévenir à 14:30 si non retrouvé(e)")
    assert not alert.urgent and not alert.first
    assert "noter chaque dose due « A — Patient absent »" in alert.said
    clock.advance(minutes=31)
    (alert,) = _alerts(nurse)
    assert alert.latest.endswith("police PAS ENCORE prévenue") and alert.urgent
    assert missing_patient.missing_now(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "record each dose due as “A — Patient away from ward”")


@pytest.mark.parametrize("lang, label", [("en", "Found or returned at"), ("fr", "Retrouvé ou revenu à")])
def test_a_return_before_last_seen_is_refused_naming_the_field(session_for, patient, lang, label):
    nurse = session_for("nurse", lang)
    saved = records.save_new(nurse, FORM, CONFUSED, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**CONFUSED, "returned_at": "2026-11-28T13:10+01:00"}, "Found")
    assert [error.path for error in refused.value.errors] == ["returned_at"]
    assert label in str(refused.value)


def test_a_date_slip_to_before_the_stay_is_refused_at_noticed_missing(session_for, patient):
    """Noticed missing typed 08:10 for 13:30 (the patient came in at 09:00): refused there, so no
    action or return, none before it, can fall before the stay."""
    with pytest.raises(ServiceError) as refused:
        records.save_new(session_for("nurse"), FORM, {**CONFUSED, "last_seen_at": "2026-11-28T08:00+01:00",
                                                      "noticed_at": "2026-11-28T08:10+01:00"}, patient_id=patient)
    assert "Noticed missing at: this patient is not in hospital at that time" in str(refused.value)


def test_a_time_critical_dose_missed_while_missing_is_said_on_the_return_line(session_for, medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", {
        "drug": "Co-careldopa", "dose": 125.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "12:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": False,
        "time_critical": True}, patient_id=patient)
    away = {**JUDGED, "last_seen_at": "2026-11-28T11:30+01:00", "noticed_at": "2026-11-28T11:45+01:00",
            "searched_at": "2026-11-28T12:00+01:00", "police_told_at": "2026-11-28T12:45+01:00"}
    saved = records.save_new(nurse, FORM, away, patient_id=patient)
    records.amend(nurse, saved.record_id, {**away, "returned_at": "2026-11-28T13:40+01:00"}, "Came back")
    line = missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert line == ("missing from the ward 11:30, returned 13:40: doctor to review; tell the police the patient is "
                    "found (their search is stood down); time-critical dose missed while missing: Co-careldopa 125 mg "
                    "PO 12:00")


def _bundle(session_for, folder):
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return bundle


def _of(bundle, kind):
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_ehr_is_sent_a_flag_active_while_missing_inactive_once_back(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**CONFUSED, "police_told_at": "2026-11-28T13:45+01:00"},
                             patient_id=patient)
    (flag,) = [Flag.model_validate(one) for one in _of(_bundle(session_for, tmp_path / "missing"), "Flag")]
    assert (flag.status, flag.code.text, flag.category[0].coding[0].code) == ("active", "Patient missing from ward",
                                                                             "safety")
    assert flag.period.start.isoformat() == "2026-11-28T13:20:00+01:00" and flag.period.end is None
    assert flag.author.display.startswith("Hélène Lefèvre")
    records.amend(nurse, saved.record_id, {**saved.data, "returned_at": "2026-11-28T13:55+01:00",
                                           "returned_where": "car park"}, "Found")
    bundle = _bundle(session_for, tmp_path / "back")
    (flag,) = [Flag.model_validate(one) for one in _of(bundle, "Flag")]
    assert flag.status == "inactive" and flag.period.end.isoformat() == "2026-11-28T13:55:00+01:00"
    (found,) = [Observation.model_validate(one) for one in _of(bundle, "Observation")
                if one["code"].get("text", "").startswith("Patient missing from ward")]
    said = {part.code.text: part for part in found.component}
    assert said["Risk (HIGH whenever a factor is ticked)"].valueCodeableConcept.text == "HIGH"
    assert said["Police told at"].valueDateTime.isoformat() == "2026-11-28T13:45:00+01:00"
    assert said["Lacks capacity, confused or delirious"].valueBoolean is True
    assert said["Found where"].valueString == "car park"
    records.mark_entered_in_error(nurse, saved.record_id, "Wrong patient")
    (flag,) = _of(_bundle(session_for, tmp_path / "error"), "Flag")
    assert flag["status"] == "entered-in-error"
    assert _alerts(nurse) == [] and missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(),
                                                               "en") == {}


def test_the_handover_sheet_the_filled_form_on_one_page_and_the_blank(session_for, patient, tmp_path):
    """The ward sheet (printing.print_census) says the patient missing; the record prints on one
    page with the risk, the actions and the description; the blank form prints its return."""
    from downtime.services import printing
    from tests.pdf_text import pdf_pages

    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, CONFUSED, patient_id=patient)
    sheet = " ".join(" ".join(pdf_pages(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))).split())
    assert "MISSING since 13:20 (last seen: day room) — HIGH RISK: police NOT told yet" in sheet
    (page,) = pdf_pages(printing.print_record(nurse, saved.record_id, tmp_path / "filled.pdf"))
    flat = " ".join(page.split())
    assert "Patient missing from the ward" in flat and "blue dressing gown" in flat and "HIGH" in flat
    blank = " ".join(" ".join(pdf_pages(printing.print_blank(nurse, FORM, tmp_path / "blank.pdf"))).split())
    assert "Found or returned at" in blank and "Police told at" in blank


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_blank_form_prints_on_one_page(session_for, lang, tmp_path):
    """The binder's blank, one sheet as the procedure was: the return on a second page under a
    fresh patient label was a page to lose."""
    from downtime.services import printing
    from tests.pdf_text import pdf_pages

    assert len(pdf_pages(printing.print_blank(session_for("nurse", lang), FORM, tmp_path / "blank.pdf"))) == 1


def test_the_records_clerk_reads_it_on_the_back_entry_worklist(session_for, patient):
    """The worklist's line says what the EHR is to be given: the times, the place, the risk, the police."""
    from downtime.services import back_entry

    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**CONFUSED, "police_told_at": "2026-11-28T13:45+01:00",
                                           "police_reference": "PR-1234"}, patient_id=patient)
    (item,) = [item for work in back_entry.worklist(session_for("records")) for item in work.items
               if item.record.record_id == saved.record_id]
    for said in ("Last seen at: 28/11/2026 13:20", "Last seen where: day", "Risk: HIGH",
                 "Lacks capacity, confused or delirious", "Police told at: 28/11/2026 13:45", "PR-1234"):
        assert said in item.label, (said, item.label)


@pytest.mark.parametrize("newest_first", [False, True])
def test_the_merged_sticks_keep_the_return_whatever_their_order(session_for, patient, tmp_path, clock, laptop,
                                                                 newest_first):
    """The 14:00 stick has the patient missing, the 14:15 one the return: merged either way and
    imported at the records office, its CSV has the return and its bundle sends the Flag closed."""
    import csv

    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge

    nurse, clerk = session_for("nurse"), session_for("records")
    saved = records.save_new(nurse, FORM, CONFUSED, patient_id=patient)
    missing = export(clerk, tmp_path / "stick-1").folder
    clock.advance(minutes=15)
    records.amend(nurse, saved.record_id, {**CONFUSED, "returned_at": "2026-11-28T14:10+01:00"}, "Found")
    back = export(clerk, tmp_path / "stick-2").folder
    merged = merge([back, missing] if newest_first else [missing, back], tmp_path / "merged").folder
    with (merged / "csv" / f"{FORM}.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [(line["version"], line["returned_at"][:16]) for line in csv.DictReader(handle)] == [
            ("1", ""), ("2", "2026-11-28T14:10")]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merged)
    (flag,) = [Flag.model_validate(one) for one in _of(_bundle(lambda _: office, tmp_path / "office"), "Flag")]
    assert flag.status == "inactive" and flag.period.end.isoformat() == "2026-11-28T14:10:00+01:00"


def test_high_risk_missing_comes_before_a_line_asking_a_doctor_now(session_for, patient):
    """A fall not to be moved asks a doctor now, and came first by the form's name: the police call
    for a confused patient gone from the ward comes before it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "witnessed",
                                               "fracture_signs": "suspected", "head_injury": "no",
                                               "anticoagulated": False}, patient_id=patient)
    records.save_new(nurse, FORM, CONFUSED, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert [alert.form_id for alert in found[:2]] == [FORM, "inpatient_fall"]


def test_a_patient_discharged_while_missing_is_recorded_found_and_the_flag_ends(session_for, patient, clock, tmp_path):
    """Discharged in absence at 14:45, found at home at 15:30: the return is recorded as it was
    (not refused as "outside the stay"), and the Flag the EHR is sent ends."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    clock.advance(minutes=60)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:45+01:00", "destination": "against_advice",
                                          "letter_given": False, "medicines_given": False, "doctor_told": True,
                                          "risks_explained": False}, patient_id=patient)
    (flag,) = [Flag.model_validate(one) for one in _of(_bundle(session_for, tmp_path / "gone"), "Flag")]
    assert flag.status == "inactive" and flag.period.end.isoformat() == "2026-11-28T14:45:00+01:00"
    clock.advance(minutes=60)
    records.amend(nurse, saved.record_id, {**JUDGED, "returned_at": "2026-11-28T15:30+01:00",
                                           "returned_where": "home"}, "Found at home")
    (flag,) = [Flag.model_validate(one) for one in _of(_bundle(session_for, tmp_path / "found"), "Flag")]
    assert flag.status == "inactive" and flag.period.end.isoformat() == "2026-11-28T15:30:00+01:00"


def test_the_next_export_after_a_discharge_in_absence_sends_the_flag_ended(session_for, patient, clock, tmp_path):
    """The export before the discharge sent the Flag active; the next one (`since_last`) carries
    it again, ended at the discharge: the discharge, not the missing record, is what changed."""
    nurse, clerk = session_for("nurse"), session_for("records")
    records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    export(clerk, tmp_path / "missing")
    clock.advance(minutes=60)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:45+01:00", "destination": "against_advice",
                                          "letter_given": False, "medicines_given": False, "doctor_told": True,
                                          "risks_explained": False}, patient_id=patient)
    found = export(clerk, tmp_path / "gone", since_last=True).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    assert [(flag["status"], flag["period"].get("end")) for flag in _of(bundle, "Flag")] == [
        ("inactive", "2026-11-28T14:45:00+01:00")]


def test_every_time_critical_dose_missed_while_missing_is_named_on_the_return_line(session_for, medication_ward,
                                                                                   clock):
    """Away 10:30 to 13:30, the levodopa of 11:00, 12:00 and 13:00 recorded "A — Patient away" as
    the round asks, the 14:00 one refused after the return: the doctor reads all three missed."""
    from downtime.services import medication

    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Co-careldopa", "dose": 125.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "11:00 12:00 13:00 14:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False,
        "high_alert": False, "time_critical": True}, patient_id=patient).record_id
    away = {**CONFUSED, "noticed_at": "2026-11-28T10:40+01:00", "last_seen_at": "2026-11-28T10:30+01:00",
            "searched_at": "2026-11-28T10:45+01:00", "police_told_at": "2026-11-28T10:55+01:00"}
    saved = records.save_new(nurse, FORM, away, patient_id=patient)
    for slot in ("11:00", "12:00", "13:00"):
        medication.record_dose(nurse, order, {"outcome": "not_given", "not_given_reason": "patient_away",
                                              "scheduled_for": f"2026-11-28T{slot}+01:00",
                                              "given_at": "2026-11-28T13:55+01:00"})
    records.amend(nurse, saved.record_id, {**away, "returned_at": "2026-11-28T13:30+01:00"}, "Came back")
    clock.advance(minutes=5)
    refused = {"outcome": "not_given", "not_given_reason": "refused", "scheduled_for": "2026-11-28T14:00+01:00",
               "given_at": "2026-11-28T14:05+01:00"}
    try:
        medication.record_dose(nurse, order, refused)
    except medication.OverrideNeeded as needed:
        medication.record_dose(nurse, order, refused, overrides={one.check: "offered twice" for one in needed.warnings})
    line = missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert line.endswith("time-critical dose missed while missing: Co-careldopa 125 mg PO 11:00, "
                         "Co-careldopa 125 mg PO 12:00, Co-careldopa 125 mg PO 13:00"), line


def test_the_list_asks_the_steps_not_yet_recorded_then_the_police_told_the_patient_is_found(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, {**JUDGED, "security_told_at": "2026-11-28T13:41+01:00"},
                             patient_id=patient)
    (alert,) = _alerts(nurse)
    assert alert.said == ["tell the doctor", "tell the next of kin",
                          "record each dose due as “A — Patient away from ward”"]
    told = {**saved.data, "doctor_told_at": "2026-11-28T13:42+01:00", "next_of_kin_told_at": "2026-11-28T13:43+01:00",
            "police_told_at": "2026-11-28T13:50+01:00"}
    records.amend(nurse, saved.record_id, told, "Told")
    (alert,) = _alerts(nurse)
    assert alert.said == ["still missing: keep in touch with the police",
                          "record each dose due as “A — Patient away from ward”"]
    back = {**told, "returned_at": "2026-11-28T13:55+01:00", "reviewed_by": "Dr Benali",
            "reviewed_at": "2026-11-28T13:58+01:00"}
    records.amend(session_for("doctor"), saved.record_id, back, "Found, reviewed")
    (alert,) = _alerts(nurse)
    assert alert.said == ["tell the police the patient is found (their search is stood down)"]
    records.amend(nurse, saved.record_id, {**back, "police_told_found_at": "2026-11-28T13:59+01:00"}, "Police told")
    assert _alerts(nurse) == []


@pytest.mark.parametrize("field", ["police_told_at", "returned_at"])
def test_an_action_or_the_return_before_the_patient_was_noticed_missing_is_refused(session_for, patient, field):
    """Noticed 13:30: the police told, or the patient back, at 13:25 is an hour slip (14:25)."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, JUDGED, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**JUDGED, field: "2026-11-28T13:25+01:00"}, "Slip")
    assert [error.path for error in refused.value.errors] == [field]
    assert "before the patient was noticed missing (28/11 13:30)" in str(refused.value)


def test_high_risk_comes_first_once_its_police_call_is_overdue(session_for, patient, clock):
    """13:35, noticed 13:30 and no search recorded: the police are due at 13:45; until then the
    line is not urgent and does not sort before a fall asking a doctor now."""
    nurse = session_for("nurse")
    clock.advance(minutes=-25)
    records.save_new(nurse, FORM, {**CONFUSED, "searched_at": None}, patient_id=patient)
    (alert,) = _alerts(nurse)
    assert not alert.first and not alert.urgent
    clock.advance(minutes=10)
    (alert,) = _alerts(nurse)
    assert alert.first and alert.urgent



def _back_after_a_dose_away(session_for, patient: str):
    """The 12:00 levodopa recorded "A — Patient away", the patient back at 13:40: the nurse."""
    from downtime.services import medication

    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Co-careldopa", "dose": 125.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "12:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": False,
        "time_critical": True}, patient_id=patient).record_id
    away = {**JUDGED, "last_seen_at": "2026-11-28T11:30+01:00", "noticed_at": "2026-11-28T11:45+01:00",
            "searched_at": "2026-11-28T12:00+01:00"}
    saved = records.save_new(nurse, FORM, away, patient_id=patient)
    medication.record_dose(nurse, order, {"outcome": "not_given", "not_given_reason": "patient_away",
                                          "scheduled_for": "2026-11-28T12:00+01:00",
                                          "given_at": "2026-11-28T12:05+01:00"})
    records.amend(nurse, saved.record_id, {**away, "returned_at": "2026-11-28T13:40+01:00"}, "Came back")
    return nurse


def test_a_time_critical_dose_missed_while_missing_is_said_once_by_the_return_line(session_for, medication_ward):
    """The return line names the dose for the doctor's review, and its own "TIME-CRITICAL DOSE NOT
    GIVEN … tell the doctor (another route or medicine)" is not said beside it: the doctor was
    asked twice of one dose, for another route of a patient back on the ward."""
    patient = medication_ward[0]
    nurse = _back_after_a_dose_away(session_for, patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    said = [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
        if "Co-careldopa" in " ".join([alert.latest, *alert.said])]
    assert said == [("missing from the ward 11:30, returned 13:40",
                     ["doctor to review", "time-critical dose missed while missing: Co-careldopa 125 mg PO 12:00"])]


def test_the_handover_says_the_dose_missed_while_missing_once(session_for, medication_ward):
    """The sheet as the list (`test_a_time_critical_dose_missed_while_missing_is_said_once_by_the_return_line`)."""
    from downtime.services import printing

    patient = medication_ward[0]
    nurse = _back_after_a_dose_away(session_for, patient)
    inside = list(census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()))
    said = [line for line in printing._charted(nurse, inside, nurse.clock(), {})[patient] if "Co-careldopa" in line]
    assert said == ["missing from the ward 11:30, returned 13:40: doctor to review; "
                    "time-critical dose missed while missing: Co-careldopa 125 mg PO 12:00"]
