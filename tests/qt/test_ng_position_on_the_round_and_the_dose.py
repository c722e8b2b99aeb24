"""A dose by nasogastric tube while the line chart says the tube's position is not confirmed: the
round's flags and the dose dialog say it, and Save asks a reason to give it over, kept with the dose;
no tube charted is said in the dialog, not asked; a feed charted on the fluid chart through it
asks the nurse (tests/test_ng_position_at_use.py). The tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import FLAGS
from downtime.services import devices, fluid_balance, medication, records
from tests.test_ng_position_at_use import FEED, LEVODOPA, TUBE

DUE = datetime.fromisoformat("2026-11-28T14:00+01:00")
FLAG = "NG POSITION NOT CONFIRMED (28/11 10:00): nothing by it until confirmed"


def _dialog(session, qtbot, order_id: str) -> DoseDialog:
    dialog = DoseDialog(session, medication.order(session.db, order_id), DUE)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_round_flags_a_dose_by_an_unconfirmed_tube_not_one_by_vein(qtbot, session_for, medication_ward):
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.medication)
    model = window.medication.model
    rows = {model.rows[row].order.route: row for row in range(model.rowCount()) if model.rows[row].slot.hour == 14}
    assert FLAG in model.flag_words(rows["NG"], whole=True)
    assert "NG POSITION NOT CONFIRMED (28/11 10:00)" in model.text(rows["NG"], FLAGS)
    assert "nothing by it" not in model.text(rows["NG"], FLAGS)
    assert model.is_warning(rows["NG"], FLAGS)
    assert model.rows[rows["IV"]].order.record_id == amoxicillin
    assert "NG POSITION" not in model.flag_words(rows["IV"], whole=True)


def test_the_dose_dialog_says_it_and_save_asks_the_reason(qtbot, session_for, patient, type_text, tmp_path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    uncharted = _dialog(nurse, qtbot, order)
    assert "NO NG TUBE CHARTED IN on the line chart" in uncharted.order_line.text()
    uncharted.close()
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    dialog = _dialog(nurse, qtbot, order)
    assert FLAG in dialog.order_line.text()
    assert dialog.save() is None
    [(check, said)] = [key for key in dialog.override_edits if key[0] is Check.NG_POSITION]
    assert said.startswith("Co-careldopa 25/100 is recorded given by nasogastric tube at 14:00")
    assert any(label.text() == "⚠ " + said for label in dialog.findChildren(type(dialog.error)))
    type_text(dialog.override_edits[check, said], "pH 4 at 13:55, chart to follow")
    dialog.grab().save(str(tmp_path / "dose.png"))
    saved = dialog.save()
    assert saved is not None
    assert {"check": "ng_position", "reason": "pH 4 at 13:55, chart to follow"} in saved.data["overrides"]


def test_a_feed_charted_through_an_unconfirmed_tube_asks_the_nurse_and_no_leaves_it_unsaved(
        window_for, session_for, patient, form_on_bed_12, answers):
    script, asked = answers
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    window = window_for(nurse)
    form = form_on_bed_12(window, fluid_balance.FORM)
    for field_id, value in FEED.items():
        form.editors[field_id].set_value(value)
    script["confirm"] = [False]
    form.save()
    assert form.record is None and asked == [("confirm", "NG tube position not confirmed")]
    script["confirm"] = [True]
    form.save()
    assert form.record is not None and form.record.data["route"] == "in_enteral"
    oral = form_on_bed_12(window, fluid_balance.FORM)
    for field_id, value in {**FEED, "route": "in_oral"}.items():
        oral.editors[field_id].set_value(value)
    oral.save()
    assert oral.record is not None and len(asked) == 2


def test_a_tube_whose_check_is_overdue_is_flagged_on_the_round_and_asked_in_the_dialog(
        qtbot, session_for, medication_ward, tmp_path):
    """Confirmed by X-ray at 10:00 yesterday, its next check due at 18:00, none since (review s67
    S1): the round and the dose dialog said nothing, Save asked nothing."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-27T10:00+01:00", "position_by": "xray"},
                     patient_id=patient)
    overdue = "NG POSITION CHECK OVERDUE (last checked 27/11 10:00, due 27/11 18:00)"
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.medication)
    model = window.medication.model
    (row,) = [row for row in range(model.rowCount())
              if model.rows[row].slot.hour == 14 and model.rows[row].order.route == "NG"]
    assert overdue in model.text(row, FLAGS) and model.is_warning(row, FLAGS)
    window.grab().save(str(tmp_path / "round.png"))
    dialog = _dialog(nurse, qtbot, order)
    assert overdue + ": nothing by it until confirmed" in dialog.order_line.text()
    dialog.grab().save(str(tmp_path / "dose.png"))
    assert dialog.save() is None
    assert [key for key in dialog.override_edits if key[0] is Check.NG_POSITION] != []


def test_a_dose_typed_from_paper_through_an_unconfirmed_tube_is_saved_and_what_to_do_told(
        qtbot, session_for, medication_ward, answers):
    """Given already, it is not asked at Save, and was saved without a word (review s67 T3)."""
    _, asked = answers
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-28T07:00+01:00"}, patient_id=patient)
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), datetime.fromisoformat("2026-11-28T08:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.transcribed.setChecked(True)
    dialog.given_at.setText("28/11/2026 08:00")
    assert dialog.save() is not None, dialog.error.text()
    [(kind, said)] = asked
    assert kind == "info" and said.startswith(
        "Co-careldopa 25/100 is recorded given from the paper chart by nasogastric tube at 08:00, and the tube's "
        "position is not confirmed on the line chart (Left nostril, checked 07:00)")
