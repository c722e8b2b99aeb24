"""The NEWS2 tab says each set's time on the ward's clock, as the PEWS tab and the printed chart
do: a set taken at 13:30 and typed on a laptop set to UTC, merged here, read "Score that stands:
NEWS2 7 — HIGH at 28/11 12:30" and was listed at 12:30, an hour before it was taken."""

from downtime.qt.observations_view import ObservationsView
from downtime.services import records
from tests.qt.test_observations_view import RCP_EXAMPLE
from tests.test_observations import ward  # noqa: F401 (a fixture)


def test_the_news2_tab_says_a_set_on_the_wards_clock(qtbot, ward):  # noqa: F811
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-11-28T12:30+00:00"}, patient_id=patient)
    chart = ObservationsView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text() == "Score that stands: NEWS2 7 — HIGH at 28/11 13:30"
    assert chart.model.texts(0)[0] == "28/11 13:30"
