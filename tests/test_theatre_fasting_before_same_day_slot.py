"""A same-day rebooking under anaesthetic is not offered sooner than the patient can have fasted
from now (6 hours without food, AAGBI/ESA), a patient at home also given the time to arrive; the
letter never gives a fasting start already past (R4 D2)."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.theatre import NOTHING_TO_EAT_BEFORE
from downtime.services import printing, records, theatre
from tests.pdf_text import pdf_text


def _session(coord, name: str, start: str, end: str, day: str = "2026-11-28") -> str:
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T{start}+01:00", "ends_at": f"{day}T{end}+01:00"}).record_id


def _cancelled_this_morning(coord, patient_id: str, anaesthetic: str | None, priority: str = "elective",
                            clinical_priority: str | None = None, free_day: str = "2026-11-28") -> str:
    """A cholecystectomy cancelled at 08:30 for the outage; a free list runs 14:00-23:00 on
    `free_day`, this afternoon by default (the clock says 14:00)."""
    booking = theatre.book(coord, patient_id, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": priority,
        "clinical_priority": clinical_priority,
        "decided_at": "2026-11-28T08:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
        "anaesthetic": anaesthetic, "session": _session(coord, "T1", "08:00", "13:00"),
        "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60})
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    _session(coord, "T2", "14:00", "23:00", free_day)
    return booking.record_id


@pytest.mark.parametrize("anaesthetic", ["general", "spinal", None])
def test_in_patient_under_anaesthetic_offered_a_slot_once_fasted(session_for, admission_values, clock, anaesthetic):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    found = theatre.suggestions(coord.db, _cancelled_this_morning(coord, patient_id, anaesthetic), clock.now)
    assert found.slots[0].start == found.fasted == clock.now + NOTHING_TO_EAT_BEFORE
    assert found.from_home is None


def test_local_anaesthetic_needs_no_fasting(session_for, admission_values, clock):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    found = theatre.suggestions(coord.db, _cancelled_this_morning(coord, patient_id, "local"), clock.now)
    assert found.slots[0].start == clock.now
    assert found.fasted is None


def test_patient_at_home_fasts_while_travelling(session_for, admission_values, clock, send_home):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general")
    send_home(patient_id)
    found = theatre.suggestions(coord.db, booking_id, clock.now)
    assert found.slots[0].start == found.fasted == clock.now + NOTHING_TO_EAT_BEFORE
    assert found.from_home is None, "the patient fasts while travelling: 6 hours cover the 90 minutes to arrive"


@pytest.mark.parametrize(("lang", "now_words"), [("en", "nothing more to eat from now"),
                                                 ("fr", "plus rien à manger dès maintenant")])
def test_letter_never_gives_a_fasting_start_already_past(session_for, admission_values, clock, tmp_path, lang,
                                                         now_words):
    """Rebooked by hand to 18:00 today, printed at 14:00: fasting from 12:00 is past; the ward is
    told to stop food now and the anaesthetist told when the patient last ate; water until 16:00."""
    nurse, coord = session_for("nurse", lang=lang), session_for("coord", lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general")
    slot = next(s for s in theatre.sessions(coord.db).values() if s.theatre == "T2")
    theatre.rebook(coord, booking_id, {"outcome": "rebooked", "session": slot.session_id,
                                       "planned_start": "2026-11-28T18:00+01:00", "decided_at": "2026-11-28T14:00+01:00"})
    text = " ".join(pdf_text(printing.print_letter(coord, booking_id, tmp_path / "letter.pdf")).split())
    assert now_words in text
    assert "12:00" not in text and "16:00" in text


@pytest.mark.parametrize(("priority", "clinical_priority"), [
    ("immediate_a", None), ("immediate_b", None), ("urgent", None), ("expedited", "p1a")])
def test_an_immediate_or_urgent_case_is_not_held_back_to_fast(session_for, admission_values, clock, priority,
                                                              clinical_priority):
    """Immediate and urgent cases (and P1a) go when needed, under a rapid-sequence induction."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general", priority, clinical_priority)
    found = theatre.suggestions(coord.db, booking_id, clock.now)
    assert found.slots[0].start == clock.now
    assert found.fasted is None


@pytest.mark.parametrize(("since", "first"), [("2026-11-28T00:00+01:00", "2026-11-28T14:00+01:00"),
                                              ("2026-11-28T10:00+01:00", "2026-11-28T16:00+01:00")])
def test_a_patient_nil_by_mouth_since_a_time_given_is_offered_the_list_once_fasted(
        session_for, admission_values, clock, since, first):
    """Nil by mouth since midnight: this afternoon's list at once; since 10:00, from 16:00."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general")
    found = theatre.suggestions(coord.db, booking_id, clock.now, fasted_since=datetime.fromisoformat(since))
    assert found.slots[0].start == datetime.fromisoformat(first)


def test_fasting_is_not_said_when_it_kept_no_slot_off(session_for, admission_values, clock):
    """No list today, the next on Monday: the fast moved no slot, so the dialog has nothing to explain."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general", free_day="2026-11-30")
    found = theatre.suggestions(coord.db, booking_id, clock.now)
    assert found.slots[0].start == datetime.fromisoformat("2026-11-30T14:00+01:00")
    assert found.fasted is None
    assert clock.now + timedelta(hours=6) < found.slots[0].start


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "No fasting is needed for a local anaesthetic unless the team tells you otherwise."),
    ("fr", "Pas de jeûne pour une anesthésie locale, sauf consigne contraire de l’équipe.")])
def test_the_letter_of_a_local_anaesthetic_asks_no_fasting(session_for, admission_values, clock, tmp_path, lang,
                                                           words):
    """The ward's sheet says no fasting for a local anaesthetic: the letter said "nothing more to eat from now"."""
    nurse, coord = session_for("nurse", lang=lang), session_for("coord", lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "local")
    slot = next(s for s in theatre.sessions(coord.db).values() if s.theatre == "T2")
    theatre.rebook(coord, booking_id, {"outcome": "rebooked", "session": slot.session_id,
                                       "planned_start": "2026-11-28T18:00+01:00", "decided_at": "2026-11-28T14:00+01:00"})
    text = " ".join(pdf_text(printing.print_letter(coord, booking_id, tmp_path / "letter.pdf")).split())
    assert words in text
    assert "to eat" not in text and "manger" not in text


def test_a_childs_letter_gives_clear_water_until_an_hour_before(session_for, admission_values, clock, tmp_path):
    """A 4-year-old on the ward, rebooked to 22:00: clear water until 21:00, not the adult's 20:00."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", {**admission_values, "birth_date": "2022-06-01", "nir": "",
                                                       "weight_kg": 16, "height_cm": 100}).patient_id
    booking_id = _cancelled_this_morning(coord, patient_id, "general")
    slot = next(s for s in theatre.sessions(coord.db).values() if s.theatre == "T2")
    theatre.rebook(coord, booking_id, {"outcome": "rebooked", "session": slot.session_id,
                                       "planned_start": "2026-11-28T22:00+01:00", "decided_at": "2026-11-28T14:00+01:00"})
    text = " ".join(pdf_text(printing.print_letter(coord, booking_id, tmp_path / "letter.pdf")).split())
    assert "nothing to eat from" in text and "16:00" in text
    assert "clear water only until" in text and "21:00" in text and "20:00" not in text
