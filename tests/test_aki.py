"""Acute kidney injury: a creatinine rise staged as the NHS England AKI algorithm and KDIGO stage
it (domain.aki), read from the results as the laboratory gave them, and said with the medicines
of the chart it asks a doctor to review on the escalation list and the handover sheet."""

from datetime import datetime, timedelta, timezone

import pytest

from downtime.domain.aki import Creatinine, is_creatinine, nephrotoxic, reviewed, stage, umol_per_l
from downtime.domain.medication import Frequency, Order
from downtime.services import census, chart_alerts, lab_results, printing, records
from tests.pdf_text import pdf_text

PARIS = timezone(timedelta(hours=1))
CREATININE = {"received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "59–104"}


def _at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=PARIS)


@pytest.mark.parametrize(("values", "expected"), [
    ((80, 119), None), ((80, 120), 1), ((80, 159), 1), ((80, 160), 2), ((80, 239), 2), ((80, 240), 3),
    ((250, 380), 3), ((235, 353), 1), ((236, 354), 3),  # 1.5 times, from 353.6 µmol/L: stage 3
    ((300, 340), None),  # a rise of 40 in two days, but over 48 hours apart below
])
def test_a_creatinine_is_staged_by_its_ratio_to_the_lowest_of_the_week_before(values, expected):
    first, latest = values
    found = stage([Creatinine(_at(25), first), Creatinine(_at(28), latest)], _at(28, 14))
    assert (found.stage if found else None) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    (("0,8", "1,2", "mg/dL"), 1), (("8", "12", "mg/L"), 1), (("0,4", "1,2", "mg/dL"), 3), (("0,8", "2,4", "mg/dL"), 3),
    (("1,5", "4,0", "mg/dL"), 3), (("15", "40", "mg/L"), 3), (("1,2", "1,7", "mg/dL"), None),
])
def test_a_creatinine_in_mg_meets_the_thresholds_it_meets_on_paper(typed, expected):
    """1.2 mg/dL over 0.8 is 1.5 times: in µmol/L its ratio was 1.4999999999999998, and no AKI was
    said where 12 mg/L over 8 mg/L was stage 1; 0.4 to 1.2 mg/dL was stage 2. KDIGO's stage 3 from
    4.0 mg/dL (353.6 µmol/L) read 354: 1.5 to 4.0 mg/dL was stage 2."""
    first, latest, units = typed
    found = stage([Creatinine(_at(25), umol_per_l(first, units)), Creatinine(_at(28), umol_per_l(latest, units))],
                  _at(28, 14))
    assert (found.stage if found else None) == expected


def test_a_rise_of_26_within_48_hours_is_stage_1_and_the_baseline_is_the_weeks_lowest():
    assert stage([Creatinine(_at(27), 90), Creatinine(_at(28), 116)], _at(28, 14)).stage == 1
    assert stage([Creatinine(_at(27), 90), Creatinine(_at(28), 115)], _at(28, 14)) is None
    found = stage([Creatinine(_at(18), 120), Creatinine(_at(24), 70), Creatinine(_at(26), 100),
                   Creatinine(_at(28), 150)], _at(28, 14))
    assert (found.stage, found.baseline.umol) == (2, 70)  # the higher ratio: to the week's lowest, not the 18th's
    assert stage([Creatinine(_at(28), 260)], _at(28, 14)) is None  # nothing to compare with
    assert stage([Creatinine(_at(20), 80), Creatinine(_at(21), 260)], _at(28, 14)) is None  # a week old


def test_a_creatinine_is_read_from_the_laboratorys_words_in_its_units():
    assert [is_creatinine(test) for test in ("Créatinine", "Serum creatinine", "Créatininémie", "Urine creatinine",
                                              "Creatinine clearance", "Creatine kinase")] == [
        True, True, True, False, False, False]
    typed = (("260", "µmol/L"), ("260", "umol/l"), ("2,9", "mg/dL"), ("9", "mg/L"), ("<40", "µmol/L"), ("260", ""),
             ("0", "µmol/L"))
    assert [umol_per_l(result, units) for result, units in typed] == [
        260, 260, pytest.approx(256.36), pytest.approx(79.56), None, None, None]


def test_the_medicines_an_aki_asks_to_review_are_known_by_name_class_and_brand():
    named = ["Ibuprofène", "Metformin", "Ramipril", "Candesartan", "Furosemide",
             "Lithium carbonate", "Iohexol", "Advil", "Aspirin"]
    assert [drug for drug in named if not nephrotoxic(drug, "PO")] == []
    assert nephrotoxic("Vancomycin", "IV") and nephrotoxic("Gentamicin", "IV")
    assert [drug for drug in ("Paracetamol", "Amoxicillin", "Morphine") if nephrotoxic(drug, "PO")] == []
    assert not nephrotoxic("Gentamicin", "EYE")


def test_a_tripled_creatinine_is_said_with_the_nephrotoxic_medicines_on_the_list_and_the_handover(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    for drug, dose, unit, route, times in (("Gentamicin", 350.0, "mg", "IV", "18:00"),
                                           ("Ibuprofen", 400.0, "mg", "PO", "08:00 14:00 20:00"),
                                           ("Metformin", 1.0, "g", "PO", "08:00 20:00")):
        records.save_new(doctor, "medication_order", {
            "drug": drug, "dose": dose, "dose_unit": unit, "route": route, "frequency": "scheduled",
            "times": times, "start_at": "2026-11-27T10:00+01:00", "controlled": False,
            "high_alert": drug == "Gentamicin",
            **({"review_at": "2026-11-29T10:00+01:00"} if drug == "Gentamicin" else {})}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80",
                                           "flag": "normal"}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal", "told": "Dr Martin",
                                           "told_at": "2026-11-28T13:10+01:00", "acknowledged": True},
                     patient_id=patient)
    said = ("AKI STAGE 3: creatinine 260 µmol/L, 3.3x the baseline 80 (27/11): review nephrotoxic medicines: "
            "Gentamicin, Ibuprofen, Metformin; review the doses of those the kidneys clear: Morphine")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)
    listed = chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward="3B").alerts
    assert [alert.said for alert in listed if alert.form_id == "lab_result"] == [[said]]
    assert lab_results.handover(nurse.db, nurse.forms, [patient], clock.now, "en")[patient].endswith(f"; {said}")
    assert lab_results.handover(nurse.db, nurse.forms, [patient], clock.now, "fr")[patient].endswith(
        "; IRA STADE 3 : créatinine 260 µmol/L, 3,3 fois la valeur de base 80 (27/11) : réévaluer les médicaments "
        "néphrotoxiques : Gentamicin, Ibuprofen, Metformin ; réévaluer les doses de ceux qu’éliminent les reins : "
        "Morphine")

    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:30+01:00", "result": "95",
                                           "flag": "normal"}, patient_id=patient)
    listed = chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward="3B").alerts
    assert [alert for alert in listed if alert.form_id == "lab_result"] == []  # back near its baseline


def test_the_printed_results_log_says_the_aki_over_the_results(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T09:30+01:00", "result": "1,0",
                                           "units": "mg/dL", "range": "", "flag": "normal"}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "1.9",
                                           "units": "mg/dL", "range": "", "flag": "abnormal"}, patient_id=patient)
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "results.pdf"))
    assert ("AKI STAGE 1: creatinine 168 µmol/L, 1.9x the baseline 88 (28/11): for the doctor to review"
            in " ".join(text.split()))


def test_an_aki_still_standing_or_against_an_older_result_is_staged_against_the_median_of_the_year_before():
    # NHS England's algorithm: the higher of the ratios to the lowest of the 7 days before (RV1)
    # and to the median of the 8 to 365 days before (RV2)
    standing = stage([Creatinine(_at(20), 80), Creatinine(_at(25), 260), Creatinine(_at(28), 250)], _at(28, 13))
    assert (standing.stage, standing.baseline) == (3, Creatinine(_at(20), 80))  # 250 three days after 260
    older = stage([Creatinine(_at(19), 80), Creatinine(_at(28), 260)], _at(28, 13))
    assert (older.stage, older.baseline.umol) == (3, 80)  # a long stay's next creatinine, 9 days on
    median = stage([Creatinine(_at(2), 70), Creatinine(_at(5), 90), Creatinine(_at(9), 200), Creatinine(_at(12), 100),
                    Creatinine(_at(27), 170)], _at(27, 13))
    assert (median.stage, median.baseline) == (1, Creatinine(_at(12), 95))  # the median of 70, 90, 100, 200
    assert stage([Creatinine(datetime(2025, 11, 20, 12, tzinfo=PARIS), 80), Creatinine(_at(28), 260)],
                 _at(28, 13)) is None  # over a year before
    assert stage([Creatinine(_at(10), 250), Creatinine(_at(24), 90), Creatinine(_at(28), 100)],
                 _at(28, 13)) is None  # recovered: the higher ratio is to the week's 90


def test_a_creatinine_typed_with_its_unit_or_the_laboratorys_flag_in_the_result_is_read():
    typed = (("260 µmol/L", None), ("260 H", "µmol/L"), ("260µmol/l H", ""), ("2,9 mg/dL (H)", None),
             ("260 umol/L", "µmol/L"), ("90 L", "µmol/L"), ("260 mg/L", "µmol/L"), ("260 H", None), ("260 mmol", None))
    assert [umol_per_l(result, units) for result, units in typed] == [
        260, 260, 260, pytest.approx(256.36), 260, 90, None, None, None]  # two units that differ, or none: not read


def _order(drug: str, dose: float, unit: str, route: str, frequency: Frequency = Frequency.SCHEDULED,
           times: tuple[str, ...] = ("08:00",), most: int | None = None) -> Order:
    return Order.model_validate({
        "record_id": "o", "patient_id": "p", "drug": drug, "dose": dose, "dose_unit": unit, "route": route,
        "frequency": frequency, "times": times, "max_doses_24h": most, "start_at": _at(27)})


def test_aspirin_at_the_hearts_dose_and_vancomycin_or_an_aminoglycoside_by_mouth_are_not_reviewed():
    assert [reviewed(order) for order in (
        _order("Aspirin", 75, "mg", "PO"), _order("Aspirin 75 mg", 1, "tablet", "PO"),
        _order("Kardegic", 300, "mg", "PO", Frequency.ONCE, ()),  # a loading dose
        _order("Vancomycin", 125, "mg", "PO", times=("06:00", "12:00", "18:00", "23:00")),
        _order("Neomycin", 1, "g", "NG"))] == [False] * 5
    assert [reviewed(order) for order in (
        _order("Aspirin", 600, "mg", "PO"), _order("Aspirin", 300, "mg", "PO", times=("08:00", "20:00")),
        _order("Aspirin", 300, "mg", "PO", Frequency.PRN, (), 4), _order("Aspirin", 300, "mg", "PO", Frequency.PRN, ()),
        _order("Vancomycin", 1, "g", "IV"), _order("Gentamicin", 350, "mg", "IV"))] == [True] * 6
