"""A time-critical dose not given while the patient slept: the escalation list said "D — Asleep:
tell the doctor" whatever the nurse wrote, "Dr on call told, give at 06:00" unread, and the
doctor was called again."""

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, records

LEVODOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
            "times": "06:00 10:00 14:00 18:00 22:00", "start_at": "2026-11-28T13:30+01:00", "controlled": False,
            "high_alert": False, "time_critical": True}


@pytest.mark.parametrize("detail, said", [
    ("Deeply asleep, Dr on call told, give at 06:00",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, Dr on call told, give at 06:00): "
     "the doctor is told, do as they said"),
    ("Deeply asleep, Dr on call not yet told",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, Dr on call not yet told): tell the "
     "doctor (another route or medicine)"),
    # a told word of the patient, the family or a doctor still to tell is no doctor told (review R2 D1)
    *((detail, f"TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: {detail}): tell the doctor (another route "
               "or medicine)") for detail in (
        "Asleep, patient told it is for his Parkinson's", "Asleep. Patient aware of the risks of missing it",
        "Asleep, daughter informed, will try again with yoghurt", "Asleep, prescriber to be informed at the 14:00 round",
        "Asleep, Dr bleeped, will be told when he answers")),
    ("Asleep, bleeped FY1 and answered: give at 18:00",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Asleep, bleeped FY1 and answered: give at 18:00): "
     "the doctor is told, do as they said"),
    ("Deeply asleep, could not wake",
     "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: D — Asleep: Deeply asleep, could not wake): tell the doctor "
     "(another route or medicine)"),
])
def test_a_time_critical_dose_not_given_asleep_says_what_the_nurse_wrote(session_for, patient, clock, detail, said):
    doctor = session_for("doctor")
    order = records.save_new(doctor, "medication_order", LEVODOPA, patient_id=patient)
    nurse = session_for("nurse")
    clock.advance(minutes=35)
    medication.record_dose(nurse, order.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00",
                                                    "not_given_reason": "asleep", "not_given_detail": detail},
                           overrides={Check.TIME_CRITICAL_NOT_GIVEN: "Not woken"})
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said == [said]


def test_a_doctor_to_be_told_in_the_reason_over_a_warning_is_not_read_as_told(session_for, patient, clock):
    """The glargine refused, recorded over its warning "prescriber to be informed at the 14:00 round":
    a plan, not done (review R2 D1)."""
    order = records.save_new(session_for("doctor"), "medication_order", {
        **LEVODOPA, "drug": "Insulin glargine", "dose": 10.0, "dose_unit": "units", "route": "SC", "high_alert": True},
        patient_id=patient)
    nurse = session_for("nurse")
    clock.advance(minutes=35)
    medication.record_dose(nurse, order.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00",
                                                    "not_given_reason": "refused"},
                           overrides={Check.INSULIN_OMITTED: "Refused x2, prescriber to be informed at the 14:00 round"})
    assert medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: R — Refused): tell the doctor (another route or medicine)")


def test_a_doctor_told_in_french_is_read_so(session_for, patient, clock):
    """The nurse writes in French too: "médecin de garde prévenu"."""
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    nurse = session_for("nurse", "fr")
    clock.advance(minutes=35)
    medication.record_dose(nurse, order.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00",
                                                    "not_given_reason": "asleep",
                                                    "not_given_detail": "Endormie, médecin de garde prévenue"},
                           overrides={Check.TIME_CRITICAL_NOT_GIVEN: "Pas réveillée"})
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "fr", ward="3B").alerts
    (said,) = alert.said
    assert said.endswith("Endormie, médecin de garde prévenue) : médecin prévenu, faire ce qu’il a dit"), said


@pytest.mark.parametrize("written", [
    "NBM for theatre, anaesthetist aware", "Anaesthetist informed", "Medical team aware", "Medical team informed",
    "Surgical team aware", "On call doctor bleeped, aware", "Reported to on-call Dr, aware", "Doctor to review, informed",
    "NBM due to surgery Dr informed", "Going to theatre Dr aware", "Signalé à l'interne, prévenu",
    "Patient à jeun médecin prévenu", "Refused, patient told, Dr aware", "Dr de garde prévenu par téléphone",
    "Medics informed", "Medic aware", "Stroke team aware", "Neuro team aware", "Ortho team aware", "Night team aware",
    "Palliative team aware", "Hospital at night informed", "H@N informed", "Anaesthetics aware", "ANP aware",
    "ACP informed", "PA aware", "Physician associate informed"])
def test_a_clinician_told_is_read_so_across_a_short_note(written):
    """A clinician named in the note and a told word in another of its clauses, or after "due to"
    or "à jeun", is a doctor told: these read "tell the doctor" (review S4 S3)."""
    assert medication.doctor_told(written)


@pytest.mark.parametrize("written", [
    "Refused, patient told it is for his Parkinson's", "Asleep. Patient aware of the risks of missing it",
    "Dr bleeped, no answer, daughter informed", "Dr bleeped, will be told when he answers",
    "prescriber to be informed at the 14:00 round", "Dr not yet told", "Médecin pas encore prévenu",
    "Interne sera prévenue à 14h", "Patient à jeun, famille prévenue", "NBM, nurse in charge informed",
    "Pharmacist aware", "Diabetes nurse aware", "Parkinson's nurse informed", "Matron aware"])
def test_a_doctor_not_or_not_yet_told_is_not_read_as_told(written):
    assert not medication.doctor_told(written)
