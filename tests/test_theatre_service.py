from datetime import datetime, timedelta

import pytest

from downtime.services import records, theatre
from downtime.services.errors import PermissionDenied, ServiceError

MONDAY = "2026-11-30"


@pytest.fixture
def lists(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                                      "birth_name": f"Patient{bed}"}).patient_id
                for bed in range(1, 5)]
    made = {}
    for name, theatre_name, day, start, end in (("t1-mon", "T1", MONDAY, "08:00", "13:00"),
                                                ("t2-mon", "T2", MONDAY, "08:00", "13:00"),
                                                ("t1-tue", "T1", "2026-12-01", "08:00", "13:00")):
        made[name] = records.save_new(coord, "theatre_session", {
            "theatre": theatre_name, "specialty": "General surgery",
            "starts_at": f"{day}T{start}+01:00", "ends_at": f"{day}T{end}+01:00"}).record_id
    return coord, patients, made


def _booking(session_id, start, surgeon="Dr Roux", anaesthetist="Dr Klein", priority="elective", minutes=90):
    return {"procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": priority,
            "decided_at": "2026-10-01T10:00+01:00", "surgeon": surgeon, "anaesthetist": anaesthetist,
            "session": session_id, "planned_start": f"{MONDAY}T{start}+01:00", "expected_minutes": minutes}


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
    (waiting,) = theatre.rescheduling_list(coord.db, coord.forms, clock.now)
    assert waiting.state.rebook_by == datetime.fromisoformat("2026-11-28T09:00+01:00") + timedelta(days=28)
    assert not waiting.breach and not waiting.near_breach
    slot = theatre.suggestions(coord.db, first.record_id, clock.now)[0]
    assert (slot.session_id, slot.start.strftime("%d %H:%M")) == (made["t1-mon"], "30 08:00")
    theatre.rebook(coord, first.record_id, {"outcome": "rebooked", "session": slot.session_id,
                                            "planned_start": slot.start.isoformat(),
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    assert theatre.rescheduling_list(coord.db, coord.forms, clock.now) == []
    state = next(s for s in theatre.bookings(coord.db, coord.forms) if s.record.record_id == first.record_id)
    assert state.status is theatre.BookingStatus.REBOOKED


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
    order = [i.state.record.record_id for i in theatre.rescheduling_list(coord.db, coord.forms, clock.now)]
    assert order == [ids[1], ids[0], ids[2]]
    (urgent, *_) = theatre.rescheduling_list(coord.db, coord.forms, clock.now)
    assert urgent.near_breach and urgent.state.rebook_by.date().isoformat() == "2026-12-02"
    day = datetime.fromisoformat("2026-12-01T00:00+01:00").date()
    assert theatre.board(coord.db, coord.forms, day, clock.now) == (
        theatre.day_list(coord.db, coord.forms, day), theatre.rescheduling_list(coord.db, coord.forms, clock.now))
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
            theatre._check(coord.db, booking)
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
                                              "planned_start": "2026-12-20T14:00+01:00"}).record_id
    theatre.cancel(coord, moved, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                  "last_minute": True, "patient_told": "phone"})
    theatre.rebook(coord, moved, {"outcome": "rebooked", "session": evening, "planned_start": f"{MONDAY}T14:00+01:00",
                                  "decided_at": clock.now.isoformat(timespec="minutes")})
    with pytest.raises(theatre.ClashRefused, match="theatre T4 is booked 30/11 14:00-15:30"):
        theatre.book(coord, patients[1], {**_booking(evening, "15:00", surgeon="Dr X", anaesthetist="Dr W")})
