"""Both laptops admitted her with her NIR. A clerk linked DT-001 to EHR patient 800123; the next
shift, from DT-002's line, created EHR file 800999 for her and linked it. One NIR is one person:
the app took the two links as "two people told apart in the EHR", the probable-duplicate note
went, and her records were split between two EHR files. A link that would do so is refused
naming the other number, the NIR and its EHR patient, unless the clerk says the EHR shows two
people; the name-and-birth-date rule keeps two EHR numbers as two people."""

import json

import pytest

from downtime.cli import main
from downtime.services import back_entry, records
from downtime.services.back_entry import OneNumberTwoFiles
from downtime.sync.export import export
from downtime.sync.import_export import import_export

FIRST, SECOND = "DT-001-00001-7", "DT-002-00001-6"


def _office(tmp_path, laptop, admission_values, second: dict):
    """The records office, having imported laptop 1's admission of her and laptop 2's (`second`
    changes its answers)."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "ward": "5A", "bed": "4", **second})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    return office


def _unsettled(office) -> list[tuple[tuple[str, ...], str]]:
    return [(group.downtime_numbers, group.why) for group in back_entry.probable_duplicates(office)]


SPLIT = ("DT-001-00001-7 has the same NIR as DT-002-00001-6 (254037511302312) and is linked to EHR patient 800123: one "
         "person, whose records would be split between two EHR files. Link DT-002-00001-6 to 800123, or to 800999 only "
         "if the EHR shows two people (the number mistyped on one admission).")


def test_a_number_of_the_same_nir_as_one_linked_is_refused_another_ehr_patient(tmp_path, laptop, admission_values):
    office = _office(tmp_path, laptop, admission_values, {})
    back_entry.link_patient(office, FIRST, "800123")
    with pytest.raises(OneNumberTwoFiles) as refused:
        back_entry.link_patient(office, SECOND, "800999")
    assert refused.value.text("en") == SPLIT
    assert back_entry.one_number_two_files(office, SECOND, "800999").text("en") == SPLIT
    assert back_entry.one_number_two_files(office, SECOND, " 800123") is None
    assert sorted(back_entry.ehr_numbers(office.db).values()) == ["800123"]
    back_entry.link_patient(office, SECOND, "800123", same_person=True)
    assert _unsettled(office) == []


def test_the_clerks_word_that_the_ehr_shows_two_people_links_it_and_the_note_stays(tmp_path, laptop,
                                                                                 admission_values):
    """Taken on the clerk's word, audited with the other number; one NIR under two EHR numbers is
    still said to be probably one person, until both are linked to one."""
    office = _office(tmp_path, laptop, admission_values, {})
    back_entry.link_patient(office, FIRST, "800123")
    assert back_entry.link_patient(office, SECOND, "800999", two_people=True)
    assert sorted(back_entry.ehr_numbers(office.db).values()) == ["800123", "800999"]
    detail = json.loads(office.db.execute("SELECT detail FROM audit ORDER BY seq DESC").fetchone()[0])
    assert detail["two_people_with"] == FIRST and detail["their_ehr"] == "800123"
    assert [numbers for numbers, _ in _unsettled(office)] == [(FIRST, SECOND)]
    assert "the same NIR" in [why for _, why in _unsettled(office)]


def test_two_people_of_one_name_and_birth_date_are_linked_to_two_ehr_patients_as_before(tmp_path, laptop,
                                                                                      admission_values):
    office = _office(tmp_path, laptop, admission_values, {"nir": ""})
    back_entry.link_patient(office, FIRST, "800123")
    assert back_entry.one_number_two_files(office, SECOND, "800456") is None
    back_entry.link_patient(office, SECOND, "800456")
    assert _unsettled(office) == []


def test_the_link_command_refuses_it_saying_why(tmp_path, laptop, admission_values, capsys):
    office = _office(tmp_path, laptop, admission_values, {})
    back_entry.link_patient(office, FIRST, "800123")
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "link", SECOND, "--ehr", "800999", "--db", db, "--user", "records", "--pin", "4444"]) != 0
    assert SPLIT in capsys.readouterr().err
    assert sorted(back_entry.ehr_numbers(office.db).values()) == ["800123"]
