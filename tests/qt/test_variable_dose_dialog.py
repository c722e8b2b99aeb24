"""The dose dialog of a variable-dose order (insulin by capillary glucose): its rule whole above
the dose, the dose box empty for what the rule gives now (filled with the order's most, a nurse
pressing Save gave the most whatever the glucose), and the glucose reading it was decided on asked."""

from datetime import datetime

from PySide6.QtWidgets import QLabel

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records
from tests.test_glucose_insulin import glucose_charted

RULE = "capillary glucose under 8: none; 8 to 12: 2 units; 12 to 16: 4 units; over 16: 6 units and call the doctor"



def _sliding_scale(session_for, patient, times, charted_at, glucose):
    """Insulin aspart by the sliding scale at `times`, a capillary glucose charted at `charted_at`:
    (the nurse, the order's id)."""
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": times, "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True, "dose_rule": RULE}, patient_id=patient).record_id
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, charted_at, glucose)
    return nurse, order


def _opened(qtbot, nurse, order, at):
    """The dose dialog of `order` at `at`, shown as the nurse opens it."""
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), datetime.fromisoformat(at))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog

def test_the_nurse_reads_the_rule_and_types_the_dose_it_gives(qtbot, session_for, medication_ward, type_text):
    patient = medication_ward[0]
    nurse, order = _sliding_scale(session_for, patient, "08:00 12:00 18:00", "2026-11-28T07:55+01:00", 13.2)
    dialog = _opened(qtbot, nurse, order, "2026-11-28T08:00+01:00")
    assert dialog.rule is not None and dialog.rule.isVisible() and dialog.rule.text() == f"Variable dose: {RULE}"
    assert "Insulin aspart up to 6 units SC" in dialog.order_line.text()
    assert "VARIABLE\u00a0DOSE:\u00a0type\u00a0what\u00a0its\u00a0rule\u00a0gives" in dialog.order_line.text()
    assert dialog.dose.text() == ""
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 08:05")
    type_text(dialog.dose, "4")
    type_text(dialog.witness_id, "doctor")  # an insulin's second check
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None and dialog.focusWidget() is dialog.decided_on
    assert dialog.error.text() == "“Reading the dose was decided on (variable dose)” is required."
    type_text(dialog.decided_on, "capillary glucose 13.2 mmol/L")
    saved = dialog.save()
    assert saved is not None and saved.data["dose_given"] == 4.0
    assert saved.data["decided_on"] == "capillary glucose 13.2 mmol/L"


def test_the_round_gives_a_variable_dose_as_the_most_it_may_be(qtbot, session_for, medication_ward):
    """The round's Dose column read "6 units" for insulin by its scale, where the chart and the
    dialog read "up to 6 units": the nurse on the round took the most for the dose."""
    from downtime.qt.main_window import MainWindow

    patient = medication_ward[0]
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True, "dose_rule": RULE}, patient_id=patient)
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.show_round()
    panel = window.medication
    doses = {panel.model.texts(row)[5]: panel.model.texts(row)[6] for row in range(panel.model.rowCount())}
    assert doses["Insulin aspart"] == "up to 6 units" and doses["Amoxicillin"] == "1 g"


def test_the_dialog_shows_the_charts_latest_glucose_and_asks_when_another_is_typed(qtbot, session_for,
                                                                                   medication_ward, type_text):
    """R2 #2: the dialog said nothing of the chart, the nurse typed the reading from memory, and
    4 units given on "15.1" (another patient's) where the chart said 5.1 asked nothing."""
    patient = medication_ward[0]
    nurse, order = _sliding_scale(session_for, patient, "14:00", "2026-11-28T13:55+01:00", 5.1)
    dialog = _opened(qtbot, nurse, order, "2026-11-28T14:00+01:00")
    assert dialog.latest_glucose.isVisible()
    assert dialog.latest_glucose.text() == "Latest capillary glucose: 5.1 mmol/L at 28/11 13:55"
    assert dialog.decided_on.text() == "capillary glucose 5.1 mmol/L"
    dialog.decided_on.clear()
    type_text(dialog.decided_on, "capillary glucose 15.1")
    type_text(dialog.dose, "4")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None
    assert ("⚠ Insulin aspart: the measured value “capillary glucose 15.1” differs from the latest charted "
            "capillary glucose, 5.1 mmol/L at 28/11 13:55: check which is the patient's before giving insulin by its "
            "rule.") in [label.text() for label in dialog.findChildren(QLabel)]


def test_the_nurse_records_none_by_its_rule_with_the_reading_and_no_second_check(qtbot, session_for, medication_ward,
                                                                                 type_text):
    """R2 #4: at a glucose the rule gives none of, the dialog had "not given, other" (a
    time-critical dose missed, "tell the doctor") or "0 units given" (a second checker's PIN for
    nothing). It offers "none by its rule" for a variable-dose order alone, asks the reading, the
    chart's filled in, and saves on the nurse's word; 0 units given is refused pointing to it."""
    patient, amoxicillin, _ = medication_ward
    nurse, order = _sliding_scale(session_for, patient, "14:00", "2026-11-28T13:55+01:00", 6.2)
    slot = datetime.fromisoformat("2026-11-28T14:00+01:00")
    other = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), slot)
    qtbot.addWidget(other)
    assert "Z — None by its rule (reading)" not in [other.reason.itemText(i) for i in range(other.reason.count())]
    dialog = _opened(qtbot, nurse, order, slot.isoformat())
    type_text(dialog.dose, "0")
    assert dialog.save() is None and dialog.focusWidget() is dialog.dose
    assert "record the dose not given, “Z — None by its rule (reading)”, with the reading" in dialog.error.text()
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.decided_on.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason.findText("Z — None by its rule (reading)"))
    assert dialog.decided_on.isVisible() and dialog.latest_glucose.isVisible()
    assert dialog.decided_on.text() == "capillary glucose 6.2 mmol/L"
    assert not dialog.witness_pin.isVisible()
    saved = dialog.save()
    assert saved is not None and "witness" not in saved.data
    assert (saved.data["outcome"], saved.data["not_given_reason"], saved.data["decided_on"]) == (
        "not_given", "by_rule", "capillary glucose 6.2 mmol/L")
