"""An allergy recorded after an order was written: its doses are refused only over an immediate or
severe reaction (a codeine nausea before end-of-life morphine is the nurse's to weigh, and the
prescriber is still asked); an allergy is known by its substance, a reworded reaction no news,
a reaction grown severe news; a reason given on a readmission's order stands whatever the
earlier stay's admission says; and an allergy only a version on hold records is refused and
listed alike."""
from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.domain.staff import Role
from downtime.services import census, chart_alerts, medication, records, staff, wards
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_allergy_reason_and_holds import CO_AMOXICLAV, GIVEN_AT_16

AT_16 = datetime.fromisoformat("2026-11-28T16:05+01:00")
PENICILLIN_NAUSEA = {"substance": "Penicillin", "reaction": "Nausea", "severity": "mild"}
PENICILLIN_RASH = {"substance": "Penicillin", "reaction": "Rash", "severity": "mild"}
PENICILLIN_ANAPHYLAXIS = {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}


def _ordered_then(session_for, admission_values, clock, recorded: list[dict], *, known: list[dict] | None = None,
                  reason: str | None = None):
    """Co-amoxiclav written (with `reason`, if any) while the admission records `known`, then the
    admission amended to record `recorded`."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = records.save_new(nurse, "admission", {
        **admission_values, "allergy_status": "allergies" if known else "nka", "allergies": known or [],
        "arrival_at": "2026-11-27T09:00+01:00"})
    order = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, **({"allergy_reason": reason} if reason else {})},
                             patient_id=admission.patient_id)
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "allergies", "allergies": recorded},
                  "reported by the family")
    clock.now = AT_16
    return nurse, admission.patient_id, order.record_id


def _unreviewed(nurse, patient: str) -> list[str]:
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    return [said for _, said in medication.allergies_unreviewed(nurse.db, nurse.forms, "en", [summary], AT_16).get(
        patient, [])]


def test_a_mild_reaction_recorded_since_is_weighed_by_the_nurse_and_the_prescriber_still_asked(
        session_for, admission_values, clock):
    nurse, patient, order = _ordered_then(session_for, admission_values, clock, [PENICILLIN_NAUSEA])
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, dict(GIVEN_AT_16))
    assert _unreviewed(nurse, patient) == [(
        "ALLERGY RECORDED AFTER THE ORDER: Penicillin (Nausea, mild): the prescriber to review the order (amend it "
        "with the allergy acknowledged, or stop it)")]
    given = medication.record_dose(nurse, order, dict(GIVEN_AT_16), overrides={Check.ALLERGY: "nausea only, antiemetic"})
    assert given.data["outcome"] == "given"


def test_a_severe_reaction_recorded_since_is_refused_and_the_night_path_named(session_for, admission_values, clock):
    nurse, _, order = _ordered_then(session_for, admission_values, clock, [PENICILLIN_ANAPHYLAXIS])
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order, dict(GIVEN_AT_16), overrides={Check.ALLERGY: "she is fine"})
    assert not isinstance(refused.value, medication.OverrideNeeded)
    assert refused.value.text("en").endswith(
        "At night, take the on-call prescriber's decision as a telephone order: amend the order, given by telephone, "
        "with the allergy reason.")


def test_a_reason_naming_the_substance_before_it_was_recorded_covers_it(session_for, admission_values, clock):
    nurse, patient, order = _ordered_then(session_for, admission_values, clock, [PENICILLIN_RASH],
                                          reason="Penicillin rash as a child; tolerated amoxicillin 2024")
    assert _unreviewed(nurse, patient) == []
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, dict(GIVEN_AT_16))
    assert "Prescribed all the same" in asked.value.warnings[0].text("en")


def test_a_reaction_reworded_is_known_and_one_grown_severe_is_not(session_for, admission_values, clock):
    nurse, patient, order = _ordered_then(session_for, admission_values, clock,
                                          [{**PENICILLIN_RASH, "reaction": "Rash (itchy, 2010)"}],
                                          known=[PENICILLIN_RASH], reason="Mild rash only; benefit outweighs")
    assert _unreviewed(nurse, patient) == []
    admission = next(found for found in records.list_current(nurse.db, patient_id=patient)
                     if found.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "allergies": [PENICILLIN_ANAPHYLAXIS]},
                  "GP letter: it was an anaphylaxis")
    assert _unreviewed(nurse, patient) == [(
        "NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber to "
        "review the order (amend it with the allergy acknowledged, or stop it)")]
    with pytest.raises(ServiceError):
        medication.record_dose(nurse, order, dict(GIVEN_AT_16), overrides={Check.ALLERGY: "reason read"})


def test_a_reason_on_a_readmissions_order_stands_after_the_earlier_stay_is_corrected(
        session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])

    def at(when: str) -> datetime:
        return datetime.fromisoformat(f"2026-11-{when}+01:00")

    clock.now = at("27T08:05")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    first = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T08:00+01:00",
                                                  "allergy_status": "nka", "allergies": []})
    clock.now = at("27T21:05")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T21:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    clock.now = at("28T12:05")
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+01:00", "bed": "5",
                                          "allergy_status": "allergies", "allergies": [PENICILLIN_RASH]},
                     patient_id=first.patient_id)
    clock.now = at("28T12:10")
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 63.0}, "first stay: weight from the paper notes")
    clock.now = at("28T12:20")
    order = records.save_new(doctor, "medication_order", {
        **CO_AMOXICLAV, "times": "14:00", "start_at": "2026-11-28T14:00+01:00", "review_at": "2026-11-30T14:00+01:00",
        "allergy_reason": "Mild rash only in 2010; benefit outweighs"}, patient_id=first.patient_id).record_id
    clock.now = at("28T14:05")
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, {**GIVEN_AT_16, "given_at": "2026-11-28T14:05+01:00",
                                              "scheduled_for": "2026-11-28T14:00+01:00"})
    assert "Prescribed all the same" in asked.value.warnings[0].text("en")


def test_an_allergy_on_a_version_on_hold_is_listed_as_its_dose_is_refused(tmp_path, weighed_on_another_laptop, clock):
    admitted, saved, nurse_1, clerk_1, nurse_2, clerk_2 = weighed_on_another_laptop
    codeine = admitted["allergies"][0]
    admin = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "admin", "0000", clock), nurse_2.forms, clock)
    staff.add_staff(admin, "doc", "Doctor", Role.DOCTOR, "2222")
    doctor = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "doc", "2222", clock), nurse_2.forms, clock)
    clock.advance(minutes=2)
    order = records.save_new(doctor, "medication_order", CO_AMOXICLAV, patient_id=saved.patient_id).record_id
    clock.advance(minutes=3)
    records.amend(nurse_1, saved.record_id, {**admitted, "allergies": [codeine, PENICILLIN_ANAPHYLAXIS]},
                  "allergy found")
    import_export(clerk_2, export(clerk_1, tmp_path / "again").folder)
    clock.now = clock.now.replace(hour=16, minute=5)
    nurse = Session(nurse_2.db, nurse_2.device, nurse_2.user, nurse_2.forms, clock)
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order, {**GIVEN_AT_16, "given_at": clock.now.isoformat(timespec="minutes")})
    assert not isinstance(refused.value, medication.OverrideNeeded)
    summary = census.patient_with_location(nurse.db, nurse.forms, saved.patient_id)
    (said,) = [said for _, said in medication.allergies_unreviewed(nurse.db, nurse.forms, "en", [summary], clock.now)[
        saved.patient_id]]
    assert said.startswith("NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe) — in the "
                           "version on hold from"), said
    inside = [row.patient for row in census.census(nurse.db, nurse.forms, ward=summary.ward, at=clock.now) if row.patient]
    alerts = chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward=summary.ward).alerts
    assert [[said]] == [alert.said for alert in alerts if alert.form_id == medication.ORDER_FORM]


def test_a_dose_transcribed_from_paper_over_the_refusal_is_saved_and_the_prescriber_told(
        session_for, admission_values, clock):
    """Refused at 16:05, then typed in at 16:21 as transcribed from the paper chart: saved, and
    the escalation list still read "not to be given", as though it had not been."""
    nurse, patient, order = _ordered_then(session_for, admission_values, clock, [PENICILLIN_ANAPHYLAXIS])
    clock.now = datetime.fromisoformat("2026-11-28T16:21+01:00")
    on_paper = {**GIVEN_AT_16, "transcribed": True}
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, order, dict(on_paper), overrides={Check.ALLERGY: "given at 16:05 on paper"})
    assert [error.path for error in refused.value.errors] == ["paper_reference"]
    medication.record_dose(nurse, order, {**on_paper, "paper_reference": "paper MAR, 28/11 16:00"},
                           overrides={Check.ALLERGY: "given at 16:05 on paper"})
    clock.now = AT_16
    assert _unreviewed(nurse, patient) == [(
        "NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber to "
        "review the order (amend it with the allergy acknowledged, or stop it); DOSE GIVEN OVER AN ALLERGY NOT "
        "REVIEWED: 28/11 16:05: tell the prescriber")]
