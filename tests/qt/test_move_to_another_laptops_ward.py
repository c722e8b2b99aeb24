"""A move saved to a ward that another laptop serves: that laptop learns the patient's allergies,
orders and resuscitation decision only from the stick made for it, and nothing said so; the doses
due and the bags running stayed on this laptop's charts, which its own ward's lists no longer read."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.prompts import Prompts
from downtime.qt.transfer_dialogs import ExportDialog
from downtime.services import records, settings, wards
from tests.qt.test_leaving_asks import HYPO
from tests.test_leaving import booked_for_monday, drip_up  # noqa: F401 (fixtures)


def _ward_laptop(window, session_for, admission_values) -> str:
    """Ward 3B's laptop, 5A on another one; a patient on 3B with a hypo's recheck still due."""
    admin = session_for("admin")
    for code in ("3B", "5A"):
        wards.add_ward(admin, code, code, [str(n) for n in range(1, 13)])
    settings.set_laptop_ward(admin, "3B")
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(window.session, "blood_glucose", HYPO, patient_id=admitted.patient_id)
    return admitted.patient_id


def _move(window, patient_id: str, ward: str, bed: str):
    form = window.open_new(window.session.form("transfer"), patient_id)
    for name, value in (("moved_at", "2026-11-28T14:00+01:00"), ("to_ward", ward), ("to_bed", bed),
                        ("reason", "Step-down")):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return form


def test_a_move_to_another_laptops_ward_asks_what_is_due_and_tells_of_the_stick(
        window, session_for, admission_values, answers, monkeypatch):
    """Asked first what the charts still ask (as a discharge is), then told at the save that 5A
    is on another laptop and its stick must go with the patient; Yes opens the export with the
    box for another ward ticked: the window's own export, whose end reads the banner again."""
    patient_id = _ward_laptop(window, session_for, admission_values)
    script, asked = answers
    script["confirm"] = [True, True]
    opened: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "open", lambda dialog: opened.append(dialog))
    banner_read: list[object] = []
    monkeypatch.setattr(window.banner, "show_not_exported", lambda *_: banner_read.append(True))
    form = _move(window, patient_id, "5A", "4")
    assert form.record is not None, form.summary.text()
    assert asked == [("confirm", "Still asked of this patient"), ("confirm", "Ward on another laptop?")]
    (dialog,) = opened
    assert dialog.for_another_ward.isChecked()
    banner_read.clear()  # the save read it
    dialog.finished.emit(0)
    assert banner_read


def test_a_move_to_another_ward_keeps_the_bag_running_and_the_operation_booked(
        window, session_for, booked_for_monday, drip_up, monkeypatch):  # noqa: F811 (fixtures)
    """The patient stays in hospital: the discharge's words had the nurse chart a stop of the
    saline going on to 5A, and have the coordinator cancel Monday's hip."""
    wards.add_ward(session_for("admin"), "5A", "5A", [str(n) for n in range(1, 13)])
    settings.set_laptop_ward(session_for("admin"), "3B")
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or False))
    patient, _ = booked_for_monday
    form = _move(window, patient, "5A", "4")
    assert form.record is None
    assert ("• INFUSION RUNNING: Sodium chloride 0.9% 1000 mL IV at 125 mL/h, running at 125 mL/h since 10:00: it "
            "goes with the patient: tell ward 5A's nurse; do not chart a stop") in said[0]
    assert ("• Booked: Hip hemiarthroplasty, LEFT, 30/11 08:00, T1: the booking stands: tell the surgical "
            "coordinator the patient is now on ward 5A") in said[0]
    assert "cancel" not in said[0] and "record its stop" not in said[0]


def test_a_move_within_this_laptops_ward_asks_nothing(window, session_for, admission_values, answers):
    patient_id = _ward_laptop(window, session_for, admission_values)
    _, asked = answers
    form = _move(window, patient_id, "3B", "4")
    assert form.record is not None, form.summary.text()
    assert asked == []
