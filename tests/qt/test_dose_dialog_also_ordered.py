"""The dose dialog opened on a medicine the patient has another running order of says so above
the dose, in the interface's language, naming the other order as the round does: the label
itself, read as the nurse reads it, was tested only through the round."""

from datetime import datetime

import pytest

from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.i18n import set_language
from downtime.services import medication, records

SLOT = datetime.fromisoformat("2026-11-28T14:00+01:00")
DOLIPRANE = {"drug": "Doliprane", "dose": 500.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
             "times": "14:00 20:00", "start_at": "2026-11-28T05:00+01:00", "controlled": False, "high_alert": False}


@pytest.fixture
def doliprane_too(paracetamol, session_for, clock):
    """`paracetamol`, its regular gram at 14:00, and Doliprane (paracetamol) 500 mg IV at 14:00
    written beside it at 05:00, the clock at 09:00. Returns (nurse, regular paracetamol order)."""
    nurse, regular, _ = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    records.save_new(session_for("doctor"), "medication_order", DOLIPRANE, patient_id=regular.patient_id)
    return nurse, regular


def _opened(qtbot, nurse, order_id: str) -> DoseDialog:
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), SLOT)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dose_dialog_names_the_other_running_order_of_the_medicine(qtbot, doliprane_too):
    nurse, regular = doliprane_too
    dialog = _opened(qtbot, nurse, regular.record_id)
    assert dialog.also_ordered.text() == ("ALSO ORDERED: Doliprane 500 mg IV, at 14:00 20:00, from 28/11/2026 05:00 "
                                          "— ask the prescriber before giving more than one of these orders")
    assert dialog.also_ordered.isVisibleTo(dialog) and dialog.also_ordered.wordWrap()


def test_the_dose_dialog_names_it_in_french(qtbot, doliprane_too, session_for):
    _, regular = doliprane_too
    set_language("fr")
    try:
        dialog = _opened(qtbot, session_for("nurse", lang="fr"), regular.record_id)
        assert dialog.also_ordered.text() == (
            "AUSSI PRESCRIT : Doliprane 500 mg IV, à 14:00 20:00, à partir du 28/11/2026 05:00 — demander au "
            "prescripteur avant de donner plus d’une de ces prescriptions")
    finally:
        set_language("en")


def test_one_more_order_is_named_and_more_are_counted(qtbot, doliprane_too, session_for):
    """Four other orders said "… and 1 more orders of it" (French "et 1 autres prescriptions"):
    the fourth is named; from five, those past the third are counted."""
    nurse, regular = doliprane_too
    doctor = session_for("doctor")
    for drug in ("Dafalgan", "Efferalgan", "Paracétamol"):
        records.save_new(doctor, "medication_order", {**DOLIPRANE, "drug": drug}, patient_id=regular.patient_id)
    said = _opened(qtbot, nurse, regular.record_id).also_ordered.text()
    assert " more orders of it" not in said and said.count("500 mg IV, at 14:00 20:00") == 4
    records.save_new(doctor, "medication_order", {**DOLIPRANE, "drug": "Doliprane 500"}, patient_id=regular.patient_id)
    said = _opened(qtbot, nurse, regular.record_id).also_ordered.text()
    assert said.count("500 mg IV, at 14:00 20:00") == 3 and " and 2 more orders of it — ask the prescriber" in said
    # Six orders of it: "before giving both" read as if there were two.
    assert said.endswith("— ask the prescriber before giving more than one of these orders")
