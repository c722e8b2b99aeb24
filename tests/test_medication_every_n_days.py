"""A regular order given one day in several (a weekly methotrexate, a 72-hour fentanyl patch):
its doses fall on the start's day and every so many days after, on the round, the chart and
the export; a dose recorded for another day is questioned. And controlled drugs ordered by a
brand's name."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest

from downtime.domain.medication import (
    Check, Frequency, Order, allergy_matches, controlled_drug, dose_spacing, scheduled_slots)
from downtime.services import medication, records
from downtime.services.errors import ServiceError

PARIS = ZoneInfo("Europe/Paris")
MONDAY = "2026-11-30T08:00+01:00"
# Methotrexate is a high-alert medicine: each dose given is checked by a second clinician.
CHECKED = ("doctor", "2222")


@pytest.fixture
def methotrexate(session_for, medication_ward):
    """Methotrexate 15 mg PO once a week from Monday 30/11 08:00, on the ward's patient.
    Returns (nurse, patient, order id)."""
    patient, _, _ = medication_ward
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Methotrexate", "dose": 15.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "every_days": "7", "start_at": MONDAY, "controlled": False, "high_alert": True},
        patient_id=patient)
    return session_for("nurse"), patient, order.record_id


def _order(**changes) -> Order:
    values = {"record_id": "o", "patient_id": "p", "drug": "Fentanyl", "dose": 25.0, "dose_unit": "microgram",
              "route": "TOP", "frequency": Frequency.SCHEDULED, "times": (time(8),),
              "start_at": datetime.fromisoformat("2026-11-28T10:00+01:00")}
    return Order(**values | changes)


def _given(at: str) -> dict:
    return {"outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": 15.0, "route": "PO"}


def test_a_72_hour_patch_falls_every_third_day_from_its_start_and_not_before_it_starts():
    slots = scheduled_slots(_order(every_days=3), date(2026, 11, 27), date(2026, 12, 8), PARIS)
    # 28/11 08:00 is before the order's start at 10:00: the start's day counts, its time does not.
    assert [f"{slot:%d/%m %H:%M}" for slot in slots] == ["01/12 08:00", "04/12 08:00", "07/12 08:00"]


def test_an_order_without_the_field_is_daily_as_before(session_for, medication_ward):
    _, amox, _ = medication_ward
    order = medication.order(session_for("nurse").db, amox)
    assert order.every_days == 1
    assert len(scheduled_slots(order, date(2026, 11, 28), date(2026, 11, 30), PARIS)) == 9
    assert dose_spacing(order) == timedelta(hours=6)


def test_a_weekly_orders_doses_are_a_week_apart():
    assert dose_spacing(_order(every_days=7)) == timedelta(days=7)
    assert dose_spacing(_order(every_days=2, times=(time(8), time(20)))) == timedelta(hours=12)


def test_weekly_methotrexate_is_on_the_round_and_the_chart_on_mondays_only(methotrexate, clock):
    nurse, patient, order_id = methotrexate

    def due(now: str) -> list[str]:
        clock.now = datetime.fromisoformat(now)
        return [f"{item.slot:%d/%m %H:%M}" for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.record_id == order_id]

    assert due("2026-11-29T08:00+01:00") == []
    assert due(MONDAY) == ["30/11 08:00"]
    medication.record_dose(nurse, order_id, _given(MONDAY), witness=CHECKED)
    assert due("2026-12-01T08:00+01:00") == due("2026-12-04T08:00+01:00") == []
    assert due("2026-12-07T08:00+01:00") == ["07/12 08:00"]
    (row,) = [row for row in medication.mar_grids(nurse.db, [patient], date(2026, 11, 28), 14, clock.now)[patient]
              if row.order.record_id == order_id]
    assert [f"{cell.slot:%d/%m}" for cell in row.cells] == ["30/11", "07/12"]


def test_a_dose_for_a_day_not_the_orders_is_questioned_then_saved_with_a_reason(methotrexate, clock):
    nurse, _, order_id = methotrexate
    clock.now = datetime.fromisoformat("2026-12-03T08:05+01:00")
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, order_id, _given("2026-12-03T08:00+01:00"))
    assert [(w.check, w.message) for w in caught.value.warnings] == [
        (Check.DOSE_SPACING, "Methotrexate is given every 7 days from 30/11; 03/12 is not one of its days.")]
    saved = medication.record_dose(nurse, order_id, _given("2026-12-03T08:00+01:00"),
                                   overrides={Check.DOSE_SPACING: "Moved to Thursday by the rheumatologist"},
                                   witness=CHECKED)
    assert saved.data["overrides"] == [{"check": "dose_spacing", "reason": "Moved to Thursday by the rheumatologist"}]
    clock.now = datetime.fromisoformat("2026-12-07T08:05+01:00")
    assert medication.check_dose(nurse, order_id, _given("2026-12-07T08:00+01:00")) == []


def test_the_day_after_a_weekly_dose_a_dose_for_no_time_is_too_close(methotrexate, clock):
    nurse, _, order_id = methotrexate
    clock.now = datetime.fromisoformat("2026-12-01T08:00+01:00")
    medication.record_dose(nurse, order_id, _given(MONDAY), witness=CHECKED)
    extra = {**_given("2026-12-01T08:00+01:00"), "scheduled_for": None}
    checks = [w.check for w in medication.check_dose(nurse, order_id, extra)]
    assert checks == [Check.DOSE_SPACING, Check.DOSE_SPACING]  # a day from Monday's; 01/12 not its day


@pytest.mark.parametrize("lang, label, reading", [
    ("en", "Methotrexate 15 mg PO weekly", "Methotrexate 15 mg PO weekly, at 08:00, from 30/11/2026 08:00"),
    ("fr", "Methotrexate 15 mg PO une fois par semaine",
     "Methotrexate 15 mg PO une fois par semaine, à 08:00, à partir du 30/11/2026 08:00")])
def test_the_chart_and_a_doses_order_say_weekly(methotrexate, session_for, lang, label, reading):
    nurse, _, order_id = methotrexate
    order, form = medication.order(nurse.db, order_id), nurse.form(medication.ORDER_FORM)
    assert medication.order_label(order, form, lang) == label
    assert medication.order_reading(order, form, lang) == reading


@pytest.mark.parametrize("days, en, fr", [(1, None, None), (3, "every 3 days", "tous les 3 jours"),
                                          (14, "every 2 weeks", "toutes les 2 semaines")])
def test_how_often_in_words(days, en, fr):
    order = _order(every_days=days)
    assert (medication.every_days_words(order, "en"), medication.every_days_words(order, "fr")) == (en, fr)


def test_a_daily_orders_label_is_unchanged(session_for, medication_ward):
    nurse = session_for("nurse")
    _, amox, _ = medication_ward
    assert medication.order_label(medication.order(nurse.db, amox), nurse.form(medication.ORDER_FORM), "en") == \
        "Amoxicillin 1 g IV"


def test_the_export_gives_the_weekly_period(methotrexate, exported_resource):
    _, _, order_id = methotrexate
    (dosage,) = exported_resource(order_id, MedicationRequest).dosageInstruction
    assert dosage.text == "15 mg PO at 08:00, every 7 days"
    repeat = dosage.timing.repeat
    assert (repeat.frequency, repeat.period, repeat.periodUnit) == (1, 7, "d")
    assert [str(clock) for clock in repeat.timeOfDay] == ["08:00:00"]


BRANDS = {"Matrifen": True, "Fencino": True, "Durogesic": True, "Effentora": True, "Actiq": True, "Abstral": True,
          "Moscontin": True, "Skenan": True, "Actiskenan": True, "Sevredol": True, "Zomorph": True,
          "MST Continus": True, "Longtec": True, "Shortec": True, "OxyContin": True, "OxyNorm": True,
          "Oxynormoro": True, "Targinact": True, "Palexia": True, "Butrans": True, "Transtec": True,
          "Ritaline": False, "Concerta": False, "Medikinet": False, "Elvanse": False}


@pytest.mark.parametrize("brand, opioid", BRANDS.items())
def test_a_controlled_drug_by_its_brand_is_one_and_an_opioid_matches_an_opioid_allergy(brand, opioid):
    assert controlled_drug(brand) and controlled_drug(f"{brand} 25 microgram/h patch")
    assert allergy_matches(brand, ["Opioïdes (anaphylaxie)", "opioids"]) == (
        ["Opioïdes (anaphylaxie)", "opioids"] if opioid else [])


@pytest.mark.parametrize("drug", ["Methylphenidate", "Méthylphénidate", "Dexamfetamine", "Dexamfétamine",
                                  "Lisdexamfetamine", "Cocaïne", "Nabilone", "Tapentadol", "Buprenorphine"])
def test_schedule_2_medicines_are_controlled(drug):
    assert controlled_drug(drug)


def test_a_brand_is_refused_as_an_order_not_marked_controlled(methotrexate, session_for):
    _, patient, _ = methotrexate
    with pytest.raises(ServiceError, match="must be Yes for Matrifen, a controlled drug"):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Matrifen", "dose": 25.0, "dose_unit": "microgram", "route": "TOP", "frequency": "scheduled",
            "times": "08:00", "every_days": "3", "start_at": MONDAY, "controlled": False, "high_alert": False},
            patient_id=patient)
