"""What the records office is told when an export cannot be taken: in the clerk's language,
with what to do, whether the import or the merge was given it, and never an internal error."""

import json
import shutil
from pathlib import Path

import pytest

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.importing import import_path
from downtime.sync.merge import MergeRefused, merge
from downtime.sync.outcome import ImportRefused
from downtime.sync.versions import PATIENTS_FILE, RECORDS_FILE


@pytest.fixture
def stick(tmp_path, laptop, admission_values):
    """A laptop's export on a stick, and the records office's clerk."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", admission_values)
    return export(clerk, tmp_path / "stick" / "export-1").folder, laptop(tmp_path / "office.sqlite", 900)[1]


def test_an_export_cut_short_is_refused_in_the_clerks_language_saying_to_copy_it_again(stick, tmp_path):
    """A stick pulled out during the copy: the manifest check said it in English only, and in
    words ("SHA-256") that told the clerk nothing to do."""
    folder, office = stick
    path = folder / RECORDS_FILE
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    for refusal in (ImportRefused, MergeRefused):
        with pytest.raises(refusal) as refused:
            import_export(office, folder) if refusal is ImportRefused else merge([folder], tmp_path / "merged")
        french = refused.value.text("fr")
        assert "ne correspond pas" in french and "records.jsonl" in french and "copiez" in french.casefold(), french
        assert "copy the export again" in refused.value.text("en")


def test_a_folder_that_is_no_export_is_refused_as_such_by_the_merge(tmp_path):
    """An empty folder, or the CSV snapshot's chosen by mistake: the merge said the manifest
    "cannot be read ([Errno 2] No such file or directory …)"."""
    (tmp_path / "empty").mkdir()
    with pytest.raises(MergeRefused) as refused:
        merge([tmp_path / "empty"], tmp_path / "merged")
    assert "no manifest.json" in refused.value.text("en") and "Errno" not in refused.value.text("en")


def test_the_sticks_folder_given_to_import_names_the_exports_it_holds(stick):
    """The import took the stick's folder for a CSV snapshot and sent the clerk to the snapshot
    templates; the merge says which exports to give instead."""
    folder, office = stick
    with pytest.raises(ImportRefused) as refused:
        import_path(office, folder.parent)
    assert str(folder) in refused.value.text("en") and "patients.csv" not in refused.value.text("en")


def test_a_version_id_already_here_under_another_record_is_refused_by_its_line(stick, rewritten, tmp_path):
    """The line's version id was stored here under another record: a raw IntegrityError."""
    folder, office = stick
    import_export(office, folder)
    changed = Path(shutil.copytree(folder, tmp_path / "changed"))
    rewritten(changed, 1, lambda row: row.update(record_id="other"))
    with pytest.raises(ImportRefused) as refused:
        import_export(office, changed)
    said = refused.value.text("en")
    assert said.startswith(f"{RECORDS_FILE}, line 1: Downtime admission record of patient DT-001-00001"), said
    assert said.endswith(", version 1, has the version id of another record already in this database"), said


def test_a_version_id_given_twice_in_one_export_names_the_line_that_had_it_first(
        tmp_path, laptop, admission_values, rewritten):
    """Refused on an empty database as "differs from the one already in this database", naming
    a record by an id no screen shows, when the other holder was line 1 of the same file."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "used_name": "",
                                          "bed": "2"})
    folder = export(clerk, tmp_path / "e1").folder
    first = json.loads((folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines()[0])
    rewritten(folder, 2, lambda row: row.update(id=first["id"]))
    with pytest.raises(ImportRefused) as refused:
        import_export(laptop(tmp_path / "office.sqlite", 900)[1], folder)
    said = refused.value.text("en")
    assert said.startswith(f"{RECORDS_FILE}, line 2: Downtime admission record of patient DT-001-00002"), said
    assert said.endswith(f", version 1, has the same version id as {RECORDS_FILE}, line 1"), said


def test_two_exports_that_disagree_about_a_patient_are_refused_by_file_line_and_number(
        tmp_path, laptop, admission_values, rewritten):
    """The merge named the patient by an internal id that no screen or CSV shows; the import of
    the same files names the file, the line and the downtime number."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "used_name": "",
                                          "bed": "2"})
    folder = export(clerk, tmp_path / "e1").folder
    copy = Path(shutil.copytree(folder, tmp_path / "e1-copy"))
    rewritten(copy, 2, lambda row: row.update(created_by="someone"), name=PATIENTS_FILE)
    with pytest.raises(MergeRefused) as refused:
        merge([folder, copy], tmp_path / "merged")
    said = refused.value.text("en")
    assert f"{copy / PATIENTS_FILE}, line 2: patient DT-001-00002" in said, said
    assert f"differs from {folder / PATIENTS_FILE}, line 2" in said, said
