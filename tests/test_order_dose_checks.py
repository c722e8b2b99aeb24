"""An order's dose checked when it is written (domain.order_units, services.medication.check_order):
a unit its route cannot take, a medicine dosed in micrograms written in mg, an opioid's tenfold
first dose, and a medicine's own limits (domain.dose_limits) weighed against what the order, and
the patient's other orders of it, allow in a day."""

from datetime import datetime, time

import pytest

from downtime.domain.medication import Frequency, Order
from downtime.domain.order_units import limits_refusals, strength_refusal
from downtime.services import medication, records, wards
from downtime.services.errors import ValidationFailed

BASE = {"route": "PO", "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T15:00+01:00",
        "controlled": False, "high_alert": False}
PRN = {"frequency": "prn", "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4}


def _refused(doctor, patient, values) -> dict[str, str]:
    """The refusal of an order, by field; empty when it is saved."""
    try:
        records.save_new(doctor, "medication_order", {**BASE, **values}, patient_id=patient)
    except ValidationFailed as failed:
        return {error.path: error.message for error in failed.errors}
    return {}


@pytest.mark.parametrize("values,field,said", [
    ({"drug": "Digoxin", "dose": 250.0, "dose_unit": "mg"}, "dose_unit",
     "Digoxin is dosed in micrograms, at most 500 micrograms in one dose by this route: 250 mg is 500 times that. "
     "Did you mean 250 micrograms?"),
    ({"drug": "Levothyroxine", "dose": 100.0, "dose_unit": "mg"}, "dose_unit", "Did you mean 100 micrograms?"),
    ({"drug": "Salbutamol", "dose": 100.0, "dose_unit": "mg", "route": "INH"}, "dose_unit",
     "Did you mean 100 micrograms?"),
    ({"drug": "Digoxin", "dose": 0.75, "dose_unit": "g"}, "dose",
     "Digoxin: 0.75 g in one dose is above the most by this route (500 micrograms)."),
    ({"drug": "Gentamicin", "dose": 1.0, "dose_unit": "tablet", "route": "IV"}, "dose_unit",
     "A dose in tablet(s) cannot be given by the route “Intravenous (IV)”; a dose in tablet(s) is given by: "
     "Buccal (inside the cheek), Nasogastric tube, Oral (PO), Rectal (PR), Sublingual (SL)."),
    ({"drug": "Salbutamol", "dose": 2.0, "dose_unit": "puff", "route": "IV"}, "dose_unit",
     "A dose in puff(s) cannot be given by the route “Intravenous (IV)”"),
    ({"drug": "Insulin aspart", "dose": 6.0, "dose_unit": "puff", "route": "SC", "high_alert": True,
      "time_critical": True}, "dose_unit", "A dose in puff(s) cannot be given by the route “Subcutaneous (SC)”"),
    ({"drug": "Insulin aspart", "dose": 0.6, "dose_unit": "mL", "route": "SC", "high_alert": True,
      "time_critical": True}, "dose_unit", "Insulin aspart is dosed in units only: write its dose in units."),
    ({"drug": "Paracetamol", "dose": 1000.0, "dose_unit": "units"}, "dose_unit",
     "Paracetamol is not dosed in units: its limits could not be weighed."),
    ({"drug": "Paracetamol", "dose": 10.0, "dose_unit": "g"}, "dose",
     "Paracetamol: 10000 mg in one dose is above the most for one dose (1000 mg)."),
    ({"drug": "Codeine", "dose": 300.0, "dose_unit": "mg"}, "dose",
     "Codeine: 300 mg in one dose is above the most for one dose (60 mg)."),
    ({"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "times": "00:00 04:00 08:00 12:00 16:00 20:00"}, "times",
     "Paracetamol: as ordered, up to 6000 mg in 24 h (this order: 6000 mg); at most 4000 mg in 24 h."),
    ({"drug": "Morphine", "dose": 5.0, "dose_unit": "g", "route": "SC", "controlled": True}, "dose_unit",
     "Morphine: 5 g in one dose is 5000 mg, above a usual first dose by this route (10 mg): an opioid is dosed in "
     "mg, write its dose in mg."),
])
def test_a_dose_that_cannot_be_is_refused_on_its_field(session_for, medication_ward, values, field, said):
    """Review 7: each was saved and printed on the chart the nurse follows (1000-fold mg for
    micrograms; a tablet by vein; morphine in grams; paracetamol beyond 1 g a dose and 4 g a
    day, BNF). A reason given for an opioid's dose does not save morphine 5 g."""
    patient, _, _ = medication_ward
    refused = _refused(session_for("doctor"), patient, {**values, medication.DOSE_REASON: "tolerant"})
    assert list(refused) == [field] and said in refused[field]


OPIOID = {"drug": "Morphine sulfate MR", "dose": 60.0, "dose_unit": "mg", "controlled": True, "times": "08:00 20:00"}


@pytest.mark.parametrize("values,said", [
    ({"drug": "Oxycodone", "dose": 50.0, "dose_unit": "mg", "route": "SC", "controlled": True},
     "Oxycodone: 50 mg in one dose by this route is above a usual first dose (10 mg) for a patient not already "
     "taking opioids, where a tenfold slip is likelier than a dose (NPSA/2008/RRR05): check it against the "
     "patient's current dose. For a patient already taking opioids, give the reason in “Dose to check: why "
     "(opioid-tolerant, current dose; weight used; meningitis dose)”."),
    (OPIOID, "Morphine: 60 mg in one dose by this route is above a usual first dose (15 mg)"),
    ({"drug": "Hydromorphone", "dose": 4.0, "dose_unit": "mg", "route": "SC", "controlled": True},
     "Hydromorphone: 4 mg in one dose by this route is above a usual first dose (2 mg)"),
])
def test_an_opioid_above_a_usual_first_dose_is_asked_the_prescribers_reason(session_for, medication_ward, values,
                                                                               said):
    """A patient on long-term opioids (MST 30 mg twice a day, palliative care) is given more
    than a first dose: asked, not refused, and the reason is kept in the order, the laptop
    being the chart in a downtime (NPSA/2008/RRR05)."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", {**BASE, **values}, patient_id=patient)
    assert asked.value.field == medication.DOSE_REASON and said in str(asked.value)
    reason = "Opioid-tolerant: MST 60 mg twice a day at home for 2 years"
    saved = records.save_new(doctor, "medication_order", {**BASE, **values, medication.DOSE_REASON: reason},
                             patient_id=patient)
    assert records.current(doctor.db, saved.record_id).data[medication.DOSE_REASON] == reason


def test_an_opioids_dose_changed_is_asked_its_reason_again(session_for, medication_ward):
    """The reason was given for 60 mg; 120 mg is another judgement. Its times changed keep it."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    order = records.save_new(doctor, "medication_order", {**BASE, **OPIOID, medication.DOSE_REASON: "MST 60 mg BD"},
                             patient_id=patient)
    moved = records.amend(doctor, order.record_id, {**order.data, "times": "09:00 21:00"}, "times")
    with pytest.raises(medication.DoseReasonNeeded):
        records.amend(doctor, order.record_id, {**moved.data, "dose": 120.0}, "dose up")
    doubled = records.amend(doctor, order.record_id, {**moved.data, "dose": 120.0,
                                                      medication.DOSE_REASON: "MST 120 mg BD, pain not controlled"},
                            "dose up")
    assert doubled.data[medication.DOSE_REASON] == "MST 120 mg BD, pain not controlled"


def test_the_opioid_question_is_asked_in_french(session_for, medication_ward):
    patient, _, _ = medication_ward
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(session_for("doctor", lang="fr"), "medication_order", {**BASE, **OPIOID}, patient_id=patient)
    assert "Dose à vérifier : motif" in asked.value.text("fr")


@pytest.mark.parametrize("values", [
    {"drug": "Digoxin", "dose": 250.0, "dose_unit": "microgram"},
    {"drug": "Digoxin", "dose": 0.125, "dose_unit": "mg"},
    {"drug": "Levothyroxine", "dose": 100.0, "dose_unit": "microgram"},
    {"drug": "Salbutamol", "dose": 2.0, "dose_unit": "puff", "route": "INH"},
    {"drug": "Salbutamol", "dose": 5.0, "dose_unit": "mg", "route": "NEB"},
    {"drug": "Glyceryl trinitrate", "dose": 2.0, "dose_unit": "puff", "route": "SL"},
    {"drug": "Colecalciferol", "dose": 100000.0, "dose_unit": "units"},
    {"drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "high_alert": True,
     "time_critical": True},
    {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "times": "06:00 12:00 18:00 23:00"},
    {"drug": "Paracetamol 500 mg", "dose": 2.0, "dose_unit": "tablet", "times": "06:00 12:00 18:00 23:00"},
    {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", **PRN},
    {"drug": "Oxycodone", "dose": 5.0, "dose_unit": "mg", "controlled": True},
    {"drug": "Oxycodone", "dose": 10.0, "dose_unit": "mg", "route": "SC", "controlled": True},
])
def test_a_dose_as_usually_written_is_saved(session_for, medication_ward, values):
    patient, _, _ = medication_ward
    assert _refused(session_for("doctor"), patient, values) == {}


def test_an_as_required_order_allowing_twelve_grams_is_refused_on_its_interval_and_its_most(
        session_for, medication_ward):
    """1 g as required at least 1 h apart, at most 12 in 24 h: 12 g a day (BNF: 4 g, 4 h apart)."""
    patient, _, _ = medication_ward
    refused = _refused(session_for("doctor"), patient, {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", **PRN,
                                                        "min_interval_hours": 1, "max_doses_24h": 12})
    assert refused == {
        "min_interval_hours": "Minimum interval between doses: Paracetamol: doses at least 4 h apart, not 1 h.",
        "max_doses_24h": "Maximum doses in 24 hours: Paracetamol: as ordered, up to 12000 mg in 24 h (this order: "
                         "12000 mg); at most 4000 mg in 24 h."}


def test_the_patients_other_orders_of_the_medicine_are_counted_in_the_already_ordered_question(
        session_for, medication_ward):
    """Regular paracetamol 1 g three times a day, then 1 g as required up to 4 times: 7 g a day.
    Asked, not refused (an as-required order beside a regular one is often meant for a dose the
    regular one missed; the dose check counts every dose given): the question says how much the
    two allow. Stopped first, the regular order leaves the as-required one unasked."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    regular = records.save_new(doctor, "medication_order", {
        **BASE, "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "times": "06:00 12:00 18:00"},
        patient_id=patient)
    as_required = {**BASE, "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", **PRN,
                   "start_at": "2026-11-28T16:00+01:00"}
    asked = medication.duplicate_orders(doctor, as_required, patient)
    assert asked is not None and asked.endswith(
        " Paracetamol: as ordered, up to 7000 mg in 24 h (this order: 4000 mg; Paracetamol 1 g PO: 3000 mg); at most "
        "4000 mg in 24 h.")
    assert medication.duplicate_orders(doctor, {**as_required, "max_doses_24h": 1}, patient) == (
        "Already ordered: Paracetamol 1 g PO, at 06:00 12:00 18:00, from 28/11/2026 15:00.")
    medication.check_order(doctor, patient, records.checked_values(doctor, "medication_order", as_required))
    records.amend(doctor, regular.record_id, {**regular.data, "stop_at": "2026-11-28T16:00+01:00"}, "changed to PRN")
    assert medication.duplicate_orders(doctor, as_required, patient) is None


def test_an_amendment_is_weighed_without_the_order_it_corrects(session_for, medication_ward):
    """Regular paracetamol 1 g four times a day moved to other times is still 4 g, not 8 with
    itself; made six times a day it is refused; an indication added is not weighed again."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    regular = records.save_new(doctor, "medication_order", {
        **BASE, "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "times": "06:00 12:00 18:00 23:00"},
        patient_id=patient)
    moved = records.amend(doctor, regular.record_id, {**regular.data, "times": "08:00 12:00 18:00 23:00"}, "times")
    with pytest.raises(ValidationFailed) as failed:
        records.amend(doctor, regular.record_id, {**moved.data, "times": "00:00 04:00 08:00 12:00 16:00 20:00"}, "more")
    assert [error.path for error in failed.value.errors] == ["times"]
    assert records.amend(doctor, regular.record_id, {**moved.data, "indication": "pain"}, "indication").version == 3


def test_the_order_is_refused_in_french_with_the_forms_own_words(session_for, medication_ward):
    patient, _, _ = medication_ward
    doctor = session_for("doctor", lang="fr")
    refused = _refused(doctor, patient, {"drug": "Gentamicine", "dose": 1.0, "dose_unit": "tablet", "route": "IV"})
    assert "comprimé(s)" in refused["dose_unit"] and "Intraveineuse (IV)" in refused["dose_unit"]


def _prn(**changes) -> Order:
    return Order(**{"record_id": "new", "patient_id": "p", "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g",
                    "route": "PO", "frequency": Frequency.PRN, "min_interval_hours": 4, "max_doses_24h": 4,
                    "start_at": datetime.fromisoformat("2026-11-28T15:00+01:00"), **changes})


def test_a_light_adult_and_a_child_are_weighed_by_their_weight():
    """A 42 kg woman: 60 mg/kg, 2.52 g a day; an 18 kg child: 15 mg/kg a dose (BNF, ANSM)."""
    light = limits_refusals(_prn(), [], age=80, kg=42.0)
    assert [(found.field, str(found.said)) for found in light] == [(
        "max_doses_24h", "Paracetamol: as ordered, up to 4000 mg in 24 h (this order: 4000 mg); at most 2520 mg in "
                         "24 h for 42 kg (60 mg/kg).")]
    child = limits_refusals(_prn(), [], age=6, kg=18.0)
    assert [(found.field, str(found.said)) for found in child] == [(
        "dose", "Paracetamol: 1000 mg in one dose is above the most for one dose whatever the reason (540 mg for 18 "
                "kg, 30 mg/kg); from the usual most (270 mg) up to it, the order is saved with the prescriber's reason.")]
    assert limits_refusals(_prn(dose=250.0, dose_unit="mg"), [], age=6, kg=18.0) == []


def test_a_regular_order_given_every_other_day_counts_its_days_times():
    every_other = _prn(frequency=Frequency.SCHEDULED, times=(time(6), time(12), time(18), time(23)), every_days=2,
                       min_interval_hours=None, max_doses_24h=None)
    assert limits_refusals(every_other, [], age=80, kg=None) == []
    assert [found.field for found in limits_refusals(every_other.model_copy(update={"dose": 1.5}), [], 80, None)] == [
        "dose"]


@pytest.mark.parametrize("drug,dose,unit", [("Codeine phosphate", 30.0, "mg"), ("Co-codamol 8/500", 1.0, "tablet"),
                                            ("Codoliprane", 1.0, "tablet")])
def test_codeine_for_a_child_under_12_is_refused_on_the_medicine(drug, dose, unit):
    """MHRA, ANSM 2013: never under 12 (a 10-year-old's codeine was saved); from 12, weighed as before."""
    order = _prn(drug=drug, dose=dose, dose_unit=unit, min_interval_hours=6)
    assert [(found.field, str(found.said)) for found in limits_refusals(order, [], age=10, kg=40.0)] == [(
        "drug", "Codeine is never given under 12 years, and the patient is 10 years old: children who turn it into "
                "morphine fast have stopped breathing on usual doses (MHRA, ANSM 2013). Prescribe another analgesic.")]
    assert [found.field for found in limits_refusals(order, [], age=12, kg=40.0)] == []
    assert limits_refusals(order, [], age=None, kg=None) == []


def test_a_childs_codeine_order_is_refused_when_written(session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    child = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "birth_date": "2016-05-02", "weight_kg": 32,
        "arrival_at": "2026-11-28T00:30+01:00"}).patient_id
    refused = _refused(session_for("doctor"), child, {"drug": "Codeine phosphate", "dose": 15.0, "dose_unit": "mg"})
    assert list(refused) == ["drug"] and "never given under 12 years, and the patient is 10 years old" in refused["drug"]


INSULIN = {"drug": "Insulin glargine", "dose_unit": "units", "route": "SC", "times": "22:00", "high_alert": True,
           "time_critical": True}


@pytest.mark.parametrize("dose,said", [
    (90.0, "Insulin glargine: 90 units in one dose is 5 times the patient's previous order of it (18 units)"),
    (3.0, "Insulin glargine: 3 units in one dose is a fifth or less of the patient's previous order of it (18 units)"),
    (180.0, "Insulin glargine: 180 units in one dose is more than an insulin syringe holds (100 units)"),
])
def test_an_insulin_tenfold_slip_is_asked_the_prescribers_reason(session_for, medication_ward, dose, said):
    """R2 #1: orders rewritten each day of a downtime, glargine 180 units the day after 18 was
    saved unasked (NPSA/2010/RRR013: "U" read as a 0). Asked, the reason kept in the order."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**BASE, **INSULIN, "dose": 18.0,
                                                  "stop_at": "2026-11-28T23:00+01:00"}, patient_id=patient)
    tomorrow = {**BASE, **INSULIN, "dose": dose, "start_at": "2026-11-29T10:00+01:00"}
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", tomorrow, patient_id=patient)
    assert said in str(asked.value)
    saved = records.save_new(doctor, "medication_order", {**tomorrow, medication.DOSE_REASON: "insulin resistant"},
                             patient_id=patient)
    assert saved.data["dose"] == dose


def test_an_insulin_dose_changed_tenfold_is_asked_and_one_titrated_is_not(session_for, medication_ward):
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    order = records.save_new(doctor, "medication_order", {**BASE, **INSULIN, "dose": 18.0}, patient_id=patient)
    with pytest.raises(medication.DoseReasonNeeded):
        records.amend(doctor, order.record_id, {**order.data, "dose": 180.0}, "dose")
    assert records.amend(doctor, order.record_id, {**order.data, "dose": 20.0}, "titrated").data["dose"] == 20.0
    again = {**BASE, **INSULIN, "dose": 22.0, "start_at": "2026-11-29T10:00+01:00"}
    assert records.save_new(doctor, "medication_order", again, patient_id=patient).data["dose"] == 22.0


# A tablet whose strength its name does not write (order_units.strength_refusal).

NO_TABLET_STRENGTH = ("{} in tablets: write the strength of each of its medicines in the medicine's name (e.g. "
                      "“Paracetamol 500 mg”, “Co-codamol 30/500”): its limits could not weigh the dose, and a tablet "
                      "of another strength may be given.")
NO_CEILING_TABLET_STRENGTH = ("{} in tablets: write the tablet's strength in the medicine's name (e.g. “Digoxin 62.5 "
                              "micrograms”, “Morphine sulfate MR 10 mg”): its tablets come in several strengths, and one "
                              "of another may be given.")
REGULAR_PARACETAMOL = {**BASE, "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g",
                       "times": "06:00 12:00 18:00 23:00"}
CO_CODAMOL = {**BASE, "drug": "Co-codamol", "dose": 2.0, "dose_unit": "tablet", **PRN, "min_interval_hours": 4,
              "max_doses_24h": 4, "start_at": "2026-11-28T16:00+01:00"}


def test_co_codamol_in_tablets_without_its_strength_is_refused_on_the_medicines_name(session_for, medication_ward):
    """"Co-codamol", 2 tablets every 4 h as required, beside regular paracetamol 1 g four times a
    day, was saved and weighed by nothing, at the order or at the dose: 5 g of paracetamol were
    given in 24 h. Written "Co-codamol 30/500", its paracetamol is counted with the regular
    gram's, and the two orders' 8 g asked."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", REGULAR_PARACETAMOL, patient_id=patient)
    assert _refused(doctor, patient, CO_CODAMOL) == {"drug": NO_TABLET_STRENGTH.format("Co-codamol")}
    asked = medication.duplicate_orders(doctor, {**CO_CODAMOL, "drug": "Co-codamol 30/500"}, patient)
    assert asked is not None and asked.endswith(
        " Paracetamol: as ordered, up to 8000 mg in 24 h (this order: 4000 mg; Paracetamol 1 g PO: 4000 mg); at most "
        "4000 mg in 24 h.")


@pytest.mark.parametrize("drug,route,refused", [
    ("Paracetamol", "PO", True),  # 1 g or 2 g by the box
    ("Co-codamol", "PO", True),
    ("Co-codamol 500", "PO", True),  # its codeine not written
    ("Ibuprofen", "PO", True),
    ("Codoliprane", "PR", True),
    ("Paracetamol 500 mg", "PO", False),
    ("Co-codamol 30/500", "PO", False),
    ("Lamaline", "PO", False),  # one product, one content (`PER_TABLET_MG`)
    ("Amlodipine", "PO", False),  # no limits
    ("Metoclopramide", "PO", False),  # held by the age alone, no mg weighed
    ("Morphine sulfate", "PO", True),  # a ceiling alone, which weighs no tablet: 5 mg to 200 mg by the box
    ("Morphine sulfate MR 10 mg", "PO", False),
    ("Digoxin", "PO", True),  # 62.5 to 250 micrograms
    ("Digoxin 62.5 micrograms", "PO", False),
    ("Salbutamol", "PO", False),  # its ceiling is inhaled
    ("Paracetamol", "IV", False),  # refused on its unit (`unit_refusal`)
])
def test_which_tablets_are_asked_their_strength(drug, route, refused):
    order = _prn(drug=drug, dose=2.0, dose_unit="tablet", route=route)
    said = strength_refusal(order)
    assert (said is not None) is refused
    assert said is None or (said.field, str(said.said)) == ("drug", (
        NO_CEILING_TABLET_STRENGTH if drug in ("Morphine sulfate", "Digoxin") else NO_TABLET_STRENGTH).format(drug))


def test_a_tablet_without_its_strength_is_refused_in_french(session_for, medication_ward):
    patient, _, _ = medication_ward
    refused = _refused(session_for("doctor", lang="fr"), patient, {**CO_CODAMOL, "drug": "Paracétamol"})
    assert refused == {"drug": "Paracétamol en comprimés : écrivez le dosage de chacun de ses médicaments dans le nom "
                               "du médicament (par ex. « Paracétamol 500 mg », « Co-codamol 30/500 ») : ses limites ne "
                               "pourraient pas vérifier la dose, et un comprimé d’un autre dosage pourrait être donné."}


def test_an_older_tablet_order_without_its_strength_is_amended_as_before(session_for, medication_ward):
    """Loaded from the EHR (or written before the strength was asked): its indication added is
    saved, as it was; one written with its strength cannot have it taken away, nor be made
    another medicine of limits with none."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    older = records.save_imported(session_for("records"), "medication_order", CO_CODAMOL, patient,
                                  "4d5e6f7a-8b9c-4dae-9f0a-2b3c4d5e6f7a")
    assert records.amend(doctor, older.record_id, {**CO_CODAMOL, "indication": "Pain"}, "Indication added").version == 2
    written = records.save_new(doctor, "medication_order", {**CO_CODAMOL, "drug": "Co-codamol 30/500"},
                               patient_id=patient)
    with pytest.raises(ValidationFailed) as failed:
        records.amend(doctor, written.record_id, CO_CODAMOL, "Strength taken off")
    assert [(error.path, error.message) for error in failed.value.errors] == [
        ("drug", NO_TABLET_STRENGTH.format("Co-codamol"))]
    amlodipine = records.save_new(doctor, "medication_order", {**BASE, "drug": "Amlodipine", "dose": 1.0,
                                                                "dose_unit": "tablet"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="^Ibuprofen in tablets: write the strength"):
        records.amend(doctor, amlodipine.record_id, {**amlodipine.data, "drug": "Ibuprofen"}, "Another medicine")
