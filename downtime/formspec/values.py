"""What a form's values look like, how typed text becomes a value, and how values are checked.

Values are plain JSON: text as str, integer as int, decimal as float, date as "YYYY-MM-DD",
datetime as ISO 8601 with its UTC offset, choice as its code, multi-choice as a list of codes,
yes/no as bool, references as ids, repeat groups as lists of row mappings. The Qt form, the
PDFs, the CLI and the importers all go through these functions, so a value means one thing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from tzlocal import get_localzone

from downtime.domain.clock import given_day, ward_time
from downtime.domain.downtime_number import parse_downtime_number
from downtime.domain.laterality import NOT_APPLICABLE, contradiction
from downtime.domain.nir import nir_problem
from downtime.formspec.messages import NoSuchDay, Readings, message
from downtime.i18n import QT_TRANSLATE_NOOP, decimal_text, labelled, message as phrased, semicolon
from downtime.formspec.printable import unprintable
from downtime.formspec.schema import (
    ChoiceField, DateField, DateTimeField, DecimalField, Field, FormSpec, IntegerField, Lang,
    LongTextField, Meaning, MultiChoiceField, Option, PatientRefField, RecordRefField, RepeatField, StaffRefField, TextField,
    VALIDATED_IDENTITY, YesNoField, holds,
)


class ParseError(ValueError):
    """Typed text that is not a value of the field's kind; the message key names why, `limit`
    fills the message's {limit}."""

    def __init__(self, key: str, limit: object = None):
        self.key, self.limit = key, limit
        super().__init__(key)


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str


_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
# "14:30", or as French writes an hour, "14h30" or "14h" (14:00).
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2})|[hH](\d{2})?)$")
# French typography's "14 h 30" and "8 h", written with spaces: read as "14h30" and "8h". The
# space after the h is the hour's only when minutes follow: "14 h +01:00" is 14:00 at +01:00 (the
# offset joined to the hour, it was refused as no date and time).
_SPACED_HOUR = re.compile(r"(?<![\d:])(\d{1,2})\s*([hH])(?:\s*(\d{2}))?(?![\d:])")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})$")
# A day and month typed without the year is read in the year of the box's day, unless the same
# day and month of the year before or after lies this near that day: "31/12 23:00" typed on
# 1 January is last night's or next December's, and the box asks for the year.
NEAR_THE_TURN_OF_THE_YEAR = timedelta(days=31)
# The stored shapes (ASCII digits, extended ISO 8601): Python reads more spellings ("19540312",
# "20261128T1030+0100") that the record model, exports and other readers refuse.
_STORED_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STORED_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
                              r"(Z|[+-][0-9]{2}:[0-9]{2})")
# Care times lie between these years. Beyond them a time is a slip of the keyboard, and near
# year 1 or 9999 the app's own date arithmetic (an operation's end, a rebooking deadline) overflows.
_FIRST_CARE_YEAR = 1900
_LAST_YEAR = 2100
# An answer a record holds that this version of its form has no field or option for: kept, and
# printed and listed under this heading, or beside its code.
NO_LONGER_ON_FORM = QT_TRANSLATE_NOOP("messages", "No longer on the form")
_YES_NO: dict[bool, dict[Lang, str]] = {True: {"en": "Yes", "fr": "Oui"}, False: {"en": "No", "fr": "Non"}}
CODE_NO_LONGER_ON_FORM = QT_TRANSLATE_NOOP("messages", "{code} (no longer on the form)")
# An answer a version of a record was never asked, the field having come in a later version of
# its form (`never_asked`), in its place where versions are compared (a hold's).
NOT_ON_VERSION = QT_TRANSLATE_NOOP("messages", "not on version {version} of the form")


def parse_date(text: str) -> date:
    """Day first, four-digit year: a two-digit year on a date of birth is a century guess."""
    text = text.strip()
    if match := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_DMY.match(text) or _DATE_COMPACT.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ParseError("bad_date")
    try:
        return date(year, month, day)
    except ValueError as exc:
        if 1 <= month <= 12 and day >= 1 and year >= 1:
            raise ParseError("no_such_date", NoSuchDay(day, month, year)) from exc
        raise ParseError("bad_date") from exc


def parse_datetime(text: str, tz: tzinfo | None = None, *, as_written: bool = False, day: date | None = None,
                   now: datetime | None = None, slot: datetime | None = None, on_the_ward: bool = True) -> datetime:
    """A date and an hour typed on the ward, or written with its offset (an import): on the
    laptop's clock, whose zone gives the offset. `as_written`: written without its offset by
    another system (an EHR snapshot's CSV), a time of the hour the clocks repeat is its first
    pass, as Python reads it: nobody at the laptop can tell which it was, and refused, the whole
    snapshot would not load at the start of an outage. `day`: the box's own day (today, or the
    day of the chart's cell a dose is typed for), which a time typed alone ("06:00") is on and
    whose year a day and month typed without it ("02/12 06:00") are in (see `_in_year_of`):
    the nurse typing in a night's paper doses typed the date and year of each. `now`, in place of
    `day`: the box is a dose's time given, and `slot` the time it was due (None: as required), a
    time typed alone on the day `clock.given_day` reads (never more than `clock.TYPED_AHEAD`
    after now, refused as in the future: of an as-required dose typed in at 16:00, "02:00" is
    today's, and the 22:00 dose given at 00:10 is the next day's), a
    day and month in the year of the slot, or now. `on_the_ward`: typed
    in one of the ward's boxes, whose offset typed must be one the ward's clock had then
    (`_as_the_clock_read`); written elsewhere (an import, `as_written` too, or the command line's
    `--at`) a time with its offset is the instant it says, on whatever clock wrote it: an EHR's
    "26/11/2026 13:00 +00:00" refused the whole snapshot at the start of an outage."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    typed = parsed is None or "T" not in text
    if typed:
        written = _SPACED_HOUR.sub(lambda hour: "".join(part or "" for part in hour.groups()), text).split()
        day = (slot or now).date() if now is not None else day
        pieces = _dated(written, day) if day is not None else written
        if len(pieces) not in (2, 3) or not (match := _TIME.match(pieces[1])) or not all(map(_OFFSET.match, pieces[2:])):
            raise ParseError("bad_datetime")
        hour, minute = int(match[1]), int(match[2] or match[3] or 0)
        if hour > 23 or minute > 59:
            # Written as asked, a time of no day: told to write DD/MM/YYYY HH:MM, the nurse who
            # had could not see what to change.
            raise ParseError("no_such_time", pieces[1])
        try:
            clock = time(hour, minute)
            if now is not None and len(pieces) > len(written):  # a time typed alone (`_dated` put a day before it)
                # With the offset typed, if any: the day is chosen by the instant it says.
                day = given_day(time.fromisoformat(f"{clock:%H:%M}{''.join(pieces[2:])}"),
                                now.astimezone(tz or get_localzone()), slot)
            else:
                day = parse_date(pieces[0])
            parsed = datetime.fromisoformat(f"{day}T{clock:%H:%M}{pieces[2] if len(pieces) == 3 else ''}")
        except (ParseError, ValueError) as exc:
            raise ParseError("bad_datetime") from exc
    try:
        if parsed.tzinfo is None:
            zone = tz or get_localzone()
            parsed = parsed.replace(tzinfo=zone) if as_written else _on_the_clock(parsed, zone)
        else:
            if typed and on_the_ward and not as_written:
                _as_the_clock_read(parsed, tz or get_localzone())
            # The same instant on the laptop's clock: an EHR's 07:30Z is the 08:30 operation every
            # list, print and letter shows (each formats the time as stored).
            parsed = parsed.astimezone(tz) if tz else parsed.astimezone()
    except ParseError:
        raise
    except (ValueError, OverflowError) as exc:
        # The laptop's zone cannot place a time on the calendar's first or last day.
        raise ParseError("bad_datetime") from exc
    return parsed


def _dated(pieces: list[str], day: date) -> list[str]:
    """The pieces of a date and time typed with its date in full: a time alone on `day`, with its
    offset too (the second "02:10 +01:00" the night the clocks go back, as the message asking it
    and the dose dialog's lines write it: refused as no date and time), a day and month in
    `day`'s year; any other typing as it was."""
    if len(pieces) in (1, 2) and _TIME.match(pieces[0]) and all(map(_OFFSET.match, pieces[1:])):
        return [f"{day:%d/%m/%Y}", *pieces]
    if pieces and (match := _DAY_MONTH.match(pieces[0])):
        return [_in_year_of(int(match.group(1)), int(match.group(2)), day), *pieces[1:]]
    return pieces


def _in_year_of(day_of_month: int, month: int, day: date) -> str:
    """The day and month in `day`'s year, DD/MM/YYYY; refused ("year_needed") near the turn of
    the year, where the year before or after is as likely (NEAR_THE_TURN_OF_THE_YEAR)."""
    try:
        this_year = date(day.year, month, day_of_month)
    except ValueError as exc:
        raise ParseError("bad_datetime") from exc
    for other_year in (day.year - 1, day.year + 1):
        try:
            other = date(other_year, month, day_of_month)
        except ValueError:  # 29/02 of a year without one
            continue
        if abs(other - day) <= NEAR_THE_TURN_OF_THE_YEAR:
            raise ParseError("year_needed", f"{day_of_month:02d}/{month:02d}")
    return f"{this_year:%d/%m/%Y}"


def _unspaced(text: str) -> str:
    """A number without the spaces that group its digits: "1 000" typed, or pasted from a French
    document with a no-break space (U+00A0) or a narrow one (U+202F)."""
    return re.sub("[ \u00a0\u202f]", "", text.strip())


_GROUPED = re.compile(r"(?P<sign>[+-]?)(?P<whole>\d{1,3})(?P<groups>(?P<point>[.,])\d{3}(?:(?P=point)\d{3})*)")


def _grouped_readings(cleaned: str, *, decimals: bool, asked: bool = False) -> Readings | None:
    """Digits grouped by threes with a point or a comma, as a French chart writes "2.400.000" UI
    and an English one "1,500" mL: told "write 2400000" (it is no decimal, and was told only "must
    be a number"), or, one group of three zeros, "5000 or 5". None: no such grouping, or, where
    `decimals` are read, one group that is a decimal as written ("1.500" is 1.5), unless `asked`:
    then both its readings are given ("1500 or 1.5")."""
    if not (grouped := _GROUPED.fullmatch(cleaned)) or not int(grouped["whole"]):
        return None
    single, zeros = len(grouped["groups"]) == 4, grouped["groups"][1:] == "000"
    if decimals and single and not zeros and not asked:
        return None
    sign, whole = grouped["sign"], grouped["whole"]
    return Readings(f"{sign}{int(whole + re.sub('[.,]', '', grouped['groups']))}",
                    f"{sign}{float(whole + '.' + grouped['groups'][1:]):g}" if single and (zeros or decimals) else None)


def _fits(reading: str, least: float | None, most: float | None) -> bool:
    return (least is None or float(reading) >= least) and (most is None or float(reading) <= most)


def _within(readings: Readings, least: float | None, most: float | None) -> Readings:
    """The readings to offer: those the box's bounds take ("write 72500 or 72.5" offered a weight
    of 72 500 kg in a box of at most 400), the one that fits named alone; neither fitting, the
    number as it was shown, whose bounds then say what is wrong."""
    fitting = [reading for reading in (readings.grouped, readings.decimal)
               if reading is not None and _fits(reading, least, most)]
    return readings if len(fitting) == 2 else Readings(fitting[0] if fitting else readings.grouped)


def parse_integer(text: str, *, comma_separated: bool = False, least: int | None = None,
                  most: int | None = None) -> int:
    """A French nurse's litre, "1.000" mL, is a whole number to her: told "must be a whole number",
    she dropped what looked like decimals and saved 1 mL. Digits grouped by threes are asked about
    as in a decimal box (see parse_decimal): the readings that fit the box's bounds `least` and
    `most`, read as 9 when only "9.000"'s decimal reading fits, else "write 1500" alone. In a
    comma-separated file's cell (`comma_separated`), "1,000" is asked about even then: its comma
    is the spreadsheet's thousands separator as likely as a decimal one (1 000 doses loaded as 1)."""
    cleaned = _unspaced(text)
    if readings := _grouped_readings(cleaned, decimals=False):
        offered = _within(readings, least, most)
        if readings.decimal is not None and offered == Readings(readings.decimal) and not (
                comma_separated and "," in cleaned):
            return int(offered.grouped)
        raise ParseError("zeros_after_the_point", offered)
    if not re.fullmatch(r"[+-]?\d{1,15}", cleaned):
        raise ParseError("not_integer")
    return int(cleaned)


def parse_decimal(text: str, *, as_written: bool = False, comma_separated: bool = False, least: float | None = None,
                  most: float | None = None) -> float:
    """French keyboards type a decimal comma: 72,5 is 72.5. One to three digits, then a point or
    a comma and three zeros, are refused: "5.000" is heparin 5 000 units on a French ward that
    groups thousands with a dot, as "5,000" is on an English one, and read as 5 the dose was saved
    a thousand times too small, no question asked. A zero or two after the point ("37.0" on the
    thermometer, "9.0" on the glucose meter) is read as written. `least` and `most`, the box's
    bounds: refused only when both readings lie within them; a neonate's "3.000" kg, off a scale
    to the gram, is 3 in a box of at most 400 kg (refused, it was told to write "3000 or 3").
    `as_written`: written by another system (an EHR snapshot's CSV), whose "72.000" is a decimal
    as it says; `comma_separated`, it is a cell of a comma-separated file, where a comma is in a
    number only because a spreadsheet quoted the number as it showed it, its thousands grouped
    (English heparin "5,000" units loaded as 5): a comma before three digits is asked about, the
    readings within the bounds given ("5000 or 5", "1500 or 1.5"; see `_within`). Millions grouped
    the same way ("2.400.000" UI) have the one reading."""
    cleaned = _unspaced(text)
    if as_written:
        if comma_separated and "," in cleaned and (readings := _grouped_readings(cleaned, decimals=True, asked=True)):
            raise ParseError("zeros_after_the_point", _within(readings, least, most))
    elif (readings := _grouped_readings(cleaned, decimals=True)) and (
            readings.decimal is None or _fits(readings.grouped, least, most) and _fits(readings.decimal, least, most)):
        raise ParseError("zeros_after_the_point", readings)
    cleaned = cleaned.replace(",", ".")
    if not (number := re.fullmatch(r"([+-]?)(\d{1,12})?(?:\.(\d*))?", cleaned)) or not (number[2] or number[3]):
        raise ParseError("not_number")
    return float(cleaned)


def _on_the_clock(typed: datetime, zone: tzinfo) -> datetime:
    """A time typed without its offset, in `zone`. The hour the clocks skip in spring never
    happened and the hour they repeat in autumn happens twice: either is refused, naming the
    offsets to type for the repeated hour, rather than stored an hour off (a dose given at the
    second 02:30 showed as given an hour earlier)."""
    first, second = typed.replace(tzinfo=zone), typed.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    if first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != typed:
        raise ParseError("skipped_time")
    raise ParseError("repeated_time", " / ".join(f"{typed:%d/%m/%Y %H:%M} {when.isoformat()[-6:]}" for when in (first, second)))


def _as_the_clock_read(typed: datetime, zone: tzinfo) -> None:
    """A time typed with its offset (DD/MM/YYYY HH:MM +01:00) is a time the ward's clock read:
    one whose offset the clock did not have at that time is refused, naming the one it had (and
    both in the hour the clocks repeat), or as never read in the hour they skip. Converted like
    an import's, "28/11/2026 14:00 +02:00", the night's habit kept into winter, was stored as
    13:00 and the dose charted in another hour's cell, nothing said. An import's time, or the
    command line's, is an instant written on any clock: it is not checked here."""
    wall = typed.replace(tzinfo=None)
    if typed.astimezone(zone).replace(tzinfo=None) != wall:
        then = _on_the_clock(wall, zone)
        raise ParseError("offset_not_then", then.isoformat()[-6:])


def parse_text(field: Field, text: str, tz: tzinfo | None = None, day: date | None = None, *,
               as_written: bool = False, comma_separated: bool = False) -> Any:
    """The value of what was typed into a one-line box; empty text is no value. `day`: a
    date-time box's own day (see `parse_datetime`); `as_written`: written by another system,
    `comma_separated`: in a comma-separated file (see `parse_decimal`)."""
    if not text.strip():
        return None
    match field:
        case IntegerField():
            return parse_integer(text, comma_separated=comma_separated, least=field.min, most=field.max)
        case DecimalField():
            return parse_decimal(text, as_written=as_written, comma_separated=comma_separated, least=field.min,
                                 most=field.max)
        case DateField():
            return parse_date(text).isoformat()
        case DateTimeField():
            return parse_datetime(text, tz, day=day).isoformat(timespec="minutes")
    return text


def format_value(field: Field, value: Any, lang: Lang, who: Callable[[str], str] | None = None,
                 refs: Mapping[str, str] | None = None) -> str:
    """How a value reads on screen and paper. `who`: how a staff reference (a dose's witness)
    reads, as domain.laptops.Authors names the staff of the record's laptop (Authors.on), its
    stored ID without; `refs` likewise, how each record
    a record reference points to reads (see medication.reference_texts)."""
    if value is None or value == "" or value == []:
        return ""
    match field:
        case StaffRefField():
            return who(value) if who else value
        case RecordRefField():
            return (refs or {}).get(str(value), str(value))
        case DateField():
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        case DateTimeField():
            return _shown_datetime(value)
        case DecimalField():
            return decimal_text(value, lang, field.places)
        case ChoiceField():
            return _option_label(field, value, lang)
        case MultiChoiceField():
            return ", ".join(_option_label(field, code, lang) for code in value)
        case YesNoField():
            return _YES_NO[value][lang]
        case RepeatField():  # one row after another (allergy lines)
            return semicolon(lang).join(_row_text(field, row, lang, who) for row in value)
    return str(value)


def answer_text(field: Field, value: Any, lang: Lang, who: Callable[[str], str] | None = None,
                refs: Mapping[str, str] | None = None, unit: str | None = None) -> str:
    """An answer as a line or a filled form reads it, away from the form's box that shows the
    unit beside it: a number with its unit ("86.8 kg", "4 h"), which "Weight: 86.8" left the
    reader to guess. `unit`: one the form leaves to the record it points to (`unit_from`)."""
    shown = format_value(field, value, lang, who, refs)
    unit = unit or (field.unit if isinstance(field, (IntegerField, DecimalField)) else None)
    return f"{shown} {unit}" if shown and unit else shown


def _row_text(field: RepeatField, row: Mapping[str, Any], lang: Lang, who: Callable[[str], str] | None) -> str:
    """A repeat group's row as every print words an allergy, its first answer then the others in
    brackets ("Penicillin (Rash, Moderate)"): run together with spaces, "Penicillin Rash Moderate;
    Peanuts Angioedema Severe" left the reader to guess which reaction went with which allergen."""
    first, *rest = [format_value(part, row.get(part.id), lang, who) for part in field.fields]
    rest = [text for text in rest if text]
    return f"{first} ({', '.join(rest)})" if first and rest else first or ", ".join(rest)


def _option_label(field: ChoiceField | MultiChoiceField, code: str, lang: Lang) -> str:
    """A retired option's label too; a code the form has dropped said to be so, not shown bare
    as if it were words ("Written by a: midwifery")."""
    for option in field.options:
        if option.code == code:
            return option.label.get(lang)
    return phrased(lang, CODE_NO_LONGER_ON_FORM, code=code)


def offered(field: ChoiceField | MultiChoiceField) -> list[Option]:
    """The options a new answer may choose: not those the form has retired."""
    return [option for option in field.options if not option.retired]


def as_current(spec: FormSpec, data: Mapping[str, Any]) -> dict[str, Any]:
    """A record's answers as this version of its form asks them: one kept under a field's former
    id (`formerly`) read as that field's, unless the record answers the field itself."""
    known = spec.field_ids
    read = dict(data)
    for former, field_id in spec.renamed:
        if former in read and former not in known and field_id not in read:
            read[field_id] = read.pop(former)
    return read


def leftover(spec: FormSpec, data: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a record holds that this version of its form no longer asks (a field removed
    since), by the id they were kept under: carried forward by an amendment, printed and listed
    apart, never dropped."""
    known = spec.field_ids
    return {name: value for name, value in as_current(spec, data).items()
            if name not in known and value not in (None, "", [])}


def leftover_lines(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> list[str]:
    """Each of the `leftover` answers after the id it was kept under, no label being left to
    word it ("focus: Fall at 10:40")."""
    return [labelled(name, _kept_text(value, lang), lang) for name, value in leftover(spec, data).items()]


def _kept_text(value: Any, lang: Lang) -> str:
    """An answer read without its field: a time or a date as the screens show one, a list's
    items one after another."""
    match value:
        case bool():
            return _YES_NO[value][lang]
        case float():
            return decimal_text(value, lang)
        case str() if _STORED_DATETIME.fullmatch(value):
            return _shown_datetime(value)
        case str() if _STORED_DATE.fullmatch(value):
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        case list():
            return semicolon(lang).join(_kept_text(item, lang) for item in value)
        case dict():
            return ", ".join(labelled(name, _kept_text(item, lang), lang) for name, item in value.items())
    return str(value)


def _shown_datetime(value: str) -> str:
    """A stored time on the laptop's clock, the zone typed times are read in: an EHR's 09:00Z is
    10:00 in Paris; in the hour the clocks repeat, with the offset the box made the nurse type, so
    it reads back (and parses back) as the time it was, not the same minute an hour apart, and an
    answer kept from a field the form no longer has says which as well."""
    return ward_time(datetime.fromisoformat(value), get_localzone(), "%d/%m/%Y %H:%M")


# Unicode's control characters (category Cc, fixed by its stability policy) and lone surrogates
# (Cs), as one pattern: a character-by-character look-up took most of a save's validation for
# a long note. A long text's newline and tab are its own.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _control_chars(text: str, allow_newlines: bool) -> bool:
    return (_CONTROL_BUT_LINES if allow_newlines else _CONTROL).search(text) is not None


def relevant_values(spec: FormSpec, values: dict[str, Any]) -> dict[str, Any]:
    """Only the answers to questions the form actually asked: a hidden field's old value
    (typed before the answer it depends on changed) must not reach the record. An answer kept
    under a field's former id is that field's (see `as_current`)."""
    values = as_current(spec, values)
    kept = {}
    for field in spec.fields():
        if field.id in values and (field.relevant is None or holds(field.relevant, values)):
            kept[field.id] = values[field.id]
    return kept


def never_asked(field: Field, value: Any, version: int) -> bool:
    """Whether a record written under `version` of its form was never asked `field`, which came in
    a later version (`since`), and holds no answer to it (one carried by `formerly` stands): the
    one rule for reading a record of an earlier version, on screen, on paper and in a hold."""
    return field.since is not None and version < field.since and value in (None, "", [])


def standing_for(field: Field, value: Any) -> Any:
    """A record's answer to `field` as it is read on screen, on paper and in a hold: its own, or
    for a choice left unanswered the option its form says that stands for (`unanswered`): an
    order's How often, empty on orders written before it was asked, is daily; a death verified
    under versions 1 to 4, whose form asked for the "Doctor who verified the death", a doctor's."""
    return field.unanswered if value is None and isinstance(field, ChoiceField) else value


def shown(field: Field, values: dict[str, Any], asked: Mapping[str, bool], version: int | None = None) -> bool:
    """Whether a record's form shows a field, on screen and printed filled: a question its answers
    make relevant, and its context does not leave unasked (`asked`, by field id, see
    services.medication.asked_by_order). An optional reference to another record shows only when
    it names one: set by the screen a record is written from, never typed, empty it says nothing
    ("Prescribed again from: —" on every order written by hand). `version`: the version of its
    form the record was first saved under (None while it is typed): a field it was never asked
    shows only where answered (`never_asked`), as an amendment under a later version may."""
    if field.relevant is not None and not holds(field.relevant, values) or asked.get(field.id) is False:
        return False
    if version is not None and never_asked(field, values.get(field.id), version):
        return False
    return not (isinstance(field, RecordRefField) and not field.required and field.required_when is None
                and not values.get(field.id))


def validate(spec: FormSpec, values: dict[str, Any], lang: Lang, now: datetime | None = None, *,
             before: Mapping[str, Any] | None = None, chosen: bool = False) -> list[FieldError]:
    """Every problem of a filled form, in form order, each naming its field. `before`: the
    answers of the version amended, as `as_current` reads them: a code it held stands though the
    form no longer offers it (retired, or dropped since), as an amendment changes only what its
    author changed. `chosen`: the answers are a version that exists, settled to (see
    services.records.settle_to): a question it left unanswered is not asked either, as a laptop
    on an older form wrote it and no one at the office can answer it."""
    now = now or datetime.now(get_localzone())
    before = before or {}
    known = spec.field_ids
    errors = [FieldError(name, message("unknown_field", lang, name))
              for name in values if name not in known]
    for field in spec.fields():
        if field.relevant is not None and not holds(field.relevant, values):
            continue
        required = (field.required or (field.required_when is not None and holds(field.required_when, values))
                    ) and not (chosen and values.get(field.id) == before.get(field.id))
        errors.extend(_check(field, values.get(field.id), required, field.id, lang, now, before.get(field.id)))
    wrong = {error.path for error in errors}
    return (errors + _order_problems(spec, values, lang, wrong) + _birth_problems(spec, values, lang, wrong)
            + _identity_problems(spec, values, lang) + _side_problems(spec, values, lang, wrong))


def answered(field: Field, value: Any, lang: Lang, now: datetime) -> bool:
    """Whether `value` answers `field` as it stands, of its kind and within its range: a score
    shown as the form is typed adds up such answers only (a height of 0, typed on the way to 165,
    is none)."""
    return not _check(field, value, True, field.id, lang, now)


def _order_problems(spec: FormSpec, values: dict[str, Any], lang: Lang, wrong: set[str]) -> list[FieldError]:
    """Times after the time they must not follow, both asked and well formed (`wrong`: fields
    already refused, whose own message says what to fix first)."""
    problems = []
    for field in spec.fields():
        if not isinstance(field, DateTimeField) or field.not_after is None:
            continue
        other = spec.field(field.not_after)
        later, limit = values.get(field.id), values.get(other.id)
        if ({field.id, other.id} & wrong or not later or not limit
                or not all(one.relevant is None or holds(one.relevant, values) for one in (field, other))):
            continue
        if datetime.fromisoformat(later) > datetime.fromisoformat(limit):
            problems.append(FieldError(field.id, message("after_field", lang, field.label.get(lang),
                                                          other.label.get(lang))))
    return problems


def _birth_problems(spec: FormSpec, values: dict[str, Any], lang: Lang, wrong: set[str]) -> list[FieldError]:
    """A date of birth after the day the record happened (an admission's arrival): a patient
    admitted yesterday "born today" is a slip of the keyboard, which then reads as a newborn whose
    first names need not be given. Born on the day of arrival is the ward's own baby."""
    born, when = spec.by_meaning(Meaning.BIRTH_DATE), spec.by_meaning(Meaning.OCCURRED_AT)
    if (born is None or when is None or {born.id, when.id} & wrong or not values.get(born.id)
            or not values.get(when.id) or not isinstance(when, DateTimeField)
            or not all(one.relevant is None or holds(one.relevant, values) for one in (born, when))):
        return []
    if date.fromisoformat(values[born.id]) <= datetime.fromisoformat(values[when.id]).date():
        return []
    return [FieldError(born.id, message("after_field", lang, born.label.get(lang), when.label.get(lang)))]


def _identity_problems(spec: FormSpec, values: dict[str, Any], lang: Lang) -> list[FieldError]:
    """A patient nobody could identify has had no document checked against them: their identity
    cannot be validated (the INS of whoever's papers were found would reach the EHR)."""
    unidentified, status = spec.by_meaning(Meaning.UNIDENTIFIED), spec.by_meaning(Meaning.IDENTITY_STATUS)
    if unidentified and status and values.get(unidentified.id) is True and values.get(status.id) == VALIDATED_IDENTITY:
        return [FieldError(status.id, message("unidentified_validated", lang, status.label.get(lang)))]
    return []


def _side_problems(spec: FormSpec, values: dict[str, Any], lang: Lang, wrong: set[str]) -> list[FieldError]:
    """A procedure whose words name a side other than the one chosen (domain.laterality), said
    on the words: the side is a choice the list prints in full, the words were typed."""
    problems = []
    for field in spec.fields():
        if not isinstance(field, TextField) or field.side_from is None or {field.id, field.side_from} & wrong:
            continue
        side, text = spec.field(field.side_from), values.get(field.id)
        chosen = values.get(side.id)
        if not text or not chosen or (words := contradiction(text, chosen)) is None:
            continue
        key = "side_not_chosen" if chosen == NOT_APPLICABLE else "other_side"
        problems.append(FieldError(field.id, message(key, lang, field.label.get(lang), words, side=side.label.get(lang),
                                                     chosen=format_value(side, chosen, lang))))
    return problems


def _check(field: Field, value: Any, required: bool, path: str, lang: Lang,
           now: datetime, held: Any = None) -> list[FieldError]:
    """`held`: the answer of the version amended, whose codes stand (see `validate`)."""
    label = field.label.get(lang)

    def error(key: str, limit: object = None) -> list[FieldError]:
        return [FieldError(path, message(key, lang, label, limit))]

    if value is None or value == "" or value == []:
        return error("required") if required else []
    if required and isinstance(value, str) and not value.strip():
        # Spaces alone answer nothing: the screens send none, a script or an import could.
        return error("required")
    try:
        return _check_kind(field, value, path, lang, now, error, held)
    except (TypeError, ValueError, AttributeError, OverflowError):
        return error("bad_value")


def _check_kind(field: Field, value: Any, path: str, lang: Lang, now: datetime,
                error: Any, held: Any = None) -> list[FieldError]:
    match field:
        case TextField() | LongTextField() | PatientRefField() | StaffRefField() | RecordRefField():
            if not isinstance(value, str):
                return error("bad_value")
            if _control_chars(value, isinstance(field, LongTextField)):
                return error("control_chars")
            if cannot := unprintable(value):
                return error("unprintable", cannot)
            limit = getattr(field, "max_length", 200)
            if len(value) > limit:
                return error("too_long", limit)
            if isinstance(field, TextField):
                return _check_text(field, value, path, lang, error)
        case IntegerField():
            if isinstance(value, bool) or not isinstance(value, int):
                return error("not_integer")
            return _check_range(field, value, error)
        case DecimalField():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                return error("not_number")
            if round(value, field.places) != value:
                return error("too_many_places", field.places)
            return _check_range(field, value, error)
        case DateField():
            if not isinstance(value, str) or not _STORED_DATE.fullmatch(value):
                return error("bad_date")
            day = date.fromisoformat(value)
            if not field.allow_future and day > now.date():
                return error("future")
            if day.year < field.min_year:
                return error("too_old", field.min_year)
            if day.year > _LAST_YEAR:
                return error("too_far", _LAST_YEAR)
        case DateTimeField():
            if not isinstance(value, str) or not _STORED_DATETIME.fullmatch(value):
                return error("bad_datetime")
            moment = datetime.fromisoformat(value)
            if not field.allow_future and moment > now:
                return error("future")
            if moment.year < _FIRST_CARE_YEAR:
                return error("too_old", _FIRST_CARE_YEAR)
            if moment.year > _LAST_YEAR:
                return error("too_far", _LAST_YEAR)
        case ChoiceField():
            if value not in _choosable(field, held):
                return error("bad_choice")
        case MultiChoiceField():
            codes = _choosable(field, held)
            if not isinstance(value, list) or any(code not in codes for code in value):
                return error("bad_choice")
        case YesNoField():
            if not isinstance(value, bool):
                return error("bad_yes_no")
            if field.yes_only is not None and not value:
                return [FieldError(path, labelled(field.label.get(lang), field.yes_only.get(lang), lang))]
        case RepeatField():
            return _check_rows(field, value, path, lang, now, error)
    return []


def _choosable(field: ChoiceField | MultiChoiceField, held: Any) -> set[str]:
    """The codes an answer may hold: those the form offers, and those the version amended held."""
    kept = held if isinstance(held, list) else [held]
    return {option.code for option in offered(field)} | {code for code in kept if isinstance(code, str)}


def _check_text(field: TextField, value: str, path: str, lang: Lang, error: Any) -> list[FieldError]:
    """A form's pattern is matched in ASCII: its author's \\d means 0-9, so an INSEE code or a
    dose time in Arabic-Indic or full-width digits is refused, not sent on to the EHR."""
    if field.check == "nir" and (problem := nir_problem(value)):
        return error(f"bad_nir_{problem}")
    if field.check == "downtime_number" and parse_downtime_number(value) is None:
        return error("bad_downtime_number")
    if field.pattern and not re.fullmatch(field.pattern.regex, value, re.ASCII):
        return [FieldError(path, labelled(field.label.get(lang), field.pattern.message.get(lang), lang))]
    return []


def _check_range(field: IntegerField | DecimalField, value: float, error: Any) -> list[FieldError]:
    if field.min is not None and value < field.min:
        return error("below_min", field.min)
    if field.max is not None and value > field.max:
        return error("above_max", field.max)
    return []


def _check_rows(field: RepeatField, rows: Any, path: str, lang: Lang, now: datetime,
                error: Any) -> list[FieldError]:
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        return error("bad_value")
    if len(rows) < field.min_items:
        return error("too_few_rows", field.min_items)
    if len(rows) > field.max_items:
        return error("too_many_rows", field.max_items)
    errors: list[FieldError] = []
    known = {sub.id for sub in field.fields}
    for index, row in enumerate(rows, start=1):
        for name in row:
            if name not in known:
                errors.append(FieldError(f"{path}[{index}].{name}", message("unknown_field", lang, name)))
        for sub in field.fields:
            required = sub.required or (sub.required_when is not None and holds(sub.required_when, row))
            errors.extend(_check(sub, row.get(sub.id), required, f"{path}[{index}].{sub.id}", lang, now))
    return errors
