"""An unknown man's admission on hold: identified as GIRARD on ward 5A (its version 2), described
on ED's laptop twice (versions 2 and 3). The duplicates read each record's highest version alone,
ED's version 3: the merge, the import and the records office's list found no probable duplicate
of GIRARD's own admission, where one amendment on ED found it (test_hold_identified_found), and
the office entered the alias and GIRARD as two EHR files."""

from __future__ import annotations

from downtime.domain.duplicates import standing
from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_hold_identified_found import ALIAS, REAL, _identified_on_hold


def _described_again(tmp_path, laptop, admission_values, clock):
    """The three laptops (ED, 5A, 3B) once ED described the alias a second time."""
    ed, ward_5a, ward_3b, alias = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    clock.advance(minutes=10)
    records.amend(ed[0], alias.record_id, {**records.current(ed[0].db, alias.record_id).data,
                                           "descriptor": "man about 35, tattoo left arm, scar on the chin"}, "scar")
    return [export(clerk, tmp_path / f"export-{n}").folder for n, (_, clerk) in enumerate((ed, ward_5a, ward_3b))]


def test_the_merge_finds_the_side_identified_under_the_other_laptops_later_version(tmp_path, laptop,
                                                                                   admission_values, clock):
    folders = _described_again(tmp_path, laptop, admission_values, clock)
    assert [group.downtime_numbers for group in merge(folders, tmp_path / "merged").duplicates] == [(ALIAS, REAL)] * 2


def test_the_office_finds_it_importing_the_exports_one_by_one(tmp_path, laptop, admission_values, clock):
    folders = _described_again(tmp_path, laptop, admission_values, clock)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    said = [import_export(office, folder).duplicates for folder in folders]
    assert [group.downtime_numbers for group in said[2]] == [(ALIAS, REAL)] * 2
    assert [group.downtime_numbers for group in back_entry.probable_duplicates(office)] == [(ALIAS, REAL)] * 2


def _row(version: int, device: str, nir: str, status: str = "final") -> dict[str, object]:
    return {"record_id": "r", "version": version, "device_id": device, "nir": nir, "status": status}


def test_a_record_amended_on_another_laptop_with_no_hold_stands_by_its_latest_version_alone():
    """Written on laptop 1, corrected on laptop 2 that took the patient's stick: the NIR mistyped
    in version 1 is no duplicate's."""
    assert [row["nir"] for row in standing([_row(1, "001", "mistyped"), _row(2, "002", "right")])] == ["right"]


def test_a_hold_stands_by_each_laptops_latest_version_from_the_one_they_wrote_apart():
    rows = [_row(1, "001", "first"), _row(2, "001", "ed"), _row(3, "001", "ed again"), _row(2, "002", "identified")]
    assert sorted(str(row["nir"]) for row in standing(rows, {"r": 2})) == ["ed again", "identified"]
