"""Beds as an administrator types them into the app (see wards.parse_beds)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from downtime.services.errors import ServiceError
from downtime.services.wards import MAX_RANGE, bed_ranges, parse_beds


def test_ranges_names_and_numbers_in_ward_order():
    assert parse_beds("1-3, 4A; Side  room 2\n01-03") == ["1", "2", "3", "4A", "Side room 2", "01", "02", "03"]
    assert parse_beds("7 8 9") == ["7", "8", "9"]


@pytest.mark.parametrize("typed", ["", " , ;\n", "5-1", f"1-{MAX_RANGE + 1}"])
def test_nothing_usable_is_refused_naming_what_to_write(typed):
    with pytest.raises(ServiceError, match="Beds:"):
        parse_beds(typed)


NAME = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=",;\n"),
               min_size=1, max_size=12).map(lambda text: " ".join(text.split())).filter(
    lambda name: name and not all(token.isdigit() for token in name.split()) and "-" not in name)


@given(st.lists(NAME, min_size=1, max_size=20))
def test_named_beds_come_back_as_typed(names):
    assert parse_beds(", ".join(names)) == names


@given(st.integers(0, 999), st.integers(0, MAX_RANGE - 1))
def test_a_range_is_every_bed_from_its_first_to_its_last(first, span):
    assert parse_beds(f"{first} - {first + span}") == [str(number) for number in range(first, first + span + 1)]


@given(st.text(max_size=60))
def test_any_typing_gives_beds_or_says_what_to_write(typed):
    try:
        beds = parse_beds(typed)
    except ServiceError as refused:
        assert "Beds:" in str(refused)
    else:
        assert beds and all(bed and bed == bed.strip() for bed in beds)


@given(st.lists(st.one_of(NAME, st.integers(0, 60).map(str), st.integers(0, 60).map(lambda n: f"{n:02d}")),
                max_size=30, unique_by=str.casefold))
def test_beds_written_as_ranges_read_back_as_the_same_beds(beds):
    """A refused bed names the ward's beds as an administrator types them ("1-20, 21A")."""
    assert parse_beds(bed_ranges(beds)) == beds if beds else bed_ranges(beds) == ""


def test_a_bed_named_like_other_beds_is_written_in_quotes():
    """The EHR's bed "12-14" (one bed) between 11 and 15 read "11, 12-14, 15", as if the ward
    had five beds there; a name with a comma read as two."""
    assert bed_ranges(["11", "12-14", "15", "Side room", "4, 5", "1 2"]) == '11, "12-14", 15, Side room, "4, 5", "1 2"'
