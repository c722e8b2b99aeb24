from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from downtime.formspec.values import (
    ParseError, format_value, parse_date, parse_datetime, parse_decimal, parse_integer,
    parse_text, relevant_values, validate,
)

NOW = datetime(2026, 11, 28, 14, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text, expected", [
    ("12/03/1954", date(1954, 3, 12)), ("1/3/1954", date(1954, 3, 1)),
    ("12.03.1954", date(1954, 3, 12)), ("12-03-1954", date(1954, 3, 12)),
    ("1954-03-12", date(1954, 3, 12)), ("12031954", date(1954, 3, 12)),
])
def test_dates_are_read_day_first(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["12/03/54", "31/02/2020", "2020/03/12", "yesterday", ""])
def test_ambiguous_or_impossible_dates_are_refused(text):
    with pytest.raises(ParseError):
        parse_date(text)


def test_datetime_takes_the_laptop_zone_offset():
    zone = timezone(timedelta(hours=2))
    moment = parse_datetime("28/11/2026 14h30", zone)
    assert moment.isoformat() == "2026-11-28T14:30:00+02:00"


@pytest.mark.parametrize("text, shown", [("25/10/2026 02:30", "02:30"), ("2026-10-25T02:30", "02:30"),
                                         ("25/10/2026 2h59", "02:59")])
def test_a_time_typed_in_the_hour_the_clocks_repeat_is_refused_naming_both_offsets(text, shown):
    """Read as its first pass, a dose given at the second 02:30 was stored, and shown on the
    MAR, an hour before it was given."""
    from zoneinfo import ZoneInfo

    with pytest.raises(ParseError) as refused:
        parse_datetime(text, ZoneInfo("Europe/Paris"))
    assert refused.value.key == "repeated_time"
    assert refused.value.limit == f"25/10/2026 {shown} +02:00 / 25/10/2026 {shown} +01:00"


def test_the_repeated_hour_is_typed_with_its_offset_and_the_skipped_hour_is_refused():
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    assert parse_datetime("25/10/2026 02:30 +01:00", paris).isoformat() == "2026-10-25T02:30:00+01:00"
    assert parse_datetime("25/10/2026 02:30 +02:00", paris).isoformat() == "2026-10-25T02:30:00+02:00"
    assert parse_datetime("25/10/2026 03:30", paris).isoformat() == "2026-10-25T03:30:00+01:00"
    with pytest.raises(ParseError, match="skipped_time"):
        parse_datetime("29/03/2026 02:30", paris)
    with pytest.raises(ParseError, match="bad_datetime"):
        parse_datetime("25/10/2026 02:30 +1", paris)



@pytest.mark.parametrize("typed, then", [
    ("25/10/2026 03:15 +02:00", "+01:00"),  # after the change, the night's summer offset kept: read as 02:15
    ("28/11/2026 14:00 +02:00", "+01:00"),  # a winter afternoon with summer's offset: read as 13:00
    ("29/03/2026 10:00 +01:00", "+02:00"),  # the morning after the clocks go forward: read as 11:00
])
def test_a_time_typed_with_an_offset_the_clock_did_not_have_then_is_refused_naming_the_one_it_had(typed, then):
    """Converted as an import's ISO time is, the dose was stored an hour from the time typed and
    charted in another hour's cell, nothing said."""
    from zoneinfo import ZoneInfo

    from downtime.formspec.messages import message

    with pytest.raises(ParseError) as refused:
        parse_datetime(typed, ZoneInfo("Europe/Paris"))
    assert (refused.value.key, refused.value.limit) == ("offset_not_then", then)
    assert message(refused.value.key, "en", "Actual time", refused.value.limit) == (
        f"“Actual time”: the ward's clock was on {then} at that time, not on the offset typed: check the time, and "
        "type it as the clock read it.")


@pytest.mark.parametrize("typed, key", [("25/10/2026 02:30 +03:00", "repeated_time"),
                                        ("29/03/2026 02:30 +01:00", "skipped_time")])
def test_a_wrong_offset_in_the_hour_the_clocks_repeat_or_skip_is_refused_as_that_hour_untyped_is(typed, key):
    from zoneinfo import ZoneInfo

    with pytest.raises(ParseError, match=key):
        parse_datetime(typed, ZoneInfo("Europe/Paris"))


def test_an_import_s_time_with_any_offset_is_the_same_instant_on_the_ward_s_clock():
    from zoneinfo import ZoneInfo

    assert parse_datetime("2026-11-28T14:00+02:00", ZoneInfo("Europe/Paris")).isoformat() == "2026-11-28T13:00:00+01:00"


@pytest.mark.parametrize("stored, shown", [
    ("2026-10-25T02:30+02:00", "25/10/2026 02:30 +02:00"),  # the first 02:30, summer time
    ("2026-10-25T02:30+01:00", "25/10/2026 02:30 +01:00"),  # an hour later, winter time
    ("2026-10-25T03:30+01:00", "25/10/2026 03:30"),         # once only: as ever
    ("2026-11-28T13:10+00:00", "28/11/2026 14:10"),         # stored at UTC, on the ward's clock
])
def test_a_filled_form_s_time_in_the_repeated_hour_keeps_the_offset_typed_and_reads_back_as_itself(stored, shown):
    """The box refused 02:30 until typed with its offset; the filled form, the records view and
    the edit box then showed both as "25/10/2026 02:30", an hour's doubt in a death's time."""
    from zoneinfo import ZoneInfo

    from downtime.formspec.schema import DateTimeField, Text

    field = DateTimeField(id="at", kind="datetime", label=Text(en="At", fr="À"))
    assert format_value(field, stored, "en") == shown
    back = parse_text(field, shown, ZoneInfo("Europe/Paris"))
    assert datetime.fromisoformat(back) == datetime.fromisoformat(stored)

UTC = timezone.utc
CARE_DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@given(CARE_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from([":", "h", "H"]), st.booleans())
def test_a_time_typed_alone_is_on_the_boxs_day(day, hour, minute, mark, padded):
    """The night's paper doses typed in at 07:00: "06:00" is the 06:00 of the box's day (today,
    or the chart cell's day), as "6h00" is."""
    typed = f"{hour:02d}{mark}{minute:02d}" if padded else f"{hour}{mark}{minute:02d}"
    assert parse_datetime(typed, UTC, day=day) == datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@given(CARE_DAYS, st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)), st.integers(0, 23),
       st.sampled_from(["/", ".", "-"]))
def test_a_day_and_month_typed_without_the_year_are_in_the_boxs_year_unless_near_the_turn_of_the_year(
        day, typed_day, hour, separator):
    """"02/12 06:00" is this year's 2 December; "31/12 23:00" typed on 1 January could be last
    night's or next December's, and is refused naming neither."""
    typed = f"{typed_day.day:02d}{separator}{typed_day.month:02d} {hour:02d}:05"
    readings = {}
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            readings[year] = date(year, typed_day.month, typed_day.day)
        except ValueError:  # 29 February of a year without one
            continue
    near = any(abs(reading - day) <= timedelta(days=31) for year, reading in readings.items() if year != day.year)
    if day.year not in readings:
        with pytest.raises(ParseError, match="bad_datetime"):
            parse_datetime(typed, UTC, day=day)
    elif near:
        with pytest.raises(ParseError) as refused:
            parse_datetime(typed, UTC, day=day)
        assert (refused.value.key, refused.value.limit) == ("year_needed", f"{typed_day:%d/%m}")
    else:
        assert parse_datetime(typed, UTC, day=day) == datetime.combine(readings[day.year], datetime.min.time(),
                                                                       UTC).replace(hour=hour, minute=5)


@pytest.mark.parametrize("typed, expected", [
    ("06:00", "2026-12-02T06:00:00+00:00"), ("02/12 06:00", "2026-12-02T06:00:00+00:00"),
    ("30/11 22:00", "2026-11-30T22:00:00+00:00"), ("1/12/2025 06:00", "2025-12-01T06:00:00+00:00"),
])
def test_the_night_s_paper_doses_read_as_typed(typed, expected):
    assert parse_datetime(typed, UTC, day=date(2026, 12, 2)).isoformat() == expected


@pytest.mark.parametrize("typed, expected", [
    ("02:10 +02:00", "2026-10-25T02:10:00+02:00"), ("02:10 +01:00", "2026-10-25T02:10:00+01:00"),
    ("06:00 +01:00", "2026-10-25T06:00:00+01:00"),
])
def test_a_time_alone_typed_with_its_offset_is_on_the_box_s_day(typed, expected):
    """The dose dialog, the night the clocks go back, asks a time of the repeated hour typed with
    its offset: "02:10 +01:00" was refused, "write the date and time as DD/MM/YYYY HH:MM", though
    "02:10" alone and "25/10 02:10 +01:00" were read on the box's day."""
    from zoneinfo import ZoneInfo

    assert parse_datetime(typed, ZoneInfo("Europe/Paris"), day=date(2026, 10, 25)).isoformat() == expected


@pytest.mark.parametrize("typed", ["06", "0600", "06:00 02/12", "02/12", "02/12 06", "13/13 06:00", "31/12 06:00",
                                   "06:00 +01:00 +01:00", "+01:00 06:00"])
def test_what_cannot_be_read_as_one_time_is_refused(typed):
    with pytest.raises(ParseError):
        parse_datetime(typed, UTC, day=date(2027, 1, 1))


@pytest.mark.parametrize("typed", ["06:00", "02/12 06:00"])
def test_without_a_day_a_time_needs_its_date_in_full(typed):
    """An import's time, and any reader not given the box's day, is read in full or refused."""
    with pytest.raises(ParseError, match="bad_datetime"):
        parse_datetime(typed, UTC)


def test_a_form_s_date_time_box_reads_a_time_alone_as_today_s_and_names_itself_when_it_cannot(forms):
    from downtime.formspec.messages import message

    field = forms["medication_administration"].field("given_at")
    assert parse_text(field, "06:00", UTC, day=date(2026, 12, 2)) == "2026-12-02T06:00+00:00"
    with pytest.raises(ParseError) as refused:
        parse_text(field, "31/12 23:00", UTC, day=date(2027, 1, 1))
    assert message(refused.value.key, "en", field.label.en, refused.value.limit) == (
        "“Actual time”: 31/12 is near the turn of the year: write the date and time as DD/MM/YYYY HH:MM.")
    assert message(refused.value.key, "fr", field.label.fr, refused.value.limit) == (
        "« Heure réelle » : le 31/12 est proche du changement d’année : écrivez la date et l’heure sous la forme "
        "JJ/MM/AAAA HH:MM.")


def test_decimal_comma_is_accepted():
    assert parse_decimal("72,5") == 72.5
    with pytest.raises(ParseError):
        parse_decimal("nan")


@pytest.mark.parametrize("typed, en, fr", [
    ("5.000", "5000 or 5", "5000 ou 5"), ("4.000", "4000 or 4", "4000 ou 4"), ("5,000", "5000 or 5", "5000 ou 5"),
    ("1.000", "1000 or 1", "1000 ou 1"), ("100,000", "100000 or 100", "100000 ou 100"),
])
def test_a_number_with_zeros_only_after_its_point_is_refused_naming_both_readings(forms, typed, en, fr):
    """Heparin "5.000" UI written the French way, "5,000" units the English way: read as 5, the
    order was saved a thousand times too small, nothing said."""
    dose = forms["medication_order"].field("dose")
    _asked_as_thousands(dose, typed, en, fr)


@pytest.mark.parametrize("form, box, typed, expected", [
    ("weight", "weight_kg", "3.000", 3.0), ("weight", "weight_kg", "12,000", 12.0),
    ("admission", "weight_kg", "100.000", 100.0), ("medication_order", "dose", "250.000", 250.0),
])
def test_a_number_with_zeros_after_its_point_reads_as_the_one_reading_its_box_allows(forms, form, box, typed, expected):
    """A neonatal scale shows kilograms to the gram: "3.000" kg was refused, "write 3000 or 3", in
    a box of at most 400 kg, where 3,000 is no weight. Refused only when both readings fit the box,
    as a dose's "5.000" does; without a box's bounds, both are asked about."""
    assert parse_text(forms[form].field(box), typed) == expected
    with pytest.raises(ParseError, match="zeros_after_the_point"):
        parse_decimal(typed)


@pytest.mark.parametrize("typed, least, most", [("5.000", 0.001, 100000), ("-2,000", None, None), ("+1.000", 1, 1000)])
def test_a_number_both_of_whose_readings_fit_its_bounds_is_refused(typed, least, most):
    with pytest.raises(ParseError, match="zeros_after_the_point"):
        parse_decimal(typed, least=least, most=most)


@pytest.mark.parametrize("typed, expected", [("2,5", 2.5), ("0,25", 0.25), (",5", 0.5), ("12.5", 12.5),
                                             ("0.0", 0.0), ("0,000", 0.0), ("5000", 5000.0), ("1 000", 1000.0),
                                             ("37.0", 37.0), ("9,0", 9.0), ("72.50", 72.5), ("1000.000", 1000.0)])
def test_a_decimal_comma_or_point_with_a_digit_after_it_still_reads(forms, typed, expected):
    """Every reader of typed decimals goes through parse_decimal: the form's boxes (parse_text),
    the dose, paper doses, rate and controlled-drug register dialogs."""
    assert parse_decimal(typed) == expected
    assert parse_text(forms["medication_order"].field("dose"), typed) == expected


@given(st.integers(1, 999), st.integers(1, 4), st.sampled_from([".", ","]))
def test_three_zeros_alone_after_the_point_are_refused_where_other_decimals_read(whole, zeros, point):
    typed = f"{whole}{point}{'0' * zeros}"
    if zeros == 3:
        with pytest.raises(ParseError, match="zeros_after_the_point"):
            parse_decimal(typed)
    else:
        assert parse_decimal(typed) == whole
    assert parse_decimal(f"{typed}5") == float(f"{whole}.{'0' * zeros}5")


@pytest.mark.parametrize("typed", ["72.000", "5.000", "5000.0"])
def test_a_number_another_system_wrote_with_zeros_after_its_point_is_read_as_it_says(forms, typed):
    """An EHR snapshot's CSV writes its decimals as a machine does: "72.0" kg is 72."""
    assert parse_text(forms["admission"].field("weight_kg"), typed, as_written=True) == float(typed)


@pytest.mark.parametrize("form, box, typed, en, fr", [
    ("fluid_balance", "volume", "1.000", "1000 or 1", "1000 ou 1"),
    ("fluid_balance", "volume", "1.500", "1500", "1500"), ("fluid_balance", "volume", "2,500", "2500", "2500"),
    ("fluid_plan", "volume", "1.000", "1000", "1000"),
])
def test_a_whole_number_box_asks_digits_grouped_by_a_point_as_a_decimal_box_does(forms, form, box, typed, en, fr):
    """A litre recorded the French way, "1.000" mL, was told "must be a whole number": to the
    nurse 1.000 is one, and dropping what looked like decimals saved 1 mL. Both readings are named
    where both fit the box (0 to 5000 mL); the thousands alone where the other is no whole number
    or below the box (a plan of at least 10 mL)."""
    field = forms[form].field(box)
    _asked_as_thousands(field, typed, en, fr)


def test_a_whole_number_box_reads_the_one_reading_its_bounds_allow():
    """As a decimal box reads a neonate's "3.000" kg as 3 (see parse_decimal)."""
    assert parse_integer("9.000", least=0, most=5000) == 9
    assert parse_integer("1 000") == 1000
    with pytest.raises(ParseError, match="not_integer"):
        parse_integer("1.5")


@pytest.mark.parametrize("typed, grouped", [("2.400.000", "2400000"), ("1.000.000", "1000000"),
                                            ("1,200,000", "1200000"), ("-12.500.000", "-12500000")])
def test_millions_grouped_by_points_are_told_the_one_number_to_write(typed, grouped):
    """Extencilline "2.400.000" UI copied off a French chart was told "must be a number", which it
    is: it cannot be a decimal, so it is told as the one number to write."""
    from downtime.formspec.messages import message

    for parse in (parse_decimal, parse_integer):
        with pytest.raises(ParseError) as refused:
            parse(typed)
        assert message(refused.value.key, "en", "Dose", refused.value.limit) == (
            f"“Dose”: write {grouped}: no thousands separator.")


@pytest.mark.parametrize("typed", ["1.000,500", "1,000.500", "1.000.50", "1.000.000,5"])
def test_digits_grouped_by_two_different_marks_are_no_number(typed):
    """"1.000,500" is 1000.5 on a French ward and 1000500 nowhere: not told to write either."""
    with pytest.raises(ParseError, match="not_number"):
        parse_decimal(typed)


@given(st.integers(1000, 10 ** 12), st.sampled_from([".", ","]), st.booleans())
def test_a_number_grouped_by_threes_is_never_read_as_another_whole_number(number, point, bounded):
    """Typed grouped, a whole number is its thousands reading, its decimal one (of one group of
    zeros) or refused naming the thousands first: never read as a number of neither."""
    typed = f"{number:,}".replace(",", point)
    single_zeros = number < 10 ** 6 and number % 1000 == 0
    for parse in (parse_integer, parse_decimal):
        try:
            read = parse(typed, least=0, most=5000) if bounded else parse(typed)
        except ParseError as refused:
            assert refused.key == "zeros_after_the_point"
            assert refused.limit.grouped == str(number)
            assert refused.limit.decimal == (str(number // 1000) if single_zeros else None)
        else:
            assert read == number / 1000 and (single_zeros or parse is parse_decimal)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_digits_grouped_by_a_no_break_space_read_as_with_a_space(space):
    """"1 000" pasted from a French document or Word, its space a no-break one, was not a number."""
    assert parse_integer(f"1{space}000") == 1000
    assert parse_decimal(f"1{space}000") == 1000.0
    assert parse_decimal(f"1{space}000,5") == 1000.5
    with pytest.raises(ParseError, match="zeros_after_the_point"):
        parse_decimal(f"{space}5.000{space}")


@pytest.mark.parametrize("typed, expected", [
    ("05/12/2026 14 h 30", "2026-12-05T14:30:00+00:00"), ("05/12/2026 14h", "2026-12-05T14:00:00+00:00"),
    ("14 h", "2026-12-05T14:00:00+00:00"), ("8h", "2026-12-05T08:00:00+00:00"), ("14h 30", "2026-12-05T14:30:00+00:00"),
    ("05/12 8 H 05", "2026-12-05T08:05:00+00:00"),
])
def test_an_hour_written_the_french_way_reads(typed, expected):
    """"14h30" was read, but French typography's "14 h 30" and the everyday "14h" were refused."""
    assert parse_datetime(typed, UTC, day=date(2026, 12, 5)).isoformat() == expected


@pytest.mark.parametrize("typed, expected", [
    ("25/10/2026 2h +01:00", "2026-10-25T02:00:00+01:00"), ("25/10/2026 2 h +02:00", "2026-10-25T02:00:00+02:00"),
    ("05/12/2026 14h +01:00", "2026-12-05T14:00:00+01:00"), ("05/12/2026 14 h +01:00", "2026-12-05T14:00:00+01:00"),
    ("05/12/2026 14 h 30 +01:00", "2026-12-05T14:30:00+01:00"),
])
def test_an_hour_written_the_french_way_reads_with_its_offset(typed, expected):
    """The night the clocks go back the app asks for the offset: "2h +01:00" was refused as no date
    and time, the space before the offset taken for the hour's, while "2h00 +01:00" was read."""
    from zoneinfo import ZoneInfo

    assert parse_datetime(typed, ZoneInfo("Europe/Paris")).isoformat() == expected


@given(CARE_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from(["h", "H"]), st.sampled_from(["", " "]),
       st.sampled_from(["", " "]), st.booleans())
def test_an_hour_typed_with_h_and_any_spaces_is_that_hour(day, hour, minute, mark, before, after, with_minutes):
    typed = f"{day:%d/%m/%Y} {hour}{before}{mark}{after}{minute:02d}" if with_minutes else f"{day:%d/%m/%Y} {hour}{before}{mark}"
    assert parse_datetime(typed, UTC) == datetime(day.year, day.month, day.day, hour, minute if with_minutes else 0,
                                                  tzinfo=UTC)


@pytest.mark.parametrize("typed", ["05/12/2026 14 h 3", "05/12/2026 h30", "05/12/2026 1430h", "05/12/2026 14h30h"])
def test_an_hour_with_h_that_is_not_one_time_is_refused(typed):
    with pytest.raises(ParseError):
        parse_datetime(typed, UTC)


@given(st.text(max_size=30))
def test_parsers_either_parse_or_raise_parse_error(text):
    for parser in (parse_date, parse_datetime, parse_integer, parse_decimal):
        try:
            parser(text)
        except ParseError:
            pass


@given(st.text(max_size=30), CARE_DAYS)
def test_a_date_time_typed_with_its_box_s_day_either_parses_or_raises_parse_error(text, day):
    try:
        parse_datetime(text, UTC, day=day)
    except ParseError:
        pass


@given(st.dates(min_value=date(1000, 1, 1)))
def test_formatted_dates_parse_back(day):
    from downtime.formspec.schema import DateField, Text

    field = DateField(id="d", kind="date", label=Text(en="D", fr="D"))
    assert parse_text(field, format_value(field, day.isoformat(), "en")) == day.isoformat()


@pytest.mark.parametrize("value, en, fr", [(18.0, "18", "18"), (1.5, "1.5", "1,5"), (0.125, "0.125", "0,125"),
                                           (100.0, "100", "100"), (0.0, "0", "0")])
def test_a_dose_reads_without_trailing_zeros(forms, value, en, fr):
    """"18.000 units" is read as eighteen thousand: no trailing zero on screen or paper."""
    dose = forms["medication_order"].field("dose")
    assert (format_value(dose, value, "en"), format_value(dose, value, "fr")) == (en, fr)


@given(st.decimals(min_value=0, max_value=100000, places=3, allow_nan=False, allow_infinity=False))
def test_formatted_decimals_parse_back(value):
    from downtime.formspec.schema import DecimalField, Text

    field = DecimalField(id="d", kind="decimal", places=3, label=Text(en="D", fr="D"))
    assert parse_text(field, format_value(field, float(value), "en")) == float(value)


@pytest.mark.parametrize("lang, said", [("en", "“Temperature” must be at most 45."),
                                        ("fr", "« Température » doit être au plus 45.")])
def test_a_limit_reads_without_trailing_zeros(forms, lang, said):
    """A nurse typing 100 in the temperature (°F, or a slip) read "must be at most 45.0"; limits
    are written as every decimal is, without trailing zeros."""
    errors = {e.path: e.message for e in validate(forms["observations"], {"temperature": 100.0}, lang, NOW)}
    assert errors["temperature"] == said


def test_required_and_conditional_rules(forms):
    spec = forms["admission"]
    errors = {e.path for e in validate(spec, {"unidentified": True, "sex": "male"}, "en", NOW)}
    assert {"descriptor", "temporary_name"} <= errors
    assert "birth_name" not in errors and "birth_date" not in errors


@pytest.mark.parametrize("blank", [" ", "   ", "\u00a0 "])
def test_spaces_alone_answer_no_required_question(forms, admission_values, blank):
    """A clinical note of spaces, or a death's verifier, was saved by a script or an import as an
    answer (the screens send none for a blank box); a question not required may stay so."""
    note = {"written_at": "2026-11-28T13:40+01:00", "discipline": "nursing", "note": blank, "written_by": blank,
            "focus": blank}
    errors = {e.path: e.message for e in validate(forms["clinical_note"], note, "en", NOW)}
    assert errors == {"note": "“Note” is required.", "written_by": "“Written by (name)” is required."}


def test_messages_name_the_field_in_the_users_language(forms, admission_values):
    spec = forms["admission"]
    values = {**admission_values, "nir": "254037511302399", "weight_kg": 900.0}
    french = {e.path: e.message for e in validate(spec, values, "fr", NOW)}
    assert "NIR / matricule INS" in french["nir"] and "clé" in french["nir"]
    assert "Poids" in french["weight_kg"] and "400" in french["weight_kg"]
    english = {e.path: e.message for e in validate(spec, values, "en", NOW)}
    assert "Weight" in english["weight_kg"]


def test_future_birth_date_and_arrival_are_refused(forms, admission_values):
    values = {**admission_values, "birth_date": "2027-01-01", "arrival_at": "2026-11-28T15:30+01:00"}
    paths = {e.path for e in validate(forms["admission"], values, "en", NOW)}
    assert {"birth_date", "arrival_at"} <= paths


def test_repeat_rows_are_checked_row_by_row(forms, admission_values):
    values = {**admission_values, "allergies": [{"substance": "Latex"}, {"reaction": "rash"}]}
    paths = [e.path for e in validate(forms["admission"], values, "en", NOW)]
    assert paths == ["allergies[2].substance"]


def test_a_valid_admission_has_no_errors(forms, admission_values):
    assert validate(forms["admission"], admission_values, "en", NOW) == []


def test_hidden_fields_are_dropped(forms, admission_values):
    values = {**admission_values, "allergy_status": "nka"}
    assert "allergies" not in relevant_values(forms["admission"], values)


def test_control_characters_and_wrong_types_are_refused(forms, admission_values):
    values = {**admission_values, "birth_name": "Le\x00fèvre", "height_cm": "158"}
    paths = {e.path for e in validate(forms["admission"], values, "en", NOW)}
    assert {"birth_name", "height_cm"} <= paths


def test_an_answer_kept_from_a_field_the_form_no_longer_has_says_which_02_30(forms):
    """Listed and printed under "No longer on the form", a time of the hour the clocks repeat read
    "25/10/2026 02:30", either of them, as no box of the form says it."""
    from downtime.formspec.values import leftover_lines

    assert leftover_lines(forms["clinical_note"], {"seen_at": "2026-10-25T02:30+01:00"}, "en") == [
        "seen_at: 25/10/2026 02:30 +01:00"]


def _asked_as_thousands(field, typed: str, en: str, fr: str) -> None:
    """`typed` in `field` refused as a thousands separator, telling `en` (English) and `fr` (French) to write."""
    from downtime.formspec.messages import message

    with pytest.raises(ParseError) as refused:
        parse_text(field, typed)
    assert message(refused.value.key, "en", field.label.en, refused.value.limit) == (
        f"“{field.label.en}”: write {en}: no thousands separator.")
    assert message(refused.value.key, "fr", field.label.fr, refused.value.limit) == (
        f"« {field.label.fr} » : écrivez {fr} : sans séparateur de milliers.")
