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
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "ended_at": "2026-11-28T13:55+01:00",
                                                "outcome": "stopped_other", "reaction": False}, patient_id=patient)
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
    assert "a temperature of 40.1 °C was taken while unit G0001 26 000001 ran" in str(refused)


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
    assert (f"a temperature of {temperature:g} °C was taken while unit G0001 26 000001 ran: 39 °C or more, or up "
            "2 °C or more, is no mild reaction; do not restart it") in str(refused)


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
    refused = _refused(nurse, {**end, **told_by("2026-11-28T12:10+01:00")}, patient, "transfusion_end")
    assert _paths(refused) == ["ended_at"]
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
