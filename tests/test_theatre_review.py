"""Defects found reviewing the theatre lists: the WHO checklist's "No" saved unexplained, the
printed list numbering its struck lines, and a ward letter's fasting times on the night the
clocks go forward."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from downtime.services import printing, records, theatre, wards
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

PARIS = ZoneInfo("Europe/Paris")
CANCEL = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "phone"}
SIGNED_IN = {"checked_at": "2026-11-28T09:00+01:00", "led_by": "Marie Roux (IBODE)", "consent_confirmed": True,
             "site_marked": "yes", "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": True,
             "airway_risk": "no", "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes"}
NOTES_LABEL = "Why a check was answered No; concerns for recovery; what was done about a count not correct"


@pytest.fixture
def ward(session_for, admission_values):
    """admit(bed, **answers): a patient admitted to that bed of ward 3B, by the nurse."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])

    def admit(bed, **answers):
        return records.save_new(session_for("nurse"), "admission", {
            **admission_values, "bed": str(bed), "birth_name": f"Patient{bed}", **answers}).patient_id

    return admit


def _session(coord, day, start, end, offset="+01:00"):
    return records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"{day}T{start}{offset}",
        "ends_at": f"{day}T{end}{offset}"}).record_id


def _booking(session_id, start, surgeon, procedure="Laparoscopic cholecystectomy", side="not_applicable"):
    return {"procedure": procedure, "laterality": side, "priority": "elective", "decided_at": "2026-10-01T10:00+01:00",
            "surgeon": surgeon, "session": session_id, "planned_start": start, "expected_minutes": 60}


# ------------------------------------------------------------------ the WHO checklist

@pytest.mark.parametrize("answered_no", [{"consent_confirmed": False}, {"site_marked": "no"},
                                         {"team_confirmed": False}])
def test_a_checklist_answered_no_is_saved_only_with_why(session_for, ward, answered_no):
    """"Identity, site, procedure and consent confirmed: No", "Site marked: No" and "Team
    confirmed aloud: No" were saved with nothing said of why, nor of what was done about it."""
    nurse, patient = session_for("nurse"), ward(1)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, **answered_no}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    assert f"“{NOTES_LABEL}” is required." in str(refused.value)
    saved = records.save_new(nurse, "surgical_safety_checklist", {
        **SIGNED_IN, **answered_no, "notes": "Consent form unsigned: surgeon called, signed before induction"},
        patient_id=patient)
    assert saved.data["notes"].startswith("Consent form unsigned")


def test_a_checklist_answered_yes_or_not_applicable_needs_no_note(session_for, ward):
    assert records.save_new(session_for("nurse"), "surgical_safety_checklist",
                            {**SIGNED_IN, "site_marked": "not_applicable"}, patient_id=ward(1))


# ------------------------------------------------------------------ the printed day list

def test_the_printed_list_numbers_only_the_operations_still_to_be_done(session_for, ward, tmp_path):
    """The list's first operation cancelled, the first patient to send for was "#2": the
    numbers counted the struck lines."""
    coord = session_for("coord")
    listed = _session(coord, "2026-11-30", "08:00", "14:00")
    first = theatre.book(coord, ward(1), _booking(listed, "2026-11-30T08:00+01:00", "Dr Roux")).record_id
    theatre.book(coord, ward(2), _booking(listed, "2026-11-30T09:00+01:00", "Dr A"))
    theatre.book(coord, ward(3), _booking(listed, "2026-11-30T11:00+01:00", "Dr B"))
    theatre.cancel(coord, first, CANCEL)
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "– 08:00 –09:00" in text and "1 09:00 –10:00" in text and "2 11:00 –12:00" in text, text
    assert "3 11:00" not in text


# ------------------------------------------------------------------ the ward letter

@pytest.mark.parametrize(("lang", "fasting"), [
    ("en", "Fasting: nothing to eat from Sunday 28 March 2027 at 01:00, clear water only until Sunday 28 March 2027 "
           "at 06:00."),
    ("fr", "Jeûne : plus rien à manger à partir du dimanche 28 mars 2027 à 01:00, eau claire seulement jusqu’au "
           "dimanche 28 mars 2027 à 06:00."),
])
def test_the_ward_letters_fasting_times_are_on_the_wards_clock_the_night_it_goes_forward(
        session_for, ward, clock, tmp_path, lang, fasting):
    """An 08:00 operation on Sunday 28 March 2027 (the clocks go forward at 02:00 in Paris): the
    letter said "nothing to eat from 02:00", six hours taken from 08:00 on its own summer
    offset, an hour the ward's clock never shows; six hours before is 01:00."""
    clock.now = datetime(2027, 3, 26, 9, 0, tzinfo=PARIS)
    coord = session_for("coord")
    patient = ward(1, arrival_at="2027-03-25T10:00+01:00")
    friday = _session(coord, "2027-03-26", "13:00", "18:00")
    sunday = _session(coord, "2027-03-28", "08:00", "13:00", offset="+02:00")
    booking = theatre.book(coord, patient, {**_booking(friday, "2027-03-26T14:00+01:00", "Dr Roux", "Inguinal hernia "
                                                       "repair", "left"), "decided_at": "2027-03-01T10:00+01:00"})
    theatre.cancel(coord, booking.record_id, {**CANCEL, "cancelled_at": "2027-03-26T08:50+01:00"})
    theatre.rebook(coord, booking.record_id, {"outcome": "rebooked", "session": sunday,
                                              "planned_start": "2027-03-28T08:00+02:00",
                                              "decided_at": "2027-03-26T08:55+01:00"})
    letter = pdf_text(printing.print_letter(session_for("coord", lang=lang), booking.record_id, tmp_path / "letter.pdf"))
    assert fasting in letter, letter


# ------------------------------------------------------------------ corrections

def test_a_correction_cannot_move_a_booking_to_another_day(session_for, ward):
    """Amended from Monday to Wednesday, the operation left Monday's list with no struck line
    and nobody was told to ring the patient. A time corrected on the same day is still amended."""
    from downtime.services.errors import ServiceError

    coord = session_for("coord")
    monday, wednesday = _session(coord, "2026-11-30", "08:00", "13:00"), _session(coord, "2026-12-02", "08:00", "13:00")
    booked = theatre.book(coord, ward(1), _booking(monday, "2026-11-30T08:00+01:00", "Dr Roux", "Knee arthroscopy",
                                                   "left"))
    with pytest.raises(ServiceError) as refused:
        records.amend(coord, booked.record_id, {**booked.data, "session": wednesday,
                                                "planned_start": "2026-12-02T10:00+01:00"}, "typo")
    assert "Planned start: a correction cannot move the operation to another day (30/11/2026 to 02/12/2026)" in str(
        refused.value)
    assert "Cancel it and rebook it instead" in str(refused.value)
    moved = records.amend(coord, booked.record_id, {**booked.data, "planned_start": "2026-11-30T10:00+01:00"}, "typo")
    assert moved.data["planned_start"] == "2026-11-30T10:00+01:00"


def test_a_night_lists_correction_past_midnight_and_a_hold_settled_keep_their_booking(session_for, ward):
    """A night list's 23:00 corrected to 00:30 stays on its list, and a correction another
    laptop made exists: the records office settling it was refused as a new one."""
    coord = session_for("coord")
    night = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T20:00+01:00",
        "ends_at": "2026-12-01T02:00+01:00"}).record_id
    booked = theatre.book(coord, ward(1), _booking(night, "2026-11-30T23:00+01:00", "Dr Roux"))
    later = records.amend(coord, booked.record_id, {**booked.data, "planned_start": "2026-12-01T00:30+01:00"}, "typo")
    wednesday = _session(coord, "2026-12-02", "08:00", "13:00")
    chosen = later.model_copy(update={"data": {**later.data, "session": wednesday,
                                               "planned_start": "2026-12-02T10:00+01:00"}, "version": 3})
    clerk = session_for("records")
    with clerk.db.atomic():
        settled = records.settle_to(clerk, later.record_id, later, chosen, "Laptop 2's correction, the ward says")
    assert settled.data["planned_start"] == "2026-12-02T10:00+01:00"


def test_a_checklist_naming_another_patients_operation_is_refused(session_for, admission_values, clock):
    """A checklist saved for Mrs A named Mr B's knee replacement: the export sent it as his."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, coord = session_for("nurse"), session_for("coord")
    a, b = (records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "birth_name": f"Patient{bed}"}
                             ).patient_id for bed in (1, 2))
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    booking = theatre.book(coord, b, {
        "procedure": "Total knee replacement", "laterality": "right", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": listed,
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 90}).record_id
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "booking": booking}, patient_id=a)
    assert [error.path for error in refused.value.errors] == ["booking"]
    assert "Operation (its booking, if booked in the app)" in str(refused.value)
    clock.advance(days=2)  # Monday, the operation's day: its sign-in
    assert records.save_new(nurse, "surgical_safety_checklist", {**SIGNED_IN, "booking": booking,
                                                                 "checked_at": "2026-11-30T07:50+01:00"}, patient_id=b)


# ------------------------------------------------------------------ namesakes on the day's lists

def _listed_in(coord, name, day, start="08:00", end="13:00"):
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T{start}+01:00",
        "ends_at": f"{day}T{end}+01:00"}).record_id


def _one_person(session_for, *patients):
    """These downtime numbers linked by the records office to one EHR patient."""
    from downtime.services import back_entry
    from downtime.services.patients import downtime_numbers

    clerk, numbers = session_for("records"), downtime_numbers(session_for("records").db, patients)
    for index, patient in enumerate(patients):
        back_entry.link_patient(clerk, numbers[patient], "800123", same_person=index > 0)


@pytest.mark.parametrize(("lang", "alert"), [("en", "SAME NAME: MARTIN Jeanne 09:00 T2"),
                                             ("fr", "MÊME NOM : MARTIN Jeanne 09:00 T2")])
def test_patients_sharing_a_family_name_on_the_days_lists_are_flagged(session_for, ward, tmp_path, lang, alert):
    """Mr MARTIN Jean's left hernia at 08:00 in T1 (ward 3B) and Mrs MARTIN Jeanne's right one
    at 09:00 in T2 (ward 4A) stood on the board and the printed list unmarked, where the wards'
    censuses give the same name alert. One person under two linked numbers is no namesake, nor
    is a patient whose line is struck."""
    wards.add_ward(session_for("admin"), "4A", "Surgery", ["1", "2"])
    coord = session_for("coord")
    t1, t2 = _listed_in(coord, "T1", "2026-11-30"), _listed_in(coord, "T2", "2026-11-30")
    alone = {"used_name": None, "nir": None}
    jean = ward(5, **alone, birth_name="MARTIN", given_names="Jean", sex="male", birth_date="1950-02-01")
    jeanne = ward(1, **alone, ward="4A", birth_name="Martin", given_names="Jeanne", birth_date="1952-06-03")
    paul = ward(6, **alone, birth_name="MARTIN", given_names="Paul", sex="male", birth_date="1961-01-01")
    dubois = [ward(bed, **alone, birth_name="DUBOIS", given_names="Anne") for bed in (7, 8)]
    _one_person(session_for, *dubois)
    theatre.book(coord, jean, _booking(t1, "2026-11-30T08:00+01:00", "Dr Roux", "Inguinal hernia repair", "left"))
    theatre.book(coord, jeanne, _booking(t2, "2026-11-30T09:00+01:00", "Dr A", "Inguinal hernia repair", "right"))
    cancelled = theatre.book(coord, paul, _booking(t1, "2026-11-30T11:00+01:00", "Dr Roux")).record_id
    theatre.cancel(coord, cancelled, CANCEL)
    theatre.book(coord, dubois[0], _booking(t1, "2026-11-30T09:30+01:00", "Dr Roux"))
    theatre.book(coord, dubois[1], _booking(t2, "2026-11-30T11:00+01:00", "Dr A", "Carpal tunnel release", "left"))
    theatre.book(coord, ward(9, **alone), _booking(t1, "2026-11-30T12:00+01:00", "Dr Roux", "Excision of a lipoma"))
    lines = [entry for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30)) for entry in entries]
    assert {(entry.state.patient.display_name, entry.start.strftime("%H:%M")): entry.namesakes for entry in lines} == {
        ("MARTIN Jean", "08:00"): ("MARTIN Jeanne 09:00 T2",), ("MARTIN Jeanne", "09:00"): ("MARTIN Jean 08:00 T1",),
        ("MARTIN Paul", "11:00"): (), ("DUBOIS Anne", "09:30"): (), ("DUBOIS Anne", "11:00"): (),
        ("PATIENT9 Hélène Marie", "12:00"): ()}
    # The list of T1 alone names the namesake in T2, under the patient's name.
    text = pdf_text(printing.print_theatre_list(session_for("coord", lang=lang), date(2026, 11, 30),
                                             tmp_path / "list.pdf", "T1"))
    assert f"MARTIN Jean {alert}" in text, text
    assert text.count(alert.split(":")[0].strip()) == 1


def test_a_death_recorded_under_a_linked_number_is_the_persons(session_for, ward, clock):
    """One person admitted on two laptops, the records office linking both numbers to one EHR
    patient: her death recorded under the first, an operation booked under the second after it
    was accepted, the board said "booked" and the rebook dialog offered slots. The earliest death
    of the person's numbers is theirs."""
    from downtime.services.errors import ServiceError
    from tests.conftest import death_answers

    coord, died = session_for("coord"), {"verified_by": "Dr Benali", "expected": False, "family_informed": True}
    first, second = ward(1), ward(2)
    _one_person(session_for, first, second)
    monday = _listed_in(coord, "T1", "2026-11-30")
    booked = theatre.book(coord, second, _booking(monday, "2026-11-30T08:00+01:00", "Dr Roux")).record_id
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), **died},
                     patient_id=first)
    ((_, (line,)),) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), now=clock.now)
    assert theatre.board_status(line, "en", clock.now) == "booked — PATIENT DIED 28/11/2026 13:00: cancel"
    with pytest.raises(ServiceError, match=r"death is recorded \(28/11/2026 13:00\)"):
        theatre.book(coord, second, _booking(monday, "2026-11-30T10:00+01:00", "Dr A", "Knee arthroscopy", "left"))
    theatre.cancel(coord, booked, CANCEL)
    assert theatre.suggestions(coord.db, booked, clock.now).died_at == datetime(2026, 11, 28, 13, 0, tzinfo=PARIS)
    to_rebook, left = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert not to_rebook and [item.state.record.record_id for item in left] == [booked]
    # Recorded under both numbers, the earlier death is the person's.
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:30+01:00"), **died},
                     patient_id=second)
    assert theatre.suggestions(coord.db, booked, clock.now).died_at == datetime(2026, 11, 28, 13, 0, tzinfo=PARIS)


# ------------------------------------------------------------------ a latex allergy not first in its theatre

LATEX = {"allergy_status": "allergies", "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis",
                                                        "severity": "severe"}]}
NONE_KNOWN = {"allergy_status": "nka", "allergies": []}
AFTER_LATEX = {"en": "LATEX ALLERGY, not first in this theatre today: move first, latex-free theatre",
               "fr": "ALLERGIE AU LATEX, pas en premier dans cette salle aujourd’hui : à passer en premier, salle "
                     "sans latex"}


def test_after_latex_reads_one_theatres_day_in_time_order():
    """A latex-allergic patient is flagged once the theatre was used for someone else: not first
    of the day, nor after other latex-allergic patients alone (the theatre stayed latex-free)."""
    from downtime.domain.theatre import after_latex, latex_allergic

    assert after_latex([True, True, False, True, False]) == [False, False, False, True, False]
    assert after_latex([]) == []
    # The allergy is matched as the drug checks match substances, in either language.
    assert [latex_allergic(found) for found in (["Latex"], ["latex (anaphylaxie)"], ["Natural rubber latex"],
                                                ["Penicillin"], [])] == [True, True, True, False, False]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_latex_allergic_patient_not_first_in_the_theatre_is_flagged(session_for, ward, clock, tmp_path, lang):
    """A patient with a latex allergy recorded on admission booked last on the list was accepted
    with nothing said, on the board and on the printed list, where a theatre is made latex-free
    before its first operation. Booking is not refused: the line says it, in red on the board.
    A latex-allergic patient first in the theatre (the line cancelled before them struck, not
    counted), or after other latex-allergic patients alone, is not flagged; one first on the
    afternoon's list of a theatre used that morning is."""
    coord = session_for("coord")
    morning, afternoon = _session(coord, "2026-11-30", "08:00", "13:00"), _session(coord, "2026-11-30", "14:00", "18:00")
    other_theatre = _listed_in(coord, "T2", "2026-11-30")
    cancelled = theatre.book(coord, ward(1, **NONE_KNOWN), _booking(morning, "2026-11-30T08:00+01:00", "Dr Roux"))
    theatre.book(coord, ward(2, **LATEX), _booking(morning, "2026-11-30T09:00+01:00", "Dr A"))
    theatre.book(coord, ward(3, **LATEX), _booking(morning, "2026-11-30T10:00+01:00", "Dr B"))
    theatre.book(coord, ward(4, **NONE_KNOWN), _booking(morning, "2026-11-30T11:00+01:00", "Dr C"))
    last = theatre.book(coord, ward(5, **LATEX), _booking(morning, "2026-11-30T12:00+01:00", "Dr D"))
    later = theatre.book(coord, ward(6, **LATEX), _booking(afternoon, "2026-11-30T14:00+01:00", "Dr E"))
    theatre.book(coord, ward(7, **LATEX), _booking(other_theatre, "2026-11-30T08:00+01:00", "Dr F"))
    theatre.cancel(coord, cancelled.record_id, CANCEL)
    lists = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), now=clock.now)
    flagged = {(listed.theatre, entry.start.strftime("%H:%M")): entry.after_latex
               for listed, entries in lists for entry in entries}
    assert flagged == {("T1", "08:00"): False, ("T1", "09:00"): False, ("T1", "10:00"): False,
                       ("T1", "11:00"): False, ("T1", "12:00"): True, ("T1", "14:00"): True, ("T2", "08:00"): False}
    lines = {entry.state.record.record_id: entry for _, entries in lists for entry in entries if not entry.struck}
    # Four 60-minute cases back to back from 09:00, a turnover between each, run past 13:00.
    assert theatre.board_status(lines[last.record_id], "en", clock.now) == (
        "booked — LATEX ALLERGY: move first, latex-free theatre — LIST OVERRUNS: ends about 13:45 with 15 min between "
        "cases (list ends 13:00)")
    assert theatre.board_status(lines[later.record_id], "en", clock.now) == "booked — LATEX ALLERGY: move first, latex-free theatre"
    # The list of T1 alone still counts the morning's operations before the afternoon's.
    assert [entry.after_latex for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), "T1")
            for entry in entries if entry.state.record.record_id == later.record_id] == [True]
    text = pdf_text(printing.print_theatre_list(session_for("coord", lang=lang), date(2026, 11, 30),
                                             tmp_path / "list.pdf", "T1"))
    assert text.count(AFTER_LATEX[lang]) == 2, text


def test_settling_a_hold_on_a_cancellation_answered_not_last_minute_by_an_older_app_is_not_refused(session_for, ward):
    """An in-patient's list cancelled the evening before, "Last minute: No" on a laptop with the
    app of before the rule: settling the hold with that version was refused by the rule, the
    clerk left to change the coordinator's answer to clear it."""
    coord = session_for("coord")
    sunday = _session(coord, "2026-11-29", "08:00", "13:00")
    booked = theatre.book(coord, ward(1), _booking(sunday, "2026-11-29T09:00+01:00", "Dr Roux"))
    cancelled = theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": "2026-11-28T13:00+01:00"})
    chosen = cancelled.model_copy(update={"data": {**cancelled.data, "last_minute": False}, "version": 2})
    clerk = session_for("records")
    with clerk.db.atomic():
        settled = records.settle_to(clerk, cancelled.record_id, cancelled, chosen, "Laptop 2's version, the ward says")
    assert settled.data["last_minute"] is False
