"""A laptop that recorded nothing for hours while doses fell due (flat battery, the ward on the
printed chart): those doses are said to be checked on paper, not offered again as OVERDUE."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain import elapsed
from downtime.domain.medication import Check, DoseState
from downtime.domain.paper_gap import LEAST_SILENCE, Silence, silences
from downtime.services import medication, paper_gap, printing, records, staff
from downtime.services.context import load_device
from downtime.services.errors import SignInError
from downtime.storage import audit

NIGHT = datetime.fromisoformat("2026-11-28T21:30+01:00")  # the ward's records were last written at 14:00
EVENING = datetime.fromisoformat("2026-11-28T20:00+01:00")
STARTED = datetime.fromisoformat("2026-11-27T10:00+01:00")  # medication_ward's orders' start, typed in at 14:00
WRITTEN = datetime.fromisoformat("2026-11-28T14:00+01:00")
at = datetime.fromisoformat


def _amox_items(nurse, amox):
    return {item.slot: item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
            if item.order.record_id == amox}


def test_a_dose_due_while_the_laptop_wrote_nothing_is_to_check_on_paper(session_for, medication_ward, clock):
    _, amox, _ = medication_ward
    clock.now = NIGHT
    nurse = session_for("nurse")
    evening = _amox_items(nurse, amox)[EVENING]
    assert evening.state is DoseState.CHECK_PAPER
    assert evening.on_paper == Silence(datetime.fromisoformat("2026-11-28T14:00+01:00"), NIGHT)
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said([evening.on_paper])]
    assert said == ("No dose recorded on this laptop between 14:00 and 21:30: doses given then may be on paper. "
                    "Enter them first (at the time they were given) before giving anything due.")
    # The morning's dose, due before the laptop's last record but before its order was typed in
    # (the paper order copied at 14:00), is on the paper too: its stretch is the order's.
    morning = _amox_items(nurse, amox)[datetime.fromisoformat("2026-11-28T08:00+01:00")]
    assert (morning.state, morning.on_paper) == (DoseState.CHECK_PAPER, Silence(STARTED, WRITTEN, "Amoxicillin"))
    assert paper_gap.last_written(nurse.db) == datetime.fromisoformat("2026-11-28T14:00+01:00")


def test_it_stays_until_a_dose_of_its_order_is_recorded(session_for, medication_ward, admission_values, clock):
    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = NIGHT + timedelta(minutes=5)  # another patient admitted: the laptop is used again
    records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": "3", "birth_date": "1961-07-02",
                                          "arrival_at": "2026-11-28T21:00+01:00"})
    evening = _amox_items(nurse, amox)[EVENING]
    assert evening.state is DoseState.CHECK_PAPER and evening.on_paper.end == clock.now
    clock.now = NIGHT + timedelta(minutes=10)  # the 08:00 dose, found on paper, entered
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                         "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0, "route": "IV"},
                           overrides={Check.ALLERGY: "tolerated before"})
    assert _amox_items(nurse, amox)[EVENING].state is DoseState.OVERDUE


LATE_EVENING = datetime.fromisoformat("2026-11-28T22:30+01:00")  # back on the laptop, then off again for the night
NEXT_MORNING = datetime.fromisoformat("2026-11-29T10:00+01:00")


def _off_twice(session_for, admission_values, clock):
    """The laptop off from 14:00 to 22:30 (a patient admitted on it then), and again until 10:00
    the next morning; the nurse at the round then."""
    clock.now = LATE_EVENING
    records.save_new(session_for("nurse"), "admission", {**admission_values, "nir": None, "bed": "3",
                                                         "birth_date": "1961-07-02", "arrival_at": "2026-11-28T22:15+01:00"})
    clock.now = NEXT_MORNING
    return session_for("nurse")


def test_every_silence_of_the_days_shown_is_said_not_the_latest_alone(session_for, medication_ward,
                                                                       admission_values, clock, tmp_path):
    """Off at night and off again in the day: the night's doses read OVERDUE, given again."""
    patient, amox, _ = medication_ward
    nurse = _off_twice(session_for, admission_values, clock)
    evening, morning = Silence(at("2026-11-28T14:00+01:00"), LATE_EVENING), Silence(LATE_EVENING, NEXT_MORNING)
    items = _amox_items(nurse, amox)
    assert (items[EVENING].state, items[EVENING].on_paper) == (DoseState.CHECK_PAPER, evening)
    assert (items[at("2026-11-29T08:00+01:00")].state, items[at("2026-11-29T08:00+01:00")].on_paper) == (
        DoseState.CHECK_PAPER, morning)
    said, written = [phrase.text("en") for phrase in paper_gap.gap_said(item.on_paper for item in items.values())]
    assert written.startswith("Amoxicillin was written on this laptop at 28/11 14:00, to start at 27/11 10:00: ")
    assert said == ("No dose recorded on this laptop in 2 stretches: 28/11 14:00–22:30, 28/11 22:30–29/11 10:00. "
                    "Doses given then may be on paper. Enter them first (at the time they were given) before giving "
                    "anything due.")
    out = printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "in 2 stretches: 28/11 14:00–22:30, 28/11 22:30–29/11 10:00" in text
    assert text.count("NOT RECORDED — check the paper") == 5  # 27/11 14:00 and 20:00, 28/11 08:00 the order's


def test_stretches_of_one_day_are_said_by_their_times():
    night = Silence(at("2026-11-28T01:00+01:00"), at("2026-11-28T06:00+01:00"))
    afternoon = Silence(at("2026-11-28T13:00+01:00"), at("2026-11-28T16:00+01:00"))
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said([afternoon, None, night, afternoon])]
    assert said.startswith("No dose recorded on this laptop in 2 stretches: 01:00–06:00, 13:00–16:00. ")
    assert paper_gap.gap_said([None]) == ()


def test_no_gap_for_a_short_quiet_spell(session_for, medication_ward, clock):
    _, amox, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T15:45+01:00")
    nurse = session_for("nurse")
    assert all(item.on_paper is None for item in _amox_items(nurse, amox).values() if item.slot >= WRITTEN)


def test_the_printed_chart_says_it(session_for, medication_ward, clock, tmp_path):
    patient, _, _ = medication_ward
    clock.now = NIGHT
    out = printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "No dose recorded on this laptop between 28/11 14:00 and 28/11 21:30" in text
    assert "Amoxicillin was written on this laptop at 28/11 14:00, to start at 27/11 10:00" in text
    assert "NOT RECORDED — check the paper" in text


@dataclass(frozen=True)
class _Listed:
    """Moments of use as a list, as the audit's index gives them: none after `now`."""

    moments: list[datetime]
    now: datetime

    def latest_before(self, moment: datetime) -> datetime | None:
        return max((m for m in self.moments if m < moment and m <= self.now), default=None)

    def first_after(self, moment: datetime) -> datetime | None:
        return min((m for m in self.moments if moment < m <= self.now), default=None)


@given(st.lists(st.integers(min_value=0, max_value=4 * 24 * 60), max_size=30),
       st.integers(min_value=0, max_value=4 * 24 * 60), st.integers(min_value=0, max_value=4 * 24 * 60))
def test_silences_are_the_long_stretches_between_moments_of_use(minutes, since_minute, now_minute):
    """Found by seeking, they are those of the whole list: every stretch of two hours or more
    between moments up to now, and from the last to now, that ended from `since` on. Moments
    after now (a clock set back since) are none."""
    start = datetime.fromisoformat("2026-11-28T00:00+01:00")
    writes = [start + timedelta(minutes=m) for m in minutes]
    since, now = start + timedelta(minutes=min(since_minute, now_minute)), start + timedelta(minutes=now_minute)
    moments = [*sorted(w for w in writes if w <= now), now]
    expected = [Silence(a, b) for a, b in zip(moments, moments[1:]) if b - a >= LEAST_SILENCE and b >= since][::-1]
    assert silences(_Listed(writes, now), since, now) == expected


def test_a_record_stamped_after_now_by_a_clock_set_back_makes_no_silence():
    """Records written at 14:00, then the laptop's clock set back to 12:30: the hours up to that
    future 14:00 were read as one silence, and every dose due in them as "not recorded"."""
    writes = [at("2026-11-28T09:00+01:00"), at("2026-11-28T11:00+01:00"), at("2026-11-28T14:00+01:00")]
    now = at("2026-11-28T12:30+01:00")
    assert silences(_Listed(writes, now), now - paper_gap.LOOK_BACK, now) == [Silence(writes[0], writes[1])]


def test_the_laptops_use_read_from_its_audit_stops_at_now(session_for, medication_ward, clock):
    """The ward set up at 14:00, then the laptop's clock set back to 11:00 and a nurse signed in:
    at 12:30, that future 14:00 made no silence from 11:00 and no dose due at 11:30 "on paper"."""
    clock.now = at("2026-11-28T11:00+01:00")
    nurse = session_for("nurse")
    clock.now = at("2026-11-28T12:30+01:00")
    assert paper_gap.doses_on_paper(nurse.db, clock.now, [("an order", at("2026-11-28T11:30+01:00"))], {}) == {}


def test_a_quiet_afternoon_with_the_laptop_in_use_is_no_silence(session_for, medication_ward, clock, tmp_path):
    """One patient, nothing to record since 14:00, but the laptop signed into, unlocked and its
    chart printed: the evening's dose, not given yet, is LATE, not "may be on paper"."""
    patient, amox, _ = medication_ward
    for moment in ("15:30", "19:00"):
        clock.now = at(f"2026-11-28T{moment}+01:00")
        session_for("nurse")
    clock.now = at("2026-11-28T17:15+01:00")
    printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")
    clock.now = at("2026-11-28T20:45+01:00")
    evening = _amox_items(session_for("nurse"), amox)[EVENING]
    assert (evening.state, evening.on_paper) == (DoseState.LATE, None)


def test_a_wrong_pin_is_no_use_of_the_laptop(session_for, medication_ward, clock):
    """Tried and refused, nobody could use the laptop: the doses given meanwhile were on paper."""
    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    for moment in ("16:00", "18:00", "19:30"):
        clock.now = at(f"2026-11-28T{moment}+01:00")
        with pytest.raises(SignInError):
            staff.sign_in(nurse.db, "nurse", "9999", clock)
    clock.now = NIGHT
    assert _amox_items(nurse, amox)[EVENING].on_paper == Silence(at("2026-11-28T14:00+01:00"), NIGHT)


def test_records_brought_in_by_an_import_are_no_use_of_the_laptop(session_for, medication_ward, clock):
    """A stick imported in the evening brings other laptops' records, not doses given on this
    ward: the doses due meanwhile are still to check on the paper (and the import does not pay for
    an entry in the index of the laptop's use for each record it brings)."""
    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    with nurse.db.atomic():
        audit.append(nurse.db, at=at("2026-11-28T18:00+01:00"), actor="nurse", device_id=nurse.device.device_id,
                     action="record.import", entity="records", entity_id="from-another-laptop")
    clock.now = NIGHT
    assert _amox_items(nurse, amox)[EVENING].on_paper == Silence(at("2026-11-28T14:00+01:00"), NIGHT)


def test_the_laptops_use_is_sought_by_an_index_of_its_audit(session_for, medication_ward, clock):
    """Each round and chart with a dose late seeks it; through the whole log, a records office
    went through an entry for each of the million records it imported."""
    nurse = session_for("nurse")
    sought: list[str] = []
    nurse.db.conn.set_trace_callback(sought.append)
    try:
        paper_gap.doses_on_paper(nurse.db, NIGHT, [("an order", EVENING)], {})
    finally:
        nurse.db.conn.set_trace_callback(None)
    seeks = [sql for sql in sought if "FROM audit" in sql]
    assert seeks
    for sql in seeks:
        plan = " ".join(str(row[-1]) for row in nurse.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "USING INDEX audit_device_moment" in plan and "TEMP B-TREE" not in plan, plan


def test_what_this_laptop_wrote_is_read_by_an_index_not_through_every_laptops_records(session_for, medication_ward):
    """The banner reads it at each window and the chart at each dose overdue: at a records
    office holding 1.4 million records of twenty laptops, reading through them took 2.5 to 3.8 s."""
    db = session_for("nurse").db
    device = load_device(db).device_id
    for sql in ("SELECT MAX(recorded_at) FROM records WHERE device_id = ?",
                "SELECT recorded_at FROM records WHERE device_id = ? AND recorded_at >= ?"):
        plan = " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", [device, "2026-11-28"][:sql.count("?")]))
        assert "USING COVERING INDEX records_device_recorded" in plan, plan


_PARIS = ZoneInfo("Europe/Paris")


class _Used:
    """Moments of use on the ward's clock, sought at UTC as the audit's index seeks them."""

    def __init__(self, moments: list[datetime]) -> None:
        self.moments = moments

    def latest_before(self, moment: datetime) -> datetime | None:
        return max((m for m in self.moments if elapsed.instant(m) < elapsed.instant(moment)),
                   key=elapsed.instant, default=None)

    def first_after(self, moment: datetime) -> datetime | None:
        return min((m for m in self.moments if elapsed.instant(m) > elapsed.instant(moment)),
                   key=elapsed.instant, default=None)


def test_a_laptop_used_every_70_minutes_the_night_the_clocks_go_forward_was_in_use():
    """Doses recorded at 01:00 and 03:10 on the ward's clock, 70 minutes apart: the doses due
    between them were said to be on paper, the two hours counted on the wall clock."""
    used = [datetime(2027, 3, 28, 1, 0, tzinfo=_PARIS), datetime(2027, 3, 28, 3, 10, tzinfo=_PARIS)]
    now = datetime(2027, 3, 28, 3, 30, tzinfo=_PARIS)
    assert silences(_Used(used), datetime(2027, 3, 27, 23, 0, tzinfo=_PARIS), now) == []


def test_a_laptop_left_two_real_hours_the_night_the_clocks_go_back_was_not_in_use():
    """Nothing recorded from 01:30 summer time to 02:50 winter time, 2 h 20 min: read on the
    wall clock as 1 h 20 min, the doses due then were offered again as overdue."""
    used = [datetime(2026, 10, 25, 1, 30, tzinfo=_PARIS), datetime(2026, 10, 25, 2, 50, fold=1, tzinfo=_PARIS)]
    now = datetime(2026, 10, 25, 3, 0, tzinfo=_PARIS)
    assert silences(_Used(used), datetime(2026, 10, 25, 0, 0, tzinfo=_PARIS), now) == [Silence(*used)]
