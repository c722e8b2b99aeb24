"""The Transfusion tab says a unit's start on the ward's clock, as the handover and the paper
record do: a unit started at 12:30 and typed on a laptop set to UTC, merged here, read "Running: …
since 28/11 11:30" and was listed at 11:30, an hour nearer its 4 hours than it was."""

from downtime.qt.transfusion_view import TransfusionView
from downtime.services import records
from tests.test_transfusion import UNIT


def test_the_transfusion_tab_says_a_units_start_on_the_wards_clock(qtbot, session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:30+00:00"}, patient_id=patient)
    chart = TransfusionView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text() == "Running: Red cells G0001 26 123456 (O RhD negative) since 28/11 12:30"
    assert chart.model.texts(0)[0] == "28/11 12:30"
