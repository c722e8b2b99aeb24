"""Review 7 (medication orders at prescribing): methotrexate by mouth, tube or pen only once a
week; an order given one day in several prescribed again on readmission keeps its days; a dose
from another order named with its day when it was another day; an infusion's rate asked."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

ORDER = {"dose": 15.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "13:00",
         "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": True}
WEEKLY_SAID = ("Methotrexate PO is taken once a week, on a set day, never daily: make it a regular order, "
               "“Once a week” in “How often”, starting on the day of its dose. A cancer protocol's daily doses "
               "are written as once-only doses.")
FLUIDS = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "frequency": "once", "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False}
# A dose of methotrexate, a high-alert medicine, is checked by a second clinician.
CHECKED = ("doctor", "2222")


def _refused(session, patient: str, values: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session, "medication_order", values, patient_id=patient)
    return [(error.path, error.message) for error in refused.value.errors]


def test_oral_methotrexate_written_daily_is_refused_on_how_often(session_for, medication_ward):
    """NPSA/2006/13, the ANSM's never event: "How often" left empty is daily, due every day."""
    patient, _, _ = medication_ward
    assert _refused(session_for("doctor"), patient, {**ORDER, "drug": "Methotrexate"}) == [("every_days", WEEKLY_SAID)]


WEEKLY_FRENCH = ("{drug} {route} se prend une fois par semaine, un jour fixe, jamais tous les jours : "
                 "prescrivez-le en systématique, « {weekly} » dans « {field} », à partir du jour de sa prise. "
                 "Les prises quotidiennes d’un protocole de cancérologie se prescrivent en doses uniques.")


def test_the_refusal_is_said_in_french(session_for, medication_ward, french):
    french(WEEKLY_SAID.replace("Methotrexate PO", "{drug} {route}").replace("“Once a week” in “How often”",
                                                                            "“{weekly}” in “{field}”"), WEEKLY_FRENCH)
    patient, _, _ = medication_ward
    assert _refused(session_for("doctor", "fr"), patient, {**ORDER, "drug": "Méthotrexate", "every_days": "1"}) == [
        ("every_days", "Méthotrexate PO se prend une fois par semaine, un jour fixe, jamais tous les jours : "
                       "prescrivez-le en systématique, « Une fois par semaine » dans « Fréquence », à partir du jour "
                       "de sa prise. Les prises quotidiennes d’un protocole de cancérologie se prescrivent en doses "
                       "uniques.")]


@pytest.mark.parametrize(("drug", "route", "every_days"), [
    ("Methotrexate", "PO", "1"), ("Méthotrexate", "NG", "3"), ("Novatrex 2.5 mg", "PO", "2"), ("Metoject", "SC", "1")])
def test_methotrexate_by_mouth_tube_or_pen_more_often_than_weekly_is_refused(
        session_for, medication_ward, drug, route, every_days):
    patient, _, _ = medication_ward
    values = {**ORDER, "drug": drug, "route": route, "every_days": every_days}
    refused = _refused(session_for("doctor"), patient, values)
    assert [path for path, _ in refused] == ["every_days"]


def test_methotrexate_as_required_is_refused_on_the_type_of_order(session_for, medication_ward):
    patient, _, _ = medication_ward
    values = {**{name: value for name, value in ORDER.items() if name != "times"}, "drug": "Methotrexate",
              "frequency": "prn", "prn_indication": "joint pain", "min_interval_hours": 24, "max_doses_24h": 1}
    assert _refused(session_for("doctor"), patient, values) == [("frequency", WEEKLY_SAID)]


@pytest.mark.parametrize("changes", [
    {"every_days": "7"}, {"every_days": "14"},
    {"frequency": "once", "times": None},                        # a cancer protocol's dose, one by one
    {"route": "IM", "every_days": "2", "dose": 50.0},            # an ectopic pregnancy's alternate days
    {"drug": "Mercaptopurine", "dose": 75.0, "high_alert": False}])
def test_weekly_once_only_injected_into_a_muscle_and_other_medicines_are_saved(session_for, medication_ward, changes):
    patient, _, _ = medication_ward
    values = {"drug": "Methotrexate", **ORDER, **changes}
    assert records.save_new(session_for("doctor"), "medication_order", values, patient_id=patient).version == 1


def test_a_daily_methotrexate_loaded_from_the_ehr_is_stopped_but_not_changed_otherwise(session_for, medication_ward):
    """The snapshot loads what the EHR held; stopping it asks nothing, changing its dose asks it weekly."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    daily = {**ORDER, "drug": "Methotrexate", "every_days": "1"}
    loaded = records.save_imported(session_for("records"), "medication_order", daily, patient,
                                   "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    with pytest.raises(ValidationFailed, match="once a week"):
        records.amend(doctor, loaded.record_id, {**daily, "dose": 10.0}, "Dose reduced")
    assert records.amend(doctor, loaded.record_id, {**daily, "stop_at": "2026-11-28T16:00+01:00"},
                         "Weekly dose written daily").version == 2


def _given_then_readmitted(session_for, admission_values, clock, every_days: str, given_at: str,
                           back_at: str, overrides: dict | None = None) -> str:
    """An order at 13:00 one day in `every_days` from 27/11 (methotrexate 15 mg PO weekly,
    else furosemide 40 mg PO), a dose given at `given_at`, the patient home at 21:00 on the day
    of it and back at `back_at`. Returns the order's id."""
    weekly = every_days == "7"
    medicine = {"drug": "Methotrexate"} if weekly else {"drug": "Furosemide", "dose": 40.0, "high_alert": False}
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values,
                                                                   "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-27T10:00+01:00")
    order = records.save_new(doctor, "medication_order", {
        **ORDER, **medicine, "every_days": every_days, "start_at": "2026-11-27T10:00+01:00"},
        patient_id=patient).record_id
    clock.now = datetime.fromisoformat(given_at)
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": given_at, "scheduled_for": given_at,
                                          "dose_given": ORDER["dose"] if weekly else 40.0, "route": "PO"},
                           overrides=overrides, witness=CHECKED if weekly else None)
    clock.now = datetime.fromisoformat(back_at)
    records.save_new(nurse, "discharge", {"discharged_at": f"{given_at[:10]}T21:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": back_at, "bed": "5"}, patient_id=patient)
    return order


@pytest.fixture
def ward_3b(session_for):
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])


@pytest.mark.parametrize(("every_days", "prescribed_at", "starts_at"), [
    # The probe: given on Friday 27/11, prescribed again on Saturday; due again the next Friday.
    ("7", "2026-11-28T12:30+01:00", "2026-12-04T13:00+01:00"),
    # Furosemide one day in two: due again today at 13:00, a day of its own two after the last dose ...
    ("2", "2026-11-29T12:30+01:00", "2026-11-29T13:00+01:00"),
    # ... and, that time gone, on its next day.
    ("2", "2026-11-29T13:30+01:00", "2026-12-01T13:00+01:00")])
def test_an_order_given_one_day_in_several_prescribed_again_keeps_its_days(
        session_for, ward_3b, admission_values, clock, every_days, prescribed_at, starts_at):
    order = _given_then_readmitted(session_for, admission_values, clock, every_days,
                                          "2026-11-27T13:00+01:00", "2026-11-28T12:00+01:00")
    clock.now = datetime.fromisoformat(prescribed_at)
    assert medication.prescribed_again(session_for("doctor"), order)["start_at"] == starts_at


def test_prescribed_again_its_next_day_is_no_sooner_than_its_last_dose_and_its_days(
        session_for, ward_3b, admission_values, clock):
    """Furosemide one day in two from 27/11 (27, 29, 01/12), its dose given on 28/11 with a
    reason: 29/11 is one of its days, but a day after that dose; 01/12 is the first of its days
    two after it."""
    order = _given_then_readmitted(session_for, admission_values, clock, "2", "2026-11-28T13:00+01:00",
                                          "2026-11-29T10:00+01:00",
                                          overrides={Check.DOSE_SPACING: "Moved by the rheumatologist"})
    clock.now = datetime.fromisoformat("2026-11-29T10:30+01:00")
    assert medication.prescribed_again(session_for("doctor"), order)["start_at"] == "2026-12-01T13:00+01:00"


def test_a_dose_given_from_another_order_another_day_is_named_with_its_day(session_for, medication_ward, clock):
    """Methotrexate weekly from Monday 30/11 written again weekly from Wednesday 02/12: Monday's
    dose, named "given at 08:00", read as this morning's."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    weekly = {**ORDER, "drug": "Methotrexate", "times": "08:00", "every_days": "7"}
    monday = records.save_new(doctor, "medication_order", {**weekly, "start_at": "2026-11-30T08:00+01:00"},
                              patient_id=patient).record_id
    wednesday = records.save_new(doctor, "medication_order", {**weekly, "start_at": "2026-12-02T08:00+01:00"},
                                 patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-30T08:05+01:00")
    medication.record_dose(nurse, monday, {"outcome": "given", "given_at": "2026-11-30T08:00+01:00",
                                           "scheduled_for": "2026-11-30T08:00+01:00", "dose_given": 15.0,
                                           "route": "PO"}, witness=CHECKED)
    clock.now = datetime.fromisoformat("2026-12-02T08:05+01:00")
    said = [warning.message for warning in medication.check_dose(nurse, wednesday, {
        "outcome": "given", "given_at": "2026-12-02T08:00+01:00", "scheduled_for": "2026-12-02T08:00+01:00",
        "dose_given": 15.0, "route": "PO"}) if warning.check is Check.ALREADY_GIVEN]
    assert said == ["Methotrexate 15 mg PO weekly was given at 30/11 08:00 from another order (at 08:00, from "
                    "30/11 08:00); is this medicine ordered twice?"]


@pytest.mark.parametrize(("lang", "said"), [("en", "“Infusion rate” is required."),
                                            ("fr", "« Débit de perfusion » est obligatoire.")])
def test_an_infusion_without_its_rate_is_refused_on_the_rate(session_for, medication_ward, lang, said):
    patient, _, _ = medication_ward
    assert _refused(session_for("doctor", lang), patient, FLUIDS) == [("rate_ml_h", said)]


def test_an_infusion_with_its_rate_is_saved_as_the_forms_version_2(session_for, medication_ward):
    patient, _, _ = medication_ward
    saved = records.save_new(session_for("doctor"), "medication_order", {**FLUIDS, "rate_ml_h": 125.0},
                             patient_id=patient)
    assert saved.form_version >= 2  # the version asking the rate, or a later one (3 asks an antibiotic's review)


def test_an_infusion_loaded_without_a_rate_as_version_1_is_corrected_as_before_and_one_keeps_its_rate(
        session_for, medication_ward):
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    older = records.save_imported(session_for("records"), "medication_order", FLUIDS, patient,
                                  "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")
    corrected = records.amend(doctor, older.record_id, {**FLUIDS, "indication": "Dehydration"}, "Indication added")
    assert corrected.version == 2
    with_rate = records.save_new(doctor, "medication_order", {**FLUIDS, "rate_ml_h": 125.0}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="“Infusion rate” is required"):
        records.amend(doctor, with_rate.record_id, FLUIDS, "Rate taken off")
    tablets = records.save_new(doctor, "medication_order", {**FLUIDS, "form": "other"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="“Infusion rate” is required"):
        records.amend(doctor, tablets.record_id, FLUIDS, "An infusion")
