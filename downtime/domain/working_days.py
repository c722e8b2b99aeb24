"""Working days: Monday to Friday, less the bank holidays the hospital keeps (`BankHolidays`,
one setting for all its laptops). A letter takes working days to reach a patient at home, and a
safeguarding referral that is not urgent is due on a working day. With every weekday counted as
working, a letter posted on the Thursday before Easter for the Wednesday after passed as arriving
in time (Good Friday and Easter Monday carry no post), and a concern raised on a bank holiday
was asked "refer today" of a safeguarding team away until the next day, then said OVERDUE on the
morning that team came back."""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import count

WEEKDAYS = range(5)
"""Monday to Friday (date.weekday)."""
NO_REGION = ""
"""The setting that keeps no bank holiday: every weekday is a working day."""
BY_PART_ONLY = {"GB": ("GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR")}
"""The countries with no bank holidays of their own, each part keeping its own: the library's
"GB" alone is the days all four nations share, without England's Easter Monday or Scotland's
2 January."""


class PartNeeded(ValueError):
    """A country named alone whose bank holidays are its parts' (`BY_PART_ONLY`)."""

    def __init__(self, country: str) -> None:
        super().__init__(country)
        self.parts = BY_PART_ONLY[country]


@dataclass(frozen=True)
class BankHolidays:
    """The bank holidays of a country or of a part of one, as ISO 3166 names them ("GB-ENG"
    England, "GB-SCT" Scotland, "FR" France, "FR-6AE" Alsace), from the `holidays` library's
    rules: any year's, computed on the laptop with no network. `NO_REGION` keeps none."""

    region: str = NO_REGION

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.region != NO_REGION and day in _days_of(self.region, day.year)


@lru_cache(maxsize=64)
def _days_of(region: str, year: int) -> frozenset[date]:
    """A region's bank holidays of one year (`region` as `region_named` gives it)."""
    import holidays  # its rules are read on the first date asked, not at the app's start

    country, _, part = region.partition("-")
    return frozenset(holidays.country_holidays(country, subdiv=part or None, years=year))


def regions() -> dict[str, tuple[str, ...]]:
    """Each country the `holidays` library knows (ISO 3166-1 code) with the parts of it that keep
    bank holidays of their own."""
    import holidays

    return {country: tuple(parts) for country, parts in holidays.list_supported_countries().items()}


def region_named(typed: str) -> str:
    """A region as the setting keeps it, from what was typed in any case, with or without spaces
    around ("gb-eng " is GB-ENG): ValueError for a country, or a part of one, that the library
    does not know, or for nothing typed; PartNeeded for a country whose parts each keep their
    own."""
    country, dash, part = " ".join(typed.split()).partition("-")
    country = country.strip().upper()
    parts = regions().get(country)
    if parts is None:
        raise ValueError(typed)
    if not dash:
        if country in BY_PART_ONLY:
            raise PartNeeded(country)
        return country
    named = next((one for one in parts if one.casefold() == part.strip().casefold()), None)
    if named is None:
        raise ValueError(typed)
    return f"{country}-{named}"


def working(day: date, days_off: Container[date]) -> bool:
    """A weekday that is not a bank holiday (`days_off`)."""
    return day.weekday() in WEEKDAYS and day not in days_off


def first_working(day: date, days_off: Container[date]) -> date:
    """The day itself when it is a working day, else the next that is."""
    return next(one for one in (day + timedelta(days=n) for n in count()) if working(one, days_off))


def working_between(first: date, last: date, days_off: Container[date]) -> Iterator[date]:
    """The working days strictly between two days, in order (read lazily: a date months away
    is counted only as far as the caller asks)."""
    return (one for one in (first + timedelta(days=n) for n in range(1, (last - first).days)) if working(one, days_off))


def coming(days_off: BankHolidays, after: date, many: int) -> list[date]:
    """The first `many` bank holidays on or after a day (none within a year for a region with
    none): what an administrator setting the region reads back, to see it is theirs."""
    if days_off.region == NO_REGION:
        return []
    return sorted(day for year in (after.year, after.year + 1) for day in _days_of(days_off.region, year)
                  if after <= day < after + timedelta(days=366))[:many]
