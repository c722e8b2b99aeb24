"""A child's covert medicines: the Mental Capacity Act does not cover a child under 16 (s.2(5)),
whose medicines given covertly rest on the consent of those with parental responsibility, and the
capacity form refuses an assessment of them; so a 10-year-old's covert order asked "COVERT with no
assessment of capacity for medicines on record: ask the doctor" on the round, the handover and the
escalation list, for good, nothing able to answer it."""

from downtime.services import capacity, chart_alerts, census, covert, medication, records
from tests.test_capacity_assessment import NO_ASSESSMENT, SERTRALINE


def test_a_childs_covert_order_asks_no_capacity_assessment(session_for, admit_to_paediatrics, clock):
    child = admit_to_paediatrics("3", "2016-05-01", 32.0, "Léo")
    records.save_new(session_for("doctor"), "medication_order", SERTRALINE, patient_id=child)
    nurse = session_for("nurse")
    orders = medication.orders(nurse.db, child, clock())
    assert capacity.covert_flags(nurse.db, orders, clock(), "en") == {}
    inside = census.in_patients(nurse.db, nurse.forms, "PED", clock())
    assert not [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock(), "en", ward="PED").alerts
                if NO_ASSESSMENT in alert.said]
    assert NO_ASSESSMENT not in covert.handover(nurse.db, nurse.forms, [child], clock(), "en")[child]


def test_from_16_the_act_applies_and_the_assessment_is_asked(session_for, admit_to_paediatrics, clock):
    young = admit_to_paediatrics("4", "2010-05-01", 60.0, "Inès")
    records.save_new(session_for("doctor"), "medication_order", SERTRALINE, patient_id=young)
    nurse = session_for("nurse")
    assert list(capacity.covert_flags(nurse.db, medication.orders(nurse.db, young, clock()), clock(), "en").values()) \
        == [NO_ASSESSMENT]
