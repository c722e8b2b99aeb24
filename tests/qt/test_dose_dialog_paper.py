"""The day nurse types in the doses the ward gave on paper while the laptop was down: who gave
them, their witness, and their times, as the paper chart has them."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import cd_register, medication, staff


@pytest.fixture
def night(night, session_for):
    """conftest's `night`, with 50 mg of morphine in the ward's cupboard."""
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 50, witness=("doctor", "2222"))
    return night


def test_the_nurse_names_the_colleague_who_gave_the_dose_and_the_chart_says_so(dose_dialog, night, session_for, qtbot, type_text,
                                                                               reason_box):
    patient, amox, _ = night
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, amox, datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert dialog.given_by.currentText() == "Hélène Lefèvre (nurse)"  # the signed-in nurse, until another is chosen
    assert [dialog.given_by.itemData(i) for i in range(dialog.given_by.count())] == ["nurse", "doctor", "night"]
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 08:05")
    dialog.given_by.setFocus()
    QTest.keyClick(dialog.given_by, Qt.Key.Key_End)  # Noémie Faure, last
    dialog.save()
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated before")
    saved = dialog.save()
    assert saved is not None and saved.author == "nurse" and saved.data["given_by"] == "night"
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.given_by == "night"


def test_a_dose_not_given_asks_no_giver(dose_dialog, night, session_for, qtbot):
    _, amox, _ = night
    dialog = dose_dialog(session_for("nurse"), amox, datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert dialog.given_by.isVisible()
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.given_by.isVisible()


def test_a_morphine_dose_witnessed_on_paper_is_typed_in_choosing_its_witness_without_a_pin(dose_dialog, 
        night, session_for, qtbot, type_text, clock):
    patient, _, morphine = night
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, morphine)
    assert dialog.witness_pin.isVisible() and not dialog.witness_on_paper.isVisible()
    dialog.given_at.clear()
    type_text(dialog.given_at, "29/11/2026 02:30")
    type_text(dialog.given_for, "pain 7/10")
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("night"))
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    assert not dialog.witness_id.isVisible() and not dialog.witness_pin.isVisible()
    assert dialog.witness_on_paper.isVisible() and dialog.witness_on_paper.currentText() == ""  # chosen, never assumed
    dialog.save()
    assert dialog.error.text() == "Controlled drug: name the witness who signed the paper chart."
    dialog.witness_on_paper.setCurrentIndex(dialog.witness_on_paper.findData("doctor"))
    saved = dialog.save()
    assert saved is not None and (saved.data["witness"], saved.data["transcribed"]) == ("doctor", True)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 45


def test_a_morphine_dose_given_now_by_a_colleague_is_confirmed_with_their_pin_beside_given_by(dose_dialog, 
        night, session_for, qtbot, type_text):
    """Naming the night nurse as the giver and witnessing with her own PIN, the day nurse alone had
    signed the morphine's line: the giver's PIN box appears under "Given by" and Save wants it."""
    patient, _, morphine = night
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, morphine)
    assert not dialog.giver_pin.isVisible()  # the nurse signed in gave it: her sign-in is her word
    type_text(dialog.given_for, "pain 7/10")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    dialog.given_by.setFocus()
    QTest.keyClick(dialog.given_by, Qt.Key.Key_End)  # Noémie Faure, last
    assert dialog.giver_pin.isVisible() and dialog.giver_pin.echoMode() == dialog.witness_pin.echoMode()
    QTest.keyClick(dialog.given_by, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.giver_pin  # the next box, before "Transcribed from the paper chart"
    assert dialog.save() is None
    assert dialog.error.text() == ("Given by (if not you): given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                                   "controlled drug or a high-alert medicine does.")
    assert dialog.focusWidget() is dialog.giver_pin
    type_text(dialog.giver_pin, "1234")
    assert dialog.save() is None
    assert dialog.error.text() == "Given by (if not you): wrong PIN for Noémie Faure."
    assert dialog.giver_pin.text() == "" and dialog.focusWidget() is dialog.giver_pin
    type_text(dialog.giver_pin, "5555")
    saved = dialog.save()
    assert saved is not None and (saved.author, saved.data["given_by"], saved.data["witness"]) == (
        "nurse", "night", "doctor")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 45


def test_the_givers_pin_is_asked_only_of_a_controlled_dose_given_now_by_another(dose_dialog, night, session_for, qtbot, clock):
    _, amox, morphine = night
    nurse = session_for("nurse")
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    dialog = dose_dialog(nurse, morphine)
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("night"))
    assert dialog.giver_pin.isVisible()
    dialog.giver_pin.setText("5555")
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("doctor"))
    assert dialog.giver_pin.text() == ""  # never tried as another's
    dialog.transcribed.setChecked(True)  # the paper names who gave it
    assert not dialog.giver_pin.isVisible()
    dialog.transcribed.setChecked(False)
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.giver_pin.isVisible()
    other = dose_dialog(nurse, amox, datetime.fromisoformat("2026-11-29T08:00+01:00"))
    other.given_by.setCurrentIndex(other.given_by.findData("night"))
    assert not other.giver_pin.isVisible()


def test_a_dose_given_now_ticked_from_paper_is_refused_under_the_box(dose_dialog, night, session_for, qtbot, type_text):
    _, _, morphine = night
    dialog = dose_dialog(session_for("nurse"), morphine)
    type_text(dialog.given_for, "pain 7/10")
    dialog.transcribed.setChecked(True)
    dialog.witness_on_paper.setCurrentIndex(dialog.witness_on_paper.findData("doctor"))
    assert dialog.save() is None
    assert dialog.error.text().startswith("Transcribed from the paper chart: only for a dose given at least 15 minutes")
    assert dialog.focusWidget() is dialog.transcribed


def _amoxicillins_cell_of_27_11_at_20(night, session_for, qtbot, clock):
    """29/11 at 07:00: the chart's cell of the amoxicillin due at 20:00 on 27/11 opened, to type in
    from paper; the chart, the cell's (line, column) and the dose dialog."""
    from downtime.qt.mar_view import MarView

    patient, amox, _ = night
    clock.now = datetime.fromisoformat("2026-11-29T07:00+01:00")
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    line = next(number for number, (row, time_of_day) in enumerate(view.model.rows)
                if row.order.record_id == amox and time_of_day == "20:00")
    column = 2 + view.model.days.index(datetime.fromisoformat("2026-11-27T20:00+01:00").date())
    view.table.setCurrentIndex(view.model.index(line, column))
    dialog = view.record_dose()
    qtbot.addWidget(dialog)
    return view, (line, column), dialog


def test_a_chart_cell_two_days_back_opens_at_its_time_and_takes_a_time_typed_alone_as_that_days(
        night, session_for, qtbot, type_text, clock, reason_box):
    """The 20:00 dose of 27/11, typed in from paper on 29/11 at 07:00: the time
    opened as now, and "20:05" was refused for want of its date and year."""
    _, _, dialog = _amoxicillins_cell_of_27_11_at_20(night, session_for, qtbot, clock)
    assert dialog.given_at.text() == "27/11/2026 20:00"
    assert dialog.timing.text().startswith("ACTUAL TIME FILLED IN AT ITS SCHEDULED TIME (27/11 20:00)")
    dialog.given_at.clear()
    type_text(dialog.given_at, "20:05")
    assert dialog.timing.text() == ""
    dialog.save()
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated before")
    saved = dialog.save()
    assert saved is not None and saved.data["given_at"] == "2026-11-27T20:05+01:00"


def test_a_dose_typed_in_from_paper_names_its_sheet_and_the_charts_cell_says_it(
        night, session_for, qtbot, type_text, clock, reason_box):
    """Where on the paper the 20:00 dose of 27/11 is written, asked once "Transcribed from the paper
    chart" is ticked, and read in the cell's tooltip."""
    view, cell, dialog = _amoxicillins_cell_of_27_11_at_20(night, session_for, qtbot, clock)
    assert not dialog.paper_reference.isVisible()
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    assert dialog.paper_reference.isVisible() and dialog.paper_reference.placeholderText() == (
        "e.g. MAR sheet 2, night 01/12")
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.paper_reference
    type_text(dialog.paper_reference, "Feuille 2, soirée du 27/11")
    dialog.given_at.clear()
    type_text(dialog.given_at, "20:05")
    dialog.save()
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated before")
    saved = dialog.save()
    assert saved is not None and saved.data["paper_reference"] == "Feuille 2, soirée du 27/11"
    tip = view.model.data(view.model.index(*cell), Qt.ItemDataRole.ToolTipRole)
    assert "20:05 from the paper chart: Feuille 2, soirée du 27/11" in tip.split("\n")


def test_a_late_dose_given_from_the_round_still_opens_as_now(dose_dialog, night, session_for, qtbot):
    _, amox, _ = night
    dialog = dose_dialog(session_for("nurse"), amox, datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert dialog.given_at.text() == "28/11/2026 14:00" and dialog.timing.text().startswith("GIVEN 6\u00a0h")


def test_a_time_near_the_turn_of_the_year_is_refused_naming_the_box(dose_dialog, night, session_for, qtbot, type_text, clock):
    _, amox, _ = night
    clock.now = datetime.fromisoformat("2027-01-01T07:00+01:00")
    dialog = dose_dialog(session_for("nurse"), amox)
    dialog.given_at.clear()
    type_text(dialog.given_at, "31/12 22:00")
    assert dialog.save() is None
    assert dialog.error.text() == ("“Actual time”: 31/12 is near the turn of the year: write the date and time as "
                                   "DD/MM/YYYY HH:MM.")
    assert dialog.focusWidget() is dialog.given_at


def test_a_forms_date_time_box_reads_a_time_typed_alone_as_todays(qtbot, forms, clock, type_text):
    from downtime.qt.field_editors import make_editor

    editor = make_editor(forms["medication_administration"].field("given_at"), "en", now=clock)
    qtbot.addWidget(editor.widget)
    type_text(editor.edit, "06:00")
    assert editor.value() == "2026-11-28T06:00+01:00"


def _givers(combo):
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_a_dose_from_paper_names_its_giver_deactivated_since_and_a_dose_given_now_never_does(dose_dialog, 
        night, session_for, qtbot, type_text, reason_box, clock):
    """Noémie, the agency nurse, gave the 08:00 amoxicillin on the paper chart and left, her
    account deactivated. Typed in at 14:00, the dose could not be said hers ("Given by" listed
    active accounts only, though the dose's record takes her): it went in as given by the nurse
    typing it. Ticked from the paper chart, the list names her too, last, said no longer active;
    unticked, she goes, and the nurse typing is chosen again."""
    patient, amox, _ = night
    staff.deactivate_staff(session_for("admin"), "night")
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, amox, datetime.fromisoformat("2026-11-28T08:00+01:00"))
    now = _givers(dialog.given_by)
    assert [staff_id for staff_id, _ in now] == ["nurse", "doctor"]
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 08:05")
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    assert _givers(dialog.given_by) == [*now, ("night", "Noémie Faure (night) (no longer active)")]
    dialog.given_by.setCurrentIndex(1)
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)  # unticked: the doctor chosen stays chosen
    assert _givers(dialog.given_by) == now and dialog.given_by.currentData() == "doctor"
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    dialog.given_by.setFocus()
    QTest.keyClick(dialog.given_by, Qt.Key.Key_End)
    assert dialog.given_by.currentData() == "night"
    dialog.transcribed.setFocus()
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)  # given now after all: not by someone gone
    assert _givers(dialog.given_by) == now and dialog.given_by.currentData() == "nurse"
    QTest.keyClick(dialog.transcribed, Qt.Key.Key_Space)
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("night"))
    again = dose_dialog(nurse, amox, dialog.slot)  # her draft, reopened: the giver as chosen
    again.restore(dialog.typed(), clock())
    assert again.transcribed.isChecked() and again.given_by.currentData() == "night"
    dialog.save()
    type_text(reason_box(dialog, medication.Check.ALLERGY), "Tolerated before")
    saved = dialog.save()
    assert saved is not None and (saved.data["given_by"], saved.data["transcribed"]) == ("night", True)
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.given_by == "night"


def test_a_morphine_dose_from_paper_names_its_witness_deactivated_since(dose_dialog, night, session_for, qtbot, type_text, clock):
    patient, _, morphine = night
    staff.deactivate_staff(session_for("admin"), "night")
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, morphine)
    dialog.given_at.clear()
    type_text(dialog.given_at, "29/11/2026 02:30")
    type_text(dialog.given_for, "pain 7/10")
    dialog.transcribed.setChecked(True)
    assert _givers(dialog.witness_on_paper)[-1] == ("night", "Noémie Faure (night) (no longer active)")
    dialog.witness_on_paper.setCurrentIndex(dialog.witness_on_paper.findData("night"))
    saved = dialog.save()
    assert saved is not None and (saved.data["witness"], saved.data["transcribed"]) == ("night", True)
