"""A laptop exported every day with --since-last, and one day's stick did not reach the records
office: the merge of the others took every record but that day's, and said nothing. Each export
names the laptop's record versions it holds (records_rowid_range), so the merge names the
versions of a laptop that none of its exports hold, and the exports to bring; and it lists the
laptops merged, with how many exports of each and the latest, for the clerk to tick off a
laptop none of whose sticks came."""

import json
from dataclasses import replace

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.services import back_entry, records, settings, staff
from downtime.services.context import Session, load_device
from downtime.services.printing import print_worklist
from downtime.services.wards import add_ward
from downtime.storage import open_database
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _daily_sticks(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits a patient each day from 28/11, exporting at the end of each day, the
    first day whole, then --since-last; laptop 2 admits one patient and exports once."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    sticks = []
    for day, name in enumerate(("Roux", "Garcia", "Nguyen")):
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": "", "nir": "",
                                              "bed": str(day + 1),
                                              "arrival_at": f"2026-11-{28 + day}T10:00+01:00"})
        clock.advance(hours=3)
        sticks.append(export(clerk, tmp_path / f"laptop1-day{day + 1}", since_last=day > 0).folder)
        clock.advance(hours=21)
    other_nurse, other_clerk = laptop(tmp_path / "2.sqlite", 2)
    records.save_new(other_nurse, "admission", admission_values)
    return sticks, export(other_clerk, tmp_path / "laptop2").folder


MISSING = ("MISSING EXPORT: 1 record version(s) of laptop 1 (no. 001) are in none of the exports merged: bring its "
           "export made after 28/11/2026 17:00 and before 30/11/2026 17:00 (or make a whole export on that laptop) and "
           "merge again")


def test_the_merge_names_a_laptops_versions_no_export_holds(tmp_path, laptop, clock, admission_values, capsys):
    (day_1, day_2, day_3), other = _daily_sticks(tmp_path, laptop, clock, admission_values)
    assert main(["merge", str(day_1), str(day_3), str(other), "--out", str(tmp_path / "merged")]) == 0
    out = capsys.readouterr().out.splitlines()
    # Each laptop merged, to tick the hospital's off, then what is missing, before anything else.
    assert out[1:4] == ["  laptop 1 (no. 001): 2 export(s), the latest made 30/11/2026 17:00",
                        "  laptop 2 (no. 002): 1 export(s), the latest made 01/12/2026 14:00", MISSING]
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    assert [(found["first"], found["last"], found["why"]) for found in manifest["missing_exports"]] == [(2, 2, MISSING)]
    # The missing stick merged with that merge, in any order, leaves nothing missing.
    assert merge([day_2, tmp_path / "merged"], tmp_path / "complete").missing == ()
    assert json.loads((tmp_path / "complete" / "manifest.json").read_text(encoding="utf-8"))["missing_exports"] == []


def test_a_laptops_first_exports_missing_are_named_too(tmp_path, laptop, clock, admission_values):
    (_, day_2, day_3), other = _daily_sticks(tmp_path, laptop, clock, admission_values)
    result = merge([day_3, day_2, other], tmp_path / "merged")
    assert [(found.first, found.last, found.text("en", result.laptops)) for found in result.missing] == [(1, 1, (
        "MISSING EXPORT: 1 record version(s) of laptop 1 (no. 001) are in none of the exports merged: bring its export "
        "made before 29/11/2026 17:00 (or make a whole export on that laptop) and merge again"))]


def test_every_export_of_each_laptop_leaves_nothing_missing(tmp_path, laptop, clock, admission_values):
    sticks, other = _daily_sticks(tmp_path, laptop, clock, admission_values)
    assert merge([*sticks, other], tmp_path / "merged").missing == ()


IMPORT_MISSING = ("MISSING EXPORT: 1 record version(s) of laptop 1 (no. 001) are in none of the exports imported here: "
                  "bring its export made after 28/11/2026 17:00 and before 30/11/2026 17:00 (or make a whole export on "
                  "that laptop) and import it")


def test_importing_sticks_one_by_one_names_the_stick_that_did_not_come_until_it_is_imported(
        tmp_path, laptop, clock, admission_values, capsys):
    (day_1, day_2, day_3), other = _daily_sticks(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])

    def imported(stick):
        assert main(["import", str(stick), "--user", "records", "--pin", "4444", "--db", db]) == 0
        return [line for line in capsys.readouterr().out.splitlines() if " on the Back-entry list, " not in line]

    assert IMPORT_MISSING not in " ".join(imported(day_1))
    # Right after what was imported, before anything else the report says.
    assert imported(day_3)[1:] == [IMPORT_MISSING]
    assert imported(other)[1:] == [IMPORT_MISSING]  # said again, another laptop's stick or not
    assert imported(day_2)[1:] == []
    assert office.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 4


def test_an_import_keeps_the_gap_it_found_in_its_audit_entry(tmp_path, laptop, clock, admission_values):
    (day_1, _, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, day_1)
    result = import_export(office, day_3)
    assert [(found.first, found.last) for found in result.missing] == [(2, 2)]
    detail = json.loads(office.db.execute("SELECT detail FROM audit WHERE action = 'import' ORDER BY seq DESC LIMIT 1")
                        .fetchone()[0])
    assert detail["missing_exports"] == [{"device_id": result.missing[0].device_id, "first": 2, "last": 2}]


def test_a_wards_laptop_given_another_laptops_sticks_is_not_told_to_bring_the_others(
        tmp_path, laptop, clock, admission_values, forms):
    """A ward's laptop holds part of another laptop's records by design (a moved patient's stick):
    told at each import to bring that laptop's other exports, its staff learnt to pass over the
    red lines the records office must not."""
    (day_1, _, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    ward = laptop(tmp_path / "ward.sqlite", 7)[1]
    admin = Session(ward.db, ward.device, staff.sign_in(ward.db, "admin", "0000", clock), forms, clock)
    add_ward(admin, "3B", "Surgery", ["1"])
    settings.set_laptop_ward(admin, "3B")
    import_export(ward, day_1)
    assert import_export(ward, day_3).missing == ()


WORKLIST_MISSING = ("MISSING EXPORT: 1 record version(s) of laptop 1 (no. 001) are in none of the exports imported "
                    "here, so not on this list: bring its export made after 28/11/2026 17:00 and before 30/11/2026 "
                    "17:00 (or make a whole export on that laptop) and import it")


def test_the_worklist_says_first_which_stick_is_missing_until_it_is_imported(tmp_path, laptop, clock, admission_values,
                                                                               capsys):
    """Said only in the import's report: the clerk who did not run that import worked through a
    list that lacked a laptop's day, and never knew."""
    (day_1, day_2, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    who = ["--user", "records", "--pin", "4444", "--db", str(tmp_path / "office.sqlite")]
    for stick in (day_1, day_3):
        import_export(office, stick)
    capsys.readouterr()
    assert main(["worklist", *who]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == WORKLIST_MISSING
    assert said[1] == "0 of 2 record(s) entered in the EHR"
    import_export(office, day_2)
    assert main(["worklist", *who]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "0 of 3 record(s) entered in the EHR"


WORKLIST_MISSING_FR = ("EXPORT MANQUANT : 1 version(s) d’enregistrement de laptop 1 (n° 001) ne figurent dans aucun "
                       "des exports importés ici, donc pas dans cette liste : apportez son export fait après le "
                       "28/11/2026 17:00 et avant le 30/11/2026 17:00 (ou faites un export complet sur ce portable) et "
                       "importez-le")


@pytest.mark.parametrize("lang, said, every_page", [
    ("en", WORKLIST_MISSING, "MISSING EXPORT: this list lacks records, see page 1"),
    ("fr", WORKLIST_MISSING_FR, "EXPORT MANQUANT : il manque des fiches à cette liste, voir page 1")])
def test_the_printed_worklist_says_first_and_on_every_page_which_stick_is_missing(
        tmp_path, laptop, clock, admission_values, forms, lang, said, every_page):
    """The screen and `downtime worklist` said it first, but the paper the clerks work from at
    the EHR's terminal did not: they ticked off a list lacking a laptop's day, never knowing."""
    (day_1, _, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    db = open_database(tmp_path / "1.sqlite")
    nurse, clerk = (Session(db, load_device(db), staff.sign_in(db, who, pin, clock), forms, clock)
                    for who, pin in (("nurse", "1111"), ("records", "4444")))
    for bed in range(40):  # laptop 1's last day: the list runs over pages
        records.save_new(nurse, "admission", {**admission_values, "birth_name": f"Moreau{bed:02d}", "nir": "",
                                              "bed": str(bed + 10), "arrival_at": "2026-11-30T11:00+01:00"})
    office = replace(laptop(tmp_path / "office.sqlite", 900)[1], lang=lang)
    for stick in (day_1, day_3, export(clerk, tmp_path / "laptop1-day3b", since_last=True).folder):
        import_export(office, stick)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(
        print_worklist(office, tmp_path / "worklist.pdf")).pages]
    assert len(pages) > 2
    # Above the first patient, under the header.
    assert pages[0].index(said) < pages[0].index(back_entry.worklist(office)[0].patient.display_name)
    assert all(every_page in page for page in pages)
    import_export(office, tmp_path / "laptop1-day2")
    pages = [page.extract_text() for page in PdfReader(print_worklist(office, tmp_path / "whole.pdf")).pages]
    assert not any("MISSING" in page or "MANQUANT" in page for page in pages)
