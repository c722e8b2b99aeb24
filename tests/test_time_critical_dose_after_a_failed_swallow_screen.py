"""A patient whose swallow screen stands failed is nil by mouth, medicines included (NICE NG128,
RCP 2023), as much as one whose admission records it: the escalation list told the nurse to give
an overdue levodopa tablet "now" beside the screen's own line asking another route for it, and
the handover said "give it now" alone (review S3-1). The time-critical line, which carries the
dose's time, asks the doctor for another route and names why the patient is nil by mouth; the
screen's line names the orders none of whose doses that list says, asked before the dose falls
due. A dose with nothing recorded keeps its own wording, "give it now" alone swapped (review
S3-4): it may be on the paper chart, given, and the others are still to record."""

from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, medication, records, swallow_screen
from tests.test_swallow_screen import REFERRED
from tests.test_time_critical import LEVODOPA

AT_11 = datetime.fromisoformat("2026-11-28T11:00+01:00")
OVERDUE = {"en": "TIME-CRITICAL DOSE OVERDUE (due 28/11 10:00; failed swallow screen 10:20): ask the doctor "
                 "for another route now, or record why not and tell the doctor",
           "fr": "DOSE À HORAIRE CRITIQUE TRÈS EN RETARD (prévue 28/11 10:00 ; dépistage de déglutition échoué "
                 "à 10:20) : demander dès maintenant au médecin une autre voie, ou noter pourquoi et prévenir le "
                 "médecin"}


def _screened(session_for, admission_values, clock, lang, **order):
    """A patient eating (bed 12, ward 3B) with a levodopa ordered from 09:30, then a swallow screen
    failed at 10:20 (the SLT referred at 10:40); the nurse's session, at 11:00."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse", lang=lang)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00",
                                                    "diet": []}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, **order}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T10:45+01:00")
    records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    clock.now = AT_11
    return nurse, patient


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", AT_11)
    return chart_alerts.alerts(nurse.db, nurse.forms, inside, AT_11, nurse.lang, ward="3B").alerts


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_overdue_levodopa_after_a_failed_screen_asks_another_route_once(session_for, admission_values, clock,
                                                                           lang):
    nurse, patient = _screened(session_for, admission_values, clock, lang)
    alerts = _alerts(nurse)
    (dose,) = [alert for alert in alerts if alert.latest.startswith("Co-careldopa")]
    assert dose.said == [OVERDUE[lang]] and dose.urgent
    (screen,) = [alert for alert in alerts if alert.form_id == swallow_screen.FORM]
    assert not any("Co-careldopa" in said for said in screen.said)
    assert medication.time_critical_handover(nurse.db, nurse.forms, [patient], AT_11, lang)[patient].endswith(
        OVERDUE[lang])


def test_the_screen_asks_another_route_for_a_dose_still_to_come(session_for, admission_values, clock):
    nurse, _ = _screened(session_for, admission_values, clock, "en", times="14:00 18:00")
    assert not [alert for alert in _alerts(nurse) if alert.latest.startswith("Co-careldopa")]
    (screen,) = [alert for alert in _alerts(nurse) if alert.form_id == swallow_screen.FORM]
    assert "time-critical medicine ordered by mouth, another route needed: Co-careldopa 25/100 1 tablet(s) PO" \
        in screen.said


@pytest.mark.parametrize(("times", "heading"), [("06:00", "TIME-CRITICAL DOSE NOT RECORDED ("),
                                                ("06:00 22:00", "TIME-CRITICAL DOSES NOT RECORDED (")])
def test_a_dose_not_recorded_of_a_patient_nil_by_mouth_is_still_to_check_on_paper(session_for, admission_values,
                                                                                   times, heading):
    """Its state's own words (one dose or several, counted), "give it now" alone swapped."""
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "diet": ["nil_by_mouth"]}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, "times": times}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-29T07:00+01:00")
    said = medication.time_critical_handover(nurse.db, nurse.forms, [patient], at, "en")[patient]
    assert said.startswith(f"Co-careldopa 25/100 1 tablet(s) PO 29/11 06:00: {heading}")
    assert all(words in said for words in ("nil by mouth on admission): check the paper chart",
                                           "ask the doctor for another route now"))
    assert ("2 doses" in said and "record the others" in said) is (times != "06:00")
    assert "give it now" not in said and "give the latest" not in said
