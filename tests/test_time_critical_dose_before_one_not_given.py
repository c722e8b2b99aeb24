"""What the lists and the letters say of a time-critical dose with nothing recorded once a later
dose of the medicine is recorded not given, of a mealtime insulin past its meal, of doses missed
past the round's window, and of a basal insulin left out nil by mouth (review T2, items 1, 5, 6,
8): the levodopa of 08:00 was "give it now", URGENT, beside the 12:00 dose held while the patient
was drowsy, and the aspart of 08:00 "give it now" at 17:00 to a fasting patient; the handover
said the missed doses twice, counted on the time-critical line and listed again; the letters
said one dose both "no dose recorded" and "missed"; glargine held "NBM for theatre" was "another
route or medicine"."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, prefill
from tests.test_time_critical import LEVODOPA
from tests.test_time_critical_dose_replaced_by_a_later_one import LEVODOPA_3, _said, _ward

ASPART = {"drug": "Aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
          "times": "08:00 12:00 18:00", "start_at": "2026-11-29T07:30+01:00", "controlled": False,
          "high_alert": True, "time_critical": True}


def _not_given(nurse, order_id, slot: str, reason: str, detail: str, at: str | None = None) -> None:
    medication.record_dose(nurse, order_id, {"outcome": "not_given", "not_given_reason": reason,
                                             "not_given_detail": detail, "scheduled_for": slot, "given_at": at or slot},
                           overrides={check: "recorded at its time" for check in Check})


def test_a_dose_not_recorded_before_a_later_dose_held_is_not_to_give_late(
        session_for, medication_ward, admission_values, clock):
    """15:00: the 10:00 levodopa with nothing recorded, the 14:00 held while drowsy (a doctor told)."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_3, 15)
    _not_given(nurse, order_id, "2026-11-29T14:00+01:00", "held", "very drowsy, GCS 12, Dr Benali told")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    english = ("TIME-CRITICAL DOSE NOT RECORDED (due 29/11 10:00): the 29/11 14:00 dose is recorded not given "
               "(W — Held for clinical reason: very drowsy, GCS 12, Dr Benali told), do not give it late: record it "
               "(given on paper, or not given and why) and tell the doctor")
    assert _said(nurse, patient) == ([("10:00", [english])], f"Co-careldopa 25/100 1 tablet(s) PO 29/11 10:00: {english}")
    assert _said(nurse, patient, "fr")[0] == [("10:00", [
        "DOSE À HORAIRE CRITIQUE NON TRACÉE (prévue 29/11 10:00) : la dose du 29/11 14:00 est notée non donnée "
        "(S — Suspendu : very drowsy, GCS 12, Dr Benali told), ne pas la donner en retard : la tracer (donnée sur "
        "papier, ou non donnée et pourquoi) et prévenir le médecin"])]


def test_a_mealtime_insulin_past_its_meal_is_not_to_give_late(session_for, medication_ward, admission_values, clock):
    """10:00: the 08:00 aspart with nothing recorded, no later dose yet: breakfast is two hours gone."""
    patient, _, nurse = _ward(session_for, medication_ward, admission_values, clock, ASPART, 10)
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    at = nurse.clock()
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B").alerts
    assert [alert.said for alert in found if "Aspart" in alert.latest] == [[
        "TIME-CRITICAL DOSE NOT RECORDED (due 29/11 08:00): its meal has passed, do not give it late: record it "
        "(given on paper, or not given and why) and tell the doctor"]]
    assert "son repas est passé, ne pas la donner en retard" in medication.time_critical_handover(
        nurse.db, nurse.forms, [patient], at, "fr")[patient]


def test_doses_missed_counted_on_the_time_critical_line_are_not_listed_again_as_overdue(
        session_for, medication_ward, admission_values, clock):
    """19:30 29/11: levodopa five times a day since 28/11, nothing recorded: five doses missed past
    the 12 hours, counted on the time-critical line, and not listed in DOSES OVERDUE as well."""
    patient, _, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA, 19)
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    at = nurse.clock()
    assert "5 earlier doses MISSED" in medication.time_critical_handover(nurse.db, nurse.forms, [patient], at,
                                                                         "en")[patient]
    overdue = chart_alerts.doses_overdue(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at),
                                         at, "en")
    assert "Amoxicillin" in overdue[patient] and "Co-careldopa" not in overdue[patient]


def test_a_letter_says_a_dose_not_recorded_once_never_missed(session_for, medication_ward, admission_values, clock):
    """14:30 29/11: levodopa at 10:00 14:00 18:00, nothing recorded. The transfer letter said the
    10:00 dose "no dose recorded … check the paper chart" on the order's line and "time-critical
    dose missed" on the next, and the 14:00 dose, 30 minutes past, "missed" too. Both are said on
    the order's line, once (review s65 T3 D6)."""
    patient, _, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_3, 14)
    clock.now = datetime.fromisoformat("2026-11-29T14:30+01:00")
    for form, field in (("transfer_out", "current_treatments"), ("discharge", "medicines_on_discharge")):
        lines = [line for line in prefill.first_answers(nurse, nurse.form(form), patient)[field].split("\n")
                 if "Co-careldopa" in line]
        assert "missed" not in "\n".join(lines)
        assert lines == ["Co-careldopa 25/100 1 tablet(s) PO, at 10:00 14:00 18:00, from 29/11/2026 09:30 "
                         "(TIME-CRITICAL — within 30 min) — no dose recorded in hospital (2 doses due 29/11 10:00 to "
                         "29/11 14:00): check the paper chart"]


GLARGINE = {"drug": "Glargine", "dose": 20.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
            "times": "10:00", "start_at": "2026-11-29T07:30+01:00", "controlled": False, "high_alert": True,
            "time_critical": True}


def test_a_basal_insulin_held_nil_by_mouth_is_no_other_route_asked(session_for, medication_ward, admission_values, clock):
    """11:00: the 10:00 glargine held "NBM for theatre tomorrow" by the nurse (review T2, item 8):
    "tell the doctor (another route or medicine)" is no answer for insulin, and a basal insulin is
    continued, often reduced, while the patient fasts (JBDS-IP)."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, GLARGINE, 10)
    _not_given(nurse, order_id, "2026-11-29T10:00+01:00", "held", "NBM for theatre tomorrow")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    said = {lang: medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), lang)[patient]
            for lang in ("en", "fr")}
    assert said["en"].endswith("TIME-CRITICAL DOSE NOT GIVEN (due 29/11 10:00: W — Held for clinical reason: NBM for "
                               "theatre tomorrow): basal insulin is usually continued when nil by mouth: tell the "
                               "doctor now")
    assert said["fr"].endswith("l’insuline basale est d’habitude poursuivie à jeun : prévenir le médecin maintenant")


def test_a_dose_recorded_not_given_ahead_does_not_replace_one_to_give_now(
        session_for, medication_ward, admission_values, clock):
    """11:00: the 10:00 levodopa with nothing recorded, the 18:00 recorded ahead as nil by mouth for
    an operation this evening: the 10:00 dose is still to give now."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_3, 11)
    _not_given(nurse, order_id, "2026-11-29T18:00+01:00", "nil_by_mouth", "theatre this evening",
               at="2026-11-29T11:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    assert dict(_said(nurse, patient)[0])["10:00"] == [
        "TIME-CRITICAL DOSE OVERDUE (due 29/11 10:00): give it now, or record why not and tell the doctor"]
