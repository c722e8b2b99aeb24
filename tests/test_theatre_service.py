import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from downtime.domain.theatre import Booking, TheatreSession, clashes, person_key, suggest_slots
from downtime.services import back_entry, printing, records, theatre, wards
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.services.patients import downtime_numbers
from tests.conftest import death_answers

MONDAY = "2026-11-30"
TUESDAY = "2026-12-01"
CANCEL = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "phone"}
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def lists(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                      "birth_name": f"Patient{bed}"}).patient_id
                for bed in range(1, 5)]
    made = {name: _session(coord, theatre_name, day) for name, theatre_name, day in (
        ("t1-mon", "T1", MONDAY), ("t2-mon", "T2", MONDAY), ("t1-tue", "T1", TUESDAY))}
    return coord, patients, made


def _session(coord, theatre_name, day, start="08:00", end="13:00", specialty="General surgery"):
    return records.save_new(coord, "theatre_session", {
        "theatre": theatre_name, "specialty": specialty,
        "starts_at": f"{day}T{start}+01:00", "ends_at": f"{day}T{end}+01:00"}).record_id


def _booking(session_id, start, surgeon="Dr Roux", anaesthetist="Dr Klein", priority="elective", minutes=90,
             day=MONDAY):
    return {"procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": priority,
            "decided_at": "2026-10-01T10:00+01:00", "surgeon": surgeon, "anaesthetist": anaesthetist,
            "session": session_id, "planned_start": f"{day}T{start}+01:00", "expected_minutes": minutes}


def test_only_coordinators_write_theatre_lists(session_for, lists):
    _, patients, made = lists
    with pytest.raises(PermissionDenied):
        theatre.book(session_for("nurse"), patients[0], _booking(made["t1-mon"], "08:00"))


@pytest.mark.parametrize("change, clash", [
    ({"surgeon": "Dr Other", "anaesthetist": "Dr Other2"}, "theatre T1"),
    ({"session": "t2", "anaesthetist": "Dr Other2"}, "surgeon Dr Roux"),
    ({"session": "t2", "surgeon": "Dr Other"}, "anaesthetist Dr Klein"),
])
def test_double_booking_is_refused_naming_the_clash(lists, change, clash):
    coord, patients, made = lists
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    values = _booking(made["t1-mon"], "09:00", **{k: v for k, v in change.items() if k != "session"})
    if change.get("session") == "t2":
        values["session"] = made["t2-mon"]
    with pytest.raises(theatre.ClashRefused, match=clash):
        theatre.book(coord, patients[1], values)


@pytest.mark.parametrize("surgeon, anaesthetist, clash", [
    ("Dr Roux ", "Dr Other2", "surgeon Dr Roux"), ("DR  ROUX", "Dr Other2", "surgeon Dr Roux"),
    ("Dr. Roux", "Dr Other2", "surgeon Dr Roux"), ("Dr Other", " dr klein", "anaesthetist Dr Klein"),
    ("Roux", "Dr Other2", "surgeon Dr Roux"), ("Pr Roux", "Dr Other2", "surgeon Dr Roux"),
    ("Mr Roux", "Dr Other2", "surgeon Dr Roux"), ("Prof. Roux", "Dr Other2", "surgeon Dr Roux"),
    ("Dr Other", "Mme Klein", "anaesthetist Dr Klein"),
])
def test_a_surgeon_or_anaesthetist_typed_otherwise_is_the_same_person(lists, surgeon, anaesthetist, clash):
    """Names are typed by hand on each booking: a trailing space, a doubled space, capitals or
    "Dr." let Dr Roux be booked in two theatres at once (theatres already compared as typed), and
    so did a title typed otherwise or not at all ("Roux", "Pr Roux", "Mr Roux")."""
    coord, patients, made = lists
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(theatre.ClashRefused, match=clash):
        theatre.book(coord, patients[1], _booking(made["t2-mon"], "09:00", surgeon=surgeon, anaesthetist=anaesthetist))
    wanted = Booking("new", patients[1], None, None, 90, surgeon, anaesthetist)
    known = theatre.sessions(coord.db)
    booked = [facts.booking for facts in theatre.bookings(coord.db, coord.forms)]
    (slot,) = suggest_slots(wanted, [known[made["t2-mon"]]], booked, after=datetime(2026, 11, 30, 7, tzinfo=PARIS),
                            limit=1)
    assert slot.start.strftime("%H:%M") == "09:30", "the first slot after Dr Roux's and Dr Klein's 08:00-09:30"


@pytest.mark.parametrize("one, other", [("Dr M. Martin", "Dr Martin"), ("Dr M. Martin", "Dr L. Martin"),
                                        ("M. Martin", "Mme Martin")])
def test_an_initial_m_is_not_read_as_monsieur(one, other):
    """Coordinators tell namesakes apart by an initial: "Dr M. Martin" (Marc) lost his, read as
    Monsieur, and met "Dr Martin" and "Mme Martin" in the clash check, while "Dr L. Martin" kept
    his: booking Luc as "Dr Martin" was refused as a clash with Marc."""
    assert person_key(one) != person_key(other)


def test_a_clash_and_a_status_read_in_the_coordinators_language(lists):
    """In French the refusal was English from "This slot clashes" on, the status too ("This
    booking is cancelled" inside a French sentence)."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, patients[1], _booking(made["t1-mon"], "09:00"))
    assert refused.value.text("fr").startswith("Ce créneau est en conflit : la salle T1 est occupée 30/11 08:00-09:30")
    assert "le chirurgien Dr Roux opère" in refused.value.text("fr")
    assert str(refused.value).startswith("This slot clashes: theatre T1 is booked 30/11 08:00-09:30")
    cancellation = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
                    "patient_told": "phone"}
    theatre.cancel(coord, first.record_id, cancellation)
    with pytest.raises(ServiceError) as again:
        theatre.cancel(coord, first.record_id, cancellation)
    assert again.value.text("fr").startswith("Cette intervention est annulée ;")


def test_a_clash_says_where_the_operation_fits_that_day_and_for_an_emergency_what_frees_a_slot(lists):
    """An immediate laparotomy refused on a busy theatre was told only what was in the way: the
    coordinator had to try theatre after theatre. The refusal now gives the next free start on
    its own list, then on the day's other lists (their specialty said), and for an immediate
    case that cancelling a planned operation for the emergency frees its slot."""
    coord, patients, made = lists
    _session(coord, "T3", MONDAY, "13:30", "17:00", specialty="Orthopaedics")
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    emergency = _booking(made["t1-mon"], "08:30", surgeon="Dr Other", anaesthetist=None, priority="immediate_a",
                         minutes=60)
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, patients[1], emergency)
    assert refused.value.text("en") == (
        "This slot clashes: theatre T1 is booked 30/11 08:00-09:30. Free that day for 60 min: from 09:45 in T1, or "
        "T2 (General surgery) from 08:00, or T3 (Orthopaedics) from 13:30. For an immediate case: cancelling a "
        "planned operation (reason \u201cEmergency took the theatre\u201d) frees its slot.")
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, patients[1], {**emergency, "priority": "elective", "expected_minutes": 320})
    assert refused.value.text("en").endswith(
        "theatre T1 is booked 30/11 08:00-09:30. No session of that day known to this laptop has 320 min free.")


def test_sessions_to_choose_are_those_to_come_then_those_ended_the_latest_first(lists, clock):
    """A booking's list began with the outage's first, long-ended sessions; the ones ended come
    last now, the latest first, theatres in order within one time."""
    coord, _, made = lists
    _session(coord, "T1", "2026-11-29")
    clock.now = datetime(2026, 11, 30, 14, 0, tzinfo=PARIS)
    chosen = [(found.session_id, ended) for found, ended in theatre.sessions_to_choose(coord.db, clock.now)]
    sunday = next(session_id for session_id, _ in chosen if session_id not in made.values())
    assert chosen == [(made["t1-tue"], False), (made["t1-mon"], True), (made["t2-mon"], True), (sunday, True)]


def test_overfilling_a_session_is_refused(lists):
    coord, patients, made = lists
    with pytest.raises(theatre.ClashRefused, match="does not fit in the session"):
        theatre.book(coord, patients[0], _booking(made["t1-mon"], "12:00", minutes=120))


def test_cancel_then_rebook_from_a_suggested_slot(lists, clock):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.book(coord, patients[1], _booking(made["t2-mon"], "08:00", surgeon="Dr B", anaesthetist="Dr C"))
    theatre.cancel(coord, first.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                            "last_minute": True, "patient_told": "phone"})
    (waiting,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert waiting.state.rebook_by == datetime.fromisoformat("2026-12-26T23:59+01:00"), "the 28th day, all of it"
    assert not waiting.breach and not waiting.near_breach
    slot = theatre.suggestions(coord.db, first.record_id, clock.now).slots[0]
    assert (slot.session_id, slot.start.strftime("%d %H:%M")) == (made["t1-mon"], "30 08:00")
    theatre.rebook(coord, first.record_id, {"outcome": "rebooked", "session": slot.session_id,
                                            "planned_start": slot.start.isoformat(),
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    assert theatre.rescheduling(coord.db, coord.forms, clock.now)[0] == []
    state = next(s for s in theatre.bookings(coord.db, coord.forms) if s.record.record_id == first.record_id)
    assert state.status is theatre.BookingStatus.REBOOKED


def test_an_operation_cancelled_for_the_patients_death_records_the_family_told(lists, tmp_path):
    """One tells a dead patient's family, not the patient: the coordinator's only choices were
    in person, by phone, by letter or not yet, each about the patient. "Family told" is
    recorded, printed and exported as the others are."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    cancelled = theatre.cancel(coord, booking.record_id, {**CANCEL, "reason": "patient_died", "last_minute": False,
                                                          "patient_told": "family"})
    assert cancelled.data["patient_told"] == "family"
    assert "☒ Family told" in _pdf_text(printing.print_record(coord, cancelled.record_id,
                                                              tmp_path / "cancellation.pdf"))


def test_a_lists_next_free_start_is_where_a_new_booking_begins(lists, clock):
    """The booking form's planned start was typed whole, date and all, after choosing a list
    that already says both: picking the list now fills in its first free time, long enough
    for the operation once its duration is known; a full list gives its start (the booking
    check then names the clash)."""
    coord, patients, made = lists
    monday = made["t1-mon"]
    assert theatre.next_free_start(coord.db, monday, clock.now) == datetime.fromisoformat(f"{MONDAY}T08:00+01:00")
    under_way = datetime.fromisoformat(f"{MONDAY}T08:20+01:00")
    assert theatre.next_free_start(coord.db, monday, under_way) == datetime.fromisoformat(f"{MONDAY}T08:30+01:00")
    first = theatre.book(coord, patients[0], _booking(monday, "08:00"))
    theatre.book(coord, patients[1], _booking(monday, "10:00", surgeon="Dr B", anaesthetist="Dr C", minutes=60))
    theatre.book(coord, patients[2], _booking(made["t2-mon"], "11:00", surgeon="Dr D", anaesthetist="Dr E"))
    # 09:30-10:00 holds no operation once a turnover is kept either side (domain.theatre.TURNOVER).
    assert theatre.next_free_start(coord.db, monday, clock.now) == datetime.fromisoformat(f"{MONDAY}T11:15+01:00")
    assert theatre.next_free_start(coord.db, monday, clock.now, 60) == datetime.fromisoformat(
        f"{MONDAY}T11:15+01:00")
    theatre.cancel(coord, first.record_id, CANCEL)
    assert theatre.next_free_start(coord.db, monday, clock.now, 60) == datetime.fromisoformat(
        f"{MONDAY}T08:00+01:00")
    assert theatre.next_free_start(coord.db, monday, clock.now, 300) == datetime.fromisoformat(
        f"{MONDAY}T08:00+01:00")
    assert theatre.next_free_start(coord.db, "no-such-list", clock.now) is None


def test_suggested_slots_are_on_the_operations_own_specialtys_lists(lists, clock):
    """A general surgery operation cancelled: the rebook dialog offered the ENT and Gynaecology
    lists among its slots, and Enter books the first. Its specialty is that of the list it was
    booked on (typed otherwise on another list, "general surgery ", it is the same); other
    specialties' lists only when none of its own has a free slot, and then said so."""
    coord, patients, made = lists
    ent = _session(coord, "T3", TUESDAY, "14:00", "18:00", specialty="ENT")
    gynae = _session(coord, "T4", "2026-12-02", specialty="Gynaecology")
    afternoon = _session(coord, "T2", MONDAY, "14:00", "16:00", specialty=" general  SURGERY")
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    found = theatre.suggestions(coord.db, first.record_id, clock.now)
    assert {slot.session_id for slot in found.slots} == {made["t1-mon"], made["t2-mon"], made["t1-tue"], afternoon}
    assert found.specialty == "General surgery" and not found.elsewhere
    for patient, session_id, minutes in ((patients[1], made["t1-mon"], 300), (patients[2], made["t1-tue"], 300),
                                         (patients[3], afternoon, 120)):  # Dr Roux busy on every general list
        start = theatre.sessions(coord.db)[session_id].start
        theatre.book(coord, patient, {**_booking(session_id, f"{start:%H:%M}", minutes=minutes), "decided_at":
                                      "2026-10-01T10:00+01:00", "planned_start": start.isoformat()})
    found = theatre.suggestions(coord.db, first.record_id, clock.now)
    assert [slot.session_id for slot in found.slots] == [ent, gynae] and found.elsewhere


def test_an_operation_whose_list_was_withdrawn_is_offered_every_lists_slots(lists, clock):
    """The list it was booked on, withdrawn since (typed twice), tells no specialty: every list's
    slots, earliest first, none said to be another specialty's."""
    coord, patients, made = lists
    ent = _session(coord, "T3", MONDAY, "07:00", "13:00", specialty="ENT")
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    records.mark_entered_in_error(coord, made["t1-mon"], "session typed twice")
    found = theatre.suggestions(coord.db, first.record_id, clock.now)
    assert found.slots[0].session_id == ent and found.specialty is None and not found.elsewhere


def test_rescheduling_list_order_and_breaches(lists, clock):
    coord, patients, made = lists
    ids = []
    for patient, priority, decided in ((patients[0], "elective", "2026-06-01T10:00+01:00"),
                                       (patients[1], "expedited", "2026-11-25T10:00+01:00"),
                                       (patients[2], "elective", "2026-09-01T10:00+01:00")):
        values = {**_booking(made["t1-mon"], "08:00"), "priority": priority, "decided_at": decided}
        values["session"] = made["t1-tue"] if patient != patients[0] else made["t1-mon"]
        values["planned_start"] = values["planned_start"].replace(MONDAY, "2026-12-01") if patient != patients[0] else values["planned_start"]
        values["surgeon"] = f"Dr {priority}{decided[:7]}"
        values["anaesthetist"] = values["surgeon"]
        if patient == patients[2]:
            values["planned_start"] = "2026-12-01T10:00+01:00"
        ids.append(theatre.book(coord, patient, values).record_id)
    cancelled = {"reason": "information_system", "last_minute": False, "patient_told": "letter"}
    for record_id in ids:
        theatre.cancel(coord, record_id, {**cancelled, "cancelled_at": "2026-11-27T09:00+01:00"})
    order = [i.state.record.record_id for i in theatre.rescheduling(coord.db, coord.forms, clock.now)[0]]
    assert order == [ids[1], ids[0], ids[2]]
    (urgent, *_) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert urgent.near_breach and urgent.state.rebook_by.date().isoformat() == "2026-12-02"
    day = datetime.fromisoformat("2026-12-01T00:00+01:00").date()
    assert theatre.board(coord.db, coord.forms, day, clock.now) == (
        theatre.day_list(coord.db, coord.forms, day), theatre.rescheduling(coord.db, coord.forms, clock.now))
    assert any(entries for _, entries in theatre.board(coord.db, coord.forms, day, clock.now)[0])


def test_only_booked_operations_can_be_cancelled_and_only_cancelled_rebooked(lists, clock):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match="cancel it before rebooking"):
        theatre.rebook(coord, first.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                                "decided_at": clock.now.isoformat(timespec="minutes")})
    theatre.cancel(coord, first.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "patient_unfit",
                                            "last_minute": True, "patient_told": "in_person"})
    with pytest.raises(ServiceError, match="only a booked operation"):
        theatre.cancel(coord, first.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "patient_unfit",
                                                "last_minute": True, "patient_told": "in_person"})
    theatre.rebook(coord, first.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    state = theatre.bookings(coord.db, coord.forms)[0]
    assert state.status is theatre.BookingStatus.TRANSFERRED and state.rebook_by is None


def test_a_clash_check_reads_the_bookings_near_its_time_and_finds_what_replaying_all_finds(lists, clock):
    """A booking is checked against the bookings standing near its time only (a hospital has
    thousands): every candidate must get the verdict that replaying every booking gives, with
    cancellations, rebookings across days, and a session written in another UTC offset."""
    import random

    from downtime.domain.theatre import Booking, clashes
    from downtime.storage.records import list_current

    coord, patients, made = lists
    for name, day, offset in (("t3-mon", MONDAY, "+02:00"), ("t1-later", "2026-12-09", "+01:00")):
        made[name] = records.save_new(coord, "theatre_session", {
            "theatre": "T3" if name == "t3-mon" else "T1", "specialty": "General surgery",
            "starts_at": f"{day}T08:00{offset}", "ends_at": f"{day}T13:00{offset}"}).record_id
    known = theatre.sessions(coord.db)
    rng = random.Random(20261129)

    def candidate():
        session = known[made[rng.choice(sorted(made))]]
        start = session.start + timedelta(minutes=15 * rng.randrange(20))
        return {**_booking(session.session_id, "08:00", surgeon=rng.choice(("Dr A", "Dr B", "Dr C")),
                           anaesthetist=rng.choice(("Dr K", "Dr L", "Dr M")), minutes=rng.choice((30, 60, 90))),
                "planned_start": start.isoformat()}, rng.choice(patients)

    booked = [theatre.book(coord, patients[3], {**_booking(made["t1-later"], "08:00", surgeon="Dr Far"),
                                                "planned_start": "2026-12-09T10:00+01:00"}).record_id]
    for _ in range(40):
        values, patient = candidate()
        try:
            booked.append(theatre.book(coord, patient, values).record_id)
        except theatre.ClashRefused:
            pass
    for booking_id in booked[:5]:
        theatre.cancel(coord, booking_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                           "last_minute": True, "patient_told": "phone"})
    for booking_id in booked[:3]:
        values, _ = candidate()
        try:
            theatre.rebook(coord, booking_id, {"outcome": "rebooked", "session": values["session"],
                                               "planned_start": values["planned_start"],
                                               "decided_at": clock.now.isoformat(timespec="minutes")})
        except theatre.ClashRefused:
            pass
    standing = theatre._booked(theatre._replay(coord.db))
    assert len(standing) >= 8

    def planned(booking_id):
        """The days a booking was booked or rebooked into."""
        return {datetime.fromisoformat(r.data["planned_start"]).date() for r in list_current(coord.db)
                if r.data.get("planned_start") and booking_id in (r.record_id, r.data.get("booking"))}

    verdicts, far_reads = set(), 0
    for _ in range(80):
        values, patient = candidate()
        booking = Booking("candidate", patient, values["session"], datetime.fromisoformat(values["planned_start"]),
                          values["expected_minutes"], values["surgeon"], values["anaesthetist"])
        try:
            theatre._check(coord.db, booking, clock.now, "elective")
            found = []
        except theatre.ClashRefused as refused:
            found = refused.clashes
        assert sorted(map(str, found)) == sorted(map(str, clashes(booking, known, standing)))
        verdicts.add(bool(found))
        if values["session"] == made["t1-later"]:
            read = theatre._around(coord.db, booking.start, booking.end)
            assert all(planned(booking_id) & {booking.start.date() - timedelta(days=1), booking.start.date()}
                       for booking_id in read)
            far_reads += len(read)
    assert verdicts == {True, False} and far_reads

    evening, far = (records.save_new(coord, "theatre_session", {
        "theatre": theatre_name, "specialty": "General surgery", "starts_at": f"{day}T14:00+01:00",
        "ends_at": f"{day}T18:00+01:00"}).record_id for theatre_name, day in (("T4", MONDAY), ("T5", "2026-12-20")))
    moved = theatre.book(coord, patients[0], {**_booking(far, "08:00", surgeon="Dr Y", anaesthetist="Dr Z"),
                                              "procedure": "Hernia repair",  # patient 0's cholecystectomy may wait
                                              "planned_start": "2026-12-20T14:00+01:00"}).record_id
    theatre.cancel(coord, moved, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                  "last_minute": True, "patient_told": "phone"})
    theatre.rebook(coord, moved, {"outcome": "rebooked", "session": evening, "planned_start": f"{MONDAY}T14:00+01:00",
                                  "decided_at": clock.now.isoformat(timespec="minutes")})
    with pytest.raises(theatre.ClashRefused, match="theatre T4 is booked 30/11 14:00-15:30"):
        theatre.book(coord, patients[1], {**_booking(evening, "15:00", surgeon="Dr X", anaesthetist="Dr W")})


# Correcting theatre records, the order of a booking's changes, sessions, and suggested slots
# across a change of summer time.

def _rebooking(session_id, start, decided_at):
    return {"outcome": "rebooked", "session": session_id, "planned_start": start, "decided_at": decided_at}


def _died(session_for, patient_id):
    """The patient's death recorded by a doctor, on Saturday 28/11 at 13:00."""
    records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                                      "expected": False, "family_informed": True},
                     patient_id=patient_id)


def _state(coord, booking_id):
    return next(s for s in theatre.bookings(coord.db, coord.forms) if s.record.record_id == booking_id)


# ------------------------------------------------------------------ corrections (E)

def test_a_cancellation_reason_can_be_corrected(lists):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    cancel = theatre.cancel(coord, first.record_id, CANCEL)
    records.amend(coord, cancel.record_id, {**cancel.data, "reason": "no_ward_bed"}, "wrong reason coded")
    assert _state(coord, first.record_id).cancel_reason.value == "no_ward_bed"


def test_a_rebooking_time_can_be_corrected_but_not_into_a_clash(lists, clock):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.book(coord, patients[1], _booking(made["t1-tue"], "11:00", surgeon="Dr B", anaesthetist="Dr C", day=TUESDAY))
    theatre.cancel(coord, first.record_id, CANCEL)
    now = clock.now.isoformat(timespec="minutes")
    rebook = theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00", now))
    records.amend(coord, rebook.record_id, {**rebook.data, "planned_start": f"{TUESDAY}T09:00+01:00"}, "typo")
    assert _state(coord, first.record_id).start == datetime.fromisoformat(f"{TUESDAY}T09:00+01:00")
    with pytest.raises(theatre.ClashRefused, match="theatre T1 is booked 01/12 11:00-12:30"):
        records.amend(coord, rebook.record_id, {**rebook.data, "planned_start": f"{TUESDAY}T10:00+01:00"}, "typo")


def test_a_booking_can_be_corrected_after_its_slot_was_given_away(lists, clock):
    """Booked Monday 08:00, cancelled, the slot given to another patient, rebooked Tuesday: the
    side written on the booking is corrected without meeting its old Monday slot."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], {**_booking(made["t1-mon"], "08:00"), "laterality": "left"})
    theatre.cancel(coord, first.record_id, CANCEL)
    theatre.book(coord, patients[1], _booking(made["t1-mon"], "08:00"))
    theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                      clock.now.isoformat(timespec="minutes")))
    records.amend(coord, first.record_id, {**first.data, "laterality": "right"}, "wrong side written")
    assert _state(coord, first.record_id).record.data["laterality"] == "right"
    with pytest.raises(theatre.ClashRefused, match="does not fit in the session"):   # checked where it stands now
        records.amend(coord, first.record_id, {**first.data, "expected_minutes": 400}, "longer than planned")


# ------------------------------------------------------------------ order of a booking's changes (F)

def test_a_rebooking_dated_before_its_cancellation_is_refused(lists, clock):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": "2026-11-28T13:00+01:00"})
    with pytest.raises(ServiceError, match="the rebooking is dated 28/11/2026 12:30, the cancellation 28/11/2026 13:00"):
        theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                          "2026-11-28T12:30+01:00"))
    (waiting,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert waiting.state.record.record_id == first.record_id


def test_a_cancellation_cannot_be_moved_after_the_rebooking_that_answers_it(lists, clock):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    cancel = theatre.cancel(coord, first.record_id, CANCEL)
    theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00", "2026-11-28T10:00+01:00"))
    with pytest.raises(ServiceError, match="must come after the cancellation it answers"):
        records.amend(coord, cancel.record_id, {**cancel.data, "cancelled_at": "2026-11-28T11:00+01:00"}, "time")
    assert _state(coord, first.record_id).status is theatre.BookingStatus.REBOOKED


# ------------------------------------------------------------------ sessions (G)

def test_theatre_names_compare_as_people_type_them():
    start = datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    sessions = {sid: TheatreSession(sid, name, start, start + timedelta(hours=5), "General surgery")
                for sid, name in (("s1", "T1"), ("s2", " t1 "))}
    booked = [Booking("b1", "p1", "s1", start, 90, "Dr A", "Dr Z")]
    candidate = Booking("b2", "p2", "s2", start + timedelta(minutes=30), 60, "Dr B", "Dr Y")
    assert [c.kind for c in clashes(candidate, sessions, booked)] == ["theatre"]


def test_a_day_list_of_one_theatre_ignores_case_and_spaces(lists):
    coord, _, made = lists
    (listed, _), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), " t1 ")
    assert listed.session_id == made["t1-mon"]


def test_an_overlapping_session_in_the_same_theatre_is_refused(lists):
    coord, _, _ = lists
    with pytest.raises(ServiceError, match=r"Theatre T1 already has a session 30/11/2026 08:00-13:00 \(General surgery\)"):
        _session(coord, " t1", MONDAY, "12:00", "16:00")
    _session(coord, "T1", MONDAY, "13:00", "17:00")   # back to back
    _session(coord, "T3", MONDAY, "08:00", "13:00")   # another theatre


def test_a_session_ending_before_it_starts_is_refused_naming_its_end(lists):
    """13:00 typed 01:00: the session was saved, could hold no operation ("does not fit"), and
    overlapped nothing, so a second list of the same theatre at the same hours was accepted."""
    coord, _, made = lists
    with pytest.raises(ServiceError, match="End: a session must end after it starts "
                                           r"\(it starts 30/11/2026 08:00, ends 30/11/2026 01:00\)"):
        _session(coord, "T5", MONDAY, "08:00", "01:00")
    session = records.current(coord.db, made["t1-mon"])
    with pytest.raises(ServiceError, match="End: a session must end after it starts"):
        records.amend(coord, made["t1-mon"], {**session.data, "ends_at": session.data["starts_at"]}, "typo")


def test_a_session_with_a_standing_booking_cannot_be_withdrawn(lists):
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match=r"Laparoscopic cholecystectomy, patient \S+, booked 30/11/2026 08:00-09:30"):
        records.mark_entered_in_error(coord, made["t1-mon"], "session typed twice")
    cancellation = theatre.cancel(coord, first.record_id, CANCEL)
    records.mark_entered_in_error(coord, made["t1-mon"], "session typed twice")
    # The cancellation withdrawn would put the operation back in the withdrawn session: said in
    # words, not "no theatre session 1b9e…".
    with pytest.raises(ServiceError, match=r"Session: this operation's theatre session is not on the lists \(withdrawn"):
        records.mark_entered_in_error(coord, cancellation.record_id, "cancelled the wrong operation")


def test_a_session_cannot_be_shortened_to_leave_a_booking_outside_it(lists):
    coord, patients, made = lists
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "11:00"))   # 11:00-12:30
    session = records.current(coord.db, made["t1-mon"])
    with pytest.raises(ServiceError, match="outside its session"):
        records.amend(coord, made["t1-mon"], {**session.data, "ends_at": f"{MONDAY}T12:00+01:00"}, "short list")
    records.amend(coord, made["t1-mon"], {**session.data, "ends_at": f"{MONDAY}T12:30+01:00"}, "short list")


# ------------------------------------------------------------------ summer time (H)

def test_a_slot_after_the_change_to_summer_time_is_on_the_wall_clock():
    """An operation from 01:00 (+01:00) for 120 minutes ends at 04:00 Paris time, 03:00+01:00;
    the next begins a turnover later."""
    start = datetime.fromisoformat("2027-03-28T00:00+01:00")
    night = TheatreSession("night", "T9", start, datetime.fromisoformat("2027-03-28T08:00+02:00"), "Emergency")
    booked = [Booking("b1", "p1", "night", start + timedelta(hours=1), 120, "Dr N", "Dr M")]
    (slot,) = suggest_slots(Booking("new", "p2", None, None, 90, "Dr N", "Dr M"), [night], booked,
                            after=datetime(2027, 3, 27, 14, 0, tzinfo=PARIS))
    assert slot.start.isoformat() == "2027-03-28T04:15:00+02:00"


def test_a_suggested_slot_after_the_change_is_printed_at_paris_time(lists, clock, tmp_path):
    from pypdf import PdfReader

    coord, patients, made = lists
    clock.now = clock.now.astimezone(PARIS)
    night = records.save_new(coord, "theatre_session", {"theatre": "T9", "specialty": "General surgery",
                                                        "starts_at": "2027-03-28T00:00+01:00",
                                                        "ends_at": "2027-03-28T08:00+02:00"}).record_id
    theatre.book(coord, patients[0], {**_booking(night, "00:00", surgeon="Dr N", anaesthetist="Dr M"),
                                      "planned_start": "2027-03-28T01:00+01:00", "expected_minutes": 120})
    moved = theatre.book(coord, patients[2], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, moved.record_id, CANCEL)
    slot = next(s for s in theatre.suggestions(coord.db, moved.record_id, clock.now).slots if s.session_id == night)
    theatre.rebook(coord, moved.record_id, _rebooking(night, slot.start.isoformat(timespec="minutes"),
                                                      clock.now.isoformat(timespec="minutes")))
    pdf = printing.print_theatre_list(coord, date(2027, 3, 28), tmp_path / "night.pdf")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert re.findall(r"\d (\d\d:\d\d) –(\d\d:\d\d) [A-Z]+", text) == [("01:00", "04:00"), ("04:15", "05:45")]


def test_a_days_list_reads_only_that_days_bookings_yet_shows_what_was_moved_in_or_out(lists, clock):
    """The day's list replays only the bookings around the day (a records office's theatre
    history is thousands): an operation moved from Monday to Tuesday is on Tuesday's list and
    struck through on Monday's, as when every booking was replayed."""
    coord, patients, made = lists
    moved = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.book(coord, patients[1], _booking(made["t1-tue"], "08:00", surgeon="Dr B", anaesthetist="Dr C",
                                              day=TUESDAY))
    theatre.cancel(coord, moved.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                            "last_minute": True, "patient_told": "phone"})
    theatre.rebook(coord, moved.record_id, {"outcome": "rebooked", "session": made["t1-tue"],
                                            "planned_start": f"{TUESDAY}T10:00+01:00",
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    everything = theatre._replay(coord.db)
    for day in (date(2026, 11, 30), date(2026, 12, 1)):
        assert theatre.day_list(coord.db, coord.forms, day) == theatre.day_list(coord.db, coord.forms, day, replayed=everything)
    ((_, tuesday),) = theatre.day_list(coord.db, coord.forms, date(2026, 12, 1))
    assert moved.record_id in {entry.state.record.record_id for entry in tuesday}
    monday = [entry for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30)) for entry in entries]
    assert [entry.struck for entry in monday if entry.state.record.record_id == moved.record_id] == [True]
    assert theatre.board(coord.db, coord.forms, date(2026, 11, 30), clock.now)[1] == ([], [])


# ------------------------------------------------------------------ review: what a coordinator meets


def test_a_cancellation_cannot_be_moved_onto_another_operation(lists):
    """A cancellation typed against the wrong operation is withdrawn and typed again: amended
    to point at another booking, it put the first one back in a slot given away since (two
    patients in T1 at 08:00, unchecked) and stayed filed under the first patient."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    other = theatre.book(coord, patients[2], _booking(made["t2-mon"], "08:00", surgeon="Dr X", anaesthetist="Dr Y"))
    cancel = theatre.cancel(coord, first.record_id, CANCEL)
    theatre.book(coord, patients[1], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match="Booking: a cancellation or rebooking stays with its operation"):
        records.amend(coord, cancel.record_id, {**cancel.data, "booking": other.record_id}, "wrong booking")
    assert _state(coord, first.record_id).status is theatre.BookingStatus.CANCELLED
    assert _state(coord, other.record_id).status is theatre.BookingStatus.BOOKED


def test_a_transfer_letter_names_the_hospital_after_an_earlier_rebooking_is_corrected(lists, clock, tmp_path):
    """Rebooked, cancelled again, then transferred: correcting the first rebooking's "why this
    date" afterwards made it the newest rebooking read, and the letter told the patient their
    operation "will take place at , which will contact you"."""
    from pypdf import PdfReader

    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    rebooked = theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                                 clock.now.isoformat(timespec="minutes")))
    clock.advance(minutes=5)
    theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": clock.now.isoformat(timespec="minutes")})
    clock.advance(minutes=5)
    theatre.rebook(coord, first.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    clock.advance(minutes=5)
    records.amend(coord, rebooked.record_id, {**rebooked.data, "reason": "first free slot"}, "reason left out")
    pdf = printing.print_letter(coord, first.record_id, tmp_path / "letter.pdf")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "will take place at another hospital, CHU Sud, which will contact you" in text
    # Not this hospital's new date nor its fasting instructions: the other hospital gives its own.
    assert "Your operation: another hospital" in text and "new date" not in text and "fasting" not in text


def test_an_operation_cancelled_or_moved_from_its_new_date_stays_struck_on_that_days_list(lists, clock):
    """Booked Monday, rebooked Tuesday, then cancelled again (or moved on to Wednesday): the
    Tuesday list is the one the patient and the theatre team expect it on, yet it vanished from
    it; only Monday's list showed it struck through."""
    coord, patients, made = lists
    wednesday = _session(coord, "T1", "2026-12-02")
    cancelled, moved = (theatre.book(coord, patient, _booking(made["t1-mon"], start, surgeon=surgeon,
                                                              anaesthetist=surgeon)).record_id
                        for patient, start, surgeon in ((patients[0], "08:00", "Dr A"), (patients[1], "10:00", "Dr B")))
    for booking_id, start in ((cancelled, "08:00"), (moved, "10:00")):
        theatre.cancel(coord, booking_id, CANCEL)
        theatre.rebook(coord, booking_id, _rebooking(made["t1-tue"], f"{TUESDAY}T{start}+01:00",
                                                     clock.now.isoformat(timespec="minutes")))
    clock.advance(minutes=10)
    for booking_id in (cancelled, moved):
        theatre.cancel(coord, booking_id, {**CANCEL, "cancelled_at": clock.now.isoformat(timespec="minutes")})
    theatre.rebook(coord, moved, _rebooking(wednesday, "2026-12-02T09:00+01:00", clock.now.isoformat(timespec="minutes")))

    def listed(day):
        return [(entry.state.record.record_id, f"{entry.start:%H:%M}", entry.struck)
                for _, entries in theatre.day_list(coord.db, coord.forms, day) for entry in entries]

    assert listed(date(2026, 12, 1)) == [(cancelled, "08:00", True), (moved, "10:00", True)]
    assert listed(date(2026, 11, 30)) == [(cancelled, "08:00", True), (moved, "10:00", True)]
    assert listed(date(2026, 12, 2)) == [(moved, "09:00", False)]


def test_a_booking_on_another_day_than_its_session_is_refused_naming_both_days(lists):
    """The session chosen is Monday's, the time typed Tuesday's: "08:00-09:30 does not fit in
    the session 08:00-13:00" left the coordinator looking for a fault in identical hours."""
    coord, patients, made = lists
    with pytest.raises(theatre.ClashRefused, match="01/12 08:00-09:30 does not fit in the session 30/11 08:00-13:00 "
                                                   "of theatre T1"):
        theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00", day=TUESDAY))


def test_a_cancellation_reason_can_be_corrected_after_a_rebooking_of_the_same_minute(lists, clock):
    """Cancelled on the board and rebooked from the list within the minute (both dialogs write
    the minute): correcting the cancellation's reason afterwards put it after the rebooking,
    and was refused as "a rebooking must come after the cancellation it answers"."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    now = clock.now.isoformat(timespec="minutes")
    cancel = theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": now})
    clock.advance(seconds=40)
    theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00", now))
    clock.advance(hours=1)
    records.amend(coord, cancel.record_id, {**cancel.data, "reason": "no_ward_bed"}, "wrong reason coded")
    state = _state(coord, first.record_id)
    assert (state.status, state.cancel_reason.value) == (theatre.BookingStatus.REBOOKED, "no_ward_bed")
    assert state.start == datetime.fromisoformat(f"{TUESDAY}T08:00+01:00")


def test_an_operation_cannot_be_booked_or_rebooked_after_the_patients_recorded_death(lists, clock, session_for):
    """A death recorded on Saturday: booking the patient for Monday, or rebooking their cancelled
    operation, was accepted and put them on the list; one done before the death still records."""
    coord, patients, made = lists
    cancelled = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    theatre.cancel(coord, cancelled.record_id, CANCEL)
    _died(session_for, patients[0])
    died = "This patient's death is recorded \\(28/11/2026 13:00\\): no operation can be planned after it"
    with pytest.raises(ServiceError, match=died):
        theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match=died):
        theatre.rebook(coord, cancelled.record_id, _rebooking(made["t1-mon"], f"{MONDAY}T08:00+01:00",
                                                              clock.now.isoformat(timespec="minutes")))
    earlier = _session(coord, "T4", "2026-11-28", "08:00", "12:00")
    theatre.book(coord, patients[0], {**_booking(earlier, "08:00"), "planned_start": "2026-11-28T09:00+01:00",
                                      "procedure": "Inguinal hernia repair"})


def test_a_patient_whose_death_is_recorded_is_offered_no_slot(lists, clock, session_for):
    """The rebook dialog offered slots to a patient who had died, each refused only once chosen:
    the suggestions say the death as recorded and offer none."""
    coord, patients, made = lists
    cancelled = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    theatre.cancel(coord, cancelled.record_id, CANCEL)
    assert theatre.suggestions(coord.db, cancelled.record_id, clock.now).slots, "slots while the patient lives"
    _died(session_for, patients[0])
    found = theatre.suggestions(coord.db, cancelled.record_id, clock.now)
    assert found.slots == [] and found.died_at == datetime.fromisoformat("2026-11-28T13:00+01:00")


def test_a_rebooking_cannot_put_the_operation_before_it_was_decided(lists, clock):
    """Correcting a rebooking's time with the wrong month (01/11 for 01/12) moved the operation
    onto a list already past: it left the rescheduling list, and no coming list showed it."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    rebooked = theatre.rebook(coord, first.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                                 clock.now.isoformat(timespec="minutes")))
    past = _session(coord, "T1", "2026-11-02")
    with pytest.raises(ValidationFailed, match="“Decided at” cannot be after “New planned start”."):
        records.amend(coord, rebooked.record_id, {**rebooked.data, "session": past,
                                                  "planned_start": "2026-11-02T08:00+01:00"}, "wrong time")
    assert _state(coord, first.record_id).start == datetime.fromisoformat(f"{TUESDAY}T08:00+01:00")


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "“Decision to operate” cannot be after “Planned start”."),
    ("fr", "« Décision opératoire » ne peut pas être après « Début prévu »."),
])
def test_an_operation_cannot_be_booked_before_it_was_decided(lists, session_for, lang, refusal):
    """A booking planned on 30/11 for a decision typed 01/12 (the wrong day, or the wrong field)
    was saved: the rebooking refused it, the booking did not."""
    _, patients, _ = lists
    coord = session_for("coord", lang=lang)
    past = _booking(_session(coord, "T1", "2026-11-02"), "09:00", day="2026-11-02")
    with pytest.raises(ValidationFailed) as refused:
        theatre.book(coord, patients[0], {**past, "decided_at": "2026-11-02T09:01+01:00"})
    assert [(error.path, error.message) for error in refused.value.errors] == [("decided_at", refusal)]
    booked = theatre.book(coord, patients[0], {**past, "decided_at": "2026-11-02T09:00+01:00"})
    with pytest.raises(ValidationFailed, match=refusal):
        records.amend(coord, booked.record_id, {**booked.data, "planned_start": "2026-11-02T08:30+01:00"}, "time")


def test_a_rebooking_written_before_its_decision_can_still_be_withdrawn(lists, clock, monkeypatch):
    """One stored before that rule (or loaded from elsewhere) is put right by withdrawing it."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    past = _session(coord, "T1", "2026-11-02")
    with monkeypatch.context() as patched:
        patched.setattr(records, "validate", lambda *args, **kwargs: [])
        slip = theatre.rebook(coord, first.record_id, _rebooking(past, "2026-11-02T08:00+01:00",
                                                                 clock.now.isoformat(timespec="minutes")))
    records.mark_entered_in_error(coord, slip.record_id, "wrong month")
    assert _state(coord, first.record_id).status is theatre.BookingStatus.CANCELLED


def _pdf_text(path):
    from pypdf import PdfReader

    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_an_operation_booked_before_the_patients_death_is_flagged_wherever_it_shows(lists, clock, session_for,
                                                                                   tmp_path):
    """A death recorded after the booking left Monday's operation on the board, the printed list
    and the rescheduling list as if nothing had happened. It stays booked (no one decided to
    cancel it) but every list says the patient died; cancelled as "patient died", it leaves the
    rescheduling list, and no letter of a new date is printed for them. One cancelled for
    another reason before the death stayed on the rescheduling list, "do not rebook" at the
    end of its line, and the coordinator rang the family for a date: it leaves the list, named
    under it with the death."""
    coord, patients, made = lists
    monday = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    waiting = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    waiting_cancelled = theatre.cancel(coord, waiting.record_id, CANCEL)
    moved = theatre.book(coord, patients[0], {**_booking(made["t2-mon"], "11:00", surgeon="Dr M", anaesthetist="Dr N"),
                                              "procedure": "Inguinal hernia repair"})
    theatre.cancel(coord, moved.record_id, CANCEL)
    theatre.rebook(coord, moved.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T11:00+01:00",
                                                      clock.now.isoformat(timespec="minutes")))
    alive = theatre.book(coord, patients[1], _booking(made["t2-mon"], "08:00", surgeon="Dr B", anaesthetist="Dr C"))
    _died(session_for, patients[0])
    died = datetime.fromisoformat("2026-11-28T13:00+01:00")
    entries = {entry.state.record.record_id: entry.state
               for _, day in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30)) for entry in day}
    assert entries[monday.record_id].status is theatre.BookingStatus.BOOKED, "nothing is cancelled for the coordinator"
    assert entries[monday.record_id].died_before == died
    assert entries[alive.record_id].died_before is None
    assert theatre.rescheduling(coord.db, coord.forms, clock.now)[0] == [], "the family is not rung for a date"
    (_, (left,)) = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert left.state.record.record_id == waiting.record_id and left.state.died_at == died
    listed = _pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert listed.count("PATIENT DIED 28/11/2026 13:00: cancel") == 1
    printed = _pdf_text(printing.print_rescheduling(coord, tmp_path / "resched.pdf"))
    assert "0 cancelled operation(s) not yet rebooked" in printed
    patient = left.state.patient
    assert (f"Not to rebook, the patient's death is recorded: {patient.display_name} "
            f"({patient.downtime_number}), Laparoscopic cholecystectomy — died 28/11/2026 13:00.") in printed
    with pytest.raises(ServiceError, match=r"This patient's death is recorded \(28/11/2026 13:00\): no letter"):
        printing.print_letter(coord, moved.record_id, tmp_path / "letter.pdf")
    theatre.cancel(coord, monday.record_id, {**CANCEL, "reason": "patient_died", "last_minute": False,
                                             "patient_told": "not_yet"})
    records.amend(coord, waiting_cancelled.record_id, {**waiting_cancelled.data, "reason": "patient_died"},
                  "the patient died")
    assert theatre.rescheduling(coord.db, coord.forms, clock.now) == ([], []), "cancelled as such: nothing to say"
    assert _state(coord, monday.record_id).rebook_by is None


def test_a_dead_patients_operation_is_not_transferred_to_another_hospital(lists, clock, session_for):
    """A transfer decided after the patient's recorded death was taken (the rebook dialog's
    "Transfer instead", an import): the other hospital would be sent a dead patient's operation.
    One decided before the death (back-entered from paper) is recorded."""
    coord, patients, made = lists
    waiting = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    theatre.cancel(coord, waiting.record_id, CANCEL)
    _died(session_for, patients[0])
    transfer = {"outcome": "transferred", "other_hospital": "CHU Sud"}
    with pytest.raises(ServiceError, match=r"This patient's death is recorded \(28/11/2026 13:00\)"):
        theatre.rebook(coord, waiting.record_id, {**transfer, "decided_at": clock.now.isoformat(timespec="minutes")})
    assert _state(coord, waiting.record_id).status is theatre.BookingStatus.CANCELLED
    theatre.rebook(coord, waiting.record_id, {**transfer, "decided_at": "2026-11-28T11:00+01:00"})
    assert _state(coord, waiting.record_id).status is theatre.BookingStatus.TRANSFERRED


def test_an_operation_left_by_its_patients_death_is_no_breach(lists, clock, session_for):
    """An urgent operation past its rebook-by date, its patient dead since: it left the list, but
    the command listing it last read "BREACH PATIENT DIED: not to rebook", a breach to answer
    for an operation no one will do."""
    coord, patients, made = lists
    urgent = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY, priority="urgent"))
    theatre.cancel(coord, urgent.record_id, CANCEL)
    assert theatre.rescheduling(coord.db, coord.forms, clock.now)[0][0].breach
    _died(session_for, patients[0])
    (_, (left,)) = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert (left.breach, left.near_breach) == (False, False)


def test_the_booking_forms_sessions_come_in_time_order(lists, clock, session_for):
    """The booking form's list of sessions came in the order each was last saved: Monday's T1
    list, shortened, went after Tuesday's, and a list imported from another laptop after every
    one of this laptop's (weeks of them, in an outage)."""
    coord, _, made = lists
    monday = records.list_current(coord.db, form_id="theatre_session")[0]
    records.amend(coord, made["t1-mon"], {**monday.data, "ends_at": f"{MONDAY}T12:00+01:00"}, "no afternoon staff")
    early = _session(coord, "T3", MONDAY, start="07:00", end="08:00")
    assert [record_id for record_id, _ in records.choices(coord, "theatre_session")] == [
        early, made["t1-mon"], made["t2-mon"], made["t1-tue"]]


def test_operations_to_rebook_by_the_same_day_come_longest_waiting_first(lists, clock):
    """Each line shows the date it must be rebooked by, and the list is said to go by priority,
    then that date, then waiting time: two cancelled on the same day for the 28-day rule came in
    the order of the hour each was cancelled, a patient waiting since June after one waiting since
    October (the hour is printed nowhere)."""
    coord, patients, made = lists
    waiting_since = {patients[0]: "2026-10-01T10:00+01:00", patients[1]: "2026-06-01T10:00+01:00"}
    cancelled_at = {patients[0]: "2026-11-28T07:00+01:00", patients[1]: "2026-11-28T13:00+01:00"}
    ids = {}
    for patient, start, surgeon in ((patients[0], "08:00", "Dr Roux"), (patients[1], "10:00", "Dr Other")):
        values = {**_booking(made["t1-mon"], start, surgeon=surgeon, anaesthetist=None),
                  "decided_at": waiting_since[patient]}
        ids[patient] = theatre.book(coord, patient, values).record_id
        theatre.cancel(coord, ids[patient], {**CANCEL, "cancelled_at": cancelled_at[patient]})
    to_rebook = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert [f"{item.state.rebook_by:%d/%m/%Y}" for item in to_rebook] == ["26/12/2026", "26/12/2026"]
    assert [item.state.record.record_id for item in to_rebook] == [ids[patients[1]], ids[patients[0]]]


def test_the_28_day_rebook_by_date_is_a_whole_day(lists, clock):
    """Cancelled on the day at 09:00 on 28/11, the operation must be rebooked by 26/12, as every
    list prints it: from 09:01 on 26/12 it read "26/12/2026 BREACH", and the rebook dialog said a
    slot that afternoon came "after the rebook-by date", on the day the list said it was due."""
    coord, patients, made = lists
    booked = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booked.record_id, CANCEL)
    clock.now = datetime.fromisoformat("2026-12-26T14:00+01:00")
    (item,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert f"{item.state.rebook_by:%d/%m/%Y}" == "26/12/2026"
    assert not item.breach and item.near_breach
    assert item.state.rebook_by >= datetime.fromisoformat("2026-12-26T23:45+01:00"), "the day's last slot is in time"
    clock.now = datetime.fromisoformat("2026-12-27T00:00+01:00")
    (item,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert item.breach


def test_the_days_lists_come_in_the_order_of_their_theatres_numbers(lists):
    """A hospital's theatres are T1 to T12: the day's board and printed list went T1, T10, T11,
    T12, T2..., the coordinator looking for theatre 2 after theatre 12."""
    coord, _, made = lists
    for name in ("T10", "t3"):
        _session(coord, name, MONDAY)
    day = datetime.fromisoformat(f"{MONDAY}T00:00+01:00").date()
    assert [s.theatre for s, _ in theatre.day_list(coord.db, coord.forms, day)] == ["T1", "T2", "t3", "T10"]



@pytest.mark.parametrize("procedure", ["Laparoscopic cholecystectomy", "  laparoscopic  Cholecystectomy ",
                                       "Laparoscopic cholécystectomy", "Laparoscopic cholecystectomy.",
                                       "Laparoscopic - cholecystectomy", "laparoscopic, CHOLÉCYSTECTOMY"])
def test_an_operation_waiting_to_be_rebooked_is_not_booked_again(lists, clock, procedure):
    """Booked anew, the cancelled operation stayed on the rescheduling list and was rebooked as
    well: one gallbladder, two operations on the lists. Another operation, the other side or
    another patient are booked beside it. Typed with an accent, a full stop or a dash the first
    was not, it was another operation, and booked again."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    again = {**_booking(made["t1-tue"], "08:00", day=TUESDAY), "procedure": procedure}
    with pytest.raises(ServiceError, match=r"Procedure: Laparoscopic cholecystectomy is already waiting to be rebooked "
                                           r"for this patient \(cancelled 28/11/2026 09:00\)"):
        theatre.book(coord, patients[0], again)
    assert [item.state.record.record_id for item in theatre.rescheduling(coord.db, coord.forms, clock.now)[0]] \
        == [first.record_id]
    assert len(theatre.bookings(coord.db, coord.forms)) == 1, "nothing written"
    theatre.book(coord, patients[0], {**again, "procedure": "Hernia repair"})
    theatre.book(coord, patients[0], {**again, "planned_start": f"{TUESDAY}T10:00+01:00", "laterality": "left"})
    theatre.book(coord, patients[1], _booking(made["t2-mon"], "08:00", surgeon="Dr B", anaesthetist="Dr C"))
    assert len(theatre.bookings(coord.db, coord.forms)) == 4


@pytest.mark.parametrize("waiting, again", [("bilateral", "left"), ("bilateral", "right"), ("right", "bilateral")])
def test_an_operation_waiting_to_be_rebooked_is_not_booked_again_on_a_side_it_covers(lists, clock, waiting, again):
    """A knee arthroscopy of both sides waiting for a new date did not stop a left one being
    booked: the left knee was on two lists. Only the other side (left against right) is another
    operation (and one with no side beside one with a side, as before)."""
    coord, patients, made = lists
    knees = {**_booking(made["t1-mon"], "08:00"), "procedure": "Knee arthroscopy", "laterality": waiting}
    first = theatre.book(coord, patients[0], knees)
    theatre.cancel(coord, first.record_id, CANCEL)
    again_values = {**knees, "session": made["t1-tue"], "planned_start": f"{TUESDAY}T08:00+01:00", "laterality": again}
    with pytest.raises(ServiceError) as refused:
        theatre.book(coord, patients[0], again_values)
    side = {"bilateral": "both sides", "right": "right side"}[waiting]
    assert refused.value.text("en") == (
        f"Procedure: Knee arthroscopy, {side} is already waiting to be rebooked for this patient (cancelled "
        "28/11/2026 09:00): rebook it from the rescheduling list rather than booking it again.")
    assert len(theatre.bookings(coord.db, coord.forms)) == 1, "nothing written"


def test_an_operation_waiting_under_another_number_of_the_same_ehr_patient_is_not_booked_again(
        lists, clock, session_for):
    """One person admitted twice (two downtime numbers, which the records office linked to one
    EHR patient): her cancelled gallbladder waited under the first number, and was booked again
    under the second, two operations for one gallbladder."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, first.record_id, CANCEL)
    numbers = downtime_numbers(coord.db, patients[:2])
    clerk = session_for("records")
    back_entry.link_patient(clerk, numbers[patients[0]], "800123")
    back_entry.link_patient(clerk, numbers[patients[1]], "800123", same_person=True)
    with pytest.raises(ServiceError) as refused:
        theatre.book(coord, patients[1], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    assert refused.value.text("en") == (
        f"Procedure: Laparoscopic cholecystectomy is already waiting to be rebooked for this patient under downtime "
        f"number {numbers[patients[0]]}, linked to the same EHR patient 800123 (cancelled 28/11/2026 09:00): rebook "
        "it from the rescheduling list rather than booking it again.")
    assert len(theatre.bookings(coord.db, coord.forms)) == 1, "nothing written"
    theatre.book(coord, patients[2], _booking(made["t1-tue"], "08:00", day=TUESDAY))


# ------------------------------------------------------------------ telling the patient the new date

def _statuses(coord, day):
    return [(entry.struck, theatre.board_status(entry, "en"))
            for _, entries in theatre.day_list(coord.db, coord.forms, day) for entry in entries]


def _told_by_phone(coord, booking_id, clock, change, reason):
    """The patient told now by phone, recorded as the second version of `change` by the
    coordinator signed in, with `reason`."""
    told = theatre.record_told(coord, booking_id, "phone", clock.now)
    assert (told.record_id, told.version, told.author, told.reason) == (change.record_id, 2, "coord", reason)
    assert (told.data["patient_told"], datetime.fromisoformat(told.data["told_at"])) == (
        "phone", clock.now.replace(second=0, microsecond=0))
    return told


def test_a_rebooked_operation_says_its_patient_is_not_told_until_the_coordinator_records_it(lists, clock):
    """Fifteen rebookings over a morning, and nothing said which patients were rung: one not told
    of the new date does not come. Both of its lines say so, the new one and the one struck on the
    day the outage cancelled; how and when the patient was told is an amendment of the rebooking,
    by the coordinator signed in."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, CANCEL)
    decided = clock.now.isoformat(timespec="minutes")
    rebooked = theatre.rebook(coord, booking.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00", decided))
    assert _statuses(coord, date(2026, 12, 1)) == [(False, "REBOOKED (from 30/11 08:00) — PATIENT NOT TOLD YET")]
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "REBOOKED — PATIENT NOT TOLD YET")]
    clock.advance(minutes=20)
    told = _told_by_phone(coord, booking.record_id, clock, rebooked, theatre.TOLD_REASON)
    assert {key: told.data[key] for key in rebooked.data} == rebooked.data, "the new date itself unchanged"
    assert _statuses(coord, date(2026, 12, 1)) == [(False, "REBOOKED (from 30/11 08:00)")]
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "REBOOKED")]


def test_a_transferred_operations_patient_is_not_told_until_recorded(lists, clock):
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, CANCEL)
    theatre.rebook(coord, booking.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                              "decided_at": clock.now.isoformat(timespec="minutes")})
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "TRANSFERRED to CHU Sud — PATIENT NOT TOLD YET")]
    theatre.record_told(coord, booking.record_id, "letter", clock.now)
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "TRANSFERRED to CHU Sud")]


def test_telling_is_refused_without_how_before_the_decision_or_with_nothing_to_tell(lists, clock):
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match="^This booking is booked: there is no cancellation or new date to tell"):
        theatre.record_told(coord, booking.record_id, "phone", clock.now)
    theatre.cancel(coord, booking.record_id, CANCEL)
    theatre.rebook(coord, booking.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                        clock.now.isoformat(timespec="minutes")))
    with pytest.raises(ServiceError, match="^Patient told: choose how"):
        theatre.record_told(coord, booking.record_id, None, clock.now)
    with pytest.raises(ServiceError, match=r"^Told at: the patient cannot be told before the new date was decided"):
        theatre.record_told(coord, booking.record_id, "phone", clock.now - timedelta(hours=1))
    with pytest.raises(ValidationFailed, match="Told at"):
        theatre.record_told(coord, booking.record_id, "phone", clock.now + timedelta(days=1))
    assert _state(coord, booking.record_id).not_told, "nothing half-written"


def test_a_new_date_corrected_after_the_patient_was_told_must_be_told_again(lists, clock):
    """Told of Tuesday 08:00, then the rebooking corrected to 09:00: kept as told, the board no
    longer said to ring a patient who would come an hour early."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, CANCEL)
    theatre.rebook(coord, booking.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                        clock.now.isoformat(timespec="minutes")))
    told = theatre.record_told(coord, booking.record_id, "phone", clock.now)
    with pytest.raises(ServiceError, match="^Patient told: the patient was told before this correction"):
        records.amend(coord, told.record_id, {**told.data, "planned_start": f"{TUESDAY}T09:00+01:00"}, "typo")
    untold = {key: value for key, value in told.data.items() if key not in ("patient_told", "told_at")}
    records.amend(coord, told.record_id, {**untold, "planned_start": f"{TUESDAY}T09:00+01:00"}, "typo")
    assert _statuses(coord, date(2026, 12, 1)) == [(False, "REBOOKED (from 30/11 08:00) — PATIENT NOT TOLD YET")]
    clock.advance(minutes=10)
    theatre.record_told(coord, booking.record_id, "phone", clock.now)
    assert _statuses(coord, date(2026, 12, 1)) == [(False, "REBOOKED (from 30/11 08:00)")]
    assert _state(coord, booking.record_id).start == datetime.fromisoformat(f"{TUESDAY}T09:00+01:00")


def test_a_cancelled_operations_patient_not_told_is_said_until_the_coordinator_records_it(lists, clock):
    """A patient not told of a cancellation comes in fasting on the day. The cancellation form
    records "Not yet", and yet the board said PATIENT NOT TOLD YET of a rebooked or transferred
    operation only. It says it of a cancelled one too, until the telling is recorded, as an
    amendment of the cancellation by the coordinator signed in, how and when."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    cancelled = theatre.cancel(coord, booking.record_id, {**CANCEL, "patient_told": "not_yet"})
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "CANCELLED — PATIENT NOT TOLD YET")]
    assert _state(coord, booking.record_id).not_told
    with pytest.raises(ServiceError, match=r"^Told at: the patient cannot be told of the cancellation before it was "
                                           r"decided \(28/11/2026 09:00\)"):
        theatre.record_told(coord, booking.record_id, "phone", datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert _state(coord, booking.record_id).not_told, "nothing half-written"
    clock.advance(minutes=20)
    told = _told_by_phone(coord, booking.record_id, clock, cancelled, theatre.TOLD_OF_CANCELLATION)
    assert {key: told.data[key] for key in cancelled.data if key != "patient_told"} == {
        key: value for key, value in cancelled.data.items() if key != "patient_told"}, "the cancellation unchanged"
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "CANCELLED")]
    assert _state(coord, booking.record_id).telling == ("phone", datetime.fromisoformat(told.data["told_at"]))


def test_a_cancellation_told_as_it_was_recorded_was_told_when_it_was_cancelled(lists):
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, CANCEL)
    state = _state(coord, booking.record_id)
    assert not state.not_told and state.telling == ("phone", datetime.fromisoformat(CANCEL["cancelled_at"]))
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "CANCELLED")]


def test_an_operation_cancelled_for_the_patients_death_is_not_said_not_told(lists):
    """The family not yet told of a death: no patient comes fasting, and "PATIENT NOT TOLD YET"
    would be said of a dead patient."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, {**CANCEL, "reason": "patient_died", "patient_told": "not_yet"})
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "CANCELLED")]
    assert _state(coord, booking.record_id).telling is None


def test_a_cancellation_not_told_then_rebooked_is_said_by_the_new_dates_telling(lists, clock):
    """Rebooked, the patient is told of the new date, which tells them of the cancellation too."""
    coord, patients, made = lists
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booking.record_id, {**CANCEL, "patient_told": "not_yet"})
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "CANCELLED — PATIENT NOT TOLD YET")]
    theatre.rebook(coord, booking.record_id, {**_rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                           clock.now.isoformat(timespec="minutes")),
                                              "patient_told": "phone", "told_at": clock.now.isoformat(timespec="minutes")})
    assert _statuses(coord, date(2026, 11, 30)) == [(True, "REBOOKED")]
    assert _statuses(coord, date(2026, 12, 1)) == [(False, "REBOOKED (from 30/11 08:00)")]


@pytest.mark.parametrize("priority", ["elective", "urgent"])
@pytest.mark.parametrize("at_home", [False, True])
def test_the_census_tells_a_patient_called_in_from_home_from_one_on_a_ward(lists, clock, send_home, priority,
                                                                           at_home):
    """Told by the operation's priority, an elective patient in a ward bed was offered slots from
    90 minutes on (the time to come in from home), and an urgent one sent home the slot starting
    now, which they could not reach. Where the census puts the patient now decides, whatever the
    priority. Under local anaesthetic, with no fasting to wait for (`domain.theatre.fasts`)."""
    coord, patients, made = lists
    now = _session(coord, "T3", "2026-11-28", "14:00", "18:00")
    first = theatre.book(coord, patients[0], {**_booking(made["t1-mon"], "08:00", priority=priority),
                                              "anaesthetic": "local"})
    theatre.cancel(coord, first.record_id, CANCEL)
    if at_home:
        send_home(patients[0])
    found = theatre.suggestions(coord.db, first.record_id, clock.now)
    assert (found.slots[0].session_id, f"{found.slots[0].start:%H:%M}") == (now, "15:30" if at_home else "14:00")
    assert found.from_home == (clock.now + timedelta(minutes=90) if at_home else None)
    assert (theatre.on_a_ward(coord.db, patients[0], clock.now) is None) is at_home
    later = theatre.suggestions(coord.db, first.record_id, clock.now, from_day=date(2026, 11, 30))
    assert later.from_home is None, "a day chosen later than the patient can arrive holds the slots back, not that"


@pytest.mark.parametrize("ward_set_up, on_ward", [(False, "ward 3B (bed\u00a01)"),
                                                   (True, "ward 3B (Internal medicine, bed\u00a01)")])
def test_whom_to_tell_is_the_ward_of_a_patient_in_a_bed_and_the_number_of_one_at_home(
        lists, clock, send_home, session_for, ward_set_up, on_ward):
    """The rescheduling list gave the telephone of a patient in bed 1 on ward 3B, and the board
    said to ring it once their operation was rebooked: the coordinator rang an empty house, or
    the family heard of a date the patient did not. Where the census puts the patient now
    decides: their ward (named where this laptop knows it), whose team tells them, or the number
    to ring at home."""
    coord, patients, made = lists
    if ward_set_up:
        wards.add_ward(session_for("admin"), "3B", "Internal medicine", [str(bed) for bed in range(1, 5)])
    for patient in patients[:2]:
        theatre.cancel(coord, theatre.book(coord, patient, _booking(made["t1-mon"], "08:00")).record_id, CANCEL)
        admission = records.list_current(coord.db, "admission", patient_ids=[patient])[0]
        records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": "01 23 45 67 89"},
                      "her own number")
    send_home(patients[1])
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    told = {item.state.patient.patient_id: (item.to_tell.said("en"), item.to_tell.on_ward is not None)
            for item in waiting}
    assert told == {patients[0]: (on_ward, True), patients[1]: ("01 23 45 67 89", False)}
    at_home = {item.state.patient.patient_id: item.state.patient for item in waiting}[patients[1]]
    before = theatre.whom_to_tell(coord.db, [at_home], datetime.fromisoformat("2026-11-28T11:00+01:00"))
    assert before[patients[1]].said("en") == on_ward.replace("bed\u00a01", "bed\u00a02"), "on the ward until 12:00"


def test_a_cancellation_dated_back_must_come_after_the_decision_and_any_rebooking(lists, clock):
    """The cancel dialog's Cancelled at is dated back to when it was decided: not before the
    decision to operate, from which nothing can be cancelled, nor, for an operation rebooked
    since its first cancellation, before that rebooking (it read "This booking is cancelled").
    The decision is said on the ward's clock: `_booking`'s 10:00+01:00 of 1 October is 11:00 in
    Paris's summer time (this test read it "10:00", on the offset it was stored with)."""
    coord, patients, made = lists
    first = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError) as early:
        theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": "2026-09-30T10:00+01:00"})
    assert str(early.value) == "Cancelled at: this is before the decision to operate (01/10/2026 11:00); check the " \
                               "date and time."
    theatre.cancel(coord, first.record_id, CANCEL)
    theatre.rebook(coord, first.record_id, {"outcome": "rebooked", "session": made["t1-tue"],
                                            "planned_start": f"{TUESDAY}T08:00+01:00",
                                            "decided_at": "2026-11-28T11:00+01:00"})
    with pytest.raises(ServiceError) as before:
        theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": "2026-11-28T10:00+01:00"})
    assert str(before.value) == ("Cancelled at: this operation waited for a new date until it was rebooked (28/11/2026 "
                                 "11:00); a cancellation of its new date comes after that.")
    theatre.cancel(coord, first.record_id, {**CANCEL, "cancelled_at": "2026-11-28T12:00+01:00"})
    (state,) = theatre.bookings(coord.db, coord.forms)
    assert state.cancelled_at == datetime(2026, 11, 28, 12, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_slots_clashes_are_listed_with_a_space_before_the_semicolon_in_french(lists, lang, listed_in):
    """Theatre, surgeon and anaesthetist all met: the French refusal read "…08:00-09:30; le
    chirurgien…", where every sentence of the catalogue writes " ; "."""
    coord, patients, made = lists
    theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(theatre.ClashRefused) as refused:
        theatre.book(coord, patients[1], _booking(made["t1-mon"], "09:00"))
    listed_in(refused.value.text(lang), lang)


def test_an_operation_cancelled_again_keeps_its_first_28_days_and_says_it_was_cancelled_twice(lists, clock, tmp_path,
                                                                                              send_home):
    """Cancelled on the day (to be done by 26/12), rebooked, then cancelled again ahead of its
    new date (the patient at home): its rebook-by date went to "—", below every dated case, as if
    the patient were owed nothing, and the list said it was cancelled once. The first 28 days
    still run, and the rescheduling list, on screen and on paper, says "cancelled 2×"."""
    coord, patients, made = lists
    send_home(patients[0])
    booked = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    theatre.cancel(coord, booked.record_id, CANCEL)
    theatre.rebook(coord, booked.record_id, _rebooking(made["t1-tue"], f"{TUESDAY}T08:00+01:00",
                                                       clock.now.isoformat(timespec="minutes")))
    clock.advance(minutes=30)
    theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": clock.now.isoformat(timespec="minutes"),
                                             "reason": "surgeon_unavailable", "last_minute": False})
    (item,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert item.rebook_by("en") == "26/12/2026"
    assert item.state.times_cancelled == 2
    assert theatre.last_cancelled(item.state, "en") == "28/11 14:30 — cancelled\u00a02×"
    assert "28/11 14:30 — cancelled 2×" in _pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf"))


# ------------------------------------------------------------------ operations done

SATURDAY = "2026-11-28"  # the clock's day: its list ran 08:00-13:00, and it is 14:00
UNCHECKED = "NO SAFETY CHECKLIST recorded"  # an operation done that no safety checklist names
DONE = {"done_at": f"{SATURDAY}T09:10+01:00", "theatre": "T1"}


def _today(lists):
    """An operation booked 09:00-10:30 on today's list, its expected end passed."""
    coord, patients, _ = lists
    today = _session(coord, "T1", SATURDAY)
    return today, theatre.book(coord, patients[0], _booking(today, "09:00", day=SATURDAY))


def _today_said(coord, clock):
    (entry,) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 28), "T1")[0][1]
    return theatre.board_status(entry, "en", clock.now)


def test_an_operation_recorded_done_says_so_and_withdrawn_stands_booked_again(lists, clock):
    """A booking whose day had passed stayed "booked" for ever: an operation done and one that
    silently did not take place read alike. Recorded done, its line says when; amended, the
    corrected time; marked entered in error, it is booked again, its outcome not recorded. Each
    change is audited."""
    coord, _, _ = lists
    _, booked = _today(lists)
    assert _today_said(coord, clock) == "booked — OUTCOME NOT RECORDED"
    done = theatre.record_done(coord, booked.record_id, DONE)
    state = _state(coord, booked.record_id)
    assert state.status is theatre.BookingStatus.DONE and state.done_at == datetime.fromisoformat(DONE["done_at"])
    assert _today_said(coord, clock) == f"DONE 09:10 — {UNCHECKED}"
    records.amend(coord, done.record_id, {**done.data, "done_at": f"{SATURDAY}T09:25+01:00"}, "time typed wrong")
    assert _today_said(coord, clock) == f"DONE 09:25 — {UNCHECKED}"
    records.mark_entered_in_error(coord, done.record_id, "another patient's operation")
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.BOOKED
    assert _today_said(coord, clock) == "booked — OUTCOME NOT RECORDED"
    audited = [version for (version,) in coord.db.execute(
        "SELECT json_extract(detail, '$.version') FROM audit WHERE entity = 'records'"
        " AND json_extract(detail, '$.record_id') = ? ORDER BY seq", [done.record_id])]
    assert audited == [1, 2, 3]


def test_an_operation_is_not_recorded_done_while_cancelled_nor_before_its_list_and_not_cancelled_once_done(lists, clock):
    coord, patients, made = lists
    today, booked = _today(lists)
    later = theatre.book(coord, patients[1], _booking(made["t1-mon"], "08:00"))
    with pytest.raises(ServiceError, match="theatre session starts 30/11/2026 08:00: record it done once its list"):
        theatre.record_done(coord, later.record_id, {"done_at": clock.now.isoformat(timespec="minutes"), "theatre": "T1"})
    with pytest.raises(ServiceError, match="Done at: this is before the decision to operate"):
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": "2026-09-30T09:10+01:00"})
    with pytest.raises(ValidationFailed):  # a time to come
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T15:00+01:00"})
    theatre.record_done(coord, booked.record_id, DONE)
    with pytest.raises(ServiceError, match="This operation was done at 28/11/2026 09:10: nothing is recorded of it "
                                           "after that \\(28/11/2026 11:00\\)"):
        theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T11:00+01:00"})
    with pytest.raises(ServiceError, match="Cancelled at 28/11/2026 08:00, done at 28/11/2026 09:10: an operation is "
                                           "not done in a slot it was cancelled from"):
        theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T08:00+01:00"})
    with pytest.raises(ServiceError, match="This operation was done at 28/11/2026 09:10: nothing is recorded"):
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T09:30+01:00"})
    other = theatre.book(coord, patients[2], _booking(today, "11:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY))
    theatre.cancel(coord, other.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T10:00+01:00"})
    with pytest.raises(ServiceError, match="Cancelled at 28/11/2026 10:00, done at 28/11/2026 11:05"):
        theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T11:05+01:00"})
    with pytest.raises(ServiceError, match="This operation was done at 28/11/2026 09:55: nothing is recorded of it "
                                           "after that \\(28/11/2026 10:00\\)"):
        theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T09:55+01:00"})
    theatre.rebook(coord, other.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                            "decided_at": f"{SATURDAY}T10:30+01:00"})
    with pytest.raises(ServiceError, match="This booking is transferred; only a booked operation can be recorded done"):
        theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T11:05+01:00"})


def test_an_operation_is_recorded_done_once_its_list_has_begun_at_its_slots_time_to_start_with(lists, clock):
    """An operation taken early on its list is done before its own planned start: "Operation
    done" starts with the slot's time, or now while that is still to come, and its list's theatre."""
    coord, patients, _ = lists
    today = _session(coord, "T1", SATURDAY)
    clock.now = datetime(2026, 11, 28, 10, 0, tzinfo=PARIS)
    booked = theatre.book(coord, patients[0], _booking(today, "11:00", day=SATURDAY))
    assert theatre.done_defaults(coord.db, booked.record_id, clock.now) == (clock.now, "T1")
    clock.now = datetime(2026, 11, 28, 12, 0, tzinfo=PARIS)
    assert theatre.done_defaults(coord.db, booked.record_id, clock.now)[0] == datetime.fromisoformat(
        f"{SATURDAY}T11:00+01:00")
    clock.now = datetime(2026, 11, 28, 10, 0, tzinfo=PARIS)
    theatre.record_done(coord, booked.record_id, {"done_at": "2026-11-28T09:55+01:00", "theatre": "T1"})
    (entry,) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 28), "T1")[0][1]
    assert theatre.board_status(entry, "en", clock.now) == f"DONE 09:55 — {UNCHECKED}"


@pytest.mark.parametrize("done_at", ["2026-11-27T10:00+01:00", f"{SATURDAY}T07:00+01:00"])
def test_an_operation_is_not_recorded_done_before_its_list_began(lists, clock, done_at):
    """Done the day before its list (the wrong day picked), or at 07:00 on a list opening at
    08:00, was accepted, and the EHR received an operation done before its slot existed."""
    coord, _, _ = lists
    _, booked = _today(lists)
    with pytest.raises(ServiceError, match=r"No list of theatre T1 was running at .*\(its lists: 28/11 08:00–13:00\), "
                                           "and this operation's list starts 28/11/2026 08:00"):
        theatre.record_done(coord, booked.record_id, {**DONE, "done_at": done_at})
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.BOOKED


def test_a_list_begun_a_few_minutes_early_is_done_when_it_began(lists, clock):
    """The team was ready at 07:50 for an 08:00 list: the done time the theatre book gives was
    refused, and the only way through was a time the book contradicts; recorded at 07:55, it was
    refused until 08:00 whatever time was given."""
    coord, _, _ = lists
    clock.now = datetime(2026, 11, 28, 7, 0, tzinfo=PARIS)
    _, booked = _today(lists)
    clock.now = datetime(2026, 11, 28, 7, 55, tzinfo=PARIS)
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T07:50+01:00"})
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.DONE


@pytest.mark.parametrize("done_at", ["2026-11-29T23:30+01:00", "2026-11-30T01:30+01:00"])
def test_an_operation_taken_on_the_night_list_before_its_own_is_done_then(lists, clock, done_at):
    """Booked on Monday's 08:00 T1 list, the patient worsened and was taken on T3's night list
    (Sunday 20:00 to Monday 08:00): only the lists of T3 starting on Monday counted, and the true
    time was refused as before its list; recorded that night, just after the case, it was refused
    until Monday 08:00 whatever time was given, the board showing it still to come."""
    coord, patients, made = lists
    records.save_new(coord, "theatre_session", {"theatre": "T3", "specialty": "Emergency",
                                                "starts_at": "2026-11-29T20:00+01:00",
                                                "ends_at": "2026-11-30T08:00+01:00"})
    booked = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    clock.now = datetime.fromisoformat(done_at).astimezone(PARIS) + timedelta(minutes=5)
    theatre.record_done(coord, booked.record_id, {"done_at": done_at, "theatre": "T3"})
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.DONE


def test_an_operation_chosen_on_the_wrong_days_board_is_not_done_while_its_list_is_to_come(lists, clock):
    """Monday's operation chosen on Saturday's board while Saturday's T1 list runs is not taken
    for one brought forward: only a night list within a day of its own counts before it begins."""
    coord, patients, made = lists
    _session(coord, "T1", SATURDAY)
    booked = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    clock.now = datetime(2026, 11, 28, 10, 30, tzinfo=PARIS)
    with pytest.raises(ServiceError, match="theatre session starts 30/11/2026 08:00: record it done once its list"):
        theatre.record_done(coord, booked.record_id, {"done_at": f"{SATURDAY}T10:25+01:00", "theatre": "T1"})


def test_tomorrows_operation_picked_on_todays_board_is_not_done_today(lists, clock):
    """T1 runs a list every weekday: Tuesday's first case, opened on Monday's board by mistake
    while Monday's T1 list runs, is not taken for one brought forward (it was, any list of the
    day before counting, and Tuesday's patient was sent to the EHR as operated on Monday). An
    evening list ending within hours of Tuesday's still counts."""
    coord, patients, made = lists
    booked = theatre.book(coord, patients[0], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    clock.now = datetime(2026, 11, 30, 10, 30, tzinfo=PARIS)
    with pytest.raises(ServiceError, match="theatre session starts 01/12/2026 08:00: record it done once its list"):
        theatre.record_done(coord, booked.record_id, {"done_at": f"{MONDAY}T10:25+01:00", "theatre": "T1"})
    _session(coord, "T1", MONDAY, "18:00", "22:00")
    clock.now = datetime(2026, 11, 30, 19, 30, tzinfo=PARIS)
    theatre.record_done(coord, booked.record_id, {"done_at": f"{MONDAY}T19:25+01:00", "theatre": "T1"})
    assert _state(coord, booked.record_id).status == "done"


def test_an_operation_moved_to_another_theatre_is_done_from_that_theatres_list(lists, clock):
    """Booked on the afternoon's T1 list, taken in T3's morning list: done before its own list
    began, and rightly so."""
    coord, patients, _ = lists
    afternoon = _session(coord, "T1", SATURDAY, "13:30", "18:00")
    _session(coord, "T3", SATURDAY, "08:00", "12:00")
    clock.now = datetime(2026, 11, 28, 14, 0, tzinfo=PARIS)
    booked = theatre.book(coord, patients[0], _booking(afternoon, "13:30", day=SATURDAY))
    with pytest.raises(ServiceError, match=r"No list of theatre T3 was running at 28/11/2026 07:30 \(its lists: "
                                           r"28/11 08:00–12:00\)"):
        theatre.record_done(coord, booked.record_id, {"done_at": f"{SATURDAY}T07:30+01:00", "theatre": "T3"})
    theatre.record_done(coord, booked.record_id, {"done_at": f"{SATURDAY}T09:05+01:00", "theatre": "T3"})
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.DONE


def test_past_not_recorded_lists_the_operations_of_every_day_ended_with_nothing_recorded(lists, clock):
    """The coordinator's end of the day: every operation still booked once its expected end has
    passed, of any day, done ones, cancelled ones and those still to come left out."""
    coord, patients, made = lists
    today, booked = _today(lists)
    yesterday = _session(coord, "T2", "2026-11-27")
    forgotten = theatre.book(coord, patients[1], _booking(yesterday, "10:00", surgeon="Dr B", anaesthetist="Dr C",
                                                          day="2026-11-27"))
    done = theatre.book(coord, patients[2], _booking(today, "11:00", surgeon="Dr D", anaesthetist="Dr E", day=SATURDAY))
    theatre.record_done(coord, done.record_id, {**DONE, "done_at": f"{SATURDAY}T11:00+01:00"})
    running = theatre.book(coord, patients[3], _booking(today, "12:30", surgeon="Dr F", anaesthetist="Dr G",
                                                        day=SATURDAY, minutes=30))
    theatre.book(coord, patients[3], _booking(made["t1-mon"], "08:00", surgeon="Dr F", anaesthetist="Dr G"))
    clock.now = datetime(2026, 11, 28, 12, 45, tzinfo=PARIS)
    listed = [(session.theatre, [entry.state.record.record_id for entry in entries])
              for session, entries in theatre.not_recorded(coord.db, coord.forms, clock.now)]
    assert listed == [("T2", [forgotten.record_id]), ("T1", [booked.record_id])]
    clock.now = datetime(2026, 11, 28, 13, 0, tzinfo=PARIS)
    listed = [[entry.state.record.record_id for entry in entries]
              for _, entries in theatre.not_recorded(coord.db, coord.forms, clock.now)]
    assert listed == [[forgotten.record_id], [booked.record_id, running.record_id]]


def test_an_operation_rebooked_then_done_is_done_on_its_new_line_and_moved_on_the_one_it_left(lists, clock, tmp_path):
    coord, patients, _ = lists
    yesterday = _session(coord, "T2", "2026-11-27")
    booked = theatre.book(coord, patients[0], _booking(yesterday, "09:00", day="2026-11-27"))
    theatre.cancel(coord, booked.record_id, {**CANCEL, "cancelled_at": "2026-11-27T07:00+01:00"})
    today = _session(coord, "T1", SATURDAY)
    theatre.rebook(coord, booked.record_id, _rebooking(today, f"{SATURDAY}T10:00+01:00", "2026-11-27T08:00+01:00"))
    done = theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T10:05+01:00", "theatre": "T3",
                                                          "notes": "T1 out of use"})
    assert _today_said(coord, clock) == f"DONE 10:05 (T3) — {UNCHECKED}"
    (struck,) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 27))[0][1]
    assert struck.struck and theatre.board_status(struck, "en", clock.now) == "REBOOKED"
    text = _pdf_text(printing.print_theatre_list(coord, date(2026, 11, 27), tmp_path / "friday.pdf"))
    assert "MOVED to 28/11 10:00" in text and "DONE" not in text
    (line,) = [item.label for patient in back_entry.worklist(coord) for item in patient.items
               if item.record.record_id == done.record_id]
    assert "Planned start: 28/11/2026 10:00" in line and "Done at: 28/11/2026 10:05 — Theatre: T3" in line


def test_the_printed_list_says_done_and_outcome_not_recorded(lists, clock, tmp_path):
    coord, patients, _ = lists
    today, booked = _today(lists)
    other = theatre.book(coord, patients[1], _booking(today, "11:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY))
    theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T11:20+01:00"})
    text = _pdf_text(printing.print_theatre_list(coord, date(2026, 11, 28), tmp_path / "today.pdf"))
    assert "OUTCOME NOT RECORDED" in text and "DONE 11:20" in text
    assert text.index("OUTCOME NOT RECORDED") < text.index("DONE 11:20"), "the 09:00 line, then the 11:00 one"


def test_an_operation_done_in_another_theatre_than_its_lists_names_it_on_the_board_and_the_printed_list(
        lists, clock, tmp_path, session_for):
    """"DONE 09:05" on T1's list read as done in T1 when it was moved to T3 on the day; done in
    its own list's theatre (however typed), the line names none. (Each has its safety checklist.)"""
    from tests.test_surgical_safety_checklist import SIGNED_IN

    coord, patients, _ = lists
    today, booked = _today(lists)
    other = theatre.book(coord, patients[1], _booking(today, "11:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY))
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T09:05+01:00", "theatre": "T3"})
    theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T11:10+01:00", "theatre": "t1"})
    for operation in (booked, other):
        records.save_new(session_for("nurse"), theatre.CHECKLIST_FORM, {
            **SIGNED_IN, "booking": operation.record_id, "counts_correct": "correct"}, patient_id=operation.patient_id)
    lines = theatre.day_list(coord.db, coord.forms, date(2026, 11, 28), "T1")[0][1]
    assert [theatre.board_status(entry, lang, clock.now) for entry in lines for lang in ("en", "fr")] == [
        "DONE 09:05 (T3)", "RÉALISÉE 09:05 (T3)", "DONE 11:10", "RÉALISÉE 11:10"]
    text = _pdf_text(printing.print_theatre_list(coord, date(2026, 11, 28), tmp_path / "today.pdf"))
    assert "DONE 09:05 (T3)" in text and "DONE 11:10 (" not in text


def test_a_session_holding_an_operation_done_is_not_shortened_nor_withdrawn_saying_it_was_done_there(lists, clock):
    """Shortening the list was refused with "Cancel or move it first", which the coordinator
    cannot do to an operation done: the refusal says it was done there."""
    coord, _, _ = lists
    today, booked = _today(lists)   # 09:00-10:30
    theatre.record_done(coord, booked.record_id, DONE)
    session = records.current(coord.db, today)
    said = (r"An operation was done in this session: Laparoscopic cholecystectomy, patient \S+, booked 28/11/2026 "
            r"09:00-10:30, done 28/11/2026 09:10\. The session cannot start after it or end before it, nor be withdrawn\.")
    with pytest.raises(ServiceError, match=said):
        records.amend(coord, today, {**session.data, "ends_at": f"{SATURDAY}T10:00+01:00"}, "short list")
    with pytest.raises(ServiceError, match=said):
        records.mark_entered_in_error(coord, today, "session typed twice")
    records.amend(coord, today, {**session.data, "ends_at": f"{SATURDAY}T10:30+01:00"}, "short list")


def test_a_session_whose_operation_was_done_in_another_theatre_says_where_as_it_keeps_the_slot(lists, clock):
    """Booked on T1's list, done in T3: shortening T1's list was refused saying the operation "was
    done in this session", which the coordinator, who had moved it, knew it was not."""
    coord, _, _ = lists
    today, _, _, _ = _done_in_t3(lists)
    session = records.current(coord.db, today)
    with pytest.raises(ServiceError, match=(
            r"An operation of this session was done in theatre T3: Laparoscopic cholecystectomy, patient \S+, booked "
            r"28/11/2026 09:00-10:30, done 28/11/2026 09:05\. The session cannot start after its booked time or end "
            r"before it, nor be withdrawn: this list is where it is found\.")):
        records.amend(coord, today, {**session.data, "ends_at": f"{SATURDAY}T10:00+01:00"}, "T1 closed early")


def _named(coord, booking_id):
    """A patient as a warning names them: name, then downtime number."""
    patient = _state(coord, booking_id).patient
    return f"{patient.display_name} ({patient.downtime_number})"


def _done_records(coord):
    return records.list_current(coord.db, form_id=theatre.DONE_FORM)


def test_an_operation_done_in_a_theatre_not_free_then_is_recorded_only_with_the_reason(lists, clock):
    """Booked in T1, done in T3 at 09:05: nothing checked T3's list, so one done over another
    booked there (or two read as done in T3 at once) went in silently, though most often the
    theatre or the time was typed wrong. The warning names the other operation; recorded anyway
    only with the reason, kept in the record; a reason where nothing clashes is not kept."""
    coord, patients, _ = lists
    _, booked = _today(lists)   # T1 09:00-10:30
    t3 = _session(coord, "T3", SATURDAY)
    other = theatre.book(coord, patients[1], _booking(t3, "09:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY,
                                                      minutes=60))
    moved = {**DONE, "done_at": f"{SATURDAY}T09:05+01:00", "theatre": "t3 "}
    with pytest.raises(theatre.DoneOverClash) as warned:
        theatre.record_done(coord, booked.record_id, moved)
    assert warned.value.text("en") == (
        f"Theatre t3 was not free 28/11 09:05–10:35: {_named(coord, other.record_id)}, Laparoscopic cholecystectomy, "
        "booked there 28/11 09:00–10:00 and not recorded done. Check the theatre and the time; if both are right, "
        "give the reason to record it anyway.")
    assert _done_records(coord) == [], "nothing written"
    with pytest.raises(theatre.DoneOverClash):
        theatre.record_done(coord, booked.record_id, {**moved, theatre.OVER_CLASH: "  "})
    done = theatre.record_done(coord, booked.record_id, {**moved, theatre.OVER_CLASH: "T3's 09:00 case sent to T4"})
    assert done.data[theatre.OVER_CLASH] == "T3's 09:00 case sent to T4"
    with pytest.raises(theatre.DoneOverClash, match=re.escape(
            f"Theatre T3 was not free 28/11 09:00–10:00: {_named(coord, booked.record_id)}, Laparoscopic "
            "cholecystectomy, done there at 28/11 09:05, expected to run until 10:35.")):
        theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T09:00+01:00", "theatre": "T3"})
    elsewhere = theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T09:00+01:00",
                                                             "theatre": "T4", theatre.OVER_CLASH: "typed ahead"})
    assert theatre.OVER_CLASH not in elsewhere.data, "T4 was free: no clash to give a reason for"


def test_an_operation_done_while_its_surgeon_or_patient_had_another_elsewhere_is_recorded_only_with_the_reason(
        lists, clock):
    """Only the theatre was checked: Dr Roux recorded operating in T1 from 10:00 while his 11:00
    operation in T2 went on, and one patient operated in T1 and T3 at once, went in silently."""
    coord, patients, _ = lists
    _, first = _today(lists)   # T1 09:00-10:30, Dr Roux, patient 0
    t2, t3 = _session(coord, "T2", SATURDAY), _session(coord, "T3", SATURDAY)
    second = theatre.book(coord, patients[1], _booking(t2, "11:00", anaesthetist="Dr C", day=SATURDAY, minutes=60))
    third = theatre.book(coord, patients[0], _booking(t3, "11:30", surgeon="Dr Z", anaesthetist=None, day=SATURDAY))
    with pytest.raises(theatre.DoneOverClash) as warned:
        theatre.record_done(coord, first.record_id, {**DONE, "done_at": f"{SATURDAY}T10:00+01:00"})
    assert warned.value.text("en") == (
        f"Surgeon Dr Roux had another operation 28/11 10:00–11:30: {_named(coord, second.record_id)}, Laparoscopic "
        "cholecystectomy, booked in theatre T2 28/11 11:00–12:00 and not recorded done. Check the surgeon and the time; "
        "if both are right, give the reason to record it anyway.")
    assert warned.value.text("fr").startswith("Le chirurgien Dr Roux avait une autre intervention 28/11 10:00–11:30 : ")
    assert _done_records(coord) == [], "nothing written"
    theatre.record_done(coord, first.record_id, {**DONE, "done_at": f"{SATURDAY}T10:00+01:00",
                                                 theatre.OVER_CLASH: "Began late, T2 told"})
    with pytest.raises(theatre.DoneOverClash, match=re.escape(
            f"Surgeon Dr Roux had another operation 28/11 11:00–12:00: {_named(coord, first.record_id)}, Laparoscopic "
            "cholecystectomy, done in theatre T1 at 28/11 10:00, expected to run until 11:30. Check the surgeon")):
        theatre.record_done(coord, second.record_id, {**DONE, "done_at": f"{SATURDAY}T11:00+01:00", "theatre": "T2"})
    with pytest.raises(theatre.DoneOverClash, match=re.escape(
            "The patient had another operation 28/11 11:15–12:45: ")) as warned:
        theatre.record_done(coord, third.record_id, {**DONE, "done_at": f"{SATURDAY}T11:15+01:00", "theatre": "T3"})
    assert "Surgeon" not in warned.value.text("en"), "Dr Z was free"
    theatre.record_done(coord, second.record_id, {**DONE, "done_at": f"{SATURDAY}T11:30+01:00", "theatre": "T2"})
    assert [record.data.get(theatre.OVER_CLASH) for record in _done_records(coord)] == ["Began late, T2 told", None]


def test_two_operations_done_at_once_in_their_own_theatre_are_asked_about_but_a_list_running_late_is_not(
        lists, clock):
    """Done in its own list's theatre, an operation overlapping another done there read as two
    done in one theatre at once. One running late into the next slot of its own list is no slip:
    not asked. A correction of the time is asked about as the record was."""
    coord, patients, _ = lists
    today, first = _today(lists)   # T1 09:00-10:30
    second = theatre.book(coord, patients[1], _booking(today, "10:30", surgeon="Dr B", anaesthetist="Dr C",
                                                       day=SATURDAY, minutes=60))
    late = theatre.record_done(coord, first.record_id, {**DONE, "done_at": f"{SATURDAY}T09:30+01:00"})
    with pytest.raises(theatre.DoneOverClash, match=re.escape(
            f"Theatre T1 was not free 28/11 10:30–11:30: {_named(coord, first.record_id)}, Laparoscopic "
            "cholecystectomy, done there at 28/11 09:30, expected to run until 11:00.")):
        theatre.record_done(coord, second.record_id, {**DONE, "done_at": f"{SATURDAY}T10:30+01:00"})
    theatre.record_done(coord, second.record_id, {**DONE, "done_at": f"{SATURDAY}T11:00+01:00"})
    with pytest.raises(theatre.DoneOverClash, match="Theatre T1 was not free 28/11 10:00–11:30"):
        records.amend(coord, late.record_id, {**late.data, "done_at": f"{SATURDAY}T10:00+01:00"}, "began later")
    records.amend(coord, late.record_id, {**late.data, "notes": "Began on time"}, "note")
    records.amend(coord, late.record_id, {**late.data, "done_at": f"{SATURDAY}T10:00+01:00",
                                          theatre.OVER_CLASH: "Finished at 10:55"}, "began later")
    assert _state(coord, first.record_id).done.data[theatre.OVER_CLASH] == "Finished at 10:55"


def _done_in_t3(lists):
    """An operation booked on T1's list 09:00-10:30, done in T3 at 09:05 (T3's list empty)."""
    coord, _, _ = lists
    today, booked = _today(lists)
    t3 = _session(coord, "T3", SATURDAY)
    done = theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T09:05+01:00", "theatre": "T3"})
    return today, t3, booked, done


def test_an_operation_done_in_another_theatre_holds_that_theatre_then_and_frees_its_slot(lists, clock):
    """Booked in T1 at 09:00 and done in T3 at 09:05: the clash checks placed it in T1's slot,
    so T3 could be booked over it while T1, free all morning, was refused. It stands where and
    when it was done, for its expected length; its list offers its slot again."""
    coord, patients, _ = lists
    today, t3, booked, _ = _done_in_t3(lists)
    with pytest.raises(theatre.ClashRefused, match=re.escape(
            "theatre T3 is in use 28/11 09:05-10:35 by an operation done there")):
        theatre.book(coord, patients[1], _booking(t3, "09:30", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY))
    assert theatre.next_free_start(coord.db, t3, clock.now, 90) == datetime.fromisoformat(f"{SATURDAY}T11:00+01:00")
    assert theatre.next_free_start(coord.db, today, clock.now, 90) == datetime.fromisoformat(f"{SATURDAY}T08:00+01:00")
    theatre.book(coord, patients[1], _booking(today, "09:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY))
    with pytest.raises(theatre.ClashRefused, match=re.escape("the patient is already booked 28/11 09:05-10:35")):
        theatre.book(coord, patients[0], _booking(t3, "10:00", surgeon="Dr D", anaesthetist="Dr E", day=SATURDAY))
    with pytest.raises(theatre.ClashRefused, match=re.escape("surgeon Dr Roux operates 28/11 09:05-10:35")):
        theatre.book(coord, patients[2], _booking(t3, "10:00", anaesthetist="Dr E", day=SATURDAY))


def test_a_done_record_corrected_or_withdrawn_moves_what_it_holds(lists, clock):
    """Amended to T4, the operation no longer holds T3, and T3 is booked; withdrawn (entered in
    error), it stands in its booked slot again, which is refused while another stands there
    (the coordinator moves one first, as for a cancellation withdrawn)."""
    coord, patients, _ = lists
    today, t3, booked, done = _done_in_t3(lists)
    other_team = {"surgeon": "Dr B", "anaesthetist": "Dr C", "day": SATURDAY}
    records.amend(coord, done.record_id, {**done.data, "theatre": "T4"}, "theatre typed wrong")
    theatre.book(coord, patients[1], _booking(t3, "09:30", **other_team))
    taken = theatre.book(coord, patients[2], _booking(today, "09:00", surgeon="Dr D", anaesthetist="Dr E", day=SATURDAY))
    with pytest.raises(theatre.ClashRefused, match=re.escape("theatre T1 is booked 28/11 09:00-10:30")):
        records.mark_entered_in_error(coord, done.record_id, "another patient's operation")
    theatre.cancel(coord, taken.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T08:00+01:00"})
    records.mark_entered_in_error(coord, done.record_id, "another patient's operation")
    assert _state(coord, booked.record_id).status is theatre.BookingStatus.BOOKED
    with pytest.raises(theatre.ClashRefused, match=re.escape("theatre T1 is booked 28/11 09:00-10:30")):
        theatre.book(coord, patients[3], _booking(today, "09:30", surgeon="Dr F", anaesthetist="Dr G", day=SATURDAY))


def _theatre_clashes(coord):
    """The theatre clashes each line of Saturday's lists shows (the fixture's patients share a
    NIR: their operations at once also read as probably one patient's)."""
    return {entry.state.record.record_id: [clash.said.text("en") for clash in entry.clashes if clash.kind == "theatre"]
            for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 28)) for entry in entries
            if not entry.struck}


def test_the_day_list_shows_a_clash_where_an_operation_was_done_not_where_it_was_booked(lists, clock):
    """An operation done in T3 over one still booked there: T3's line shows the clash with the
    time it was done; a list running late into its own next slot shows none."""
    coord, patients, _ = lists
    t3 = _session(coord, "T3", SATURDAY)
    waiting = theatre.book(coord, patients[1], _booking(t3, "09:00", surgeon="Dr B", anaesthetist="Dr C",
                                                        day=SATURDAY, minutes=60))
    today, booked = _today(lists)
    following = theatre.book(coord, patients[2], _booking(today, "10:30", surgeon="Dr D", anaesthetist="Dr E",
                                                          day=SATURDAY, minutes=30))
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T09:05+01:00", "theatre": "T3",
                                                  theatre.OVER_CLASH: "T3's 09:00 case sent to T4"})
    listed = _theatre_clashes(coord)
    assert listed[waiting.record_id] == ["theatre T3 is in use 28/11 09:05-10:35 by an operation done there"]
    assert listed[booked.record_id] == ["theatre T3 is booked 28/11 09:00-10:00"]
    assert listed[following.record_id] == [], "T1 at 10:30 is free: the operation was done in T3"
    (reported,) = [report.text("en") for report in theatre.clashes_brought(coord, {booked.record_id})
                   if isinstance(report.clash, theatre.StandingClash)]
    assert "Laparoscopic cholecystectomy, patient" in reported and "theatre T3 28/11/2026 09:05-10:35" in reported, (
        "an import's report names where and when it was done")
    theatre.cancel(coord, waiting.record_id, {**CANCEL, "cancelled_at": f"{SATURDAY}T08:30+01:00"})
    records.amend(coord, _state(coord, booked.record_id).done.record_id,
                  {**_state(coord, booked.record_id).done.data, "theatre": "T1", "done_at": f"{SATURDAY}T10:00+01:00"},
                  "was done in T1 after all")
    listed = _theatre_clashes(coord)
    assert listed[booked.record_id] == listed[following.record_id] == [], "running late into its list's next slot"


def test_an_operation_recorded_over_a_clash_says_why_on_the_board_and_the_printed_list(
        lists, clock, tmp_path):
    """The reason was kept in the record alone: the board and the printed list showed two
    operations in T3 at once with nothing said of it. An operation done where nothing clashed
    says nothing more."""
    coord, patients, _ = lists
    t3 = _session(coord, "T3", SATURDAY)
    theatre.book(coord, patients[1], _booking(t3, "09:00", surgeon="Dr B", anaesthetist="Dr C", day=SATURDAY,
                                              minutes=60))
    today, booked = _today(lists)
    theatre.record_done(coord, booked.record_id, {**DONE, "done_at": f"{SATURDAY}T09:05+01:00", "theatre": "T3",
                                                  theatre.OVER_CLASH: "T3's 09:00 case sent to T4"})
    (entry,) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 28), "T1")[0][1]
    assert entry.over_clash == "T3's 09:00 case sent to T4"
    assert theatre.board_status(entry, "en", clock.now).startswith(
        f"DONE 09:05 (T3) — {UNCHECKED} — RECORDED OVER A CLASH: T3's 09:00 case sent to T4 — CLASH: theatre T3 is "
        "booked")
    text = _pdf_text(printing.print_theatre_list(coord, date(2026, 11, 28), tmp_path / "today.pdf"))
    assert "RECORDED OVER A CLASH: T3's 09:00 case sent to T4" in " ".join(text.split())
    assert "CLASH, move one: theatre T3 is in use" in " ".join(text.split()), "the line still booked in T3"
    other = theatre.book(coord, patients[2], _booking(today, "11:00", surgeon="Dr D", anaesthetist="Dr E",
                                                      day=SATURDAY, minutes=30))
    theatre.record_done(coord, other.record_id, {**DONE, "done_at": f"{SATURDAY}T11:00+01:00"})
    (_, entry) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 28), "T1")[0][1]
    assert entry.over_clash is None and theatre.board_status(entry, "en", clock.now) == f"DONE 11:00 — {UNCHECKED}"


def test_an_operation_cancelled_for_a_death_since_withdrawn_comes_first_to_rebook(lists, session_for, clock, tmp_path):
    """Bed 1's death was recorded by mistake; the coordinator, told "PATIENT DIED: cancel",
    cancelled the operation "Patient died"; the ward withdrew the death. The living patient's
    operation was on neither list and nothing asked for it: it comes first on the list to
    rebook, its rebook-by column saying to correct the reason; once the reason is corrected it
    is an operation to rebook as any other. One cancelled "Patient died" with no death ever
    recorded here (a patient at home, the family rang) stays off the lists."""
    coord, patients, made = lists
    other = theatre.book(coord, patients[1], _booking(made["t2-mon"], "08:00", priority="urgent"))
    theatre.cancel(coord, other.record_id, CANCEL)
    at_home = theatre.book(coord, patients[2], _booking(made["t1-tue"], "08:00", day=TUESDAY))
    theatre.cancel(coord, at_home.record_id, {**CANCEL, "reason": "patient_died", "last_minute": False,
                                              "patient_told": "family"})
    booking = theatre.book(coord, patients[0], _booking(made["t1-mon"], "08:00"))
    death = records.save_new(session_for("doctor"), "death", {
        **death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali", "expected": False,
        "family_informed": True}, patient_id=patients[0])
    clock.advance(hours=1)
    cancelled = theatre.cancel(coord, booking.record_id, {
        **CANCEL, "cancelled_at": clock.now.isoformat(timespec="minutes"), "reason": "patient_died",
        "last_minute": False, "patient_told": "family"})
    assert [item.state.record.record_id for item in theatre.rescheduling(coord.db, coord.forms, clock.now)[0]] == [
        other.record_id]
    clock.advance(hours=1)
    records.mark_entered_in_error(session_for("nurse"), death.record_id, "recorded for the wrong patient")
    to_rebook, dead = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert ([item.state.record.record_id for item in to_rebook], dead) == ([booking.record_id, other.record_id], [])
    assert [item.rebook_by("en") for item in to_rebook] == [
        "NO DEATH RECORDED (withdrawn): correct the cancellation's reason and rebook",
        "02/10/2026 11:00 BREACH"]  # decided 01/10 10:00+01:00: 11:00 on the ward's summer clock
    assert "NO DEATH RECORDED (withdrawn)" in _pdf_text(printing.print_rescheduling(coord, tmp_path / "resched.pdf"))
    records.amend(coord, cancelled.record_id, {**cancelled.data, "reason": "no_ward_bed", "last_minute": True},
                  "the death was withdrawn")
    to_rebook, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert [(item.state.record.record_id, item.death_withdrawn) for item in to_rebook] == [
        (other.record_id, False), (booking.record_id, False)]


def test_an_afternoon_case_taken_on_the_evening_emergency_list_before_is_done_that_night(lists, clock):
    """Booked on Tuesday's T1 afternoon list (13:30), taken on Monday's emergency theatre evening
    list (T9, 18:00-23:00) and operated at 19:25: recorded done that night (a cut-off of 12 hours
    between the lists refused it, the board keeping an operated patient as still to come)."""
    coord, patients, _ = lists
    afternoon = _session(coord, "T1", TUESDAY, "13:30", "18:00")
    booked = theatre.book(coord, patients[0], _booking(afternoon, "13:30", day=TUESDAY))
    _session(coord, "T9", MONDAY, "18:00", "23:00", specialty="Emergency")
    clock.now = datetime(2026, 11, 30, 19, 30, tzinfo=PARIS)
    theatre.record_done(coord, booked.record_id, {"done_at": f"{MONDAY}T19:25+01:00", "theatre": "T9"})
    assert _state(coord, booked.record_id).status == "done"


def test_tomorrows_case_picked_on_todays_long_day_list_is_not_done_today(lists, clock):
    """T3 runs 08:00-21:00 both days: Tuesday's first case opened on Monday's board by mistake is
    not recorded done on Monday (the long day ended within 12 hours of Tuesday's start and was
    taken for a list it was brought forward to)."""
    coord, patients, _ = lists
    _session(coord, "T3", MONDAY, "08:00", "21:00")
    tuesday = _session(coord, "T3", TUESDAY, "08:00", "20:00")
    booked = theatre.book(coord, patients[0], _booking(tuesday, "08:00", day=TUESDAY))
    clock.now = datetime(2026, 11, 30, 10, 30, tzinfo=PARIS)
    with pytest.raises(ServiceError, match="theatre session starts 01/12/2026 08:00: record it done once its list"):
        theatre.record_done(coord, booked.record_id, {"done_at": f"{MONDAY}T10:25+01:00", "theatre": "T3"})


def test_the_next_operation_is_the_earliest_standing_slot_still_to_come(lists, clock):
    """What the medication chart checks a dose given the morning of an operation against: a
    cancelled operation is not coming, nor one of a day before, nor another patient's; one whose
    start has passed that day, not recorded done, is still coming (its list runs late)."""
    coord, patients, made = lists
    cancelled = theatre.book(coord, patients[0], _booking(made["t2-mon"], "08:00", surgeon="Dr B", anaesthetist="Dr C"))
    theatre.cancel(coord, cancelled.record_id, CANCEL)
    theatre.book(coord, patients[0], {**_booking(made["t1-mon"], "10:00"), "procedure": "Hernia repair"})
    theatre.book(coord, patients[0], {**_booking(made["t1-tue"], "08:00", day=TUESDAY), "procedure": "Appendicectomy"})
    monday_ten = datetime.fromisoformat(f"{MONDAY}T10:00+01:00")
    assert theatre.next_operation(coord.db, patients[0], clock.now) == monday_ten
    assert theatre.next_operation(coord.db, patients[0], monday_ten) == monday_ten
    assert theatre.next_operation(coord.db, patients[0], monday_ten + timedelta(minutes=1)) == monday_ten
    assert theatre.next_operation(coord.db, patients[0], datetime.fromisoformat(f"{TUESDAY}T07:00+01:00")) == \
        datetime.fromisoformat(f"{TUESDAY}T08:00+01:00")
    assert theatre.next_operation(coord.db, patients[1], clock.now) is None
