"""The ward's answer that a dose is not to be entered (back_entry.mark_not_entered), given beside
the other record of the dose: it lapses only when that record no longer stands for the dose as
the ward was told of it (withdrawn, or its outcome, time or dose changed), and then the ward's
next answer can be written down."""

import json
from datetime import datetime

import pytest

from downtime.services import back_entry, medication, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_back_entry import dose_recorded_twice


def _doses_in_the_bundle(office, folder):
    bundle = json.loads(next(export(office, folder).folder.rglob("bundle*.json")).read_text())
    return sorted(entry["resource"]["effectiveDateTime"] for entry in bundle["entry"]
                  if entry["resource"]["resourceType"] == "MedicationAdministration"
                  and entry["resource"]["status"] == "completed")


def _answered(tmp_path, laptop, clock, admission_values):
    """Laptop 1's 14:00 dose entered, laptop 2's marked as that dose recorded twice."""
    office, (nurse_1, clerk_1), _, (first, second, _) = dose_recorded_twice(tmp_path, laptop, clock, admission_values)
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr Dubois, 5A, by phone", "one dose recorded twice")
    clock.advance(minutes=30)
    return office, nurse_1, clerk_1, first, second


def _line(office, record_id):
    return next(item for group in back_entry.worklist(office) for item in group.items
                if item.record.record_id == record_id)


def test_the_injection_site_amended_on_the_other_record_leaves_the_wards_answer_standing(tmp_path, laptop, clock,
                                                                                        admission_values):
    """Only the site of laptop 1's dose amended: it is the same dose given at the same time, yet
    laptop 2's line reopened, and the bundle sent the 14:00 dose as given twice."""
    office, nurse_1, clerk_1, first, second = _answered(tmp_path, laptop, clock, admission_values)
    records.amend(nurse_1, first.record_id, {**first.data, "site": "left arm"}, "site")
    import_export(office, export(clerk_1, tmp_path / "stick1-again").folder)
    assert _line(office, second.record_id).done
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))
    assert _doses_in_the_bundle(office, tmp_path / "office") == ["2026-11-28T14:05:00+01:00",
                                                                 "2026-11-28T20:10:00+01:00"]


def test_the_ward_answers_again_once_its_answer_lapsed(tmp_path, laptop, clock, admission_values):
    """Laptop 1's nurse withdraws her dose and records it again at 14:15, as the laptop says to
    change a dose's time: the answer lapses, and laptop 2's line asks the ward about the new
    record. The ward says once more that it is one dose, and writing that down was refused by
    the database (one answer per version): the line stayed open for good."""
    office, nurse_1, clerk_1, first, second = _answered(tmp_path, laptop, clock, admission_values)
    medication.withdraw_dose(nurse_1, first.record_id, "time misread: given at 14:15")
    again = medication.record_dose(nurse_1, first.data["order"], {
        **{name: first.data[name] for name in ("scheduled_for", "outcome", "dose_given", "route")},
        "given_at": "2026-11-28T14:15:00+01:00"})
    import_export(office, export(clerk_1, tmp_path / "stick1-again").folder)
    line = _line(office, second.record_id)
    assert not line.done and "ask the ward again" in line.to_do_in("en")
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr Martin, 5A", "still one dose: given at 14:15")
    line = _line(office, second.record_id)
    assert line.done and "Sr Martin, 5A" in line.not_entered_in("en")
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))
    doses = _doses_in_the_bundle(office, tmp_path / "office")
    assert "2026-11-28T14:15:00+01:00" in doses and "2026-11-28T14:40:00+01:00" not in doses
    assert again.record_id in {item.record.record_id for group in back_entry.worklist(office) for item in group.items}


def test_the_migration_keeps_the_answers_given_and_takes_another_of_the_same_version(tmp_path):
    """m039 makes the table again without m024's one answer per version: the answers already
    written stay, in their order, covered by the audit chain, and the table stays append-only."""
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage import audit
    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "office.sqlite")))
    MIGRATIONS.apply(db, stop_before="m039_not_entered_asked_again")

    def answer(row_id: str, at: str) -> None:
        with db.conn:
            audit.insert_audited(db, "not_entered", {
                "id": row_id, "record_id": "r1", "version": 1, "ward_said": "Sr Dubois, 5A", "reason": "one dose",
                "recorded_by": "records", "recorded_at": at}, at=datetime.fromisoformat(at), actor="records",
                device_id="d0", action="back_entry.not_entered")

    answer("n1", "2026-12-01T14:10+01:00")
    MIGRATIONS.apply(db)
    answer("n2", "2026-12-01T15:10+01:00")
    assert [row["id"] for row in db.query("SELECT id FROM not_entered ORDER BY rowid")] == ["n1", "n2"]
    assert audit.verify_chain(db) is None
    for change in ("UPDATE not_entered SET reason = 'x'", "DELETE FROM not_entered"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            db.execute(change)
