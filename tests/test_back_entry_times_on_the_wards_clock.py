"""The records office's worklist says when each laptop's version of a record on hold was typed on
the ward's clock (back_entry.OnHold.version_in), whatever offset its laptop stamped it with: a bed
moved at 14:10 on a laptop set to UTC (13:10+00:00) was listed "version 2 by nurse on laptop 2
(no. 002), 28/11/2026 13:10", before laptop 1's of 14:15, and the clerk rang the ward about an
hour nobody had typed anything at."""

from datetime import UTC

from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_back_entry_conflicts_across_laptops import _merged, home_then_observed, moved  # noqa: F401 (a fixture)


def test_a_version_typed_on_a_laptop_set_to_utc_is_listed_at_the_wards_time(tmp_path, laptop, clock,
                                                                             admission_values):
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    saved = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    winter = clock.now.tzinfo
    clock.now = clock.now.astimezone(UTC).replace(minute=10)  # laptop 2 set to UTC: 13:10 is 14:10
    records.amend(nurse_2, saved.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    clock.now = clock.now.astimezone(winter).replace(minute=15)
    records.amend(nurse_1, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_2, tmp_path / "export-2").folder)
    import_export(office, export(clerk_1, tmp_path / "export-1").folder)
    said = back_entry.hold_of(office, saved.record_id).text_in("en")
    assert "28/11/2026 14:10" in said and "13:10" not in said, said


def test_a_record_asked_about_says_when_the_other_laptop_recorded_its_reason_on_the_wards_clock(
        moved, tmp_path, laptop, clock):  # noqa: F811 (the fixture)
    """Laptop 2, set to UTC, sent her home at 14:30 (stamped 13:30+00:00); laptop 1 took her
    observations at 16:00: the line said the discharge "recorded … 28/11/2026 13:30", before
    the discharge itself."""
    clock.now = clock.now.astimezone(UTC).replace(minute=30)
    taken = home_then_observed(moved, clock)
    assert [(found.record_id, found.why_in("en")) for found in _merged(tmp_path, moved).ask_the_ward] == [
        (taken.record_id, ("this patient's discharge at 28/11/2026 14:30 was recorded on laptop 2 (no. 002) by "
                           "Nurse (nurse, laptop 002), 28/11/2026 14:30: ask the ward before entering this record, "
                           "dated after it"))]


def test_a_laptop_set_to_utc_is_accounted_for_with_its_stick_exported_at_the_wards_time(tmp_path, laptop, clock,
                                                                                        admission_values):
    """Laptop 2's stick, exported at 14:00 on a laptop set to UTC, read "the latest exported
    28/11/2026 13:00" in the office's account of the laptops."""
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    clock.now = clock.now.astimezone(UTC)
    records.save_new(nurse_2, "admission", admission_values)
    stick = export(clerk_2, tmp_path / "export-2").folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, stick)
    (said,) = [account.text_in("en") for account in back_entry.by_laptop(office)]
    assert "1 stick(s), the latest exported 28/11/2026 14:00" in said, said
