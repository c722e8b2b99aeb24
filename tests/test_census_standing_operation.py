"""The ward's census and handover names a patient's operation standing in the next two days with
its date, theatre and the times to fast from: the sheet said only "Admitted for: fall", and the
night nurse could not know to fast the patient rebooked for 08:00 (R4 D3)."""

import pytest

from downtime.services import back_entry, census, printing, records, theatre
from downtime.services.patients import downtime_numbers
from tests.pdf_text import pdf_text


def _session(coord, name: str, day: str, start: str, end: str) -> str:
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T{start}+01:00", "ends_at": f"{day}T{end}+01:00"}).record_id


def _summaries(session, *patient_ids: str) -> list:
    found = census.all_patients(session.db, session.forms, patient_ids)
    return [found[patient_id] for patient_id in patient_ids]


def _rebooked(coord, patient_id: str, anaesthetic: str, day: str = "2026-11-29", rooms: tuple[str, str] = ("T1", "T2"),
              surgeon: str = "Dr Roux") -> None:
    """A hernia repair cancelled this afternoon in the first of `rooms` and rebooked to 08:00 on
    `day`, in the second."""
    booking = theatre.book(coord, patient_id, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": surgeon, "anaesthetist": None,
        "anaesthetic": anaesthetic, "session": _session(coord, rooms[0], "2026-11-28", "08:00", "18:00"),
        "planned_start": "2026-11-28T15:00+01:00", "expected_minutes": 60})
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T13:20+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    theatre.rebook(coord, booking.record_id, {
        "outcome": "rebooked", "session": _session(coord, rooms[1], day, "08:00", "13:00"),
        "planned_start": f"{day}T08:00+01:00", "decided_at": "2026-11-28T13:40+01:00", "patient_told": "in_person",
        "told_at": "2026-11-28T13:45+01:00"})


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "THEATRE: Hernia repair Sun 29/11 08:00 T2 — nothing to eat from 02:00, clear fluids until 06:00"),
    ("fr", ("BLOC : Hernia repair dim. 29/11 08:00 salle T2 — plus rien à manger à partir de 02:00, liquides clairs "
            "jusqu’à 06:00"))])
def test_census_says_the_operation_and_its_fasting(session_for, admission_values, tmp_path, lang, said):
    nurse = session_for("nurse", lang=lang)
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    text = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf")).split())
    assert said in text


def test_local_anaesthetic_has_no_fasting_and_a_far_date_is_left_out(session_for, admission_values, tmp_path):
    nurse, coord = session_for("nurse"), session_for("coord")
    near = records.save_new(nurse, "admission", admission_values).patient_id
    far = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Durand", "used_name": "",
                                                "nir": "", "bed": "14"}).patient_id
    _rebooked(coord, near, "local")
    _rebooked(coord, far, "general", day="2026-12-04", rooms=("T3", "T4"), surgeon="Dr Weber")
    said = printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, near, far), nurse.clock(), "en")
    assert said == {near: "Hernia repair Sun 29/11 08:00 T2"}


def test_a_fasting_time_already_past_is_never_given(session_for, admission_values, clock):
    """At 03:00, food stopped at 02:00: said as stopped, not "from 02:00"; at 07:00, clear fluids too."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    clock.advance(hours=13)
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), clock.now, "en") == {
        patient_id: "Hernia repair Sun 29/11 08:00 T2 — nothing more to eat, clear fluids until 06:00"}
    clock.advance(hours=4)
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), clock.now, "fr") == {
        patient_id: "Hernia repair dim. 29/11 08:00 salle T2 — à jeun strict"}


def test_an_operation_on_a_list_running_late_is_still_said(session_for, admission_values, clock):
    """A hernia repair planned 13:00-14:00 on a list running until 18:00, not recorded done at
    14:30: the patient still waits, nil by mouth, as the anticoagulant check counts it."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient_id = records.save_new(nurse, "admission", admission_values).patient_id
    theatre.book(coord, patient_id, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None, "anaesthetic": "general",
        "session": _session(coord, "T1", "2026-11-28", "08:00", "18:00"),
        "planned_start": "2026-11-28T13:00+01:00", "expected_minutes": 60})
    clock.advance(minutes=30)
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), clock.now, "en") == {
        patient_id: "Hernia repair Sat 28/11 13:00 T1 — nil by mouth"}


def test_an_operation_booked_under_a_number_linked_since_is_said(session_for, admission_values, clock):
    """Booked under her first downtime number, which the records office linked since to the same
    EHR patient as the number she is on the ward under."""
    nurse, coord, office = session_for("nurse"), session_for("coord"), session_for("records")
    here = records.save_new(nurse, "admission", admission_values).patient_id
    first = records.save_new(nurse, "admission", {**admission_values, "nir": "", "bed": "14"}).patient_id
    numbers = downtime_numbers(nurse.db)
    back_entry.link_patient(office, numbers[here], "800123", not_the_admissions_ipp=True)
    back_entry.link_patient(office, numbers[first], "800123", same_person=True, not_the_admissions_ipp=True)
    _rebooked(coord, first, "local")
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, here), clock.now, "en") == {
        here: "Hernia repair Sun 29/11 08:00 T2"}


@pytest.mark.parametrize(("born", "said"), [
    ("2022-06-01", "nothing to eat from 02:00, clear fluids until 07:00"),
    ("2026-05-01", "nothing to eat from 02:00, breast milk until 04:00, clear fluids until 07:00")])
def test_a_child_drinks_clear_fluids_until_an_hour_before_and_a_baby_has_breast_milk_until_four(
        session_for, admission_values, born, said):
    """APA/ESPA/ADARPEF 2018, ESAIC 2022: a 4-year-old, a 7-month-old, at 08:00 tomorrow."""
    nurse = session_for("nurse")
    patient_id = records.save_new(nurse, "admission", {**admission_values, "birth_date": born, "nir": "",
                                                       "weight_kg": 16 if born < "2025" else 7,
                                                       "height_cm": 100 if born < "2025" else 65}).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), nurse.clock(), "en") == {
        patient_id: f"Hernia repair Sun 29/11 08:00 T2 — {said}"}


def test_a_babys_breast_milk_time_is_said_in_french(session_for, admission_values):
    nurse = session_for("nurse", lang="fr")
    patient_id = records.save_new(nurse, "admission", {**admission_values, "birth_date": "2026-05-01", "nir": "",
                                                       "weight_kg": 7, "height_cm": 65}).patient_id
    _rebooked(session_for("coord"), patient_id, "general")
    assert printing.theatre_handover(nurse.db, nurse.forms, _summaries(nurse, patient_id), nurse.clock(), "fr") == {
        patient_id: ("Hernia repair dim. 29/11 08:00 salle T2 — plus rien à manger à partir de 02:00, "
                     "lait maternel jusqu’à 04:00, liquides clairs jusqu’à 07:00")}
