"""A booking's side changed on one laptop after another laptop's theatre team checked the site on
the side booked then, and operated: the import and the day list said nothing, the list printed
the new side, and the EHR got a Procedure on it beside a checklist saying the first."""

from datetime import date
from pathlib import Path

import pytest

from downtime.services import records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_theatre_merge import SIGNED, _coordinator
from tests.test_theatre_side_after_checked import _checked, left_knee_booked


def side_changed_after_the_time_out(tmp_path: Path, laptop, admission_values, clock,
                                    notes: str = "") -> tuple[list[Path], str]:
    """A LEFT knee arthroscopy booked on laptop 1 and copied to laptop 2; laptop 1's coordinator
    corrects its side to RIGHT, while laptop 2's team says "Left knee" at the time out (with
    `notes`) and records it done. Returns both laptops' exports and the booking."""
    nurse1, clerk1 = laptop(tmp_path / "1.sqlite", 1)
    coord1, patient, booking = left_knee_booked(nurse1, admission_values, clock)
    nurse2, clerk2 = laptop(tmp_path / "2.sqlite", 2)
    import_export(clerk2, export(clerk1, tmp_path / "to-2").folder)
    records.amend(coord1, booking, {**records.current(coord1.db, booking).data, "laterality": "right"},
                  "consent form says right knee")
    _checked(nurse2, patient, booking, notes)
    theatre.record_done(_coordinator(nurse2, clock), booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    return [export(clerk, tmp_path / f"export-{number}").folder for number, clerk in ((1, clerk1), (2, clerk2))], booking


def test_the_import_and_the_day_list_name_the_checklist_of_the_other_side(tmp_path, laptop, admission_values, clock):
    folders, booking = side_changed_after_the_time_out(tmp_path, laptop, admission_values, clock)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, folders[0]).theatre_clashes == ()
    (report,) = import_export(office, folders[1]).theatre_clashes
    said = report.text("en")
    assert said.startswith("OTHER SIDE CHECKED, the WHO checklist signed in 28/11/2026 08:50 on laptop 2 (no. 002) "
                           "names “Left” at its time out, against the side the operation is booked on now: "
                           "Knee arthroscopy"), said
    ((_, (entry,)),) = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert entry.state.record.record_id == booking
    assert "recorded done on the side operated LEFT: check with the theatre team which side was operated" in said
    assert theatre.alerts(entry, "en")[0] == (
        "CHECKLIST NAMES ANOTHER SIDE: its time out says “Left”, side operated LEFT: check with the theatre team, "
        "amend the booking's side to the side operated, and report the incident if it is not the side checked")


def test_the_office_follows_the_flags_advice_amending_the_booking_to_the_side_operated(
        tmp_path, laptop, admission_values, clock):
    """The flag's first remedy, amending the booking, was refused once the operation was done."""
    folders, booking = side_changed_after_the_time_out(tmp_path, laptop, admission_values, clock)
    office, clerk = laptop(tmp_path / "office.sqlite", 900)
    for folder in folders:
        import_export(clerk, folder)
    coord = _coordinator(office, clock)
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "left"},
                  "operated on the left: the side the team checked")
    ((_, (entry,)),) = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert entry.other_side_checked is None


def checked_under_the_old_rule(tmp_path: Path, laptop, admission_values, clock, monkeypatch):
    """A LEFT knee arthroscopy whose checklist says "Genou droit" at its time out, with the notes
    "Site checked with the team", which answered the question until the notes had to name the
    side; the booking's side never changed. Returns the nurse's and the clerk's sessions."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    _, patient, booking = left_knee_booked(nurse, admission_values, clock)
    with monkeypatch.context() as old_rule:
        old_rule.setattr(theatre, "check_checklist", lambda *_, **__: None)
        records.save_new(nurse, theatre.CHECKLIST_FORM, {
            **SIGNED, "checked_at": "2026-11-28T08:50+01:00", "booking": booking,
            "surgeon_critical_steps": "Genou droit", "notes": "Site checked with the team"}, patient_id=patient)
    return nurse, clerk


def test_a_checklist_saved_under_the_old_rule_on_a_side_never_changed_is_not_flagged(
        tmp_path, laptop, admission_values, clock, monkeypatch):
    """No side changed after its time out: the import and the list said "OTHER SIDE CHECKED" of it."""
    nurse, clerk = checked_under_the_old_rule(tmp_path, laptop, admission_values, clock, monkeypatch)
    ((_, (entry,)),) = theatre.day_list(nurse.db, nurse.forms, date(2026, 11, 28))
    assert entry.other_side_checked is None
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, export(clerk, tmp_path / "export").folder).theatre_clashes == ()


@pytest.mark.parametrize("notes", ["Left knee marked and consented", "Site marqué genou gauche"])
def test_notes_naming_the_side_booked_then_do_not_silence_the_other_side_checked(tmp_path, laptop, admission_values,
                                                                                clock, notes):
    """The notes a team writes routinely, of the side booked as it checked it, silenced the flag
    once another laptop had changed the booking's side: nothing said at the office."""
    folders, _ = side_changed_after_the_time_out(tmp_path, laptop, admission_values, clock, notes)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    (report,) = [clash for folder in folders for clash in import_export(office, folder).theatre_clashes]
    assert report.text("en").startswith("OTHER SIDE CHECKED")
    ((_, (entry,)),) = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert entry.other_side_checked is not None
