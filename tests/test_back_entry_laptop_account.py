"""Each laptop's account on the records office's list (back_entry.by_laptop) counts the
records that are lines of the list, as the progress does: a laptop whose lines are all done
reads as done, and a record on hold is among its records and its holds."""

import json
import shutil

from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from downtime.sync.versions import RECORDS_FILE

OBSERVATIONS = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 130,
                "diastolic_bp": 80, "pulse": 72, "consciousness": "alert", "temperature": 37.0,
                "taken_at": "2026-11-28T13:00+01:00"}


def _accounted(office):
    """Laptop 1's account, and its records whose line is not done."""
    (account,) = back_entry.by_laptop(office)
    left = sum(not item.done and item.on_hold is None for group in back_entry.worklist(office) for item in group.items
               if item.record.device_id == account.device_id)
    assert account.records == account.entered + account.not_entered + account.on_hold + left, account
    return account


def test_a_record_withdrawn_before_anyone_entered_it_is_not_counted_to_its_laptop(tmp_path, laptop, clock,
                                                                                admission_values):
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    observations = records.save_new(nurse, "observations", OBSERVATIONS, patient_id=patient_id)
    clock.advance(minutes=5)
    records.mark_entered_in_error(nurse, observations.record_id, "wrong patient")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "e1").folder)
    for group in back_entry.worklist(office):
        for item in group.items:
            back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-1")
    assert (_accounted(office).records, _accounted(office).entered) == (1, 1)


def test_a_record_on_hold_from_its_first_version_is_counted_to_its_laptop(tmp_path, laptop, admission_values,
                                                                          rewritten):
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    observations = records.save_new(nurse, "observations", OBSERVATIONS, patient_id=patient_id)
    first = export(clerk, tmp_path / "e1").folder
    copy = shutil.copytree(first, tmp_path / "e1-copy")
    lines = (copy / RECORDS_FILE).read_text(encoding="utf-8").splitlines()
    number = next(at for at, text in enumerate(lines, 1) if json.loads(text)["record_id"] == observations.record_id)
    rewritten(copy, number, lambda row: row.update(data=row["data"].replace('"pulse":72', '"pulse":140')))
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, copy], tmp_path / "merged").folder)
    account = _accounted(office)
    assert (account.records, account.on_hold) == (2, 1)
