"""The dose dialog of warfarin by INR shows the latest INR beside "Measured value" and starts it
with the day's, as it does a capillary glucose for insulin; the nurse who types another, or gives
into an INR above its range, is asked why before Save (services.anticoagulation): yesterday's
"INR 2.4" was typed from the paper chart over the 5.8 phoned at 13:00, and 3 mg saved unasked."""

from datetime import datetime

from PySide6.QtWidgets import QLabel

from downtime.domain.medication import Check
from downtime.services import records

RULE = "INR under 2: 5 mg; 2 to 3: 3 mg; 3 to 4: 1 mg; over 4: none and tell the doctor"
SLOT = datetime.fromisoformat("2026-11-28T18:00+01:00")


def _warfarin_after_an_inr(session_for, patient, received_at: str, value: str):
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Warfarin", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "18:00",
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True, "dose_rule": RULE},
        patient_id=patient).record_id
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_result", {
        "received_by": "telephone", "caller": "Lab, biochemistry", "read_back": True, "test": "INR", "result": value,
        "units": "", "range": "2.0–3.0", "flag": "critical", "received_at": received_at, "told": "Dr Benali",
        "told_at": received_at, "acknowledged": True, "action": "Doctor informed"}, patient_id=patient)
    return nurse, order


def test_the_dialog_shows_the_latest_inr_and_asks_before_giving_into_it(qtbot, session_for, medication_ward, clock,
                                                                        dose_dialog, type_text, reason_box):
    nurse, order = _warfarin_after_an_inr(session_for, medication_ward[0], "2026-11-28T13:00+01:00", "5.8")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    dialog = dose_dialog(nurse, order, SLOT)
    assert dialog.latest_glucose.isVisible() and dialog.latest_glucose.text() == "Latest INR: 5.8 at 28/11 13:00"
    assert dialog.decided_on.text() == "INR 5.8"
    dialog.decided_on.clear()
    type_text(dialog.decided_on, "INR 2.4")
    type_text(dialog.dose, "3")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "⚠ Warfarin: INR 5.8 (2.0–3.0) received 28/11 13:00: hold and ask the doctor." in shown
    assert ("⚠ Warfarin: the reading typed (INR 2.4) is not the latest INR (5.8, received 28/11 13:00): check which "
            "is right before giving.") in shown
    type_text(reason_box(dialog, Check.INR_HIGH), "Dr Benali: 1 mg tonight")
    type_text(reason_box(dialog, Check.INR_TYPED), "INR 2.4 was yesterday's")
    assert dialog.witness_pin.text() == ""  # typed again, as a witness's is
    type_text(dialog.witness_pin, "2222")
    saved = dialog.save()
    assert saved is not None and [item["check"] for item in saved.data["overrides"]] == ["inr_high", "inr_typed"]


def test_an_inr_of_days_ago_is_shown_but_not_typed_for_the_nurse(session_for, medication_ward, clock, dose_dialog):
    nurse, order = _warfarin_after_an_inr(session_for, medication_ward[0], "2026-11-26T13:00+01:00", "2.4")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    dialog = dose_dialog(nurse, order, SLOT)
    assert dialog.latest_glucose.text() == "Latest INR: 2.4 at 26/11 13:00"
    assert dialog.decided_on.text() == ""


def test_an_inr_beyond_the_assay_is_shown_as_the_lab_gave_it(session_for, medication_ward, clock, dose_dialog):
    """"> 8" phoned at 13:00: the dialog showed yesterday's 2.4 as the latest INR."""
    nurse, order = _warfarin_after_an_inr(session_for, medication_ward[0], "2026-11-27T13:00+01:00", "2.4")
    records.save_new(nurse, "lab_result", {
        "received_by": "telephone", "caller": "Lab, biochemistry", "read_back": True, "test": "INR", "result": "> 8",
        "units": "", "range": "2.0–3.0", "flag": "critical", "received_at": "2026-11-28T13:00+01:00",
        "told": "Dr Benali", "told_at": "2026-11-28T13:00+01:00", "acknowledged": True, "action": "Doctor informed"},
        patient_id=medication_ward[0])
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    dialog = dose_dialog(nurse, order, SLOT)
    assert dialog.latest_glucose.text() == "Latest INR: > 8 at 28/11 13:00"
    assert dialog.decided_on.text() == "INR > 8"


def test_another_anticoagulant_beside_it_is_said_as_one_not_as_an_order_given_twice(
        session_for, medication_ward, clock, dose_dialog):
    """Enoxaparin bridging the warfarin: "ask the prescriber before giving more than one of these
    orders" read as "give only one"."""
    nurse, order = _warfarin_after_an_inr(session_for, medication_ward[0], "2026-11-28T13:00+01:00", "1.4")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Enoxaparin", "dose": 90.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=medication_ward[0])
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    dialog = dose_dialog(nurse, order, SLOT)
    assert dialog.also_ordered.text() == (
        "ALSO ON AN ANTICOAGULANT: Enoxaparin 90 mg SC, at 20:00, from 27/11/2026 10:00")
