"""One person admitted twice under names written otherwise (a married name typed as the birth
name, "Le Goff" typed LEGOFF), two newborn twins under one name, and compound family names on
the census's name alert."""

from datetime import timedelta

import pytest

from downtime.domain.duplicates import (DAY_AND_MONTH_SWAPPED, NAMES_SWAPPED, SAME_NAME_AND_BIRTH, SAME_NIR,
                                       ProbableDuplicate, probable_duplicates)
from downtime.i18n import message
from downtime.services import census, records, search, wards
from downtime.services.errors import ValidationFailed
from downtime.services.identity import already_in_hospital
from downtime.sync.export import export
from downtime.sync.merge import merge

SAME_NAME = "the same family name (birth or used), first name and date of birth"


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Internal medicine", [str(n) for n in range(1, 7)])
    return session_for("nurse")


def _admit(nurse, values, bed):
    arrival = (nurse.clock() - timedelta(hours=3)).isoformat(timespec="minutes")
    return records.save_new(nurse, "admission", {**values, "bed": bed, "arrival_at": arrival})


def _person(values, birth_name, given_names, born="1950-05-05", sex="male", used_name=""):
    person = {**values, "birth_name": birth_name, "used_name": used_name, "given_names": given_names,
              "birth_date": born, "sex": sex}
    person.pop("nir")
    return person


# A person admitted twice, her married name typed as her birth name the second time.


def test_a_second_admission_under_her_married_name_typed_as_birth_name_is_said(nurse, admission_values, forms):
    """Mrs MARTIN Hélène Marie (née LEFÈVRE), 12/03/1954, no NIR, is in bed 2. The emergency
    department admits her again writing the name she gives, Martin, in the birth name's box: the
    search found her, yet no "Already in hospital?" was asked."""
    _admit(nurse, {**admission_values, "nir": None}, "2")
    again = {**admission_values, "nir": None, "birth_name": "Martin", "used_name": "", "bed": "3"}
    said = already_in_hospital(nurse.db, forms, forms["admission"], again, "en")
    assert said is not None and said.numbers == ("DT-042-00001-8",)
    assert said.text.startswith("Already in hospital, probably the same person: MARTIN Hélène Marie (née LEFÈVRE), "
                                f"born 12/03/1954, DT-042-00001-8, in 3B / 2 ({SAME_NAME}).")


def test_the_records_office_rule_finds_a_married_name_typed_as_birth_name(admission_values):
    """The merge's and the back-entry list's rule keyed the name on the birth name alone."""
    first = {**admission_values, "nir": None, "downtime_number": "DT-A"}
    again = {**admission_values, "nir": None, "birth_name": "Martin", "used_name": "", "downtime_number": "DT-B"}
    assert probable_duplicates([first, again]) == [ProbableDuplicate(("DT-A", "DT-B"), SAME_NAME_AND_BIRTH)]
    assert SAME_NAME_AND_BIRTH == SAME_NAME


def test_one_person_typed_with_her_names_or_her_day_and_month_swapped_is_a_probable_duplicate(admission_values):
    """LEFÈVRE Hélène and HÉLÈNE Lefèvre born 12/03/1954, or LEFÈVRE Hélène born 03/12/1954 on
    another laptop, were two people for the back-entry: two EHR files. Not said again of those
    the name and date of birth already group, nor of a date whose day and month are one."""
    one = {**admission_values, "nir": None, "used_name": "", "downtime_number": "DT-A"}
    swapped = {**one, "birth_name": "Hélène", "given_names": "Lefèvre", "downtime_number": "DT-B"}
    read_english = {**one, "birth_date": "1954-12-03", "downtime_number": "DT-C"}
    assert probable_duplicates([one, swapped, read_english]) == [
        ProbableDuplicate(("DT-A", "DT-B"), NAMES_SWAPPED), ProbableDuplicate(("DT-A", "DT-C"), DAY_AND_MONTH_SWAPPED)]
    assert probable_duplicates([one, {**one, "downtime_number": "DT-D"}]) == [
        ProbableDuplicate(("DT-A", "DT-D"), SAME_NAME_AND_BIRTH)]
    assert probable_duplicates([one, {**one, "birth_date": "1954-03-13", "downtime_number": "DT-E"}]) == []
    assert message("fr", NAMES_SWAPPED) == "même date de naissance, nom de famille et prénom inversés"


def test_one_person_found_by_both_her_names_is_said_once(admission_values):
    twice = [{**admission_values, "downtime_number": number} for number in ("DT-A", "DT-B")]
    assert probable_duplicates(twice) == [ProbableDuplicate(("DT-A", "DT-B"), SAME_NIR),
                                          ProbableDuplicate(("DT-A", "DT-B"), SAME_NAME_AND_BIRTH)]


def test_spouses_sharing_a_used_name_and_people_told_apart_are_not_said(admission_values):
    """Mrs and Mr Martin share a used name, not a first name; Mrs Martin's sister-in-law,
    MARTIN Hélène, was born another day."""
    wife = {**admission_values, "nir": None, "downtime_number": "DT-A"}
    husband = {**wife, "birth_name": "Martin", "used_name": "", "given_names": "Paul", "downtime_number": "DT-B"}
    sister_in_law = {**husband, "given_names": "Hélène", "birth_date": "1951-01-02", "downtime_number": "DT-C"}
    assert probable_duplicates([wife, husband, sister_in_law]) == []
    wife_numbered = {**wife, "downtime_number": "DT-042-00001-8"}
    told_apart = {**wife, "birth_name": "Martin", "used_name": "", "downtime_number": "DT-042-00002-6",
                  "not_same_as": "DT-042-00001-8"}
    assert probable_duplicates([wife_numbered, told_apart]) == []


def test_one_woman_admitted_under_each_of_her_names_on_two_laptops_is_a_probable_duplicate(tmp_path, laptop,
                                                                                          admission_values):
    """Ward 5A's laptop admitted her again from the transfer sheet ("MARTIN Hélène", no NIR): the
    merge's report did not say she is probably one person."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "birth_name": "Martin", "used_name": "", "nir": "",
                                             "identity_status": "provisional", "identity_document": None,
                                             "ward": "5A", "bed": "4"})
    merged = merge([export(clerk_1, tmp_path / "s1").folder, export(clerk_2, tmp_path / "s2").folder],
                   tmp_path / "merged")
    assert [(d.downtime_numbers, d.why) for d in merged.duplicates] == [
        (("DT-001-00001-7", "DT-002-00001-6"), SAME_NAME)]


# Family names written joined or apart.


def _found(nurse, forms, text):
    return [patient.display_name for patient in search.search(nurse.db, forms, text)]


def test_a_family_name_written_joined_or_apart_is_found_either_way(nurse, admission_values, forms):
    """"legoff" found nobody for LE GOFF Yann, nor "de la fontaine" for DELAFONTAINE Jean."""
    _admit(nurse, _person(admission_values, "Le Goff", "Yann"), "2")
    _admit(nurse, _person(admission_values, "Delafontaine", "Jean"), "3")
    _admit(nurse, _person(admission_values, "Martin-Dupont", "Jeanne", sex="female"), "4")
    for typed in ("legoff", "LEGOFF Yann", "le goff", "Le Goff 05/05/1950", "goff"):
        assert _found(nurse, forms, typed) == ["LE GOFF Yann"], typed
    for typed in ("de la fontaine", "De La Fontaine Jean", "delafont", "jean de la fontaine 1950"):
        assert _found(nurse, forms, typed) == ["DELAFONTAINE Jean"], typed
    for typed in ("martindupont", "martin dupont jeanne", "dupont"):
        assert _found(nurse, forms, typed) == ["MARTIN-DUPONT Jeanne"], typed
    assert _found(nurse, forms, "le goff 06/05/1950") == [] and _found(nurse, forms, "le gall") == []


def test_the_index_line_of_a_family_name_of_several_words_holds_it_written_as_one(nurse, admission_values, forms):
    saved = _admit(nurse, _person(admission_values, "Le Goff", "Yann", used_name="de la Fontaine-Martin"), "2")
    lines = nurse.db.execute("SELECT names FROM patient_search WHERE patient_id = ?", [saved.patient_id]).fetchall()
    assert lines == [("Le Goff de la Fontaine-Martin Yann   delafontainemartin legoff",)]
    search.rebuild(nurse.db, forms)
    assert nurse.db.execute("SELECT names FROM patient_search").fetchall() == lines


def test_lines_indexed_before_m034_get_their_family_names_written_as_one(nurse, admission_values, forms):
    """A database indexed before: its lines read as each save now writes them once migrated."""
    from downtime.storage.migrations import MIGRATIONS

    _admit(nurse, _person(admission_values, "Le Goff", "Yann"), "2")
    _admit(nurse, _person(admission_values, "Martin-Dupont", "Jeanne", sex="female", used_name="Le Gall"), "3")
    _admit(nurse, _person(admission_values, "Durand", "Paul"), "4")
    withdrawn = _admit(nurse, _person(admission_values, "Van Damme", "Jean"), "5")
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    maintained = nurse.db.execute("SELECT rowid, names FROM patient_search ORDER BY rowid").fetchall()
    for suffix in (" legoff", " legall martindupont"):
        nurse.db.execute("UPDATE patient_search SET names = substr(names, 1, length(names) - ?)"
                         " WHERE names LIKE ?", [len(suffix), f"%{suffix}"])
    assert _found(nurse, forms, "legoff") == []
    nurse.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm034_search_family_names_joined'")
    MIGRATIONS.apply(nurse.db)
    assert nurse.db.execute("SELECT rowid, names FROM patient_search ORDER BY rowid").fetchall() == maintained
    assert _found(nurse, forms, "legoff") == ["LE GOFF Yann"]


@pytest.mark.parametrize(("in_bed", "typed"), [("Le Goff", "LEGOFF"), ("LEGOFF", "Le Goff"),
                                               ("Delafontaine", "de la Fontaine")])
def test_a_second_admission_of_a_name_written_otherwise_is_said(nurse, admission_values, forms, in_bed, typed):
    _admit(nurse, _person(admission_values, in_bed, "Yann"), "2")
    again = {**_person(admission_values, typed, "Yann"), "bed": "3"}
    said = already_in_hospital(nurse.db, forms, forms["admission"], again, "en")
    assert said is not None and said.numbers == ("DT-042-00001-8",) and f"({SAME_NAME})" in said.text


# Newborn twins without first names.

BABY = {"given_names": None, "used_name": None, "nir": None, "identity_status": "provisional",
        "arrival_at": "2026-11-28T09:00+01:00", "weight_kg": 3.4, "height_cm": 50, "allergy_status": "nka",
        "allergies": [], "birth_date": "2026-11-28"}


def test_newborn_twins_are_not_admitted_under_one_identical_name(nurse, admission_values, forms):
    """Twins born on the ward, first names not declared yet, were both "LEFÈVRE", born
    28/11/2026: wristbands, labels and charts told apart by the number alone. A single newborn is
    still admitted without first names, and a twin given a provisional one is admitted."""
    first = records.save_new(nurse, "admission", {**admission_values, **BABY, "bed": "4"})
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "admission", {**admission_values, **BABY, "bed": "5"})
    assert [error.message for error in refused.value.errors] == [
        "“First names (all, as on the ID document)”: LEFÈVRE, born 28/11/2026, DT-042-00001-8, in 3B / 4, has the "
        "same name and date of birth and no first names either. Give each baby a provisional first name (Twin 1, "
        "Twin 2) until theirs are declared: without one, their wristbands, labels and charts differ by the number "
        "alone."]
    second = records.save_new(nurse, "admission", {**admission_values, **BABY, "given_names": "Jumelle 2", "bed": "5"})
    assert sorted(p.display_name for p in census.in_patients(nurse.db, forms, "3B")) == [
        "LEFÈVRE", "LEFÈVRE Jumelle 2"]
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 3.3}, "weighed again")
    with pytest.raises(ValidationFailed, match="no first names either"):
        records.amend(nurse, second.record_id, {**second.data, "given_names": None}, "name typed in error")


def test_a_newborn_of_another_name_or_birthday_is_admitted_without_first_names(nurse, admission_values):
    records.save_new(nurse, "admission", {**admission_values, **BABY, "bed": "4"})
    records.save_new(nurse, "admission", {**admission_values, **BABY, "birth_name": "Durand", "bed": "5"})
    records.save_new(nurse, "admission", {**admission_values, **BABY, "birth_date": "2026-11-27", "bed": "6"})


# The census's name alert and compound family names.


def test_a_compound_family_name_shares_the_name_alert_of_each_of_its_parts(nurse, admission_values, forms):
    """MARTIN-DUPONT Jeanne in bed 2 and MARTIN Jean in bed 3 had no SAME NAME alert; the
    particles of DE LA FONTAINE and DE GAULLE make no namesakes, and LE GOFF and LEGOFF still are."""
    beds = {bed: _admit(nurse, _person(admission_values, name, first), bed).patient_id
            for bed, name, first in [("2", "Martin-Dupont", "Jeanne"), ("3", "Martin", "Jean"),
                                     ("4", "de la Fontaine", "Paul"), ("5", "de Gaulle", "Louis"),
                                     ("6", "Le Goff", "Yann")]}
    _admit(nurse, {**_person(admission_values, "LEGOFF", "Anne"), "ward": "3B"}, "1")
    alerts = census.name_alerts(census.in_patients(nurse.db, forms, "3B"))
    assert alerts.get(beds["2"]) == ("3",) and alerts.get(beds["3"]) == ("2",)
    assert alerts.get(beds["4"]) is None and alerts.get(beds["5"]) is None
    assert alerts.get(beds["6"]) == ("1",)


def test_a_first_name_written_with_its_accents_apart_is_the_same_first_name(admission_values):
    """An EHR's extract writes "Hélène" with its accents apart (NFD, "He\\u0301le\\u0300ne"): split at
    them, its first name was "He", and the merge's and the snapshot's rule saw two people."""
    import unicodedata

    typed = {**admission_values, "nir": None, "downtime_number": "DT-A"}
    loaded = {**typed, "given_names": unicodedata.normalize("NFD", typed["given_names"]), "downtime_number": "DT-B"}
    assert loaded["given_names"] != typed["given_names"]
    assert probable_duplicates([typed, loaded]) == [ProbableDuplicate(("DT-A", "DT-B"), SAME_NAME_AND_BIRTH)]
