"""A nurse records doses from the round list with the keyboard; a controlled drug is witnessed."""

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from downtime.domain.medication import Check
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.field_editors import ReferenceEditor
from downtime.qt.form_view import FormView
from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import FLAGS, MEDICINE
from downtime.qt.paper_doses_dialog import PaperDosesDialog
from downtime.qt.prompts import Prompts
from downtime.services import cd_register, medication, records, settings
from downtime.services.errors import ServiceError
from tests.test_glucose_insulin import glucose_charted


@pytest.fixture
def ward(session_for, medication_ward):
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    return medication_ward


def _register_tab(qtbot, session):
    """The Controlled drugs tab of a window signed in as `session`'s person."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show_cd_register()
    return window.cd_register


@pytest.fixture
def round_window(qtbot, session_for, answers, ward):
    main = MainWindow(session_for("nurse"))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_dose_recorded_from_the_round_by_keyboard_with_an_allergy_override(round_window, ward, qtbot, type_text,
                                                                          reason_box):
    patient, amox, _ = ward
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    # The 08:00 dose of an order typed in at 14:00 (from 27/11): to look for on its paper first.
    assert [panel.model.data(panel.model.index(r, 0)) for r in range(2)] == ["NOT RECORDED — check the paper",
                                                                             "Due now"]
    # In dark red as well as in words: given Qt's colour name, the view drew OVERDUE in black.
    assert panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == QColor(Qt.GlobalColor.darkRed)
    assert panel.model.data(panel.model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitActive(dialog)
    assert dialog is not None and "ALLERGIES: Penicillin (Rash, moderate)" in dialog.findChildren(QLabel)[0].text()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert "Safety warning" in dialog.error.text()
    focused = reason_box(dialog, medication.Check.ALLERGY)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focused)
    type_text(focused, "Tolerated amoxicillin in 2024, allergist letter seen")
    # The 08:00 dose given at 14:00, the 14:00 one due: Save asks for a reason for that too.
    assert any("The 28/11 14:00 dose of Amoxicillin is due at the time of this one" in label.text()
               for label in dialog.findChildren(QLabel))
    type_text(reason_box(dialog, medication.Check.DOSE_SPACING), "14:00 dose moved to 18:00 with the prescriber")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    (dose,) = medication.administrations(round_window.session.db, patient)
    assert dose.order_id == amox and dose.scheduled_for.strftime("%H:%M") == "08:00"
    saved = records.current(round_window.session.db, dose.record_id)
    assert saved.data["overrides"][0]["reason"].startswith("Tolerated amoxicillin")
    assert {"check": "dose_spacing", "reason": "14:00 dose moved to 18:00 with the prescriber"} in saved.data["overrides"]
    # Yesterday's 14:00 and 20:00, never recorded, stay (they left the round 12 hours after their time).
    assert [panel.model.texts(r)[:2] for r in range(panel.model.rowCount())] == [
        ("Due now", "28/11 14:00"), ("MISSED (over 12 h)", "27/11 14:00"), ("MISSED (over 12 h)", "27/11 20:00")]
    assert panel.count.text() == "3 dose(s) to give or record; 0 overdue; 2 missed over 12 h ago, at the end of the list"
    assert [panel.model.is_warning(r, 0) for r in range(3)] == [False, True, True]


def test_the_round_says_same_name_in_red_beside_a_patient_sharing_it_on_the_ward(qtbot, session_for, ward, twin,
                                                                                admission_values):
    """The patient list, the chart's header, its tab and the dose dialog said "SAME NAME: bed 3"
    of Mrs Martin in bed 12; the round, where her doses are chosen, read "MARTIN Hélène Marie
    (née LEFÈVRE)" on her lines and on her namesake's alike."""
    patient, _, _ = ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    roux = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "used_name": "",
                                                  "given_names": "Paul", "sex": "male", "nir": None, "bed": "5",
                                                  "arrival_at": "2026-11-27T11:00+01:00"}).patient_id
    for someone in (twin, roux):
        records.save_new(doctor, "medication_order", {
            "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
            "times": "08:00 14:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False,
            "high_alert": False}, patient_id=someone)
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.medication)
    model = window.medication.model
    red = QColor(Qt.GlobalColor.darkRed)
    said = {(model.rows[row].patient.patient_id, model.texts(row)[3],
             model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole) == red) for row in range(model.rowCount())}
    assert said == {(patient, "MARTIN Hélène Marie (née LEFÈVRE) — SAME NAME: bed 3", True),
                    (twin, "MARTIN Hélène Marie (née LEFÈVRE) — SAME NAME: bed 12", True),
                    (roux, "ROUX Paul", False)}


def test_after_a_dose_from_the_round_enter_opens_the_next_dose(round_window, ward, qtbot):
    """The round is read again after each dose: the list lost its chosen line, and the nurse's
    next Enter did nothing, the round stalled until a click or an arrow key."""
    _, amox, _ = ward
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    first = panel.dialog
    qtbot.waitActive(first)
    first.outcome.setCurrentIndex(1)
    first.reason.setCurrentIndex(1)
    QTest.keyClick(first.save_button, Qt.Key.Key_Space)
    assert not first.isVisible() and panel.model.rowCount() == 3  # 14:00, then yesterday's two missed
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.dialog is not first and panel.dialog.slot.strftime("%H:%M") == "14:00"


def _dose_dialogs_left(view):
    """The dose dialogs still alive under `view` once Qt has deleted those it was asked to."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return view.findChildren(DoseDialog)


def _dose_through(view, qtbot, *, record):
    """Enter on the view's chosen line or cell; the dose recorded not given, or cancelled."""
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    qtbot.waitActive(dialog)
    assert _dose_dialogs_left(view) == [dialog], "the one open alone"
    if record:
        dialog.outcome.setCurrentIndex(1)
        dialog.reason.setCurrentIndex(1)
        QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    else:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_dose_dialogs_closed_on_the_chart_and_the_round_are_not_kept(round_window, ward, qtbot, escaped):
    """Each dose opened a dialog of its own that stayed, hidden, a child of the chart or the round
    for the rest of the session: a night's 150 doses, 150 dialogs and their widgets on an old
    ward laptop. Closed, saved or cancelled, each is deleted; the paper-doses screen too."""
    patient, amox, _ = ward
    mar = round_window.open_mar_of(patient)
    for day, time_of_day, record in ((27, "14:00", True), (27, "20:00", True), (28, "08:00", False),
                                     (28, "08:00", False), (28, "08:00", True)):
        mar.table.setCurrentIndex(mar.model.index(_chart_line(mar, amox, time_of_day),
                                                  2 + mar.model.days.index(date(2026, 11, day))))
        _dose_through(mar, qtbot, record=record)
    assert len(medication.administrations(round_window.session.db, patient)) == 3
    assert _dose_dialogs_left(mar) == [] and mar.dialog is None, "nothing reads one deleted"
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    for record in (False, False, False, False, True):
        _dose_through(panel, qtbot, record=record)
    assert len(medication.administrations(round_window.session.db, patient)) == 4
    assert _dose_dialogs_left(panel) == [] and panel.dialog is None
    for view in (mar, panel):
        escaped([view.enter_from_paper] * 2)
        assert view.findChildren(PaperDosesDialog) == [] and view.paper_dialog is None



def test_the_round_left_on_screen_is_read_again_as_doses_fall_overdue(round_window, ward, clock):
    """The round was read only after a save: left open, its 14:00 dose still read "Due now" at
    15:30, an hour and a half late. It is read each minute on screen, and once shown again."""
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    assert panel.model.texts(1)[:2] == ("Due now", "28/11 14:00")
    timer = panel.read_again.timer
    assert timer.isActive() and 59_000 <= timer.remainingTime() <= 60_000
    clock.advance(minutes=90)
    timer.timeout.emit()
    assert panel.model.texts(1)[:2] == ("OVERDUE", "28/11 14:00")
    round_window.tabs.setCurrentWidget(round_window.patients)
    clock.advance(hours=12)
    timer.timeout.emit()
    assert panel.model.texts(1)[0] == "OVERDUE", "a hidden tab is not read"
    round_window.tabs.setCurrentWidget(panel)
    assert [text for text in (panel.model.texts(row)[0] for row in range(panel.model.rowCount()))
            if text.startswith("MISSED")], "read once shown: yesterday's and this morning's doses are missed now"

def _chart_line(view, order_id, at):
    """The line of a chart (MarView) of an order's time of day `at` ("14:00")."""
    return next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == order_id and time_of_day == at)


def test_the_mar_left_on_screen_is_read_again_as_doses_fall_late(round_window, ward, clock, select_bed):
    """The chart was read only after a save: left open, its 14:00 dose still read "due now" at
    15:30, an hour and a half late. It is read each minute on screen, as the round is, the cell
    chosen kept, and once shown again when its tab was behind another."""
    _, amox, _ = ward
    select_bed(round_window, "12")
    view = round_window.for_selected(round_window.open_mar_of)
    line, evening, today = _chart_line(view, amox, "14:00"), _chart_line(view, amox, "20:00"), len(view.model.days) + 1
    view.table.setCurrentIndex(view.model.index(line, today))
    assert view.model.text(line, today) == "due now"
    timer = view.read_again.timer
    assert timer.isActive() and 59_000 <= timer.remainingTime() <= 60_000
    clock.advance(minutes=90)
    timer.timeout.emit()
    assert view.model.text(line, today) == "OVERDUE"
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == (line, today)
    round_window.tabs.setCurrentWidget(round_window.patients)
    clock.advance(hours=6)
    timer.timeout.emit()
    assert view.model.text(evening, today) == "", "a tab behind another is not read"
    round_window.tabs.setCurrentWidget(view)
    # Nothing written on the laptop since 14:00: the 20:00 dose may be on paper (see paper_gap).
    assert view.model.text(evening, today) == "NOT RECORDED — check the paper", "read once shown, at 21:30"


def test_a_mar_read_again_keeps_the_cell_chosen(select_bed, round_window, ward, qtbot):
    """A dose recorded from the chart (or any save in the window) reads it again: the cell chosen
    was lost, so Enter did nothing and the cell's doses could not be opened without the mouse."""
    patient, amox, _ = ward
    select_bed(round_window, "12")
    view = round_window.for_selected(round_window.open_mar_of)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "14:00")
    view.table.setCurrentIndex(view.model.index(line, 4))
    dialog = view.record_dose()
    qtbot.waitActive(dialog)
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(1)
    assert dialog.save() is not None
    current = view.table.currentIndex()
    assert current.isValid() and (current.row(), current.column()) == (line, 4)
    assert [dose.record_id for dose in view.open_doses()] == [
        dose.record_id for dose in medication.administrations(round_window.session.db, patient)]


def test_a_once_only_order_past_the_charts_days_opens_its_one_dose_not_one_as_required(round_window, ward, session_for,
                                                                                       clock, answers):
    """Furosemide once at 09:30 on 27/11, its dose recorded nowhere yet (given on paper, or
    missed): on 01/12 the chart's three days are past it, and it stays a line until its dose is
    recorded. Its row reads "—", and Enter opened the dose dialog "(as required)", a second dose
    of the order recorded for no time. From its medicine it opens the order's one dose; its day's
    cells, hatched, open nothing and say why. Recorded, it leaves the chart of later days."""
    from datetime import datetime, timedelta

    patient = ward[0]
    now, clock.now = clock.now, datetime.fromisoformat("2026-11-27T09:30+01:00")
    once = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-27T09:30+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    clock.now = now + timedelta(days=3)
    view = round_window.open_mar_of(patient)
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == once.record_id)
    assert view.model.rows[line][1] == "—"
    view.table.setCurrentIndex(view.model.index(line, 4))
    assert view.record_dose() is None
    assert answers[1][-1] == ("error", "No dose of Furosemide falls on 01/12: nothing to record in this cell.\n"
                                       "Start 27/11 09:30")
    view.table.setCurrentIndex(view.model.index(line, 0))
    dialog = view.record_dose()
    assert dialog.slot == datetime.fromisoformat("2026-11-27T09:30+01:00")
    dialog.reject()
    medication.record_dose(round_window.session, once.record_id, {
        "outcome": "given", "given_at": "2026-11-27T09:35+01:00", "scheduled_for": "2026-11-27T09:30+01:00",
        "dose_given": 40.0, "route": "IV"})
    view.refresh()
    assert once.record_id not in {row.order.record_id for row, _ in view.model.rows}


def test_a_dose_not_given_for_another_reason_says_why_in_its_cells_tooltip(round_window, ward):
    """The cell read "(O) HL" and nothing more: why the dose was not given ("O — Other (write
    why)") was in the dose's record alone."""
    patient, amox, _ = ward
    medication.record_dose(round_window.session, amox, {
        "outcome": "not_given", "not_given_reason": "other", "not_given_detail": "IV line tissued",
        "given_at": "2026-11-28T08:10+01:00", "scheduled_for": "2026-11-28T08:00+01:00"})
    view = round_window.open_mar_of(patient)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "08:00")
    cell = view.model.index(line, 4)
    assert view.model.text(line, 4) == "(O) HL 08:10 (typed 14:00)"
    assert view.model.data(cell, Qt.ItemDataRole.ToolTipRole) == "(O) IV line tissued\n08:10 given, typed 14:00"


def test_an_as_required_dose_not_given_says_when_on_the_chart(round_window, ward):
    """Morphine offered at 10:00 and refused read "(R) HL" on the as-required line: when in the
    day it was refused, nowhere (a dose given reads its time)."""
    patient, _, morphine = ward
    medication.record_dose(round_window.session, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                                            "given_at": "2026-11-28T10:00+01:00"})
    view = round_window.open_mar_of(patient)
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == morphine)
    assert view.model.text(line, 4) == "(R) HL 10:00 (typed 14:00)"


def test_open_the_doses_of_a_cell_without_one_says_so(select_bed, round_window, ward, answers):
    """It did nothing at all from the medicine's column (where the chart opens) or an empty cell."""
    _, asked = answers
    select_bed(round_window, "12")
    view = round_window.for_selected(round_window.open_mar_of)
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.open_doses() == [] and asked[-1] == ("error", "Choose a day's cell of the chart first.")
    view.table.setCurrentIndex(view.model.index(0, 2))
    assert view.open_doses() == [] and asked[-1] == ("error", "No dose is recorded in this cell.")


def test_a_dose_refused_for_the_persons_role_names_the_roles_in_their_language(qtbot, session_for, ward):
    """A coordinator's Enter on the round opens the dose dialog; Save answered, on a French ward,
    "Chloé Martin (surgical_coordinator) n’a pas le droit : record care", and a coordinator's
    medication order "seuls les rôles doctor peuvent remplir ce formulaire"."""
    from downtime.qt.i18n import say, set_language

    _, amox, _ = ward
    coord = session_for("coord", "fr")
    set_language("fr")
    try:
        dialog = DoseDialog(coord, medication.order(coord.db, amox), None)
        qtbot.addWidget(dialog)
        dialog.save()
        # The dose's form and the roles that write it, in French (a student nurse's among them).
        assert dialog.error.text().startswith("Administration médicamenteuse : seuls les rôles infirmier(ère) du "
                                              "service, médecin, ")
        with pytest.raises(ServiceError) as refused:
            records.save_new(session_for("coord", "fr"), "medication_order", {}, patient_id=ward[0])
        assert "seuls les rôles médecin, infirmier(ère) du service peuvent" in say(refused.value)
    finally:
        set_language("en")


def test_controlled_drug_needs_another_person_to_witness(qtbot, session_for, ward, type_text):
    patient, _, morphine = ward
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    type_text(dialog.given_for, "pain 6/10")
    type_text(dialog.witness_id, "nurse")
    type_text(dialog.witness_pin, "1111")
    dialog.save()
    assert "different person" in dialog.error.text() and dialog.witness_pin.text() == ""
    dialog.witness_id.clear()
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    saved = dialog.save()
    assert saved is not None and saved.data["witness"] == "doctor"
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 45


def _said_by_a_screen_reader(box) -> tuple[str, str]:
    """The name and description a screen reader gives a box (Qt's accessibility interface)."""
    from PySide6.QtGui import QAccessible

    read = QAccessible.queryAccessibleInterface(box)
    return read.text(QAccessible.Text.Name), read.text(QAccessible.Text.Description)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_box_of_the_dose_dialog_is_named_as_its_label_for_a_screen_reader(qtbot, session_for, ward, reason_box,
                                                                               lang):
    """Its boxes had no accessible name (a "QLineEdit" in an accessibility tree, named only
    where the platform looks for the label beside it), and every box asking an override reason
    read alike, whatever warning it answered. A form's boxes were named by their label already,
    and are named by the same code."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from downtime.domain.medication import Warning
    from downtime.qt.i18n import set_language

    set_language(lang)
    try:
        _, _, morphine = ward
        nurse = session_for("nurse", lang)
        dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = {label.buddy(): label.text().replace("&", "") for label in dialog.findChildren(QLabel) if label.buddy()}
        for outcome in (0, 1):
            dialog.outcome.setCurrentIndex(outcome)
            for box in [*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox)]:
                if box.isVisible():
                    assert box.accessibleName() == labels[box]
        assert {dialog.outcome.accessibleName(), dialog.reason.accessibleName(), dialog.witness_pin.accessibleName()} == {
            {"en": "Outcome", "fr": "Résultat"}[lang], {"en": "Reason not given", "fr": "Motif de non-administration"}[lang],
            {"en": "Witness PIN", "fr": "Code du témoin"}[lang]}
        dialog._show_warnings([Warning(Check.PRN_INTERVAL, "Too soon: last dose at {at}", {"at": "09:00"}),
                               Warning(Check.PRN_DAILY_MAX, "Fifth dose in 24 h", {})])
        said = [_said_by_a_screen_reader(reason_box(dialog, check)) for check in (Check.PRN_INTERVAL, Check.PRN_DAILY_MAX)]
        reason = {"en": "Override reason", "fr": "Motif de dérogation"}[lang]
        assert said == [(reason, "Too soon: last dose at 09:00"), (reason, "Fifth dose in 24 h")]
    finally:
        set_language("en")


def _failed_sign_ins(db, staff_id):
    return db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed' AND actor = ?",
                      [staff_id]).fetchone()[0]


def test_enter_after_the_witness_id_goes_to_their_pin_and_counts_no_failed_sign_in(qtbot, session_for, ward,
                                                                                    type_text):
    """Enter in the witness's staff ID pressed Save: the witness was tried with an empty PIN, a
    failed sign-in in their name (five lock them out of every laptop for five minutes), and the
    dose dialog and the register's count dialog alike answered "wrong PIN"."""
    from downtime.qt.cd_register_panel import CdEntryDialog

    patient, _, morphine = ward
    nurse = session_for("nurse")
    for dialog in (DoseDialog(nurse, medication.order(nurse.db, morphine), None),
                   CdEntryDialog(nurse, "3B", [], None, True)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.witness_id.setFocus()
        type_text(dialog.witness_id, "doctor")
        QTest.keyClick(dialog.witness_id, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.focusWidget() is dialog.witness_pin and not dialog.error.text()
        QTest.keyClick(dialog.witness_pin, Qt.Key.Key_Return)
        if isinstance(dialog, DoseDialog):  # Enter moves on to Save, as from any field; Enter there presses it
            assert dialog.focusWidget() is dialog.save_button and not dialog.error.text()
            QTest.keyClick(dialog.save_button, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error.text()
        assert _failed_sign_ins(nurse.db, "doctor") == 0
    assert medication.administrations(nurse.db, patient) == []


def test_not_given_with_a_coded_reason(qtbot, session_for, ward):
    patient, amox, _ = ward
    nurse = session_for("nurse")
    order = medication.order(nurse.db, amox)
    slot = medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())[0].slot
    dialog = DoseDialog(nurse, order, slot)
    qtbot.addWidget(dialog)
    dialog.outcome.setCurrentIndex(1)
    dialog.save()
    assert "Reason not given" in dialog.error.text()
    dialog.reason.setCurrentIndex(2)
    assert dialog.save() is not None
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.reason.value == "patient_away"  # the amoxicillin IV: nil by mouth is not offered (see below)


def test_nil_by_mouth_is_offered_only_for_a_dose_by_mouth_or_tube(qtbot, session_for, ward):
    """The amoxicillin IV of a patient fasting for theatre was recorded "F — Nil by mouth" from the
    dialog's list, and omitted: the list offers it of an order by mouth alone."""
    patient, amox, _ = ward
    nurse = session_for("nurse")
    oral = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    offered = {}
    for order_id in (amox, oral):
        dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), datetime.fromisoformat("2026-11-28T20:00+01:00"))
        qtbot.addWidget(dialog)
        offered[order_id] = [dialog.reason.itemText(index) for index in range(dialog.reason.count())]
    assert "F — Nil by mouth / fasting" not in offered[amox] and "R — Refused" in offered[amox]
    assert "F — Nil by mouth / fasting" in offered[oral]


def test_the_time_given_left_as_filled_in_is_the_moment_saved(qtbot, session_for, ward, clock):
    """Opened at 14:00, drawn up, taken to the bed and saved at 14:45: the morphine was recorded
    at 14:00, its next dose allowed 45 minutes early. A time typed stays as typed."""
    patient, _, morphine = ward
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    assert dialog.given_at.text() == "28/11/2026 14:00"
    clock.advance(minutes=45)
    dialog.now_timer.timeout.emit()
    assert dialog.given_at.text() == "28/11/2026 14:45"
    dialog.given_at.setText("28/11/2026 14:40")
    clock.advance(minutes=5)
    assert dialog.values()["given_at"] == "2026-11-28T14:40+01:00"


def test_the_dose_dialog_of_an_order_stopped_says_so(qtbot, session_for, ward):
    """Morphine stopped at 13:00 opened for a dose at 14:00 said nothing of it until Save
    warned; an order stopping later says nothing yet."""
    patient, _, morphine = ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.current(doctor.db, morphine)
    records.amend(doctor, morphine, {**order.data, "stop_at": "2026-11-28T15:00+01:00"}, "review at 15:00")
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    assert "STOPPED" not in dialog.order_line.text()
    records.amend(doctor, morphine, {**order.data, "stop_at": "2026-11-28T13:00+01:00"}, "drowsy")
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    assert "— STOPPED 28/11 13:00: no dose is due after it" in dialog.order_line.text()


def test_a_dose_refused_at_save_puts_the_cursor_in_the_box_to_fill(qtbot, session_for, ward, type_text):
    """Ctrl+S on a controlled drug with no witness put the cursor in the witness's PIN, their
    staff ID still empty above it; on a dose not given without its reason, it stayed where it
    was. The nurse's next keys go where the message sends her."""
    patient, amox, morphine = ward
    nurse = session_for("nurse")

    def opened(order_id, slot):
        dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), slot)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.outcome.setFocus()
        return dialog

    def save():
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    given = opened(morphine, None)
    save()
    assert "witness" in given.error.text() and QApplication.focusWidget() is given.witness_id
    type_text(given.witness_id, "doctor")
    save()
    assert QApplication.focusWidget() is given.witness_pin
    given.reject()
    refused = opened(amox, medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())[0].slot)
    QTest.keyClick(refused.outcome, Qt.Key.Key_Down)
    save()
    assert "Reason not given" in refused.error.text() and QApplication.focusWidget() is refused.reason
    QTest.keyClick(refused.reason, Qt.Key.Key_Down)
    save()
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.reason.value == "refused"


def test_a_missed_dose_recorded_as_given_now_says_how_late_that_is(qtbot, session_for, ward, type_text):
    """From the round's MISSED line the dose opened with its actual time now: Save recorded
    yesterday's 14:00 dose as given 24 hours after it, a few hours before the next, without a
    word. The dialog says how late that is until the time typed is its own, or it is not given."""
    patient, amox, _ = ward
    nurse = session_for("nurse")
    missed = next(item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
                  if item.missed and item.order.record_id == amox)
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), missed.slot)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    said = f"GIVEN 24\u00a0h\u00a000\u00a0min AFTER ITS TIME ({missed.slot:%d/%m %H:%M})"
    assert dialog.timing.isVisible() and dialog.timing.text().startswith(said)
    dialog.given_at.selectAll()
    type_text(dialog.given_at, f"{missed.slot:%d/%m/%Y} 14:10")
    assert not dialog.timing.isVisible()
    dialog.given_at.selectAll()
    type_text(dialog.given_at, f"{nurse.clock():%d/%m/%Y %H:%M}")
    assert dialog.timing.isVisible()
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.timing.isVisible(), "not given: nothing to type otherwise"


def _overdue_line_opened(round_window, qtbot):
    """The round (Ctrl+M) at 14:00, its first line, the 08:00 amoxicillin (its order typed in at
    14:00 from the paper chart: to check there), opened with Enter: the round panel and its dose
    dialog."""
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    panel.table.setFocus()
    panel.table.selectRow(0)
    assert [panel.model.text(0, column) for column in (0, 1)] == ["NOT RECORDED — check the paper", "28/11 08:00"]
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitExposed(panel.dialog)
    return panel, panel.dialog


def test_an_overdue_dose_charted_after_the_round_says_how_late_its_time_now_is(round_window, ward, qtbot, type_text,
                                                                              reason_box):
    """At 14:00 the nurse charts the 08:00 amoxicillin she gave on the morning round: its actual
    time opened as now, and Save recorded it as given six hours late (the chart's next nurse
    reading a dose given at 14:00) without a word; only a dose missed over 12 hours was said.
    A dose charted within the round's 30 minutes of its time says nothing."""
    panel, dialog = _overdue_line_opened(round_window, qtbot)
    assert dialog.timing.isVisible() and dialog.timing.text().startswith(
        "GIVEN 6\u00a0h\u00a000\u00a0min AFTER ITS TIME (28/11 08:00): if it was given at its time, type that time")
    dialog.given_at.selectAll()
    type_text(dialog.given_at, "28/11/2026 08:05")
    assert not dialog.timing.isVisible()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated amoxicillin in 2024")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible(), dialog.error.text()
    db = round_window.session.db
    given = medication.recorded_for(db, medication.order(db, ward[1]), dialog.slot)
    assert given is not None and f"{given.at:%d/%m %H:%M}" == "28/11 08:05"
    assert [panel.model.text(0, column) for column in (0, 1)] == ["Due now", "28/11 14:00"]
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitExposed(panel.dialog)
    assert panel.dialog is not dialog and not panel.dialog.timing.isVisible()


def _header(dialog):
    """The dialog's order line as the nurse reads it, without its rich text's tags."""
    return re.sub("<[^>]+>", "", dialog.order_line.text())


def test_the_dose_dialogs_header_says_when_the_dose_was_due_and_how_late_it_is_now(round_window, ward, qtbot,
                                                                                   session_for, clock):
    """Opening the 08:00 amoxicillin from the round's OVERDUE line at 14:00, the dialog said
    "due 28/11 08:00" and the nurse worked out the lateness herself. It says how late it is now,
    by the ward's round thresholds as the round reads it, and again each minute it stays open;
    a dose due in a while says when, one within the round's window says due now."""
    _, overdue = _overdue_line_opened(round_window, qtbot)
    assert _header(overdue) == "Amoxicillin 1 g IV due 28/11 08:00 — 6\u00a0h\u00a000\u00a0min overdue"
    overdue.reject()

    nurse, (_, amox, _) = session_for("nurse"), ward
    order = medication.order(nurse.db, amox)

    def header(slot):
        dialog = DoseDialog(nurse, order, datetime.fromisoformat(slot))
        qtbot.addWidget(dialog)
        return dialog, _header(dialog)

    two, said = header("2026-11-28T14:00+01:00")
    assert said == "Amoxicillin 1 g IV due 28/11 14:00 — due now"
    assert header("2026-11-28T20:00+01:00")[1] == "Amoxicillin 1 g IV due 28/11 20:00 — in 6\u00a0h\u00a000\u00a0min"
    assert header("2026-11-27T14:00+01:00")[1] == \
        "Amoxicillin 1 g IV due 27/11 14:00 — MISSED: 24\u00a0h\u00a000\u00a0min overdue"
    clock.advance(minutes=40)
    two.due_timer.timeout.emit()  # a minute on, the dialog left open
    assert _header(two) == "Amoxicillin 1 g IV due 28/11 14:00 — 0\u00a0h\u00a040\u00a0min late"
    assert '<b style="color: #800000">0\u00a0h\u00a040\u00a0min late<' in two.order_line.text(), "in red"
    settings.set_round_thresholds(session_for("admin"), 45, 90)  # this ward reads a dose late after 45 minutes
    assert header("2026-11-28T14:00+01:00")[1] == "Amoxicillin 1 g IV due 28/11 14:00 — due now"
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                         "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0, "route": "IV"},
                           overrides={Check.ALLERGY: "Tolerated amoxicillin in 2024"})
    assert header("2026-11-28T08:00+01:00")[1] == "Amoxicillin 1 g IV due 28/11 08:00", "recorded: late for nothing"


def _wrapped(label, width):
    """The lines a word-wrapped label's text breaks into at `width` pixels, as Qt lays it out."""
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
    layout.endLayout()
    return [label.text()[layout.lineAt(number).textStart():][:layout.lineAt(number).textLength()]
            for number in range(layout.lineCount())]


def test_a_dose_given_hours_before_its_time_asks_why_and_its_cell_says_it(round_window, ward, qtbot, type_text,
                                                                          reason_box):
    """At 14:00 the nurse chose tonight's 20:00 amoxicillin on the chart and saved it with its
    actual time left at now: six hours early, recorded without a word. Save asks why in its own
    box, and the cell's tooltip names the warning and the reason."""
    patient, amox, _ = ward
    mar = round_window.open_mar_of(patient)
    column = 2 + mar.model.days.index(round_window.session.clock().date())
    line = next(number for number, (row, time_of_day) in enumerate(mar.model.rows)
                if row.order.record_id == amox and time_of_day == "20:00")
    mar.table.setCurrentIndex(mar.model.index(line, column))
    QTest.keyClick(mar.table, Qt.Key.Key_Return)
    dialog = mar.dialog
    qtbot.waitActive(dialog)
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    [early] = [label for label in dialog.findChildren(QLabel) if "early" in label.text()]
    assert early.text() == (
        "⚠ The 28/11 20:00 dose of Amoxicillin is given 6\u00a0h\u00a000\u00a0min early; it falls due from 19:30.")
    # However narrow the dialog, "6 h 00 min" is never cut between its number and its unit.
    for width in range(60, 600, 3):
        lines = _wrapped(early, width)
        assert not any(re.search(r"\d\s*$", line) and re.match(r"\s*(h|min)\b", after) or
                       re.search(r"\bh\s*$", line) and re.match(r"\s*\d", after)
                       for line, after in zip(lines, lines[1:])), (width, lines)
    type_text(reason_box(dialog, Check.ALLERGY), "Tolerated amoxicillin in 2024")
    type_text(reason_box(dialog, Check.GIVEN_EARLY), "Leaves for theatre at 15:00, agreed with Dr Benali")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert mar.model.text(line, column) == "HL 14:00 ⚠"
    assert "Dose given early: Leaves for theatre at 15:00, agreed with Dr Benali" in mar.model.data(
        mar.model.index(line, column), Qt.ItemDataRole.ToolTipRole)


def test_a_dose_not_given_before_it_falls_due_says_what_may_be_recorded_and_refuses_a_refusal(
        qtbot, session_for, ward, type_text, reason_box):
    """At 14:00 the 20:00 amoxicillin recorded as refused left the round, never offered. Not given
    before it falls due, the dialog says what may be recorded so early; a refusal is refused at
    Save, the cursor in the reason; held asks why, in a box that says it records, not gives."""
    from datetime import datetime

    patient, amox, _ = ward
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), datetime.fromisoformat("2026-11-28T20:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.timing.isVisible()
    QTest.keyClick(dialog.outcome, Qt.Key.Key_Down)
    assert dialog.timing.isVisible() and dialog.timing.text() == (
        "NOT DUE UNTIL 28/11 19:30: only nil by mouth, held or other can be recorded before then, with a reason.")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Down)  # R — Refused
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.error.text() == (
        "“Reason not given”: “R — Refused” cannot be recorded before the 28/11 20:00 dose falls due (19:30); offer it "
        "then. Only nil by mouth, held or other can be recorded ahead.")
    assert dialog.focusWidget() is dialog.reason and medication.administrations(nurse.db, patient) == []
    dialog.reason.setCurrentIndex(dialog.reason.findText("W — Held for clinical reason (write why)"))
    type_text(dialog.detail, "surgeon's decision")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    box = reason_box(dialog, Check.NOT_GIVEN_AHEAD)
    assert box.placeholderText() == "Reason for recording anyway"
    type_text(box, "Theatre at 20:30, fasting from 14:00")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    (dose,) = medication.administrations(nurse.db, patient)
    assert (dose.reason.value, dose.overrides) == ("held", (("not_given_ahead",
                                                              "Theatre at 20:30, fasting from 14:00"),))


def test_an_as_required_doses_daily_maximum_names_the_regular_order_it_counts(qtbot, paracetamol, clock, type_text,
                                                                              reason_box):
    """Paracetamol as required at 00:30 after a gram of it at 02:00 and the regular grams of
    08:00, 14:00 and 20:00: Save said "5 doses fall within 24 h", the as-required line holding
    one. It names the regular order and its doses' times."""
    from datetime import datetime

    nurse, regular, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-29T00:30+01:00")
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T02:00+01:00",
                                                  "given_for": "pain", "dose_given": 1.0, "route": "PO"})
    for slot in ("2026-11-28T08:00+01:00", "2026-11-28T14:00+01:00", "2026-11-28T20:00+01:00"):
        medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                          "dose_given": 1.0, "route": "PO"})
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.given_for, "fever 39.5")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert ("⚠ With this dose, 5 doses fall within 24 h; the order allows at most 4. Given from another order: 28/11 "
            "08:00, 28/11 14:00, 28/11 20:00 (Paracetamol 1 g PO).") in [label.text() for label in dialog.findChildren(QLabel)]
    type_text(reason_box(dialog, Check.PRN_DAILY_MAX), "Prescriber agreed, fever 39.5")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()


def test_an_as_required_doses_daily_amount_is_said_before_saving(qtbot, three_grams_then_half_grams, type_text,
                                                                 reason_box):
    """Paracetamol 500 mg as required (at most 6 in 24 h, 3 g) at 00:10 after the regular grams of
    08:00, 14:00 and 20:00: the dialog read "3, at most 6" and "Next dose allowed from 29/11 08:00"
    with nothing to say why, and Save asked nothing. It says the amount they come to, and Save
    asks why the day's amount is exceeded."""
    nurse, regular, prn = three_grams_then_half_grams
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.as_required is not None and dialog.as_required.text().splitlines()[1:] == [
        "Given in the last 24 h: 3, at most 6 — 3 g, at most 3 g; of them from another order of the same medicine: "
        "28/11 08:00, 28/11 14:00, 28/11 20:00 (Paracetamol 1 g PO)", "Next dose allowed from 29/11 08:00 (in 7\u00a0h\u00a050\u00a0min)"]
    type_text(dialog.given_for, "headache")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.isVisible()
    type_text(reason_box(dialog, Check.PRN_DAILY_MAX), "Prescriber agreed")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert [dict(dose.overrides) for dose in medication.administrations(nurse.db, regular.patient_id)
            if dose.order_id == prn] == [{"prn_daily_max": "Prescriber agreed"}]


def _on_the_rounds_first_slot(qtbot, nurse, order_id):
    """The dose dialog of an order at the ward round's first dose due."""
    slot = medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())[0].slot
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), slot)
    qtbot.addWidget(dialog)
    return dialog


def test_a_route_typed_over_the_orders_asks_for_a_reason_in_the_dialog(qtbot, session_for, ward, type_text):
    """Amoxicillin ordered IV, recorded IM: saved with nothing said."""
    patient, amox, _ = ward
    nurse = session_for("nurse")
    dialog = _on_the_rounds_first_slot(qtbot, nurse, amox)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.route.selectAll()
    type_text(dialog.route, "IM")
    assert dialog.save() is None
    assert Check.ROUTE_MISMATCH in {check for check, _ in dialog.override_edits}
    assert "⚠ Route IM differs from the order (IV)." in [label.text() for label in dialog.findChildren(QLabel)]
    for (check, _), edit in dialog.override_edits.items():
        edit.setText("No IV access; IM agreed with Dr Benali" if check is Check.ROUTE_MISMATCH else "Reviewed")
    saved = dialog.save()
    assert saved is not None and {"check": "route_mismatch", "reason": "No IV access; IM agreed with Dr Benali"} in \
        saved.data["overrides"]


def test_the_dose_dialogs_patient_line_never_splits_the_ward_from_the_bed(qtbot, session_for, ward):
    """The identity line wraps in the dose dialog, and it wrapped inside the place: "3B /" at
    the end of one line, the bed alone on the next. Ward and bed are joined by spaces that do
    not break."""
    _, amox, _ = ward
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
    qtbot.addWidget(dialog)
    (identity,) = [label for label in dialog.findChildren(QLabel) if "DT-" in label.text()]
    assert "3B\u00a0/\u00a012" in identity.text()


def test_a_cell_of_a_dose_refused_then_given_lists_them_as_they_happened(round_window, ward):
    """Refused at 08:10 and taken at 08:40, two records for 08:00: the cell read "HL 08:40; (R)
    HL", as though the patient refused after taking it (review R2 D6). The dose given still
    decides the cell's state."""
    patient, amox, _ = ward
    for values in ({"outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T08:10+01:00"},
                   {"outcome": "given", "dose_given": 1.0, "route": "IV", "given_at": "2026-11-28T08:40+01:00"}):
        medication.record_dose(round_window.session, amox, {**values, "scheduled_for": "2026-11-28T08:00+01:00"},
                               overrides={Check.ALLERGY: "Tolerated before"})
    view = round_window.open_mar_of(patient)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "08:00")
    assert view.model.text(line, 4) == "(R) HL 08:10 (typed 14:00); HL 08:40 (typed 14:00) ⚠"


def test_mar_grid_shows_doses_in_words(select_bed, round_window, ward, qtbot):
    patient, amox, morphine = ward
    session = round_window.session
    order = medication.order(session.db, amox)
    slot = medication.round_list(session.db, session.forms, "3B", session.clock())[0].slot
    medication.record_dose(session, amox, {"outcome": "not_given", "given_at": "2026-11-28T08:10+01:00",
                                           "scheduled_for": slot.isoformat(), "not_given_reason": "refused"})
    select_bed(round_window, "12")
    view = round_window.for_selected(round_window.open_mar_of)
    texts = {(view.model.text(r, 1), view.model.text(r, 4)) for r in range(view.model.rowCount())}
    assert ("08:00", "(R) HL 08:10 (typed 14:00)") in texts and ("14:00", "due now") in texts
    assert any(view.model.text(r, 1) == "as required" for r in range(view.model.rowCount()))
    assert order.drug in view.model.text(0, 0)


def _todays_0800(window: MainWindow, patient: str):
    """The patient's MAR opened in `window`, with today's 08:00 cell: (mar, line, column, cell)."""
    mar = window.open_mar_of(patient)
    column = 2 + mar.model.days.index(window.session.clock().date())
    line = mar.model.rows.index(next(row for row in mar.model.rows if row[1] == "08:00"))
    return mar, line, column, mar.model.index(line, column)


def _new_order(select_bed, qtbot, session_for, values: dict, shown: bool = False) -> FormView:
    """A doctor's window on bed 12 with a new medication order filled in with `values`, unsaved."""
    doctor_window = MainWindow(session_for("doctor"))
    qtbot.addWidget(doctor_window)
    if shown:
        doctor_window.show()
        qtbot.waitExposed(doctor_window)
    select_bed(doctor_window, "12")
    doctor_window.actions_by_id["record_medication_order"].trigger()
    view = doctor_window.tabs.currentWidget()
    for field_id, value in values.items():
        view.editors[field_id].set_value(value)
    return view


def test_doctor_writes_an_order_from_the_window(select_bed, qtbot, session_for, ward, answers):
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False})
    doctor_window = view.window()
    view.save()
    assert view.summary.isHidden(), view.summary.text()
    patient, *_ = ward
    session = doctor_window.session
    assert "Paracetamol" in {o.drug for o in medication.orders(session.db, patient, session.clock())}


def test_an_order_the_allergy_matches_asks_the_doctor_why_and_shows_the_reason_when_opened(
        select_bed, qtbot, session_for, ward, answers):
    """The patient's allergy is "Penicillin": co-amoxiclav was saved without a question. Now the
    doctor is asked why; cancelled, nothing is saved and they are back at the medicine; given, the
    reason is in the order, on screen."""
    script, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T12:00+01:00", "review_at": "2026-12-01T12:00+01:00",
        "controlled": False, "high_alert": False})
    patient, *_ = ward
    script["reason"] = []
    view.save()
    assert asked[-1] == ("reason", "Recorded allergy")
    assert view.record is None and "Co-amoxiclav" not in {
        o.drug for o in medication.orders(view.session.db, patient, view.session.clock())}
    script["reason"] = ["Tolerated co-amoxiclav in 2025 (discharge letter)"]
    view.editors["times"].set_value(None)
    view.save()  # refused for its times: the reason stays in its box, not asked again
    assert view.record is None
    view.editors["times"].set_value("08:00 20:00")
    view.save()
    assert asked.count(("reason", "Recorded allergy")) == 2
    assert view.record is not None and view.record.data["allergy_reason"].startswith("Tolerated co-amoxiclav")
    assert view.editors["allergy_reason"].value() == "Tolerated co-amoxiclav in 2025 (discharge letter)"


def test_an_order_of_a_medicine_the_patient_already_has_asks_first(select_bed, qtbot, session_for, ward, answers):
    """"Morphine sulfate" as required written beside the running "Morphine" order was saved with
    nothing said: two orders of one medicine. Saving now names the order there; No goes back
    to the medicine, Yes saves."""
    script, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Morphine sulfate", "dose": 10.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4.0, "max_doses_24h": 4, "start_at": "2026-11-28T12:00+01:00",
        "controlled": True, "high_alert": True}, shown=True)
    script["confirm"] = [False, True]
    view.save()
    patient, *_ = ward
    assert view.record is None and view.editors["drug"].widget.hasFocus()
    assert asked == [("confirm", "Already ordered")]
    view.save()
    assert view.record is not None and "Morphine sulfate" in {
        o.drug for o in medication.orders(view.session.db, patient, view.session.clock())}


def test_an_anticoagulant_against_the_vte_decision_asks_first(select_bed, qtbot, session_for, ward, answers):
    """The doctor decided no prophylaxis, the bleeding risk outweighing it (active bleeding);
    another wrote the routine enoxaparin, saved with nothing said. Now No goes back to the
    medicine, Yes saves."""
    script, asked = answers
    patient, *_ = ward
    records.save_new(session_for("doctor"), "vte_assessment", {
        "assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced", "thrombosis_risks": ["over_60"],
        "bleeding_risks": ["active_bleeding"], "prophylaxis": "contraindicated"}, patient_id=patient)
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Enoxaparin sodium", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "18:00", "start_at": "2026-11-28T18:00+01:00", "controlled": False, "high_alert": True}, shown=True)
    script["confirm"] = [False, True]
    view.save()
    assert view.record is None and view.editors["drug"].widget.hasFocus()
    assert asked == [("confirm", "Against the VTE decision")]
    view.save()
    assert view.record is not None and "Enoxaparin sodium" in {
        o.drug for o in medication.orders(view.session.db, patient, view.session.clock())}


def test_a_dose_the_disk_refuses_is_said_and_the_dialog_stays_open(qtbot, session_for, ward, answers, monkeypatch):
    """A full or read-only disk met by an action on the GUI thread is said in a message box
    (the app's exception hook), never left as a traceback nobody reads; nothing is written,
    and the nurse's dose can be saved once the disk takes it."""
    import sys

    from downtime.qt.app import errors_shown

    _, asked = answers
    monkeypatch.setattr(sys, "excepthook", errors_shown(sys.excepthook))
    patient, amox, _ = ward
    nurse = session_for("nurse")
    order = medication.order(nurse.db, amox)
    dialog = DoseDialog(nurse, order, medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())[0].slot)
    qtbot.addWidget(dialog)
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(2)
    dialog.show()
    nurse.db.execute("PRAGMA query_only = ON")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("error", "Not done: the database file is read-only (a locked USB stick, or file permissions)."
                               " Nothing was half-written; call IT if it happens again.")]
    assert dialog.isVisible() and medication.administrations(nurse.db, patient) == []
    nurse.db.execute("PRAGMA query_only = OFF")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(medication.administrations(nurse.db, patient)) == 1


def test_an_error_of_ours_during_a_dose_is_raised_and_the_nurse_told_to_check(qtbot, session_for, ward, answers,
                                                                           monkeypatch):
    """Our own mistake goes on to the previous hook (here a list; in the app, printed) and the
    nurse reads that something failed and to check what was saved, instead of nothing at all."""
    import sys

    from downtime.qt.app import errors_shown

    _, asked = answers
    raised = []
    monkeypatch.setattr(sys, "excepthook", errors_shown(lambda kind, problem, trace: raised.append(problem)))
    _, amox, _ = ward
    nurse = session_for("nurse")

    def broken(*args, **kwargs):
        raise KeyError("slot")

    monkeypatch.setattr(medication, "record_dose", broken)
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [type(problem) for problem in raised] == [KeyError]
    assert asked == [("error", "Downtime met an error it did not expect: 'slot'\n\nCheck on the screen whether what"
                               " you just did was saved before going on (if in doubt, write it on paper), and call IT.")]
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the same error again: raised, told once
    assert len(raised) == 2 and len(asked) == 1


@pytest.mark.parametrize("now,column,meant", [
    ("2026-11-28T19:20+01:00", 0, "2026-11-28T20:00+01:00"),  # 40 minutes early: tonight's, not "as required"
    ("2026-11-28T20:05+01:00", 1, "2026-11-28T20:00+01:00"),  # tonight's, not yesterday's missed one
    ("2026-11-28T20:05+01:00", 3, "2026-11-27T20:00+01:00"),  # yesterday's cell chosen: yesterday's
    ("2026-11-28T20:05+01:00", 4, "2026-11-28T20:00+01:00"),
])
def test_a_dose_recorded_from_the_mar_is_for_the_cell_chosen_or_the_nearest_dose(qtbot, session_for, ward, clock, now,
                                                                                 column, meant):
    """Columns: medicine, time, then the MAR's three days (26, 27, 28 November)."""
    from datetime import datetime

    from downtime.qt.mar_view import MarView

    patient, amox, _ = ward
    clock.now = datetime.fromisoformat(now)
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "20:00")
    view.table.setCurrentIndex(view.model.index(line, column))
    dialog = view.record_dose()
    qtbot.addWidget(dialog)
    assert dialog.slot == datetime.fromisoformat(meant)


def test_warnings_added_to_a_shown_dose_dialog_are_shown_whole(qtbot, session_for, ward):
    """Rows added to a shown dialog are laid out on Qt's next turn; a long warning wrapped over
    two lines was cut to one, over the row below, until the dialog grew for it."""
    from PySide6.QtWidgets import QApplication

    from downtime.domain.medication import Check, Warning
    from downtime.qt.style import apply_style

    app = QApplication.instance()
    font = app.font()
    apply_style(app)  # the app's own text size: at Qt's smaller default, a reason's box once sized to its
    try:              # placeholder squeezed the warnings only when the whole suite had styled the app first
        _, amox, _ = ward
        nurse = session_for("nurse")
        dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        long = "With this dose, {count} doses fall within 24 h; the order allows at most {limit}. " * 2
        dialog._show_warnings([Warning(Check.PRN_DAILY_MAX, long, {"count": "5", "limit": "4"}),
                               Warning(Check.PRN_INTERVAL, long, {"count": "5", "limit": "4"})])
        labels = [label for label in dialog.findChildren(QLabel) if label.text().startswith("⚠")]
        # Each label is laid out on a turn of its own after the dialog grows: waited for, not raced.
        qtbot.waitUntil(lambda: all(label.isVisible() and label.height() >= label.heightForWidth(label.width()) > 20
                                    for label in labels) and dialog.height() >= dialog.heightForWidth(dialog.width()))
    finally:
        app.setFont(font)


def test_an_override_reasons_box_shows_what_it_asks_whole_in_french(qtbot, session_for, ward, reason_box):
    """The French placeholder was cut at "gardé dans le": the nurse read half of what the reason
    is kept for."""
    from PySide6.QtWidgets import QApplication

    from downtime.domain.medication import Check, Warning
    from downtime.qt.i18n import set_language
    from downtime.qt.style import apply_style

    set_language("fr")
    app = QApplication.instance()
    font = app.font()
    apply_style(app)  # the app's own text size, as the ward sees it
    try:
        _, amox, _ = ward
        nurse = session_for("nurse", "fr")
        dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog._show_warnings([Warning(Check.PRN_INTERVAL, "Too soon", {})])
        edit = reason_box(dialog, Check.PRN_INTERVAL)
        qtbot.waitUntil(edit.isVisible)
        assert edit.placeholderText().startswith("Motif pour administrer")
        assert edit.width() - 8 >= edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert "journal d’audit" in edit.toolTip()
    finally:
        set_language("en")
        app.setFont(font)


def test_an_open_chart_shows_a_dose_given_from_the_round(round_window, ward, qtbot, type_text, reason_box):
    """A chart left open in its tab kept saying OVERDUE after the dose was given from the round,
    inviting a second dose."""
    patient, amox, _ = ward
    chart = round_window.open_mar_of(patient)
    assert "NOT RECORDED — check the paper" in {chart.model.text(row, 4) for row in range(chart.model.rowCount())}
    round_window.show_round()
    QTest.keyClick(round_window.medication.table, Qt.Key.Key_Return)
    dialog = round_window.medication.dialog
    qtbot.waitActive(dialog)
    dialog.save()
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated amoxicillin in 2024")
    type_text(reason_box(dialog, medication.Check.DOSE_SPACING), "14:00 dose moved to 18:00")  # 08:00's, at 14:00
    dialog.save()
    (given,) = medication.administrations(round_window.session.db, patient)
    assert f"HL {given.at:%H:%M} ⚠" in {chart.model.text(row, 4) for row in range(chart.model.rowCount())}  # overridden


def test_a_witnessed_dose_recorded_in_error_is_withdrawn_from_the_patients_records(
        select_bed, round_window, ward, qtbot, answers, monkeypatch):
    """5 mg of morphine recorded for the wrong patient stayed on the chart as given, and out of
    the register: no screen opened a dose. The nurse opens the patient's records, picks the dose
    with the keyboard and marks it entered in error; a second clinician's PIN gives the 5 mg back."""
    from downtime.qt.form_view import FormView
    from downtime.qt.prompts import Prompts
    from downtime.qt.records_view import RecordsView

    patient, _, morphine = ward
    db = round_window.session.db
    given = medication.record_dose(round_window.session, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                                    "given_for": "pain",
                                                                    "given_at": "2026-11-28T10:00+01:00"},
                                   witness=("doctor", "2222"))
    select_bed(round_window, "12")
    QTest.keyClick(round_window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = round_window.tabs.currentWidget()
    assert isinstance(view, RecordsView)
    shown = [(view.model.text(row, 1), view.model.text(row, 2)) for row in range(view.model.rowCount())]
    assert shown[0][0] == "Medication administration" and shown[0][1].startswith("Morphine 5 mg SC — Outcome: Given")
    assert "Dose given: 5" in shown[0][1]
    assert {form for form, _ in shown} == {"Medication administration", "Medication order", "Downtime admission record"}
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    form = round_window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.record.record_id == given.record_id
    script, asked = answers
    script["reason"], script["text"] = ["Recorded for the wrong patient"], ["doctor"]
    monkeypatch.setattr(Prompts, "secret", staticmethod(lambda parent, title, label: asked.append(("secret", label)) or "2222"))
    QTest.keyClick(form.error_button, Qt.Key.Key_Space)
    assert form.record.status.value == "entered-in-error", asked
    assert ("text", "Controlled drug: witness") in asked
    assert cd_register.cd_balance(db, "3B", "Morphine", "mg") == 50
    assert medication.administrations(db, patient) == []
    assert view.model.text(0, 3) == "v2 ENTERED IN ERROR"


def test_a_witnessed_dose_opened_as_a_form_names_its_witness_and_an_amendment_keeps_them(round_window, ward, qtbot,
                                                                                          type_text):
    """The dose's form and the patient's list of records gave the witness as the stored staff
    ID ("doctor"), where the nurse who gave the dose is named."""
    from downtime.qt.form_view import FormView
    from downtime.qt.records_view import RecordsView

    patient, _, morphine = ward
    given = medication.record_dose(round_window.session, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                                    "given_for": "pain",
                                                                    "given_at": "2026-11-28T10:00+01:00"},
                                   witness=("doctor", "2222"))
    listing = round_window.open_records_of(patient)
    assert isinstance(listing, RecordsView)
    line = next(listing.model.text(row, 2) for row in range(listing.model.rowCount())
                if listing.model.rows[row].record_id == given.record_id)
    assert "Witness / second check: Dr Karim Benali (doctor)" in line
    form = round_window.open_record(given)
    assert isinstance(form, FormView)
    assert form.editors["witness"].edit.text() == "Dr Karim Benali (doctor)"
    form.start_amend()
    form.editors["site"].widget.setFocus()
    type_text(form.editors["site"].widget, "Abdomen")
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    amended = records.current(round_window.session.db, given.record_id)
    assert amended.version == 2 and amended.data["witness"] == "doctor" and amended.data["site"] == "Abdomen"


def test_a_dose_opened_as_a_form_reads_its_order_as_a_nurse_does_and_an_amendment_keeps_it(round_window, ward,
                                                                                           qtbot, type_text):
    """Its "Order" read as the order's record id (a UUID): which medicine, dose, route and times
    the dose was of was nowhere on the form. The id stays in its tooltip, for tracing."""
    patient, amox, _ = ward
    given = medication.record_dose(round_window.session, amox, {
        "outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T08:05+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00"})
    form = round_window.open_record(given)
    shown = form.editors["order"].label
    assert shown.text() == "Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00"
    assert amox in shown.toolTip() and amox not in shown.text()
    assert shown.isEnabled(), "not greyed out as a box that cannot be typed into"
    form.start_amend()
    form.editors["not_given_detail"].widget.setFocus()
    type_text(form.editors["not_given_detail"].widget, "Refused twice")
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    amended = records.current(round_window.session.db, given.record_id)
    assert amended.version == 2 and amended.data["order"] == amox
    assert form.editors["order"].label.text().startswith("Amoxicillin 1 g IV")


def test_a_dose_in_the_patients_list_of_records_says_how_it_went_before_the_order_runs_on(round_window, ward):
    """Each dose's line began with its order's every answer ("Amoxicillin — Dose: 1 — Unit: g —
    Route: Intravenous (IV) — Type of order: … — Start: … — Controlled drug …"): whether it was
    given, and when, was off the screen's right edge. The order reads as on the chart."""
    patient, amox, _ = ward
    medication.record_dose(round_window.session, amox, {
        "outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T08:05+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00"})
    listing = round_window.open_records_of(patient)
    (line,) = [listing.model.text(row, 2) for row in range(listing.model.rowCount())
               if listing.model.rows[row].form_id == medication.DOSE_FORM]
    assert line.startswith("Amoxicillin 1 g IV — Outcome: Not given — Scheduled time (regular doses): 28/11/2026 08:00")


def test_an_order_left_open_at_the_end_of_a_stay_reads_stopped_in_the_patients_list_of_records(qtbot, earlier_stay):
    """The first stay's furosemide and amoxicillin, never stopped, the patient discharged on 27/11
    at 21:00 and readmitted: their lines in the list of records read as running orders, where the
    chart, the handover and the export treat them as stopped at the discharge. They say so as a
    stopped order's line does; this stay's ceftriaxone runs on."""
    nurse, furosemide, ceftriaxone = earlier_stay
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    patient = records.current(nurse.db, furosemide).patient_id
    listing = main.open_records_of(patient)
    lines = {listing.model.rows[row].record_id: listing.model.text(row, 2) for row in range(listing.model.rowCount())}
    assert lines[furosemide] == ("Furosemide 40 mg PO, at 14:00, from 27/11/2026 11:00, stopped 27/11/2026 21:00 at "
                                 "the patient's discharge")
    assert lines[ceftriaxone] == "Ceftriaxone 2 g IV, at 14:00, from 28/11/2026 14:00"


def test_withdrawing_a_witnessed_dose_with_the_witness_pin_left_empty_tries_no_sign_in(round_window, ward, answers,
                                                                                       monkeypatch):
    """OK on an empty PIN tried the witness with it: a failed sign-in in their name each time."""
    from downtime.qt.prompts import Prompts

    patient, _, morphine = ward
    db = round_window.session.db
    given = medication.record_dose(round_window.session, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                                    "given_for": "pain",
                                                                    "given_at": "2026-11-28T10:00+01:00"},
                                   witness=("doctor", "2222"))
    form = round_window.open_record(records.current(db, given.record_id))
    script, asked = answers
    script["reason"], script["text"] = ["Recorded for the wrong patient"], ["doctor"]
    monkeypatch.setattr(Prompts, "secret", staticmethod(lambda parent, title, label: ""))
    form.mark_in_error()
    assert _failed_sign_ins(db, "doctor") == 0 and len(medication.administrations(db, patient)) == 1


def test_the_chart_opens_its_order_to_stop_it_and_a_cells_doses(select_bed, qtbot, session_for, ward, answers):
    from downtime.qt.form_view import FormView

    patient, amox, _ = ward
    doctor = session_for("doctor")
    window = MainWindow(doctor)
    qtbot.addWidget(window)
    slot = medication.round_list(doctor.db, doctor.forms, "3B", doctor.clock())[0].slot
    given = medication.record_dose(session_for("nurse"), amox, {
        "outcome": "given", "dose_given": 1.0, "route": "IV", "given_at": "2026-11-28T08:10+01:00",
        "scheduled_for": slot.isoformat()}, overrides={medication.Check.ALLERGY: "tolerated in 2024"})
    select_bed(window, "12")
    chart = window.for_selected(window.open_mar_of)
    line = next(number for number, (row, clock) in enumerate(chart.model.rows)
                if row.order.record_id == amox and clock == "08:00")
    chart.table.setCurrentIndex(chart.model.index(line, 4))
    (opened,) = chart.open_doses()
    assert opened.record_id == given.record_id and window.tabs.currentWidget().record.record_id == given.record_id
    chart.table.setCurrentIndex(chart.model.index(line, 0))
    assert chart.open_doses() == []
    QTest.keyClick(chart.order_button, Qt.Key.Key_Space)
    order = window.tabs.currentWidget()
    assert isinstance(order, FormView) and order.record.record_id == amox and not order.amend_button.isHidden()


def test_the_opening_count_and_stock_received_are_entered_witnessed_on_the_register_tab(
        qtbot, session_for, medication_ward, answers, type_text):
    """At the start of an outage the app's register is empty though the cupboard is not: the
    nurse enters the count, witnessed, and the first morphine dose can then be given. Stock
    received adds; a later count that differs is a discrepancy, written once the nurse says who
    was told. A count that matches (the shift change's) answered "nothing to correct" and wrote
    nothing: it is a line of its own, the balance unchanged, on the tab and the printed page."""
    import re

    from pypdf import PdfReader

    from downtime.qt.cd_register_panel import CdEntryDialog

    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.actions_by_id["cd_register"].trigger()
    panel = window.tabs.currentWidget()
    assert panel is window.cd_register
    assert [panel.stock.texts(row) for row in range(panel.stock.rowCount())] == [("Morphine", "mg", "0")]

    def enter(button, quantity, witness_pin="2222"):
        QTest.keyClick(button, Qt.Key.Key_Space)
        dialog = panel.dialog
        assert isinstance(dialog, CdEntryDialog) and dialog.drug.currentText() == "Morphine"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.quantity)
        type_text(dialog.quantity, quantity)
        type_text(dialog.witness_id, "doctor")
        type_text(dialog.witness_pin, witness_pin)
        QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
        return dialog

    refused = enter(panel.count_button, "20", witness_pin="9999")
    assert refused.isVisible() and refused.witness_pin.text() == "" and refused.error.text()
    refused.reject()
    enter(panel.count_button, "20")
    enter(panel.receive_button, "10")
    assert not enter(panel.count_button, "30").isVisible()
    answers[0]["text"].append("Sr Dubois told")
    enter(panel.count_button, "29,5")
    assert answers[1][-1] == ("text", "Count discrepancy")
    assert panel.page_title.text() == "<b>Morphine (mg)</b>: balance 29.5"
    assert [panel.lines.texts(row)[1:6] for row in range(panel.lines.rowCount())] == [
        ("Opening count: 20 mg", "+20", "20", "Hélène Lefèvre", "Dr Karim Benali"),
        ("Received", "+10", "30", "Hélène Lefèvre", "Dr Karim Benali"),
        ("Count checked, correct: 30 mg", "", "30", "Hélène Lefèvre", "Dr Karim Benali"),
        ("DISCREPANCY: 29.5 mg counted, 30 mg on the register", "-0.5", "29.5", "Hélène Lefèvre", "Dr Karim Benali")]
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(panel.print_page()).pages))
    assert "Count checked, correct: 30 mg" in text and "DISCREPANCY: 29.5 mg counted, 30 mg on the register" in text


def test_the_registers_entries_closed_are_not_kept(qtbot, session_for, ward, escaped):
    """Each stock received, count or wastage opened a dialog that stayed, hidden, a child of the
    register for the rest of the session: once closed it is deleted, and the register holds none."""
    from downtime.qt.cd_register_panel import CdEntryDialog

    panel = _register_tab(qtbot, session_for("nurse"))

    def pressing(button):
        def opening():
            QTest.keyClick(button, Qt.Key.Key_Space)
            return panel.dialog
        return opening

    escaped(pressing(button) for button in (panel.receive_button, panel.count_button, panel.receive_button))
    assert panel.findChildren(CdEntryDialog) == [] and panel.dialog is None


def test_stock_received_for_a_drug_on_no_page_asks_before_opening_one(qtbot, session_for, ward, monkeypatch,
                                                                       type_text):
    """"Morphin" typed in Stock received… opened a page of its own: the ward's morphine split over
    two pages of the legal register, the balance wrong on both. Now the nurse is asked, warned
    that it is close to the Morphine page, No (the default) going back to the drug as typed and
    writing nothing; "MORPHINE" is written on the Morphine page; Yes opens the new page of a drug
    close to no page, asked naming the register's pages."""
    from PySide6.QtWidgets import QMessageBox

    from downtime.qt.cd_register_panel import CdEntryDialog

    asked, answers = [], [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(parent, title, text, buttons, default):
        asked.append((title, text, default))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    nurse = session_for("nurse")
    panel = _register_tab(qtbot, nurse)

    def receive(drug, unit="mg"):
        QTest.keyClick(panel.receive_button, Qt.Key.Key_Space)
        dialog = panel.dialog
        assert isinstance(dialog, CdEntryDialog)
        dialog.drug.lineEdit().clear()
        type_text(dialog.drug.lineEdit(), drug)
        dialog.unit.clear()
        type_text(dialog.unit, unit)
        type_text(dialog.quantity, "10")
        type_text(dialog.witness_id, "doctor")
        type_text(dialog.witness_pin, "2222")
        QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
        return dialog

    refused = receive("Morphin")
    assert asked == [("Stock received", "Morphin (mg) is no page of ward 3B's register, but is close to Morphine (mg): "
                                        "one drug on two pages leaves both balances wrong. If it is the same drug, "
                                        "answer No and choose it in the Drug list. Open a new page for Morphin (mg), "
                                        "another drug?", QMessageBox.StandardButton.No)]
    assert refused.isVisible() and refused.drug.currentText() == "Morphin" and refused.quantity.text() == "10"
    assert refused.focusWidget() is refused.drug
    assert [(stock.drug, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] == [("Morphine", 50)]
    refused.reject()
    capitals = receive("MORPHINE", "MG")
    assert not capitals.isVisible() and len(asked) == 1
    assert (capitals.drug.currentText(), capitals.unit.text()) == ("Morphine", "mg")
    assert not receive("Oxycodone").isVisible() and len(asked) == 2
    assert asked[1][1] == ("Oxycodone (mg) is no page of ward 3B's register (its pages: Morphine (mg)). Open a new "
                           "page for it?")
    assert [(stock.drug, stock.unit, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] == [
        ("Morphine", "mg", 60), ("Oxycodone", "mg", 10)]


def test_a_cupboard_count_that_differs_tells_the_nurse_the_difference_and_asks_who_was_told(
        qtbot, session_for, ward, monkeypatch, type_text):
    """Counting 2 where the register held 50 (a typo) rewrote the register to 2, asking nothing,
    as a routine "Count correction". The nurse is told the difference; Cancel writes nothing, to
    count again; saying who was told writes a discrepancy, red on the page, the answer its note."""
    from PySide6.QtGui import QColor

    from downtime.qt.cd_register_panel import CdEntryDialog
    from downtime.qt.prompts import Prompts

    asked, said = [], [None, "Sr Dubois, nurse in charge"]

    def text(parent, title, label):
        asked.append((title, label))
        return said.pop(0)

    monkeypatch.setattr(Prompts, "text", staticmethod(text))
    nurse = session_for("nurse")
    panel = _register_tab(qtbot, nurse)
    QTest.keyClick(panel.count_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert isinstance(dialog, CdEntryDialog)
    type_text(dialog.quantity, "2")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert asked == [("Count discrepancy", "2 mg counted: 48 mg fewer than the register (50 mg). This is a "
                                           "discrepancy, written as one on the register to be investigated, not a "
                                           "routine correction. If unsure, Cancel and count again with your "
                                           "witness.\n\nWho was told (e.g. the nurse in charge, the pharmacist)?")]
    assert dialog.isVisible() and dialog.error.text() == "Nothing written: count the cupboard again."
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 50
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible() and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 2
    last = panel.lines.rowCount() - 1
    assert (panel.lines.texts(last)[1:4], panel.lines.texts(last)[7]) == (
        ("DISCREPANCY: 2 mg counted, 50 mg on the register", "-48", "2"), "Sr Dubois, nurse in charge")
    colour = panel.lines.data(panel.lines.index(last, 1), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and QColor(colour) != QColor(Qt.GlobalColor.black)
    assert panel.lines.data(panel.lines.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None


def test_what_is_left_of_an_ampoule_is_discarded_from_the_register_tab_against_its_dose(
        qtbot, session_for, ward, answers, type_text):
    """A 5 mg dose of morphine from a 10 mg ampoule: the half discarded could only be entered as
    an anonymous count correction. Record wastage… offers the drug's recent doses; the line, on
    the tab and the printed page, names the dose and its patient by number and name (the page
    gave the downtime number alone)."""
    import re

    from pypdf import PdfReader

    from downtime.qt.cd_register_panel import WastageDialog

    _, _, morphine = ward
    nurse = session_for("nurse")
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_for": "pain", "dose_given": 5.0, "route": "SC",
                                             "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    number = nurse.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    patient = f"{number} — MARTIN Hélène Marie (née LEFÈVRE)"
    panel = _register_tab(qtbot, nurse)
    QTest.keyClick(panel.waste_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert isinstance(dialog, WastageDialog)
    assert [dialog.dose.itemText(row) for row in range(dialog.dose.count())] == [f"28/11/2026 10:00 — {patient} — 5 mg"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.quantity)
    type_text(dialog.quantity, "5")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible() and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 40
    assert [panel.lines.texts(row)[1:4] + panel.lines.texts(row)[5:7] for row in range(1, panel.lines.rowCount())] == [
        ("Dose given", "-5", "45", "Dr Karim Benali", patient),
        ("Discarded, from the dose of 28/11/2026 10:00", "-5", "40", "Dr Karim Benali", patient)]
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(panel.print_page()).pages))
    assert "Discarded, from the dose of 28/11/2026 10:00" in text and "MARTIN Hélène Marie" in text


def test_the_wastage_dialog_offers_only_doses_without_their_wastage_and_says_when_none_is_left(
        qtbot, session_for, ward, type_text):
    """Record wastage… listed the dose whose wastage was recorded, and Save refused it once the
    witness had typed a PIN. It offers the doses still without theirs; with none left it says
    why, asks for no quantity nor PIN, and Enter closes it, nothing written."""
    _, _, morphine = ward
    nurse = session_for("nurse")
    doses = [medication.record_dose(nurse, morphine, {"outcome": "given", "given_for": "pain", "dose_given": 5.0,
                                                      "route": "SC", "given_at": at}, witness=("doctor", "2222"))
             for at in ("2026-11-28T06:00+01:00", "2026-11-28T10:00+01:00")]
    cd_register.cd_waste(nurse, doses[1].record_id, 5, witness=("doctor", "2222"))
    panel = _register_tab(qtbot, nurse)
    QTest.keyClick(panel.waste_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert [dialog.dose.itemText(row).split(" — ")[0] for row in range(dialog.dose.count())] == ["28/11/2026 06:00"]
    assert dialog.dose.isVisible() and not dialog.none_left.isVisible() and not dialog.close_button.isVisible()
    type_text(dialog.quantity, "2,5")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible() and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 32.5
    QTest.keyClick(panel.waste_button, Qt.Key.Key_Space)
    none_left = panel.dialog
    assert none_left.isVisible() and none_left.none_left.text() == (
        "Every dose of Morphine given from ward 3B's register has its wastage recorded already: a dose's wastage is "
        "recorded once. If a quantity was wrong, count the cupboard: the difference is written as a discrepancy.")
    assert not any(widget.isVisible() for widget in (none_left.dose, none_left.quantity, none_left.witness_id,
                                                     none_left.witness_pin, none_left.save_button))
    assert not none_left.save_button.isEnabled()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is none_left.close_button)
    QTest.keyClick(none_left, Qt.Key.Key_Return)
    assert not none_left.isVisible() and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 32.5
    assert [line.kind for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")].count("wastage") == 2


def test_the_round_tab_prints_the_wards_mar_pack(round_window, ward):
    """Every chart of the ward on paper for a handover or a laptop taken away (it was printed
    only from the command line)."""
    from pypdf import PdfReader

    panel = round_window.medication
    round_window.show_round()
    text = " ".join(page.extract_text() for page in PdfReader(panel.print_pack()).pages)
    assert "Amoxicillin" in text and "Morphine" in text and "MARTIN Hélène Marie" in text


def test_choosing_another_drug_in_the_count_dialog_counts_it_in_its_own_unit(
        qtbot, session_for, medication_ward, answers, type_text):
    """The ward has fentanyl (microgram) and morphine (mg) pages. The nurse in charge opens the
    count from the fentanyl page, picks Morphine in the drug list and enters 20 counted: the
    20 must go on Morphine's mg page, not on a new "Morphine (microgram)" page."""
    from downtime.qt.cd_register_panel import CdEntryDialog

    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Fentanyl", "dose": 25.0, "dose_unit": "microgram", "route": "IV", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 1, "max_doses_24h": 6,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient)
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.actions_by_id["cd_register"].trigger()
    panel = window.cd_register
    assert [panel.stock.texts(row) for row in range(panel.stock.rowCount())] == [
        ("Fentanyl", "microgram", "0"), ("Morphine", "mg", "0")]
    panel.stock_table.selectRow(0)
    QTest.keyClick(panel.count_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert isinstance(dialog, CdEntryDialog)
    dialog.drug.setCurrentIndex(dialog.drug.findText("Morphine"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    type_text(dialog.quantity, "20")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    db = window.session.db
    assert (dialog.unit.text(), cd_register.cd_balance(db, "3B", "Morphine", "mg")) == ("mg", 20), \
        [panel.stock.texts(row) for row in range(panel.stock.rowCount())]


def _given_amox(session, amox):
    return medication.record_dose(session, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                                  "given_at": "2026-11-28T08:05+01:00",
                                                  "scheduled_for": "2026-11-28T08:00+01:00"},
                                  overrides={medication.Check.ALLERGY: "tolerated in 2024"})


def test_an_order_doses_were_given_from_is_stopped_not_made_another_medicine(qtbot, session_for, ward, answers,
                                                                             type_text):
    """Amoxicillin made ceftriaxone from the form rewrote the dose given at 08:05 as ceftriaxone
    (a dose names only its order), and withdrawing the order took that dose off every chart."""
    from downtime.qt.form_view import FormView

    patient, amox, _ = ward
    _given_amox(session_for("nurse"), amox)
    window = MainWindow(session_for("doctor"))
    qtbot.addWidget(window)
    form = window.open_record(records.current(window.session.db, amox))
    assert isinstance(form, FormView) and not form.amend_button.isHidden()
    QTest.keyClick(form.amend_button, Qt.Key.Key_Space)
    form.editors["drug"].edit.selectAll()
    type_text(form.editors["drug"].edit, "Ceftriaxone")
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.summary.text() == ("Medicine (generic name): cannot be changed once a dose has been recorded from this order; stop it "
                                   "(amend its stop time) and write a new order.")
    assert records.current(window.session.db, amox).data["drug"] == "Amoxicillin"
    doctor = window.session
    with pytest.raises(ServiceError, match="Type of order: cannot be changed"):
        records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "frequency": "prn",
                                     "prn_indication": "fever", "min_interval_hours": 8, "max_doses_24h": 3},
                      "switch to as required")
    with pytest.raises(ServiceError, match="1 dose\\(s\\) were recorded from this order. A dose given stays on the chart"):
        records.mark_entered_in_error(doctor, amox, "rewriting it")
    stopped = records.amend(doctor, amox, {**records.current(doctor.db, amox).data,
                                           "stop_at": "2026-11-28T15:00+01:00"}, "course complete")
    assert stopped.version == 2 and len(medication.administrations(doctor.db, patient)) == 1


def test_a_nurse_changes_a_doctors_order_only_as_a_telephone_order(qtbot, session_for, ward, answers):
    """She could type a stop time and a reason before being told only a doctor may: her change
    starts as a telephone order, to be read back; withdrawing the doctor's order is not offered."""
    _, amox, _ = ward
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    form = window.open_record(records.current(window.session.db, amox))
    assert not form.amend_button.isHidden() and form.error_button.isHidden() and not form.print_button.isHidden()
    qtbot.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    assert form.editors["telephone_order"].value() is True and form.editors["read_back"].value() is None


@pytest.mark.parametrize("who,offered,not_offered", [
    ("nurse", {"new_admission", "record_observations", "record_transfer", "record_medication_order"},
     {"record_operation_booking", "new_theatre_session"}),
    ("doctor", {"record_medication_order", "record_observations"}, {"record_operation_booking"}),
    ("coord", {"record_operation_booking", "new_theatre_session"},
     {"new_admission", "record_observations", "record_medication_order", "record_transfer"}),
])
def test_only_the_forms_a_person_may_write_are_offered(qtbot, session_for, answers, who, offered, not_offered):
    """A nurse was offered a medication order and an operation booking, a coordinator a
    discharge or a NEWS2 set: typed whole, each was refused at Save ("only doctor may write this
    form", the role in English on a French screen)."""
    window = MainWindow(session_for(who))
    qtbot.addWidget(window)
    assert offered <= set(window.actions_by_id) and not not_offered & set(window.actions_by_id)


def test_an_admission_is_withdrawn_only_once_its_patients_other_records_are(qtbot, session_for, ward, answers):
    """Withdrawn first, it left the patient's orders and doses on no list and crashed the records
    list that still showed them."""
    patient, amox, morphine = ward
    nurse = session_for("nurse")
    _given_amox(nurse, amox)
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    with pytest.raises(ServiceError, match="3 other record\\(s\\) of this patient stand"):
        records.mark_entered_in_error(nurse, admission.record_id, "duplicate patient")
    dose = medication.administrations(nurse.db, patient)[0]
    medication.withdraw_dose(nurse, dose.record_id, "duplicate patient")
    doctor = session_for("doctor")
    for order in (amox, morphine):
        records.mark_entered_in_error(doctor, order, "duplicate patient")
    assert records.mark_entered_in_error(nurse, admission.record_id, "duplicate patient").version == 2


def test_amending_an_imported_order_keeps_its_times_and_shows_them_on_the_wards_clock(qtbot, session_for, ward,
                                                                                    answers, type_text):
    """An EHR snapshot keeps each time's own offset (09:00Z). The form showed 09:00 and read it
    back as 09:00 Paris: adding an indication moved the start and stop an hour earlier."""
    patient, _, _ = ward
    doctor = session_for("doctor")
    imported = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "06:00 12:00 18:00", "start_at": "2026-11-27T09:00+00:00", "stop_at": "2026-11-30T17:30+00:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    window = MainWindow(doctor)
    qtbot.addWidget(window)
    form = window.open_record(imported)
    assert form.editors["start_at"].edit.text() == "27/11/2026 10:00"  # the ward's clock
    QTest.keyClick(form.amend_button, Qt.Key.Key_Space)
    type_text(form.editors["indication"].edit, "fever")
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    amended = records.current(doctor.db, imported.record_id)
    assert amended.version == 2 and amended.data["indication"] == "fever"
    assert (amended.data["start_at"], amended.data["stop_at"]) == ("2026-11-27T09:00+00:00", "2026-11-30T17:30+00:00")


def test_a_drugs_register_page_prints_with_lines_to_carry_on_by_hand(qtbot, session_for, ward, answers):
    """The register is a legal record: if the laptop goes, the ward carries on on paper from
    the balance printed, two signatures a line."""
    from pypdf import PdfReader

    patient, _, morphine = ward
    nurse = session_for("nurse")
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_for": "pain", "dose_given": 5.0, "route": "SC",
                                             "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    panel = _register_tab(qtbot, nurse)
    text = " ".join(page.extract_text() for page in PdfReader(panel.print_page()).pages)
    number = nurse.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    assert "Controlled-drug register — Morphine (mg)" in text and "Ward 3B — balance 45 mg" in text
    assert "Received" in text and "Dose given" in text and number in text and "Dr Karim Benali" in text


def test_the_register_tab_and_its_print_date_a_dose_by_its_giving_and_say_when_it_was_written(
        qtbot, session_for, ward, answers, clock):
    """Morphine given at 10:00 and charted from paper at 14:10 read "28/11/2026 14:10" on the
    register's page and its print, the time of typing where a register gives the time given."""
    import re
    from datetime import timedelta

    from pypdf import PdfReader

    _, _, morphine = ward
    nurse = session_for("nurse")
    clock.now += timedelta(minutes=10)
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_for": "pain", "dose_given": 5.0, "route": "SC",
                                             "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    panel = _register_tab(qtbot, nurse)
    assert [panel.lines.texts(row)[:2] for row in range(panel.lines.rowCount())] == [
        ("28/11/2026 14:00", "Received"), ("28/11/2026 10:00 (written 14:10)", "Dose given")]
    text = " ".join(page.extract_text() for page in PdfReader(panel.print_page()).pages)
    assert "28/11/2026 10:00 (written 14:10)" in re.sub(r"\s+", " ", text)


def test_the_register_dates_a_dose_withdrawn_by_its_giving_and_says_when_it_was_withdrawn(
        qtbot, session_for, ward, answers, clock):
    """Morphine given at 10:00, charted at 14:00 and withdrawn at 14:40 (recorded for the wrong
    patient): the line giving it back read "28/11/2026 14:40", which dose it undid was left to
    guess. It is dated by the dose's giving and says when it was withdrawn, the By column who
    did, on the tab and its print."""
    import re
    from datetime import timedelta

    from pypdf import PdfReader

    _, _, morphine = ward
    nurse = session_for("nurse")
    dose = medication.record_dose(nurse, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                    "given_for": "pain",
                                                    "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    clock.now += timedelta(minutes=40)
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=("doctor", "2222"))
    panel = _register_tab(qtbot, nurse)
    by = panel.lines.names[nurse.user.staff_id]
    assert [panel.lines.texts(row)[:2] + panel.lines.texts(row)[4:5] for row in range(1, panel.lines.rowCount())] == [
        ("28/11/2026 10:00 (written 14:00)", "Dose given", by),
        ("28/11/2026 10:00 (withdrawn 14:40)", "Dose withdrawn (entered in error)", by)]
    text = " ".join(page.extract_text() for page in PdfReader(panel.print_page()).pages)
    assert "28/11/2026 10:00 (withdrawn 14:40)" in re.sub(r"\s+", " ", text)


def test_the_records_list_keeps_every_column_heading_on_screen_the_record_cut_to_fit(round_window, ward, qtbot):
    """The Record column was fitted to its longest line, some 1,900 pixels: its heading, centred
    over it, sat off the screen, and so did the Version (ENTERED IN ERROR, ON HOLD) and By
    columns after it. It takes the width the others leave, as the window is made narrower too;
    its line is whole in its tooltip."""
    patient, _, morphine = ward
    given = medication.record_dose(round_window.session, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                                    "given_for": "pain",
                                                                    "given_at": "2026-11-28T10:00+01:00"},
                                   witness=("doctor", "2222"))
    round_window.resize(1100, 700)
    view = round_window.open_records_of(patient)
    header, model = view.table.horizontalHeader(), view.model

    def on_screen() -> bool:
        return all(0 <= header.sectionViewportPosition(column)
                   and header.sectionViewportPosition(column) + header.sectionSize(column) <= view.table.viewport().width()
                   for column in range(model.columnCount()))

    qtbot.waitUntil(on_screen)
    row = next(row for row in range(model.rowCount()) if model.rows[row].record_id == given.record_id)
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == model.text(row, 2)
    assert "Witness / second check: Dr Karim Benali" in model.text(row, 2)
    round_window.resize(900, 700)
    qtbot.waitUntil(lambda: view.table.viewport().width() < 900)
    qtbot.waitUntil(on_screen)


def test_the_records_list_keeps_the_record_chosen_when_read_again(select_bed, round_window, ward):
    """It is read again after every save; the chosen row jumped back to the newest."""
    select_bed(round_window, "12")
    view = round_window.for_selected(round_window.open_records_of)
    last = view.model.rowCount() - 1
    view.table.selectRow(last)
    chosen = view.model.rows[last].record_id
    view.refresh()
    assert view.model.rows[view.table.currentIndex().row()].record_id == chosen


def test_a_dose_given_in_the_hour_the_clocks_go_back_keeps_its_real_time(qtbot, session_for, patient_on_the_clock,
                                                                         clock, type_text):
    """At 02:20 winter time, the second pass of that hour, the dialog's time left as filled in was
    read back as 02:20 summer time: morphine given then was recorded an hour earlier than it was,
    so the next dose's 4-hour interval was judged from an hour too early."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2026, 10, 24, 20, 0), "2026-10-24T19:00+02:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    morphine = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4, "start_at": "2026-10-24T19:30+02:00",
        "controlled": True, "high_alert": True}, patient_id=patient)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    clock.now = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=paris)
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine.record_id), None)
    qtbot.addWidget(dialog)
    type_text(dialog.given_for, "pain 8/10")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    saved = dialog.save()
    assert saved is not None and saved.data["given_at"] == "2026-10-25T02:20+01:00"


def test_a_dose_recorded_from_an_empty_cell_is_for_its_rows_nearest_dose(qtbot, session_for, ward, clock):
    """08:05 on the 28th, the nurse gives the 08:00 amoxicillin and presses Enter on the 08:00 row
    in the 27th's column, empty (the order started at 10:00 that day). The dose was recorded as if
    "as required": in no cell of the chart, on screen or paper, while the 08:00 dose still read
    "due now" there and on the round, for the next nurse to give again."""
    from datetime import datetime

    from downtime.qt.mar_view import MarView

    patient, amox, _ = ward
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "08:00")
    # The 27th's 08:00 cell is outside the course now (hatched: it opens no dose, see
    # test_a_hatched_cell_of_the_mar_screen_opens_no_dose_and_says_why); the row's time cell is
    # what a nurse presses Enter on for the row's dose.
    view.table.setCurrentIndex(view.model.index(line, 1))
    dialog = view.record_dose()
    qtbot.addWidget(dialog)
    assert dialog.slot == datetime.fromisoformat("2026-11-28T08:00+01:00")


def test_a_patient_action_on_the_round_is_for_the_line_chosen_there(round_window, ward, session_for, admission_values,
                                                                    select_bed, qtbot):
    """A second patient was chosen on the Patients tab earlier; on the round, with the first
    patient's dose highlighted, Ctrl+Shift+M opened the second patient's chart, not the one on
    screen: the wrong patient's MAR (and, the same way, labels, a transfer, observations)."""
    from downtime.qt.mar_view import MarView

    patient, _, _ = ward
    records.save_new(session_for("nurse"), "admission", {**admission_values, "birth_name": "Durand", "used_name": "",
                                                        "nir": None, "bed": "13"})
    round_window.patients.refresh()
    select_bed(round_window, "13")
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    assert panel.model.rows[panel.table.currentIndex().row()].patient.patient_id == patient
    QTest.keyClick(panel.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = round_window.tabs.currentWidget()
    assert isinstance(chart, MarView) and chart.patient_id == patient


def test_enter_in_the_dose_dialog_moves_to_the_next_field_and_ctrl_s_or_save_records(qtbot, session_for, ward,
                                                                                      type_text, clock):
    """Enter in the dose given pressed Save: a nurse moving on from the dose to the site had the
    dose recorded there and then, its site never typed. Enter moves on, as in the forms; the Save
    button (Enter on it) or Ctrl+S records."""
    from datetime import datetime

    patient, _, _ = ward
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)

    def opened(slot):
        dialog = DoseDialog(nurse, medication.order(nurse.db, order.record_id), slot)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.windowHandle().requestActivate()  # as on the ward: its keys and Ctrl+S go to the dialog in front
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.dose.setFocus()
        return dialog

    dialog = opened(datetime.fromisoformat("2026-11-28T14:00+01:00"))
    for field, following in ((dialog.dose, dialog.route), (dialog.route, dialog.site)):
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is following
    type_text(dialog.site, "Cathéter avant-bras gauche")
    QTest.keyClick(dialog.site, Qt.Key.Key_Enter)
    assert dialog.isVisible() and medication.administrations(nurse.db, patient) == []
    assert QApplication.focusWidget() is dialog.given_by  # who gave it, when not the nurse typing it
    QTest.keyClick(dialog.given_by, Qt.Key.Key_Enter)
    assert QApplication.focusWidget() is dialog.transcribed  # typed in from the paper chart
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Enter)
    assert QApplication.focusWidget() is dialog.save_button and not dialog.transcribed.isChecked()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Return)
    (dose,) = medication.administrations(nurse.db, patient)
    assert not dialog.isVisible() and records.current(nurse.db, dose.record_id).data["site"] == "Cathéter avant-bras gauche"
    # An extra gram typed for no time at 20:00 the next day, no dose due within 12 h after it (typed at 14:00, it is
    # questioned: that day's 14:00 dose is due at the time of this one).
    clock.advance(days=1, hours=6)
    again = opened(None)
    QTest.keyClick(again.dose, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not again.isVisible() and len(medication.administrations(nurse.db, patient)) == 2


def test_a_time_in_the_hour_the_clocks_repeat_is_refused_in_the_dose_dialog_naming_both_offsets(qtbot, session_for,
                                                                                               ward, clock, type_text):
    """The dialog answered "write DD/MM/YYYY HH:MM" to a nurse who had typed just that: a dose
    given at 02:30 the night the clocks go back was refused without a word of the offset to type."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    _, amox, _ = ward
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 25, 3, 40, tzinfo=ZoneInfo("Europe/Paris"))
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
    qtbot.addWidget(dialog)
    dialog.given_at.clear()
    type_text(dialog.given_at, "25/10/2026 02:30")
    assert dialog.save() is None
    assert "25/10/2026 02:30 +02:00 / 25/10/2026 02:30 +01:00" in dialog.error.text()
    assert dialog.error.text().startswith("“Actual time”")


DOSE_ON_HOLD = "DOSE ON HOLD: another laptop recorded this dose otherwise (perhaps not given, or withdrawn), check it"
WITHDRAWN_ON_HOLD = ("DOSE ON HOLD: withdrawn here, but another laptop recorded it otherwise (perhaps given), "
                     "check it before giving")


def test_a_dose_two_laptops_recorded_otherwise_is_flagged_on_the_chart_and_the_round(qtbot, dose_on_hold):
    """The 08:00 paracetamol was given on laptop 1 and withdrawn on laptop 2. Each chart showed
    its own version alone: laptop 1's nurse read it given (the other laptop says it was not) and
    laptop 2's read it OVERDUE and was offered it on the round (the other says it was given: a
    second dose). Both now say the dose is on hold, in the cell, its tooltip, the round and the
    dose dialog, in dark red."""
    red = QColor(Qt.GlobalColor.darkRed)
    patient, order, dose, nurse_1, nurse_2 = dose_on_hold
    given_here = MainWindow(nurse_1)
    qtbot.addWidget(given_here)
    mar, line, column, cell = _todays_0800(given_here, patient)
    assert mar.model.text(line, column) == "N 08:05 — left arm (typed 14:00) — DOSE ON HOLD"  # its site too
    assert mar.model.data(cell, Qt.ItemDataRole.ToolTipRole) == f"{DOSE_ON_HOLD}\n08:05 given, typed 14:00"
    assert mar.model.data(cell, Qt.ItemDataRole.ForegroundRole) == red

    withdrawn_here = MainWindow(nurse_2)
    qtbot.addWidget(withdrawn_here)
    mar = withdrawn_here.open_mar_of(patient)
    cell = mar.model.index(line, column)
    # Its order typed in at 14:00 to start the day before: on its paper chart too, perhaps.
    assert mar.model.text(line, column) == "NOT RECORDED — check the paper — DOSE ON HOLD"
    assert mar.model.data(cell, Qt.ItemDataRole.ToolTipRole) == WITHDRAWN_ON_HOLD
    assert mar.model.data(cell, Qt.ItemDataRole.ForegroundRole) == red
    afternoon = mar.model.index(mar.model.rows.index(next(row for row in mar.model.rows if row[1] == "14:00")), column)
    assert mar.model.data(afternoon, Qt.ItemDataRole.ToolTipRole) is None
    as_required = mar.model.rows.index(next(row for row in mar.model.rows if row[1] is None))
    assert mar.model.text(as_required, column) == "DOSE ON HOLD", "the ondansetron given at 09:00, withdrawn here"
    assert mar.model.data(mar.model.index(as_required, column), Qt.ItemDataRole.ToolTipRole) == WITHDRAWN_ON_HOLD
    mar.table.setCurrentIndex(mar.model.index(as_required, column))
    QTest.keyClick(mar.table, Qt.Key.Key_Return)
    assert mar.dialog is not None and mar.dialog.dose_on_hold.text() == WITHDRAWN_ON_HOLD, "its interval counts it"
    mar.dialog.reject()
    mar.table.setCurrentIndex(cell)
    QTest.keyClick(mar.table, Qt.Key.Key_Return)
    assert mar.dialog is not None and mar.dialog.dose_on_hold.text() == WITHDRAWN_ON_HOLD
    mar.dialog.reject()
    [withdrawn] = mar.open_doses()  # its history names the other laptop's version
    assert withdrawn.record_id == dose

    panel = withdrawn_here.medication
    panel.refresh()
    [held] = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "28/11 08:00"]
    assert panel.model.text(held, FLAGS) == WITHDRAWN_ON_HOLD
    assert panel.model.data(panel.model.index(held, FLAGS), Qt.ItemDataRole.ForegroundRole) == red
    assert all(panel.model.text(row, FLAGS) == "" for row in range(panel.model.rowCount()) if row != held)
    panel.table.selectRow(held)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.dialog is not None and panel.dialog.dose_on_hold.text() == WITHDRAWN_ON_HOLD
    panel.dialog.reject()


def test_an_as_required_dose_on_hold_is_counted_in_the_dialog_and_at_save(qtbot, dose_on_hold, type_text, reason_box):
    """The 09:00 ondansetron (8 h apart), given on laptop 1 and withdrawn on laptop 2: laptop 2's
    dialog said "A dose is allowed now" and Save asked nothing, under a red line saying the
    dose may have been given. The summary counts it, and Save asks why, saying it is on hold."""
    patient, _, _, _, nurse_2 = dose_on_hold
    window = MainWindow(nurse_2)
    qtbot.addWidget(window)
    mar = window.open_mar_of(patient)
    column = 2 + mar.model.days.index(nurse_2.clock().date())
    mar.table.setCurrentIndex(mar.model.index(mar.model.rows.index(next(row for row in mar.model.rows
                                                                        if row[1] is None)), column))
    QTest.keyClick(mar.table, Qt.Key.Key_Return)
    dialog = mar.dialog
    qtbot.waitActive(dialog)
    summary = dialog.as_required.text().splitlines()
    assert summary[1] == "Given in the last 24 h: 0, at most 3; on hold, perhaps given: 28/11 09:00"
    assert summary[2].startswith("Next dose allowed from 28/11 17:00")
    type_text(dialog.given_for, "nausea")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert "⚠ A dose on hold, perhaps given (another laptop recorded it at 28/11 09:00), is 310 min from this one; the " \
           "order allows one every 8 h." in [label.text() for label in dialog.findChildren(QLabel)]
    type_text(reason_box(dialog, Check.PRN_INTERVAL), "Laptop 1 nurse says it was not given")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert [dose.overrides for dose in medication.administrations(nurse_2.db, patient) if dose.dose == 4.0] == [
        (("prn_interval", "Laptop 1 nurse says it was not given"),)]


ONLY_ON_HOLD = ("DOSE ON HOLD: not recorded on this laptop, but other laptops recorded it (perhaps given), check it "
                "before giving")


def test_a_dose_this_laptop_has_only_on_hold_is_flagged_on_the_chart_and_the_round(qtbot, dose_held_whole):
    """The 08:00 paracetamol reached laptop 2 only as two other versions on hold: its chart's
    cell read OVERDUE with no word of it, as though never given. It now reads as a dose
    withdrawn here does, saying that this laptop never recorded it; the round and the dose
    dialog say the same, and there is no record here for the cell to open."""
    patient, _, _, nurse = dose_held_whole
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    mar, line, column, cell = _todays_0800(main, patient)
    assert mar.model.text(line, column) == "NOT RECORDED — check the paper — DOSE ON HOLD"
    assert mar.model.data(cell, Qt.ItemDataRole.ToolTipRole) == ONLY_ON_HOLD
    assert mar.model.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(Qt.GlobalColor.darkRed)
    mar.table.setCurrentIndex(cell)
    QTest.keyClick(mar.table, Qt.Key.Key_Return)
    assert mar.dialog is not None and mar.dialog.dose_on_hold.text() == ONLY_ON_HOLD
    mar.dialog.reject()
    panel = main.medication
    panel.refresh()
    [held] = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "28/11 08:00"]
    assert panel.model.text(held, FLAGS) == ONLY_ON_HOLD


def test_a_dose_given_other_than_ordered_reads_with_its_amount_on_the_chart(qtbot, ward, half_dose):
    """Half the amoxicillin given, the mismatch overridden with its reason: the chart's cell read
    "HL 08:05" like a full dose, and the next nurse knew no different. It now gives the amount,
    as a nurse writes it on a paper chart; a dose given as ordered stays initials and time, and
    an as-required dose given otherwise says so too."""
    patient, amox, morphine = ward
    nurse = half_dose
    medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                         "given_at": "2026-11-27T14:05+01:00", "scheduled_for": "2026-11-27T14:00+01:00"},
                           overrides={medication.Check.ALLERGY: "tolerated in 2024"})
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_for": "pain", "dose_given": 2.5, "route": "SC",
                                             "given_at": "2026-11-28T10:00+01:00"},
                           overrides={medication.Check.DOSE_MISMATCH: "pain 5/10, half dose"},
                           witness=("doctor", "2222"))
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    mar = main.open_mar_of(patient)
    texts = {(mar.model.text(row, 1), day): mar.model.text(row, 2 + column)
             for row in range(mar.model.rowCount()) for column, day in enumerate(mar.model.days)}
    saturday, friday = mar.model.days[-1], mar.model.days[-2]
    assert texts["08:00", saturday] == "HL 08:05 — 0.5 g (typed 14:00) ⚠"  # each given over a warning
    assert texts["14:00", friday] == "HL 14:05 (typed 28/11 14:00) ⚠"
    assert texts["as required", saturday] == "HL 10:00 / KB — 2.5 mg (typed 14:00) ⚠"


def test_tab_leaves_the_chart_and_the_round_for_their_buttons(round_window, ward, qtbot):
    """Tab inside a list went from cell to cell and round again, never reaching the chart's
    buttons (Record a dose, Open the order, Print) nor the round's ward and MAR pack: a keyboard
    trap. Tab now leaves the list, Shift+Tab comes back, and the arrow keys choose the cell."""
    patient, _, _ = ward
    mar = round_window.open_mar_of(patient)
    mar.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is mar.table)
    QTest.keyClick(mar.table, Qt.Key.Key_Right)
    QTest.keyClick(mar.table, Qt.Key.Key_Right)
    assert mar.table.currentIndex().column() == 2, "the arrows choose the day's cell"
    QTest.keyClick(mar.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is mar.record_button
    QTest.keyClick(mar.record_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is mar.table and mar.table.currentIndex().column() == 2

    round_window.show_round()
    panel = round_window.medication
    panel.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    QTest.keyClick(panel.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not panel.table


@pytest.mark.parametrize(("lang", "medicine", "time"), [
    ("en", "Morphine 5 mg SC as required [CONTROLLED DRUG — witness] [HIGH-ALERT]", "as required"),
    ("fr", "Morphine 5 mg SC si besoin [STUPÉFIANT — témoin] [HAUT RISQUE]", "si besoin")])
def test_the_chart_on_screen_flags_an_order_in_the_printed_charts_words(qtbot, session_for, ward, tmp_path, lang,
                                                                        medicine, time):
    """A French ward's chart on screen read "Morphine 5 mg SC PRN [CD] [HAUT RISQUE]" where the
    paper chart printed beside it says "si besoin" and "STUPÉFIANT — témoin"."""
    from pypdf import PdfReader

    from downtime.qt.i18n import set_language
    from downtime.qt.mar_view import MarView
    from downtime.services import printing

    patient, _, morphine = ward
    nurse = session_for("nurse", lang)
    set_language(lang)
    try:
        mar = MarView(nurse, patient)
        qtbot.addWidget(mar)
        [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == morphine]
        shown = (mar.model.text(line, 0), mar.model.text(line, 1))
    finally:
        set_language("en")
    assert shown == (medicine, time)
    printed = " ".join(re.sub(r"\s+", " ", page.extract_text())
                       for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).pages)
    for flag in re.findall(r"\[([^]]+)\]", medicine):
        assert flag in printed


@pytest.mark.parametrize(("lang", "flags"), [("en", "CONTROLLED DRUG — witness, HIGH-ALERT"),
                                             ("fr", "STUPÉFIANT — témoin, HAUT RISQUE")])
def test_the_round_flags_an_order_in_the_charts_words_whole_on_a_laptops_screen(laptop_window, session_for, ward,
                                                                                  lang, flags):
    """The round flagged oxycodone "STUP, à haut risque" ("CD, high-alert") where the chart on
    screen and the paper chart beside it say "STUPÉFIANT — témoin" and "HAUT RISQUE": one
    table of words for all three (medication.ORDER_WORDS), whole in the round's column on a
    1,366-pixel laptop screen."""
    patient = ward[0]
    oxycodone = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Oxycodone", "dose": 10.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True},
        patient_id=patient).record_id
    main = laptop_window(session_for("nurse", lang), 1366, 768)
    main.show_round()
    panel = main.medication
    line = next(row for row, item in enumerate(panel.model.rows) if item.order.record_id == oxycodone)
    assert panel.model.text(line, FLAGS) == flags
    room = panel.table.columnWidth(8) - 2 * panel.table.fontMetrics().averageCharWidth()
    assert panel.table.fontMetrics().horizontalAdvance(flags) <= room
    mar = main.open_mar_of(patient)
    [row] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == oxycodone]
    assert all(f"[{flag}]" in mar.model.text(row, 0) for flag in flags.split(", "))


def test_a_high_alert_medicine_says_so_on_the_chart_and_in_the_dose_dialog(round_window, ward, qtbot):
    """The printed chart and the round flag morphine HIGH-ALERT; the chart on screen and the
    dialog the dose is given from did not, where the nurse gives it."""
    patient, _, morphine = ward
    mar = round_window.open_mar_of(patient)
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == morphine]
    assert mar.model.text(line, 0) == "Morphine 5 mg SC as required [CONTROLLED DRUG — witness] [HIGH-ALERT]"
    mar.table.setCurrentIndex(mar.model.index(line, 0))
    dialog = mar.record_dose()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    line = dialog.order_line
    assert line.text().endswith(" —\u00a0CONTROLLED\u00a0DRUG:\u00a0witness\u00a0required —\u00a0HIGH\u2011ALERT\u00a0medicine")
    assert line.wordWrap() and line.heightForWidth(line.width()) <= line.height() and line.width() <= dialog.width(), \
        "shown whole, not cut at the dialog's edge"


@pytest.mark.parametrize("field,typed,said", [
    ("dose", "", "“Dose given” must be a number."),
    ("dose", "1/2", "“Dose given” must be a number."),
    ("given_at", "28/11 08", "“Actual time”: write the date and time as DD/MM/YYYY HH:MM."),
])
def test_a_dose_or_time_the_dialog_cannot_read_is_named_alone(qtbot, session_for, ward, field, typed, said):
    """A dose box left empty was answered "Actual time: write DD/MM/YYYY HH:MM; dose: a
    number.", the time the nurse had not touched named first; each box is now named alone, and
    the cursor goes to it (it stayed on Save)."""
    patient, amox, _ = ward
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), medication.round_list(
        nurse.db, nurse.forms, "3B", nurse.clock())[0].slot)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(dialog.isActiveWindow)
    getattr(dialog, field).setText(typed)
    dialog.save_button.setFocus()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.error.text() == said
    assert QApplication.focusWidget() is getattr(dialog, field)
    assert medication.administrations(nurse.db, patient) == []


def test_a_readmitted_patients_chart_on_screen_reads_not_in_hospital_for_the_time_at_home(qtbot, ward, readmitted):
    patient, amox, _ = ward
    main = MainWindow(readmitted)
    qtbot.addWidget(main)
    mar = main.open_mar_of(patient)
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][1] == "08:00"]
    assert mar.model.text(line, 2 + mar.model.days.index(readmitted.clock().date())) == "not in hospital"
    assert not mar.model.is_warning(line, 2 + mar.model.days.index(readmitted.clock().date()))


STOPPED_WITH_ITS_STAY = ("Furosemide 40 mg PO — Stopped at the end of the stay of 27/11/2026 — prescribe again if it "
                         "still stands")


def test_an_order_of_an_earlier_stay_is_shown_apart_on_the_chart_with_no_dose_due(qtbot, earlier_stay):
    """The first stay's furosemide, never stopped at discharge, came back due on the round and
    the chart of the readmitted patient. It is on neither as a dose to give: the chart says it
    apart, above the grid, in red, and its line in the grid holds that stay's 14:00 alone. A
    nurse, who may not prescribe, is offered no button to."""
    nurse, furosemide, ceftriaxone = earlier_stay
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    main.medication.refresh()
    assert furosemide not in {item.order.record_id for item in main.medication.model.rows}
    mar = main.open_mar_of(records.current(nurse.db, furosemide).patient_id)
    [said] = [label.text() for label in mar.earlier_stay.findChildren(QLabel)]
    assert said == STOPPED_WITH_ITS_STAY and not mar.earlier_stay.isHidden()
    assert mar.prescribe_buttons == {}
    today = 2 + mar.model.days.index(nurse.clock().date())
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == furosemide]
    assert mar.model.text(line, 0) == STOPPED_WITH_ITS_STAY and not mar.model.is_warning(line, 0)
    assert (mar.model.text(line, today - 1), mar.model.text(line, today)) == ("not recorded (stopped)", "")
    [due] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == ceftriaxone]
    assert mar.model.text(due, today) == "NOT RECORDED — check the paper"  # written at 14:30 to start at 14:00


def _chart_of_the_order(qtbot, session, order_id):
    """The main window of `session`'s person and the chart (MAR) of the patient of `order_id`,
    opened there."""
    main = MainWindow(session)
    qtbot.addWidget(main)
    return main, main.open_mar_of(records.current(session.db, order_id).patient_id)


def test_a_prescriber_prescribes_an_order_of_an_earlier_stay_again_from_the_chart(qtbot, earlier_stay, session_for,
                                                                                  answers):
    """The doctor's "Prescribe again…" opens a new order filled in from the old one, starting
    now; saved, it is a new order on the chart, the old one left as it was, and nothing asked
    (it is not a medicine ordered twice). The old one then leaves the red box, decided on: it
    stayed there, "ordered again", for the whole stay, beside the orders still waiting for a
    decision. Its line in the grid, which holds that stay's 14:00, names the new order."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    main, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    patient = mar.patient_id
    qtbot.mouseClick(mar.prescribe_buttons[furosemide], Qt.MouseButton.LeftButton)
    view = main.tabs.currentWidget()
    assert isinstance(view, FormView) and view.spec.id == medication.ORDER_FORM and view.patient_id == patient
    assert {field_id: view.editors[field_id].raw() for field_id in ("drug", "dose", "times", "start_at", "stop_at")} == {
        "drug": "Furosemide", "dose": "40", "times": "14:00", "start_at": "28/11/2026 14:30", "stop_at": ""}
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.record is not None and answers[1] == [], view.summary.text()
    assert records.current(doctor.db, furosemide).version == 1
    assert [order.record_id for order in medication.orders(doctor.db, patient, doctor.clock())
            if order.drug == "Furosemide"] == [furosemide, view.record.record_id]
    assert any(mar.model.rows[line][0].order.record_id == view.record.record_id for line in range(mar.model.rowCount()))
    assert mar.earlier_stay.isHidden() and mar.earlier_stay.findChildren(QLabel) == []
    assert mar.prescribe_buttons == mar.not_continued_buttons == {}
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == furosemide]
    assert mar.model.text(line, 0) == ("Furosemide 40 mg PO — Stopped at the end of the stay of 27/11/2026 — ordered "
                                       "again: Furosemide 40 mg PO, at 14:00, from 28/11/2026 14:30")


def test_an_order_of_an_earlier_stay_prescribed_again_from_the_chart_stays_decided_once_the_new_order_stops(
        qtbot, earlier_stay, session_for, answers, clock):
    """Prescribed again from the chart's box, the first stay's furosemide came back into the box
    the day after, "prescribe again if it still stands", once the new order stopped, its course
    finished. The new order's form says, read-only, which order it prescribes again, and keeps
    it; stopped, the old order stays out of the box, its line naming the new order, stopped."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    main, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    qtbot.mouseClick(mar.prescribe_buttons[furosemide], Qt.MouseButton.LeftButton)
    view = main.tabs.currentWidget()
    shown = view.editors["continues"]
    assert shown.widget.text() == ("Furosemide 40 mg PO, at 14:00, from 27/11/2026 11:00, stopped 27/11/2026 21:00 at "
                                   "the patient's discharge")
    assert isinstance(shown, ReferenceEditor) and shown.raw() == furosemide  # shown, never typed into
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    again = view.record
    assert again is not None and again.data["continues"] == furosemide and answers[1] == [], view.summary.text()
    clock.now = datetime.fromisoformat("2026-11-29T16:00+01:00")
    records.amend(doctor, again.record_id, {**again.data, "stop_at": "2026-11-29T15:00+01:00"}, "Course finished")
    mar.refresh()
    assert mar.earlier_stay.isHidden() and mar.prescribe_buttons == mar.not_continued_buttons == {}
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == furosemide]
    assert mar.model.text(line, 0) == ("Furosemide 40 mg PO — Stopped at the end of the stay of 27/11/2026 — ordered "
                                       "again: Furosemide 40 mg PO, at 14:00, from 28/11/2026 14:30, stopped "
                                       "29/11/2026 15:00")  # read at 16:00, as the printed chart says it


def test_a_prescriber_records_an_order_of_an_earlier_stay_as_not_continued_from_the_chart(qtbot, earlier_stay,
                                                                                         session_for, answers,
                                                                                         monkeypatch):
    """The doctor who decides not to go on with the first stay's furosemide had no way to say so:
    it stayed in the red box, "prescribe again if it still stands", for the whole stay. "Not
    continued…" asks why (optional; cancelled, nothing is written), and the order leaves the box
    for the chart's grid, stopped at the discharge; a nurse is offered no such button."""
    nurse, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    typed: list[str | None] = [None, "Renal function worse"]
    monkeypatch.setattr(Prompts, "optional_reason", staticmethod(lambda parent, title, label: typed.pop(0)))
    _, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    assert set(mar.not_continued_buttons) == {furosemide}
    qtbot.mouseClick(mar.not_continued_buttons[furosemide], Qt.MouseButton.LeftButton)
    assert records.current(doctor.db, furosemide).version == 1 and not mar.earlier_stay.isHidden()
    qtbot.mouseClick(mar.not_continued_buttons[furosemide], Qt.MouseButton.LeftButton)
    saved = records.current(doctor.db, furosemide)
    assert saved.reason == "Reviewed on readmission: not continued — Renal function worse"
    assert saved.data["stop_at"] == "2026-11-27T21:00+01:00" and answers[1] == []
    assert mar.earlier_stay.isHidden() and mar.not_continued_buttons == mar.prescribe_buttons == {}
    [line] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == furosemide]
    today = 2 + mar.model.days.index(doctor.clock().date())
    assert [mar.model.text(line, column) for column in (0, today - 1, today)] == [
        "Furosemide 40 mg PO — Stopped 27/11 21:00", "not recorded (stopped)", ""]
    assert "Stopped 27/11 21:00: Reviewed on readmission: not continued — Renal function worse" in mar.model.data(
        mar.model.index(line, 0), Qt.ItemDataRole.ToolTipRole)
    nurses_chart = MainWindow(nurse)
    qtbot.addWidget(nurses_chart)
    assert nurses_chart.open_mar_of(saved.patient_id).not_continued_buttons == {}


def test_the_chart_read_again_each_minute_leaves_the_prescribers_focus_on_an_earlier_stays_button(
        qtbot, earlier_stay, session_for, clock):
    """Read each minute, the chart would make its box of orders of an earlier stay again, and the
    doctor tabbing to "Prescribe again…" lose her place: the box is made again only when what it
    says changes (here, when the order is decided on)."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    main, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    main.show()
    qtbot.waitExposed(main)
    button = mar.prescribe_buttons[furosemide]
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    clock.advance(minutes=1)
    mar.read_again.timer.timeout.emit()
    assert mar.prescribe_buttons[furosemide] is button and QApplication.focusWidget() is button
    medication.not_continued(session_for("doctor"), furosemide)
    mar.read_again.timer.timeout.emit()
    assert furosemide not in mar.prescribe_buttons and mar.earlier_stay.isHidden()


def test_an_order_of_an_earlier_stay_decided_on_elsewhere_meanwhile_is_said_so(qtbot, earlier_stay, session_for,
                                                                               answers, monkeypatch):
    """A second doctor's chart, open before the first recorded the furosemide not continued: the
    button says why nothing more is written, and the chart reads it again."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    monkeypatch.setattr(Prompts, "optional_reason", staticmethod(lambda parent, title, label: ""))
    _, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    medication.not_continued(session_for("doctor"), furosemide)
    qtbot.mouseClick(mar.not_continued_buttons[furosemide], Qt.MouseButton.LeftButton)
    assert answers[1] == [("error", "Furosemide 40 mg PO is no longer an order left open by an earlier stay (stopped "
                                    "or changed since): read the patient's chart again.")]
    assert [version.version for version in records.history(doctor.db, furosemide)] == [1, 2]
    assert mar.earlier_stay.isHidden()


def test_an_order_of_an_earlier_stay_prescribed_again_elsewhere_meanwhile_is_not_opened_again(qtbot, earlier_stay,
                                                                                              session_for, answers):
    """A second doctor's chart, open before the first prescribed the furosemide again: its
    "Prescribe again…" opened another new order of it, for a Save that is refused. It says why,
    opens nothing, and the chart reads it again, the old order out of the box."""
    _, furosemide, _ = earlier_stay
    doctor = session_for("doctor")
    main, mar = _chart_of_the_order(qtbot, doctor, furosemide)
    patient = mar.patient_id
    first = session_for("doctor")
    records.save_new(first, "medication_order", medication.prescribed_again(first, furosemide), patient_id=patient)
    tabs = main.tabs.count()
    qtbot.mouseClick(mar.prescribe_buttons[furosemide], Qt.MouseButton.LeftButton)
    assert answers[1] == [("error", "Furosemide 40 mg PO was prescribed again already: Furosemide 40 mg PO, at 14:00, "
                                    "from 28/11/2026 14:30. Read the patient's chart again.")]
    assert main.tabs.count() == tabs and mar.earlier_stay.isHidden()


def test_a_medicine_ordered_twice_is_flagged_on_both_round_lines_and_chart_rows(qtbot, insulin_twice, clock):
    """Insulin glargine at 22:00 written twice put two identical "Due now" lines on the round:
    each now says the medicine is ordered twice, naming the other order, in red."""
    from datetime import datetime

    nurse, first, second = insulin_twice
    clock.now = datetime.fromisoformat("2026-11-28T21:50+01:00")
    flag = ("ALSO ORDERED: Insulin glargine 18 units SC, at 22:00, from {start} — ask the prescriber before giving "
            "more than one of these orders")
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    panel = main.medication
    panel.refresh()
    lines = {panel.model.rows[row].order.record_id: row for row in range(panel.model.rowCount())
             if f"{panel.model.rows[row].slot:%d/%m %H:%M}" == "28/11 22:00"}
    flags = "HIGH-ALERT, TIME-CRITICAL — within 30 min, "
    assert panel.model.text(lines[first.record_id], FLAGS) == flags + flag.format(start="28/11/2026 09:00")
    assert panel.model.text(lines[second.record_id], FLAGS) == flags + flag.format(start="27/11/2026 10:00")
    assert all(panel.model.is_warning(row, FLAGS) for row in lines.values())
    mar = main.open_mar_of(first.patient_id)
    [row] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == first.record_id]
    assert mar.model.text(row, 0) == ("Insulin glargine 18 units SC [HIGH-ALERT] [TIME-CRITICAL — within 30 min] — "
                                      f"{flag.format(start='28/11/2026 09:00')}")
    assert mar.model.is_warning(row, 0)



def test_the_dose_dialog_says_a_medicine_is_ordered_twice_as_it_opens(qtbot, insulin_twice, clock, tmp_path,
                                                                      session_for):
    """The nurse recording the 22:00 insulin from the round was told nothing in the dialog: Save
    questioned the dose only once the other order's dose was given. It opens saying so, in the
    round's words, in red; a medicine ordered once says nothing."""
    from datetime import datetime

    nurse, first, second = insulin_twice
    clock.now = datetime.fromisoformat("2026-11-28T21:50+01:00")
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    panel = main.medication
    panel.refresh()
    [row] = [row for row in range(panel.model.rowCount()) if panel.model.rows[row].order.record_id == second.record_id]
    panel.table.selectRow(row)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert dialog is not None and dialog.slot.strftime("%d/%m %H:%M") == "28/11 22:00"
    assert dialog.also_ordered.text() == ("ALSO ORDERED: Insulin glargine 18 units SC, at 22:00, from 27/11/2026 10:00"
                                          " — ask the prescriber before giving more than one of these orders")
    assert dialog.also_ordered.isVisibleTo(dialog) and "color" in dialog.also_ordered.styleSheet()
    dialog.grab().save(str(tmp_path / "dose-dialog.png"))
    dialog.reject()
    records.mark_entered_in_error(session_for("doctor"), first.record_id, "written twice")
    alone = DoseDialog(nurse, medication.order(nurse.db, second.record_id), dialog.slot)
    qtbot.addWidget(alone)
    assert not hasattr(alone, "also_ordered")


def test_an_as_required_dose_dialog_says_what_was_given_and_when_the_next_dose_is_allowed(qtbot, paracetamol_day):
    """The nurse learnt of the interval and the day's maximum only when Save questioned the
    dose: the dialog now opens saying them, as the save check counts them (the regular 08:00
    gram of the same medicine included), and a regular dose's dialog says nothing of it."""
    nurse, regular, prn = paracetamol_day
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    said = dialog.as_required.text()
    assert ("Last dose: 28/11 08:00 (1\u00a0h\u00a000\u00a0min ago) by Hélène Lefèvre (nurse), from the order Paracetamol 1 g "
            "PO") in said
    assert "Given in the last 24 h: 4, at most 4" in said
    assert ("of them from another order of the same medicine: 27/11 14:00, 27/11 20:00, 28/11 08:00"
            " (Paracetamol 1 g PO)") in said
    assert "Next dose allowed from 28/11 14:00 (in 5\u00a0h\u00a000\u00a0min)" in said
    regular_dialog = DoseDialog(nurse, medication.order(nurse.db, regular.record_id), None)
    qtbot.addWidget(regular_dialog)
    assert regular_dialog.as_required is None


def test_an_as_required_dose_dialogs_summary_follows_the_actual_time_typed(qtbot, paracetamol_day, type_text):
    """Worked out when the dialog opened, the last dose, the day's count and the next dose
    allowed stayed those of 09:00 when the nurse typed the time the dose was really given."""
    nurse, _, prn = paracetamol_day
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.as_required.styleSheet()  # too soon at 09:00: in red
    dialog.given_at.selectAll()
    type_text(dialog.given_at, "28/11/2026 14:30")
    said = dialog.as_required.text()
    assert "Last dose: 28/11 08:00 (6\u00a0h\u00a030\u00a0min before 28/11 14:30) by Hélène Lefèvre (nurse)" in said
    assert "Given in the 24 h up to 28/11 14:30: 3, at most 4" in said
    assert "A dose is allowed at 28/11 14:30" in said and not dialog.as_required.styleSheet()
    dialog.given_at.selectAll()
    type_text(dialog.given_at, "28/11/2026 12:")  # half typed: the time read last is still said
    assert dialog.as_required.text() == said
    type_text(dialog.given_at, "30")
    assert "Next dose allowed from 28/11 14:00 (1\u00a0h\u00a030\u00a0min after 28/11 12:30)" in dialog.as_required.text()
    assert dialog.as_required.styleSheet()


def test_the_patients_records_read_an_order_as_a_nurse_does(round_window, ward):
    """An order's line in the patient's records read "Morphine — Dose: 5 — Unit: mg — Route: …"
    cut at the window, where its doses' lines just above read it "Morphine 5 mg SC"."""
    patient, amoxicillin, morphine = ward
    listing = round_window.open_records_of(patient)
    lines = {listing.model.rows[row].record_id: listing.model.text(row, 2) for row in range(listing.model.rowCount())}
    assert lines[amoxicillin] == "Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00"
    assert lines[morphine] == ("Morphine 5 mg SC, as required (pain score > 4), at least 4 h apart, at most 4 in 24 h, "
                               "from 27/11/2026 10:00 — CONTROLLED DRUG — witness, HIGH-ALERT")


def test_a_dose_given_over_a_warning_is_marked_on_the_chart_with_its_reason_and_in_the_records_list(
        qtbot, session_for, ward):
    """Amoxicillin given over the penicillin allergy, with its reason: neither the chart nor the
    patient's records list said so (only the dose's record, opened alone). The chart's cell marks
    it and its tooltip names the warning and the reason; the records list's line says it."""
    from downtime.domain.medication import Check

    patient, amox, _ = ward
    nurse = session_for("nurse")
    given = medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                                 "given_at": "2026-11-28T08:05+01:00",
                                                 "scheduled_for": "2026-11-28T08:00+01:00"},
                                   overrides={Check.ALLERGY: "Tolerated in 2024"})
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    mar = window.open_mar_of(patient)
    column = 2 + mar.model.days.index(nurse.clock().date())
    line = mar.model.rows.index(next(row for row in mar.model.rows if row[1] == "08:00"))
    assert mar.model.text(line, column) == "HL 08:05 (typed 14:00) ⚠"
    assert mar.model.data(mar.model.index(line, column), Qt.ItemDataRole.ToolTipRole) == \
        "⚠ 08:05 given over a warning — Allergy: Tolerated in 2024\n08:05 given, typed 14:00"
    afternoon = mar.model.rows.index(next(row for row in mar.model.rows if row[1] == "14:00"))
    assert mar.model.data(mar.model.index(afternoon, column), Qt.ItemDataRole.ToolTipRole) is None
    view = window.open_records_of(patient)
    row = next(row for row in range(view.model.rowCount()) if view.model.rows[row].record_id == given.record_id)
    assert "Given — Warnings overridden: Allergy (Tolerated in 2024) — " in view.model.text(row, 2)


def test_a_once_only_order_reads_so_on_the_chart(select_bed, round_window, ward, session_for):
    """Gentamicin written once read "Gentamicin 350 mg IV" at 00:10, as a regular order's line
    does: the chart's next day asked for it again."""
    from tests.test_pdf_mar import GENTAMICIN_ONCE

    patient, _, _ = ward
    records.save_new(session_for("doctor"), "medication_order", GENTAMICIN_ONCE, patient_id=patient)
    view = round_window.open_mar_of(patient)
    lines = [(view.model.text(r, 0), view.model.text(r, 1)) for r in range(view.model.rowCount())]
    assert ("Gentamicin 350 mg IV ONCE ONLY [HIGH-ALERT]", "00:10") in lines
    assert ("Amoxicillin 1 g IV", "08:00") in lines


def test_an_order_while_the_patients_allergies_are_not_known_asks_first(select_bed, qtbot, session_for, ward,
                                                                         answers):
    """A regular order written for a patient whose allergies nobody has asked yet was saved with
    nothing said. Saving now says so; No goes back to the medicine, Yes saves."""
    from tests.test_medication_prescribing import _allergies_not_known

    script, asked = answers
    patient, *_ = ward
    _allergies_not_known(session_for("nurse"), patient)
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False},
        shown=True)
    script["confirm"] = [False, True]
    view.save()
    assert view.record is None and view.editors["drug"].widget.hasFocus()
    assert asked == [("confirm", "Allergies not known yet")]
    view.save()
    assert view.record is not None and "Paracetamol" in {
        o.drug for o in medication.orders(view.session.db, patient, view.session.clock())}


def test_another_laptops_doses_on_the_chart_name_their_giver_and_witness_by_name_and_laptop(
        qtbot, doses_from_laptop_1):
    """Doses carried from laptop 1 were charted with laptop 2's staff list's initials (staff IDs
    are each laptop's own): "N 09:00 / KB", Karim Benali having the ID hl here, for a dose laptop
    1's Hélène Lefèvre witnessed. The cell's tooltip says who "nurse@001" is."""
    from downtime.qt.mar_view import MarView

    patient, _, _, _, nurse = doses_from_laptop_1
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    model = view.model
    cells = {(line, column): model.text(line, column)
             for line in range(model.rowCount()) for column in range(2, model.columnCount())}
    assert "nurse@001 08:05 (typed 14:00)" in cells.values()
    given = next(place for place, text in cells.items() if text == "nurse@001 09:00 / hl@001 (typed 14:00)")
    assert model.data(model.index(*given), Qt.ItemDataRole.ToolTipRole) == (
        "09:00 given, typed 14:00\nnurse@001: Nurse (nurse, laptop 001)\nhl@001: Hélène Lefèvre (hl, laptop 001)")


def test_the_dose_dialog_names_another_laptops_last_giver_by_name_and_laptop(qtbot, doses_from_laptop_1):
    """Its "Last dose … by" named laptop 1's nurse by laptop 2's staff list: "Nurse (nurse)",
    laptop 2's own nurse."""
    _, _, morphine, _, nurse = doses_from_laptop_1
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    assert "Last dose: 28/11 09:00 (5\u00a0h\u00a000\u00a0min ago) by Nurse (nurse, laptop 001)" in dialog.as_required.text()


@pytest.mark.parametrize("amended_here", [False, True])
def test_another_laptops_dose_form_names_its_witness_by_name_and_laptop(qtbot, doses_from_laptop_1, amended_here):
    """The form of a dose laptop 1 recorded named its witness "Karim Benali (hl)", whoever has
    the ID hl on laptop 2: laptop 1's Hélène Lefèvre witnessed it. So did it once its site was
    corrected here."""
    _, _, _, dose, nurse = doses_from_laptop_1
    if amended_here:
        records.amend(nurse, dose, {**records.current(nurse.db, dose).data, "site": "left arm"}, "site")
    form = FormView(nurse, nurse.form(medication.DOSE_FORM), record=records.current(nurse.db, dose))
    qtbot.addWidget(form)
    assert form.editors["witness"].raw() == "Hélène Lefèvre (hl, laptop 001)"


def test_the_mar_heads_an_iv_fluid_order_with_its_rate(qtbot, session_for, ward):
    """The pump's setting was on no screen: "Sodium chloride 0.9% 1000 mL IV" alone."""
    from downtime.qt.mar_view import MarView

    patient = ward[0]
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
        "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00", "start_at": "2026-11-28T08:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    heads = {view.model.texts(line)[0] for line in range(len(view.model.rows))}
    assert "Sodium chloride 0.9% 1000 mL IV at 125 mL/h" in heads


def test_a_chart_row_flagged_ordered_twice_leaves_the_days_on_screen(qtbot, insulin_twice, clock, session_for):
    """Insulin glargine written a third time: its medicine column fitted to "… — ALSO ORDERED:
    Insulin glargine 18 units SC, at 22:00, from 27/11/2026 10:00; Insulin glargine …, from
    28/11/2026 09:00 — ask the prescriber before giving both", the chart's time and day columns
    lay beyond the right edge of the screen: the nurse saw the flag and none of the doses. The
    column is cut, the whole flag in its tooltip."""
    from datetime import datetime

    nurse, first, second = insulin_twice
    clock.now = datetime.fromisoformat("2026-11-28T21:50+01:00")
    third = records.save_new(session_for("doctor"), "medication_order", {
        **records.current(nurse.db, second.record_id).data, "start_at": "2026-11-28T21:50+01:00"},
        patient_id=first.patient_id)
    main = MainWindow(nurse)
    qtbot.addWidget(main)
    main.resize(1340, 760)
    main.show()
    mar = main.open_mar_of(first.patient_id)
    qtbot.waitExposed(mar)
    header = mar.table.horizontalHeader()
    today = mar.model.columnCount() - 1
    assert header.sectionPosition(today) + header.sectionSize(today) <= mar.table.viewport().width()
    [row] = [row for row in range(mar.model.rowCount()) if mar.model.rows[row][0].order.record_id == third.record_id]
    assert mar.model.data(mar.model.index(row, 0), Qt.ItemDataRole.ToolTipRole).splitlines()[0] == mar.model.text(row, 0)
    assert "from 27/11/2026 10:00; Insulin glargine 18 units SC, at 22:00, from 28/11/2026 09:00" in mar.model.text(row, 0)


def test_an_order_the_service_refuses_is_refused_before_any_question_about_it(select_bed, qtbot, session_for, ward,
                                                                              answers):
    """Its stop typed a day before its start, for a patient whose allergies nobody has asked yet:
    the doctor answered "Allergies not known yet", Yes, and was then refused for the stop. The
    refusal comes first, with no question asked."""
    from tests.test_medication_prescribing import _allergies_not_known

    script, asked = answers
    patient, *_ = ward
    _allergies_not_known(session_for("nurse"), patient)
    view = _new_order(select_bed, qtbot, session_for, {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T12:00+01:00", "stop_at": "2026-11-27T12:00+01:00",
        "controlled": False, "high_alert": False}, shown=True)
    script["confirm"] = [True]
    view.save()
    assert view.record is None and asked == []
    assert "is before “Start”: the order would never be given" in view.summary.text()


@pytest.mark.parametrize(("times", "said"), [
    ("23:59 00:00", "“Administration times”: 23:59 and 00:00 are 1 min apart; a regular order's times are at least "
                    "30 min apart."),
    ("08:00 08:00", "“Administration times”: 08:00 is written twice.")])
def test_an_orders_times_that_cannot_each_be_given_are_refused_on_their_field(select_bed, qtbot, session_for, ward,
                                                                               answers, type_text, times, said):
    """"23:59 00:00" and "08:00 08:00" were saved: two lines a minute apart on the round, the
    second dose given with no warning. The doctor reads why under the times, nothing saved."""
    script, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {  # hourly eye drops: hourly paracetamol is 24 g a day
        "drug": "Ofloxacin 0.3% eye drops", "dose": 1.0, "dose_unit": "drop", "route": "TOP", "frequency": "scheduled",
        "start_at": "2026-11-28T12:00+01:00", "controlled": False, "high_alert": False}, shown=True)
    type_text(view.editors["times"].widget, times)
    view.save()
    assert view.record is None and asked == []
    assert not view.error_labels["times"].isHidden() and view.error_labels["times"].text() == f"⚠ {said}"
    hourly = " ".join(f"{hour:02d}:00" for hour in range(24))
    view.editors["times"].set_value(hourly)
    view.save()
    assert view.record is not None and view.record.data["times"] == hourly


def test_every_warning_of_a_kind_is_shown_and_each_needs_its_own_reason(qtbot, session_for, insulin_twice, clock,
                                                                          type_text):
    """Insulin glargine written twice, both 22:00 doses given at 22:05; the second order's 22:00
    dose recorded again: the dialog showed "The 22:00 dose … was already given" and hid "… was
    given at 22:05 from another order", the same kind of warning, and the one reason typed
    covered both on Save. Each is now shown, and Save asks a reason for each."""
    from datetime import datetime

    nurse, first, second = insulin_twice
    clock.now = datetime.fromisoformat("2026-11-28T22:15+01:00")
    glucose_charted(nurse, first.patient_id, "2026-11-28T21:55+01:00", timing="bedtime")
    ten = "2026-11-28T22:00+01:00"
    dose = {"outcome": "given", "given_at": "2026-11-28T22:05+01:00", "scheduled_for": ten, "dose_given": 18.0,
            "route": "SC"}
    medication.record_dose(nurse, first.record_id, dose, witness=("doctor", "2222"))  # an insulin's second check
    medication.record_dose(nurse, second.record_id, dose, overrides={Check.ALREADY_GIVEN: "Checked with Dr Benali"},
                           witness=("doctor", "2222"))
    dialog = DoseDialog(nurse, medication.order(nurse.db, second.record_id), datetime.fromisoformat(ten))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "⚠ The 22:00 dose of Insulin glargine was already given." in shown
    assert "⚠ Insulin glargine 18 units SC was given at 22:05 from another order (at 22:00, from 27/11 10:00); is " \
           "this medicine ordered twice?" in shown
    edits = [edit for (check, _), edit in dialog.override_edits.items() if check is Check.ALREADY_GIVEN]
    assert len(edits) == 2
    type_text(edits[0], "Dose vomited, repeat agreed")
    assert dialog.witness_pin.text() == ""  # the checker signs once they have read the warnings
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None and "Safety warning" in dialog.error.text()  # the other still needs its reason
    assert dialog.witness_pin.text() == "2222"  # a warning they read: not to sign again
    type_text(edits[1], "Old order stopped by Dr Benali")
    saved = dialog.save()
    assert saved is not None and saved.data["overrides"] == [
        {"check": "already_given", "reason": "Dose vomited, repeat agreed"},
        {"check": "already_given", "reason": "Old order stopped by Dr Benali"}]


def test_a_dose_held_needs_its_reason_written_in_the_dialog(qtbot, session_for, ward, type_text):
    """W — held for a clinical reason was saved with the Details box empty."""
    patient, amox, _ = ward
    nurse = session_for("nurse")
    dialog = _on_the_rounds_first_slot(qtbot, nurse, amox)
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(1 + [code for code, _ in dialog.reasons].index("held"))
    assert dialog.reason.currentText().startswith("W — Held for clinical reason (write why)")
    assert dialog.save() is None
    assert "Details" in dialog.error.text()
    assert medication.administrations(nurse.db, patient) == []
    type_text(dialog.detail, "BP 85/50")
    assert dialog.save() is not None
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.reason.value == "held"


def test_every_box_of_the_dose_dialog_has_an_alt_letter_of_its_own(qtbot, session_for, ward):
    """Alt+T went to the actual time, never to the site (both were T), and the details of a dose
    not given had no letter at all: a nurse recording a refusal by keyboard tabbed round for them."""
    import re

    from PySide6.QtWidgets import QAbstractButton

    patient, amox, morphine = ward
    nurse = session_for("nurse")
    for order_id in (amox, morphine):
        dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), None)
        qtbot.addWidget(dialog)
        dialog.show()
        for outcome in ("Given", "Not given"):
            dialog.outcome.setCurrentText(outcome)
            shown = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() and label.isVisibleTo(dialog)]
            shown += [button.text() for button in dialog.findChildren(QAbstractButton) if button.isVisibleTo(dialog)]
            letters = [found[1].casefold() for text in shown if (found := re.search(r"&(\w)", text))]
            assert len(letters) == len(shown) == len(set(letters)), shown
        dialog.reject()
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.site
    QTest.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    QTest.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(QApplication.focusWidget(), "R")
    QTest.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.detail
    QTest.keyClicks(dialog.detail, "Says it makes her sick")
    assert dialog.typed()["not_given_reason"] == "refused" and dialog.typed()["not_given_detail"] == "Says it makes her sick"


def test_an_as_required_dose_says_what_the_prescriber_ordered_it_for(round_window, ward, qtbot):
    """The dialog said "Morphine 5 mg SC (as required)" and nothing of when to give it: the nurse
    giving a dose at night had to open the order to read "pain score > 4"."""
    patient, _, morphine = ward
    chart = round_window.open_mar_of(patient)
    (line,) = [row for row in range(chart.model.rowCount()) if chart.model.rows[row][0].order.record_id == morphine]
    chart.table.setCurrentIndex(chart.model.index(line, 0))
    QTest.keyClick(chart.record_button, Qt.Key.Key_Space)
    dialog = chart.dialog
    assert "Morphine 5 mg SC</b> (as required: pain score &gt; 4)" in dialog.order_line.text()


def test_an_as_required_dose_asks_why_it_is_given_and_saves_it_a_regular_dose_does_not(qtbot, paracetamol, clock,
                                                                                      type_text):
    """Paracetamol as required given at 07:00: the paper MAR asks the reason of every such dose,
    and the dialog had nowhere to write it. It asks it of an as-required dose given alone, and
    Save without it names the box and puts the cursor there."""
    nurse, regular, prn = paracetamol
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.given_for.isVisible()
    assert dialog.form.labelForField(dialog.given_for).text() == "Reason &given (as required)"
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.given_for.isVisible()
    dialog.outcome.setCurrentIndex(0)
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.error.text() == "“Reason given (as required)” is required."
    assert dialog.focusWidget() is dialog.given_for
    assert medication.administrations(nurse.db, prn.patient_id) == []
    type_text(dialog.given_for, "  pain 7/10, left hip  ")
    assert dialog.typed()["given_for"] == "  pain 7/10, left hip  "  # kept in the draft as typed
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    (dose,) = medication.administrations(nurse.db, prn.patient_id)
    assert dose.given_for == "pain 7/10, left hip"

    regular_dialog = DoseDialog(nurse, medication.order(nurse.db, regular.record_id),
                                datetime.fromisoformat("2026-11-28T08:00+01:00"))
    qtbot.addWidget(regular_dialog)
    regular_dialog.show()
    qtbot.waitExposed(regular_dialog)
    assert regular_dialog.site.isVisible() and not regular_dialog.given_for.isVisible()
    assert "given_for" not in regular_dialog.values()


def test_an_as_required_doses_reason_typed_and_left_unsaved_comes_back_with_its_draft(qtbot, paracetamol, type_text):
    nurse, _, prn = paracetamol
    order = medication.order(nurse.db, prn.record_id)
    dialog = DoseDialog(nurse, order, None)
    qtbot.addWidget(dialog)
    type_text(dialog.given_for, "nausea after lunch")
    again = DoseDialog(nurse, order, None)
    qtbot.addWidget(again)
    again.restore(dialog.typed(), nurse.clock())
    assert again.given_for.text() == "nausea after lunch"
    older = {key: value for key, value in dialog.typed().items() if key != "given_for"}  # a draft typed before
    again.restore(older, nurse.clock())
    assert again.given_for.text() == ""


def _dose_form(qtbot, session, dose_id):
    form = FormView(session, session.form(medication.DOSE_FORM), record=records.current(session.db, dose_id))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_the_amendment_of_an_as_required_dose_cannot_clear_why_it_was_given(qtbot, paracetamol, answers, type_text):
    """The nurse correcting the route of a paracetamol given as required cleared "Reason given"
    and saved: the dose no longer said why it was given. Save says the reason is required, under
    the field and at the top, and writes nothing; typed again, it is saved."""
    script, _ = answers
    nurse, _, prn = paracetamol
    dose = medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T06:00+01:00",
                                                         "dose_given": 1.0, "route": "PO", "given_for": "pain 7/10"})
    form = _dose_form(qtbot, nurse, dose.record_id)
    assert form.field_is_shown("given_for") and form.form_labels["given_for"].text() == "Reason given (as required) *"
    QTest.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    box = form.editors["given_for"].widget
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(box, Qt.Key.Key_Delete)
    QTest.keyClick(box, Qt.Key.Key_Tab)
    script["reason"] = ["Route misread", "Route misread"]
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    said = "“Reason given (as required)” is required."
    assert said in form.summary.text() and form.error_labels["given_for"].text() == f"⚠ {said}"
    assert form.editing and records.current(nurse.db, dose.record_id).version == 1
    type_text(box, "pain 8/10")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = records.current(nurse.db, dose.record_id)
    assert (saved.version, saved.data["given_for"], form.editing) == (2, "pain 8/10", False)


def test_a_regular_doses_form_does_not_ask_why_it_was_given_on_screen_or_paper(qtbot, paracetamol, answers, tmp_path):
    """The amendment form of a regular paracetamol dose given asked "Reason given (as required)",
    and its printed record left it empty: the form's rules read the dose's answers alone, not
    its order's type, which the dose dialog asks it by."""
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, regular, prn = paracetamol
    dose = medication.record_dose(nurse, regular.record_id, {
        "outcome": "given", "given_at": "2026-11-27T14:00+01:00", "scheduled_for": "2026-11-27T14:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    form = _dose_form(qtbot, nurse, dose.record_id)
    QTest.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    assert form.field_is_shown("site") and not form.field_is_shown("given_for")
    printed = "".join(page.extract_text() for page in PdfReader(
        printing.print_record(nurse, dose.record_id, tmp_path / "dose.pdf")).pages)
    assert "Site (injections, patches)" in printed and "Reason given" not in printed


def test_the_order_form_names_the_order_it_prescribes_again_and_says_nothing_of_it_otherwise(
        qtbot, ordered_again, session_for, tmp_path):
    """Every order written by hand read "Prescribed again from (an earlier stay's order): —", on
    screen and on paper. The line is there for an order prescribed again alone, naming the order."""
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, furosemide, again = ordered_again
    doctor = session_for("doctor")
    label = "Prescribed again from (an earlier stay's order)"
    for order_id, prescribed_again in ((furosemide, False), (again, True)):
        form = FormView(doctor, doctor.form(medication.ORDER_FORM), record=records.current(doctor.db, order_id))
        qtbot.addWidget(form)
        form.show()
        assert form.field_is_shown("continues") is prescribed_again
        printed = " ".join(" ".join(page.extract_text() for page in PdfReader(
            printing.print_record(nurse, order_id, tmp_path / f"{order_id}.pdf")).pages).split())
        assert (label in printed) is prescribed_again
    assert f"{label} Furosemide 40 mg PO, at 14:00, from 27/11/2026" in printed
    assert form.editors["continues"].widget.text().startswith("Furosemide 40 mg PO, at 14:00, from 27/11/2026")
    new = FormView(doctor, doctor.form(medication.ORDER_FORM), patient_id=records.current(doctor.db, again).patient_id)
    qtbot.addWidget(new)
    new.show()
    assert new.field_is_shown("ehr_order_id") and not new.field_is_shown("continues")


def _marked_pixels(table, index):
    """How many pixels inside a cell (its edges and grid lines left out) are of another colour
    than the cell's most common one: none in a plain empty cell, many under a hatching."""
    from collections import Counter

    image = table.viewport().grab().toImage()
    box = table.visualRect(index).adjusted(3, 3, -3, -3)
    colours = Counter(image.pixel(x, y) for x in range(box.left(), box.right()) for y in range(box.top(), box.bottom()))
    return sum(colours.values()) - colours.most_common(1)[0][1]


def test_the_mar_screen_hatches_the_cells_outside_an_orders_course_as_the_printed_chart(qtbot, session_for,
                                                                                         course_orders):
    """The screen's chart left the cells before an order's start blank, as the printed one did: it
    hatches them, by the one rule the printed chart follows (medication.MarRow.outside_course),
    and says in the cell's tooltip why, naming the order's start and stop."""
    from tests.test_medication_service import OUTSIDE_COURSE
    from downtime.qt.mar_view import MarView

    patient = course_orders[0]
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    view.resize(1340, 760)
    view.show()
    qtbot.waitExposed(view)
    model, hatched, plain = view.model, set(), set()
    for line, (row, clock) in enumerate(model.rows):
        for column, day in enumerate(model.days, start=2):
            index = model.index(line, column)
            view.table.scrollTo(index)
            if model.data(index) == "" and clock is not None:
                cell = (row.order.drug, day.day, clock)
                (hatched if _marked_pixels(view.table, index) else plain).add(cell)
    assert hatched == OUTSIDE_COURSE and plain
    line = next(number for number, (row, clock) in enumerate(model.rows)
                if row.order.drug == "Furosemide" and clock == "18:00")
    assert model.data(model.index(line, 4), Qt.ItemDataRole.ToolTipRole) == (
        "No dose of the order at this time (before its start, after its stop): not to be recorded here.\n"
        "Start 27/11 10:00 — Stopped 28/11 12:00")


def test_a_hatched_cell_of_the_mar_screen_opens_no_dose_and_says_why(qtbot, session_for, course_orders, answers):
    """Enter or a double-click on a cell outside an order's course (hatched) opened the dose of
    another day nearest to now, which the nurse would sign believing it the cell's: it opens
    nothing and says no dose falls there, with the order's course. A cell of the course opens
    its own dose."""
    from downtime.qt.mar_view import MarView

    patient, furosemide, ondansetron = course_orders
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    view.resize(1340, 760)
    view.show()
    qtbot.waitExposed(view)

    def cell(order_id, clock, day):
        index = view.model.index(_chart_line(view, order_id, clock), view.model.days.index(date(2026, 11, day)) + 2)
        view.table.scrollTo(index)
        view.table.setCurrentIndex(index)
        return index

    cell(furosemide, "08:00", 26)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert view.dialog is None
    assert answers[1] == [("error", "No dose of Furosemide falls at 08:00 on 26/11: nothing to record in this cell.\n"
                                    "Start 27/11 10:00 — Stopped 28/11 12:00")]
    # A double-click as the mouse sends it, its second press then the double-click: QTest's
    # double-click alone reads to the table as a press.
    where = view.table.visualRect(cell(furosemide, "18:00", 28)).center()
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mousePress(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseRelease(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.dialog is None and len(answers[1]) == 2
    assert answers[1][-1][1].startswith("No dose of Furosemide falls at 18:00 on 28/11")
    cell(ondansetron, "16:00", 27)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert view.dialog is None and answers[1][-1] == (
        "error", "No dose of Ondansetron falls at 16:00 on 27/11: nothing to record in this cell.\nStart 28/11 16:00")
    asked = len(answers[1])
    cell(furosemide, "18:00", 27)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitActive(view.dialog)
    assert view.dialog.slot == datetime.fromisoformat("2026-11-27T18:00+01:00") and len(answers[1]) == asked
    view.dialog.reject()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_dose_dialog_opens_as_tall_as_what_it_holds_with_nothing_cut(qtbot, session_for, ward, lang):
    """A blank band lay under the order line: an empty message kept its line, and the height Qt
    worked out for the wrapped lines at a narrower width stood as space at the dialog's width; a
    French as-required dose's rows were squeezed instead, and its example reason was cut."""
    from downtime.qt.i18n import set_language

    _, amox, morphine = ward
    set_language(lang)
    try:
        nurse = session_for("nurse", lang)
        slot = medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())[0].slot
        for order_id, at in ((amox, slot), (morphine, None)):
            dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), at)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            layout = dialog.layout()
            shown = [layout.itemAt(index).geometry() for index in range(layout.count())
                     if not layout.itemAt(index).isEmpty()]
            gaps = {below.top() - above.bottom() - 1 for above, below in zip(shown, shown[1:])}
            assert gaps <= {layout.spacing()}, (order_id, gaps)
            assert dialog.height() == dialog.heightForWidth(dialog.width())
            assert not [label for label in dialog.findChildren(QLabel) if label.isVisible() and not label.text()]
            for label in dialog.findChildren(QLabel):
                if label.isVisible() and label.wordWrap():
                    assert label.height() >= label.heightForWidth(label.width()), label.text()
            for edit in (dialog.given_at, dialog.dose, dialog.route, dialog.given_for, dialog.site):
                if edit.isVisible():
                    assert edit.height() >= edit.sizeHint().height(), "squeezed"
                    room = edit.contentsRect().width() - 2 * edit.fontMetrics().averageCharWidth()
                    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room, edit.placeholderText()
            dialog.reject()
    finally:
        set_language("en")


def test_the_dose_dialog_warns_of_a_dose_charted_late_before_this_dose(qtbot, paracetamol, clock, type_text):
    """At 07:00, the paper's 02:30 dose of paracetamol as required, after one at 00:55: the
    dialog's warning read "Last dose was 95 min ago"."""
    nurse, _, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T01:00+01:00")
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T00:55+01:00",
                                                  "dose_given": 1.0, "route": "PO", "given_for": "pain"})
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.given_at.selectAll()
    type_text(dialog.given_at, "28/11/2026 02:30")
    type_text(dialog.given_for, "pain")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.isVisible()
    assert ("⚠ A dose was given 95 min before this dose (last: 28/11 00:55); the order allows one every 4 h."
            in [label.text() for label in dialog.findChildren(QLabel)])


def test_an_as_required_dose_dialog_says_the_real_wait_for_the_next_dose_the_night_the_clocks_go_forward(
        qtbot, session_for, patient_on_the_clock):
    """Paracetamol as required every 4 h, given at 01:30 the night the clocks go forward; at 01:45
    the dialog said the next dose was allowed from 06:30 "in 4 h 45 min", the hours counted on the
    ward's clock: it is 3 h 45 min away."""
    patient = patient_on_the_clock(datetime(2027, 3, 28, 1, 45), "2027-03-27T09:00+01:00")
    nurse = session_for("nurse")
    prn = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2027-03-27T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2027-03-28T01:30+01:00",
                                                  "dose_given": 1.0, "route": "PO", "given_for": "pain 5/10"})
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn.record_id), None)
    qtbot.addWidget(dialog)
    assert "Next dose allowed from 28/03 06:30 (in 3\u00a0h\u00a045\u00a0min)" in dialog.as_required.text()


def test_a_time_critical_doses_dialog_says_so_and_it_is_late_after_15_minutes(qtbot, session_for, patient, clock):
    """Levodopa's 14:00 dose opened at 14:20: late, as the round and chart judge a time-critical
    dose, where an ordinary one would still be due now."""
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False,
        "time_critical": True}, patient_id=patient)
    clock.advance(minutes=20)
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order.record_id),
                        datetime.fromisoformat("2026-11-28T14:00+01:00"))
    qtbot.addWidget(dialog)
    read = _header(dialog).replace("\u00a0", " ").replace("\u2011", "-")  # kept whole on one line
    assert read == ("Co-careldopa 25/100 1 tablet(s) PO due 28/11 14:00 — 0 h 20 min late"
                    " — TIME-CRITICAL: give within 30 minutes of its time")


def test_a_late_time_critical_dose_is_on_the_escalation_list_and_enter_opens_the_mar(window_for, session_for,
                                                                                     patient, clock, listed):
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T13:30+01:00", "controlled": False, "high_alert": False,
        "time_critical": True}, patient_id=patient)
    clock.advance(minutes=20)
    window = window_for(session_for("nurse"))
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    row = next(row for row in range(panel.charts_model.rowCount())
               if panel.charts_model.texts(row)[4] == "Medicines (MAR)")
    assert panel.charts_model.texts(row)[6] == "TIME-CRITICAL DOSE LATE (due 28/11 14:00): give it now"
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    from downtime.qt.mar_view import MarView

    assert isinstance(window.tabs.currentWidget(), MarView) and window.tabs.currentWidget().patient_id == patient


def test_ctrl_m_back_to_the_round_keeps_the_dose_the_nurse_was_on(qtbot, full_ward, answers):
    """On bed 26's line of a full ward's round, the nurse opens his MAR (Ctrl+Shift+M) to check
    yesterday's doses, then Ctrl+M (the toolbar's Medication round) back to the round: it put her
    on line 1, bed 1, and her next Enter opened another patient's dose. Her line stays chosen, in
    sight."""
    nurse, _ = full_ward
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.actions_by_id["round"].trigger()
    table, model = window.medication.table, window.medication.model
    assert table.currentIndex().row() == 0, "first shown, on its first dose"
    line = next(row for row in range(model.rowCount()) if model.texts(row)[2] == "3B/26")
    table.selectRow(line)
    window.actions_by_id["mar"].trigger()
    assert window.tabs.currentWidget() is not window.medication
    window.actions_by_id["round"].trigger()
    assert window.tabs.currentWidget() is window.medication
    chosen = table.currentIndex().row()
    assert model.texts(chosen)[2] == "3B/26", f"the round's chosen line is now {model.texts(chosen)[2:4]}"
    assert table.visualRect(table.currentIndex()).intersects(table.viewport().rect())


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_same_name_alert_is_read_whole_on_each_of_the_patients_round_lines(full_ward, laptop_window, shown_whole,
                                                                                app_style, width):
    """NGUYEN Van Minh (bed 4) shares his family name with bed 20: his round line read "NGUYEN
    Van Minh — SAME NAME: bed …", and on a 1024-pixel laptop "NGUYEN Van Minh…", the red colour
    alone saying it. The name is wrapped onto a taller row, never cut."""
    from downtime.qt.medication_panel import PATIENT

    nurse, _ = full_ward
    window = laptop_window(nurse, width, 768)
    window.show_round()
    QApplication.processEvents()
    table, model = window.medication.table, window.medication.model
    lines = [row for row in range(model.rowCount()) if model.texts(row)[2] == "3B/4"]
    assert lines and all(model.text(row, PATIENT) == "NGUYEN Van Minh — SAME NAME: bed 20" for row in lines)
    assert all(shown_whole(table, row, PATIENT) for row in lines), (table.columnWidth(PATIENT), table.rowHeight(lines[0]))


def test_the_round_says_the_rate_an_infusions_bag_runs_at(round_window, session_for, ward, clock):
    """Saline each 8 hours, its 08:00 bag slowed to 83 mL/h at 11:00 (crackles): the 16:00 bag on
    the round read "at 125 mL/h" alone, and went up at the prescribed rate."""
    from downtime.services import infusion_rates

    fluids = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
              "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00",
              "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False}
    order_id = records.save_new(session_for("doctor"), "medication_order", fluids, patient_id=ward[0]).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                             "route": "IV", "rate_ml_h": 125.0})
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "rate",
                                                 "rate_ml_h": 83.0, "reason": "Crackles"})
    clock.now = datetime.fromisoformat("2026-11-28T15:45+01:00")
    QTest.keyClick(round_window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = round_window.medication
    (line,) = [panel.model.texts(row) for row in range(panel.model.rowCount())
               if panel.model.texts(row)[MEDICINE] == "Sodium chloride 0.9%"]
    assert line[MEDICINE + 1].endswith("— running at 83 mL/h since 11:00 (Crackles)")


def test_after_a_save_the_next_line_of_the_round_as_it_stood_is_chosen_though_the_list_resorts(
        qtbot, session_for, patient, admission_values, clock):
    """22:14, the nurse works down the round bed by bed by keyboard. She saves bed 12's
    paracetamol at 22:16, when bed 14's insulin (time-critical) has fallen LATE and gone to the
    top: the line chosen was the same line number, bed 14's insulin, and her next Enter, at bed
    13's bedside, opened another patient's high-alert dose. It is bed 13's paracetamol, the next
    line of the list as it stood."""
    from downtime.qt.medication_panel import MedicationPanel

    nurse, doctor = session_for("nurse"), session_for("doctor")
    beds = {"12": patient}
    for bed, name in (("13", "Roux"), ("14", "Blanc")):
        beds[bed] = records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": "",
                                                          "nir": None, "bed": bed}).patient_id
    scheduled = {"frequency": "scheduled", "times": "22:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False}
    for patient_id in beds.values():
        records.save_new(doctor, "medication_order", {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g",
                                                      "route": "PO", "high_alert": False, **scheduled},
                         patient_id=patient_id)
    records.save_new(doctor, "medication_order", {"drug": "Insulin glargine", "dose": 18.0, "dose_unit": "units",
                                                  "route": "SC", "high_alert": True, "time_critical": True,
                                                  **scheduled}, patient_id=beds["14"])
    clock.now = datetime.fromisoformat("2026-11-28T22:14+01:00")
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()

    def lines():
        return [(item.patient.bed, item.order.drug) for item in panel.model.rows]

    assert lines() == [("12", "Paracetamol"), ("13", "Paracetamol"), ("14", "Paracetamol"),
                       ("14", "Insulin glargine")]
    panel.table.setFocus()
    panel.table.selectRow(0)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    clock.now = datetime.fromisoformat("2026-11-28T22:16+01:00")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is None)
    assert lines()[0] == ("14", "Insulin glargine")
    assert lines()[panel.table.currentIndex().row()] == ("13", "Paracetamol")


def test_a_time_critical_dose_given_after_its_own_lateness_is_said_given_late(qtbot, session_for, patient, clock):
    """Bed 12's 22:00 insulin (time-critical: LATE on the round from 22:15), opened at 22:25:
    the line asking "if it was given at its time, type that time" stayed empty until the ward's
    30 minutes, while the round and the order line called it late."""
    saved = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin glargine", "dose": 18.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": "22:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T22:25+01:00")
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, saved.record_id),
                        datetime.fromisoformat("2026-11-28T22:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.timing.isVisible() and dialog.timing.text().startswith("GIVEN 0\u00a0h\u00a025\u00a0min AFTER ITS TIME")
