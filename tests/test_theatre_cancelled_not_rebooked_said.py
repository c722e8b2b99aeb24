"""An in-patient's operation cancelled and not yet rebooked stays on the ward's handover and the
Patients tab, struck with why and the surgical team to ask whether the patient may eat and
drink: only standing bookings were said, and a hernia repair cancelled on the morning vanished,
its patient kept fasting for nothing."""

from datetime import datetime

import pytest

from downtime.services import census, printing, records, theatre


def _session(coord, name: str, day: str) -> str:
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T08:00+01:00", "ends_at": f"{day}T18:00+01:00"}).record_id


def _cancelled(coord, patient_id: str, anaesthetic: str = "general", day: str = "2026-11-29", **why: str | bool) -> str:
    """A hernia repair under `anaesthetic` booked for 08:00 on `day` (tomorrow) in T1, cancelled
    at 13:20 today (after the patient's admission at 10:30), for want of a ward bed unless `why`
    says otherwise."""
    booking = theatre.book(coord, patient_id, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
        "anaesthetic": anaesthetic, "session": _session(coord, "T1", day),
        "planned_start": f"{day}T08:00+01:00", "expected_minutes": 60})
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T13:20+01:00", "reason": "no_ward_bed",
                                              "last_minute": True, "patient_told": "in_person", **why})
    return booking.record_id


def _handover(session, patient_id: str, lang: str) -> dict[str, str]:
    patient = census.all_patients(session.db, session.forms, [patient_id])[patient_id]
    return printing.theatre_handover(session.db, session.forms, [patient], session.clock(), lang)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("Hernia repair Sun 29/11 08:00 T1 CANCELLED (No ward bed) — not rebooked yet: ask the surgical team "
            "whether the patient may eat and drink")),
    ("fr", ("Hernia repair dim. 29/11 08:00 salle T1 ANNULÉE (Pas de lit d’hospitalisation) — pas encore "
            "reprogrammée : demander à l’équipe chirurgicale si le patient peut manger et boire"))])
def test_a_cancelled_operation_not_rebooked_is_said(session_for, admission_values, lang, said):
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _cancelled(session_for("coord"), patient_id)
    assert _handover(nurse, patient_id, lang) == {patient_id: said}


def test_once_rebooked_only_the_new_date_is_said(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    booking_id = _cancelled(coord, patient_id)
    theatre.rebook(coord, booking_id, {
        "outcome": "rebooked", "session": _session(coord, "T2", "2026-11-30"),
        "planned_start": "2026-11-30T09:00+01:00", "decided_at": "2026-11-28T13:40+01:00",
        "patient_told": "in_person", "told_at": "2026-11-28T13:45+01:00"})
    assert _handover(nurse, patient_id, "en") == {
        patient_id: "Hernia repair Mon 30/11 09:00 T2 — nothing to eat from 03:00, clear fluids until 07:00"}


def test_a_cancellation_before_this_stay_is_not_said(session_for, admission_values, clock):
    """Cancelled during an earlier stay (or before the patient came in): nothing the ward fasts them for."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", {**admission_values,
                                                       "arrival_at": "2026-11-28T13:50+01:00"}).patient_id
    _cancelled(session_for("coord"), patient_id)
    assert _handover(nurse, patient_id, "en") == {}


def test_an_operation_the_patient_declined_is_said_not_to_be_rebooked(session_for, admission_values):
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _cancelled(session_for("coord"), patient_id, reason="patient_declined", declined="operation")
    assert _handover(nurse, patient_id, "en") == {
        patient_id: "Hernia repair Sun 29/11 08:00 T1 CANCELLED (Patient declined) — not to be rebooked"}


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Hernia repair Sun 29/11 08:00 T1 CANCELLED (No ward bed) — not rebooked yet"),
    ("fr", "Hernia repair dim. 29/11 08:00 salle T1 ANNULÉE (Pas de lit d’hospitalisation) — pas encore reprogrammée")])
def test_under_local_anaesthetic_eating_is_not_asked(session_for, admission_values, lang, said):
    """A patient never fasted for it: asked whether they may eat, the ward stopped their lunch."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _cancelled(session_for("coord"), patient_id, anaesthetic="local")
    assert _handover(nurse, patient_id, lang) == {patient_id: said}


def test_a_slot_beyond_the_handovers_window_is_not_said(session_for, admission_values):
    """Two weeks on: the ward never prepared the patient for it (`printing.THEATRE_AHEAD`)."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _cancelled(session_for("coord"), patient_id, day="2026-12-14", last_minute=False)
    assert _handover(nurse, patient_id, "en") == {}


@pytest.mark.parametrize(("now", "diet", "asked"), [
    ("2026-11-29T19:59+01:00", [], True),  # within 12 hours of the cancelled slot (08:00), the later
    ("2026-11-29T20:01+01:00", [], False),  # past them: the ward has asked, and fed the patient
    ("2026-11-29T20:01+01:00", ["nil_by_mouth"], True)])  # kept nil by mouth: still the surgeons' to answer
def test_eating_is_asked_while_still_open(session_for, admission_values, clock, now, diet, asked):
    """Asked on every handover to the patient's discharge, the question could never be answered
    (only a new date, or not to be rebooked, cleared it): asked within 12 hours of the
    cancellation or of its slot, whichever is later, or while the patient is recorded nil by mouth."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", {**admission_values, "diet": diet}).patient_id
    _cancelled(session_for("coord"), patient_id)
    clock.now = datetime.fromisoformat(now)
    cancelled = "Hernia repair Sun 29/11 08:00 T1 CANCELLED (No ward bed) — not rebooked yet"
    assert _handover(nurse, patient_id, "en") == {
        patient_id: cancelled + (": ask the surgical team whether the patient may eat and drink" if asked else "")}
