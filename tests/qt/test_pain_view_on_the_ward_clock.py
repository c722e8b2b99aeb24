"""The pain tab says its times on the ward's clock: a line typed on a laptop set to UTC and merged
here read "Latest: … at 28/11 12:40" for the 13:40 line, and the older line's next assessment an
hour early."""

from downtime.qt.pain_view import PainView
from downtime.services import records

LINE = {"scale": "numeric", "score_numeric": 3, "where": "Right hip", "action": ["non_drug"], "reassess_in": "240"}


def test_the_pain_tab_says_its_times_on_the_wards_clock(qtbot, session_for, patient):
    nurse = session_for("nurse")
    for at in ("2026-11-28T12:30+00:00", "2026-11-28T12:40+00:00"):
        records.save_new(nurse, "pain_assessment", {**LINE, "assessed_at": at}, patient_id=patient)
    chart = PainView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text().startswith(
        "Latest: 3/10 (Right hip), Position, cold or heat, reassurance at 28/11 13:40 — reassess by 28/11 17:40")
    assert [chart.model.text(row, column) for row, column in ((0, 0), (1, 0), (1, chart.model.NEXT))] == [
        "28/11 13:40", "28/11 13:30", "28/11 17:30"]
