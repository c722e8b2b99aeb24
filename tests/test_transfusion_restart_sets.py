"""A unit restarted is watched from its first start: its set before the unit is the one before
that start, and every set since is read against it. Watched from its restart, the set that had
stopped it became its new baseline: a systolic of 80 after the restart was read as nothing, the
first part's sets left the screen and the paper, and the unit asked for a set before the start
it had had."""

import json

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, transfusion
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.test_transfusion import OBS, UNIT, _obs, told_by


def _restarted(nurse, patient, clock, stop: dict) -> None:
    """A unit started at 11:00 after a set at 10:50, a set at 11:15 reading `stop`'s readings,
    stopped for a rash at 11:20 and restarted at 11:45."""
    clock.now = clock.now.replace(hour=11, minute=50)
    _obs(nurse, patient, "2026-11-28T10:50+01:00")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00",
                                                          "collected_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T11:15+01:00", **stop}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {
        "unit": first.record_id, "ended_at": "2026-11-28T11:20+01:00", "outcome": "stopped_reaction", "volume": 40,
        "signs": ["rash"], "doctor_told": True, **told_by("2026-11-28T11:22+01:00"), "blood_bank_told": True},
        patient_id=patient)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:45+01:00",
                                                  "collected_at": "2026-11-28T10:45+01:00", "restart": True},
                     patient_id=patient)


def test_a_restarted_unit_keeps_its_first_baseline_and_reads_its_restart_against_it(session_for, patient, clock,
                                                                                   tmp_path):
    nurse = session_for("nurse")
    _restarted(nurse, patient, clock, {"systolic_bp": 108})  # mild: no sign
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.sets.baseline
    assert unit.asks(nurse.clock(), "en") == []
    clock.now = clock.now.replace(hour=12, minute=5)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T12:00+01:00", "systolic_bp": 80,
                                             "spo2": 90, "pulse": 120, "respiratory_rate": 26}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "POSSIBLE TRANSFUSION REACTION at 28/11 12:00 (systolic 80, down 45, pulse 120, up 40, breathing rate 26, "
        "up 10, SpO2 90, down 7): stop the unit, keep the line open, call the doctor"]
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Procedure"]
    assert "Observations that may be a reaction at 2026-11-28T12:00:00+01:00: systolic 80, down 45, pulse 120, up 40, " \
           "breathing rate 26, up 10, SpO2 90, down 7" in [note["text"] for note in procedure["note"]]


def test_a_restarted_unit_keeps_its_first_parts_sets_on_screen_and_paper(session_for, patient, clock, tmp_path):
    """A rash with a temperature of 38.2 °C at 11:15: the restart's screen asks nothing of it (the
    stop answered it), and the set stays the unit's, said on its record."""
    nurse = session_for("nurse")
    _restarted(nurse, patient, clock, {"temperature": 38.2})
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []
    assert unit.sets.changed_at.hour == 11 and unit.sets.changed_at.minute == 15
    assert unit.sets.said("en", str) == "temperature 38.2, up 1.3 °C"
    printed = " ".join(" ".join(page.extract_text().split()) for page in
                       PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "POSSIBLE REACTION 28/11 11:15: temperature 38.2, up 1.3 °C" in printed


def test_a_restarts_end_says_no_reaction_only_as_its_first_baseline_allows(session_for, patient, clock):
    """Stopped for a tissued cannula, then a set at 11:30 reading a systolic of 100 (from 125) and
    a restart: a systolic of 92 after it is 33 down on the set before the unit, as the screen
    says. Read against the 11:30 set, "given in full, no reaction" closed it with no word."""
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=11, minute=50)
    _obs(nurse, patient, "2026-11-28T10:50+01:00")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00",
                                                          "collected_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T11:10+01:00",
                                                "outcome": "stopped_other", "volume": 20, "reaction": False,
                                                "notes": "cannula tissued"}, patient_id=patient)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T11:30+01:00", "systolic_bp": 100},
                     patient_id=patient)
    restart = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:45+01:00",
                                                            "collected_at": "2026-11-28T10:45+01:00", "restart": True},
                               patient_id=patient)
    clock.now = clock.now.replace(hour=12, minute=35)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T12:15+01:00", "systolic_bp": 92},
                     patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en")[0].startswith("POSSIBLE TRANSFUSION REACTION at 28/11 12:15 (systolic 92, "
                                                        "down 33)")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "transfusion_end", {"unit": restart.record_id, "ended_at": "2026-11-28T12:30+01:00",
                                                    "outcome": "completed", "volume": 250, "reaction": False},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["reaction"]
    assert "the set at 28/11/2026 12:15 read systolic 92, down 33, the signs of a moderate or severe reaction" \
        in str(refused.value)


def test_a_restarts_end_is_not_asked_again_of_the_set_its_stop_answered(session_for, patient, clock):
    """A rash with 38.2 °C at 11:15, stopped, told and restarted: the unit then given in full with
    sets as before it says no reaction with no word, the 11:15 set answered by the stop."""
    nurse = session_for("nurse")
    _restarted(nurse, patient, clock, {"temperature": 38.2})
    [unit] = transfusion.chart(nurse.db, patient)
    clock.now = clock.now.replace(hour=13, minute=40)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    end = records.save_new(nurse, "transfusion_end", {"unit": unit.record.record_id, "outcome": "completed",
                                                      "ended_at": "2026-11-28T13:30+01:00", "volume": 210,
                                                      "reaction": False}, patient_id=patient)
    assert end.record_id
