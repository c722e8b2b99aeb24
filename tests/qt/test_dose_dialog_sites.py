"""The dose dialog says where the patch on is, to take it off before the new one, and asks what
became of it; where the last injections went, to give the next elsewhere; and the rate an
infusion's bag runs at, the order's filled in: it showed an empty Site box and nothing else."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records
from downtime.storage.records import current

PATCH = {"drug": "Rivastigmine", "dose": 9.5, "dose_unit": "mg", "route": "TOP", "form": "patch",
         "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
         "controlled": False, "high_alert": False}
ENOXAPARIN = {"drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "form": "injection",
              "frequency": "scheduled", "times": "18:00", "start_at": "2026-11-27T18:00+01:00",
              "controlled": False, "high_alert": True}
FLUIDS = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": False}


def _ordered(session_for, patient: str, data: dict) -> str:
    return records.save_new(session_for("doctor"), "medication_order", data, patient_id=patient).record_id


def _opened(qtbot, nurse, order_id: str, slot: str) -> DoseDialog:
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), datetime.fromisoformat(slot))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def patch_on(session_for, medication_ward, clock):
    """The patch applied on 28/11 at 08:00 on the left upper back, the clock at 29/11 08:00.
    Returns (nurse, patch order id)."""
    patient = medication_ward[0]
    order_id = _ordered(session_for, patient, PATCH)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 9.5,
                                             "route": "TOP", "site": "Left upper back"})
    clock.now = datetime.fromisoformat("2026-11-29T08:00+01:00")
    return nurse, order_id


def test_the_next_patch_says_where_the_last_is_and_asks_it_removed(qtbot, patch_on, type_text):
    nurse, order_id = patch_on
    dialog = _opened(qtbot, nurse, order_id, "2026-11-29T08:00+01:00")
    assert dialog.sites.text().startswith("CURRENT PATCH: applied 28/11 08:00, Left upper back, by ")
    assert dialog.sites.text().endswith(" — remove it before applying the new one")
    assert dialog.previous_patch.isVisible()
    type_text(dialog.site, "Right upper back")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Previous patch" in dialog.error.text() and dialog.focusWidget() is dialog.previous_patch
    dialog.previous_patch.setCurrentIndex(dialog.previous_patch.findData("removed"))
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    data = saved.args[0].data
    assert (data["site"], data["previous_patch"]) == ("Right upper back", "removed")
    again = _opened(qtbot, nurse, order_id, "2026-11-30T08:00+01:00")
    assert again.sites.text().startswith("CURRENT PATCH: applied 29/11 08:00, Right upper back, by ")


def test_the_next_injection_says_where_the_last_went(qtbot, session_for, medication_ward, clock):
    patient = medication_ward[0]
    order_id = _ordered(session_for, patient, ENOXAPARIN)
    nurse = session_for("nurse")
    for day, site in (("27", "Left abdomen"), ("28", "Right abdomen")):
        clock.now = datetime.fromisoformat(f"2026-11-{day}T18:05+01:00")
        medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": f"2026-11-{day}T18:00+01:00",
                                                 "scheduled_for": f"2026-11-{day}T18:00+01:00", "dose_given": 40.0,
                                                 "route": "SC", "site": site}, witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-29T18:00+01:00")
    dialog = _opened(qtbot, nurse, order_id, "2026-11-29T18:00+01:00")
    assert dialog.sites.text() == "Last sites: 28/11 18:00 Right abdomen; 27/11 18:00 Left abdomen"
    assert not dialog.previous_patch.isVisible()


def test_a_bag_is_saved_with_the_rate_it_runs_at(qtbot, session_for, medication_ward, clock, type_text):
    patient = medication_ward[0]
    order_id = _ordered(session_for, patient, FLUIDS)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:00+01:00")
    dialog = _opened(qtbot, nurse, order_id, "2026-11-28T08:00+01:00")
    assert dialog.rate.isVisible() and dialog.rate.text() == "125"
    dialog.rate.clear()
    type_text(dialog.rate, "100")
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].data["rate_ml_h"] == 100.0
    assert current(nurse.db, saved.args[0].record_id).data["rate_ml_h"] == 100.0


def test_a_rate_that_is_not_a_number_is_said_of_the_rate(qtbot, session_for, medication_ward, clock, type_text):
    patient = medication_ward[0]
    order_id = _ordered(session_for, patient, FLUIDS)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:00+01:00")
    dialog = _opened(qtbot, nurse, order_id, "2026-11-28T08:00+01:00")
    dialog.rate.clear()
    type_text(dialog.rate, "12O")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Infusion rate" in dialog.error.text() and dialog.focusWidget() is dialog.rate


def test_the_mar_screen_cell_says_where_the_patch_went(qtbot, patch_on):
    from downtime.qt.mar_view import MarView

    nurse, order_id = patch_on
    view = MarView(nurse, medication.order(nurse.db, order_id).patient_id)
    qtbot.addWidget(view)
    model = view.model
    line = next(number for number, (row, at) in enumerate(model.rows)
                if row.order.record_id == order_id and at == "08:00")
    cell = model.text(line, model.days.index(datetime(2026, 11, 28).date()) + 2)
    assert cell.endswith(" — Left upper back"), cell
