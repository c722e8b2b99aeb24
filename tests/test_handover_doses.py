"""The handover sheet says each patient's doses the medication round has overdue with nothing
recorded, not only the time-critical ones: a nurse taking over the ward from it did not know who
had doses due and not given (omitted doses are a leading cause of harm from medicines: NPSA
2010, "Reducing harm from omitted and delayed medicines in hospital")."""

import re

from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, printing, records
from tests.test_time_critical import LEVODOPA

OVERDUE = ("DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 27/11 14:00 (MISSED, over 12 h, check the paper first), "
           "27/11 20:00 (MISSED, over 12 h, check the paper first), 28/11 08:00 (check the paper first) — give or record "
           "each on the round")
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
    that of 14:00 due, not overdue: it is not said. The morphine as required has no time to be
    overdue at. Doses of it recorded since, its paper has been gone through: overdue alone."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    assert _overdue(nurse) == {patient: OVERDUE}
    assert _overdue(nurse, "fr") == {patient: (
        "DOSES EN RETARD, NON TRACÉES : Amoxicillin 1 g IV 27/11 14:00 (OMISE, plus de 12 h, vérifier d’abord le "
        "papier), 27/11 20:00 (OMISE, plus de 12 h, vérifier d’abord le papier), 28/11 08:00 (vérifier d’abord le "
        "papier) — donner ou tracer chacune au tour des médicaments")}
    for slot in ("2026-11-27T14:00+01:00", "2026-11-27T20:00+01:00"):
        _record(nurse, amoxicillin, slot)
    clock.advance(minutes=50)  # 14:50: the 14:00 dose late, not overdue yet
    assert _overdue(nurse) == {patient: "DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 28/11 08:00 — give or record "
                                        "each on the round"}
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
        "first); Amoxicillin 1 g IV 27/11 14:00 to 28/11 14:00 (3 MISSED, over 12 h), 28/11 20:00 (check the paper "
        "first) — give or record each on the round")}
    french = _overdue(nurse, "fr")[patient]
    assert "du 27/11 12:00 au 28/11 06:00 (4 OMISES, plus de 12 h), 28/11 18:00 (OMISE, plus de 12 h, vérifier " \
           "d’abord le papier)" in french


def test_a_dose_another_laptop_recorded_otherwise_says_to_check_it_first(dose_on_hold):
    """The 08:00 paracetamol, given on laptop 1, withdrawn on laptop 2: on laptop 2's sheet it is
    overdue, and may have been given."""
    patient, _, _, _, nurse = dose_on_hold
    assert _overdue(nurse)[patient].endswith(
        "28/11 08:00 (check the paper first, another laptop recorded it otherwise: check it first) — give or record "
        "each on the round")
