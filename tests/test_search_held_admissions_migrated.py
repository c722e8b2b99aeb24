"""Migration m040: the search index lines written before held admission versions were indexed
get their words, so that a database upgraded with a hold is sound: without it, `downtime verify`
said NOT SOUND ("the patient search index disagrees …") and the first opening rebuilt the index
with a `search.rebuild` audit entry, the README's evidence of an index edited with plain SQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from downtime.cli import main
from downtime.services import records, search
from downtime.storage import migrations
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.conftest import GIRARD, unknown_man


@pytest.fixture
def upgraded(tmp_path: Path, laptop, admission_values, clock, monkeypatch):
    """ED's laptop, 5A's identification of its unknown man on hold there (a name with an
    apostrophe, a letter spelled plainly and several words, an NIR and numbers typed with
    spaces), its index as the version before wrote it, then upgraded."""
    ed, ward_5a = laptop(tmp_path / "ed.sqlite", 1), laptop(tmp_path / "5a.sqlite", 2)
    alias = records.save_new(ed[0], "admission", {**unknown_man(admission_values), "ward": "ED", "bed": "1"})
    clock.advance(hours=1)
    import_export(ward_5a[1], export(ed[1], tmp_path / "stick-ed").folder)
    records.amend(ed[0], alias.record_id, {**alias.data, "descriptor": "man about 35, tattoo left arm"}, "more detail")
    clock.advance(hours=1)
    records.amend(ward_5a[0], alias.record_id, {
        **alias.data, **GIRARD, "used_name": "O'Brien-Lecœur", "nir": "1 89 06 75 113 023 44", "ipp": "800 123 45",
        "encounter_number": "224 001 234"}, "Identified by his wife")
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    with monkeypatch.context() as before:
        before.setattr(search, "_held", lambda db, form_id, patient_ids: [])
        search.rebuild(ed[0].db, ed[0].forms)
    assert search.index_problem(ed[0].db, ed[0].forms) is not None
    ed[0].db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm040_search_held_admissions'")
    migrations.MIGRATIONS.apply(ed[0].db)
    return ed[0], tmp_path / "ed.sqlite"


def test_an_upgraded_database_with_a_hold_has_the_index_its_records_say(upgraded):
    nurse, _ = upgraded
    assert search.index_problem(nurse.db, nurse.forms) is None
    assert [patient.downtime_number for patient in search.search(nurse.db, nurse.forms, "obrienlecoeur")] \
        == ["DT-001-00001-7"]


def test_verify_finds_an_upgraded_database_with_a_hold_sound_and_writes_no_rebuild(upgraded, capsys):
    nurse, path = upgraded
    assert main(["verify", "--db", str(path)]) == 0, capsys.readouterr().err
    assert search.ensure_index(nurse) is None
    assert nurse.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'search.rebuild'").fetchone() == (0,)
