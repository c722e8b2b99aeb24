"""The doctor writes on the order screen that co-careldopa is given covertly, is asked how, when
and by whom it was decided, and saves; the nurse's round and dose dialog then say how it is given;
the pharmacist who advised writes a clinical note (review R2, defect D2;
tests/test_covert_administration.py)."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.domain.roles import Role
from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import FLAGS, MedicationPanel
from downtime.services import medication, staff
from downtime.services.context import Session, Vault, load_device

ORDER = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
         "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False,
         "high_alert": False, "time_critical": True}
FLAG = "COVERT: in yoghurt; crush IR only, not the MR (review by 05/12)"


def test_the_doctor_writes_it_covert_and_the_round_and_the_dose_say_how(
        order_form_on_bed_12, qtbot, session_for, patient, type_text, clock, tmp_path):
    window, view = order_form_on_bed_12(session_for("doctor"))
    for field_id, value in ORDER.items():
        view.editors[field_id].set_value(value)
    how = view.editors["covert_how"].widget
    assert not how.isVisible()
    QTest.keyClicks(view.editors["covert"].combo, "Y")  # the first letters choose the option
    assert how.isVisible()
    view.save()
    assert view.record is None
    assert [field for field, label in view.error_labels.items() if not label.isHidden()] == [
        "covert_how", "covert_decided_at", "covert_decided_by"]
    type_text(view.editors["covert_how"].edit, "in yoghurt; crush IR only, not the MR")
    type_text(view.editors["covert_decided_at"].edit, "28/11/2026 11:30")
    type_text(view.editors["covert_decided_by"].edit, "Dr Karim Benali, consultant")
    type_text(view.editors["covert_pharmacist"].edit, "Inès Roux")
    type_text(view.editors["covert_review_by"].edit, "05/12/2026 12:00")
    view.grab().save(str(tmp_path / "order.png"))
    view.save()
    assert view.record is not None and view.record.data["covert_pharmacist"] == "Inès Roux"

    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    row = next(row for row, item in enumerate(panel.model.rows) if item.slot.hour == 14)
    assert FLAG in panel.model.text(row, FLAGS)
    panel.table.setFocus()
    panel.table.selectRow(row)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    assert FLAG in dialog.order_line.text()
    dialog.grab().save(str(tmp_path / "dose.png"))
    assert medication.order(dialog.session.db, view.record.record_id).covert is not None


def test_the_pharmacist_writes_her_advice_as_a_clinical_note(select_bed, qtbot, patient, type_text, ward_db, db_path,
                                                             forms, clock, session_for):
    """Her window offers the clinical note (before, the reconciliation alone), which starts as
    another professional's, signed with her name."""
    staff.add_staff(session_for("admin"), "pharm", "Ines Roux", Role.PHARMACIST, "7777")
    pharmacist = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "pharm", "7777", clock), forms, clock,
                         "en", vault=Vault(db_path, ward_db))
    window = MainWindow(pharmacist)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    select_bed(window, "12")
    window.actions_by_id["record_clinical_note"].trigger()
    view = window.tabs.currentWidget()
    assert (view.editors["discipline"].display_text(), view.editors["written_by"].edit.text()) == (
        "Other professional", "Ines Roux")
    view.editors["written_at"].set_value("2026-11-28T11:40+01:00")
    type_text(view.editors["note"].edit, "Co-careldopa IR may be crushed into yoghurt; never crush the MR.")
    view.save()
    assert view.record is not None and view.record.author == "pharm"


def test_the_rounds_rows_are_read_at_the_time_the_model_is_given(session_for, patient, clock):
    """S8: `RoundModel.now` was None until the panel's refresh set it, and a covert order's flag
    read before then (`covert.flag` asks whether the order still runs at that time) crashed: the
    model is made with its time."""
    from downtime.qt.medication_panel import RoundModel
    from downtime.services import records

    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {
        **ORDER, "covert": True, "covert_how": "in yoghurt; crush IR only, not the MR",
        "covert_decided_at": "2026-11-28T11:30+01:00", "covert_decided_by": "Dr Karim Benali, consultant",
        "covert_review_by": "2026-12-05T12:00+01:00"}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-28T14:05+01:00")
    model = RoundModel(doctor.form(medication.ORDER_FORM), at)
    model.set_rows(medication.round_list(doctor.db, doctor.forms, "3B", at))
    assert model.now == at
    assert FLAG in model.text(0, FLAGS)
