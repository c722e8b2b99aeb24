"""The PEWS tab's list says each set's time on the ward's clock, as its header and the printed chart
do: a set taken at 13:30 and typed on a laptop set to UTC, merged here, was listed "28/11 12:30" under
a header reading "PEWS … at 28/11 13:30"."""

from downtime.qt.pews_view import PewsView
from downtime.services import records
from tests.test_pews import SET, child  # noqa: F401 (a fixture)


def test_the_pews_tab_lists_a_set_on_the_wards_clock(qtbot, session_for, child):  # noqa: F811
    nurse = session_for("nurse")
    records.save_new(nurse, "paediatric_observations", {**SET, "taken_at": "2026-11-28T12:30+00:00"},
                     patient_id=child)
    chart = PewsView(nurse, child)
    qtbot.addWidget(chart)
    assert chart.latest.text().startswith("PEWS 7 (3 to under 12 months) at 28/11 13:30")
    assert chart.model.texts(0)[0] == "28/11 13:30"
