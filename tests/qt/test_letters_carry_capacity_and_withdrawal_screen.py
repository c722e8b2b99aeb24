"""The discharge screen starts with the patient's lack of capacity and alcohol withdrawal chart
filled in (services.prefill), for the nurse to check and change; saved, the letter keeps what the
screen showed, with what she typed (the words, both letters and French are in
tests/test_letters_carry_capacity_and_alcohol_withdrawal.py)."""

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea

from downtime.services import alcohol_withdrawal, capacity, records
from tests.test_capacity_assessment import LACKS
from tests.test_letters_carry_capacity_and_alcohol_withdrawal import LACKS_EN, SEIZURE

SHOTS = os.environ.get("DOWNTIME_SHOTS")
"""A folder to keep the screen's picture in, to look at; none in the suite."""


def test_the_discharge_screen_starts_with_both_and_saves_them(window, session_for, patient, answers):
    records.save_new(session_for("doctor"), capacity.FORM, LACKS, patient_id=patient)
    records.save_new(window.session, alcohol_withdrawal.FORM, SEIZURE, patient_id=patient)
    form = window.open_new(window.session.form("discharge"), patient)
    assert form.editors["capacity"].raw() == LACKS_EN
    withdrawal = form.editors["alcohol_withdrawal"].raw()
    assert withdrawal == ("CIWA-Ar 12 MODERATE (28/11/2026 10:00); SEIZURE (28/11/2026 10:00), doctor NOT told; "
                          "symptom-triggered doses on the MAR in the last 24 h: none; dose ticked on the CIWA-Ar, "
                          "not on the MAR: 28/11/2026 10:05; no thiamine prescribed")
    if SHOTS:
        form.findChild(QScrollArea).ensureWidgetVisible(form.editors["alcohol_withdrawal"].widget)
        form.grab().save(str(Path(SHOTS) / "discharge_form.png"))
    form.editors["discharged_at"].set_value("2026-11-28T14:00+01:00")
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    box = form.editors["alcohol_withdrawal"].widget
    box.moveCursor(box.textCursor().MoveOperation.End)
    QTest.keyClicks(box, " (chlordiazepoxide)")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    saved = records.current(window.session.db, form.record.record_id)
    assert saved.data["capacity"] == LACKS_EN
    assert saved.data["alcohol_withdrawal"] == withdrawal + " (chlordiazepoxide)"
