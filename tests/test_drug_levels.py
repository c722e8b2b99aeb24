"""A gentamicin or vancomycin level sent to the laboratory (lab_request version 4: "Drug level",
naming the drug, its timing and the last dose) holds the drug's next dose: while it is awaited,
and once back above its range since the last dose, the dose dialog's checks and the round say so,
and the nurse gives it only with a reason, as the other warnings."""

from datetime import datetime

import pytest

from downtime.domain.lab_results import above_range
from downtime.domain.medication import Check
from downtime.services import lab_results, medication, records

GENTAMICIN = {"drug": "Gentamicin", "dose": 380.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
              "times": "12:00", "start_at": "2026-11-28T12:00+01:00", "review_at": "2026-11-30T12:00+01:00",
              "indication": "Pyelonephritis", "controlled": False, "high_alert": False}
TROUGH = {"taken_at": "2026-11-29T06:00+01:00", "urgency": "urgent", "tests": ["drug_level"],
          "level_drug": "Gentamicine", "level_timing": "trough", "last_dose_at": "2026-11-28T12:00+01:00",
          "sample_number": "G123"}
RESULT = {"received_at": "2026-11-29T11:30+01:00", "gives": ["drug_level"], "received_by": "telephone",
          "caller": "Biochemistry", "read_back": True, "test": "Gentamicin", "result": "2.4", "units": "mg/L",
          "range": "< 1", "flag": "abnormal"}


def _dose(day: str) -> dict[str, object]:
    return {"outcome": "given", "given_at": f"2026-11-{day}T12:00+01:00", "scheduled_for": f"2026-11-{day}T12:00+01:00",
            "dose_given": 380.0, "route": "IV"}


@pytest.fixture
def gentamicin(session_for, medication_ward, clock) -> tuple[str, str]:
    """Gentamicin 380 mg IV daily at 12:00, its first dose given 28/11 12:00: (patient id, order id)."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T11:50+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", GENTAMICIN, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T12:01+01:00")
    medication.record_dose(session_for("nurse"), order, _dose("28"))
    return patient, order


def _levels(session, order: str, day: str = "29") -> list[str]:
    return [w.text("en") for w in medication.check_dose(session, order, _dose(day))
            if w.check in (Check.LEVEL_AWAITED, Check.LEVEL_ABOVE_RANGE)]


def _round(session, order: str) -> list[str]:
    """The round's line of the order's dose due now: what it waits on."""
    [item] = [item for item in medication.round_list(session.db, session.forms, "3B", session.clock())
              if item.order.record_id == order]
    return [w.text("en") for w in item.levels]


def test_the_request_form_offers_a_drug_level_naming_the_drug_its_timing_and_last_dose(forms):
    spec = forms["lab_request"]
    assert "drug_level" in [option.code for option in spec.field("tests").options]
    assert "drug_level" in [option.code for option in forms["lab_result"].field("gives").options]
    for asked in ("level_drug", "level_timing", "last_dose_at"):
        assert spec.field(asked).required_when is not None


def test_a_drug_level_is_named_by_its_drug_and_timing_where_samples_are_listed(session_for, gentamicin, clock, forms):
    """The tab, the handover and the export name the sample's tests: "Drug level" said not which."""
    patient, _ = gentamicin
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    records.save_new(session_for("nurse"), "lab_request", {**TROUGH, "tests": ["fbc", "drug_level"]}, patient_id=patient)
    [sent] = lab_results.samples(session_for("nurse").db, patient)
    assert sent.tests(forms["lab_request"], "en") == "Full blood count, Gentamicine level (Trough)"
    assert sent.tests(forms["lab_request"], "fr") == "Numération formule sanguine, Dosage de Gentamicine (Résiduel)"


def test_a_level_awaited_then_back_above_range_holds_the_next_dose(session_for, gentamicin, clock):
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    assert _levels(nurse, order) == []
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:20+01:00")
    awaited = "Gentamicin: LEVEL AWAITED: check it before giving (trough level taken 29/11 06:00, no result yet)."
    assert _levels(nurse, order) == [awaited]
    assert _round(nurse, order) == [awaited]
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample}, patient_id=patient)
    above = "Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, < 1): hold and ask the doctor."
    assert _levels(nurse, order) == [above]
    assert _round(nurse, order) == [above]
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, _dose("29"))
    saved = medication.record_dose(nurse, order, _dose("29"),
                                   overrides={Check.LEVEL_ABOVE_RANGE: "Dr Benali: give, level repeated tomorrow"})
    assert saved.data["overrides"] == [{"check": "level_above_range", "reason": "Dr Benali: give, level repeated tomorrow"}]
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    assert _levels(nurse, order, "30") == [], "the result came before the dose given on it"


def test_a_level_in_range_or_of_another_drug_or_closed_holds_nothing(session_for, gentamicin, clock):
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    vancomycin = records.save_new(nurse, "lab_request", {**TROUGH, "level_drug": "Vancomycin"},
                                  patient_id=patient).record_id
    lost = records.save_new(nurse, "lab_request", {**TROUGH, "sample_number": "G124"}, patient_id=patient)
    records.amend(nurse, lost.record_id, {**lost.data, "outcome": "lost", "closed_by": "Biochemistry",
                                          "closed_at": "2026-11-29T08:00+01:00"}, "Lost by the porters")
    sample = records.save_new(nurse, "lab_request", {**TROUGH, "sample_number": "G125"}, patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "result": "0.6", "flag": "normal"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**RESULT, "request": vancomycin, "test": "Vancomycin", "result": "25",
                                           "range": "15–20"}, patient_id=patient)
    assert _levels(nurse, order) == []


def test_a_medicine_no_level_decides_is_not_held(session_for, medication_ward, clock):
    patient, amoxicillin = medication_ward[0], medication_ward[1]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    records.save_new(nurse, "lab_request", {**TROUGH, "level_drug": "Amoxicillin"}, patient_id=patient)
    dose = {"outcome": "given", "given_at": "2026-11-29T14:00+01:00", "scheduled_for": "2026-11-29T14:00+01:00",
            "dose_given": 1.0, "route": "IV"}
    assert not {Check.LEVEL_AWAITED, Check.LEVEL_ABOVE_RANGE} & {w.check for w in
                                                                 medication.check_dose(nurse, amoxicillin, dose)}


def test_the_printed_mar_says_the_level_awaited_in_the_orders_box(session_for, gentamicin, clock, tmp_path):
    """On paper the gentamicin box has its "level taken / result / next dose" lines: the chart
    printed for the night says the level awaited, in the box's red."""
    import re

    from pypdf import PdfReader

    from downtime.services import printing

    patient, _ = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    records.save_new(nurse, "lab_request", TROUGH, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T11:20+01:00")
    out = printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")
    printed = " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(out).pages)
    assert "Gentamicin: LEVEL AWAITED: check it before giving (trough level taken 29/11 06:00, no result yet)." in printed


@pytest.mark.parametrize("range_text", ["<1 mg/L (trough, 18-24 h)", "< 1 mg/L 1 h post dose",
                                        "< 1 mg/L (pre-dose, 24 h)", "< 1 mg/L, 24 h",
                                        "1-2 mg/L (trough, 18-24 h)", "1 - 2 mg/L (pre-dose, 24 h)",
                                        "1-2 mg/L 12 h post dose", "Trough 1,5 à 2 mg/L, 18-24 h"])
def test_a_level_above_a_range_given_with_its_timing_holds_the_next_dose(session_for, gentamicin, clock, range_text):
    """The laboratory phones a trough's range with its timing, as a bound or a low–high pair: read
    as a doubt (three numbers, the "h" of hours taken for "homme"), it held nothing, and the next
    gentamicin dose was given."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "range": range_text}, patient_id=patient)
    assert _levels(nurse, order) == [
        f"Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, {range_text}): hold and ask the doctor."]


@pytest.mark.parametrize("range_text", ["1,000-2,000 ng/mL", "1 000 - 2 000 µg/L"])
def test_a_level_within_a_range_written_in_thousands_holds_nothing(range_text):
    """Thousands are a doubt, as for any result: a level of 1500 read against 1 and 2 (the pair's
    halves) held the next dose as LEVEL ABOVE RANGE."""
    assert not above_range("1500", range_text) and not above_range("2500", range_text)


def test_a_level_typed_as_a_result_with_no_sample_sent_here_holds_the_next_dose(session_for, gentamicin, clock):
    """The trough went on the paper request, the laptop elsewhere; the laboratory phones it back
    and the nurse types the result with no sample, as the form allows."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    phoned = {key: value for key, value in RESULT.items() if key != "gives"}
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    records.save_new(nurse, "lab_result", {**phoned, "received_at": "2026-11-29T08:50+01:00", "result": "0.6"},
                     patient_id=patient)  # in its range
    assert _levels(nurse, order) == []
    clock.now = datetime.fromisoformat("2026-11-29T11:40+01:00")
    records.save_new(nurse, "lab_result", {**phoned, "test": "Gentamicin trough", "result": "4.2",
                                           "sample_taken_at": "2026-11-29T06:00+01:00"}, patient_id=patient)
    said = ("Gentamicin: LEVEL ABOVE RANGE (Gentamicin trough 4.2 mg/L, < 1, received 29/11 11:30): hold and ask the "
            "doctor.")
    assert _levels(nurse, order) == [said]
    assert _round(nurse, order) == [said]
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    medication.record_dose(nurse, order, _dose("29"), overrides={Check.LEVEL_ABOVE_RANGE: "Dr Martin: give"})
    assert _levels(nurse, order, "30") == []  # known to whoever gave the dose since


def test_a_third_dose_with_no_level_taken_since_the_first_asks_for_one(session_for, gentamicin, clock):
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _levels(nurse, order) == []  # the second dose: a trough may be taken before the third
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    medication.record_dose(nurse, order, _dose("29"))
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    said = ("Gentamicin: NO LEVEL SENT since the first dose on 28/11 12:00: take one and check with the doctor before "
            "giving.")
    assert _levels(nurse, order, "30") == [said]
    assert _round(nurse, order) == [said]
    records.save_new(nurse, "lab_request", {**TROUGH, "taken_at": "2026-11-30T06:00+01:00"}, patient_id=patient)
    assert _levels(nurse, order, "30") == [  # the trough taken, its result awaited
        "Gentamicin: LEVEL AWAITED: check it before giving (trough level taken 30/11 06:00, no result yet)."]


def _not_sent(session, order: str, at: str, dose: float, route: str = "IV") -> list[str]:
    """What a dose of `order` at `at` is told of a level not sent."""
    return [w.text("en") for w in medication.check_dose(session, order, {
        "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": dose, "route": route})
        if "NO LEVEL SENT" in w.text("en")]


def _given_at(session, order: str, clock, dose: float, *times: str) -> None:
    for at in times:
        clock.now = datetime.fromisoformat(at)
        medication.record_dose(session, order, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                                "dose_given": dose, "route": "IV"},
                               overrides={Check.LEVEL_AWAITED: "Dr Martin: give, level tomorrow"})


@pytest.mark.parametrize("drug, times, quiet, asked", [
    # Teicoplanin's three 12-hourly loading doses then daily: its first trough by day 5.
    ("Teicoplanin", "08:00 20:00", ["2026-11-28T08:00+01:00", "2026-11-28T20:00+01:00"], "2026-11-29T08:00+01:00"),
    # Vancomycin 12-hourly: its first trough before the 4th dose.
    ("Vancomycin", "08:00 20:00", ["2026-11-28T08:00+01:00", "2026-11-28T20:00+01:00"], "2026-11-29T08:00+01:00"),
])
def test_a_glycopeptides_first_level_is_asked_when_its_own_rule_says(session_for, medication_ward, clock, drug, times,
                                                                      quiet, asked):
    """The third dose of a teicoplanin loading or of a 12-hourly vancomycin was held NO LEVEL SENT,
    the aminoglycosides' rule: a level no laboratory reads, and a septic patient's loading waiting."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:50+01:00")
    order = records.save_new(doctor, "medication_order", {
        **GENTAMICIN, "drug": drug, "dose": 600.0, "times": times, "start_at": "2026-11-28T08:00+01:00",
        "review_at": "2026-12-05T08:00+01:00", "review_reason": "MRSA endocarditis, 6 weeks"},
        patient_id=patient).record_id
    _given_at(nurse, order, clock, 600.0, *quiet)
    clock.now = datetime.fromisoformat("2026-11-29T07:55+01:00")
    assert _not_sent(nurse, order, asked, 600.0) == []
    _given_at(nurse, order, clock, 600.0, asked)
    fourth = "2026-11-29T20:00+01:00"
    clock.now = datetime.fromisoformat("2026-11-29T19:55+01:00")
    assert bool(_not_sent(nurse, order, fourth, 600.0)) is (drug == "Vancomycin")  # teicoplanin's: by day 5
    _given_at(nurse, order, clock, 600.0, fourth, "2026-11-30T20:00+01:00", "2026-12-01T20:00+01:00")
    clock.now = datetime.fromisoformat("2026-12-02T19:55+01:00")
    assert _not_sent(nurse, order, "2026-12-02T20:00+01:00", 600.0) == [
        f"{drug}: NO LEVEL SENT since the first dose on 28/11 08:00: take one and check with the doctor before giving."]


def test_a_gentamicin_rewritten_each_day_is_one_course_asked_for_its_level(session_for, medication_ward, clock):
    """The outage's orders are rewritten each day: counted by order, the third daily gentamicin,
    under its third order, no level ever sent, was asked nothing."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    made = []
    for day in ("28", "29", "30"):
        clock.now = datetime.fromisoformat(f"2026-11-{day}T09:00+01:00")
        made.append(records.save_new(doctor, "medication_order", {
            **GENTAMICIN, "start_at": f"2026-11-{day}T10:00+01:00", "stop_at": f"2026-11-{day}T23:59+01:00",
            "review_at": f"2026-11-{day}T23:00+01:00"}, patient_id=patient).record_id)
        if day != "30":
            _given_at(nurse, made[-1], clock, 380.0, f"2026-11-{day}T12:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    assert _not_sent(nurse, made[-1], "2026-11-30T12:00+01:00", 380.0) == [
        "Gentamicin: NO LEVEL SENT since the first dose on 28/11 12:00: take one and check with the doctor before "
        "giving."]
    # A course of a month before is another: its doses are not counted.
    assert _not_sent(nurse, made[-1], "2026-12-30T12:00+01:00", 380.0) == []


@pytest.mark.parametrize("test_name", ["Gentamicinémie résiduelle", "GENTAMICINEMIE"])
def test_a_level_phoned_back_under_its_french_laboratory_name_holds_the_next_dose(session_for, gentamicin, clock,
                                                                                   test_name):
    """French laboratories name a level "Gentamicinémie": typed so, a trough of 4.2 for "< 1" held
    nothing, and the third dose asked for a level that was taken."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    medication.record_dose(nurse, order, _dose("29"))
    clock.now = datetime.fromisoformat("2026-11-30T11:40+01:00")
    records.save_new(nurse, "lab_result", {**{key: value for key, value in RESULT.items() if key != "gives"},
                                           "test": test_name, "result": "4.2", "received_at": "2026-11-30T11:30+01:00",
                                           "sample_taken_at": "2026-11-30T06:00+01:00"}, patient_id=patient)
    assert _levels(nurse, order, "30") == [
        f"Gentamicin: LEVEL ABOVE RANGE ({test_name} 4.2 mg/L, < 1, received 30/11 11:30): hold and ask the doctor."]
