"""An unknown patient identified: as a patient in hospital under a second number (the records
office must still join them; a twin not), in two steps (the second naming a patient who left,
allergies and all), asked no more once answered; what was sent under the alias; and an import
bringing another unknown under the temporary name this one had."""

from datetime import UTC

import pytest

from downtime.domain.clock import ward_time
from downtime.domain.duplicates import SAME_NIR, duplicates_and_namesakes
from downtime.services import identity, records, wards
from downtime.services.errors import ValidationFailed
from downtime.storage.records import histories
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.conftest import GIRARD, unknown_man

NIR = "189067511302344"


def test_a_pair_told_apart_but_sharing_a_nir_stays_a_probable_duplicate():
    """An unknown woman identified as Mrs Martin, in hospital, was saved "another patient" (her
    not_same_as naming Mrs Martin's number): the records office's list dropped the pair though
    both carry one NIR. Twins never share a NIR; namesakes told apart by the ward still are."""
    martin = {"downtime_number": "DT-042-00001-8", "birth_name": "Lefevre", "given_names": "Helene",
              "birth_date": "1954-03-12", "nir": "254037511302312"}
    identified = {**martin, "downtime_number": "DT-042-00002-6", "not_same_as": "DT-042-00001-8"}
    twin = {**martin, "downtime_number": "DT-042-00003-4", "nir": None, "not_same_as": "DT-042-00001-8, DT-042-00002-6"}
    probable, told_apart = duplicates_and_namesakes([martin, identified, twin])
    assert [(group.downtime_numbers, group.why) for group in probable] == [
        (("DT-042-00001-8", "DT-042-00002-6"), SAME_NIR)]
    assert [group.downtime_numbers for group in told_apart] == [("DT-042-00001-8", "DT-042-00002-6", "DT-042-00003-4")]


def test_identified_in_two_steps_the_second_names_the_patient_who_left_with_his_allergies(
        session_for, admission_values, send_home):
    """Named with an estimated date of birth first, then given his real one and the NIR of his
    carte Vitale: the second step makes him the man sent home at noon with a penicillin
    anaphylaxis, and nothing asked "Known here already"."""
    nurse = session_for("nurse")
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    spec = nurse.form("admission")
    earlier = records.save_new(nurse, "admission", {
        **admission_values, **GIRARD, "sex": "male", "used_name": "", "nir": NIR,
        "arrival_at": "2026-11-27T09:00+01:00", "bed": "13",
        "allergies": [{"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]})
    send_home(earlier.patient_id)
    unknown = records.save_new(nurse, "admission", {**unknown_man(admission_values), "bed": "4",
                                                    "arrival_at": "2026-11-28T13:00+01:00"})
    named = records.amend(nurse, unknown.record_id, {**unknown.data, **GIRARD, "birth_date": "1989-01-01"},
                          "Identified by name, date of birth estimated")
    numbered = {**named.data, "birth_date": GIRARD["birth_date"], "nir": NIR}
    known = identity.known_here_before(nurse.db, nurse.forms, spec, numbered, "en", before=named.data,
                                       patient_id=unknown.patient_id)
    assert known is not None and "Penicillin (Anaphylaxis, severe)" in known.text
    assert [row["substance"] for patient in known.patients for row in patient.allergies] == ["Penicillin"]
    assert identity.known_here_before(nurse.db, nurse.forms, spec, {**named.data, "bed": "5"}, "en",
                                      before=named.data, patient_id=unknown.patient_id) is None


def test_an_import_bringing_an_unknown_under_a_name_one_here_had_before_being_identified_says_so(
        tmp_path, laptop, admission_values, clock):
    """The emergency department identified UNKNOWN MALE ALPHA as Girard; intensive care began its
    alphabet at the same word. Its stick, imported, put a second UNKNOWN MALE ALPHA in the
    hospital, and a result phoned for that name found two men, nothing said."""
    ed, ed_clerk = laptop(tmp_path / "1.sqlite", 1)
    icu, icu_clerk = laptop(tmp_path / "2.sqlite", 2)
    alias = records.save_new(ed, "admission", {**unknown_man(admission_values), "bed": "1"})
    clock.advance(hours=1)
    records.amend(ed, alias.record_id, {**alias.data, **GIRARD}, "Identified by his wife")
    records.save_new(icu, "admission", {**unknown_man(admission_values), "ward": "ICU", "bed": "2",
                                        "descriptor": "man about 60, burns"})
    said = [phrase.text("en") for phrase in import_export(ed_clerk, export(icu_clerk, tmp_path / "icu").folder).to_check]
    line = next(text for text in said if "UNKNOWN MALE ALPHA" in text)
    assert "DT-001-00001-" in line and "DT-002-00001-" in line and "GIRARD" in line


def _identified_as_martin(nurse, admission_values, **identity_typed):
    """Mrs Martin in bed 13, and the unknown woman in bed 4 identified as Mrs Martin (or as
    `identity_typed` says), saved with no one told apart, as a Yes to "Is it the same person?"
    saves it: her admission's version standing."""
    records.save_new(nurse, "admission", {**admission_values, "bed": "13"})
    unknown = records.save_new(nurse, "admission", {**unknown_man(admission_values), "sex": "female", "bed": "4",
                                                    "temporary_name": "Unknown Female Alpha"})
    return records.amend(nurse, unknown.record_id, {**unknown.data, **{key: admission_values[key] for key in (
        "unidentified", "birth_name", "used_name", "given_names", "birth_date", "nir", "identity_status",
        "identity_document")}, **identity_typed}, "Identified by her daughter")


def test_an_amendment_after_the_identification_asks_only_of_patients_it_newly_finds(
        session_for, admission_values, send_home):
    """Said to be Mrs Martin, in bed 13, a Yes leaves nothing on the record: her IPP added from
    the EHR the next day asked "Is it the same person?" again, and a tired No hid one person's
    two numbers from the records office. The same of a man who left: "Known here already" again."""
    nurse = session_for("nurse")
    spec = nurse.form("admission")
    identified = _identified_as_martin(nurse, admission_values)
    with_ipp = {**identified.data, "ipp": "80012345"}
    assert identity.already_in_hospital(nurse.db, nurse.forms, spec, with_ipp, "en", before=identified.data,
                                        patient_id=identified.patient_id) is None
    earlier = records.save_new(nurse, "admission", {**admission_values, **GIRARD, "sex": "male", "used_name": "",
                                                    "nir": NIR, "bed": "14"})
    send_home(earlier.patient_id)
    unknown = records.save_new(nurse, "admission", {**unknown_man(admission_values), "bed": "5"})
    named = records.amend(nurse, unknown.record_id, {**unknown.data, **GIRARD, "nir": NIR}, "Identified by the police")
    assert identity.known_here_before(nurse.db, nurse.forms, spec, {**named.data, "ipp": "80012399"}, "en",
                                      before=named.data, patient_id=unknown.patient_id) is None


TWIN = {"birth_name": "Martin", "used_name": "", "sex": "male", "birth_date": "1980-05-05"}


def test_a_twin_identified_from_his_own_card_is_not_asked_if_he_is_his_brother(session_for, admission_values):
    """MARTIN Jean-Pierre is in bed 13; the unknown man is identified as his twin Jean-Luc, his
    own carte Vitale read: asked "Is it the same person?" of his brother, a Yes joined their
    charts. His NIR corrected to his brother's, he is asked."""
    nurse = session_for("nurse")
    spec = nurse.form("admission")
    identified = _identified_as_martin(nurse, {**admission_values, **TWIN, "given_names": "Jean-Pierre",
                                               "nir": "180057511302381"},
                                       given_names="Jean-Luc", nir="180057511302480")
    unknown = histories(nurse.db, [identified.record_id])[identified.record_id][0]
    same = identity.already_in_hospital(nurse.db, nurse.forms, spec, identified.data, "en", before=unknown.data,
                                        patient_id=identified.patient_id)
    assert same is not None and same.numbers == ("DT-042-00001-8",) and same.each == ()
    corrected = identity.already_in_hospital(nurse.db, nurse.forms, spec, {**identified.data, "nir": "180057511302381"},
                                             "en", before=identified.data, patient_id=identified.patient_id)
    assert corrected is not None and [number for number, _ in corrected.each] == ["DT-042-00001-8"]


def test_what_was_sent_under_the_alias_is_told_blood_or_samples(session_for, admission_values):
    """A routine full blood count was told as blood ("start no unit labelled so"); a group and
    screen, or blood ordered, is blood; a sample cancelled brings nothing back."""
    nurse = session_for("nurse")
    unknown = records.save_new(nurse, "admission", {**unknown_man(admission_values), "bed": "4",
                                                    "arrival_at": "2026-11-28T13:00+01:00"})
    fbc = records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T13:30+01:00", "urgency": "routine",
                                                  "tests": ["fbc"], "sample_number": "H26-1"},
                           patient_id=unknown.patient_id)
    assert identity.sent_under(nurse.db, unknown.patient_id) is identity.SentUnder.SAMPLES
    records.amend(nurse, fbc.record_id, {**fbc.data, "outcome": "cancelled", "closed_by": "Dr Benali",
                                         "closed_at": "2026-11-28T13:40+01:00"}, "No longer needed")
    assert identity.sent_under(nurse.db, unknown.patient_id) is None
    records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T13:45+01:00", "urgency": "urgent",
                                            "tests": [identity.GROUP_AND_SCREEN], "sample_number": "H26-2",
                                            "identified_at_bedside": True, "group_sample": "first_sample"},
                     patient_id=unknown.patient_id)
    assert identity.sent_under(nurse.db, unknown.patient_id) is identity.SentUnder.BLOOD


def test_a_temporary_name_renamed_as_told_is_not_said_the_one_kept(tmp_path, laptop, admission_values, clock):
    """Two UNKNOWN MALE ALPHA after intensive care's first stick, the import said "give each but
    one a new temporary name"; intensive care renamed its own ECHO, and its next stick said the
    department's, the one kept, was the name ECHO had had: rename it. A temporary name once given
    is spent (`check_temporary_name`): every one carrying it is renamed, and both say so."""
    ed, ed_clerk = laptop(tmp_path / "1.sqlite", 1)
    icu, icu_clerk = laptop(tmp_path / "2.sqlite", 2)
    records.save_new(ed, "admission", {**unknown_man(admission_values), "bed": "1"})
    theirs = records.save_new(icu, "admission", {**unknown_man(admission_values), "ward": "ICU", "bed": "2",
                                                 "descriptor": "man about 60, burns"})
    (first,) = import_export(ed_clerk, export(icu_clerk, tmp_path / "icu1").folder).to_check
    assert "give each of them a new temporary name" in first.text("en")
    clock.advance(hours=1)
    records.amend(icu, theirs.record_id, {**theirs.data, "temporary_name": "Unknown Male Echo"}, "Name shared")
    (second,) = import_export(ed_clerk, export(icu_clerk, tmp_path / "icu2").folder).to_check
    assert "had before being renamed or identified" in second.text("en")
    assert "Give the unidentified patient a new temporary name" in second.text("en")


def test_the_time_a_temporary_name_was_dropped_is_said_on_the_ward_clock(tmp_path, laptop, admission_values, clock):
    """The department's laptop set to UTC identified its UNKNOWN MALE ALPHA at 15:00 ward time:
    the import and the refusal of the name said "until 28/11 14:00"."""
    ed, ed_clerk = laptop(tmp_path / "1.sqlite", 1)
    icu, icu_clerk = laptop(tmp_path / "2.sqlite", 2)
    alias = records.save_new(ed, "admission", {**unknown_man(admission_values), "bed": "1"})
    clock.advance(hours=1)
    clock.now = clock.now.astimezone(UTC)
    named = records.amend(ed, alias.record_id, {**alias.data, **GIRARD}, "Identified by his wife")
    until = ward_time(named.recorded_at, None)
    assert until != f"{named.recorded_at:%d/%m %H:%M}"
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(ed, "admission", {**unknown_man(admission_values), "bed": "3"})
    assert f"until {until}" in refused.value.errors[0].message
    records.save_new(icu, "admission", {**unknown_man(admission_values), "ward": "ICU", "bed": "2",
                                        "descriptor": "man about 60, burns"})
    (said,) = import_export(ed_clerk, export(icu_clerk, tmp_path / "icu").folder).to_check
    assert f"until {until}" in said.text("en")
