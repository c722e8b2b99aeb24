"""Bank holidays (domain/working_days.py, settings' `bank_holidays`): a letter needs three working
days to reach a patient at home, and a safeguarding referral that is not urgent is due on a
working day. With every weekday counted as working, a letter posted on the Thursday before Easter
for the Wednesday after passed as arriving in time, and a concern raised on a bank holiday was
asked "refer today", then said OVERDUE the morning the team came back. Set once for the
hospital (Settings tab, `downtime set bank-holidays`, the set-up file); none kept by default.
The tests' clock is 14:00 on Saturday 28/11/2026 (Paris); 30/11/2026 is St Andrew's Day, a bank
holiday in Scotland only."""

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from downtime.cli import main
from downtime.domain.safeguarding import due_day
from downtime.domain.theatre import letter_arrives
from downtime.domain.working_days import BankHolidays, PartNeeded, coming, region_named, regions
from downtime.services import records, safeguarding, settings, theatre
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.storage import audit
from tests.test_safeguarding_concern import FORM, RAISED, _alerts
from tests.test_theatre_export_untold_cancellation import _bundle, _patient_status

NONE, ENGLAND, SCOTLAND = BankHolidays(), BankHolidays("GB-ENG"), BankHolidays("GB-SCT")
FRANCE, ALSACE = BankHolidays("FR"), BankHolidays("FR-6AE")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(("days_off", "arrives"), [(NONE, True), (ENGLAND, False), (FRANCE, False), (ALSACE, False)])
def test_a_letter_posted_the_thursday_before_easter_for_the_wednesday_after_arrives_only_with_no_holiday(
        days_off, arrives):
    """Friday 26/3/2027 (Good Friday: England, Alsace), Monday 29/3 (Easter Monday: both, and
    France), Tuesday 30/3: one or two working days, where three are needed."""
    assert letter_arrives(_at("2027-03-25T16:00+00:00"), _at("2027-03-31T08:00+01:00"), days_off) is arrives


def test_christmas_and_scotlands_second_of_january_carry_no_post():
    """23/12/2026 for 29/12: Christmas Friday and Boxing Day's Monday off in England. 29/12 for
    5/1/2027: New Year's Day in both, and in Scotland the 2nd, a Saturday, taken on Monday 4/1."""
    # Each day on the ward's clock: posted at 00:30 on Wednesday 21 October (summer time) for Monday
    # the 26th (winter time), Thursday and Friday lie between; read on the operation's offset, it was
    # posted on the Tuesday, and counted as arriving.
    assert not letter_arrives(_at("2026-10-21T00:30+02:00"), _at("2026-10-26T08:00+01:00"), NONE)
    assert letter_arrives(_at("2026-10-20T23:30+02:00"), _at("2026-10-26T08:00+01:00"), NONE)
    assert letter_arrives(_at("2026-12-23T10:00+00:00"), _at("2026-12-29T08:00+00:00"), NONE)
    assert not letter_arrives(_at("2026-12-23T10:00+00:00"), _at("2026-12-29T08:00+00:00"), ENGLAND)
    assert letter_arrives(_at("2026-12-29T10:00+00:00"), _at("2027-01-05T08:00+00:00"), ENGLAND)
    assert not letter_arrives(_at("2026-12-29T10:00+00:00"), _at("2027-01-05T08:00+00:00"), SCOTLAND)


@pytest.mark.parametrize(("raised", "days_off", "due"), [
    ("2026-08-31T09:00+01:00", ENGLAND, date(2026, 9, 1)),  # the summer bank holiday: England's last Monday of August
    ("2026-08-31T09:00+01:00", SCOTLAND, date(2026, 8, 31)),  # Scotland's was the first Monday
    ("2026-12-26T09:00+00:00", ENGLAND, date(2026, 12, 29)),  # Boxing Day a Saturday: taken on Monday 28/12
    ("2026-12-26T09:00+00:00", NONE, date(2026, 12, 28)),
    ("2026-07-14T09:00+02:00", FRANCE, date(2026, 7, 15)),
])
def test_a_concern_raised_on_a_bank_holiday_or_before_one_is_due_the_next_working_day(raised, days_off, due):
    assert due_day(_at(raised), _at(raised).tzinfo, days_off) == due


@pytest.mark.parametrize(("typed", "region"), [("GB-ENG", "GB-ENG"), (" gb-eng ", "GB-ENG"), ("fr", "FR"),
                                               ("fr-6ae", "FR-6AE"), ("Gb - Sct", "GB-SCT"), ("FR-57", "FR-57")])
def test_a_region_is_read_in_any_case_and_kept_as_iso_writes_it(typed, region):
    assert region_named(typed) == region


@pytest.mark.parametrize("typed", ["", "England", "UK-XYZ", "GB-XYZ", "XX", "GB-", "-ENG"])
def test_a_region_the_library_does_not_know_is_refused(typed):
    with pytest.raises(ValueError):
        region_named(typed)


def test_the_united_kingdom_alone_is_refused_for_its_nations_differ(session_for):
    """The library's "GB" alone is the days the four nations share: no Easter Monday nor August's
    bank holiday in England, no 2 January in Scotland."""
    with pytest.raises(PartNeeded):
        region_named(" gb ")
    with pytest.raises(ServiceError) as refused:
        settings.set_bank_holidays(session_for("admin"), "gb")
    assert refused.value.text("en") == ("Bank holidays: 'gb' has none of its own: name the part of it the hospital is "
                                        "in (GB-ENG, GB-WLS, GB-SCT, GB-NIR).")
    assert refused.value.text("fr").startswith("Jours fériés : 'gb' n’en a pas en propre")


@given(typed=st.one_of(st.text(max_size=12), st.sampled_from(["GB-ENG", "gb-sct", " fr ", "FR-6AE", "fr-57", "DE-BY"])
                       .map(lambda code: code.swapcase())))
def test_any_text_is_a_region_kept_as_it_reads_back_or_refused(typed):
    """What the setting keeps reads back as itself, and gives its bank holidays."""
    try:
        region = region_named(typed)
    except ValueError:
        return
    assert region_named(region) == region and region != "GB"
    assert region.partition("-")[0] in regions()
    assert coming(BankHolidays(region), date(2026, 12, 7), 1) or region.partition("-")[0] not in ("GB", "FR")


def test_the_next_bank_holidays_are_said_as_the_administrator_sets_them(session_for):
    admin = session_for("admin")
    assert settings.bank_holidays_said(admin.db, date(2026, 12, 7), "en") == (
        "No bank holidays kept: every weekday is a working day.")
    settings.set_bank_holidays(admin, "gb-eng")
    assert settings.days_off(admin.db) == ENGLAND
    assert settings.bank_holidays_said(admin.db, date(2026, 12, 7), "en") == (
        "Bank holidays kept: England (GB-ENG); the next: Fri 25/12/2026, Sat 26/12/2026, Mon 28/12/2026.")
    assert settings.bank_holidays_said(admin.db, date(2026, 12, 7), "fr") == (
        "Jours fériés : Angleterre (GB-ENG) ; les prochains : ven. 25/12/2026, sam. 26/12/2026, lun. 28/12/2026.")
    assert coming(ENGLAND, date(2026, 12, 29), 1) == [date(2027, 1, 1)], "into the next year"
    assert settings.get(admin.db, "bank_holidays") == "GB-ENG", "as ISO writes it"
    assert admin.db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone() == ("setting.bank_holidays",)
    settings.set_bank_holidays(admin, "none")
    assert settings.days_off(admin.db) == NONE
    assert audit.verify_chain(admin.db) is None


def test_a_region_unknown_is_refused_naming_it_and_a_nurse_may_not_set_one(session_for):
    admin = session_for("admin")
    settings.set_bank_holidays(admin, "GB-SCT")
    with pytest.raises(ServiceError) as refused:
        settings.set_bank_holidays(admin, "Scotland")
    assert refused.value.text("en").startswith("Bank holidays: 'Scotland' is not a country, or a part of one, whose")
    with pytest.raises(PermissionDenied):
        settings.set_bank_holidays(session_for("nurse"), "GB-ENG")
    assert settings.days_off(admin.db) == SCOTLAND, "left as it was"


def test_the_command_sets_the_region_and_says_its_next_bank_holidays(cli_demo, capsys):
    """On the laptop's own clock: the three dates are the next three from today."""
    sign_in = ["--db", str(cli_demo()), "--user", "admin", "--pin", "0000"]
    assert main(["set", "bank-holidays", "gb-sct", *sign_in]) == 0
    assert re.fullmatch(r"Bank holidays kept: Scotland \(GB-SCT\); the next: (\w{3} \d\d/\d\d/\d{4}, ){2}"
                        r"\w{3} \d\d/\d\d/\d{4}\.\n", capsys.readouterr().out)
    assert main(["set", "bank-holidays", "Narnia", *sign_in]) == 1
    assert "Bank holidays: 'Narnia' is not a country" in capsys.readouterr().err
    assert main(["set", "bank-holidays", "none", *sign_in]) == 0
    assert capsys.readouterr().out == "No bank holidays kept: every weekday is a working day.\n"


def test_a_concern_raised_before_st_andrews_day_in_scotland_is_due_on_the_tuesday(session_for, patient, clock):
    """Raised on Saturday 28/11: Monday 30/11 is a bank holiday in Scotland, so the referral is
    due on Tuesday, asked "refer today" only then, and OVERDUE from Wednesday."""
    settings.set_bank_holidays(session_for("admin"), "GB-SCT")
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, RAISED, patient_id=patient)
    assert _alerts(nurse)[0][1][0] == "refer by the next working day (Tue 01/12; local policy: the same working day)"
    clock.advance(days=2)
    assert _alerts(nurse)[0][1:] == (["refer by the next working day (Tue 01/12; local policy: the same working day)",
                                      "tell the safeguarding team"], False)
    (asking,) = safeguarding.escalation(nurse.db, [patient], clock(), "en")
    assert asking.next_change.isoformat() == "2026-12-01T00:00:00+01:00"
    clock.advance(days=1)
    assert _alerts(nurse)[0][1][0] == "refer today (local policy: the same working day)"
    clock.advance(days=1)
    assert _alerts(nurse)[0][1:] == (["referral OVERDUE (due Tue 01/12): refer now", "tell the safeguarding team"], True)


def _rebooked_by_letter(session_for, admission_values) -> str:
    """Cancelled on Saturday 28/11 at 08:30 from 09:00, rebooked for Thursday 3/12 at 08:00 and
    told by letter at 10:00: Monday, Tuesday and Wednesday to arrive, Monday being St Andrew's
    Day in Scotland."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    first, second = (records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for name, day in (("T1", "2026-11-28"), ("T2", "2026-12-03")))
    booking = theatre.book(coord, patient, {
        "procedure": "Knee arthroscopy", "laterality": "left", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "session": first,
        "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60}).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                    "last_minute": True, "patient_told": "in_person"})
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": second, "planned_start": "2026-12-03T08:00+01:00",
                                    "decided_at": "2026-11-28T09:30+01:00"})
    theatre.record_told(coord, booking, "letter", _at("2026-11-28T10:00+01:00"))
    return booking


@pytest.mark.parametrize(("region", "late"), [("none", False), ("GB-ENG", False), ("GB-SCT", True)])
def test_a_letter_over_a_bank_holiday_leaves_the_patient_to_ring_and_the_ehr_told_so(
        session_for, admission_values, tmp_path, region, late):
    settings.set_bank_holidays(session_for("admin"), region)
    booking = _rebooked_by_letter(session_for, admission_values)
    facts = theatre.booking_facts(session_for("coord").db, booking)
    assert facts.letter_late is late and facts.not_told is late
    appointment = _bundle(session_for, tmp_path / "export")["2026-12-03T08:00:00+01:00"]
    assert _patient_status(appointment) == ("needs-action" if late else "accepted")

