"""The pain tab of a patient given morphine for pain whose pain was never assessed: it says the
dose and when its effect is assessed, then calls that out once overdue."""

from downtime.qt.pain_view import PainView
from downtime.services import cd_register, medication


def test_a_dose_for_pain_with_no_assessment_asks_for_one_on_the_tab(qtbot, session_for, medication_ward, clock):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T13:45+01:00",
                                             "given_for": "pain 8/10", "dose_given": 5.0, "route": "SC"},
                           witness=("doctor", "2222"))
    chart = PainView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text() == ("No pain assessment recorded yet — Morphine (SC) given 28/11 13:45 — reassess by "
                                   "28/11 14:15")
    assert chart.alarms.text() == ""
    clock.advance(minutes=20)
    chart.refresh()
    assert chart.latest.text() == "No pain assessment recorded yet — Morphine (SC) given 28/11 13:45"
    assert chart.alarms.text() == "PAIN REASSESSMENT OVERDUE since 28/11 14:15"
