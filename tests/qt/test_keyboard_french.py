"""A French nurse at the keyboard: the dose dialog's time box answers "M" for now as a form's
does, an impossible hour is said as such, and the patient list's code status reads as the
admission form and the printed census write it."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.formspec.schema import Lang
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.i18n import set_language
from downtime.services import census, medication, records

NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def in_language() -> Iterator[Callable[[Lang], None]]:
    """in_language("fr"): the interface in that language until the test ends."""
    yield set_language
    set_language("en")


@pytest.fixture
def dose_at_eight(qtbot, session_for, medication_ward, clock, in_language) -> Callable[[Lang], DoseDialog]:
    """dose_at_eight(lang): the dose dialog of the 08:00 amoxicillin opened at 14:00 from the
    chart's cell, its time filled in at 08:00 for a dose typed from the paper chart, and active."""
    _, amoxicillin, _ = medication_ward

    def opened(lang: Lang) -> DoseDialog:
        in_language(lang)
        nurse = session_for("nurse", lang)
        slot = clock().replace(hour=8)
        dialog = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), slot, from_chart=True)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.given_at.setFocus()
        dialog.given_at.selectAll()
        return dialog

    return opened


@pytest.mark.parametrize("lang, typed, key, hint", [
    ("fr", "m", Qt.Key.Key_Return, "JJ/MM/AAAA HH:MM, ou M pour maintenant"),
    ("fr", "Maintenant", Qt.Key.Key_Tab, "JJ/MM/AAAA HH:MM, ou M pour maintenant"),
    ("en", "n", Qt.Key.Key_Return, "DD/MM/YYYY HH:MM, or N for now"),
    ("en", "now", Qt.Key.Key_Tab, "DD/MM/YYYY HH:MM, or N for now"),
], ids=["fr-m-Enter", "fr-maintenant-Tab", "en-n-Enter", "en-now-Tab"])
def test_now_typed_in_the_dose_time_is_now(dose_at_eight, lang, typed, key, hint):
    """"M, Entrée" is now in every date and time box, the shortcuts help says: the dose dialog's
    kept the "m" and Save asked for the date and time written in full."""
    dialog = dose_at_eight(lang)
    assert dialog.given_at.text() == "28/11/2026 08:00"
    QTest.keyClicks(dialog.given_at, typed)
    QTest.keyClick(dialog.given_at, key)
    assert dialog.given_at.text() == "28/11/2026 14:00"
    assert QApplication.focusWidget() is not dialog.given_at  # Enter and Tab went on to the next box
    assert dialog.given_at.placeholderText() == hint


def test_now_typed_follows_the_clock_until_save(dose_at_eight, clock):
    """Typed at the cell of a past dose, now is the dose given now: it follows the clock as a
    dose opened on the round does, and is said given late rather than filled in at its time."""
    dialog = dose_at_eight("en")
    assert dialog.timing.text().startswith("ACTUAL TIME FILLED IN AT ITS SCHEDULED TIME")
    QTest.keyClicks(dialog.given_at, "n")
    QTest.keyClick(dialog.given_at, Qt.Key.Key_Return)
    assert "AFTER ITS TIME (28/11 08:00)" in dialog.timing.text()
    clock.advance(minutes=10)
    dialog.now_timer.timeout.emit()
    assert dialog.given_at.text() == "28/11/2026 14:10"
    assert dialog.values()["given_at"] == "2026-11-28T14:10+01:00"


def test_a_time_typed_is_not_taken_for_now(dose_at_eight):
    dialog = dose_at_eight("fr")
    QTest.keyClicks(dialog.given_at, "28/11/2026 08:20")
    QTest.keyClick(dialog.given_at, Qt.Key.Key_Return)
    assert dialog.given_at.text() == "28/11/2026 08:20"
    assert dialog.values()["given_at"] == "2026-11-28T08:20+01:00"


def test_an_impossible_hour_in_the_dose_time_is_said_as_such(dose_at_eight):
    """"25:10" was answered "write the date and time as DD/MM/YYYY HH:MM", the very form typed."""
    dialog = dose_at_eight("fr")
    QTest.keyClicks(dialog.given_at, "28/11/2026 25:10")
    QTest.keyClick(dialog.given_at, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.text() == "« Heure réelle » : 25:10 n’est pas une heure (00:00 à 23:59)."
    assert QApplication.focusWidget() is dialog.given_at


def test_the_code_status_on_the_french_list_reads_as_on_the_form_and_the_census(session_for, admission_values, forms,
                                                                                in_language):
    """"Réanimation" is the intensive care unit on a French ward, and said nothing of CPR; the
    admission form and the printed census say "RCP en cas d’arrêt". The list's words are the
    form's, or its first words ("Pas de RCP" of "Pas de RCP (décision tracée)")."""
    from downtime.qt.patients_panel import PatientTableModel, Row

    nurse = session_for("nurse")
    on_form = {option.code: option.label.get("fr") for option in forms["admission"].field("resuscitation").options}
    decided = {"resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00"}
    admitted = records.save_new(nurse, "admission", {**admission_values, "resuscitation": "dnacpr", **decided})
    model = PatientTableModel()
    on_list = {}
    in_language("fr")
    for hour, code in enumerate(on_form, start=11):
        # Each change is the doctor's, an hour after the last: a lift says when, a DNACPR decided again
        # comes after the lift it follows.
        at = f"2026-11-28T{hour}:00+01:00"
        changed = ({"resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": at} if code == "dnacpr"
                   else {"resuscitation_lifted_at": at})
        records.amend(nurse, admitted.record_id, {**records.current(nurse.db, admitted.record_id).data,
                                                  "resuscitation": code, **changed}, "code status discussed")
        model.set_rows([Row(p.ward or "", p.bed, p) for p in census.in_patients(nurse.db, forms)])
        on_list[code] = model.text(0, 4)
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "RCP"
    assert on_list["full"] == "RCP en cas d’arrêt"
    assert all(on_form[code] == said or on_form[code].startswith(said + " (") for code, said in on_list.items()), on_list


def test_the_code_status_stays_whole_beside_a_long_note_of_who_was_told(qtbot, session_for, admission_values, listed,
                                                                          in_language, app_style):
    """On the French escalation list of a 1366-pixel laptop, "RCP en cas d’arrêt", the last
    column, was cut to "RCP en cas …" by the note of who was told (whole in its tooltip)."""
    from downtime.qt.observations_view import EscalationModel, EscalationPanel
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", "fr")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    told = ("Registrar Dr Marchetti told at 04:21, came to review, plan agreed with the nurse in charge: "
            "repeat the set in an hour")
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3, "notes": told}, patient_id=patient)
    in_language("fr")
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.resize(1340, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    listed(panel)
    table = panel.table
    assert panel.model.text(0, EscalationModel.RESUS) == "RCP en cas d’arrêt"
    assert table.columnWidth(EscalationModel.RESUS) >= table.sizeHintForColumn(EscalationModel.RESUS)
    header = table.horizontalHeader()
    assert header.sectionPosition(EscalationModel.RESUS) + header.sectionSize(EscalationModel.RESUS) \
        <= table.viewport().width()
