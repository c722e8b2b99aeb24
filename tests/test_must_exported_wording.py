"""The MUST risk sent to the EHR says what it means clinically, not the ward screen's note that
this app keeps no food chart: the EHR has its own, and "this app" names nothing there."""

from fhir.resources.R4B.observation import Observation

from downtime.services import nutrition, records

MEDIUM = {"screened_at": "2026-11-28T10:00+01:00", "weight_kg": 61.5, "weight_method": "measured", "height_cm": 170,
          "weight_loss": "5_to_10", "acute_no_intake": False}  # MUST 1


def test_a_medium_risk_is_exported_without_the_screens_food_chart_note(session_for, patient, exported_resource):
    saved = records.save_new(session_for("nurse"), "nutrition_screening", MEDIUM, patient_id=patient)
    found = exported_resource(saved.record_id, Observation)
    assert found.interpretation[0].text == "MEDIUM RISK: observe, record what is eaten for 3 days"
    # The ward's screen still sends the nurse to a paper food chart.
    assert "on a paper food chart (none in this app)" in nutrition.screened(saved).text("en")
