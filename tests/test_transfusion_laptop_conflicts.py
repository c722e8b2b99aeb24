"""A unit of blood recorded on two laptops in ways neither laptop could refuse: its end recorded
on each (one "given in full", the other a reaction), or its donation number started for two
patients (the unit at the wrong bedside, or a number mistyped). Merged, the records office is
told of both records (services.back_entry.conflicts_among); it was told of neither. An end saying
a reaction is the unit's end, whichever was written first."""

import json

import pytest

from downtime.services import back_entry, records, transfusion
from downtime.services.back_entry import TWO_ENDS, UNIT_TWO_PATIENTS
from downtime.services.errors import ServiceError
from downtime.storage.records import list_current
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_transfusion import END, UNIT


def _conflicts(session) -> dict[str, list[tuple[str, str]]]:
    found = back_entry.conflicts_among(session.forms, list_current(session.db), lambda _: {})
    return {record_id: [(conflict.said, conflict.record.record_id) for conflict in said]
            for record_id, said in found.items()}


REACTION_END = {"ended_at": "2026-11-28T12:30+01:00", "outcome": "stopped_reaction", "volume": 150,
                "signs": ["rigors", "low_bp"], "doctor_told": False, "blood_bank_told": False}


def _two_ends(tmp_path, laptop, clock, admission_values, second=REACTION_END, first=END):
    """A unit started on laptop 1, then ended on both: laptop 1 "given in full" (or `first`) at 13:00,
    laptop 2 "stopped: a reaction" at 12:30, told to no one (or `second`); both merged on laptop 1. Returns
    (laptop 1's nurse, its clerk, the patient, the full end, the reaction, laptop 2's nurse)."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    patient = records.save_new(nurse_1, "admission", {**admission_values,
                                                      "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    start = records.save_new(nurse_1, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00"},
                             patient_id=patient)
    import_export(clerk_2, export(clerk_1, tmp_path / "c1").folder)
    full = records.save_new(nurse_1, "transfusion_end", {**first, "unit": start.record_id,
                                                         "ended_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    clock.advance(minutes=5)
    reaction = records.save_new(nurse_2, "transfusion_end", {"unit": start.record_id, **second}, patient_id=patient)
    import_export(clerk_1, export(clerk_2, tmp_path / "c2").folder)
    return nurse_1, clerk_1, patient, full, reaction, nurse_2


def test_two_laptops_ends_of_one_unit_are_flagged(tmp_path, laptop, clock, admission_values):
    _, clerk_1, _, full, reaction, _ = _two_ends(tmp_path, laptop, clock, admission_values)
    assert _conflicts(clerk_1) == {full.record_id: [(TWO_ENDS, reaction.record_id)],
                                   reaction.record_id: [(TWO_ENDS, full.record_id)]}


def test_an_end_saying_a_reaction_wins_over_another_laptops_given_in_full(tmp_path, laptop, clock, admission_values):
    """The first written won (`first_ends`): the ward screen said "Given in full", the reaction
    left the list of those to report, and the export sent the Procedure completed without a
    complication."""
    nurse_1, _, patient, _, reaction, _ = _two_ends(tmp_path, laptop, clock, admission_values)
    [unit] = transfusion.chart(nurse_1.db, patient)
    assert unit.end.record_id == reaction.record_id
    assert unit.state(nurse_1.form("transfusion_end"), "en").startswith("ended 28/11 12:30: Stopped: a reaction")
    [untold] = transfusion.reactions_untold(nurse_1.db)[patient]
    assert untold.end.record_id == reaction.record_id


def test_one_unit_started_for_two_patients_on_two_laptops_is_flagged(tmp_path, laptop, admission_values):
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    first = records.save_new(nurse_1, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    other = records.save_new(nurse_2, "admission", {**admission_values, "birth_name": "DUPONT", "given_names": "Jean",
                                                    "sex": "male", "nir": None, "bed": "3",
                                                    "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    given = records.save_new(nurse_1, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00"},
                             patient_id=first)
    again = records.save_new(nurse_2, "blood_transfusion", {**UNIT, "unit_number": "G000126123456",
                                                            "started_at": "2026-11-28T11:10+01:00"}, patient_id=other)
    import_export(clerk_1, export(clerk_2, tmp_path / "c2").folder)
    assert _conflicts(clerk_1) == {given.record_id: [(UNIT_TWO_PATIENTS, again.record_id)],
                                   again.record_id: [(UNIT_TWO_PATIENTS, given.record_id)]}
    [said] = back_entry.conflicts_among(clerk_1.forms, list_current(clerk_1.db), lambda _: {})[given.record_id]
    assert said.text_in("en").startswith("the same unit of blood (donation number) was also started for another "
                                         "patient at 28/11/2026 ")


def _at_office(tmp_path, laptop, clerk_1, name: str):
    """The records office, with laptop 1's export (both ends) imported."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_1, tmp_path / name).folder)
    return office


def _line(office, record_id: str) -> back_entry.WorkItem:
    return next(item for group in back_entry.worklist(office) for item in group.items
                if item.record.record_id == record_id)


def test_the_two_ends_line_says_when_and_how_the_other_end_ended(tmp_path, laptop, clock, admission_values):
    """The clerk phoning the ward "which is true" must say what the other end says, not when it
    was typed."""
    _, clerk_1, _, full, _, _ = _two_ends(tmp_path, laptop, clock, admission_values)
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    [said] = _line(office, full.record_id).conflicts
    assert ": ended 28/11/2026 12:30, Stopped: a reaction, 150 mL (Chills or rigors, Low blood pressure); ask the " \
           "ward which is true" in said.text_in("en")


def test_both_ends_of_one_unit_are_never_both_not_to_be_entered(tmp_path, laptop, clock, admission_values):
    """A reaction on either end is reported: its end is not closed as not to be entered while
    another end stands; once the full end is, the reaction's line may not be too."""
    _, clerk_1, _, full, reaction, _ = _two_ends(tmp_path, laptop, clock, admission_values)
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    with pytest.raises(ServiceError) as refused:
        back_entry.mark_not_entered(office, reaction.record_id, 1, "Sr A", "given in full is true")
    assert refused.value.text("en").startswith("This end of the unit records a reaction")
    back_entry.mark_not_entered(office, full.record_id, 1, "Sr A", "stopped for a reaction is true")
    with pytest.raises(ServiceError):
        back_entry.mark_not_entered(office, reaction.record_id, 1, "Sr A", "given in full is true")


@pytest.mark.parametrize("change", ["withdrawn", "volume"])
def test_an_answer_on_one_end_lapses_when_the_other_end_is_withdrawn_or_changed(
        tmp_path, laptop, clock, admission_values, change):
    _, clerk_1, _, full, reaction, nurse_2 = _two_ends(tmp_path, laptop, clock, admission_values)
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    back_entry.mark_not_entered(office, full.record_id, 1, "Sr A", "stopped for a reaction is true")
    assert _line(office, full.record_id).done
    clock.advance(minutes=10)
    if change == "withdrawn":
        records.mark_entered_in_error(nurse_2, reaction.record_id, "wrong unit ended")
    else:
        records.amend(nurse_2, reaction.record_id, {**reaction.data, "volume": 90}, "volume misread")
    import_export(office, export(nurse_2, tmp_path / "o2").folder)
    assert not _line(office, full.record_id).done


def test_two_ends_neither_a_reaction_are_never_both_not_to_be_entered(tmp_path, laptop, clock, admission_values):
    """As one dose recorded twice: both closed, the unit would have no end in the EHR."""
    _, clerk_1, _, full, other, _ = _two_ends(tmp_path, laptop, clock, admission_values, second={
        "ended_at": "2026-11-28T12:30+01:00", "outcome": "stopped_other", "volume": 150, "reaction": False})
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    back_entry.mark_not_entered(office, other.record_id, 1, "Sr A", "given in full is true")
    with pytest.raises(ServiceError) as refused:
        back_entry.mark_not_entered(office, full.record_id, 1, "Sr A", "stopped is true")
    assert "is marked not to be entered already" in refused.value.text("en")


def test_a_unit_goes_in_the_bundle_with_its_reaction_once_the_other_end_is_not_to_be_entered(
        tmp_path, laptop, clock, admission_values):
    """The unit's Procedure is written from its start and its end, the reaction (`first_ends`):
    the full end closed as not to be entered left the whole unit, reaction and all, out of the
    bundle, as a group any of whose records is."""
    _, clerk_1, _, full, reaction, _ = _two_ends(tmp_path, laptop, clock, admission_values)
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    back_entry.mark_not_entered(office, full.record_id, 1, "Sr A", "stopped for a reaction is true")
    bundle = json.loads(next(export(office, tmp_path / "x").folder.rglob("bundle*.json")).read_text())
    [unit] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Procedure"]
    assert unit["status"] == "stopped" and "complication" in unit, unit


def test_one_reaction_recorded_on_two_laptops_is_entered_once(tmp_path, laptop, clock, admission_values):
    """Both ends record the reaction (the ward's "one reaction recorded twice"): one of them may be
    closed as not to be entered, the other stays; each was refused, pointing at the other."""
    _, clerk_1, _, first, second, _ = _two_ends(tmp_path, laptop, clock, admission_values, first=REACTION_END)
    office = _at_office(tmp_path, laptop, clerk_1, "o1")
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr A", "one reaction recorded twice")
    with pytest.raises(ServiceError) as refused:
        back_entry.mark_not_entered(office, first.record_id, 1, "Sr A", "one reaction recorded twice")
    assert "is marked not to be entered already" in refused.value.text("en")
