"""A dose or form left unsaved when the laptop changed hands stays its author's draft: the banner
tells whoever signs in next that it exists (never what it holds), the same dose opened by a
colleague asks a reason at Save, and deactivating its author's account names it first."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from downtime.domain.medication import Check
from downtime.qt.prompts import Prompts
from downtime.services import drafts, medication, records, staff
from downtime.services.context import Session


def test_a_dose_left_typed_at_the_lock_is_told_to_the_colleague_and_asked_at_save(
        medication_ward, window, window_for, session_for, qtbot, type_text, reason_box, clock):
    patient, _, _ = medication_ward
    window.show_round()
    QTest.keyClick(window.medication.table, Qt.Key.Key_Return)  # the round's first dose: amoxicillin 08:00
    dialog = window.medication.dialog
    qtbot.waitActive(dialog)
    type_text(dialog.site, "Left forearm")
    dialog.hand_over()  # the laptop locked, the doctor signed in over her dose
    clock.advance(minutes=5)
    doctor = window_for(session_for("doctor"))
    line = doctor.banner.unsaved
    assert line.isVisible() and line.text() == (
        "1 form typed by Hélène Lefèvre at 14:00 not saved (dose of Amoxicillin 08:00, bed 12)")
    assert "MARTIN Hélène Marie (née LEFÈVRE)" in line.toolTip() and "Left forearm" not in line.toolTip()
    doctor.show_round()
    QTest.keyClick(doctor.medication.table, Qt.Key.Key_Return)
    again = doctor.medication.dialog
    qtbot.waitActive(again)
    assert again.slot == dialog.slot
    QTest.keyClick(again.save_button, Qt.Key.Key_Space)
    assert "⚠ Hélène Lefèvre was typing this dose at 14:00 and did not save it: ask them before giving it." in [
        label.text() for label in again.findChildren(QLabel)]
    type_text(reason_box(again, Check.ALREADY_GIVEN), "Rang Helene: she did not give it")
    for (check, _), box in again.override_edits.items():
        if check is not Check.ALREADY_GIVEN:
            type_text(box, "Reviewed with the prescriber")
    QTest.keyClick(again.save_button, Qt.Key.Key_Space)
    (dose,) = medication.administrations(doctor.session.db, patient)
    assert {"check": "already_given", "reason": "Rang Helene: she did not give it"} in records.current(
        doctor.session.db, dose.record_id).data["overrides"]
    window.banner.tick()
    assert not window.banner.unsaved.isVisible(), "her own draft is offered to her at sign-in, not in her banner"
    drafts.discard_draft(window.session, dialog.draft_id)
    clock.advance(minutes=1)
    doctor.banner.tick()
    assert not line.isVisible()


def test_deactivating_an_account_names_its_unsaved_forms_first(night, window_for, session_for, monkeypatch,
                                                             admission_values, clock):
    patient, amox, _ = night
    nurse = session_for("nurse")
    noemie = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "night", "5555", clock), nurse.forms, clock)
    drafts.save_draft(noemie, "dose-1", "medication_administration",
                      {"order": amox, "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given"},
                      patient_id=patient)
    clock.advance(minutes=1)
    drafts.save_draft(noemie, "admission-1", "admission", {**admission_values, "bed": "14"})
    asked: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: asked.append(text) or False))
    admin = window_for(session_for("admin"))
    panel = admin.admin
    admin.tabs.setCurrentWidget(panel)
    panel.staff_table.selectRow(next(row for row in range(panel.staff.rowCount()) if panel.staff.text(row, 0) == "night"))
    QTest.keyClick(panel.deactivate_button, Qt.Key.Key_Space)
    assert asked == [("2 unsaved form(s): Downtime admission record, bed 14; dose of Amoxicillin 14:00, bed 12. Only "
                      "Noémie Faure can open them: ask them to save them first.\n\nNoémie Faure (night) will no longer "
                      "sign in; their records stay. Deactivate?")]
    assert staff.member_named(nurse.db, "night").active, "answered No: still active"
    drafts.discard_draft(noemie, "dose-1")
    drafts.discard_draft(noemie, "admission-1")
    QTest.keyClick(panel.deactivate_button, Qt.Key.Key_Space)
    assert asked[1] == "Noémie Faure (night) will no longer sign in; their records stay. Deactivate?"


def test_the_nurse_in_charge_sets_aside_a_deactivated_nurses_dose_from_the_banner(
        night, window_for, session_for, qtbot, type_text, clock):
    """Noémie's dose, left typed when the laptop changed hands, stayed in every banner once her
    account was deactivated: only she could discard it. Hélène, in charge, sets it aside there,
    with a reason; a colleague's draft she can still save is hers to save, and offers nothing."""
    patient, amox, _ = night
    nurse = session_for("nurse")
    noemie = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "night", "5555", clock), nurse.forms, clock)
    drafts.save_draft(noemie, "dose-1", medication.DOSE_FORM,
                      {"order": amox, "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given"},
                      patient_id=patient)
    window = window_for(nurse)
    banner = window.banner
    assert banner.unsaved.isVisible() and not banner.set_aside_button.isVisible()
    staff.deactivate_staff(session_for("admin"), "night")
    clock.advance(minutes=1)
    banner.tick()
    assert banner.unsaved.text() == (
        "1 form typed by Noémie Faure (deactivated) at 14:00 not saved (dose of Amoxicillin 14:00, bed 12)")
    assert banner.set_aside_button.isVisible()
    QTest.keyClick(banner.set_aside_button, Qt.Key.Key_Space)
    dialog = banner.set_aside_dialog
    qtbot.waitActive(dialog)
    assert dialog.forms.count() == 1 and dialog.forms.item(0).text().startswith(
        "dose of Amoxicillin 14:00, bed 12 — MARTIN Hélène Marie (née LEFÈVRE)")
    QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert dialog.problem.isVisible() and dialog.problem.text() == "Tick the forms to set aside."
    QTest.keyClick(dialog.forms, Qt.Key.Key_Space)
    QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert dialog.problem.text().startswith("Say why the form is set aside")
    type_text(dialog.reason, "Given at 14:00: on the paper chart")
    QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: banner.set_aside_dialog is None)
    assert not banner.unsaved.isVisible() and not banner.set_aside_button.isVisible()
    assert drafts.waiting(nurse.db, nurse.forms) == []
