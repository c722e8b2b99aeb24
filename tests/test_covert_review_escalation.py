"""A covert decision's review reached (domain.covert.review_due) is on the escalation list, as on
the round, the dose dialog, both MARs and the handover, from its very moment until the order is
reviewed (a new review date) or stopped. The tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.services import census, chart_alerts, covert, medication, records
from tests.test_capacity_assessment import LACKS

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "08:00", "start_at": "2026-11-28T09:00+01:00",
              "controlled": False, "high_alert": False, "covert": True, "covert_how": "crushed, in yoghurt",
              "covert_decided_at": "2026-11-28T11:30+01:00", "covert_decided_by": "Dr Karim Benali, consultant",
              "covert_review_by": "2026-12-05T12:00+01:00"}
REVIEW_AT = datetime.fromisoformat("2026-12-05T12:00+01:00")


def _covert_lines(nurse, lang: str = "en") -> list[tuple[str, list[str]]]:
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), lang, ward="3B").alerts
            if alert.form_id == medication.ORDER_FORM and any("COVERT" in said or "INSU" in said
                                                            for said in alert.said)]


def test_a_covert_review_reached_is_on_the_escalation_list_until_reviewed(session_for, patient, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "capacity_assessment", LACKS, patient_id=patient)
    order = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    assert _covert_lines(nurse) == []
    assert covert.reviews_due(nurse.db, nurse.forms, [patient], clock.now, "en").next_due == REVIEW_AT
    clock.advance(days=7)  # 05/12 14:00, the review at 12:00
    assert _covert_lines(nurse) == [("Sertraline 50 mg PO", [(
        "COVERT REVIEW DUE (by 05/12): crushed, in yoghurt — the prescriber reviews the "
        "decision (capacity, best interests, how) and writes its next review date, or changes the order")])]
    assert _covert_lines(nurse, "fr")[0][1][0].startswith("À L’INSU DU PATIENT, RÉÉVALUATION DUE (le 05/12)")
    records.amend(doctor, order.record_id, {**SERTRALINE, "covert_review_by": "2026-12-12T12:00+01:00"},
                  "reviewed: still lacks capacity")
    assert _covert_lines(nurse) == []
