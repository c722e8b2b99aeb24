"""The pain tab of a dying patient on comfort care whose sedation is 3 and breathing 8 a minute
says it without stopping the opioid, as the handover and the escalation list do: it read "stop
the opioid, call the doctor, naloxone as prescribed"."""

from datetime import datetime

from downtime.qt.pain_view import PainView
from downtime.services import records
from tests.test_observation_plan import dying, plan  # noqa: F401  (the fixture)

SLOWED = {"assessed_at": "2026-11-28T14:50+01:00", "scale": "numeric", "score_numeric": 6, "where": "generalised",
          "action": ["doctor"], "reassess_in": "30", "sedation": "3", "breathing_rate": 8}


def test_the_pain_tab_asks_no_naloxone_on_comfort_care(qtbot, session_for, dying, clock):  # noqa: F811
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(nurse, "pain_assessment", SLOWED, patient_id=dying)
    chart = PainView(nurse, dying)
    qtbot.addWidget(chart)
    assert chart.alarms.text() == ("SEDATION 3/3, BREATHING 8/min on comfort care (Dr Benali, 28/11 14:00): tell the "
                                   "doctor if you suspect opioid toxicity")


def test_the_pain_tab_reads_comfort_care_decided_after_the_finding(qtbot, session_for, dying, clock):  # noqa: F811
    """The plan standing now, not when the line was made: comfort care decided at 15:10 after the
    14:50 finding still read "naloxone as prescribed" on the tab."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(nurse, "pain_assessment", SLOWED, patient_id=dying)
    clock.now = datetime.fromisoformat("2026-11-28T15:10+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly", "2026-11-28T15:10+01:00"),
                     patient_id=dying)
    chart = PainView(nurse, dying)
    qtbot.addWidget(chart)
    assert chart.alarms.text() == ("SEDATION 3/3, BREATHING 8/min on comfort care (Dr Benali, 28/11 15:10): tell the "
                                   "doctor if you suspect opioid toxicity")
