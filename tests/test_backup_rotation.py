"""The rotation of a database's backups thins out rather than cuts off: the newest `keep`, the
last of each day before them for a month, and the first (the state the outage started from)."""

from collections import Counter
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st

from downtime.domain.backup_rotation import DAILY_FOR_DAYS, to_prune

PARIS = ZoneInfo("Europe/Paris")


def _kept(made: dict[int, datetime | None], keep: int, now: datetime, days: int = DAILY_FOR_DAYS) -> set[int]:
    return set(made) - to_prune(made, keep, now, days)


def test_a_month_every_15_minutes_keeps_the_last_10_the_last_of_each_day_and_the_first():
    """The defaults over a month's outage kept the last two and a half hours, nothing of the day
    before nor of the outage's start."""
    start = datetime(2026, 11, 27, 8, 0, tzinfo=PARIS)
    made = {n: start + timedelta(minutes=15 * n) for n in range(4 * 24 * 40)}
    now = made[len(made) - 1]
    kept = sorted(_kept(made, 10, now))
    newest = list(range(len(made) - 10, len(made)))
    last_of_days = [n for n in range(len(made) - 1) if made[n + 1].date() != made[n].date()]
    assert kept == [0, *last_of_days[-(DAILY_FOR_DAYS - 1):], *newest]
    assert [f"{made[n]:%d/%m %H:%M}" for n in kept[:3]] == ["27/11 08:00", "07/12 23:45", "08/12 23:45"]


def test_the_day_is_the_wards_not_utcs():
    """23:30 in Paris is 22:30 UTC: it is the ward's day's last, not the 00:30 after it."""
    made = {"first": datetime(2026, 12, 1, 8, 0, tzinfo=PARIS), "evening": datetime(2026, 12, 1, 23, 30, tzinfo=PARIS),
            "night": datetime(2026, 12, 2, 0, 30, tzinfo=PARIS), "now": datetime(2026, 12, 2, 9, 0, tzinfo=PARIS)}
    in_utc = {name: at.astimezone(timezone.utc) for name, at in made.items()}
    assert to_prune(in_utc, 1, made["now"]) == {"night"}


def test_the_hour_the_clocks_go_back_is_ordered_by_the_moment():
    """02:40 the first time round (summer time) came before 02:10 the second: the newest kept is
    the second."""
    summer = datetime(2027, 10, 31, 2, 40, tzinfo=PARIS)
    winter = datetime(2027, 10, 31, 2, 10, fold=1, tzinfo=PARIS)
    made = {"first": datetime(2027, 10, 31, 1, 0, tzinfo=PARIS), "summer": summer, "winter": winter}
    assert to_prune(made, 1, winter) == {"summer"}


def test_a_name_that_says_no_time_is_the_oldest_and_never_the_first():
    made = {"odd": None, "first": datetime(2026, 12, 1, 8, 0, tzinfo=PARIS),
            "second": datetime(2026, 12, 1, 9, 0, tzinfo=PARIS), "third": datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)}
    assert to_prune(made, 1, made["third"]) == {"odd", "second"}
    assert to_prune(made, 5, made["third"]) == set()


def test_days_older_than_the_month_keep_only_the_first():
    made = {n: datetime(2026, 11, 1, 12, 0, tzinfo=PARIS) + timedelta(days=n) for n in range(40)}
    kept = _kept(made, 1, made[39])
    assert kept == {0, *range(40 - DAILY_FOR_DAYS, 40)}


_MOMENTS = st.datetimes(min_value=datetime(2026, 10, 1), max_value=datetime(2027, 1, 31), timezones=st.just(PARIS))


@given(st.lists(st.one_of(_MOMENTS, st.none()), max_size=60), st.integers(1, 12), _MOMENTS, st.integers(1, 40))
def test_the_newest_and_the_first_are_always_kept_and_at_most_one_more_a_day(times, keep, now, days):
    made = dict(enumerate(times))
    kept = _kept(made, keep, now, days)
    order = sorted(made, key=lambda n: (made[n] is not None, made[n] and made[n].astimezone(timezone.utc)),
                   reverse=True)
    newest = set(order[:keep])
    assert newest <= kept
    dated = [n for n in order if made[n] is not None]
    first = {dated[-1]} if dated else set()
    assert first <= kept
    others = kept - newest - first
    assert all(made[n] is not None for n in others)
    per_day = Counter(made[n].astimezone(now.tzinfo).date() for n in others)
    assert all(count == 1 for count in per_day.values())
    assert all(now.date() - timedelta(days=days) < day <= now.date() for day in per_day)
    assert len(kept) <= keep + days + 1
