"""A transfusion's safety around a reaction and at the bedside check: no further unit while a
reaction is told to no one, a set during a unit read for a reaction, no restart after a high
fever, the doctor told named with a time, the patient's special requirements across stays, the
use-by date read, a prescription written before its unit, and a second checker who is not the
nurse herself."""

import json
import uuid

import pytest
from pypdf import PdfReader

from downtime.services import chart_alerts, printing, records, transfusion
from downtime.services.census import in_patients
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_transfusion import END, OBS, ORDER, told_by
from tests.test_transfusion_bedside_rules import _paths, _refused, _unit


def _set(nurse, patient, at: str, **readings) -> None:
    records.save_new(nurse, "observations", {**OBS, "taken_at": at, **readings}, patient_id=patient)


def _stopped_for(nurse, patient, signs: list[str], **end) -> None:
    first = records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T12:30+01:00"),
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {
        "unit": first.record_id, "ended_at": "2026-11-28T13:00+01:00", "outcome": "stopped_reaction", "volume": 60,
        "signs": signs, **end}, patient_id=patient)


@pytest.mark.parametrize("end", [
    {"doctor_told": False, "blood_bank_told": False},
    {"doctor_told": False, "blood_bank_told": True},
    {"doctor_told": True, **told_by("2026-11-28T13:05+01:00"), "blood_bank_told": False}])
def test_no_further_unit_is_hung_while_a_reaction_is_told_to_no_one(session_for, patient, end):
    nurse = session_for("nurse")
    _stopped_for(nurse, patient, ["rigors", "low_bp"], **end)
    refused = _refused(nurse, _unit(2, started_at="2026-11-28T13:25+01:00"), patient)
    assert _paths(refused) == ["started_at"]
    assert ("unit G0001 26 000001 ended with a reaction on 28/11/2026 13:00 that the doctor or the blood bank is not "
            "yet told of: do not start another unit") in str(refused)


def test_a_further_unit_is_hung_once_the_reaction_is_told_and_one_from_paper_is_saved(session_for, patient):
    nurse = session_for("nurse")
    _stopped_for(nurse, patient, ["rigors"], doctor_told=False, blood_bank_told=False)
    # Typed afterwards from paper (the unit hung hours before): what happened is saved.
    records.save_new(nurse, "blood_transfusion", _unit(2, started_at="2026-11-28T12:50+01:00",
                                                       collected_at="2026-11-28T12:40+01:00"), patient_id=patient)
    [end] = [one.end for one in transfusion.chart(nurse.db, patient) if one.end is not None]
    records.amend(nurse, end.record_id, {**end.data, "doctor_told": True, **told_by("2026-11-28T13:05+01:00"),
                                         "blood_bank_told": True}, "told")
    records.save_new(nurse, "blood_transfusion", _unit(3, started_at="2026-11-28T13:30+01:00"), patient_id=patient)


@pytest.mark.parametrize(("readings", "said"), [
    ({"temperature": 39.4, "systolic_bp": 82, "pulse": 128},
     "POSSIBLE TRANSFUSION REACTION at 28/11 13:45 (temperature 39.4, up 2.5 °C, systolic 82, down 43, pulse 128, "
     "up 48): stop the unit, keep the line open, call the doctor"),
    ({"temperature": 38.4, "pulse": 105},
     "POSSIBLE TRANSFUSION REACTION at 28/11 13:45 (temperature 38.4, up 1.5 °C): stop the unit, keep the line open, "
     "call the doctor"),
    ({"systolic_bp": 95},
     "POSSIBLE TRANSFUSION REACTION at 28/11 13:45 (systolic 95, down 30): stop the unit, keep the line open, call "
     "the doctor")])
def test_a_set_during_a_unit_that_may_be_a_reaction_is_said_on_the_tab_the_handover_and_the_escalation_list(
        session_for, patient, readings, said):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T13:20+01:00")
    records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:30+01:00"), patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:45+01:00", **readings)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [said]
    assert said in transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    inside = in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    alerts = [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                          ward="3B").alerts if alert.form_id == transfusion.FORM]
    assert alerts == [[said]]
    assert "RÉACTION TRANSFUSIONNELLE POSSIBLE à 28/11 13:45" in unit.asks(nurse.clock(), "fr")[0]


def test_a_set_within_the_bands_asks_nothing_and_an_ended_unit_no_longer_asks_it(session_for, patient):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T13:20+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:30+01:00"),
                               patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:45+01:00", temperature=37.8, systolic_bp=100, pulse=105)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []
    _set(nurse, patient, "2026-11-28T13:50+01:00", temperature=38.0)
    [unit] = transfusion.chart(nurse.db, patient)
    assert [said.split(" (")[0] for said in unit.asks(nurse.clock(), "en")] == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:50"]
    ended = {**END, "unit": started.record_id, "ended_at": "2026-11-28T13:55+01:00", "outcome": "stopped_other",
             "reaction": False}
    # A mild fever read while it ran: "no reaction" says why (transfusion_end's notes).
    refused = _refused(nurse, ended, patient, "transfusion_end")
    assert _paths(refused) == ["reaction"] and "or say under Notes why it was none" in str(refused)
    records.save_new(nurse, "transfusion_end", {**ended, "notes": "Line tissued. 38.0 °C: her pneumonia, Dr Benali "
                                                                  "saw her, no reaction."}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert not any("POSSIBLE" in said for said in unit.asks(nurse.clock(), "en"))


def _alone(nurse, patient, at: str, **readings) -> None:
    """Readings taken at once without a full set (the breathing rate not yet counted)."""
    records.save_new(nurse, "observations", {"taken_at": at, "spo2_scale": "scale_1", "on_oxygen": False, **readings},
                     patient_id=patient)


def test_readings_taken_without_a_full_set_during_a_unit_are_read_against_their_latest_value_before_it(session_for,
                                                                                                      patient):
    """A temperature and a pulse taken alone 15 minutes in: a possible reaction, the temperature's
    rise from the one taken alone after the full set before the start; not the 15-minute set."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T13:10+01:00")  # 36.9 °C, pulse 80
    _alone(nurse, patient, "2026-11-28T13:20+01:00", temperature=37.2)
    records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:30+01:00"), patient_id=patient)
    _alone(nurse, patient, "2026-11-28T13:45+01:00", temperature=38.2, pulse=112)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:45 (temperature 38.2, up 1 °C, pulse 112, up 32): stop the unit, "
        "keep the line open, call the doctor",
        "15-MINUTE OBSERVATIONS OVERDUE since 28/11 13:45"]


@pytest.mark.parametrize("readings", [{"temperature": 40.1}, {"temperature": 40.1, "pulse": 118, "systolic_bp": 118}],
                         ids=["temperature_alone", "no_breathing_rate"])
def test_a_temperature_of_40_taken_without_a_full_set_is_not_restarted_after(session_for, patient, readings):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T12:50+01:00")
    _alone(nurse, patient, "2026-11-28T13:18+01:00", **readings)
    _mild_stop(nurse, patient)
    refused = _refused(nurse, _unit(1, restart=True, started_at="2026-11-28T13:50+01:00"), patient)
    assert _paths(refused) == ["restart"]
    assert "the set at 28/11/2026 13:18 read temperature 40.1, up 3.2 °C" in str(refused)


def _mild_stop(nurse, patient, **end) -> None:
    first = records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:00+01:00"),
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {
        "unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00", "outcome": "stopped_reaction", "volume": 40,
        "signs": ["fever"], "doctor_told": True, **told_by("2026-11-28T13:25+01:00"), "blood_bank_told": True,
        **end}, patient_id=patient)


@pytest.mark.parametrize("temperature", [40.1, 38.9])
def test_a_unit_is_not_restarted_after_a_temperature_of_39_or_up_2_degrees(session_for, patient, temperature):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T12:50+01:00", temperature=36.9 if temperature > 39 else 36.8)
    _set(nurse, patient, "2026-11-28T13:18+01:00", temperature=temperature)
    _mild_stop(nurse, patient)
    refused = _refused(nurse, _unit(1, restart=True, started_at="2026-11-28T13:50+01:00"), patient)
    assert _paths(refused) == ["restart"]
    assert f"the set at 28/11/2026 13:18 read temperature {temperature:g}, up " in str(refused)
    assert ("°C after unit G0001 26 000001 was first started. A unit is restarted only after a mild reaction"
            in str(refused))


def test_a_high_fever_sign_is_not_restarted_and_a_mild_fever_is(session_for, patient, admission_values):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T12:50+01:00")
    _set(nurse, patient, "2026-11-28T13:18+01:00", temperature=38.4)
    _mild_stop(nurse, patient, signs=["fever_high"])
    refused = _refused(nurse, _unit(1, restart=True, started_at="2026-11-28T13:50+01:00"), patient)
    assert _paths(refused) == ["restart"] and "Temperature 39 °C or more, or up 2 °C or more" in str(refused)
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "AUTRE",
                                                  "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    _set(nurse, other, "2026-11-28T12:50+01:00")
    _set(nurse, other, "2026-11-28T13:18+01:00", temperature=38.4)
    first = records.save_new(nurse, "blood_transfusion", _unit(2, started_at="2026-11-28T13:00+01:00"),
                             patient_id=other)
    records.save_new(nurse, "transfusion_end", {
        "unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00", "outcome": "stopped_reaction", "volume": 40,
        "signs": ["fever"], "doctor_told": True, **told_by("2026-11-28T13:25+01:00"), "blood_bank_told": True},
        patient_id=other)
    records.save_new(nurse, "blood_transfusion", _unit(2, restart=True, started_at="2026-11-28T13:50+01:00"),
                     patient_id=other)


def test_the_doctor_told_of_a_reaction_is_named_with_a_time_and_acknowledged_it(session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T12:00+01:00"),
                             patient_id=patient)
    end = {"unit": first.record_id, "ended_at": "2026-11-28T12:20+01:00", "outcome": "stopped_reaction",
           "volume": 40, "signs": ["rigors"], "doctor_told": True, "blood_bank_told": True}
    refused = _refused(nurse, end, patient, "transfusion_end")
    assert _paths(refused) == ["doctor_name", "doctor_told_at", "doctor_acknowledged"]
    refused = _refused(nurse, {**end, **told_by("2026-11-28T11:50+01:00")}, patient, "transfusion_end")
    assert _paths(refused) == ["doctor_told_at"] and "the unit started at 28/11/2026 12:00, after this" in str(refused)
    refused = _refused(nurse, {**end, **told_by("2026-11-28T12:25+01:00"), "doctor_acknowledged": False}, patient,
                       "transfusion_end")
    assert _paths(refused) == ["doctor_acknowledged"] and "is not told" in str(refused)
    records.save_new(nurse, "transfusion_end", {**end, **told_by("2026-11-28T12:25+01:00")}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en")[:1] != ["REACTION: tell the doctor and report it to the blood bank"]


def test_a_version_1_end_answered_doctor_told_yes_is_told():
    assert transfusion.doctor_told({"doctor_told": True})
    assert not transfusion.doctor_told({"doctor_told": True, "doctor_acknowledged": False})
    assert transfusion.told({"doctor_told": True, "blood_bank_told": True})


def test_an_irradiated_need_of_a_stay_before_holds_after_readmission(session_for, patient, admission_values):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = records.save_new(doctor, "blood_order", {**ORDER, "ordered_at": "2026-11-28T09:30+01:00", "units": 1},
                             patient_id=patient)
    unit = records.save_new(nurse, "blood_transfusion", _unit(1, order=order.record_id, unit_requirements=["irradiated"],
                                                              started_at="2026-11-28T10:00+01:00"), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit.record_id, "ended_at": "2026-11-28T11:30+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00", "bed": "5"},
                     patient_id=patient)
    refused = _refused(nurse, _unit(2, started_at="2026-11-28T13:50+01:00"), patient)
    assert _paths(refused) == ["unit_requirements"]
    assert "the prescription of 28/11/2026 09:30 (Red cells) asks for Irradiated" in str(refused)
    records.save_new(nurse, "blood_transfusion", _unit(2, started_at="2026-11-28T13:50+01:00",
                                                       unit_requirements=["irradiated"]), patient_id=patient)


def test_a_unit_is_started_only_with_its_use_by_date_and_an_older_one_is_corrected_without(session_for, patient):
    nurse = session_for("nurse")
    without = {key: value for key, value in _unit(1).items() if key != "use_by"}
    refused = _refused(nurse, without, patient)
    assert _paths(refused) == ["use_by"] and "read off the unit's label at every bedside check" in str(refused)
    records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    # A start recorded before the rule, without it (imported from a laptop not yet updated), is
    # corrected without it.
    old = records.save_imported(session_for("records"), "blood_transfusion", _unit(2, started_at="2026-11-28T09:00+01:00",
                                                                                  use_by=None), patient, str(uuid.uuid4()))
    records.amend(nurse, old.record_id, {**old.data, "notes": "Over 2 hours"}, "rate added")


def test_a_unit_is_not_named_on_a_prescription_written_after_its_start(session_for, patient):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", ORDER, patient_id=patient)  # 28/11 11:00
    refused = _refused(nurse, _unit(1, order=order.record_id, unit_requirements=["irradiated"],
                                    started_at="2026-11-28T10:00+01:00"), patient)
    assert _paths(refused) == ["started_at"]
    assert "the prescription was written at 28/11/2026 11:00, after this start" in str(refused)
    records.save_new(nurse, "blood_transfusion", _unit(1, order=order.record_id, unit_requirements=["irradiated"],
                                                       started_at="2026-11-28T11:30+01:00"), patient_id=patient)


@pytest.mark.parametrize("name", ["Hélène Lefèvre", "  hélène   LEFÈVRE ", "Helene Lefevre", "Lefèvre Hélène",
                                  "LEFEVRE, Helene", "H. Lefèvre", "Lefèvre H", "Hélène Lefèvre (RN)",
                                  "Mme Hélène Lefèvre IDE"])
def test_the_second_checker_is_not_the_nurse_who_records_the_start(session_for, patient, name):
    """However she types herself: without accents on an English keyboard, surname first, with her
    first name's initial, or with her role."""
    nurse = session_for("nurse")
    refused = _refused(nurse, _unit(1, second_checker=name), patient)
    assert _paths(refused) == ["second_checker"]
    assert (f"“{' '.join(name.split())}” reads as Hélène Lefèvre, who records this start: the second checker is "
            "another member of staff") in str(refused)
    records.save_new(nurse, "blood_transfusion", _unit(1, second_checker="Paul Martin"), patient_id=patient)


@pytest.mark.parametrize("name", ["Hugo Lefèvre", "Marie-Hélène Lefèvre", "Lefèvre", "Hélène Martin"])
def test_a_second_checker_sharing_a_name_of_the_nurses_is_another(session_for, patient, name):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "blood_transfusion", _unit(1, second_checker=name), patient_id=patient)
    assert saved.data["second_checker"] == name


def test_the_paper_record_and_the_export_say_the_possible_reaction_and_the_doctor_told(session_for, patient,
                                                                                       tmp_path):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T13:20+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:30+01:00"),
                               patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:45+01:00", temperature=38.4)
    records.save_new(nurse, "transfusion_end", {
        "unit": started.record_id, "ended_at": "2026-11-28T13:47+01:00", "outcome": "stopped_reaction", "volume": 30,
        "signs": ["fever"], "doctor_told": True, "doctor_name": " Dr  Benali ", "doctor_told_at": "2026-11-28T13:50+01:00",
        "doctor_acknowledged": True, "blood_bank_told": False}, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "POSSIBLE REACTION 28/11 13:45: temperature 38.4, up 1.5 °C" in text
    assert "doctor told: Dr Benali 28/11 13:50" in text and "NOT YET: blood bank told" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == started.record_id]
    assert "Reaction: doctor told: yes: Dr Benali, 2026-11-28T13:50:00+01:00, acknowledged; reported to the blood " \
           "bank: no" in [note["text"] for note in procedure["note"]]


def test_a_group_and_screen_asks_who_took_it_the_bedside_identification_and_the_patients_group(session_for, patient):
    nurse = session_for("nurse")
    sample = {"taken_at": "2026-11-28T13:00+01:00", "urgency": "urgent", "tests": ["fbc", "group_screen"]}
    refused = _refused(nurse, sample, patient, "lab_request")
    assert _paths(refused) == ["identified_at_bedside", "group_sample"]
    refused = _refused(nurse, {**sample, "identified_at_bedside": False, "group_sample": "first_sample"}, patient,
                       "lab_request")
    assert _paths(refused) == ["identified_at_bedside"] and "take a new sample" in str(refused)
    saved = records.save_new(nurse, "lab_request", {**sample, "taken_by": "Paul Martin", "identified_at_bedside": True,
                                                    "group_sample": "first_sample"}, patient_id=patient)
    assert saved.data["taken_by"] == "Paul Martin" and saved.data["group_sample"] == "first_sample"
    # Other tests ask none of it.
    other = records.save_new(nurse, "lab_request", {**sample, "tests": ["fbc"], "taken_by": "Paul Martin"},
                             patient_id=patient)
    assert "taken_by" not in other.data and "identified_at_bedside" not in other.data


def test_a_childs_pews_sets_count_around_a_unit_and_are_read_for_a_reaction(session_for, admit_to_paediatrics):
    """A 4-year-old charted on the PEWS chart, as the app asks of a child: her set before the unit
    is its baseline, the one 15 minutes in its 15-minute set, read for a reaction with her heart
    rate as the pulse; her breathing rate of 40 and heart rate of 130, normal at 4, say nothing."""
    calm = {"respiratory_rate": 40, "respiratory_effort": "normal", "spo2": 98, "oxygen": "room_air",
            "heart_rate": 130, "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 37.0,
            "consciousness": "alert", "concern": False, "next_in": "240"}
    child = admit_to_paediatrics("2", "2022-06-01", 16.0, "Lina")
    nurse = session_for("nurse")
    records.save_new(nurse, "paediatric_observations", {**calm, "taken_at": "2026-11-28T11:45+01:00"}, patient_id=child)
    records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T12:00+01:00"), patient_id=child)
    records.save_new(nurse, "paediatric_observations", {**calm, "taken_at": "2026-11-28T12:15+01:00"}, patient_id=child)
    [unit] = transfusion.chart(nurse.db, child)
    assert unit.sets.baseline and unit.sets.first_at is not None and unit.asks(nurse.clock(), "en") == []
    records.save_new(nurse, "paediatric_observations", {**calm, "temperature": 39.5, "heart_rate": 175,
                                                        "taken_at": "2026-11-28T12:30+01:00"}, patient_id=child)
    [unit] = transfusion.chart(nurse.db, child)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 12:30 (temperature 39.5, up 2.5 °C, pulse 175, up 45): stop the unit, "
        "keep the line open, call the doctor"]


@pytest.mark.parametrize(("before", "readings", "said"), [
    ({}, {"respiratory_rate": 34, "spo2": 85},
     "breathing rate 34, up 18, SpO2 85, down 12"),
    ({}, {"respiratory_rate": 24}, "breathing rate 24, up 8"),
    ({}, {"spo2": 94}, "SpO2 94, down 3"),
    ({"spo2": 93}, {"spo2": 91}, "SpO2 91, down 2"),
    ({"respiratory_rate": 26, "spo2": 90}, {"respiratory_rate": 28, "spo2": 89}, None),
    (None, {"pulse": 135, "respiratory_rate": 26, "spo2": 91}, "pulse 135, up ?, breathing rate 26, up ?, SpO2 91, down ?")])
def test_a_breathing_rate_up_a_saturation_down_or_a_fast_pulse_alone_is_a_possible_reaction(
        session_for, patient, before, readings, said):
    """TACO, TRALI and anaphylaxis show as breathlessness and a falling saturation; a pulse of 135
    with no set before the unit is read too. A saturation under 92 % before the unit (90 then 89,
    its breathing rate 26 then 28) is read by its fall alone."""
    nurse = session_for("nurse")
    if before is not None:
        _set(nurse, patient, "2026-11-28T13:20+01:00", **before)
    records.save_new(nurse, "blood_transfusion", _unit(1, started_at="2026-11-28T13:30+01:00"), patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:45+01:00", **readings)
    [unit] = transfusion.chart(nurse.db, patient)
    asks = unit.asks(nurse.clock(), "en")
    assert asks == [] if said is None else f"POSSIBLE TRANSFUSION REACTION at 28/11 13:45 ({said}): stop the unit" in asks[0]


def test_a_set_in_the_hour_after_the_end_is_read_for_a_reaction_until_the_end_says_one(session_for, patient):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00")
    end = records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:50+01:00", temperature=39.6, systolic_bp=78, pulse=128)
    [unit] = transfusion.chart(nurse.db, patient)
    said = ("POSSIBLE TRANSFUSION REACTION at 28/11 13:50, after the unit (temperature 39.6, up 2.7 °C, systolic 78, "
            "down 47, pulse 128, up 48): call the doctor, report it to the blood bank, and record the reaction on the "
            "unit's end")
    assert unit.sets.end_at is not None and unit.asks(nurse.clock(), "en") == [said]
    assert said in transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    # Saying "no reaction" again is refused now that the set is there.
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, end.record_id, {**end.data, "notes": "Seen."}, "notes")
    assert _paths(refused.value) == ["reaction"] and "the signs of a moderate or severe reaction" in str(refused.value)
    records.amend(nurse, end.record_id, {**end.data, "reaction": True, "signs": ["fever_high", "low_bp"],
                                         "doctor_told": True, **told_by("2026-11-28T13:55+01:00"),
                                         "blood_bank_told": True}, "a reaction after the unit")
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []


@pytest.mark.parametrize("readings", [{"temperature": 39.4, "systolic_bp": 82}, {"respiratory_rate": 30}])
def test_an_end_saying_no_reaction_after_a_set_of_a_moderate_or_severe_one_is_refused(session_for, patient, readings,
                                                                                        tmp_path):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", **readings)
    end = {**END, "unit": started.record_id, "notes": "Given in full."}
    refused = _refused(nurse, end, patient, "transfusion_end")
    assert _paths(refused) == ["reaction"]
    assert ("“A reaction during or after it”: the set at 28/11/2026 12:15 read " in str(refused)
            and "the signs of a moderate or severe reaction: answer Yes" in str(refused))
    records.save_new(nurse, "transfusion_end", {**end, "reaction": True, "signs": ["other"], "doctor_told": False,
                                                "blood_bank_told": False}, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == started.record_id]
    assert [note["text"] for note in procedure["note"] if note["text"].startswith("Observations")] == [
        "Observations that may be a reaction at 2026-11-28T12:15:00+01:00: "
        + ("temperature 39.4, up 2.5 °C, systolic 82, down 43" if "temperature" in readings
           else "breathing rate 30, up 14")]


def test_the_latest_set_that_may_be_a_reaction_is_said_with_the_first(session_for, patient, tmp_path):
    """12:15 a mild 38.1 °C (the doctor let the unit run); 13:00 39.8 °C, a systolic of 76 and a
    pulse of 130: the tab, the handover and the paper record say 13:00 first."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", temperature=38.1)
    _set(nurse, patient, "2026-11-28T13:00+01:00", temperature=39.8, systolic_bp=76, pulse=130)
    [unit] = transfusion.chart(nurse.db, patient)
    said = ("POSSIBLE TRANSFUSION REACTION at 28/11 13:00 (temperature 39.8, up 2.9 °C, systolic 76, down 49, pulse "
            "130, up 50; first at 28/11 12:15: temperature 38.1, up 1.2 °C): stop the unit, keep the line open, call "
            "the doctor")
    assert unit.asks(nurse.clock(), "en") == [said]
    assert said in transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "d’abord à 28/11 12:15 : température 38.1, +1.2 °C" in unit.asks(nurse.clock(), "fr")[0]
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "POSSIBLE REACTION 28/11 13:00: temperature 39.8" in text and "first at 28/11 12:15" in text


def test_the_doctor_told_of_a_mild_reaction_while_the_unit_ran_is_recorded_so(session_for, patient):
    """A rash at 12:25, Dr Benali told at 12:30 gives chlorphenamine and lets the unit run; it is
    given in full at 13:40 (transfusion_end version 3: the doctor told from the unit's start on)."""
    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {
        **END, "unit": started.record_id, "reaction": True, "signs": ["rash"], "doctor_told": True,
        **told_by("2026-11-28T12:30+01:00"), "blood_bank_told": True,
        "notes": "Urticaria 12:25, Dr Benali: chlorphenamine, continue."}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.unit.reaction and not unit.unit.unreported


def test_a_pressure_low_before_the_unit_and_not_falling_is_no_reaction_sign(session_for, patient):
    """Transfused for a bleed: systolic 82 before the unit, 88 at 15 minutes, rising. It is no sign
    and the end says "no reaction"; a little lower than before (80) is asked, and "no reaction" is
    then taken with the doctor's judgement under Notes, as a mild sign is."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00", systolic_bp=82, pulse=110)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", systolic_bp=88, pulse=104)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []
    _set(nurse, patient, "2026-11-28T12:45+01:00", systolic_bp=80, pulse=104)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 12:45 (systolic 80, down 2): stop the unit, keep the line open, call "
        "the doctor"]
    refused = _refused(nurse, {**END, "unit": started.record_id}, patient, "transfusion_end")
    assert _paths(refused) == ["reaction"] and "say under Notes why it was none" in str(refused)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id,
                                                "notes": "BP 82 before the unit from the bleed: Dr Benali saw, no "
                                                         "reaction."}, patient_id=patient)


def test_a_readings_change_is_said_the_way_it_went():
    from downtime.domain.transfusion import Changed
    assert [Changed("systolic_bp", 88, 6).said("en"), Changed("systolic_bp", 80, -2).said("fr"),
            Changed("temperature", 38.2, -0.3).said("en"), Changed("systolic_bp", 70, None).said("en")] == [
        "systolic 88, up 6", "systolique 80, −2", "temperature 38.2, down 0.3 °C", "systolic 70, down ?"]


PEWS_CALM = {"respiratory_rate": 30, "respiratory_effort": "normal", "spo2": 98, "oxygen": "room_air",
             "heart_rate": 120, "systolic_bp": 80, "capillary_refill": "under_3", "temperature": 37.0,
             "consciousness": "alert", "concern": False, "next_in": "240"}


def _pews(nurse, child, at: str, **readings) -> None:
    records.save_new(nurse, "paediatric_observations", {**PEWS_CALM, "taken_at": at, **readings}, patient_id=child)


@pytest.mark.parametrize(("before", "during", "said"), [
    (80, 80, None),
    (95, 78, None),
    (95, 74, "systolic 74, down 21"),
    (None, 68, "systolic 68, down ?")])
def test_an_infants_systolic_is_read_against_her_age_band(session_for, admit_to_paediatrics, before, during, said):
    """A 10-month-old: her systolic is low at her age band's 2-point value, 70 (3 to 12 months,
    domain.pews), never the adult's 90, and fallen at 20 % below the set before the unit: steady at
    80, or 78 from 95 (18 %), it asks nothing and her end says "no reaction"; 74 from 95 (22 %), or
    68 with no set before, is asked."""
    baby = admit_to_paediatrics("3", "2026-01-20", 9.0, "Emma")
    nurse = session_for("nurse")
    if before is not None:
        _pews(nurse, baby, "2026-11-28T11:45+01:00", systolic_bp=before)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=baby)
    _pews(nurse, baby, "2026-11-28T12:15+01:00", systolic_bp=during)
    [unit] = transfusion.chart(nurse.db, baby)
    possible = [one for one in unit.asks(nurse.clock(), "en") if one.startswith("POSSIBLE")]
    if said is None:
        assert possible == []
        records.save_new(nurse, "transfusion_end", {**END, "volume": 135, "unit": started.record_id}, patient_id=baby)
    else:
        assert possible == [f"POSSIBLE TRANSFUSION REACTION at 28/11 12:15 ({said}): stop the unit, keep the line "
                            "open, call the doctor"]


@pytest.mark.parametrize(("readings", "said"), [
    ({"heart_rate": 195, "respiratory_rate": 75, "respiratory_effort": "moderate"},
     "pulse 195, up ?, breathing rate 75, up ?"),
    ({"heart_rate": 160, "respiratory_rate": 45}, None)])
def test_a_childs_alarming_pulse_and_breathing_with_no_set_before_are_read_against_the_pews_top_band(
        session_for, admit_to_paediatrics, readings, said):
    """A 2-year-old with no set in the hour before the unit: a heart rate of 195 and breathing of
    75 are in the PEWS chart's top band for 1 to 4 years (170, 71) and are asked; 160 and 45 are
    not, though an adult's 130 and 25 would be."""
    child = admit_to_paediatrics("4", "2024-06-01", 12.0, "Noa")
    nurse = session_for("nurse")
    _pews(nurse, child, "2026-11-28T09:30+01:00", systolic_bp=95)
    records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=child)
    _pews(nurse, child, "2026-11-28T12:15+01:00", systolic_bp=95, next_in="60", **readings)
    [unit] = transfusion.chart(nurse.db, child)
    possible = [one for one in unit.asks(nurse.clock(), "en") if one.startswith("POSSIBLE")]
    assert possible == ([] if said is None else [
        f"POSSIBLE TRANSFUSION REACTION at 28/11 12:15 ({said}): stop the unit, keep the line open, call the doctor"])


def _judged_no_reaction(session_for, patient):
    """A unit from 12:00, its 15-minute set a pulse of 112, ended "no reaction" with the doctor's
    judgement under Notes: the nurse."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", pulse=112)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id,
                                                "notes": "Anxious, pulse 112 throughout: Dr Benali saw, no reaction."},
                     patient_id=patient)
    return nurse


def test_a_mild_sign_judged_no_reaction_and_persisting_after_the_unit_is_answered_by_its_end(session_for, patient):
    """Pulse 112 at 15 minutes, the end "no reaction" with the doctor's judgement under Notes; the
    set 10 minutes after the end still reads 112: the end answers it. A fever of 39.6 °C after it
    does not."""
    nurse = _judged_no_reaction(session_for, patient)
    _set(nurse, patient, "2026-11-28T13:50+01:00", pulse=112)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []
    _set(nurse, patient, "2026-11-28T14:00+01:00", pulse=112, temperature=39.6)
    [unit] = transfusion.chart(nurse.db, patient)
    assert [one[:56] for one in unit.asks(nurse.clock(), "en")] == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 14:00, after the "]


def test_a_reaction_to_the_second_of_two_units_back_to_back_is_the_second_ones(session_for, patient, clock, tmp_path):
    """Unit 1 12:00 to 13:40, no reaction; unit 2 hung at 13:45, 39.2 °C and a systolic of 84 at
    14:00, its reaction recorded: unit 1 asks nothing, and its export says no possible reaction."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    first = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00")
    records.save_new(nurse, "transfusion_end", {**END, "unit": first.record_id}, patient_id=patient)
    _set(nurse, patient, "2026-11-28T13:42+01:00")
    second = records.save_new(nurse, "blood_transfusion", _unit(2, started_at="2026-11-28T13:45+01:00"),
                              patient_id=patient)
    _set(nurse, patient, "2026-11-28T14:00+01:00", temperature=39.2, systolic_bp=84)
    clock.now = clock.now.replace(hour=14, minute=20)
    records.save_new(nurse, "transfusion_end", {
        "unit": second.record_id, "ended_at": "2026-11-28T14:05+01:00", "outcome": "stopped_reaction", "volume": 40,
        "reaction": True, "signs": ["fever_high", "low_bp"], "doctor_told": True, **told_by("2026-11-28T14:06+01:00"),
        "blood_bank_told": True}, patient_id=patient)
    units = transfusion.chart(nurse.db, patient)
    assert {unit.unit.started_at.strftime("%H:%M"): unit.asks(clock(), "en") for unit in units} == {
        "12:00": [], "13:45": []}
    assert transfusion.possible_reactions(nurse.db, patient, units[0].unit.started_at, units[0].unit.ended_at) == []
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    notes = {entry["resource"]["id"]: [note["text"] for note in entry["resource"].get("note", [])
                                       if note["text"].startswith("Observations")]
             for entry in bundle["entry"] if entry["resource"]["id"] in (first.record_id, second.record_id)}
    assert notes[first.record_id] == [] and len(notes[second.record_id]) == 1


def test_a_unit_started_and_ended_while_another_ran_leaves_it_the_hour_after_its_end(session_for, patient, clock):
    """Red cells 12:00 to 14:00; a plasma unit on another line from 12:30 to 13:00, no reaction;
    14:20, 39.6 °C and a systolic of 78: the red cells' hour after their end, asked of them and
    refusing their end "no reaction" (the plasma's start, while they ran, took that hour from
    them, and the set was asked of neither unit)."""
    nurse = session_for("nurse")
    for at in ("11:45", "12:15"):
        _set(nurse, patient, f"2026-11-28T{at}+01:00")
    red_cells = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    plasma = records.save_new(nurse, "blood_transfusion", _unit(2, component="plasma", unit_group="a_pos",
                                                                abo_card=None, started_at="2026-11-28T12:30+01:00"),
                              patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": plasma.record_id, "ended_at": "2026-11-28T13:00+01:00",
                                                "volume": 250}, patient_id=patient)
    _set(nurse, patient, "2026-11-28T14:00+01:00")
    end = records.save_new(nurse, "transfusion_end", {**END, "unit": red_cells.record_id,
                                                      "ended_at": "2026-11-28T14:00+01:00"}, patient_id=patient)
    clock.advance(minutes=30)
    _set(nurse, patient, "2026-11-28T14:20+01:00", temperature=39.6, systolic_bp=78)
    assert [unit.asks(clock(), "en") for unit in transfusion.chart(nurse.db, patient)] == [
        ["POSSIBLE TRANSFUSION REACTION at 28/11 14:20, after the unit (temperature 39.6, up 2.7 °C, systolic 78, "
         "down 47): call the doctor, report it to the blood bank, and record the reaction on the unit's end"], []]
    with pytest.raises(ValidationFailed, match="the set at 28/11/2026 14:20 read temperature 39.6"):
        records.amend(nurse, end.record_id, {**end.data, "notes": "Seen."}, "notes")


SCALE_2 = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali",
           "scale_2_prescribed_at": "2026-11-27T10:00+01:00"}


@pytest.mark.parametrize(("before", "during", "said"), [(93, 91, None), (None, 89, None), (94, 90, "SpO2 90, down 4"),
                                                     (None, 84, "SpO2 84, down ?")])
def test_a_set_on_spo2_scale_2_is_read_against_its_target(session_for, patient, before, during, said):
    """A COPD patient on SpO2 scale 2 (target 88 to 92 %): 93 then 91 %, or 89 % with none before,
    is within target and asks nothing, and the end says "no reaction"; a fall of 4 is asked, and so
    is 84 %, under the target, with no saturation before the unit."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    # The doctor's set prescribes scale 2: in the hour before the unit, or hours before it.
    _set(doctor, patient, "2026-11-28T11:45+01:00" if before is not None else "2026-11-28T09:00+01:00", **SCALE_2,
         spo2=before or 90)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", **SCALE_2, spo2=during)
    [unit] = transfusion.chart(nurse.db, patient)
    possible = [one for one in unit.asks(nurse.clock(), "en") if one.startswith("POSSIBLE")]
    if said is None:
        assert possible == []
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)
    else:
        assert possible == [f"POSSIBLE TRANSFUSION REACTION at 28/11 12:15 ({said}): stop the unit, keep the line "
                            "open, call the doctor"]


def test_a_serious_set_after_the_end_is_asked_though_a_milder_one_follows_it(session_for, patient, clock):
    """Pulse 112 at 15 minutes, the end "no reaction" with the doctor's judgement under Notes;
    13:50, after the end: 39.6 °C and a systolic of 78; 14:20: the pulse of 112 alone, which the end
    answers. The 13:50 set is still asked, by its time and readings, and on the escalation list."""
    nurse = _judged_no_reaction(session_for, patient)
    _set(nurse, patient, "2026-11-28T13:50+01:00", pulse=112, temperature=39.6, systolic_bp=78)
    clock.now = clock.now.replace(hour=14, minute=30)
    _set(nurse, patient, "2026-11-28T14:20+01:00", pulse=112)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:50, after the unit (temperature 39.6, up 2.7 °C, systolic 78, "
        "down 47, pulse 112, up 32; first at 28/11 12:15: pulse 112, up 32): call the doctor, report it to the "
        "blood bank, and record the reaction on the unit's end"]


def _judged_pulse_then_fever(nurse, patient, clock):
    """A unit whose pulse of 112 throughout is judged no reaction on the end typed at 16:00, and
    the paper chart's 13:55 set after it, a new fever of 38.6 °C, typed at 16:30: the end."""
    _set(nurse, patient, "2026-11-28T11:45+01:00")
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", pulse=112)
    clock.now = clock.now.replace(hour=16, minute=0)
    end = records.save_new(nurse, "transfusion_end", {
        **END, "unit": started.record_id, "notes": "Anxious, pulse 112 throughout: Dr Benali saw, no reaction."},
        patient_id=patient)
    clock.now = clock.now.replace(hour=16, minute=30)
    _set(nurse, patient, "2026-11-28T13:55+01:00", temperature=38.6)
    return end


def test_an_end_answers_no_set_typed_after_it_was_recorded(session_for, patient, clock):
    """Back entry: the end of a unit ended at 13:40, "no reaction" with the doctor's reason under
    Notes, is typed at 16:00; the paper chart's 13:55 set, a new fever of 38.6 °C, at 16:30. The
    end's author never saw it: it is asked until the end is recorded again after it."""
    nurse = session_for("nurse")
    end = _judged_pulse_then_fever(nurse, patient, clock)
    [unit] = transfusion.chart(nurse.db, patient)
    assert [one[:62] for one in unit.asks(nurse.clock(), "en")] == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:55, after the unit ("]
    clock.now = clock.now.replace(hour=16, minute=40)
    records.amend(nurse, end.record_id, {**end.data, "notes": "Pulse 112 and 38.6 after: "
                                         "Dr Benali saw both, no reaction."}, "The 13:55 set seen")
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []


def test_an_end_amended_for_its_volume_alone_answers_no_set_its_judgement_did_not_see(session_for, patient, clock):
    """The end's volume corrected at 16:40, its notes and answer untouched: the 13:55 fever typed
    at 16:30 was judged by no one and is still asked (the end answered it by its latest version)."""
    nurse = session_for("nurse")
    end = _judged_pulse_then_fever(nurse, patient, clock)
    [unit] = transfusion.chart(nurse.db, patient)
    asked = unit.asks(nurse.clock(), "en")
    assert [one[:62] for one in asked] == ["POSSIBLE TRANSFUSION REACTION at 28/11 13:55, after the unit ("]
    clock.now = clock.now.replace(hour=16, minute=40)
    records.amend(nurse, end.record_id, {**end.data, "volume": END["volume"] - 10}, "Volume misread on the bag")
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == asked


def test_the_alarm_after_the_end_names_the_set_unanswered_not_a_later_one_judged(session_for, patient, clock,
                                                                                 tmp_path):
    """After the 13:55 fever, the 14:30 set's pulse of 112, as the doctor judged it while the unit
    ran, is typed too: the tab and the printed record name the fever, the set unanswered, not the
    pulse (the doctor called was told of the pulse they had judged)."""
    nurse = session_for("nurse")
    _judged_pulse_then_fever(nurse, patient, clock)
    _set(nurse, patient, "2026-11-28T14:30+01:00", pulse=112)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:55, after the unit (temperature 38.6, up 1.7 °C; first at 28/11 "
        "12:15: pulse 112, up 32): call the doctor, report it to the blood bank, and record the reaction on the "
        "unit's end"]
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "POSSIBLE REACTION 28/11 13:55: temperature 38.6, up 1.7 °C" in text


@pytest.mark.parametrize(("before", "during"), [(88, 60), (89, 60), (78, 68)])
def test_a_pressure_low_before_the_unit_and_falling_far_or_into_shock_refuses_no_reaction(session_for, patient,
                                                                                          before, during):
    """Systolic 88 before the unit (a bleed), 60 at 15 minutes: no mild sign the doctor may judge,
    as 82 then 80 is, but a moderate or severe reaction, as 92 then 64 is; so is 78 then 68, lower
    by no more than 10 mmHg but under 70, in shock."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00", systolic_bp=before)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", systolic_bp=during)
    with pytest.raises(ValidationFailed, match="moderate or severe"):
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "notes": "ok"},
                         patient_id=patient)


def test_an_adults_systolic_of_90_during_a_unit_is_a_possible_reaction(session_for, patient):
    """NEWS2 scores a systolic of 90 3 points, as it does 89: 90 from 118 at 15 minutes was read as
    nothing, the unit ran on and its end "no reaction" was saved without a word."""
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T11:45+01:00", systolic_bp=118)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=patient)
    _set(nurse, patient, "2026-11-28T12:15+01:00", systolic_bp=90)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 12:15 (systolic 90, down 28): stop the unit, keep the line open, call "
        "the doctor"]
    with pytest.raises(ValidationFailed, match="moderate or severe"):
        records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)


def test_an_adults_systolic_is_low_at_90_and_at_90_before_the_unit_too():
    """90 with no set before the unit is a sign; 90 before it and 90 or 85 since is low already
    before it (85 a sign the doctor may judge, as 82 then 80 is); 91 throughout is none."""
    from downtime.domain.transfusion import changed, mild
    assert [one.said("en") for one in changed(None, {"systolic_bp": 90})] == ["systolic 90, down ?"]
    assert changed({"systolic_bp": 90}, {"systolic_bp": 90}) == changed({"systolic_bp": 91}, {"systolic_bp": 91}) == ()
    assert mild(changed({"systolic_bp": 90}, {"systolic_bp": 85}))


@pytest.mark.parametrize(("born", "kg", "before", "during", "said"), [
    ("2012-06-01", 50.0, 105, 99, None),
    ("2020-03-01", 20.0, 100, 90, None),
    ("2012-06-01", 50.0, 105, 84, "systolic 84, down 21"),
    ("2020-03-01", 20.0, 110, 86, "systolic 86, down 24"),
    ("2026-05-01", 8.0, 78, 50, "systolic 50, down 28")])
def test_a_childs_systolic_is_low_at_her_bands_two_point_value_and_fallen_at_a_fifth(
        session_for, admit_to_paediatrics, born, kg, before, during, said):
    """A 14-year-old's 99 from 105, or a 6-year-old's 90 from 100, is no reaction (her band's
    normal range begins above them, but they score 1 at most), and her end says so; 84 from 105
    (at her band's 2-point value, 85), 86 from 110 (a fall of 22 %), or a 6-month-old's 50 from 78
    (her band's 4-point value, 60, passed) is moderate or severe: the end "no reaction" is refused."""
    child = admit_to_paediatrics("5", born, kg, "Noa")
    nurse = session_for("nurse")
    _pews(nurse, child, "2026-11-28T11:45+01:00", systolic_bp=before)
    started = records.save_new(nurse, "blood_transfusion", _unit(1), patient_id=child)
    _pews(nurse, child, "2026-11-28T12:15+01:00", systolic_bp=during, next_in="60")
    [unit] = transfusion.chart(nurse.db, child)
    possible = [one for one in unit.asks(nurse.clock(), "en") if one.startswith("POSSIBLE")]
    end = {**END, "volume": 135, "unit": started.record_id, "notes": "Dr Benali saw"}
    if said is None:
        assert possible == []
        records.save_new(nurse, "transfusion_end", end, patient_id=child)
    else:
        assert possible == [f"POSSIBLE TRANSFUSION REACTION at 28/11 12:15 ({said}): stop the unit, keep the line "
                            "open, call the doctor"]
        with pytest.raises(ValidationFailed, match="moderate or severe"):
            records.save_new(nurse, "transfusion_end", end, patient_id=child)
