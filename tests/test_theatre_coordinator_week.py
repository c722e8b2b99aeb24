"""The surgical coordinator's week during the outage (a review with probes): an urgent case
offered the free emergency list before its rebook-by date, a patient who declined said alike on
screen and in the export, a patient not told of a new date exported as such, a list changed after
it was printed, an emergency past a list's end, and who told the patient."""

import json
from datetime import date, datetime

import pytest

from downtime.services import records, theatre
from tests.test_theatre_insulin import GLARGINE

MONDAY = "2026-11-30"


def _session(coord, name, day, start="08:00", end="13:00", specialty="General surgery"):
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": specialty,
        "starts_at": f"{day}T{start}+01:00", "ends_at": f"{day}T{end}+01:00"}).record_id


def _booking(session_id, start, procedure="Inguinal hernia repair", minutes=60, surgeon="Dr Roux", day=MONDAY,
             **more):
    return {"procedure": procedure, "laterality": "not_applicable", "priority": "elective",
            "decided_at": "2026-11-20T10:00+01:00", "surgeon": surgeon, "anaesthetist": "Dr Klein",
            "session": session_id, "planned_start": f"{day}T{start}+01:00", "expected_minutes": minutes, **more}


def _urgent_cancelled_today(coord, patient):
    """An urgent appendicectomy cancelled by the outage at 13:20 (rebook by 29/11 10:00): the next
    General surgery list on Thursday 03/12, the emergency theatre T9 free on 29/11, and an ENT list
    on 29/11 too."""
    today = _session(coord, "T1", "2026-11-28", "08:00", "14:30")
    _session(coord, "T1", "2026-12-03")
    _session(coord, "T4", "2026-11-29", "08:00", "13:00", specialty="ENT")
    _session(coord, "T9", "2026-11-29", "09:00", "20:00", specialty="Emergency (CEPOD)")
    booked = theatre.book(coord, patient, _booking(today, "13:30", "Appendicectomy", day="2026-11-28",
                                                   priority="urgent", decided_at="2026-11-28T10:00+01:00"))
    theatre.cancel(coord, booked.record_id, {"cancelled_at": "2026-11-28T13:20+01:00", "reason": "information_system",
                                             "last_minute": True, "patient_told": "in_person"})
    return booked.record_id


def test_an_urgent_case_late_on_its_own_lists_is_offered_earlier_slots_on_others_the_emergency_list_first(
        session_for, admission_values, clock):
    nurse, coord = session_for("nurse"), session_for("coord")
    booking_id = _urgent_cancelled_today(coord, records.save_new(nurse, "admission", admission_values).patient_id)
    found = theatre.suggestions(coord.db, booking_id, clock.now)
    assert [(s.theatre, f"{s.start:%d/%m %H:%M}") for s in found.slots] == [("T1", "03/12 08:00")]
    assert [(s.theatre, f"{s.start:%d/%m %H:%M}") for s in found.earlier] == [("T9", "29/11 09:00"),
                                                                            ("T4", "29/11 08:00")]


def test_the_emergency_list_is_offered_first_however_many_other_lists_start_before_it(
        session_for, admission_values, clock):
    """Five more elective lists at 08:00 on 29/11, the limit's worth: the emergency list at 09:00
    was cut before it was put first, and not offered at all."""
    nurse, coord = session_for("nurse"), session_for("coord")
    for name, specialty in (("T2", "Orthopaedics"), ("T3", "Gynaecology"), ("T5", "Urology"),
                            ("T6", "Ophthalmology"), ("T7", "Plastic surgery")):
        _session(coord, name, "2026-11-29", "08:00", "13:00", specialty=specialty)
    booking_id = _urgent_cancelled_today(coord, records.save_new(nurse, "admission", admission_values).patient_id)
    found = theatre.suggestions(coord.db, booking_id, clock.now)
    assert [s.theatre for s in found.earlier] == ["T9", "T2", "T3", "T4", "T5"]


def test_the_rebook_dialog_shows_the_earlier_slots_under_their_heading_and_books_the_emergency_list(
        session_for, admission_values, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.theatre_panel import RebookDialog

    nurse, coord = session_for("nurse"), session_for("coord")
    booking_id = _urgent_cancelled_today(coord, records.save_new(nurse, "admission", admission_values).patient_id)
    dialog = RebookDialog(coord, next(state for state in theatre.bookings(coord.db, coord.forms)
                                      if state.record.record_id == booking_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.slot_list.item(row).text() for row in range(dialog.slot_list.count())] == [
        "Thu 03/12 08:00 — theatre T1 (General surgery) — after the rebook-by date",
        "Before the rebook-by date, on other lists:",
        "Sun 29/11 09:00 — theatre T9 (Emergency (CEPOD))",
        "Sun 29/11 08:00 — theatre T4 (ENT)"]
    assert "slots on other lists before it are offered below" in dialog.error.text()
    dialog.slot_list.setFocus()
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Down)  # the heading cannot be chosen: down to T9
    assert dialog.slot_list.currentRow() == 2
    QTest.keyClick(dialog.slot_list, Qt.Key.Key_Return)
    moved = next(state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == booking_id)
    assert moved.status is theatre.BookingStatus.REBOOKED and f"{moved.start:%d/%m %H:%M}" == "29/11 09:00"


def _export_bundle(session_for, tmp_path):
    from downtime.sync.export import export

    folder = export(session_for("records"), tmp_path / "export").folder
    return json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))


def _of(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


DECLINED = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "patient_declined", "last_minute": False,
            "patient_told": "in_person"}


def _declined(session_for, admission_values, clock, **answer):
    """A hernia repair cancelled because the patient declined, with `answer`; what the rescheduling
    list and the export say of it."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booked = theatre.book(coord, patient, _booking(_session(coord, "T1", MONDAY), "08:00"))
    theatre.cancel(coord, booked.record_id, {**DECLINED, **answer})
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    return booked.record_id, [item.state.record.record_id for item in waiting]


def test_a_patient_who_declined_the_date_stays_to_rebook_and_active_in_the_export(
        session_for, admission_values, clock, tmp_path):
    booking_id, waiting = _declined(session_for, admission_values, clock, declined="date")
    (request,) = _of(_export_bundle(session_for, tmp_path), "ServiceRequest")
    assert booking_id in waiting and request["status"] == "active"


def test_a_patient_who_declined_the_operation_leaves_the_list_and_is_revoked(
        session_for, admission_values, clock, tmp_path):
    booking_id, waiting = _declined(session_for, admission_values, clock, declined="operation")
    (request,) = _of(_export_bundle(session_for, tmp_path), "ServiceRequest")
    assert booking_id not in waiting and request["status"] == "revoked"
    assert request["note"][-1]["text"] == "Not to be done: cancelled: Patient declined"


def _first_version(tmp_path):
    """The cancellation form as it was before it asked what the patient declined."""
    import re
    from pathlib import Path

    from downtime.formspec.loader import load_form

    text = (Path(__file__).parent.parent / "forms" / "operation_cancellation.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n      - id: (?:declined|slot_start)\n(?:        .*\n)+", "\n", text)
    text = re.sub(r"(?m)^version: \d+$", "version: 1", text)
    text = re.sub(r"(?m)^        since: \d+\n", "", text)
    text = text.replace("reason, declined,", "reason,")
    (tmp_path / "operation_cancellation.yaml").write_text(text, encoding="utf-8")
    return load_form(tmp_path / "operation_cancellation.yaml")


def test_a_declined_cancellation_of_the_first_version_keeps_its_meaning_on_screen_and_in_the_export(
        session_for, admission_values, clock, tmp_path, monkeypatch):
    """Recorded before the form asked what was declined: the date, to rebook, as the list read it."""
    coord = session_for("coord")
    first = _first_version(tmp_path)
    assert first.version == 1 and "declined" not in {field.id for field in first.fields()}
    monkeypatch.setitem(coord.forms, "operation_cancellation", first)
    booking_id, waiting = _declined(session_for, admission_values, clock)
    monkeypatch.undo()
    (request,) = _of(_export_bundle(session_for, tmp_path), "ServiceRequest")
    assert booking_id in waiting and request["status"] == "active"
    # Amended under the form's second version (told again), it asks nothing the first did not.
    assert theatre.record_told(coord, booking_id, "phone", clock.now).data["told_by"] == coord.user.name


def test_the_cancel_dialog_asks_what_the_patient_declined_only_for_patient_declined(
        session_for, admission_values, clock, qtbot):
    from downtime.qt.theatre_panel import CancelDialog

    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booked = theatre.book(coord, patient, _booking(_session(coord, "T1", MONDAY), "08:00"))
    dialog = CancelDialog(coord, next(s for s in theatre.bookings(coord.db, coord.forms)
                                      if s.record.record_id == booked.record_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.declined.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("patient_declined"))
    assert dialog.declined.isVisible()
    dialog.declined.setCurrentIndex(dialog.declined_codes.index("operation"))
    dialog.last_minute.setCurrentIndex(1)
    dialog.told.setCurrentIndex(dialog.told_codes.index("in_person"))
    assert dialog.save() is not None, dialog.error.text()
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert booked.record_id not in [item.state.record.record_id for item in waiting]


def _rebooked(session_for, admission_values, **told):
    """A hernia repair cancelled on Saturday 28/11 and rebooked for Tuesday 01/12 09:00, `told`."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    mon, tue = _session(coord, "T1", MONDAY), _session(coord, "T2", "2026-12-01")
    booked = theatre.book(coord, patient, _booking(mon, "08:00"))
    theatre.cancel(coord, booked.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure",
                                             "last_minute": False, "patient_told": "phone"})
    theatre.rebook(coord, booked.record_id, {"outcome": "rebooked", "session": tue,
                                             "planned_start": "2026-12-01T09:00+01:00",
                                             "decided_at": "2026-11-28T10:00+01:00", **told})
    return coord, booked.record_id


def _patient_status(session_for, tmp_path):
    rebooked = max(_of(_export_bundle(session_for, tmp_path), "Appointment"), key=lambda a: a["start"])
    return next(p for p in rebooked["participant"] if "reference" in p["actor"])["status"], rebooked


def test_a_patient_not_told_of_the_new_date_is_exported_as_needing_action(session_for, admission_values, tmp_path):
    _rebooked(session_for, admission_values)
    status, appointment = _patient_status(session_for, tmp_path)
    assert status == "needs-action" and appointment["status"] == "booked"
    assert all(p["status"] == "accepted" for p in appointment["participant"] if "reference" not in p["actor"])


def test_a_patient_told_by_a_letter_that_arrives_too_late_needs_action(session_for, admission_values, tmp_path):
    _rebooked(session_for, admission_values, patient_told="letter", told_at="2026-11-28T10:00+01:00")
    assert _patient_status(session_for, tmp_path)[0] == "needs-action"


def test_a_patient_told_of_the_new_date_has_accepted_it_and_who_told_them_is_exported(
        session_for, admission_values, tmp_path, clock):
    coord, booking_id = _rebooked(session_for, admission_values)
    theatre.record_told(coord, booking_id, "phone", clock.now, "Nurse Hélène Lefèvre")
    status, appointment = _patient_status(session_for, tmp_path)
    assert status == "accepted"
    assert "patient told: By phone by Nurse Hélène Lefèvre 2026-11-28T14:00:00+01:00" in appointment["comment"]


def test_who_told_the_patient_is_the_user_signed_in_unless_named(session_for, admission_values, clock):
    coord, booking_id = _rebooked(session_for, admission_values)
    told = theatre.record_told(coord, booking_id, "phone", clock.now)
    assert told.data["told_by"] == coord.user.name


def test_the_told_dialog_names_who_told_the_patient_and_the_printed_list_says_it(
        session_for, admission_values, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.theatre_panel import ToldDialog
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    coord, booking_id = _rebooked(session_for, admission_values)
    dialog = ToldDialog(coord, next(s for s in theatre.bookings(coord.db, coord.forms)
                                    if s.record.record_id == booking_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.told_by.text() == coord.user.name
    dialog.how.setCurrentIndex(dialog.how_codes.index("phone"))
    dialog.told_by.clear()
    QTest.keyClicks(dialog.told_by, "Nurse Petit")
    QTest.keyClick(dialog.told_by, Qt.Key.Key_Return)
    assert theatre.booking_facts(coord.db, booking_id).told_of.data["told_by"] == "Nurse Petit"
    out = printing.print_theatre_list(coord, date(2026, 12, 1), tmp_path / "list.pdf")
    assert "by Nurse Petit" in " ".join(pdf_text(out).split())


def _printed_then_changed(session_for, admission_values, clock, tmp_path):
    """Monday's T1 list printed at 07:30 on Saturday, then its 08:00 hernia repair cancelled and a
    laparotomy booked at 09:00; T2's list printed too, and left alone."""
    from downtime.services import printing

    nurse, coord = session_for("nurse"), session_for("coord")
    first, second = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                          "birth_name": f"Patient{bed}"}).patient_id for bed in (1, 2)]
    t1 = _session(coord, "T1", MONDAY)
    _session(coord, "T2", MONDAY)
    hernia = theatre.book(coord, first, _booking(t1, "08:00"))
    clock.now = datetime(2026, 11, 28, 7, 30, tzinfo=clock.now.tzinfo)
    printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "first.pdf", "T1")
    printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "first-t2.pdf", "T2")
    clock.now = datetime(2026, 11, 28, 10, 0, tzinfo=clock.now.tzinfo)
    unchanged = theatre.changed_since_printed(coord.db, date(2026, 11, 30),
                                              theatre.day_list(coord.db, coord.forms, date(2026, 11, 30)))
    theatre.cancel(coord, hernia.record_id, {"cancelled_at": "2026-11-28T10:00+01:00", "reason": "patient_unfit",
                                             "last_minute": False, "patient_told": "phone"})
    theatre.book(coord, second, _booking(t1, "09:00", "Laparotomy", 120, "Dr Petit"))
    return coord, hernia.record_id, unchanged


def test_a_list_changed_after_it_was_printed_says_so_until_printed_again(
        session_for, admission_values, clock, tmp_path):
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    coord, _, unchanged = _printed_then_changed(session_for, admission_values, clock, tmp_path)
    monday = date(2026, 11, 30)
    assert unchanged == []
    (changed,) = theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday))
    assert changed.said("en") == "CHANGED SINCE PRINTED 07:30 (T1)"
    assert changed.to_reprint("en") == ("The list for 30/11/2026 was printed at 07:30 (T1): print it again and replace "
                                        "the copy in theatre.")
    again = printing.print_theatre_list(coord, monday, tmp_path / "again.pdf")
    assert "Replaces the list printed 07:30 (T1): take that copy down" in " ".join(pdf_text(again).split())
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []


def test_a_patient_on_the_printed_list_identified_or_found_allergic_makes_it_out_of_date(
        session_for, admission_values, clock, tmp_path):
    """The list pinned in theatre read UNKNOWN MALE ALPHA, allergies not known; identified at 15:30
    with a latex anaphylaxis, his band read GIRARD and the board said nothing: the WHO sign-in
    checked the band against a list naming another man, and missed the latex-free theatre. A bed
    changed is not on the list."""
    from downtime.services import printing

    nurse, coord = session_for("nurse"), session_for("coord")
    named = ("birth_name", "used_name", "given_names", "birth_date", "nir", "identity_document")
    unknown = records.save_new(nurse, "admission", {
        **{key: value for key, value in admission_values.items() if key not in (*named, "allergies")},
        "unidentified": True, "temporary_name": "Unknown Male Alpha", "descriptor": "man about 35, road accident",
        "sex": "male", "identity_status": "provisional", "allergy_status": "unknown", "bed": "4"})
    theatre.book(coord, unknown.patient_id, _booking(_session(coord, "T1", MONDAY), "08:00"))
    monday = date(2026, 11, 30)
    clock.now = datetime(2026, 11, 28, 15, 0, tzinfo=clock.now.tzinfo)
    printing.print_theatre_list(coord, monday, tmp_path / "list.pdf")
    moved = records.amend(nurse, unknown.record_id, {**unknown.data, "bed": "5"}, "moved to a side room")
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday),
                                         coord.forms) == []
    clock.now = datetime(2026, 11, 28, 15, 30, tzinfo=clock.now.tzinfo)
    records.amend(nurse, unknown.record_id, {
        **moved.data, "unidentified": False, "birth_name": "Girard", "given_names": "Thomas Paul",
        "birth_date": "1989-06-14", "allergy_status": "allergies",
        "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis", "severity": "severe"}]},
        "Identified by his wife; latex anaphylaxis")
    (changed,) = theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday),
                                               coord.forms)
    assert changed.said("en") == "CHANGED SINCE PRINTED 15:00 (T1)"
    printing.print_theatre_list(coord, monday, tmp_path / "again.pdf")
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday),
                                         coord.forms) == []


@pytest.mark.parametrize("drug", ["Apixaban", "Insulin glargine"])
def test_an_anticoagulant_or_insulin_charted_after_the_print_makes_it_out_of_date(
        session_for, admission_values, clock, tmp_path, drug):
    """The list pinned in theatre was printed at 15:00; at 15:30 the doctor charted apixaban found on
    the GP's letter. A new print says ANTICOAGULANT under the allergies, the copy in theatre did
    not, and the board said nothing (an insulin alike, which the list also prints). Paracetamol
    is not on the list."""
    from downtime.services import printing

    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    theatre.book(coord, patient, _booking(_session(coord, "T1", MONDAY), "08:00"))
    monday = date(2026, 11, 30)
    clock.now = datetime(2026, 11, 28, 15, 0, tzinfo=clock.now.tzinfo)
    printing.print_theatre_list(coord, monday, tmp_path / "list.pdf")
    clock.now = datetime(2026, 11, 28, 15, 30, tzinfo=clock.now.tzinfo)
    order = {"dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00 20:00",
             "start_at": "2026-11-28T15:30+01:00", "controlled": False, "high_alert": True}
    records.save_new(session_for("doctor"), "medication_order", {**order, "drug": "Paracetamol", "dose": 1.0,
                                                                 "dose_unit": "g", "high_alert": False},
                     patient_id=patient)
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []
    charted = {**GLARGINE, "start_at": "2026-11-28T15:30+01:00"} if drug.startswith("Insulin") else {**order, "drug": drug}
    records.save_new(session_for("doctor"), "medication_order", charted, patient_id=patient)
    (changed,) = theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday))
    assert changed.said("en") == "CHANGED SINCE PRINTED 15:00 (T1)"
    printing.print_theatre_list(coord, monday, tmp_path / "again.pdf")
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []


def test_an_order_changed_in_nothing_the_list_prints_leaves_it_in_date(session_for, admission_values, clock, tmp_path):
    """The list prints an insulin's or an anticoagulant's name and when it stopped, at the
    operation's start: a glargine titrated (most days), or enoxaparin charted to start after
    the operation, said CHANGED SINCE PRINTED, and a flag always raised is one nobody heeds. Its
    stop moved before the operation is printed, and says so."""
    from downtime.services import printing

    nurse, coord, doctor = session_for("nurse"), session_for("coord"), session_for("doctor")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    theatre.book(coord, patient, _booking(_session(coord, "T1", MONDAY), "08:00"))
    glargine = records.save_new(doctor, "medication_order", GLARGINE, patient_id=patient)
    monday = date(2026, 11, 30)
    clock.now = datetime(2026, 11, 28, 15, 0, tzinfo=clock.now.tzinfo)
    printing.print_theatre_list(coord, monday, tmp_path / "list.pdf")
    clock.now = datetime(2026, 11, 28, 15, 30, tzinfo=clock.now.tzinfo)
    titrated = records.amend(doctor, glargine.record_id, {**glargine.data, "dose": 16.0}, "fasting glucose 5.2")
    records.save_new(doctor, "medication_order", {
        "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "18:00", "start_at": f"{MONDAY}T18:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []
    records.amend(doctor, titrated.record_id, {**titrated.data, "stop_at": "2026-11-29T22:00+01:00"}, "nil by mouth")
    (changed,) = theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday))
    assert changed.said("en") == "CHANGED SINCE PRINTED 15:00 (T1)"


def test_a_patient_told_later_does_not_make_the_printed_list_out_of_date(session_for, admission_values, clock, tmp_path):
    from downtime.services import printing

    coord, hernia, _ = _printed_then_changed(session_for, admission_values, clock, tmp_path)
    monday = date(2026, 11, 30)
    printing.print_theatre_list(coord, monday, tmp_path / "again.pdf", "T1")
    theatre.record_told(coord, hernia, "letter", clock.now)
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []


def _withdrawn(coord, hernia, t2):
    records.mark_entered_in_error(coord, hernia, "booked the wrong patient")


def _moved_to_t2(coord, hernia, t2):
    records.amend(coord, hernia, _booking(t2, "08:00"), "moved to T2")


def _cancellation_withdrawn(coord, hernia, t2):
    cancellation = next(r for r in records.list_current(coord.db, form_id="operation_cancellation")
                        if r.data["booking"] == hernia)
    records.mark_entered_in_error(coord, cancellation.record_id, "cancelled the wrong patient")


@pytest.mark.parametrize("change, lists", [(_withdrawn, ["T1"]), (_moved_to_t2, ["T1", "T2"]),
                                           (_cancellation_withdrawn, ["T1"])])
def test_an_operation_taken_off_or_put_back_on_the_printed_list_says_so(
        session_for, admission_values, clock, tmp_path, change, lists):
    """The copy in theatre names the patient (or strikes the cancelled one): a booking withdrawn
    or moved to T2, or a cancellation withdrawn, after the print left the list unchanged, the
    wrong patient sent for or the right one missed."""
    from downtime.services import printing

    coord, hernia, _ = _printed_then_changed(session_for, admission_values, clock, tmp_path)
    monday = date(2026, 11, 30)
    printing.print_theatre_list(coord, monday, tmp_path / "again.pdf")
    t2 = next(session.session_id for session, _ in theatre.day_list(coord.db, coord.forms, monday)
              if session.theatre == "T2")
    if change is not _cancellation_withdrawn:
        records.mark_entered_in_error(coord, next(r.record_id for r in records.list_current(
            coord.db, form_id="operation_cancellation") if r.data["booking"] == hernia), "not cancelled")
        printing.print_theatre_list(coord, monday, tmp_path / "third.pdf")
    assert theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday)) == []
    change(coord, hernia, t2)
    assert [changed.said("en") for changed in theatre.changed_since_printed(
        coord.db, monday, theatre.day_list(coord.db, coord.forms, monday))] == [
        f"CHANGED SINCE PRINTED 10:00 ({name})" for name in lists]


def test_the_board_says_the_list_changed_since_printed_after_the_save(
        session_for, admission_values, clock, tmp_path, qtbot):
    from downtime.qt.theatre_panel import TheatrePanel
    from downtime.services import printing

    coord, _, _ = _printed_then_changed(session_for, admission_values, clock, tmp_path)
    panel = TheatrePanel(coord)
    qtbot.addWidget(panel)
    panel.day.setDate(panel.day.date().addDays(2))
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.reprint.isVisible())
    assert panel.reprint_said == ["CHANGED SINCE PRINTED 07:30 (T1) — The list for 30/11/2026 was printed at 07:30 "
                                  "(T1): print it again and replace the copy in theatre."]
    printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "again.pdf", "T1")
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.reprint.isVisible())


def test_theatre_list_on_the_command_line_says_the_list_changed_since_printed(
        session_for, admission_values, clock, tmp_path, db_path, capsys, monkeypatch):
    from downtime.cli import main

    _printed_then_changed(session_for, admission_values, clock, tmp_path)
    monkeypatch.setenv("DOWNTIME_USER", "coord")
    monkeypatch.setenv("DOWNTIME_PIN", "3333")
    assert main(["theatre", "list", "--date", MONDAY, "--db", str(db_path)]) == 0
    assert ("CHANGED SINCE PRINTED 07:30 (T1) — The list for 30/11/2026 was printed at 07:30 (T1): print it again and "
            "replace the copy in theatre.") in capsys.readouterr().out.splitlines()
    assert main(["theatre", "list", "--date", MONDAY, "--db", str(db_path), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(line["theatre"], line["changed_since_printed_at"]) for line in lines} == {
        ("T1", "2026-11-28T07:30:00+01:00")}


def _emergency_on_a_full_list(session_for, admission_values, priority):
    """Saturday 14:00: T1's list runs 08:00-15:00, full from 13:00; a 90-minute laparotomy of
    `priority` booked on it at 14:00. Extended, the list begins it a turnover after the case before
    (domain.theatre.TURNOVER)."""
    nurse, coord = session_for("nurse"), session_for("coord")
    first, second = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                          "birth_name": f"P{bed}"}).patient_id for bed in (1, 2)]
    t1 = _session(coord, "T1", "2026-11-28", "08:00", "15:00")
    theatre.book(coord, first, _booking(t1, "13:00", "Total hip replacement", 120, day="2026-11-28"))
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, second, _booking(t1, "14:00", "Laparotomy", 90, "Dr Petit", day="2026-11-28",
                                             priority=priority, decided_at="2026-11-28T14:00+01:00",
                                             anaesthetist="Dr Other"))
    return refused.value.text("en")


def test_an_emergency_past_its_lists_end_is_told_the_list_can_be_extended_and_from_when(
        session_for, admission_values):
    said = _emergency_on_a_full_list(session_for, admission_values, "immediate_a")
    assert said.endswith("For an immediate case: cancelling a planned operation (reason “Emergency took the theatre”) "
                         "frees its slot. Or extend the 08:00\u201315:00 list of theatre T1 to 16:45 (amend the theatre "
                         "session's end) and book it from 15:15."), said


def test_an_urgent_case_past_its_lists_end_is_told_so_too(session_for, admission_values):
    said = _emergency_on_a_full_list(session_for, admission_values, "urgent")
    assert said.endswith("Or extend the 08:00\u201315:00 list of theatre T1 to 16:45 (amend the theatre session's end) "
                         "and book it from 15:15."), said


def test_an_elective_case_is_not_told_to_extend_the_list(session_for, admission_values):
    assert "extend" not in _emergency_on_a_full_list(session_for, admission_values, "elective")


@pytest.mark.parametrize("afternoon_end, told", [
    ("17:00", "Or extend the 13:00\u201317:00 list of theatre T1 to 18:45 (amend the theatre session's end) and "
              "book it from 17:15."),
    ("23:59", None)])
def test_an_emergency_on_a_morning_list_is_told_to_extend_its_theatres_last_list_of_the_day(
        session_for, admission_values, afternoon_end, told):
    """Saturday 12:00: T1's morning list 08:00-13:00 full from 11:00, its afternoon list from 13:00
    full too. The morning list cannot run over across the afternoon's: it is the afternoon list
    that is extended, and none when it already runs to midnight."""
    nurse, coord = session_for("nurse"), session_for("coord")
    first, second, third = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                                 "birth_name": f"P{bed}"}).patient_id
                            for bed in (1, 2, 3)]
    morning = _session(coord, "T1", "2026-11-28", "08:00", "13:00")
    afternoon = _session(coord, "T1", "2026-11-28", "13:00", afternoon_end, specialty="Orthopaedics")
    theatre.book(coord, first, _booking(morning, "11:00", "Total hip replacement", 120, day="2026-11-28"))
    theatre.book(coord, third, _booking(afternoon, "13:00", "Revision knee replacement",
                                        240 if afternoon_end == "17:00" else 659, "Dr Os", day="2026-11-28",
                                        anaesthetist="Dr Bloc"))
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, second, _booking(morning, "12:00", "Laparotomy", 90, "Dr Petit", day="2026-11-28",
                                             priority="immediate_a", decided_at="2026-11-28T12:00+01:00",
                                             anaesthetist="Dr Other"))
    said = refused.value.text("en")
    assert (said.endswith(told) if told else "extend" not in said), said


PREPARED = {"anaesthetic": "general", "asa": "asa3", "day_case": False,
            "equipment": "Image intensifier; stapler loan kit"}


def _prepared(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booked = theatre.book(coord, patient, _booking(_session(coord, "T1", MONDAY), "08:00", "Anterior resection",
                                                   240, **PREPARED))
    return coord, booked.record_id


def test_the_anaesthetic_asa_grade_day_case_and_equipment_print_under_the_procedure(
        session_for, admission_values, tmp_path, french):
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    french("In-patient", "Hospitalisation complète")
    french("Equipment: {equipment}", "Matériel : {equipment}")
    coord, _ = _prepared(session_for, admission_values)
    for lang, said in (("en", "General anaesthetic · ASA 3 · In-patient · Equipment: Image intensifier; stapler "
                              "loan kit"),
                       ("fr", "Anesthésie générale · ASA 3 · Hospitalisation complète · Matériel : Image "
                              "intensifier; stapler loan kit")):
        spec = coord.forms["operation_booking"]
        assert theatre.preparation_said({**_booking("s", "08:00"), **PREPARED}, spec, lang) == said
    out = printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")
    assert "General anaesthetic · ASA 3 · In-patient · Equipment: Image intensifier; stapler loan kit" in " ".join(
        pdf_text(out).split())


def test_a_booking_of_the_first_version_says_no_preparation(session_for):
    spec = session_for("coord").forms["operation_booking"]
    assert theatre.preparation_said(_booking("s", "08:00"), spec, "en") == ""


def test_the_anaesthetic_asa_grade_day_case_and_equipment_are_exported_each_as_an_order_detail(
        session_for, admission_values, tmp_path):
    _prepared(session_for, admission_values)
    (request,) = _of(_export_bundle(session_for, tmp_path), "ServiceRequest")
    assert [detail["text"] for detail in request["orderDetail"]] == [
        "Anaesthetic: General anaesthetic", "ASA grade: ASA 3", "In-patient",
        "Equipment: Image intensifier; stapler loan kit"]


def test_theatre_list_on_the_command_line_gives_the_preparation(
        session_for, admission_values, db_path, capsys, monkeypatch):
    from downtime.cli import main

    _prepared(session_for, admission_values)
    monkeypatch.setenv("DOWNTIME_USER", "coord")
    monkeypatch.setenv("DOWNTIME_PIN", "3333")
    assert main(["theatre", "list", "--date", MONDAY, "--db", str(db_path)]) == 0
    assert (f"{'':15}General anaesthetic · ASA 3 · In-patient · Equipment: Image intensifier; stapler loan kit"
            in capsys.readouterr().out.splitlines())
    assert main(["theatre", "list", "--date", MONDAY, "--db", str(db_path), "--json"]) == 0
    (line,) = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert {name: line[name] for name in PREPARED} == PREPARED


def test_the_boards_tooltip_gives_the_preparation(session_for, admission_values, qtbot):
    from PySide6.QtCore import Qt

    from downtime.qt.theatre_panel import PATIENT, TheatrePanel

    coord, _ = _prepared(session_for, admission_values)
    panel = TheatrePanel(coord)
    qtbot.addWidget(panel)
    panel.day.setDate(panel.day.date().addDays(2))
    panel.show()
    qtbot.waitUntil(lambda: panel.day_model.rowCount() == 1)
    tip = panel.day_model.data(panel.day_model.index(0, PATIENT), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "General anaesthetic · ASA 3 · In-patient · Equipment: Image intensifier; stapler loan kit"


def _cancer_and_hernia(session_for, admission_values):
    """Monday's list cancelled on Saturday: an anterior resection on its 31-day cancer target
    (04/12) cancelled ahead (before its patient's admission), and a hernia repair cancelled last
    minute (28 days: 26/12)."""
    nurse, coord = session_for("nurse"), session_for("coord")
    cancer_patient, hernia_patient = [records.save_new(nurse, "admission", {
        **admission_values, "bed": str(bed), "birth_name": f"Patient{bed}"}).patient_id for bed in (1, 2)]
    t1 = _session(coord, "T1", MONDAY, "08:00", "14:00")
    cancer = theatre.book(coord, cancer_patient, _booking(t1, "08:00", "Anterior resection", 240,
                                                          cancer_pathway="days_31", cancer_target="2026-12-04"))
    hernia = theatre.book(coord, hernia_patient, _booking(t1, "12:00", minutes=60, surgeon="Dr Petit"))
    theatre.cancel(coord, cancer.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                             "last_minute": False, "patient_told": "phone"})
    theatre.cancel(coord, hernia.record_id, {"cancelled_at": "2026-11-28T13:00+01:00", "reason": "information_system",
                                             "last_minute": True, "patient_told": "phone"})
    return coord


def test_a_cancer_target_is_a_rebook_by_date_and_ranks_the_cancer_case_first(session_for, admission_values, clock):
    coord = _cancer_and_hernia(session_for, admission_values)
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert [(item.state.record.data["procedure"], item.rebook_by("en")) for item in waiting] == [
        ("Anterior resection", "04/12/2026 CANCER 31-DAY SOON"), ("Inguinal hernia repair", "26/12/2026")]


def test_the_cancer_target_is_printed_and_given_by_the_command_line_and_the_export(
        session_for, admission_values, tmp_path, db_path, capsys, monkeypatch):
    from downtime.cli import main
    from downtime.services import printing
    from tests.pdf_text import pdf_text

    coord = _cancer_and_hernia(session_for, admission_values)
    out = printing.print_rescheduling(coord, tmp_path / "resched.pdf")
    assert "04/12/2026 CANCER 31-DAY SOON" in " ".join(pdf_text(out).split())
    monkeypatch.setenv("DOWNTIME_USER", "coord")
    monkeypatch.setenv("DOWNTIME_PIN", "3333")
    assert main(["theatre", "rescheduling", "--db", str(db_path)]) == 0
    # The real clock: BREACH or SOON. The date padded to its column, as wide as one with its hour.
    assert "04/12/2026 CANCER 31-DAY" in " ".join(capsys.readouterr().out.splitlines()[0].split())
    assert main(["theatre", "rescheduling", "--db", str(db_path), "--json"]) == 0
    lines = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert [(line["procedure"], line["cancer_pathway"], line["rebook_by"][:10]) for line in lines] == [
        ("Anterior resection", "days_31", "2026-12-04"), ("Inguinal hernia repair", None, "2026-12-26")]
    requests = {r["code"]["text"]: r for r in _of(_export_bundle(session_for, tmp_path), "ServiceRequest")}
    assert "Cancer pathway: 31-day, target date 2026-12-04" in [n["text"] for n in requests["Anterior resection"]["note"]]
