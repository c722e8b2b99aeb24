"""An as-required order's next dose allowed (domain.medication.prn_status, as the dose dialog
says it) weighs the medicine's own limits too (domain.dose_limits), as Save does: the dialog
said "A dose is allowed now" where Save then questioned the dose for the medicine's 4 hours
after a regular gram, or its 4 g in 24 hours, and the line says which of them holds it."""

from datetime import datetime, time, timedelta

from downtime.domain.medication import (
    Administration, Check, Frequency, Order, Outcome, prn_status, safety_warnings)
from downtime.services import medication, records, wards

LIMITS = {Check.PRN_INTERVAL, Check.PRN_DAILY_MAX, Check.MAXIMUM_DOSE, Check.MEDICINE_INTERVAL}


def _at(text: str, day: int = 28) -> datetime:
    return datetime.fromisoformat(f"2026-11-{day}T{text}+01:00")


def _regular() -> Order:
    return Order(record_id="reg", patient_id="p", drug="Paracetamol", dose=1.0, dose_unit="g", route="PO",
                 frequency=Frequency.SCHEDULED, times=(time(0), time(6), time(12), time(18)),
                 start_at=_at("00:00") - timedelta(days=2))


def _prn(every_hours: float, most: int, dose: float = 1.0, unit: str = "g") -> Order:
    return Order(record_id="prn", patient_id="p", drug="Paracetamol", dose=dose, dose_unit=unit, route="PO",
                 frequency=Frequency.PRN, min_interval_hours=every_hours, max_doses_24h=most, prn_indication="pain",
                 start_at=_at("00:00") - timedelta(days=2))


def _given(order_id: str, at: datetime) -> Administration:
    return Administration(record_id=f"{order_id}{at.isoformat()}", order_id=order_id, outcome=Outcome.GIVEN,
                          scheduled_for=at if order_id == "reg" else None, at=at, dose=None, given_by="nurse")


NAMES = {"reg": "Paracetamol 1 g PO", "prn": "Paracetamol 1 g PO as required"}


def _status(prn, at, history, kg=70.0, age=72):
    return prn_status(prn, at, history, orders=[_regular()], names=NAMES, age=age, kg=kg)


def _questioned(prn, at, history, kg=70.0, age=72):
    """What Save would question of a dose of `prn` at `at`, of the intervals and maximums."""
    return [w.check for w in safety_warnings(
        prn, outcome=Outcome.GIVEN, at=at, dose=None, scheduled_for=None, allergies=[], history=history,
        admitted=True, prn_orders={"reg"}, other_orders=[(_regular(), NAMES["reg"])], age=age, kg=kg)
        if w.check in LIMITS]


def test_a_regular_gram_at_0600_holds_an_as_required_gram_every_2_h_until_1000():
    """The order's 2 hours let it at 08:00; the medicine's 4 hours, which Save weighs, did not."""
    prn, history = _prn(2, 4), [_given("reg", _at("06:00"))]
    status = _status(prn, _at("08:00"), history)
    assert status.next_at == _at("10:00")
    assert status.held_by.text("en") == "Paracetamol: at least 4 h after the 28/11 06:00 dose (Paracetamol 1 g PO)"
    assert _questioned(prn, _at("08:00"), history) == [Check.MEDICINE_INTERVAL]
    assert _questioned(prn, status.next_at, history) == []
    # from 07:00 the order's own 2 hours hold it first, then the medicine's: still 10:00, said so
    assert _status(prn, _at("07:00"), history).next_at == _at("10:00")
    assert _status(prn, _at("07:00"), history).held_by == status.held_by


def test_four_grams_from_a_regular_order_hold_an_as_required_gram_until_the_first_leaves_the_24_hours():
    """At most 6 a day (6 g) as the order was written: the order's 4 hours said 22:00, when Save
    questioned a fifth gram in 24 hours."""
    prn, history = _prn(4, 6), [_given("reg", _at(f"{hour:02d}:00")) for hour in (0, 6, 12, 18)]
    status = _status(prn, _at("20:00"), history)
    assert status.next_at == _at("00:00", day=29)
    assert status.held_by.text("en") == "Paracetamol: at most 4 g in 24 h"
    assert _questioned(prn, _at("22:00"), history) == [Check.MAXIMUM_DOSE]
    assert _questioned(prn, status.next_at, history) == []


def test_a_42_kg_patients_next_gram_waits_for_her_weights_24_hours():
    prn = _prn(4, 4)
    history = [_given("prn", _at("00:00")), _given("prn", _at("04:00"))]
    status = _status(prn, _at("08:00"), history, kg=42)
    assert status.next_at == _at("00:00", day=29)
    assert status.held_by.text("en") == "Paracetamol: at most 2.52 g in 24 h for 42 kg (60 mg/kg)"
    assert _status(prn, _at("08:00"), history, kg=70).next_at is None


def test_the_orders_own_limit_holding_the_dose_is_said_as_before():
    """Every 6 h: the order's interval, longer than the medicine's, holds it; nothing more said."""
    prn, history = _prn(6, 4), [_given("reg", _at("06:00"))]
    status = _status(prn, _at("08:00"), history)
    assert (status.next_at, status.held_by) == (_at("12:00"), None)


def test_what_no_wait_clears_leaves_the_dose_allowed_now():
    """An adult's gram to a child, above the most for one dose, or above the most in 24 hours
    alone (8 kg: 480 mg), or to a child never weighed: Save questions the dose whenever it is
    given, so the next dose is not put off for it (and one is always found)."""
    prn = _prn(4, 4)
    assert _status(prn, _at("08:00"), [], kg=18, age=5).next_at is None
    assert _status(prn, _at("08:00"), [], kg=None, age=5).next_at is None
    assert _status(prn, _at("08:00"), [_given("prn", _at("02:00"))], kg=8, age=1).next_at is None
    # at 18 kg (1080 mg in 24 h) the 02:00 gram leaves no room for another: that a wait clears
    status = _status(prn, _at("08:00"), [_given("prn", _at("02:00"))], kg=18, age=5)
    assert (status.next_at, status.held_by.text("en")) == (
        _at("02:00", day=29), "Paracetamol: at most 1.08 g in 24 h for 18 kg (60 mg/kg)")


def test_a_stays_weeks_of_regular_doses_are_weighed_quickly(monkeypatch):
    """Asked at each keystroke of the dialog's time: only the doses within a day of the moments
    weighed are given to the medicine's limits, which look no further (a month of 6-hourly doses,
    120 of them, each weighed at every moment, made the dialog lag). Counted, not timed: a timing
    failed on a machine busy with other work."""
    from downtime.domain import medication as domain

    weighed: list[int] = []
    real = domain.beyond_dose_limits
    monkeypatch.setattr(domain, "beyond_dose_limits", lambda order, at, dose, given, *rest, **kw: weighed.append(
        len(given)) or real(order, at, dose, given, *rest, **kw))
    prn = _prn(2, 4)
    history = [_given("reg", _at("00:00") - timedelta(hours=6 * n)) for n in range(120)]
    assert _status(prn, _at("01:00"), history).next_at == _at("06:00")  # 06:00 yesterday's leaves the 24 h
    assert weighed and max(weighed) <= 10


# Through the service, which reads the patient's age and weight for it (as Save does).

def _admit(session_for, admission_values, **changes) -> str:
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, **changes, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id


def _orders(session_for, patient, every_hours, most) -> tuple[str, str]:
    """Regular paracetamol 1 g at 00:00 06:00 12:00 18:00 and 1 g as required, the latter as the
    EHR's snapshot held it: the ward's order form refuses one looser than the medicine's limits
    (tests/test_order_dose_checks.py), but one loaded so is given from. Returns their ids."""
    common = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO",
              "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}
    regular = records.save_new(session_for("doctor"), "medication_order", {
        **common, "frequency": "scheduled", "times": "00:00 06:00 12:00 18:00"}, patient_id=patient)
    prn = records.save_imported(session_for("records"), "medication_order", {
        **common, "frequency": "prn", "prn_indication": "pain", "min_interval_hours": every_hours,
        "max_doses_24h": most}, patient, "0b7d3f52-6a1e-4c9b-8e2d-5f4a3c2b1e0d")
    return regular.record_id, prn.record_id


def _regular_given(nurse, regular, *slots):
    for slot in slots:
        medication.record_dose(nurse, regular, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                "dose_given": 1.0, "route": "PO"}, overrides={Check.ALLERGY: "n/a"})


def _saved_questions(nurse, prn, at):
    return [w.check for w in medication.check_dose(nurse, prn, {
        "outcome": "given", "given_at": at.isoformat(), "dose_given": 1.0, "route": "PO", "given_for": "pain"})
        if w.check in LIMITS]


def test_the_as_required_status_says_what_save_questions_after_a_regular_gram(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values)
    regular, prn = _orders(session_for, patient, 2, 4)
    nurse = session_for("nurse")
    clock.now = _at("08:00")
    _regular_given(nurse, regular, "2026-11-28T06:00+01:00")
    status = medication.as_required_status(nurse, prn)
    assert status.next_at == _at("10:00")
    assert status.held_by.text("en") == "Paracetamol: at least 4 h after the 28/11 06:00 dose (Paracetamol 1 g PO)"
    assert _saved_questions(nurse, prn, _at("08:00")) == [Check.MEDICINE_INTERVAL]
    assert _saved_questions(nurse, prn, status.next_at) == []


def test_the_as_required_status_says_what_save_questions_after_4_g_from_other_orders(session_for, admission_values,
                                                                                     clock):
    patient = _admit(session_for, admission_values)
    regular, prn = _orders(session_for, patient, 4, 6)
    nurse = session_for("nurse")
    clock.now = _at("20:00")
    _regular_given(nurse, regular, *(f"2026-11-28T{hour}:00+01:00" for hour in ("00", "06", "12", "18")))
    status = medication.as_required_status(nurse, prn)
    assert (status.next_at, status.held_by.text("en")) == (_at("00:00", day=29), "Paracetamol: at most 4 g in 24 h")
    assert _saved_questions(nurse, prn, _at("22:00")) == [Check.MAXIMUM_DOSE]
    assert _saved_questions(nurse, prn, status.next_at) == []


def test_the_as_required_status_reads_the_patients_weight(session_for, admission_values, clock):
    patient = _admit(session_for, admission_values)
    _, prn = _orders(session_for, patient, 4, 4)
    nurse = session_for("nurse")
    admission = records.list_current(nurse.db, form_id="admission", patient_id=patient)[0]
    records.amend(nurse, admission.record_id, {**admission.data, "weight_kg": 42, "weight_confirmed_kg": 42},
                  "weighed on the ward")
    clock.now = _at("08:00")
    for at in ("00:00", "04:00"):
        medication.record_dose(nurse, prn, {"outcome": "given", "given_at": _at(at).isoformat(), "dose_given": 1.0,
                                            "route": "PO", "given_for": "pain"}, overrides={Check.ALLERGY: "n/a"})
    status = medication.as_required_status(nurse, prn)
    assert status.next_at == _at("00:00", day=29)
    assert status.held_by.text("en") == "Paracetamol: at most 2.52 g in 24 h for 42 kg (60 mg/kg)"
    assert _saved_questions(nurse, prn, _at("08:00")) == [Check.MAXIMUM_DOSE]


def test_the_printed_chart_says_the_medicines_limit_holding_the_next_dose(session_for, admission_values, clock,
                                                                          tmp_path):
    """On paper, as in the dose dialog: the next time alone sent the nurse to the as-required
    order's own line, whose interval allowed it."""
    from pypdf import PdfReader

    from downtime.services import printing

    patient = _admit(session_for, admission_values)
    regular, _ = _orders(session_for, patient, 2, 4)
    nurse = session_for("nurse")
    clock.now = _at("08:00")
    _regular_given(nurse, regular, "2026-11-28T06:00+01:00")
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).pages)
    assert ("next possible from 28/11 10:00 (Paracetamol: at least 4 h after the 28/11 06:00 dose (Paracetamol 1 g "
            "PO))") in text
