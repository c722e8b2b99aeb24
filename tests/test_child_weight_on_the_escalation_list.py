"""A child's weight out of date on the live escalation list (review s67 F2): the handover sheet
said "WEIGH THE CHILD" of a child on IV fluids whose weight was a day old (NICE NG29) or whose
weight was estimated, but the escalation list the nurse in charge reads through the shift said
nothing until the sheet was printed. The list says it in the handover's words, and is read again
when the weight falls due; both say a baby's weight more than 7 days old while it is dosed by
weight, which only a new order asked."""

from datetime import datetime

import pytest

from downtime.services import (
    census,
    chart_alerts,
    leaving,
    medication,
    records,
    since_admission,
    weight,
)
from tests.test_child_gentamicin_ceiling import ORDER
from tests.test_child_weight_goes_out_of_date import MAINTENANCE

GENTAMICIN = {**ORDER, "start_at": "2026-11-27T10:00+01:00"}
"""Gentamicin by vein, dosed by weight, running from the day of admission."""


def _weights(nurse, at: datetime) -> chart_alerts.ChartAlerts:
    inside = census.in_patients(nurse.db, nurse.forms, "PED", at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="PED")
    return chart_alerts.ChartAlerts([alert for alert in found.alerts if alert.form_id == weight.FORM], found.next_due)


def test_a_child_on_iv_fluids_a_day_on_is_listed_in_the_handovers_words(session_for, clock, admit_to_paediatrics):
    nurse = session_for("nurse")
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    records.save_new(session_for("doctor"), "medication_order", MAINTENANCE, patient_id=toddler)
    clock.now = datetime.fromisoformat("2026-11-28T08:00+01:00")
    assert _weights(nurse, clock.now).alerts == []
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    (alert,) = _weights(nurse, clock.now).alerts
    assert alert.latest == "12 kg on admission (27/11/2026)"
    assert alert.said == [("WEIGH THE CHILD: 12 kg on admission (27/11/2026), more than 24 hours ago on IV fluids "
                           "(NICE NG29: a daily weight) (their doses are worked out from it)")]
    inside = [census.patient_with_location(nurse.db, nurse.forms, toddler)]
    assert since_admission.handover(nurse.db, inside, clock.now, "en")[toddler].endswith(alert.said[0])
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-28T09:30+01:00", "weight_kg": 11.8,
                                          "method": "measured"}, patient_id=toddler)
    weighed = _weights(nurse, clock.now)
    assert weighed.alerts == [] and weighed.next_due == datetime.fromisoformat("2026-11-29T09:30+01:00")


def test_an_estimated_weight_is_listed_4_hours_on_and_an_adult_never(session_for, clock, admit_to_paediatrics):
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-07-20", None, "Lea")
    admit_to_paediatrics("5", "1980-01-01", 80.0, "Adam")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-28T09:00+01:00", "weight_kg": 6.0,
                                          "method": "estimated"}, patient_id=baby)
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "dose": 40.0}, patient_id=baby)
    assert _weights(nurse, datetime.fromisoformat("2026-11-28T12:59+01:00")).alerts == []
    (alert,) = _weights(nurse, datetime.fromisoformat("2026-11-28T13:00+01:00")).alerts
    assert alert.patient.patient_id == baby
    assert alert.said == ["WEIGH THE CHILD: 6 kg ESTIMATED 28/11/2026, not weighed (their doses are worked out from it)"]


@pytest.mark.parametrize("drug, dose, unit, route, listed", [("Gentamicin", 35.0, "mg", "IV", True),
                                                            ("Gentamicin 0.3% eye drops", 2, "drop", "EYE", False)])
def test_a_baby_dosed_by_weight_is_listed_once_the_weight_is_7_days_old(session_for, clock, admit_to_paediatrics,
                                                                       drug, dose, unit, route, listed):
    """A baby under 1 is dosed on a weight no more than 7 days old (this hospital's rule): asked
    of a new order only, a 4-month-old's running gentamicin went on for weeks on the admission's
    5 kg with nothing asking for the scales. Its eye drops go by no weight (dose_limits)."""
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-08-20", 5.0, "Lea")
    records.save_new(session_for("doctor"), "medication_order", {
        **ORDER, "drug": drug, "dose": dose, "dose_unit": unit, "route": route,
        **({"side": "bilateral"} if route == "EYE" else {})}, patient_id=baby)
    assert _weights(nurse, datetime.fromisoformat("2026-12-04T09:00+01:00")).alerts == []  # 7 days to the minute
    at = datetime.fromisoformat("2026-12-04T09:01+01:00")
    found = _weights(nurse, at)
    if not listed:
        assert found.alerts == []
        return
    (alert,) = found.alerts
    said = ("WEIGH THE CHILD: 5 kg on admission (27/11/2026), more than 7 days ago: a baby under 1 year is dosed on a "
            "weight no more than 7 days old (this hospital's rule) (their doses are worked out from it)")
    assert alert.said == [said]
    inside = [census.patient_with_location(nurse.db, nurse.forms, baby)]
    assert since_admission.handover(nurse.db, inside, at, "en")[baby].endswith(said)
    assert since_admission.handover(nurse.db, inside, at, "fr")[baby].endswith(
        "PESER L’ENFANT : 5 kg à l’admission (27/11/2026), il y a plus de 7 jours : un bébé de moins d’un an est dosé "
        "sur un poids de 7 jours au plus (règle de cet hôpital) (ses doses en dépendent)")


def test_the_list_asks_a_babys_weight_again_from_the_moment_the_order_does(session_for, clock, admit_to_paediatrics):
    """At 7 days to the minute the order takes the weight (weight.old_weight_refusal): the list
    said "more than 7 days ago" of it, and the next moment both ask (review s67 S3)."""
    nurse = session_for("nurse")
    baby = admit_to_paediatrics("4", "2026-08-20", 5.0, "Lea")
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "dose": 35.0}, patient_id=baby)
    patient = census.patient_with_location(nurse.db, nurse.forms, baby)
    for at, asked in [("2026-12-04T09:00+01:00", False), ("2026-12-04T09:00:01+01:00", True)]:
        moment = datetime.fromisoformat(at)
        (order,) = medication.orders(nurse.db, baby, moment)
        weighed = weight.latest(nurse.db, nurse.forms, [patient], moment)[baby]
        assert (weight.old_weight_refusal(order, weighed, patient.birth_date, moment) is not None) is asked
        assert bool(_weights(nurse, moment).alerts) is asked, at


def test_a_stated_weight_nothing_is_worked_out_from_is_not_listed(session_for, clock, admit_to_paediatrics):
    """A 17-year-old's stated 70 kg with no medicine at all stood on the list all day as "their
    doses are worked out from it" (review s67 S3): listed once a medicine dosed by weight runs,
    said on the handover sheet as before."""
    nurse = session_for("nurse")
    teen = admit_to_paediatrics("4", "2009-06-01", None, "Tom")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-27T09:00+01:00", "weight_kg": 70.0,
                                          "method": "stated"}, patient_id=teen)
    at = datetime.fromisoformat("2026-11-27T14:00+01:00")
    assert _weights(nurse, at).alerts == []
    inside = [census.patient_with_location(nurse.db, nurse.forms, teen)]
    assert since_admission.handover(nurse.db, inside, at, "en")[teen].startswith("WEIGH THE CHILD: 70 kg as stated")
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "dose": 350.0}, patient_id=teen)
    (alert,) = _weights(nurse, at).alerts
    assert alert.said == ["WEIGH THE CHILD: 70 kg as stated 27/11/2026, not weighed (their doses are worked out from it)"]


def test_a_child_leaving_is_not_asked_to_be_weighed(session_for, clock, admit_to_paediatrics):
    """A child going home with a stated weight: the discharge's "Still asked" told the nurse to
    weigh them, with no more ward doses to work out, and the letter says "as stated, not weighed"
    (review s67 S3)."""
    nurse = session_for("nurse")
    child = admit_to_paediatrics("3", "2020-01-01", None, "Noe")
    records.save_new(nurse, weight.FORM, {"weighed_at": "2026-11-27T09:00+01:00", "weight_kg": 20.0,
                                          "method": "stated"}, patient_id=child)
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "dose": 100.0}, patient_id=child)
    at = datetime.fromisoformat("2026-11-27T15:00+01:00")
    assert [alert.patient.patient_id for alert in _weights(nurse, at).alerts] == [child]
    said = leaving.still_asked(nurse.db, nurse.forms, child, at, "en", destination="home") or ""
    assert "WEIGH THE CHILD" not in said, said
