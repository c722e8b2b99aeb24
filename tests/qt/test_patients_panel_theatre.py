"""The Patients tab names a patient's operation standing in the next two days, its date, theatre
and fasting times, as the handover sheet does: nothing on the ward's screens said it (R4 D3)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.test_census_standing_operation import _rebooked


def test_the_patients_list_says_the_operation_and_its_fasting(window_for, session_for, admission_values, qtbot):
    from downtime.qt.patients_panel import NAME
    from downtime.services import records

    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    panel = window_for(nurse).patients
    qtbot.waitUntil(lambda: any(row.patient and row.patient.patient_id == patient_id for row in panel.model.rows))
    number = next(n for n, row in enumerate(panel.model.rows) if row.patient and row.patient.patient_id == patient_id)
    assert panel.model.text(number, NAME).endswith(
        " — THEATRE: Hernia repair Sun 29/11 08:00 T2 — nothing to eat from 02:00, clear fluids until 06:00")
    assert panel.table.rowHeight(number) >= panel.table.sizeHintForRow(number), "wrapped whole, not cut"


def test_a_patient_with_no_operation_coming_reads_no_theatre(window_for, session_for, admission_values, qtbot):
    from downtime.qt.patients_panel import NAME
    from downtime.services import records

    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    panel = window_for(nurse).patients
    qtbot.waitUntil(lambda: any(row.patient and row.patient.patient_id == patient_id for row in panel.model.rows))
    number = next(n for n, row in enumerate(panel.model.rows) if row.patient and row.patient.patient_id == patient_id)
    assert "THEATRE" not in panel.model.text(number, NAME)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_operations_day_time_and_fasting_are_in_sight_on_a_laptop(laptop_window, listed, session_for,
                                                                      admission_values, shown_whole, app_style, lang):
    """At 1092×582 the Theatre column began after the NEWS2 at x=925 of a 1068-pixel list (983 in
    French), 480 pixels wide: "Total hip re…" in sight, the day, time and fasting (what the night
    nurse acts on) only by scrolling sideways (T3 D2). The cell saying them lies within the list's
    width, wrapped whole."""
    from dataclasses import replace

    from downtime.services import records

    nurse = replace(session_for("nurse"), lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    panel = listed(laptop_window(nurse, 1092, 582).patients)
    QApplication.processEvents()
    model = panel.model
    number = next(n for n, row in enumerate(model.rows) if row.patient and row.patient.patient_id == patient_id)
    column = next(column for column in range(model.columnCount()) if "29/11 08:00" in model.text(number, column))
    assert "02:00" in model.text(number, column), "the fasting said with the operation's time"
    assert shown_whole(panel.table, number, column), model.text(number, column)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_operations_fasting_can_be_scrolled_to_at_the_largest_text(laptop_window, listed, session_for, qapp,
                                                                       admission_values, app_style, lang):
    """At the largest text on a 1092×582 laptop the list keeps 111 to 145 pixels below the
    banner, and the patient's row, the operation by their name, is 289 to 321 pixels tall: moved
    a whole row at a time, the list could not show its last lines, the fasting among them. The
    list scrolls far enough to show the row's last line."""
    from dataclasses import replace

    from downtime.qt.style import TEXT_SIZES, change_text_size
    from downtime.services import records

    nurse = replace(session_for("nurse"), lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    change_text_size(qapp, len(TEXT_SIZES))
    try:
        panel = listed(laptop_window(nurse, 1092, 582).patients)
        QApplication.processEvents()
        table = panel.table
        number = next(n for n, row in enumerate(panel.model.rows) if row.patient and row.patient.patient_id == patient_id)
        table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
        assert table.rowViewportPosition(number) + table.rowHeight(number) <= table.viewport().height()
    finally:
        change_text_size(qapp, -len(TEXT_SIZES))
