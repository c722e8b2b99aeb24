"""What the board flags on an operation's line, told to the coordinator as it is booked or
rebooked: a latex-allergic patient booked second, or a second MARTIN on the day, was accepted
with nothing said, and only the board said it, later. Said in the board's own words, never
refused."""

from datetime import date

import pytest

from downtime.services import records, theatre, wards

LATEX = {"allergy_status": "allergies", "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis",
                                                       "severity": "severe"}]}
NONE_KNOWN = {"allergy_status": "nka", "allergies": []}
MONDAY = date(2026, 11, 30)
CANCEL = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "phone"}


@pytest.fixture
def day(session_for):
    """Monday's T1 and T2 lists, the coordinator's session, and `admit(family, given, bed, allergies)`."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    coord, nurse = session_for("coord"), session_for("nurse")
    lists = {name: records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T14:00+01:00"}).record_id for name in ("T1", "T2")}

    def admit(admission_values, family, given, bed, allergies):
        return records.save_new(nurse, "admission", {**admission_values, **allergies, "bed": str(bed),
                                                     "birth_name": family, "used_name": None, "given_names": given,
                                                     "nir": None}).patient_id

    return coord, lists, admit


def _book(coord, patient_id, session_id, start, surgeon):
    return theatre.book(coord, patient_id, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": surgeon, "session": session_id,
        "planned_start": f"2026-11-30T{start}+01:00", "expected_minutes": 60}).record_id


def _flagged(coord, booking_id, lang="en"):
    entry = theatre.booking_line(coord.db, coord.forms, booking_id, coord.clock())
    return None if entry is None else theatre.flagged(entry, lang, coord.clock())


def test_booking_a_latex_allergic_patient_second_says_so_as_the_board_does(day, admission_values):
    coord, lists, admit = day
    first = _book(coord, admit(admission_values, "Blanc", "Paul", 1, NONE_KNOWN), lists["T1"], "08:00", "Dr A")
    assert _flagged(coord, first) == []
    second = _book(coord, admit(admission_values, "Durand", "Luc", 2, LATEX), lists["T1"], "09:00", "Dr B")
    assert _flagged(coord, second) == ["LATEX ALLERGY: move first, latex-free theatre"]
    (entry,) = [entry for entry in theatre.day_list(coord.db, coord.forms, MONDAY, "T1")[0][1]
                if entry.state.record.record_id == second]
    assert "LATEX ALLERGY: move first, latex-free theatre" in theatre.board_status(entry, "en", coord.clock()), (
        "the board's words")
    elsewhere = _book(coord, admit(admission_values, "Roche", "Anne", 3, LATEX), lists["T2"], "08:00", "Dr C")
    assert _flagged(coord, elsewhere) == [], "first in T2: the theatre is made latex-free before it"


def test_booking_a_second_patient_of_the_same_name_on_the_day_names_the_other(day, admission_values):
    """Mr Martin's left hernia at 08:00 in T1 and Mrs Martin's at 10:00 in T2: each is told of the
    other, with the time and theatre, as the board gives it beside the name."""
    coord, lists, admit = day
    _book(coord, admit(admission_values, "Martin", "Jean", 1, NONE_KNOWN), lists["T1"], "08:00", "Dr A")
    second = _book(coord, admit(admission_values, "Martin", "Jeanne", 2, NONE_KNOWN), lists["T2"], "10:00", "Dr B")
    assert _flagged(coord, second) == ["SAME NAME: MARTIN Jean 08:00 T1"]
    assert _flagged(coord, second, "fr") == ["MÊME NOM : MARTIN Jean 08:00 T1"]


def test_a_rebooking_after_another_patient_in_the_theatre_says_the_latex_allergy(day, admission_values):
    """Rebooked into the free slot after another patient's operation, a latex-allergic patient
    stood second on the list, and only the board said it."""
    coord, lists, admit = day
    allergic = _book(coord, admit(admission_values, "Durand", "Luc", 1, LATEX), lists["T2"], "08:00", "Dr B")
    _book(coord, admit(admission_values, "Blanc", "Paul", 2, NONE_KNOWN), lists["T1"], "08:00", "Dr A")
    assert _flagged(coord, allergic) == []
    theatre.cancel(coord, allergic, CANCEL)
    assert _flagged(coord, allergic) is None, "cancelled: on no list"
    theatre.rebook(coord, allergic, {"outcome": "rebooked", "session": lists["T1"],
                                     "planned_start": "2026-11-30T10:00+01:00", "decided_at": "2026-11-28T10:00+01:00"})
    assert _flagged(coord, allergic) == ["LATEX ALLERGY: move first, latex-free theatre"]


def test_an_operation_transferred_elsewhere_is_on_no_list_to_flag(day, admission_values):
    coord, lists, admit = day
    _book(coord, admit(admission_values, "Blanc", "Paul", 1, NONE_KNOWN), lists["T1"], "08:00", "Dr A")
    allergic = _book(coord, admit(admission_values, "Durand", "Luc", 2, LATEX), lists["T1"], "09:00", "Dr B")
    theatre.cancel(coord, allergic, CANCEL)
    theatre.rebook(coord, allergic, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                     "decided_at": "2026-11-28T10:00+01:00"})
    assert _flagged(coord, allergic) is None
