"""The glucose tab shows each reading in the unit the meter showed, the mmol/L beside, and its
time on the ward's clock: a reading stored in UTC (merged from a laptop at UTC) showed 12:50
beside a recheck "due 14:05"; and high ketones not measured since asked again."""

from downtime.qt.glucose_view import GlucoseView
from downtime.services import records

READ = {"timing": "other", "reading": "value", "next_in": "60"}


def test_the_tab_shows_the_unit_typed_on_the_wards_clock(qtbot, session_for, patient):
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T11:00+01:00", "glucose": 1.8,
                                              "glucose_unit": "g_l", "ketones": 2.1}, patient_id=patient)
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T12:50+00:00", "glucose": 58,
                                              "glucose_unit": "mg_dl"}, patient_id=patient)
    view = GlucoseView(nurse, patient)
    qtbot.addWidget(view)
    assert view.model.texts(0)[:3] == ("28/11 13:50", "Autre moment", "58 mg/dL (3,2 mmol/L)")
    assert view.model.texts(1)[2] == "1,8 g/L (10 mmol/L), cétonémie 2,1 mmol/L"
    assert "58 mg/dL (3,2 mmol/L) at 28/11 13:50" in view.latest.text()  # the catalogue is not loaded here
    assert "Cétonémie à 2,1 mmol/L le 28/11 11:00, non mesurée depuis : la recontrôler" in view.alarms.text()
