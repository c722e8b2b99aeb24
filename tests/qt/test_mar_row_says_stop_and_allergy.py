"""The MAR screen's medicine line said "Metformin 1 g PO" of an order held for an AKI, and
"Co-amoxiclav 1.2 g IV" of one whose patient was since recorded anaphylactic to penicillin: only
the printed chart said either."""
from datetime import datetime

from PySide6.QtCore import Qt

from downtime.qt.mar_view import MarView
from downtime.services import records, wards
from tests.test_allergy_reason_and_holds import CO_AMOXICLAV, _written_before_the_allergy
from tests.test_stop_reason_on_the_mar import HELD, held_metformin


def _medicine_lines(view: MarView) -> list[tuple[str, str]]:
    model = view.model
    return [(model.data(model.index(line, 0), Qt.ItemDataRole.DisplayRole),
             model.data(model.index(line, 0), Qt.ItemDataRole.ToolTipRole)) for line in range(model.rowCount())]


def test_the_medicine_tooltip_says_why_it_was_stopped(qtbot, session_for, patient, clock):
    held_metformin(session_for, patient, clock)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    assert all(f"Stopped 28/11 10:30: {HELD}" in tooltip for _, tooltip in _medicine_lines(view))


def test_the_medicine_line_says_the_allergy_recorded_since(qtbot, session_for, admission_values):
    _, patient, _ = _written_before_the_allergy(session_for, admission_values)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    ((shown, tooltip),) = {line for line in _medicine_lines(view)}
    said = ("NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber to "
            "review the order (amend it with the allergy acknowledged, or stop it)")
    assert "NOT TO BE GIVEN — ALLERGY SINCE ORDER: Penicillin (Anaphylaxis, severe)" in shown, shown
    assert said in tooltip and said in view.allergies_said.text(), tooltip
    assert view.model.is_warning(0, 0)


def test_the_stop_is_said_once_on_the_rows_and_its_reason_in_the_tooltip(qtbot, session_for, patient, clock):
    """Metformin at 08:00 and 18:00 with a long reason: each row read it whole, and at the
    largest text the red allergy row below was out of sight."""
    held_metformin(session_for, patient, clock)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    (first, first_tip), (second, second_tip) = _medicine_lines(view)
    assert first.endswith("Stopped 28/11 10:30") and HELD not in first, first
    assert "Stopped" not in second, second
    assert f"Stopped 28/11 10:30: {HELD}" in first_tip and f"Stopped 28/11 10:30: {HELD}" in second_tip


def test_the_allergy_is_said_short_on_the_rows_and_whole_above_the_chart(qtbot, session_for, admission_values,
                                                                         clock):
    """Co-amoxiclav qds: each of its four rows read the whole 190-character sentence, and at the
    largest text not one row was seen whole and the orders below were 900 pixels down. Each row
    says the round's short flag, in red, "not to be given" first; every tooltip whole, and the
    line above the chart, with the order it is said of last."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T07:30+01:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-27T09:00+01:00"})
    records.save_new(doctor, "medication_order", {
        **CO_AMOXICLAV, "times": "06:00 12:00 18:00 22:00", "start_at": "2026-11-28T06:00+01:00",
        "review_at": "2026-11-30T16:00+01:00"}, patient_id=admission.patient_id)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}, "daughter: anaphylaxis")
    view = MarView(session_for("nurse"), admission.patient_id, days=1)
    qtbot.addWidget(view)
    said = ("NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber to "
            "review the order (amend it with the allergy acknowledged, or stop it)")
    lines = _medicine_lines(view)
    assert len(lines) == 4
    assert all("NOT TO BE GIVEN — ALLERGY SINCE ORDER: Penicillin (Anaphylaxis, severe)" in shown and said not in shown
               and said in tooltip for shown, tooltip in lines), lines
    assert view.allergies_said.text() == f"{said} — orders: Co-amoxiclav 1.2 g IV"
    assert all(view.model.is_warning(line, 0) for line in range(4))
