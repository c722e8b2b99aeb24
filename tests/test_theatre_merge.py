"""Two laptops booking one theatre at once: each checked only its own bookings, so the clash
appears only once their exports are merged. Both bookings stand (each was told to its patient);
the merge, the import and the coordinator's lists name the clash for a person to move one."""

import json
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.staff import Role
from downtime.services import back_entry, printing, records, staff, theatre
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge

MONDAY = date(2026, 11, 30)
BOOKING = {"procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
           "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
           "expected_minutes": 60}


def _coordinator(nurse, clock):
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    staff.add_staff(admin, "coord", "Coordinator", Role.SURGICAL_COORDINATOR, "3333")
    return _coordinator_again(nurse, clock)


def _coordinator_again(session, clock):
    """The coordinator `_coordinator` added to this laptop, signed in again."""
    return Session(session.db, session.device, staff.sign_in(session.db, "coord", "3333", clock), session.forms, clock)


@pytest.fixture
def two_laptops_one_slot(tmp_path, laptop, admission_values, clock):
    """Laptops 1 and 2 each hold Monday's T1 list (from the same paper) and book it: 08:00-09:30
    a cholecystectomy on laptop 1, 09:00-10:00 a hernia repair on laptop 2, each with its own
    surgeon; laptop 2 also books T2, clash-free. Returns the exports and each booked patient's
    downtime number."""
    folders, numbers = [], {}
    for number, (procedure, start, minutes, surgeon) in ((1, ("Cholecystectomy", "08:00", 90, "Dr Roux")),
                                                         (2, ("Hernia repair", "09:00", 60, "Dr Petit"))):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        coord = _coordinator(nurse, clock)
        patient = records.save_new(nurse, "admission", {**admission_values, "birth_name": f"Patient{number}",
                                                        "used_name": "", "nir": ""}).patient_id
        numbers[procedure] = nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                                              [patient]).fetchone()[0]
        for name in ("T1", "T2") if number == 2 else ("T1",):
            session_id = records.save_new(coord, "theatre_session", {
                "theatre": name, "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
                "ends_at": "2026-11-30T13:00+01:00"}).record_id
            theatre.book(coord, patient if name == "T1" else records.save_new(nurse, "admission", {
                **admission_values, "bed": "9", "birth_name": "Calm", "used_name": "", "nir": ""}).patient_id, {
                "procedure": procedure if name == "T1" else "Knee arthroscopy", "laterality": "not_applicable",
                "priority": "elective", "decided_at": "2026-10-01T10:00+01:00",
                "surgeon": surgeon if name == "T1" else "Dr Calm", "anaesthetist": None, "session": session_id,
                "planned_start": f"2026-11-30T{start if name == 'T1' else '08:00'}+01:00",
                "expected_minutes": minutes})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    return folders, numbers


def test_the_merge_names_two_laptops_bookings_of_one_theatre_at_once(two_laptops_one_slot, tmp_path):
    """The merged database held both operations in T1 at 09:00-09:30, and nothing said so."""
    folders, numbers = two_laptops_one_slot
    result = merge(folders, tmp_path / "merged")
    (report,) = result.theatre_clashes
    assert report.text("en") == (
        f"THEATRE CLASH, both bookings stand, move one: Cholecystectomy, patient {numbers['Cholecystectomy']}, "
        "theatre T1 30/11/2026 08:00-09:30 (booked on laptop 1 (no. 001)); and Hernia repair, patient "
        f"{numbers['Hernia repair']}, theatre T1 30/11/2026 09:00-10:00 (booked on laptop 2 (no. 002)): "
        "theatre T1 is booked 30/11 08:00-09:30")
    assert report.text("fr").startswith("CONFLIT DE BLOC, les deux programmations restent, en déplacer une : "
                                        "Cholecystectomy, patient ")
    assert result.versions["operation_booking"] == 3, "both bookings are merged, neither refused"


def test_the_merge_command_prints_the_clash(two_laptops_one_slot, tmp_path, capsys):
    folders, _ = two_laptops_one_slot
    assert main(["merge", *map(str, folders), "--out", str(tmp_path / "m")]) == 0
    assert capsys.readouterr().out.count("THEATRE CLASH") == 1


def test_a_clash_with_an_operation_recorded_done_says_to_move_the_other(two_laptops_one_slot, tmp_path, laptop, forms,
                                                                        clock):
    """Laptop 1's cholecystectomy was done in T1 from 08:05, over laptop 2's hernia repair booked
    there at 09:00: the merge said "both bookings stand, move one" as if either could move."""
    from downtime.services.context import load_device
    from downtime.storage import open_database

    folders, numbers = two_laptops_one_slot
    db = open_database(tmp_path / "1.sqlite")
    clock.now = datetime.fromisoformat("2026-11-30T08:40+01:00")
    coord = Session(db, load_device(db), staff.sign_in(db, "coord", "3333", clock), forms, clock)
    clerk = Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)
    (chole,) = [state for state in theatre.bookings(db, forms) if state.record.data["procedure"] == "Cholecystectomy"]
    theatre.record_done(coord, chole.record.record_id, {"done_at": "2026-11-30T08:05+01:00", "theatre": "T1"})
    done_export = export(clerk, tmp_path / "export-1-done").folder
    for order in ([done_export, folders[1]], [folders[1], done_export]):
        (report,) = merge(order, tmp_path / f"merged-{len(list(tmp_path.iterdir()))}").theatre_clashes
        assert report.text("en") == (
            "THEATRE CLASH, an operation recorded done held the theatre then, move the other: Hernia repair, patient "
            f"{numbers['Hernia repair']}, theatre T1 30/11/2026 09:00-10:00 (booked on laptop 2 (no. 002)); done: "
            f"Cholecystectomy, patient {numbers['Cholecystectomy']}, theatre T1 30/11/2026 08:05-09:35 (booked on "
            "laptop 1 (no. 001)): theatre T1 is in use 30/11 08:05-09:35 by an operation done there"), order
        assert "move one" not in report.text("en")
        assert report.text("fr").startswith("CONFLIT DE BLOC, une intervention enregistrée comme faite occupait la salle "
                                            "à ce moment, déplacer l'autre : Hernia repair, patient ")
    # Laptop 2 records its hernia repair done there at 09:00 too: two records to check, none to move.
    other = open_database(tmp_path / "2.sqlite")
    clock.now = datetime.fromisoformat("2026-11-30T10:30+01:00")
    (hernia,) = [state for state in theatre.bookings(other, forms) if state.record.data["procedure"] == "Hernia repair"]
    theatre.record_done(Session(other, load_device(other), staff.sign_in(other, "coord", "3333", clock), forms, clock),
                        hernia.record.record_id, {"done_at": "2026-11-30T09:00+01:00", "theatre": "T1"})
    both_done = export(Session(other, load_device(other), staff.sign_in(other, "records", "4444", clock), forms, clock),
                       tmp_path / "export-2-done").folder
    (report,) = merge([done_export, both_done], tmp_path / "merged-both").theatre_clashes
    assert report.text("en").startswith("THEATRE CLASH, two operations recorded done at once, check both records with "
                                        "the theatre: Cholecystectomy, patient "), report.text("en")


def test_the_import_names_the_clash_and_the_lists_flag_both_operations(two_laptops_one_slot, tmp_path, laptop, clock):
    folders, numbers = two_laptops_one_slot
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, folders[0]).theatre_clashes == ()
    (report,) = import_export(office, folders[1]).theatre_clashes
    assert "(booked on laptop 2 (no. 002)): theatre T1 is booked 30/11 08:00-09:30" in report.text("en")
    first, second, calm = (entry for _, entries in theatre.day_list(office.db, office.forms, MONDAY)
                           for entry in entries)
    assert [clash.kind for clash in first.clashes] == ["theatre"] == [clash.kind for clash in second.clashes]
    assert str(first.clashes[0].said) == "theatre T1 is booked 30/11 09:00-10:00"
    assert str(second.clashes[0].said) == "theatre T1 is booked 30/11 08:00-09:30"
    assert calm.clashes == ()
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(
        printing.print_theatre_list(office, MONDAY, tmp_path / "list.pdf")).pages))
    assert text.count("CLASH, move one: theatre T1 is booked") == 2



def test_an_import_bringing_only_a_session_moved_to_another_theatre_names_the_clash(tmp_path, laptop, admission_values,
                                                                                    clock):
    """Laptop 2 moved its T2 list to T1 (nothing booked in T1 on that laptop): its next export held
    the session's new version alone, and the import, which looked only at bookings it brought,
    said nothing of the operation now in T1 at once with laptop 1's."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    sessions = {}
    for number, (name, procedure) in ((1, ("T1", "Cholecystectomy")), (2, ("T2", "Hernia repair"))):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        coord = _coordinator(nurse, clock)
        patient = records.save_new(nurse, "admission", {**admission_values, "birth_name": f"Patient{number}",
                                                        "used_name": "", "nir": ""}).patient_id
        sessions[number] = (coord, clerk, records.save_new(coord, "theatre_session", {
            "theatre": name, "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
            "ends_at": "2026-11-30T13:00+01:00"}))
        theatre.book(coord, patient, {
            "procedure": procedure, "laterality": "not_applicable", "priority": "elective",
            "decided_at": "2026-10-01T10:00+01:00", "surgeon": f"Dr {number}", "anaesthetist": None,
            "session": sessions[number][2].record_id, "planned_start": "2026-11-30T08:00+01:00",
            "expected_minutes": 60})
        assert import_export(office, export(clerk, tmp_path / f"export-{number}").folder).theatre_clashes == ()
    coord, clerk, moved = sessions[2]
    records.amend(coord, moved.record_id, {**moved.data, "theatre": "T1"}, "T2 closed, list moved to T1")
    (report,) = import_export(office, export(clerk, tmp_path / "export-2b", since_last=True).folder).theatre_clashes
    assert "theatre T1 is booked 30/11 08:00-09:00" in report.text("en")

@pytest.fixture
def rebooking_in_a_room_of_two_lists(two_laptops_one_slot, tmp_path, laptop, clock):
    """The records office holds both laptops' Monday T1 lists at once, laptop 1's
    cholecystectomy 08:00-09:30 on one and laptop 2's hernia repair 09:00-10:00 on the other;
    laptop 2's knee arthroscopy (T2 08:00) is cancelled for rebooking. Returns the office's
    coordinator, the knee's booking and laptop 2's T1 list."""
    folders, _ = two_laptops_one_slot
    nurse, clerk = laptop(tmp_path / "office.sqlite", 900)
    for folder in folders:
        import_export(clerk, folder)
    coord = _coordinator(nurse, clock)
    states = {state.record.data["procedure"]: state for state in theatre.bookings(coord.db, coord.forms)}
    knee = states["Knee arthroscopy"]
    theatre.cancel(coord, knee.record.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure",
                                                 "last_minute": True, "patient_told": "phone"})
    return coord, knee, states["Hernia repair"].session_id


def test_the_slots_suggested_in_a_theatre_holding_two_lists_count_both_lists_operations(
        rebooking_in_a_room_of_two_lists, clock):
    """The suggestions counted only the list's own operations: laptop 2's T1 list was offered at
    08:00 while laptop 1's cholecystectomy stood in T1 until 09:30, and laptop 1's at 09:30 while
    the hernia repair stood there until 10:00. The clash check refused the first when typed by
    hand; the dialog's Enter booked it unchecked by the eye. T1 is offered a turnover after the
    hernia repair (domain.theatre.TURNOVER)."""
    coord, knee, second_t1 = rebooking_in_a_room_of_two_lists
    found = theatre.suggestions(coord.db, knee.record.record_id, clock.now)
    assert [(slot.theatre, f"{slot.start:%d %H:%M}") for slot in found.slots] == [("T2", "30 08:00"), ("T1", "30 10:15")]
    with pytest.raises(theatre.ClashRefused, match="theatre T1 is booked 30/11 08:00-09:30"):
        theatre.rebook(coord, knee.record.record_id, {"outcome": "rebooked", "session": second_t1,
                                                      "planned_start": "2026-11-30T08:00+01:00",
                                                      "decided_at": clock.now.isoformat(timespec="minutes")})


def _rebook_dialog(coord, booking_id, qtbot):
    """The rebook dialog of this cancelled operation, open, its slots read."""
    from downtime.qt.theatre_panel import RebookDialog

    dialog = RebookDialog(coord, next(state for state in theatre.bookings(coord.db, coord.forms)
                                      if state.record.record_id == booking_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _enter_on_second_slot(dialog):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)


def _standing(coord, booking_id):
    return next(state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == booking_id)


def test_the_rebook_dialog_books_a_theatre_of_two_lists_after_both_lists_operations(
        rebooking_in_a_room_of_two_lists, qtbot):
    coord, knee, _ = rebooking_in_a_room_of_two_lists
    dialog = _rebook_dialog(coord, knee.record.record_id, qtbot)
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Mon 30/11 08:00 — theatre T2 (General surgery)", "Mon 30/11 10:15 — theatre T1 (General surgery)"]
    _enter_on_second_slot(dialog)
    assert dialog.error.text() == ""
    moved = _standing(coord, knee.record.record_id)
    assert moved.status is theatre.BookingStatus.REBOOKED and f"{moved.start:%H:%M}" == "10:15"
    assert not any(entry.clashes for _, entries in theatre.day_list(coord.db, coord.forms, MONDAY)
                   for entry in entries if entry.state.record.record_id == knee.record.record_id)


def test_a_slot_of_a_theatre_of_two_lists_taken_while_the_dialog_is_open_is_refused_said_and_replaced(
        rebooking_in_a_room_of_two_lists, qtbot):
    """The slots are read when the dialog opens: T1 at 10:15, taken meanwhile by an operation at
    10:00 on the theatre's other list (another coordinator), is refused on Enter with the clash
    named, nothing booked, and the slots are read again (the slot refused stayed offered, first
    after T2's)."""
    coord, knee, second_t1 = rebooking_in_a_room_of_two_lists
    dialog = _rebook_dialog(coord, knee.record.record_id, qtbot)
    hernia = next(state for state in theatre.bookings(coord.db, coord.forms)
                  if state.record.data["procedure"] == "Hernia repair")
    theatre.book(coord, hernia.record.patient_id, {**BOOKING, "procedure": "Umbilical hernia repair",
                                                   "surgeon": "Dr Petit", "anaesthetist": None, "session": second_t1,
                                                   "planned_start": "2026-11-30T10:00+01:00"})
    _enter_on_second_slot(dialog)
    assert dialog.error.text() == ("This slot clashes: theatre T1 is booked 30/11 10:00-11:00. "
                                   "The suggested slots have been read again.")
    assert dialog.isVisible() and _standing(coord, knee.record.record_id).status is theatre.BookingStatus.CANCELLED
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Mon 30/11 08:00 — theatre T2 (General surgery)", "Mon 30/11 11:15 — theatre T1 (General surgery)"]


def test_an_operation_left_past_its_shortened_list_keeps_its_theatre_busy_in_the_suggestions(
        tmp_path, laptop, admission_values, clock):
    """Laptop 2 shortened Monday's T1 list to 10:00 while laptop 1 booked an operation on it until
    12:00: merged, the operation stands past its list's end, in T1. At 10:05 the suggestions read
    only the lists still to come, so its list (ended) was not known and a new T1 list's 10:15 was
    offered; the clash check, which knows every booking's list, refused it."""
    first_nurse, first_clerk = laptop(tmp_path / "1.sqlite", 1)
    first = _coordinator(first_nurse, clock)
    listed = records.save_new(first, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"})
    second_nurse, second_clerk = laptop(tmp_path / "2.sqlite", 2)
    import_export(second_clerk, export(first_clerk, tmp_path / "export-1a").folder)
    records.amend(_coordinator(second_nurse, clock), listed.record_id,
                  {**listed.data, "ends_at": "2026-11-30T10:00+01:00"}, "afternoon staff short")
    patient = records.save_new(first_nurse, "admission", {**admission_values, "nir": ""}).patient_id
    theatre.book(first, patient, {**BOOKING, "session": listed.record_id, "planned_start": "2026-11-30T09:00+01:00",
                                  "expected_minutes": 180})
    office_nurse, office_clerk = laptop(tmp_path / "office.sqlite", 900)
    for clerk, name in ((first_clerk, "export-1b"), (second_clerk, "export-2")):
        import_export(office_clerk, export(clerk, tmp_path / name).folder)
    office = _coordinator(office_nurse, clock)
    afternoon = records.save_new(office, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T10:00+01:00",
        "ends_at": "2026-11-30T16:00+01:00"}).record_id
    other = records.save_new(office_nurse, "admission", {**admission_values, "bed": "9", "birth_name": "Other",
                                                         "nir": ""}).patient_id
    waiting = theatre.book(office, other, {**BOOKING, "surgeon": "Dr Petit", "anaesthetist": None,
                                           "anaesthetic": "local",  # no fasting to wait for (domain.theatre.fasts)
                                           "session": afternoon, "planned_start": "2026-11-30T14:00+01:00"})
    theatre.cancel(office, waiting.record_id, {"cancelled_at": "2026-11-28T13:00+01:00", "reason": "equipment_failure",
                                               "last_minute": True, "patient_told": "phone"})
    clock.now = datetime(2026, 11, 30, 10, 5, tzinfo=clock.now.tzinfo)
    (slot,) = theatre.suggestions(office.db, waiting.record_id, clock.now).slots
    assert f"{slot.start:%H:%M}" == "12:15", "T1 is busy until the operation past its list's end is over, and a turnover"
    with pytest.raises(theatre.ClashRefused, match="theatre T1 is booked 30/11 09:00-12:00"):
        theatre.rebook(office, waiting.record_id, {"outcome": "rebooked", "session": afternoon,
                                                   "planned_start": "2026-11-30T10:15+01:00",
                                                   "decided_at": clock.now.isoformat(timespec="minutes")})


def test_the_day_board_flags_the_clash(two_laptops_one_slot, tmp_path, laptop, qtbot):
    from PySide6.QtCore import QDate

    from downtime.qt.theatre_panel import STATUS, TheatrePanel

    folders, _ = two_laptops_one_slot
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder)
    panel = TheatrePanel(office)
    qtbot.addWidget(panel)
    panel.day.setDate(QDate(2026, 11, 30))
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    model = panel.day_model
    assert [model.text(row, STATUS) for row in range(3)] == [
        "booked — CLASH, move one: theatre T1 is booked 30/11 09:00-10:00",
        "booked — CLASH, move one: theatre T1 is booked 30/11 08:00-09:30", "booked"]
    assert [model.is_warning(row, STATUS) for row in range(3)] == [True, True, False]


def test_the_import_wizard_names_the_clash(two_laptops_one_slot, tmp_path, laptop, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from downtime.qt.transfer_dialogs import ImportWizard

    folders, _ = two_laptops_one_slot
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    merged = merge(folders, tmp_path / "merged").folder
    wizard = ImportWizard(office)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.source.path.setText(str(merged))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded
    assert "THEATRE CLASH, both bookings stand, move one: Cholecystectomy" in wizard.run_page.result.text()


@pytest.fixture
def list_shortened_and_booked(tmp_path, laptop, admission_values, clock):
    """Monday's T1 list (08:00-13:00) set up on laptop 1 and imported by laptop 2; then laptop 1
    ends it at 10:00 (the afternoon staff gone) while laptop 2 books a hernia repair on it at
    11:00-12:00, each laptop's check passing on its own. Returns both exports and the patient's
    downtime number."""
    (nurse1, clerk1), (nurse2, clerk2) = laptop(tmp_path / "1.sqlite", 1), laptop(tmp_path / "2.sqlite", 2)
    coord1, coord2 = _coordinator(nurse1, clock), _coordinator(nurse2, clock)
    listed = records.save_new(coord1, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"})
    import_export(clerk2, export(clerk1, tmp_path / "export-1a").folder)
    records.amend(coord1, listed.record_id, {**listed.data, "ends_at": "2026-11-30T10:00+01:00"}, "no afternoon staff")
    patient = records.save_new(nurse2, "admission", {**admission_values, "birth_name": "Booked", "used_name": "",
                                                              "nir": ""}).patient_id
    theatre.book(coord2, patient, {**BOOKING, "session": listed.record_id, "planned_start": "2026-11-30T11:00+01:00",
                                   "surgeon": "Dr Petit", "anaesthetist": None})
    number = nurse2.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?", [patient]).fetchone()[0]
    return export(clerk1, tmp_path / "export-1b").folder, export(clerk2, tmp_path / "export-2").folder, number


OUTSIDE = ("THEATRE CLASH, an operation stands outside its session, move it: Hernia repair, patient {number}, "
           "theatre T1 30/11/2026 11:00-12:00 (booked on laptop 2 (no. 002)): 30/11 11:00-12:00 does not fit in the "
           "session 30/11 08:00-10:00 of theatre T1 (session last changed on laptop 1 (no. 001))")


def test_the_merge_names_an_operation_another_laptop_left_outside_its_shortened_list(list_shortened_and_booked,
                                                                                    tmp_path, capsys):
    """One laptop shortened the list, the other booked on what it cut: the merged list held an
    operation after the list's end (off the day's list's hours), and the merge said nothing.
    It names both laptops: the report named only the one that booked, which had done nothing
    wrong, and the office rang it rather than the one that shortened the list."""
    first, second, number = list_shortened_and_booked
    (report,) = merge([first, second], tmp_path / "merged").theatre_clashes
    assert report.text("en") == OUTSIDE.format(number=number)
    assert main(["merge", str(first), str(second), "--out", str(tmp_path / "m")]) == 0
    assert OUTSIDE.format(number=number) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["shortened first", "booked first"])
def test_the_import_names_an_operation_left_outside_its_list_whichever_export_comes_last(
        list_shortened_and_booked, tmp_path, laptop, order):
    """Whether the booking or the list's new end arrives last, the import that brings the second
    says so, as 'downtime import' prints it."""
    *folders, number = list_shortened_and_booked
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, folders[order[0]]).theatre_clashes == ()
    (report,) = import_export(office, folders[order[1]]).theatre_clashes
    assert report.text("en") == OUTSIDE.format(number=number)


def test_the_day_list_flags_an_operation_left_outside_its_list(list_shortened_and_booked, tmp_path, laptop):
    """The office's board and printed list showed the hernia repair at 11:00 on a list ending at
    10:00 as plainly booked: its line names the clash, as a pair's does."""
    *folders, _ = list_shortened_and_booked
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder)
    ((_, (entry,)),) = theatre.day_list(office.db, office.forms, MONDAY)
    assert entry.clash_text("en") == "30/11 11:00-12:00 does not fit in the session 30/11 08:00-10:00 of theatre T1"


@pytest.fixture
def one_person_on_two_laptops(tmp_path, laptop, admission_values, clock):
    """One woman admitted on laptops 1 and 2 (two downtime numbers), each laptop booking her for
    Monday morning, T1 08:00-09:00 and T2 08:30-09:30 with other surgeons: neither could see the
    other. The records office imports both exports. Returns the office's clerk and coordinator,
    her two downtime numbers and what the second import reported."""
    numbers = []
    for number, (name, start) in ((1, ("T1", "08:00")), (2, ("T2", "08:30"))):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        coord = _coordinator(nurse, clock)
        patient = records.save_new(nurse, "admission", {**admission_values, "nir": ""}).patient_id
        numbers.append(nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                                        [patient]).fetchone()[0])
        session_id = records.save_new(coord, "theatre_session", {
            "theatre": name, "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
            "ends_at": "2026-11-30T13:00+01:00"}).record_id
        theatre.book(coord, patient, {**BOOKING, "session": session_id, "planned_start": f"2026-11-30T{start}+01:00",
                                      "surgeon": f"Dr {name}", "anaesthetist": None})
        export(clerk, tmp_path / f"export-{number}")
    nurse, clerk = laptop(tmp_path / "office.sqlite", 900)
    imported = [import_export(clerk, tmp_path / f"export-{number}") for number in (1, 2)]
    return clerk, _coordinator(nurse, clock), numbers, imported[1]


def test_two_downtime_numbers_linked_to_one_ehr_patient_are_one_patient_to_the_clash_check(
        one_person_on_two_laptops):
    """Once the clerk linked both numbers to her EHR number, her two operations at once were still
    two patients' to the clash check: nothing on the board, and a third could be booked."""
    clerk, coord, (first, second), _ = one_person_on_two_laptops
    back_entry.link_patient(clerk, first, "800123")
    back_entry.link_patient(clerk, second, "800123", same_person=True)
    entries = [entry for _, day in theatre.day_list(coord.db, coord.forms, MONDAY) for entry in day]
    assert [entry.clash_text("en") for entry in entries] == ["the patient is already booked 30/11 08:30-09:30",
                                                             "the patient is already booked 30/11 08:00-09:00"]
    t1 = entries[0].state.session_id
    with pytest.raises(theatre.ClashRefused, match="the patient is already booked 30/11 08:30-09:30"):
        theatre.book(coord, entries[0].state.record.patient_id, {**BOOKING, "session": t1, "surgeon": "Dr X",
                                                                 "planned_start": "2026-11-30T09:00+01:00"})


PROBABLY_ONE = ("THEATRE CLASH, probably one patient under two downtime numbers (the same family name (birth or "
                "used), first name and date of birth), operated at once: Hernia repair, patient {first}, theatre T1 "
                "30/11/2026 08:00-09:00 "
                "(booked on laptop 1 (no. 001)); and Hernia repair, patient {second}, theatre T2 30/11/2026 "
                "08:30-09:30 (booked on laptop 2 (no. 002)): if one person, link both numbers to one EHR patient "
                "and move one operation")


def test_two_downtime_numbers_probably_one_person_operated_at_once_are_reported(one_person_on_two_laptops,
                                                                               tmp_path):
    """Not yet linked, her two numbers are probably one person (the records office's rule): the
    import and the merge said nothing of her two operations at once. They say so now, naming
    both numbers, until the clerk links them (then the clash is the patient's own)."""
    clerk, coord, (first, second), imported = one_person_on_two_laptops
    (report,) = imported.theatre_clashes
    assert report.text("en") == PROBABLY_ONE.format(first=first, second=second)
    (merged,) = merge([tmp_path / "export-1", tmp_path / "export-2"], tmp_path / "merged").theatre_clashes
    assert merged.text("en") == PROBABLY_ONE.format(first=first, second=second)


def test_the_slots_offered_to_one_of_two_linked_numbers_avoid_the_others_operation(one_person_on_two_laptops, clock):
    """Her T1 operation cancelled, the rebook dialog offered T1 at 08:00 again, while under her
    other number she is in T2 08:30-09:30; once the numbers are linked, not before."""
    clerk, coord, (first, second), _ = one_person_on_two_laptops
    states = {state.patient.downtime_number: state for state in theatre.bookings(coord.db, coord.forms)}
    t1 = states[first].record.record_id
    theatre.cancel(coord, t1, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure",
                               "last_minute": True, "patient_told": "phone"})
    assert f"{theatre.suggestions(coord.db, t1, clock.now).slots[0].start:%H:%M}" == "08:00"
    back_entry.link_patient(clerk, first, "800123")
    back_entry.link_patient(clerk, second, "800123", same_person=True)
    assert [f"{slot.theatre} {slot.start:%H:%M}" for slot in theatre.suggestions(coord.db, t1, clock.now).slots] == [
        "T1 09:30", "T2 09:45"]


def test_the_day_list_flags_two_numbers_probably_one_patient_operated_at_once(one_person_on_two_laptops):
    """The office's board showed her two operations at once, under two numbers not yet linked, as
    two patients'; each line now names the other number, why, and its time, until they are linked."""
    clerk, coord, (first, second), _ = one_person_on_two_laptops
    why = "the same family name (birth or used), first name and date of birth"
    entries = [entry for _, day in theatre.day_list(coord.db, coord.forms, MONDAY) for entry in day]
    assert [entry.clash_text("en") for entry in entries] == [
        f"probably the same patient as {second} ({why}), operated 30/11 08:30-09:30",
        f"probably the same patient as {first} ({why}), operated 30/11 08:00-09:00"]
    back_entry.link_patient(clerk, first, "800123")
    back_entry.link_patient(clerk, second, "800123", same_person=True)
    entries = [entry for _, day in theatre.day_list(coord.db, coord.forms, MONDAY) for entry in day]
    assert entries[0].clash_text("en") == "the patient is already booked 30/11 08:30-09:30"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_standing_clashs_meetings_are_listed_with_a_space_before_the_semicolon_in_french(
        two_laptops_one_slot, tmp_path, lang):
    """The second booking meeting the theatre and the surgeon: in French the merge's report read
    "…08:00-09:30; le chirurgien…"."""
    from dataclasses import replace

    from downtime.domain.theatre import Clash
    from downtime.i18n import Phrase

    folders, _ = two_laptops_one_slot
    (report,) = merge(folders, tmp_path / "merged").theatre_clashes
    surgeon = Clash("surgeon", "other", Phrase("surgeon {surgeon} operates {window}",
                                               {"surgeon": "Dr Roux", "window": "30/11 08:00-09:30"}))
    both = replace(report, clash=replace(report.clash, second_meets=(*report.clash.second_meets, surgeon)))
    assert both.text(lang).endswith({"en": "08:00-09:30; surgeon Dr Roux operates 30/11 08:00-09:30",
                                     "fr": "08:00-09:30 ; le chirurgien Dr Roux opère 30/11 08:00-09:30"}[lang])


def _list_session(coord, name, day):
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id


def _cancelled_then_shared(tmp_path, laptop, admission_values, clock):
    """Monday's hernia repair booked and cancelled by the outage on laptop 1, whose records laptop 2
    then takes: laptop 1's nurse, clerk and coordinator, laptop 2's nurse and clerk, the booking."""
    nurse1, clerk1 = laptop(tmp_path / "1.sqlite", 1)
    coord1 = _coordinator(nurse1, clock)
    patient = records.save_new(nurse1, "admission", {**admission_values, "nir": ""}).patient_id
    booking = theatre.book(coord1, patient, {**BOOKING, "anaesthetist": None, "session": _list_session(
        coord1, "T1", "2026-11-30"), "planned_start": "2026-11-30T08:00+01:00"}).record_id
    theatre.cancel(coord1, booking, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                     "last_minute": True, "patient_told": "phone"})
    nurse2, clerk2 = laptop(tmp_path / "2.sqlite", 2)
    import_export(clerk2, export(clerk1, tmp_path / "to-2").folder)
    return nurse1, clerk1, coord1, nurse2, clerk2, booking


@pytest.fixture
def rebooked_on_two_laptops(tmp_path, laptop, admission_values, clock):
    """Monday's hernia repair cancelled on laptop 1, whose records laptop 2 takes; then laptop 1
    rebooks it to T1 on Wednesday 02/12 08:00 and laptop 2 to T3 on Thursday 03/12 08:00, each
    ringing the patient. Returns both laptops' clerks, the office's nurse and clerk, and the
    booking."""
    nurse1, clerk1, coord1, nurse2, clerk2, booking = _cancelled_then_shared(tmp_path, laptop, admission_values, clock)
    coord2 = _coordinator(nurse2, clock)
    for coord, name, day, decided in ((coord1, "T1", "2026-12-02", "10:00"), (coord2, "T3", "2026-12-03", "11:00")):
        theatre.rebook(coord, booking, {"outcome": "rebooked", "session": _list_session(coord, name, day),
                                        "planned_start": f"{day}T08:00+01:00", "patient_told": "phone",
                                        "told_at": f"2026-11-28T{decided}+01:00",
                                        "decided_at": f"2026-11-28T{decided}+01:00"})
    office_nurse, office = laptop(tmp_path / "office.sqlite", 900)
    return clerk1, clerk2, office_nurse, office, booking


REBOOKED_TWICE = ("REBOOKED TWICE, one operation given two new dates on two laptops: Hernia repair, patient {number}, "
                  "theatre T1 02/12/2026 08:00-09:00 (booked on laptop 1 (no. 001)); and Hernia repair, patient "
                  "{number}, theatre T3 03/12/2026 08:00-09:00 (booked on laptop 2 (no. 002)): ring the patient with "
                  "the date kept, and mark the other rebooking entered in error")


def _number(session, booking):
    return session.db.execute("SELECT downtime_number FROM patients WHERE patient_id = (SELECT patient_id FROM records"
                              " WHERE record_id = ?)", [booking]).fetchone()[0]


def test_a_case_rebooked_on_two_laptops_is_reported_by_the_import_and_the_merge(rebooked_on_two_laptops, tmp_path):
    """The office's board kept the later date, the 02/12 list showed nothing, and neither the
    import nor the merge said a word: the patient had been rung with two dates."""
    clerk1, clerk2, _, office, booking = rebooked_on_two_laptops
    folders = [export(clerk, tmp_path / f"export-{n}").folder for n, clerk in ((1, clerk1), (2, clerk2))]
    assert import_export(office, folders[0]).theatre_clashes == ()
    (report,) = import_export(office, folders[1]).theatre_clashes
    said = REBOOKED_TWICE.format(number=_number(office, booking))
    assert report.text("en") == said
    (merged,) = merge(folders, tmp_path / "merged").theatre_clashes
    assert merged.text("en") == said


def test_a_case_rebooked_on_two_laptops_is_flagged_on_both_days_lists_until_one_is_withdrawn(
        rebooked_on_two_laptops, tmp_path, clock):
    clerk1, clerk2, office_nurse, office, booking = rebooked_on_two_laptops
    for n, clerk in ((1, clerk1), (2, clerk2)):
        import_export(office, export(clerk, tmp_path / f"export-{n}").folder)
    flag = "REBOOKED TWICE (02/12 08:00, 03/12 08:00): ring the patient with the date kept, mark the other rebooking " \
           "entered in error"
    (_, (wednesday,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    (_, (thursday,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 3))
    assert wednesday.struck and not thursday.struck
    assert theatre.board_status(wednesday, "en").endswith(flag)
    assert theatre.board_status(thursday, "en") == f"REBOOKED (from 30/11 08:00) — {flag}"
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(
        printing.print_theatre_list(office, date(2026, 12, 2), tmp_path / "wednesday.pdf")).pages))
    assert "MOVED to 03/12 08:00 — REBOOKED TWICE" in text
    later = theatre.booking_facts(office.db, booking).placed_by.record_id
    records.mark_entered_in_error(_coordinator(office_nurse, clock), later, "Patient keeps Wednesday")
    (_, (kept,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert not kept.struck and theatre.board_status(kept, "en") == "REBOOKED (from 30/11 08:00)"
    assert theatre.day_list(office.db, office.forms, date(2026, 12, 3))[0][1] == []


def test_a_case_rebooked_on_two_laptops_is_sent_with_one_booked_appointment(rebooked_on_two_laptops, tmp_path):
    """Both new dates went to the EHR as booked: it held the operation twice."""
    clerk1, clerk2, _, office, _ = rebooked_on_two_laptops
    for n, clerk in ((1, clerk1), (2, clerk2)):
        import_export(office, export(clerk, tmp_path / f"export-{n}").folder)
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text())
    appointments = sorted((entry["resource"] for entry in bundle["entry"]
                           if entry["resource"]["resourceType"] == "Appointment"), key=lambda a: a["start"])
    assert [(a["start"][:10], a["status"]) for a in appointments] == [
        ("2026-11-30", "cancelled"), ("2026-12-02", "cancelled"), ("2026-12-03", "booked")]
    assert "Superseded by another laptop's rebooking decided 2026-11-28T11:00:00+01:00" in appointments[1]["comment"]


SIGNED = {"led_by": "Marie Roux (IBODE)", "consent_confirmed": True, "site_marked": "yes", "anaesthesia_checked": True,
          "oximeter_working": True, "allergy_known": True, "airway_risk": "no", "blood_loss_risk": "no",
          "team_confirmed": True, "antibiotic_prophylaxis": "yes", "procedure_recorded": True,
          "counts_correct": "correct"}


def _cancelled_and_done(tmp_path, laptop, admission_values, clock, cancelled_at="08:30", rebooked=False,
                        checked=False, moved_at="10:00", transferred=False):
    """The 09:00 hernia repair of 28/11 cancelled at `cancelled_at` on laptop 1 (then, if
    `rebooked`, rebooked there at `moved_at` to T1 02/12 08:00, the patient rung; if `transferred`,
    sent to CH Sud Francilien at `moved_at`, the patient told), and recorded done at 09:05 in T1 on
    laptop 2 (the theatre did it, its checklist signed at 08:50 if `checked`): both imported at
    the office. Returns the office's session, the booking, the imports' reports and the two
    exports."""
    nurse1, clerk1 = laptop(tmp_path / "1.sqlite", 1)
    coord1 = _coordinator(nurse1, clock)
    patient = records.save_new(nurse1, "admission", {**admission_values, "nir": ""}).patient_id
    booking = theatre.book(coord1, patient, {**BOOKING, "anaesthetist": None, "session": _list_session(
        coord1, "T1", "2026-11-28"), "planned_start": "2026-11-28T09:00+01:00"}).record_id
    nurse2, clerk2 = laptop(tmp_path / "2.sqlite", 2)
    import_export(clerk2, export(clerk1, tmp_path / "to-2").folder)
    theatre.cancel(coord1, booking, {"cancelled_at": f"2026-11-28T{cancelled_at}+01:00", "reason": "information_system",
                                     "last_minute": True, "patient_told": "in_person"})
    if rebooked:
        theatre.rebook(coord1, booking, {"outcome": "rebooked", "session": _list_session(coord1, "T1", "2026-12-02"),
                                         "planned_start": "2026-12-02T08:00+01:00", "patient_told": "phone",
                                         "told_at": f"2026-11-28T{moved_at}+01:00",
                                         "decided_at": f"2026-11-28T{moved_at}+01:00"})
    if transferred:
        theatre.rebook(coord1, booking, {"outcome": "transferred", "other_hospital": "CH Sud Francilien",
                                         "patient_told": "in_person", "told_at": f"2026-11-28T{moved_at}+01:00",
                                         "decided_at": f"2026-11-28T{moved_at}+01:00"})
    if checked:
        records.save_new(nurse2, "surgical_safety_checklist", {**SIGNED, "checked_at": "2026-11-28T08:50+01:00",
                                                               "booking": booking}, patient_id=patient)
    theatre.record_done(_coordinator(nurse2, clock), booking, {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    folders = [export(clerk, tmp_path / f"export-{n}").folder for n, clerk in ((1, clerk1), (2, clerk2))]
    return office, booking, [import_export(office, folder).theatre_clashes for folder in folders], folders


def _sent(office, tmp_path) -> dict[str, list[dict]]:
    """The office's export's theatre resources, by kind."""
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text())
    return {kind: [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]
            for kind in ("ServiceRequest", "Appointment", "Procedure")}


@pytest.fixture
def cancelled_and_done(tmp_path, laptop, admission_values, clock):
    """The 09:00 hernia repair of 28/11 cancelled at 08:30 on laptop 1, and recorded done at 09:05
    in T1 on laptop 2 (the theatre did it): both imported at the office."""
    return _cancelled_and_done(tmp_path, laptop, admission_values, clock)[:3]


def test_a_case_cancelled_on_one_laptop_and_done_on_the_other_is_reported_and_flagged(cancelled_and_done, clock):
    """The board said done, the import said nothing."""
    office, booking, reports = cancelled_and_done
    assert reports[0] == ()
    (report,) = reports[1]
    assert report.text("en") == (
        "CANCELLED AND DONE, an operation recorded done was cancelled on laptop 1 (no. 001) at 28/11/2026 08:30: "
        f"Hernia repair, patient {_number(office, booking)}, theatre T1 28/11/2026 09:05-10:05 (booked on laptop 1 "
        "(no. 001)): check with the theatre team, and mark the wrong record entered in error")
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert theatre.board_status(line, "en") == (
        "DONE 09:05 — CANCELLED AND DONE (cancelled 28/11 08:30): check with the theatre team, mark the wrong record "
        "entered in error — NO SAFETY CHECKLIST recorded")
    waiting, _ = theatre.rescheduling(office.db, office.forms, clock.now)
    assert booking not in [item.state.record.record_id for item in waiting]


def test_a_case_cancelled_on_one_laptop_and_done_on_the_other_is_sent_done_with_a_note(cancelled_and_done, tmp_path):
    """The EHR received the request still active beside a completed Procedure."""
    office, _, _ = cancelled_and_done
    got = _sent(office, tmp_path)
    assert [r["status"] for r in got["ServiceRequest"]] == ["completed"]
    assert [(r["status"], r.get("cancelationReason")) for r in got["Appointment"]] == [("fulfilled", None)]
    assert [r["status"] for r in got["Procedure"]] == ["completed"]
    assert ("Recorded cancelled 2026-11-28T08:30:00+01:00 and done 2026-11-28T09:05:00+01:00 on two laptops: sent as "
            "done; check with the theatre team and mark the wrong record entered in error"
            ) in [note["text"] for note in got["ServiceRequest"][0]["note"]]


def test_a_case_cancelled_and_rebooked_on_one_laptop_and_done_on_the_other_is_reported_and_not_booked_again(
        tmp_path, laptop, admission_values, clock):
    """The coordinator cancelled the case and, as coordinators do, rebooked it to 02/12 and rang
    the patient, while the theatre did it: nothing was reported, the 02/12 list called the patient
    in unflagged, and the EHR got a booked 02/12 Appointment after the fulfilled one."""
    office, booking, reports, folders = _cancelled_and_done(tmp_path, laptop, admission_values, clock, rebooked=True)
    expected = ("CANCELLED AND DONE, an operation recorded done was cancelled on laptop 1 (no. 001) at 28/11/2026 "
                f"08:30, since rebooked to 02/12 08:00: Hernia repair, patient {_number(office, booking)}, theatre T1 "
                "28/11/2026 09:05-10:05 (booked on laptop 1 (no. 001)): check with the theatre team, ring the patient, "
                "and mark the wrong records entered in error")
    assert [report.text("en") for found in reports for report in found] == [expected]
    assert [report.text("en") for report in merge(folders, tmp_path / "merged").theatre_clashes] == [expected]
    assert theatre.booking_facts(office.db, booking).status is theatre.BookingStatus.DONE
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert line.struck and theatre.board_status(line, "en").endswith(
        "CANCELLED AND DONE (cancelled 28/11 08:30, since rebooked to 02/12 08:00): check with the theatre team, ring "
        "the patient, mark the wrong records entered in error")
    got = _sent(office, tmp_path)
    assert [r["status"] for r in got["ServiceRequest"]] == ["completed"]
    assert [(r["start"][:10], r["status"]) for r in got["Appointment"]] == [("2026-11-28", "fulfilled"),
                                                                            ("2026-12-02", "cancelled")]


def test_a_case_cancelled_and_rebooked_before_the_theatre_recorded_it_done_is_done_in_the_slot_it_was_cancelled_from(
        tmp_path, laptop, admission_values, clock):
    """The coordinator rebooked it to 02/12 at 08:45, straight after cancelling, before the theatre
    recorded it done at 09:05: the done record was filed in the 02/12 slot, nothing was reported,
    the 02/12 line stood, and the EHR got the 28/11 Appointment cancelled and the 02/12 one fulfilled."""
    office, booking, reports, folders = _cancelled_and_done(tmp_path, laptop, admission_values, clock, rebooked=True,
                                                            moved_at="08:45")
    expected = ("CANCELLED AND DONE, an operation recorded done was cancelled on laptop 1 (no. 001) at 28/11/2026 "
                f"08:30, since rebooked to 02/12 08:00: Hernia repair, patient {_number(office, booking)}, theatre T1 "
                "28/11/2026 09:05-10:05 (booked on laptop 1 (no. 001)): check with the theatre team, ring the patient, "
                "and mark the wrong records entered in error")
    assert [report.text("en") for found in reports for report in found] == [expected]
    assert [report.text("en") for report in merge(folders, tmp_path / "merged").theatre_clashes] == [expected]
    facts = theatre.booking_facts(office.db, booking)
    assert (facts.status, facts.start) == (theatre.BookingStatus.DONE, datetime.fromisoformat("2026-11-28T09:00+01:00"))
    (_, (done,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert not done.struck and theatre.board_status(done, "en").startswith("DONE 09:05 — CANCELLED AND DONE")
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert line.struck
    got = _sent(office, tmp_path)
    assert [r["status"] for r in got["ServiceRequest"]] == ["completed"]
    assert [(r["start"][:10], r["status"]) for r in got["Appointment"]] == [("2026-11-28", "fulfilled"),
                                                                            ("2026-12-02", "cancelled")]
    assert ("Rebooked on one laptop 2026-11-28T08:45:00+01:00, the operation recorded done 2026-11-28T09:05:00+01:00 "
            "on another: the patient was given a date for an operation done; ring them") in got["Appointment"][1]["comment"]


def test_a_case_cancelled_and_transferred_before_the_theatre_recorded_it_done_is_reported_and_sent_done_here(
        tmp_path, laptop, admission_values, clock):
    """Sent to another hospital at 08:45 on one laptop, done here at 09:05 on the other: nothing was
    reported, the 28/11 list showed it struck REBOOKED, and the EHR got a completed request whose
    performer was the other hospital."""
    office, booking, reports, folders = _cancelled_and_done(tmp_path, laptop, admission_values, clock,
                                                            transferred=True, moved_at="08:45")
    expected = ("CANCELLED AND DONE, an operation recorded done was cancelled on laptop 1 (no. 001) at 28/11/2026 "
                f"08:30, since transferred to CH Sud Francilien: Hernia repair, patient {_number(office, booking)}, "
                "theatre T1 28/11/2026 09:05-10:05 (booked on laptop 1 (no. 001)): check with the theatre team, ring the "
                "patient, and mark the wrong records entered in error")
    assert [report.text("en") for found in reports for report in found] == [expected]
    assert [report.text("en") for report in merge(folders, tmp_path / "merged").theatre_clashes] == [expected]
    assert theatre.booking_facts(office.db, booking).transferred_to is None
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert not line.struck and theatre.board_status(line, "en") == (
        "DONE 09:05 — CANCELLED AND DONE (cancelled 28/11 08:30, since transferred to CH Sud Francilien): check with "
        "the theatre team, ring the patient, mark the wrong records entered in error — NO SAFETY CHECKLIST recorded")
    got = _sent(office, tmp_path)
    (request,) = got["ServiceRequest"]
    assert request["status"] == "completed"
    assert "CH Sud Francilien" not in json.dumps(request.get("performer", []))
    assert ("Recorded cancelled 2026-11-28T08:30:00+01:00 and done 2026-11-28T09:05:00+01:00 on two laptops: sent as "
            "done; check with the theatre team and mark the wrong record entered in error"
            ) in [note["text"] for note in request["note"]]
    assert [(r["start"][:10], r["status"]) for r in got["Appointment"]] == [("2026-11-28", "fulfilled")]


def test_a_case_rebooked_then_brought_forward_to_the_evening_before_is_done_there_not_where_it_was_cancelled(
        tmp_path, laptop, admission_values, clock):
    """Cancelled from 28/11 09:00, rebooked to 02/12 08:00, done on T1's evening list of 01/12
    (brought forward), all on one laptop: nothing two laptops disagree on, nothing to report, and
    the 28/11 slot stays cancelled."""
    nurse, office = laptop(tmp_path / "1.sqlite", 1)
    coord = _coordinator(nurse, clock)
    patient = records.save_new(nurse, "admission", {**admission_values, "nir": ""}).patient_id
    booking = theatre.book(coord, patient, {**BOOKING, "anaesthetist": None, "session": _list_session(
        coord, "T1", "2026-11-28"), "planned_start": "2026-11-28T09:00+01:00"}).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                    "last_minute": True, "patient_told": "in_person"})
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": _list_session(coord, "T1", "2026-12-02"),
                                    "planned_start": "2026-12-02T08:00+01:00", "patient_told": "phone",
                                    "told_at": "2026-11-28T10:00+01:00", "decided_at": "2026-11-28T10:00+01:00"})
    records.save_new(coord, "theatre_session", {"theatre": "T1", "specialty": "General surgery",
                                                "starts_at": "2026-12-01T20:00+01:00",
                                                "ends_at": "2026-12-02T02:00+01:00"})
    clock.now = datetime.fromisoformat("2026-12-01T21:00+01:00")
    theatre.record_done(_coordinator_again(nurse, clock), booking, {"done_at": "2026-12-01T20:05+01:00",
                                                                    "theatre": "T1"})
    facts = theatre.booking_facts(office.db, booking)
    assert facts.status is theatre.BookingStatus.DONE
    assert facts.cancelled_and_done is None and facts.moved_after_done == ()
    assert [left.start for left in facts.cancelled_from] == [datetime.fromisoformat("2026-11-28T09:00+01:00")]
    got = _sent(office, tmp_path)
    assert [(r["start"][:10], r["status"]) for r in got["Appointment"]] == [("2026-11-28", "cancelled"),
                                                                            ("2026-12-02", "fulfilled")]


def test_a_cancellation_after_the_operation_was_done_is_set_aside_by_the_export_as_by_the_board(
        tmp_path, laptop, admission_values, clock):
    """Checklist signed at 08:50, done at 09:05, cancelled at 09:30 by a coordinator who did not
    know: the board counted the checklist, the export asked for a paper one and sent the
    fulfilled Appointment with a cancellation reason."""
    office, _, _, _ = _cancelled_and_done(tmp_path, laptop, admission_values, clock, cancelled_at="09:30",
                                          checked=True)
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 28))
    assert theatre.board_status(line, "en") == (
        "DONE 09:05 — CANCELLED AND DONE (cancelled 28/11 09:30): check with the theatre team, mark the wrong record "
        "entered in error")
    got = _sent(office, tmp_path)
    (request,) = got["ServiceRequest"]
    assert request["status"] == "completed" and [note["text"] for note in request["note"]] == [
        "NCEPOD priority: Elective",
        "Recorded cancelled 2026-11-28T09:30:00+01:00 and done 2026-11-28T09:05:00+01:00 on two laptops: sent as "
        "done; check with the theatre team and mark the wrong record entered in error"]
    assert [(r["status"], r.get("cancelationReason")) for r in got["Appointment"]] == [("fulfilled", None)]


def test_a_case_rebooked_twice_then_cancelled_on_one_laptop_is_still_reported(rebooked_on_two_laptops, tmp_path,
                                                                               clock):
    """The patient rang laptop 1 at 12:00: 02/12 does not suit, and its coordinator cancelled the
    only date she saw. The report and both flags vanished, while the patient still held 03/12
    from laptop 2 and nobody would tell them it was off. The first date (30/11), which neither
    laptop holds, is not flagged."""
    clerk1, clerk2, _, office, booking = rebooked_on_two_laptops
    theatre.cancel(_coordinator_again(clerk1, clock), booking, {
        "cancelled_at": "2026-11-28T12:00+01:00", "reason": "patient_declined", "declined": "date",
        "last_minute": False, "patient_told": "phone"})
    folders = [export(clerk, tmp_path / f"export-{n}").folder for n, clerk in ((1, clerk1), (2, clerk2))]
    reports = [report.text("en") for folder in folders for report in import_export(office, folder).theatre_clashes]
    expected = REBOOKED_TWICE.format(number=_number(office, booking))
    assert reports == [expected]
    assert [report.text("en") for report in merge(folders, tmp_path / "merged").theatre_clashes] == [expected]
    flag = "REBOOKED TWICE (02/12 08:00, 03/12 08:00): ring the patient with the date kept, mark the other rebooking " \
           "entered in error"
    for day in (2, 3):
        (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 12, day))
        assert theatre.board_status(line, "en").endswith(flag)
    (_, (first,)), = theatre.day_list(office.db, office.forms, date(2026, 11, 30))
    assert "REBOOKED TWICE" not in theatre.board_status(first, "en")


def test_a_case_rebooked_on_one_laptop_and_transferred_on_the_other_is_reported_and_sent_transferred(
        tmp_path, laptop, admission_values, clock):
    """Laptop 1 gave the cancelled operation 02/12, laptop 2 sent it to another hospital, each
    ringing the patient: nothing was reported, the 02/12 line vanished, and the export sent a
    booked 02/12 Appointment beside the revoked request."""
    nurse1, clerk1, coord1, nurse2, clerk2, booking = _cancelled_then_shared(tmp_path, laptop, admission_values, clock)
    theatre.rebook(coord1, booking, {"outcome": "rebooked", "session": _list_session(coord1, "T1", "2026-12-02"),
                                     "planned_start": "2026-12-02T08:00+01:00", "patient_told": "phone",
                                     "told_at": "2026-11-28T10:00+01:00", "decided_at": "2026-11-28T10:00+01:00"})
    theatre.rebook(_coordinator(nurse2, clock), booking, {
        "outcome": "transferred", "other_hospital": "CH Sud Francilien", "patient_told": "phone",
        "told_at": "2026-11-28T11:00+01:00", "decided_at": "2026-11-28T11:00+01:00"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    folders = [export(clerk, tmp_path / f"export-{n}").folder for n, clerk in ((1, clerk1), (2, clerk2))]
    reports = [report.text("en") for folder in folders for report in import_export(office, folder).theatre_clashes]
    expected = ("REBOOKED AND TRANSFERRED, one operation given a new date on one laptop and sent to another hospital "
                f"on another: Hernia repair, patient {_number(office, booking)}, theatre T1 02/12/2026 08:00-09:00 "
                "(booked on laptop 1 (no. 001)); and transferred to CH Sud Francilien on laptop 2 (no. 002): ring the "
                "patient with the decision kept, and mark the other entered in error")
    assert reports == [expected]
    assert [report.text("en") for report in merge(folders, tmp_path / "merged").theatre_clashes] == [expected]
    (_, (line,)), = theatre.day_list(office.db, office.forms, date(2026, 12, 2))
    assert line.struck and theatre.board_status(line, "en").endswith(
        "REBOOKED AND TRANSFERRED (02/12 08:00; CH Sud Francilien): ring the patient with the decision kept, mark the "
        "other entered in error")
    got = _sent(office, tmp_path)
    assert [r["status"] for r in got["ServiceRequest"]] == ["revoked"]
    assert [(r["start"][:10], r["status"]) for r in got["Appointment"]] == [("2026-11-30", "cancelled"),
                                                                            ("2026-12-02", "cancelled")]
    assert got["Appointment"][1]["comment"].endswith(
        "Superseded by another laptop's transfer decided 2026-11-28T11:00:00+01:00: the patient was told of both; "
        "ring them with the decision kept")


def test_the_day_board_flags_a_case_rebooked_twice_on_both_days(rebooked_on_two_laptops, tmp_path, qtbot):
    from PySide6.QtCore import QDate

    from downtime.qt.theatre_panel import STATUS, TheatrePanel

    clerk1, clerk2, _, office, _ = rebooked_on_two_laptops
    for n, clerk in ((1, clerk1), (2, clerk2)):
        import_export(office, export(clerk, tmp_path / f"export-{n}").folder)
    panel = TheatrePanel(office)
    qtbot.addWidget(panel)
    for day in (2, 3):
        panel.day.setDate(QDate(2026, 12, day))
        panel.refresh()
        qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
        model = panel.day_model
        assert model.rowCount() == 1
        assert "REBOOKED TWICE (02/12 08:00, 03/12 08:00)" in model.text(0, STATUS)
        assert model.is_warning(0, STATUS)
