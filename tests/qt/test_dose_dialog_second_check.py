"""The dose dialog asks a high-alert medicine's second check as it asks a controlled drug's
witness: a second clinician's staff ID and PIN, under its own words, and Save wants them."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.domain.medication import Check
from downtime.services import cd_register, medication

SLOT = datetime.fromisoformat("2026-11-28T14:00+01:00")




def test_the_nurse_has_a_colleague_check_a_high_alert_dose_with_their_pin(dose_dialog, enoxaparin, qtbot, type_text):
    nurse, order_id = enoxaparin
    dialog = dose_dialog(nurse, order_id, SLOT)
    assert "HIGH\u2011ALERT\u00a0medicine:\u00a0second\u00a0check\u00a0required" in dialog.order_line.text()
    assert dialog.check_heading.isVisible() and dialog.check_heading.text() == "Second check (high-alert medicine)"
    assert dialog.witness_id.isVisible() and dialog.witness_pin.isVisible()
    assert not dialog.witness_on_paper.isVisible() and not dialog.register_page.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "High-alert medicine: a second nurse or doctor must check the dose with their own PIN."
    assert dialog.focusWidget() is dialog.witness_id
    type_text(dialog.witness_id, "nurse")
    QTest.keyClick(dialog.witness_id, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.witness_pin
    type_text(dialog.witness_pin, "1111")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "High-alert medicine: the second check must be made by someone other than the giver."
    assert dialog.witness_pin.text() == ""  # typed again, as a witness's is
    dialog.witness_id.clear()
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = recorded.args[0]
    assert (saved.author, saved.data["witness"], saved.data["dose_given"]) == ("nurse", "doctor", 40.0)
    assert cd_register.taken_from_register(nurse.db, saved.record_id) is None


def test_a_high_alert_dose_not_given_or_from_paper_hides_the_second_check(dose_dialog, enoxaparin, qtbot):
    nurse, order_id = enoxaparin
    dialog = dose_dialog(nurse, order_id, SLOT)
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.check_heading.isVisible() and not dialog.witness_id.isVisible()
    dialog.outcome.setCurrentIndex(0)
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    assert not dialog.check_heading.isVisible() and not dialog.witness_pin.isVisible()


def test_a_high_alert_dose_ticked_from_paper_while_the_laptop_was_in_use_is_refused_on_the_tick(dose_dialog, 
        enoxaparin, qtbot, type_text, session_for, clock):
    """Signed in at 14:05, the laptop in use (and the order on it since 14:00): the 14:20 dose
    ticked from paper is refused, the tick named and focused, for the checker to sign with their
    PIN instead."""
    _, order_id = enoxaparin
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T14:45+01:00")
    dialog = dose_dialog(session_for("nurse"), order_id, SLOT)
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 14:20")
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("Transcribed from the paper chart: this laptop was in use at 14:20, when "
                                          "this high-alert medicine was given")
    assert dialog.focusWidget() is dialog.transcribed


def test_the_checker_signs_again_once_saves_warnings_are_shown(dose_dialog, enoxaparin, session_for, qtbot, type_text, reason_box):
    """The checker typed their PIN, then Save showed a warning (the 14:00 dose recorded already):
    its reason typed, Save recorded the dose as checked by them, who never read what they
    signed for. Their PIN goes with the warning shown, for them to sign once they have read it."""
    nurse, order_id = enoxaparin
    medication.record_dose(session_for("nurse"), order_id, {
        "outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 40.0, "route": "SC"}, witness=("doctor", "2222"))
    dialog = dose_dialog(nurse, order_id, SLOT)
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Safety warning: give a reason to override each one, or cancel."
    assert dialog.witness_pin.text() == ""
    type_text(reason_box(dialog, Check.ALREADY_GIVEN), "first dose vomited, doctor asked to repeat")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "High-alert medicine: a second nurse or doctor must check the dose with their own PIN."
    assert dialog.focusWidget() is dialog.witness_pin
    type_text(dialog.witness_pin, "2222")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded.args[0].data["witness"] == "doctor"


def test_a_high_alert_dose_given_by_a_colleague_asks_the_givers_pin(dose_dialog, enoxaparin, session_for, qtbot, type_text):
    """Given by a colleague, the high-alert dose asks her PIN too, as a controlled drug's does:
    "given by Noémie, checked by me" was saved on the checker's PIN alone."""
    from downtime.domain.staff import Role
    from downtime.services import staff

    staff.add_staff(session_for("admin"), "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    nurse, order_id = enoxaparin
    dialog = dose_dialog(nurse, order_id, SLOT)
    assert not dialog.giver_pin.isVisible()
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("night"))
    assert dialog.giver_pin.isVisible()
    type_text(dialog.witness_id, "nurse")
    type_text(dialog.witness_pin, "1111")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().endswith("given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                                        "controlled drug or a high-alert medicine does.")
    type_text(dialog.giver_pin, "5555")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (dose,) = [dose for dose in medication.administrations(nurse.db, medication.order(nurse.db, order_id).patient_id)
               if dose.order_id == order_id]
    assert (dose.given_by, dose.witness) == ("night", "nurse")
