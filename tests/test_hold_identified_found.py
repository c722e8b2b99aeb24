"""An unknown patient's admission amended on one laptop (a better description) and identified on
another (the ward he was moved to): a hold. The identification is one laptop's side of it, and
the records office's duplicates and every search read it as the merge does (every laptop's
version, domain.duplicates.standing): the office's list missed the pair the merge found, and a
result phoned for Thomas Girard found no patient, on the office's laptop or the ward's."""

from __future__ import annotations

import json
from pathlib import Path

from downtime.services import back_entry, holds, records, search
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.conftest import GIRARD, unknown_man

ALIAS, REAL = "DT-001-00001-7", "DT-003-00001-5"


def _identified_on_hold(tmp_path: Path, laptop, admission_values, clock):
    """The three laptops' sessions (ED, 5A, 3B) and the alias's admission: GIRARD admitted on 3B
    with IPP 80012345; the unknown man admitted in ED, his stick loaded on 5A; ED amends the
    description, 5A identifies him as GIRARD with that IPP."""
    ed = laptop(tmp_path / "ed.sqlite", 1)
    ward_5a = laptop(tmp_path / "5a.sqlite", 2)
    ward_3b = laptop(tmp_path / "3b.sqlite", 3)
    records.save_new(ward_3b[0], "admission", {**admission_values, **GIRARD, "sex": "male", "nir": "",
                                                "ipp": "80012345", "used_name": "", "bed": "3"})
    alias = records.save_new(ed[0], "admission", {**unknown_man(admission_values), "ward": "ED", "bed": "1"})
    clock.advance(hours=1)
    import_export(ward_5a[1], export(ed[1], tmp_path / "stick-ed").folder)
    records.amend(ed[0], alias.record_id, {**alias.data, "descriptor": "man about 35, road accident, tattoo left arm"},
                  "more detail")
    clock.advance(hours=1)
    records.amend(ward_5a[0], alias.record_id, {**alias.data, **GIRARD, "sex": "male", "ipp": "80012345"},
                  "Identified by his wife")
    return ed, ward_5a, ward_3b, alias


def _numbers(found) -> list[str]:
    return sorted(patient.downtime_number for patient in found)


def test_the_office_importing_the_exports_one_by_one_finds_the_identified_side_of_a_hold(
        tmp_path, laptop, admission_values, clock):
    ed, ward_5a, ward_3b, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    said = [import_export(office, export(clerk, tmp_path / f"export-{n}").folder).duplicates
            for n, (_, clerk) in enumerate((ed, ward_5a, ward_3b))]
    assert [group.downtime_numbers for group in said[2]] == [(ALIAS, REAL), (ALIAS, REAL)]
    assert [group.downtime_numbers for group in back_entry.probable_duplicates(office)] == [(ALIAS, REAL)] * 2
    assert _numbers(search.search(office.db, office.forms, "girard")) == [ALIAS, REAL]
    assert _numbers(search.search(office.db, office.forms, "tattoo")) == [ALIAS]
    assert search.index_problem(office.db, office.forms) is None


def test_the_ward_that_loads_the_identifying_stick_finds_him_by_his_name(tmp_path, laptop, admission_values, clock):
    ed, ward_5a, _, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    assert _numbers(search.search(ed[0].db, ed[0].forms, "girard")) == [ALIAS]
    assert _numbers(search.search(ed[0].db, ed[0].forms, "80012345")) == [ALIAS]
    assert search.index_problem(ed[0].db, ed[0].forms) is None


def test_the_side_a_settlement_sets_aside_is_no_longer_searched(tmp_path, laptop, admission_values, clock):
    """The clerk chose ED's side (the ward said the identification was of another man): the
    name it set aside finds nobody, as the index rebuilt from the records would have it."""
    ed, ward_5a, _, alias = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    hold = back_entry.hold_of(ed[1], alias.record_id)
    described = next(version for version in hold.versions if version.data.get("birth_name") != "Girard"
                     and version.version == 2)
    holds.settle(ed[1], hold, described, "Ward 5A: identified the man in the next bed", drop_changes=True)
    assert search.search(ed[0].db, ed[0].forms, "girard") == []
    assert _numbers(search.search(ed[0].db, ed[0].forms, "tattoo")) == [ALIAS]
    assert search.index_problem(ed[0].db, ed[0].forms) is None


def test_a_settlement_brought_by_another_office_stops_the_side_it_sets_aside_being_searched(
        tmp_path, laptop, admission_values, clock):
    ed, ward_5a, _, alias = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    sticks = [export(clerk, tmp_path / f"export-{n}").folder for n, (_, clerk) in enumerate((ed, ward_5a))]
    first, second = (laptop(tmp_path / f"office-{n}.sqlite", 900 + n)[1] for n in (1, 2))
    for office in (first, second):
        for stick in sticks:
            import_export(office, stick)
    hold = back_entry.hold_of(first, alias.record_id)
    described = next(version for version in hold.versions if version.data.get("birth_name") != "Girard"
                     and version.version == 2)
    holds.settle(first, hold, described, "Ward 5A: identified the man in the next bed", drop_changes=True)
    assert _numbers(search.search(second.db, second.forms, "girard")) == [ALIAS]
    assert import_export(second, export(first, tmp_path / "first-office").folder).added.get("settlements") == 1
    assert search.search(second.db, second.forms, "girard") == []
    assert search.index_problem(second.db, second.forms) is None


def test_the_line_found_by_the_identification_on_hold_says_the_name_it_gives(
        tmp_path, laptop, admission_values, clock):
    """Found by "girard thomas" or the IPP 5A gave, the line read UNKNOWN MALE ALPHA alone: the
    nurse taking a result phoned for Thomas Girard could not tell why it came up, and took him
    for another patient. Found by what ED's own version says, it says nothing more."""
    ed, ward_5a, _, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    for text in ("girard thomas", "80012345"):
        [found] = search.find(ed[0].db, ed[0].forms, text)
        assert (found.patient.downtime_number, found.formerly) == (ALIAS, None)
        assert found.held is not None and found.held.text("en") == \
            "identified as GIRARD Thomas Paul on another laptop (on hold)"
    [found] = search.find(ed[0].db, ed[0].forms, "tattoo")
    assert (found.patient.downtime_number, found.held) == (ALIAS, None)


def test_the_command_line_search_says_the_identification_on_hold_too(tmp_path, laptop, admission_values, clock,
                                                                     capsys):
    """`downtime search girard` gave the alias's line alone, "DT-001-00001-7  UNKNOWN MALE ALPHA
    …", where the window says why it came up."""
    from downtime.cli import main

    ed, ward_5a, _, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    signed = ["--db", str(tmp_path / "ed.sqlite"), "--user", "nurse", "--pin", "1111"]
    assert main(["search", "girard", "thomas", *signed]) == 0
    first, *rest = capsys.readouterr().out.splitlines()
    assert first.startswith(ALIAS) and "identified as GIRARD Thomas Paul" in first and "(on hold)" in rest[-1]
    for lang, said in (("en", "identified as GIRARD Thomas Paul on another laptop (on hold)"),
                       ("fr", "identifié comme GIRARD Thomas Paul sur un autre portable (en attente)")):
        assert main(["search", "girard", "thomas", *signed, "--json", "--lang", lang]) == 0
        assert [json.loads(line)["held"] for line in capsys.readouterr().out.splitlines()] == [said]
    assert main(["search", "tattoo", *signed, "--json"]) == 0
    assert [json.loads(line)["held"] for line in capsys.readouterr().out.splitlines()] == [None]
