"""A high potassium holds a dose of a medicine that raises it (domain.potassium, services.potassium),
as a high INR holds the warfarin: at the dose (the nurse's reason kept), on the round, on the
medication chart and on the printed MAR, until a potassium sampled since is at or below its
range's top or the prescriber amends the order since; a nurse's reason to give one dose ends
nothing. A potassium of 6.8 phoned as critical at 10:30 left the 12:00 Sando-K, ramipril and
spironolactone due like any other dose, and each was given unasked (review R1 D4); a repeat of 5.8,
an older sample's 4.9 reported after it, one dose given on a reason, a supplement named with its
strength, a "> 9.0" and a prescriber's "Hyperkalaemia reviewed" each ended or missed the hold
(review S_NL S2 to S7)."""

from datetime import date, datetime

import pytest

from downtime.domain.lab_results import Bound, Flag, Reading
from downtime.domain.medication import Check, Frequency, Order
from downtime.domain.potassium import (high, is_potassium, mmol_per_l, names_potassium, potassium_said,
                                       raises_potassium)
from downtime.services import medication, printing, records
from tests.pdf_text import pdf_text

NOON = "2026-11-29T12:00+01:00"
RAISERS = {"Potassium chloride (Sando-K)": 1200.0, "Ramipril": 10.0, "Spironolactone": 25.0}


def _order(doctor, patient, drug: str, dose: float) -> str:
    return records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "12:00",
        "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-12-05T12:00+01:00", "indication": "as written",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id


def _potassium(nurse, patient, received_at: str, value: str, flag: str = "critical", test: str = "Potassium",
               **more: object) -> None:
    records.save_new(nurse, "lab_result", {
        "received_at": received_at, "received_by": "telephone", "caller": "Biochemistry, Mme Roux", "read_back": True,
        "test": test, "result": value, "units": "mmol/L", "range": "3.5–5.3", "flag": flag, "told": "Dr Martin",
        "told_at": received_at, "acknowledged": True, "action": "Calcium gluconate, insulin-dextrose", **more},
        patient_id=patient)


def _reported(nurse, patient, received_at: str, value: str, **more: object) -> None:
    """A potassium in range on the laboratory's paper report."""
    records.save_new(nurse, "lab_result", {
        "received_at": received_at, "received_by": "paper", "test": "Potassium", "result": value, "units": "mmol/L",
        "range": "3.5–5.3", "flag": "normal", **more}, patient_id=patient)


def _dose(dose: float, at: str = NOON) -> dict:
    return {"outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": dose, "route": "PO"}


def _asked(nurse, order_id: str, dose: float, at: str = NOON, lang: str = "en") -> list[str]:
    return [w.text(lang) for w in medication.check_dose(nurse, order_id, _dose(dose, at))
            if w.check is Check.POTASSIUM_HIGH]


def _on_the_round(nurse, order_id: str, at: datetime) -> list[str]:
    return [w.text("en") for item in medication.round_list(nurse.db, nurse.forms, "3B", at)
            if item.order.record_id == order_id and item.slot == datetime.fromisoformat(NOON) for w in item.levels]


def _phoned_high(session_for, patient: str, clock, value: str = "6.8", **more: object):
    """The nurse who types, at 10:45 on 29/11, the patient's potassium (`value`, `_potassium`'s
    other answers in `more`) received at 10:30."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", value, **more)
    return nurse


@pytest.fixture
def raisers(session_for, medication_ward, clock):
    """Sando-K, ramipril and spironolactone at 12:00 for the ward's patient: (patient, {drug: order id})."""
    clock.now = datetime.fromisoformat("2026-11-28T07:50+01:00")
    patient = medication_ward[0]
    return patient, {drug: _order(session_for("doctor"), patient, drug, dose) for drug, dose in RAISERS.items()}


def test_a_critical_potassium_holds_each_medicine_that_raises_it_until_a_reason_is_given(
        session_for, medication_ward, raisers, clock):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T12:00+01:00")
    for drug, order in orders.items():
        assert _asked(nurse, order, RAISERS[drug]) == [
            f"{drug}: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: hold and ask "
            "the doctor."]
    assert _asked(nurse, orders["Ramipril"], 10.0, lang="fr") == [
        "Ramipril : KALIÉMIE 6,8 mmol/L (3.5–5.3) reçue le 29/11 10:30, et ce médicament l’augmente : suspendre et "
        "demander au médecin."]
    assert not [w for w in medication.check_dose(nurse, medication_ward[1], {
        "outcome": "given", "given_at": NOON, "scheduled_for": "2026-11-29T14:00+01:00", "dose_given": 1.0,
        "route": "IV"}) if w.check is Check.POTASSIUM_HIGH]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, orders["Ramipril"], _dose(10.0))
    saved = medication.record_dose(nurse, orders["Ramipril"], _dose(10.0),
                                   overrides={Check.POTASSIUM_HIGH: "Dr Martin: give, K repeated at 14:00"})
    assert saved.data["overrides"] == [{"check": "potassium_high", "reason": "Dr Martin: give, K repeated at 14:00"}]


def test_the_round_the_chart_and_the_printed_mar_say_it_until_a_newer_potassium_is_in_range(
        session_for, raisers, clock, tmp_path):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    said = ("Spironolactone: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: hold "
            "and ask the doctor.")
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == orders["Spironolactone"] and item.slot == datetime.fromisoformat(NOON)]
    (row,) = [row for row in medication.mar_grids(nurse.db, [patient], clock.now.date(), 1, clock.now)[patient]
              if row.order.record_id == orders["Spironolactone"]]
    assert [w.text("en") for w in item.levels] == [w.text("en") for w in row.levels] == [said]
    assert medication.holding(item.levels) == medication.holding(row.levels) != []
    assert said in pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1,
                                               first_day=date(2026, 11, 29)))
    clock.now = datetime.fromisoformat("2026-11-29T11:20+01:00")
    _potassium(nurse, patient, "2026-11-29T11:15+01:00", "4.9", flag="normal")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert all(not item.levels for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id in orders.values())
    assert _asked(nurse, orders["Ramipril"], 10.0) == []


def test_a_dose_given_on_a_nurses_reason_ends_no_hold(session_for, raisers, clock):
    patient, orders = raisers
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:45+01:00")
    _potassium(nurse, patient, "2026-11-28T10:30+01:00", "6.1", flag="abnormal")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    medication.record_dose(nurse, orders["Ramipril"], _dose(10.0, "2026-11-28T12:00+01:00"),
                           overrides={Check.POTASSIUM_HIGH: "Dr bleeped, no answer yet"})
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    said = ("Ramipril: no potassium since the POTASSIUM 6.1 mmol/L (3.5–5.3) received 28/11 10:30, and this medicine "
            "raises it: ask for a potassium, and ask the doctor before giving it.")
    assert _asked(nurse, orders["Ramipril"], 10.0) == _on_the_round(nurse, orders["Ramipril"], clock.now) == [said]


def test_a_high_potassium_over_a_day_old_with_none_since_asks_for_one(session_for, raisers, clock):
    """The round on 03/12 said "hold" of 29/11's 6.2 as if it were today's: what ends the hold is a
    potassium, which nobody had asked for (review S_GLN S2). Within the day it says "hold"."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "6.2", flag="abnormal")
    clock.now = datetime.fromisoformat("2026-11-30T10:25+01:00")
    (said,) = _asked(nurse, orders["Ramipril"], 10.0, "2026-11-30T10:25+01:00")
    assert said.endswith("hold and ask the doctor.")
    clock.now = datetime.fromisoformat("2026-12-03T11:55+01:00")
    at = "2026-12-03T12:00+01:00"
    (said,) = _asked(nurse, orders["Ramipril"], 10.0, at)
    assert said == ("Ramipril: no potassium since the POTASSIUM 6.2 mmol/L (3.5–5.3) received 29/11 10:30, and this "
                    "medicine raises it: ask for a potassium, and ask the doctor before giving it.")


def test_the_prescribers_decision_carries_over_the_daily_rewrite_of_the_order(session_for, raisers, clock):
    """Ramipril amended "K 6.2 seen: continue" on 29/11; the chart rewritten on 30/11 at 07:50, the
    old order stopping at 08:00 and the new one starting then: the rewritten order's dose said "hold"
    every day, the decision lost (review S_GLN S2)."""
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", "6.2", flag="abnormal")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Heart failure"},
                  "K 6.2 seen: continue, repeat K tomorrow")
    clock.now = datetime.fromisoformat("2026-11-30T07:50+01:00")
    data = records.history(doctor.db, order)[-1].data
    records.amend(doctor, order, {**data, "stop_at": "2026-11-30T08:00+01:00"}, "Daily rewrite of the chart")
    today = records.save_new(doctor, "medication_order", {**data, "start_at": "2026-11-30T08:00+01:00"},
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    at = "2026-11-30T12:00+01:00"
    assert _asked(nurse, today, 10.0, at) == []
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == today and item.slot == datetime.fromisoformat(at)]
    (said,) = [w.text("en") for w in item.levels]
    assert said == ("Ramipril: POTASSIUM 6.2 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber "
                    "since: “K 6.2 seen: continue, repeat K tomorrow”.")


def test_a_potassium_over_a_day_old_before_the_medicine_was_first_ordered_holds_nothing(
        session_for, raisers, clock):
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:45+01:00")
    _potassium(nurse, patient, "2026-11-28T10:30+01:00", "6.1", flag="abnormal")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")  # written once it is over a day old, unasked
    later = records.save_new(doctor, "medication_order", {
        "drug": "Eplerenone", "dose": 25.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "12:00", "start_at": "2026-11-29T08:00+01:00", "indication": "Heart failure",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, later, 25.0) == []
    assert _asked(nurse, orders["Spironolactone"], 25.0) != []


def test_a_newer_potassium_still_above_its_range_holds_and_one_at_its_top_ends_it(session_for, raisers, clock):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:45+01:00")  # an hour after insulin-dextrose, which wears off
    _potassium(nurse, patient, "2026-11-29T11:40+01:00", "5.8", flag="abnormal")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, orders["Potassium chloride (Sando-K)"], 1200.0) == [
        "Potassium chloride (Sando-K): POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises "
        "it: hold and ask the doctor."]
    _reported(nurse, patient, "2026-11-29T11:50+01:00", "5.3")
    assert _asked(nurse, orders["Potassium chloride (Sando-K)"], 1200.0) == []


def test_an_older_sample_reported_after_a_high_potassium_ends_no_hold(session_for, raisers, clock):
    """The 09:30 sample's 6.8 phoned at 10:30, then the 06:00 routine sample's 4.9 on the paper report
    at 11:20, its sample's time typed or that of the sample it names: the ordinary order of an
    outage's results."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "6.8", sample_taken_at="2026-11-29T09:30+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T11:25+01:00")
    _reported(nurse, patient, "2026-11-29T11:20+01:00", "4.9", sample_taken_at="2026-11-29T06:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert len(_on_the_round(nurse, orders["Spironolactone"], clock.now)) == 1
    assert len(_asked(nurse, orders["Spironolactone"], 25.0)) == 1
    sample = records.save_new(nurse, "lab_request", {
        "taken_at": "2026-11-29T05:50+01:00", "urgency": "routine", "tests": ["electrolytes"],
        "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:50+01:00")
    _reported(nurse, patient, "2026-11-29T11:45+01:00", "4.8", request=sample, gives=["electrolytes"])
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert len(_asked(nurse, orders["Spironolactone"], 25.0)) == 1


def test_a_potassium_beyond_the_assay_holds(session_for, raisers, clock):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "> 9.0")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, orders["Ramipril"], 10.0) == _on_the_round(nurse, orders["Ramipril"], clock.now) == [
        "Ramipril: POTASSIUM > 9 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: hold and ask the "
        "doctor."]


def test_the_usual_range_said_when_none_is_given_is_written_as_the_language_writes_it(session_for, raisers, clock):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "6.8", range="")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    (said,) = _asked(nurse, orders["Ramipril"], 10.0, lang="fr")
    assert "6,8 mmol/L (3,5–5,3)" in said


def test_the_prescribers_amendment_since_the_potassium_is_quoted_and_holds_nothing(session_for, raisers, clock):
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", "6.2", flag="abnormal")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")  # not on the dose: no answer to the potassium
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Hypertension"},
                  "indication")
    assert _asked(nurse, order, 10.0) != []
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Heart failure"},
                  "K 6.2 seen: continue, repeat K tonight")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, order, 10.0) == []
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == order and item.slot == datetime.fromisoformat(NOON)]
    assert [w.text("en") for w in item.levels] == [
        "Ramipril: POTASSIUM 6.2 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber since: “K 6.2 "
        "seen: continue, repeat K tonight”."]
    assert medication.holding(item.levels) == []


@pytest.mark.parametrize("reason", [
    "Hyperkaliémie vue : poursuivre", "Hyperkalaemia reviewed: continue", "hyperK reviewed",
    "K 6.2 seen, urine output good: continue", "K 6.1: rapport du labo vu, poursuivre",
    "Vitamin K given; K 6.2 seen, continue"])
def test_the_prescribers_reason_naming_the_potassium_as_they_write_it_is_their_decision(
        session_for, raisers, clock, reason):
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", "6.2", flag="abnormal")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Heart failure"}, reason)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, order, 10.0) == []
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == order and item.slot == datetime.fromisoformat(NOON)]
    assert len(item.levels) == 1 and medication.holding(item.levels) == []


@pytest.mark.parametrize(("reason", "names"), [
    ("K 6.2 seen: continue", True), ("K+ 6.2", True), ("Kaliémie à 6,1 vue", True), ("hyperkalemia", True),
    ("Potassium reviewed", True), ("Indication", False), ("OK to continue", False), ("Dose changed", False),
    ("K=6.1 ok", True), ("K>6, continue", True), ("Serum K reviewed", True),
    ("Vitamin K given; K 6.2 seen, continue", True),
    ("Times changed per Dr K Patel", False), ("Indication added (K. Lee, pharmacist)", False),
    ("Vitamin K antagonist interaction checked", False), ("Vit K 10 mg given", False), ("Vitamine K donnée", False)])
def test_a_reason_names_the_potassium_in_a_prescribers_words(reason, names):
    assert names_potassium(reason) is names


@pytest.mark.parametrize("reason", [
    "Times changed per Dr K Patel", "Indication added (K. Lee, pharmacist)",
    "Vitamin K antagonist interaction checked"])
def test_a_reason_with_an_initial_k_or_vitamin_k_is_no_decision_on_the_potassium(session_for, raisers, clock, reason):
    """A "K" that is an initial, or vitamin K's, ended a 6.8 hold on spironolactone (review S_GLN S3)."""
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), _phoned_high(session_for, patient, clock)
    order = orders["Spironolactone"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Heart failure"}, reason)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    (said,) = _asked(nurse, order, 25.0)
    assert said.endswith("hold and ask the doctor.")


def test_a_potassium_of_a_sample_the_laboratory_rejected_holds_nothing(session_for, raisers, clock):
    """The 08:50 sample's 6.1, phoned and typed, then closed as rejected, haemolysed: haemolysis
    raises the potassium falsely, and the Sando-K of a patient whose potassium is low was held until
    a repeat was typed (review S_GLN S4)."""
    patient, orders = raisers
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    sample = records.save_new(nurse, "lab_request", {
        "taken_at": "2026-11-29T08:50+01:00", "urgency": "routine", "tests": ["electrolytes"],
        "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", "6.1", flag="abnormal", request=sample.record_id,
               gives=["electrolytes"])
    assert len(_asked(nurse, orders["Ramipril"], 10.0)) == 1
    clock.now = datetime.fromisoformat("2026-11-29T10:50+01:00")
    records.amend(nurse, sample.record_id, {
        **records.history(nurse.db, sample.record_id)[-1].data, "outcome": "rejected",
        "rejected_because": "haemolysed", "closed_by": "Biochemistry, Mme Roux",
        "closed_at": "2026-11-29T10:30+01:00"}, "Laboratory: haemolysed, repeat")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, orders["Ramipril"], 10.0) == []
    assert _asked(nurse, orders["Potassium chloride (Sando-K)"], 1200.0) == []
    assert _on_the_round(nurse, orders["Ramipril"], clock.now) == []


def _drug(drug: str, route: str = "PO") -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=1.0, dose_unit="tablet", route=route,
                 frequency=Frequency.SCHEDULED, times=("08:00",), start_at=datetime.fromisoformat(NOON))


@pytest.mark.parametrize(("drug", "raises"), [
    ("Sando-K", True), ("KCl 20 mmol", True), ("Sodium chloride 0.9% with potassium chloride 20 mmol", True),
    ("Chlorure de potassium", True), ("Diffu-K", True), ("Potassium citrate", True), ("Ramipril", True),
    ("Fosinopril", True), ("Triatec", True), ("Losartan potassium", True), ("Entresto", True), ("Aldactone", True),
    ("Soludactone", True), ("Inspra", True), ("Co-amilofruse", True), ("Triamterene", True), ("Trimethoprim", True),
    ("Septrin", True), ("Furosemide", False), ("Penicillin V potassium", False), ("Amoxicillin", False),
    ("Potassium iodide", False), ("Bisoprolol", False), ("Potassium chloride 600 mg", True),
    ("Potassium phosphate", True), ("Potassium bicarbonate 500 mg (effervescent)", True),
    ("Potassium citrate 3 g", True), ("Potassium Citrate Mixture BP", True), ("Potassium gluconate 2 g", True),
    ("Potassium 20 mmol", True), ("K 20 mmol in sodium chloride 0.9%", True), ("Citrate de potassium", True),
    ("Glucose 5% + KCl 20 mmol", True), ("Slow-K 600 mg", True), ("Kay-Cee-L 10 mL", True),
    ("Diclofenac potassium", False), ("Phenoxymethylpenicillin potassium 250 mg", False),
    ("Potassium permanganate 0.01%", False), ("Vitamin K 10 mg", False), ("Kerendia 10 mg", True),
    ("Rasilez", True), ("Aldactide 50", True)])
def test_the_medicines_that_raise_the_potassium_are_read_by_name(drug, raises):
    assert raises_potassium(_drug(drug)) is raises


def test_a_medicine_put_on_the_skin_raises_nothing():
    assert not raises_potassium(_drug("Potassium chloride", route="TOP"))


@pytest.mark.parametrize(("test", "potassium"), [
    ("Potassium", True), ("K+", True), ("Serum K", True), ("Kaliémie", True), ("Urine potassium", False),
    ("Kaliurèse", False), ("Vitamin K", False), ("Sodium", False), ("Creatinine", False)])
def test_the_potassium_is_read_by_its_test_name(test, potassium):
    assert is_potassium(test) is potassium


@pytest.mark.parametrize(("result", "units", "read"), [
    ("6.8", "mmol/L", Reading(6.8)), ("6,8 H", "", Reading(6.8)), ("6.8 mmol/L", "", Reading(6.8)),
    ("6.8", "mEq/L", Reading(6.8)), ("haemolysed", "mmol/L", None), ("> 9.0", "mmol/L", Reading(9.0, Bound.ABOVE)),
    ("supérieur à 9", "", Reading(9.0, Bound.ABOVE)), ("> 9.0 mmol/L", "", Reading(9.0, Bound.ABOVE)),
    ("< 1.5", "mmol/L", Reading(1.5, Bound.BELOW)), ("6.8", "mg/L", None), ("6.8, repeat 6.9", "mmol/L", None)])
def test_a_potassium_is_read_in_mmol_per_litre(result, units, read):
    assert mmol_per_l(result, units) == read


@pytest.mark.parametrize(("read", "flag", "range_text", "holds"), [
    (Reading(6.0), Flag.ABNORMAL, "3.5–5.3", True), (Reading(5.9), Flag.ABNORMAL, "3.5–5.3", False),
    (Reading(5.9), Flag.CRITICAL, "3.5–5.3", True), (Reading(5.9), Flag.CRITICAL, None, True),
    (Reading(2.4), Flag.CRITICAL, "3.5–5.3", False), (Reading(5.9), Flag.CRITICAL, "3.5–6.0", False),
    (Reading(6.3), Flag.NORMAL, "3.4–6.5", False), (Reading(6.6), Flag.ABNORMAL, "3.4–6.5", True),
    (Reading(9.0, Bound.ABOVE), Flag.CRITICAL, "3.5–5.3", True),
    (Reading(6.5, Bound.BELOW), Flag.ABNORMAL, None, False)])
def test_a_potassium_holds_from_six_or_when_flagged_critical_above_its_range(read, flag, range_text, holds):
    assert high(read, flag, range_text) is holds


@pytest.mark.parametrize(("result", "units", "read"), [
    ("6.8 High", None, Reading(6.8)), ("6.8 critical", None, Reading(6.8)), ("6.8 (critical)", None, Reading(6.8)),
    ("6.8 élevé", None, Reading(6.8)), ("6.8 H!", None, Reading(6.8)), ("6.8 mmol/L H", None, Reading(6.8)),
    ("6.8", "mmol", Reading(6.8)), ("6.8", "mmol/litre", Reading(6.8)), ("6.8", "mM", Reading(6.8)),
    ("6.8", "mmol per L", Reading(6.8)), ("6.8", "mEq", Reading(6.8)), (".8", "mmol/L", None),
    ("6.8 mg/L", None, None), ("6.8 µmol/L", None, None), ("6.8 mmol/L", "mg/L", None)])
def test_a_potassium_is_read_as_the_laboratory_reader_reads_one_number_its_units_by_their_stem(result, units, read):
    """"6.8 High", "6.8 critical" and units typed "mmol" held nothing while the results tab read 6.8;
    ".8" was read as 8 (review T4 D1)."""
    assert mmol_per_l(result, units) == read


@pytest.mark.parametrize(("value", "units"), [("6.8 High", "mmol/L"), ("6.8 critical", ""), ("6.8", "mmol")])
def test_a_potassium_typed_with_its_flag_or_units_as_written_holds(session_for, raisers, clock, value, units):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, value, units=units)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, orders["Ramipril"], 10.0) == [
        "Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: hold and ask the "
        "doctor."]


@pytest.mark.parametrize("flag", ["critical", "abnormal"])
def test_a_potassium_flagged_but_not_read_holds_and_says_it_could_not_be_read(session_for, raisers, clock, flag):
    """A potassium the laboratory flagged that cannot be read as one number in mmol/L held nothing,
    and nothing said so (review T4 D1); a normal one not read holds nothing, and one in range since
    ends the hold."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "6.8, repeat 6.9", flag=flag)
    _potassium(nurse, patient, "2026-11-29T10:35+01:00", "see report", flag="normal")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    said = ("Ramipril: POTASSIUM “6.8, repeat 6.9” received 29/11 10:30, flagged by the laboratory, not read as one "
            "number in mmol/L: this medicine raises it: hold and ask the doctor.")
    assert _asked(nurse, orders["Ramipril"], 10.0) == _on_the_round(nurse, orders["Ramipril"], clock.now) == [said]
    _reported(nurse, patient, "2026-11-29T11:50+01:00", "4.9")
    assert _asked(nurse, orders["Ramipril"], 10.0) == []


def test_a_potassium_not_read_the_prescriber_decided_on_is_quoted_and_holds_nothing(session_for, raisers, clock):
    patient, orders = raisers
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:45+01:00")
    _potassium(nurse, patient, "2026-11-29T10:30+01:00", "6.8, repeat 6.9")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "Heart failure"},
                  "K high: continue, repeat U&E")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, order, 10.0) == []
    assert _on_the_round(nurse, order, clock.now) == [
        "Ramipril: POTASSIUM 6.8, repeat 6.9 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber "
        "since: “K high: continue, repeat U&E”."]


@pytest.mark.parametrize(("test", "result", "said"), [
    ("U&E", "K 6.8", "6.8"), ("Electrolytes", "K+ 6.8", "6.8"), ("Ionogramme", "Na 139, K 6,8 H, Cl 101", "6,8 H"),
    ("Renal profile", "Na 140 K 6.8 Urea 12", "6.8"), ("VBG", "pH 7.31; potassium: > 9.0", "> 9.0"),
    ("Ionogramme sanguin", "Na+ 139 K+ 6,5 Cl- 100", "6,5"),
    ("U+E", "Urea 12, Na/K 20", None), ("U&E", "Na 140", None), ("Potassium", "6.8", "6.8"), ("Na/K", "20", None),
    ("Sodium/Potassium", "20", None), ("Na K", "20", None), ("Sodium", "K 6.8", None)])
def test_a_potassium_under_a_panels_name_is_read_where_the_result_names_it(test, result, said):
    """"K 6.8" typed under "U&E" or "Electrolytes" held nothing; "Na/K", a ratio, was read as the
    potassium (review T4 D6)."""
    assert potassium_said(test, result) == said


def test_a_potassium_typed_under_a_panels_name_holds(session_for, raisers, clock):
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, "Na 139, K 6.8, urea 12", test="U&E")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    (said,) = _asked(nurse, orders["Spironolactone"], 25.0)
    assert said.startswith("Spironolactone: POTASSIUM 6.8 mmol/L (3.5–5.3)")


@pytest.mark.parametrize(("result", "range_text", "said"), [
    ("Na 118, K 5.6", "", []), ("Na 118, K haemolysed", "135–145", []),
    ("Na 128, K 6.8", "135–145", ["Spironolactone: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this "
                                  "medicine raises it: hold and ask the doctor."])])
def test_a_panels_flag_and_range_are_not_its_potassiums(session_for, raisers, clock, result, range_text, said):
    """A U&E flagged Critical, with the sodium's range or none, is so for its sodium: its potassium is
    judged from 6.0 above the usual range, and one not read holds nothing."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock, result, test="U&E", range=range_text)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _asked(nurse, orders["Spironolactone"], 25.0) == said


@pytest.mark.parametrize("reason", [
    "K high", "High K - continue", "K raised", "K elevated, continue", "Hyper K treated", "Hyper-K treated",
    "K of 6.2 noted", "K was 6.8 now repeat pending", "Low K, continue Sando-K", "U&Es reviewed",
    "Repeat U&E: K normal", "K élevée vue"])
def test_a_reason_names_the_potassium_as_prescribers_also_write_it(reason):
    """Each was no decision, and the nurse was told to hold after the doctor had answered (review T4 D7)."""
    assert names_potassium(reason)


@pytest.mark.parametrize("reason", ["Sando-K low dose", "Vitamin K low", "Slow-K of 600 mg"])
def test_a_supplements_brand_or_vitamin_k_beside_a_word_said_of_the_potassium_does_not_name_it(reason):
    assert not names_potassium(reason)


def test_potassium_clavulanate_is_no_supplement():
    assert not raises_potassium(_drug("Potassium clavulanate"))
