"""The dose dialog of an as-required order the night the clocks go back: the next dose allowed
in the hour the ward's clock reads twice says which (its offset), as the app asks it typed."""

from datetime import datetime
from zoneinfo import ZoneInfo

from downtime.domain.medication import Check
from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication
from tests.conftest import CYCLIZINE_GIVEN

PARIS = ZoneInfo("Europe/Paris")


def _every_4_hours(patient_on_the_clock, cyclizine_as_required) -> str:
    """Cyclizine every 4 h from 20:00 summer time the evening before the clocks go back: its order."""
    patient = patient_on_the_clock(datetime(2026, 10, 24, 20, 0), "2026-10-24T19:00+02:00")
    return cyclizine_as_required(patient, "2026-10-24T20:00+02:00", every_hours=4)


def test_the_next_dose_allowed_at_the_second_02_30_says_which_02_30(qtbot, patient_on_the_clock, cyclizine_as_required,
                                                                     session_for, clock):
    """Cyclizine every 4 h, last given at 23:30 summer time: read at 02:40 summer time, "Next dose
    allowed from 25/10 02:30" read as allowed ten minutes ago; it is the 02:30 of winter time."""
    order = _every_4_hours(patient_on_the_clock, cyclizine_as_required)
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 24, 23, 30, tzinfo=PARIS)
    medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": "2026-10-24T23:30+02:00"},
                           overrides={check: "nausea" for check in Check})
    clock.now = datetime(2026, 10, 25, 2, 40, tzinfo=PARIS)  # the first 02:40, summer time
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), None)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.as_required.text()
    assert "Last dose: 24/10 23:30 (3\u00a0h\u00a010\u00a0min ago)" in said
    assert "Next dose allowed from 25/10 02:30 +01:00 (in 0\u00a0h\u00a050\u00a0min)" in said


def test_a_time_of_the_repeated_hour_typed_alone_with_its_offset_is_the_dialog_s_day(qtbot, patient_on_the_clock,
                                                                                     cyclizine_as_required,
                                                                                     session_for, clock, type_text):
    """Asked "02:10" with its offset, the nurse typed "02:10 +01:00", as the dialog writes its
    times: refused, "write the date and time as DD/MM/YYYY HH:MM"."""
    order = _every_4_hours(patient_on_the_clock, cyclizine_as_required)
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=PARIS)
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.given_for, "nausea")
    dialog.given_at.clear()
    type_text(dialog.given_at, "02:10 +01:00")
    saved = dialog.save()
    assert saved is not None, dialog.error.text()
    assert saved.data["given_at"] == "2026-10-25T02:10+01:00"
