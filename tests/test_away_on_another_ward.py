"""A patient moved to a ward charted on another laptop and back: the doses that ward gave are not
on this laptop, whose round, chart and dose checks read the hours away as its own (a once-daily
dose offered again, a morphine given there two hours before read as none since the afternoon)."""

from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check, DoseState
from downtime.services import medication, paper_gap, printing, records, settings, wards

at = datetime.fromisoformat
AWAY, BACK, NOW = at("2026-11-28T15:00+01:00"), at("2026-11-28T21:00+01:00"), at("2026-11-28T21:30+01:00")
EVENING = at("2026-11-28T20:00+01:00")


def _move(nurse, patient: str, when: datetime, ward: str, bed: str) -> None:
    records.save_new(nurse, "transfer", {"moved_at": when.isoformat(), "to_ward": ward, "to_bed": bed,
                                         "reason": "Surgical review"}, patient_id=patient)


@pytest.fixture
def back_from_5a(session_for, medication_ward, clock):
    """`medication_ward`'s patient moved by this laptop to 5A at 15:00 and back to 3B at 21:00, the
    laptop in use every hour for the ward's other work (signed into), nothing charted for her here
    in between. Returns `medication_ward`'s ids."""
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    patient = medication_ward[0]
    clock.now = AWAY
    _move(session_for("nurse"), patient, AWAY, "5A", "4")
    for hour in range(16, 21):
        clock.now = at(f"2026-11-28T{hour}:00+01:00")
        session_for("nurse")
    clock.now = BACK
    _move(session_for("nurse"), patient, BACK, "3B", "12")
    clock.now = NOW
    return medication_ward


def _amox_evening(nurse, amox):
    return next(item for item in medication.round_list(nurse.db, nurse.forms, "3B", NOW)
                if item.order.record_id == amox and item.slot == EVENING)


def _away_warnings(nurse, order_id: str, values: dict) -> list:
    return [warning for warning in medication.check_dose(nurse, order_id, values)
            if warning.values.get("ward") == "5A"]


def test_a_dose_due_while_the_patient_was_on_another_laptops_ward_is_to_check_on_its_chart(session_for, back_from_5a):
    _, amox, _ = back_from_5a
    evening = _amox_evening(session_for("nurse"), amox)
    assert evening.state is DoseState.CHECK_PAPER
    assert (evening.on_paper.ward, evening.on_paper.start, evening.on_paper.end) == ("5A", AWAY, BACK)
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said([evening.on_paper])]
    assert said.startswith("NOT RECORDED HERE — the patient was on ward 5A from 15:00 to 21:00")


def test_giving_it_or_an_as_required_dose_warns_of_the_other_ward(session_for, back_from_5a):
    _, amox, morphine = back_from_5a
    nurse = session_for("nurse")
    (scheduled,) = _away_warnings(nurse, amox, {"outcome": "given", "given_at": NOW.isoformat(),
                                                "scheduled_for": EVENING.isoformat(), "dose_given": 1.0, "route": "IV"})
    (as_required,) = _away_warnings(nurse, morphine, {"outcome": "given", "given_at": NOW.isoformat(),
                                                      "dose_given": 5.0, "route": "SC", "given_for": "pain"})
    assert scheduled.check is as_required.check is Check.ALREADY_GIVEN
    assert as_required.text("en").startswith(
        "NOT RECORDED HERE — the patient was on ward 5A from 28/11 15:00 to 28/11 21:00, charted on another laptop: "
        "Morphine may have been given there.")


def test_the_printed_chart_says_it(session_for, back_from_5a, tmp_path):
    patient = back_from_5a[0]
    out = printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "NOT RECORDED HERE — the patient was on ward 5A" in text


def test_not_said_once_a_dose_of_the_order_is_entered_since(session_for, back_from_5a, clock):
    """The nurse has been through 5A's chart: she entered its 20:00 dose, given at 20:05 there."""
    _, amox, _ = back_from_5a
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T20:05+01:00",
                                         "scheduled_for": EVENING.isoformat(), "dose_given": 1.0, "route": "IV",
                                         "given_by": "nurse", "transcribed": True},
                           overrides={Check.ALLERGY: "Tolerated since childhood"})
    assert not _away_warnings(nurse, amox, {"outcome": "given", "given_at": NOW.isoformat(),
                                            "scheduled_for": EVENING.isoformat(), "dose_given": 1.0, "route": "IV"})


def test_not_said_when_this_laptop_went_with_the_patient(session_for, medication_ward, clock):
    """A laptop charting a dose on 5A cared for her there: its records are the ward's."""
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    patient, amox, _ = medication_ward
    clock.now = AWAY
    _move(session_for("nurse"), patient, AWAY, "5A", "4")
    clock.now = at("2026-11-28T18:00+01:00")
    medication.record_dose(session_for("nurse"), amox, {"outcome": "not_given", "not_given_reason": "refused",
                                                        "scheduled_for": "2026-11-28T14:00+01:00",
                                                        "given_at": "2026-11-28T18:00+01:00"})
    clock.now = BACK
    _move(session_for("nurse"), patient, BACK, "3B", "12")
    clock.now = NOW
    assert paper_gap.away(session_for("nurse").db, [patient], NOW) == {}


def test_a_laptop_of_its_own_ward_reads_any_other_ward_as_away(session_for, back_from_5a):
    """Set to 3B, the laptop reads her time on 5A as away whoever recorded the moves; set to 5A, her
    time on 3B is that ward's, and 5A's is its own."""
    patient = back_from_5a[0]
    admin = session_for("admin")
    settings.set_laptop_ward(admin, "3B")
    assert [stretch.ward for stretch in paper_gap.away(admin.db, [patient], NOW)[patient]] == ["5A"]
    settings.set_laptop_ward(admin, "5A")
    assert all(stretch.ward == "3B" for stretch in paper_gap.away(admin.db, [patient], NOW).get(patient, []))


def test_the_as_required_status_names_the_other_ward(session_for, back_from_5a):
    """The dose dialog's lines above the dose, read before Save questions it."""
    from downtime.qt.dose_dialog import as_required_words

    _, _, morphine = back_from_5a
    nurse = session_for("nurse")
    status = medication.as_required_status(nurse, morphine, NOW)
    assert [(stretch.ward, stretch.start, stretch.end) for stretch in status.away] == [("5A", AWAY, BACK)]
    words, _ = as_required_words(nurse, medication.order(nurse.db, morphine), NOW)
    assert ("NOT RECORDED HERE: the patient was on ward 5A from 28/11 15:00 to 28/11 21:00, charted on another "
            "laptop: check that ward's chart for doses given there before giving") in words


def _on_laptop(session, device_id: str):
    """The same staff member's session on another laptop, whose records come here on its stick."""
    import dataclasses

    return dataclasses.replace(session, device=dataclasses.replace(session.device, device_id=device_id))


def _note(session, patient: str, when: datetime, clock) -> None:
    """A note written at `when` (typed then too), the clock put back to `NOW`."""
    clock.now = when
    records.save_new(session, "clinical_note", {
        "written_at": when.isoformat(), "discipline": "medical", "focus": "Review",
        "note": "Seen on 5A by the 3B team.", "written_by": "Dr Karim Benali"}, patient_id=patient)
    clock.now = NOW


def test_a_dose_given_before_the_move_and_charted_after_it_keeps_the_stretch(session_for, medication_ward, clock):
    """Her 14:00 dose, given on 3B, charted at 15:20 after she left: nothing of 5A's care."""
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    patient, amox, _ = medication_ward
    clock.now = AWAY
    _move(session_for("nurse"), patient, AWAY, "5A", "4")
    clock.now = at("2026-11-28T15:20+01:00")
    medication.record_dose(session_for("nurse"), amox, {
        "outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 1.0, "route": "IV", "given_by": "nurse"}, overrides={check: "charted late" for check in Check})
    clock.now = BACK
    _move(session_for("nurse"), patient, BACK, "3B", "12")
    clock.now = NOW
    assert [stretch.ward for stretch in paper_gap.away(session_for("nurse").db, [patient], NOW)[patient]] == ["5A"]


@pytest.mark.parametrize("laptop_ward", ["3B", None])
def test_a_note_from_the_wards_second_laptop_keeps_the_stretch(session_for, back_from_5a, clock, laptop_ward):
    """3B's doctor wrote from 3B's second laptop while she was on 5A, its stick loaded here."""
    patient = back_from_5a[0]
    settings.set_laptop_ward(session_for("admin"), laptop_ward or "")
    _note(_on_laptop(session_for("doctor"), "3b-laptop-2"), patient, at("2026-11-28T17:00+01:00"), clock)
    assert [stretch.ward for stretch in paper_gap.away(session_for("nurse").db, [patient], NOW)[patient]] == ["5A"]


def test_a_record_from_a_laptop_of_that_ward_drops_the_stretch(session_for, back_from_5a, admission_values, clock):
    """5A's own laptop (it admits onto 5A) wrote of her while she was there: its stick is loaded."""
    patient = back_from_5a[0]
    on_5a = _on_laptop(session_for("nurse"), "5a-laptop")
    records.save_new(on_5a, "admission", {**admission_values, "birth_name": "Durand", "used_name": "",
                                          "given_names": "Paul", "sex": "male", "nir": "", "identity_status": "provisional",
                                          "identity_document": "", "ward": "5A", "bed": "7"})
    _note(on_5a, patient, at("2026-11-28T17:00+01:00"), clock)
    assert paper_gap.away(session_for("nurse").db, [patient], NOW) == {}


def test_a_patient_this_laptop_admitted_onto_the_ward_it_is_lent_to_is_its_own(session_for, medication_ward, clock):
    """5A's laptop lent to 3B, which admitted her onto 3B and wrote her orders: her doses are due
    here, not "NOT RECORDED HERE", and the morphine warns of no other ward."""
    admin = session_for("admin")
    wards.add_ward(admin, "5A", "Surgery", [str(n) for n in range(1, 21)])
    settings.set_laptop_ward(admin, "5A")
    patient, amox, morphine = medication_ward
    clock.now = at("2026-11-28T14:30+01:00")
    nurse = session_for("nurse")
    assert paper_gap.away(nurse.db, [patient], clock.now) == {}
    item = next(item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.record_id == amox and item.slot == at("2026-11-28T14:00+01:00"))
    assert item.state is not DoseState.CHECK_PAPER
    assert not [warning for warning in medication.check_dose(nurse, morphine, {
        "outcome": "given", "given_at": clock.now.isoformat(), "dose_given": 5.0, "route": "SC", "given_for": "pain"})
        if warning.check is Check.ALREADY_GIVEN]


def test_one_dose_charted_from_that_wards_handover_keeps_the_other_orders_to_check(session_for, back_from_5a):
    """Back on 3B, her nurse charts here, as the message says, the one dose 5A handed over
    (paracetamol at 18:00): the amoxicillin due at 20:00, which 5A may have given too, was then
    offered as any dose due, its check of 5A's chart gone."""
    patient, amox, _ = back_from_5a
    nurse = session_for("nurse")
    paracetamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    medication.record_dose(nurse, paracetamol, {"outcome": "given", "given_at": "2026-11-28T18:00+01:00",
                                                "dose_given": 1.0, "route": "PO", "given_for": "pain"},
                           overrides={check: "given on 5A, from its handover" for check in Check})
    assert _amox_evening(nurse, amox).state is DoseState.CHECK_PAPER
    assert [stretch.ward for stretch in paper_gap.away(nurse.db, [patient], NOW)[patient]] == ["5A"]
