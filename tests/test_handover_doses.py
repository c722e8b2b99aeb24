"""The handover sheet says each patient's doses the medication round has overdue with nothing
recorded, not only the time-critical ones: a nurse taking over the ward from it did not know who
had doses due and not given (omitted doses are a leading cause of harm from medicines: NPSA
2010, "Reducing harm from omitted and delayed medicines in hospital")."""

import re
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, printing, records
from tests.test_time_critical import LEVODOPA

OVERDUE = ("DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 27/11 14:00 (MISSED, over 12 h, check the paper first), "
           "27/11 20:00 (MISSED, over 12 h, check the paper first), 28/11 08:00 (check the paper first) — the 28/11 14:00 "
           "dose is due now: record them (given on paper, or not given and why), do not give them late, tell the "
           "prescriber")
"""The amoxicillin of `medication_ward`, from 27/11 10:00, was typed in at 14:00 on 28/11: its doses
due before may be on its paper chart."""


def _record(nurse, order_id, slot, outcome="not_given", at="2026-11-28T13:55+01:00"):
    """The dose of `slot` recorded given or not given (the drug unavailable), its warnings (the
    penicillin allergy) answered."""
    values = ({"dose_given": 1.0, "route": "IV"} if outcome == "given" else {"not_given_reason": "unavailable"})
    medication.record_dose(nurse, order_id, {"outcome": outcome, "given_at": at, "scheduled_for": slot, **values},
                           overrides={check: "Checked with the prescriber" for check in Check})


def _overdue(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.doses_overdue(nurse.db, nurse.forms, inside, nurse.clock(), lang)


def test_doses_overdue_by_the_rounds_own_rule_are_said_each_order_once_oldest_first(session_for, medication_ward,
                                                                                    clock):
    """At 14:00 the amoxicillin of 08:00 is overdue (the ward's hour gone), those of yesterday
    missed (over the round's 12 hours), each to check on the paper its order was copied from, and
    that of 14:00 due, not overdue: it is not said, but the 08:00 is not to give then, a second
    dose (its 14:00 late at 14:50 too). The morphine as required has no time to be
    overdue at. Doses of it recorded since, its paper has been gone through: overdue alone."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    assert _overdue(nurse) == {patient: OVERDUE}
    assert _overdue(nurse, "fr") == {patient: (
        "DOSES EN RETARD, NON TRACÉES : Amoxicillin 1 g IV 27/11 14:00 (OMISE, plus de 12 h, vérifier d’abord le "
        "papier), 27/11 20:00 (OMISE, plus de 12 h, vérifier d’abord le papier), 28/11 08:00 (vérifier d’abord le "
        "papier) — la dose du 28/11 14:00 est à donner maintenant : les tracer (données sur papier, ou non données et "
        "pourquoi), ne pas les donner en retard, prévenir le prescripteur")}
    for slot in ("2026-11-27T14:00+01:00", "2026-11-27T20:00+01:00"):
        _record(nurse, amoxicillin, slot)
    clock.advance(minutes=50)  # 14:50: the 14:00 dose late, not overdue yet
    assert _overdue(nurse) == {patient: "DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 28/11 08:00 — the 28/11 14:00 "
                                        "dose is due now: record it (given on paper, or not given and why), do not "
                                        "give it late"}
    clock.advance(minutes=11)  # 15:01: overdue too
    assert _overdue(nurse)[patient].startswith(
        "DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 28/11 08:00, 28/11 14:00 —")
    _record(nurse, amoxicillin, "2026-11-28T14:00+01:00", "given", at="2026-11-28T15:00+01:00")
    _record(nurse, amoxicillin, "2026-11-28T08:00+01:00", at="2026-11-28T15:00+01:00")
    assert _overdue(nurse) == {}


def test_a_time_critical_dose_the_sheet_already_says_is_not_said_again(session_for, medication_ward, clock):
    """Levodopa's 10:00 and 14:00 doses, overdue at 14:35, are the time-critical line's
    (medication.time_critical_handover): said once, there."""
    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    clock.advance(minutes=35)
    nurse = session_for("nurse")
    critical = medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "Co-careldopa" in critical and "28/11 10:00" in critical and "28/11 14:00" in critical
    (said,) = _overdue(nurse).values()
    assert said.startswith("DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 27/11 14:00") and "Co-careldopa" not in said


def test_the_handover_sheet_says_them_on_the_patients_line(session_for, medication_ward, tmp_path):
    nurse = session_for("nurse")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert OVERDUE in text
    assert len(re.findall("DOSES OVERDUE", text)) == 1


def test_a_dose_due_while_the_laptop_was_silent_says_to_check_the_paper_and_many_missed_are_counted(paper_night):
    """Nothing was typed on the laptop since 14:00 yesterday: the doses due since may have been
    given on paper; "overdue" alone, the next shift gave them twice. The doses missed before,
    a day's worth, are counted from the first to the last: one by one they filled the line."""
    nurse, patient, _, _, _ = paper_night
    assert _overdue(nurse) == {patient: (
        "DOSES OVERDUE, NOT RECORDED: Paracetamol 1 g PO 27/11 12:00 to 28/11 06:00 (4 MISSED, over 12 h), 28/11 18:00 "
        "(MISSED, over 12 h, check the paper first), 29/11 00:00 (check the paper first), 29/11 06:00 (check the paper "
        "first) — give or record the latest on the round, record the others (given on paper, or not given and why), "
        "do not give those MISSED late: tell the prescriber; Amoxicillin 1 g IV 27/11 14:00 to 28/11 14:00 (3 MISSED, "
        "over 12 h), 28/11 20:00 (check the paper first) — give or record the latest on the round, record the others "
        "(given on paper, or not given and why), do not give those MISSED late: tell the prescriber")}
    french = _overdue(nurse, "fr")[patient]
    assert "du 27/11 12:00 au 28/11 06:00 (4 OMISES, plus de 12 h), 28/11 18:00 (OMISE, plus de 12 h, vérifier " \
           "d’abord le papier)" in french


def test_a_dose_another_laptop_recorded_otherwise_says_to_check_it_first(dose_on_hold):
    """The 08:00 paracetamol, given on laptop 1, withdrawn on laptop 2: on laptop 2's sheet it is
    overdue, and may have been given."""
    patient, _, _, _, nurse = dose_on_hold
    assert _overdue(nurse)[patient].endswith(
        "28/11 08:00 (check the paper first, another laptop recorded it otherwise: check it first) — the 28/11 14:00 "
        "dose is due now: record them (given on paper, or not given and why), do not give them late, tell the "
        "prescriber")


NOT_GIVEN_AT_0730 = (
    "DOSES NOT GIVEN: Amoxicillin 1 g IV 28/11 20:00: NOT GIVEN (R — Refused) — tell the prescriber; Enoxaparin 40 mg "
    "SC 28/11 22:00: NOT GIVEN (N — Drug not available) — get it from pharmacy, or tell the prescriber; Paracetamol "
    "1 g PO 29/11 06:00: NOT GIVEN (D — Asleep) — offer it again")


def _night_not_given(session_for, medication_ward, clock):
    """The night of 28/11: the 20:00 amoxicillin refused, the 22:00 enoxaparin not available, the
    paracetamol's 22:00 held by the doctor and its 06:00 not given, the patient asleep; the clock
    at 07:30 the next morning. Returns (nurse, patient, paracetamol)."""
    patient, amoxicillin, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    scheduled = {"frequency": "scheduled", "start_at": "2026-11-28T10:00+01:00", "controlled": False,
                 "high_alert": False}
    enoxaparin = records.save_new(doctor, "medication_order", {
        "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "times": "22:00",
        **scheduled, "high_alert": True},
        patient_id=patient).record_id
    paracetamol = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "times": "06:00 12:00 18:00 22:00",
        **scheduled}, patient_id=patient).record_id
    for order_id, slot, reason in ((amoxicillin, "2026-11-28T20:00", "refused"),
                                   (enoxaparin, "2026-11-28T22:00", "unavailable"),
                                   (paracetamol, "2026-11-28T22:00", "held"),
                                   (paracetamol, "2026-11-29T06:00", "asleep")):
        clock.now = datetime.fromisoformat(f"{slot}+01:00") + timedelta(minutes=5)
        medication.record_dose(nurse, order_id, {
            "outcome": "not_given", "given_at": clock.now.isoformat(), "scheduled_for": f"{slot}+01:00",
            "not_given_reason": reason, "not_given_detail": "INR 3.9" if reason == "held" else None},
            overrides={check: "Checked with the prescriber" for check in Check})
    clock.now = datetime.fromisoformat("2026-11-29T07:30+01:00")
    return nurse, patient, paracetamol


def _not_given(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.doses_not_given(nurse.db, nurse.forms, inside, nurse.clock(), lang)


def test_doses_recorded_not_given_are_handed_over_with_what_to_do_by_their_reason(session_for, medication_ward,
                                                                                  clock):
    """A dose recorded not given left the round once saved, and no list said it: the 07:30 sheet
    says each, oldest first, with what the day team does of it; not the dose the doctor held."""
    nurse, patient, _ = _night_not_given(session_for, medication_ward, clock)
    assert _not_given(nurse) == {patient: NOT_GIVEN_AT_0730}
    assert _not_given(nurse, "fr")[patient].startswith(
        "DOSES NON ADMINISTRÉES : Amoxicillin 1 g IV 28/11 20:00 : NON ADMINISTRÉE (R — Refus) — prévenir le "
        "prescripteur ; Enoxaparin")


def test_a_dose_not_given_asleep_is_said_until_given_or_its_next_dose_is_due(session_for, medication_ward, clock):
    """Given once the patient woke, the 06:00 paracetamol is no longer said; one still not given
    is said until the 12:00 dose falls due, that dose being then the one to give. A refusal stays
    for the prescriber until the round's window (12 hours) has passed."""
    nurse, patient, paracetamol = _night_not_given(session_for, medication_ward, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:59+01:00")
    assert "Paracetamol 1 g PO 29/11 06:00" in _not_given(nurse)[patient]
    clock.now = datetime.fromisoformat("2026-11-29T12:00+01:00")
    assert "Paracetamol" not in _not_given(nurse).get(patient, "")
    clock.now = datetime.fromisoformat("2026-11-29T07:40+01:00")
    medication.record_dose(nurse, paracetamol, {"outcome": "given", "given_at": "2026-11-29T07:40+01:00",
                                                "scheduled_for": "2026-11-29T06:00+01:00", "dose_given": 1.0,
                                                "route": "PO"}, overrides={check: "woke at 07:30" for check in Check})
    said = _not_given(nurse)[patient]
    assert "Paracetamol" not in said and "Amoxicillin 1 g IV 28/11 20:00: NOT GIVEN (R — Refused)" in said


def test_the_escalation_list_and_the_handover_sheet_say_doses_not_given(session_for, medication_ward, clock,
                                                                        tmp_path):
    nurse, patient, _ = _night_not_given(session_for, medication_ward, clock)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    listed = [(alert.latest, alert.said) for alert in chart_alerts.alerts(
        nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts if alert.patient.patient_id == patient]
    assert ("Enoxaparin 40 mg SC 28/11 22:00",
            ["NOT GIVEN (N — Drug not available) — get it from pharmacy, or tell the prescriber"]) in listed
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert NOT_GIVEN_AT_0730 in text


def _changed(doctor, order_id, reason, **changes):
    """The order amended by its prescriber, as it reads now, with `changes`."""
    from downtime.storage.records import current_of

    return records.amend(doctor, order_id, {**current_of(doctor.db, [order_id])[order_id].data, **changes}, reason)


def test_a_dose_not_given_says_what_the_nurse_wrote_of_it_not_what_the_form_asks_her(session_for, medication_ward,
                                                                                     clock):
    """20:00 amoxicillin "O — Other (write why)", the form asking the why: "no IV access: cannula
    tissued, 2 attempts", what the day team acts on. The sheet and the escalation list said
    "NOT GIVEN (O — Other (write why))", without it, and told their reader to write why."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T20:10+01:00")
    medication.record_dose(nurse, amoxicillin, {
        "outcome": "not_given", "given_at": clock.now.isoformat(), "scheduled_for": "2026-11-28T20:00+01:00",
        "not_given_reason": "other", "not_given_detail": "no IV access: cannula tissued, 2 attempts"},
        overrides={check: "Checked with the prescriber" for check in Check})
    clock.now = datetime.fromisoformat("2026-11-29T07:30+01:00")
    said = "NOT GIVEN (O — Other: no IV access: cannula tissued, 2 attempts) — tell the prescriber"
    assert _not_given(nurse) == {patient: f"DOSES NOT GIVEN: Amoxicillin 1 g IV 28/11 20:00: {said}"}
    assert _not_given(nurse, "fr") == {patient: (
        "DOSES NON ADMINISTRÉES : Amoxicillin 1 g IV 28/11 20:00 : NON ADMINISTRÉE (O — Autre : no IV access: "
        "cannula tissued, 2 attempts) — prévenir le prescripteur")}
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert ("Amoxicillin 1 g IV 28/11 20:00", [said]) in [
        (alert.latest, alert.said) for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                                    ward="3B").alerts]


def test_a_dose_not_given_of_an_order_its_prescriber_stopped_or_changed_since_is_not_said_to_tell_them(
        session_for, medication_ward, clock):
    """The 20:00 amoxicillin refused: the doctor, told, stops it at 07:35 ("switched to oral"); the
    sheet and the list still said "tell the prescriber" of it, the day team chasing a prescriber
    who had acted. The enoxaparin not available, its order changed since, the same. The asleep
    paracetamol of an order stopped since is not to offer again."""
    nurse, patient, paracetamol = _night_not_given(session_for, medication_ward, clock)
    _, amoxicillin, _ = medication_ward
    doctor = session_for("doctor")
    assert _not_given(nurse) == {patient: NOT_GIVEN_AT_0730}
    clock.now = datetime.fromisoformat("2026-11-29T07:35+01:00")
    _changed(doctor, amoxicillin, "Refusing IV: switched to oral", stop_at=clock.now.isoformat())
    said = _not_given(nurse)[patient]
    assert "Amoxicillin" not in said and "Enoxaparin 40 mg SC 28/11 22:00" in said
    (enoxaparin,) = [order.record_id for order in medication.orders(nurse.db, patient, nurse.clock())
                     if order.drug == "Enoxaparin"]
    _changed(doctor, enoxaparin, "Indication written", indication="VTE prophylaxis")
    assert _not_given(nurse) == {
        patient: "DOSES NOT GIVEN: Paracetamol 1 g PO 29/11 06:00: NOT GIVEN (D — Asleep) — offer it again"}
    _changed(doctor, paracetamol, "Nil by mouth for theatre: IV paracetamol instead", stop_at=clock.now.isoformat())
    assert _not_given(nurse) == {}
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert not [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                       ward="3B").alerts if "NOT GIVEN" in " ".join(alert.said)]


@pytest.mark.parametrize("basal", ["Insulin glargine", "NovoMix 30"])
def test_a_basal_or_premixed_insulin_held_is_handed_over_to_tell_the_prescriber(basal, session_for, medication_ward,
                                                                                 clock):
    """The 12:00 glargine held "NBM for theatre" (the dose dialog asked the nurse to tell the
    prescriber): no list said it, a held dose being the doctor's, and a type 1 patient headed for
    ketoacidosis; a premixed one held was on no list either (review S4 #3). A held mealtime insulin
    is still the doctor's."""
    patient = medication_ward[0]
    insulin = {"route": "SC", "dose_unit": "units", "frequency": "scheduled", "controlled": False, "high_alert": True,
               "time_critical": True, "times": "12:00", "start_at": "2026-11-28T07:00+01:00"}
    nurse = session_for("nurse")
    for drug, dose in ((basal, 18.0), ("Insulin aspart", 6.0)):
        clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
        order = records.save_new(session_for("doctor"), "medication_order", {**insulin, "drug": drug, "dose": dose},
                                 patient_id=patient).record_id
        clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
        medication.record_dose(nurse, order, {
            "outcome": "not_given", "given_at": "2026-11-28T12:05+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
            "not_given_reason": "held", "not_given_detail": "NBM for theatre"},
            overrides={Check.INSULIN_OMITTED: "Dr Benali told"})
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    said = _not_given(nurse)[patient]
    assert f"{basal} 18 units SC 28/11 12:00: NOT GIVEN (W — Held" in said and "tell the prescriber" in said
    assert "aspart" not in said
