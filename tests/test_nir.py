from datetime import date

import pytest
from hypothesis import given, strategies as st

from downtime.domain.nir import nir_disagreements, nir_key, nir_problem, normalise_nir


def test_valid_nir_with_spaces_as_printed_on_the_card():
    assert nir_problem("2 54 03 75 113 023 12") is None


@pytest.mark.parametrize("nir, problem", [
    ("254037511302313", "key"),
    ("25403751130231", "length"),
    ("954037511302312", "shape"),
    ("25403751130231X", "shape"),
    ("", "length"),
])
def test_invalid_nir_names_the_problem(nir, problem):
    assert nir_problem(nir) == problem


@pytest.mark.parametrize("month", ["00", "13", "19", "43", "49"])
def test_a_month_no_nir_has_is_refused_whatever_its_key(month):
    """01 to 12, or 20 to 42 or 50 to 99 when the month is not known (INSEE): a NIR typed with
    month 13 and its key right was taken."""
    body = f"154{month}99123456"
    assert nir_problem(f"{body}{nir_key(body):02d}") == "shape"
    assert [nir_problem(f"154{known}99123456{nir_key(f'154{known}99123456'):02d}") for known in ("12", "20", "42", "50")] \
        == [None] * 4


def test_key_is_97_minus_number_mod_97():
    assert nir_key("2540375113023") == 97 - 2540375113023 % 97


@pytest.mark.parametrize("department, substitute", [("2A", "19"), ("2B", "18")])
def test_corsica_departments_count_as_19_and_18(department, substitute):
    body = f"18512{department}123456"
    key = 97 - int(f"18512{substitute}123456") % 97
    assert nir_problem(f"{body}{key:02d}") is None
    assert nir_problem(f"{body}{(key % 97) + 1:02d}") == "key"


def test_lower_case_corsica_is_accepted():
    body = "18512" + "2a" + "123456"
    key = 97 - int("18512" + "19" + "123456") % 97
    assert normalise_nir(f"{body}{key:02d}").startswith("185122A")
    assert nir_problem(f"{body}{key:02d}") is None


@given(st.text(max_size=40))
def test_any_text_gets_an_answer_never_a_crash(text):
    assert nir_problem(text) in (None, "length", "shape", "key")


@given(st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_a_single_mistyped_digit_is_caught(position, delta):
    nir = "254037511302312"
    mistyped = nir[:position] + str((int(nir[position]) + delta) % 10) + nir[position + 1:]
    assert nir_problem(mistyped) is not None


@pytest.mark.parametrize(("nir", "born", "sex", "found"), [
    ("254037511302312", date(1954, 3, 12), "female", []),
    ("254037511302312", date(1954, 3, 12), "male", ["sex"]),
    ("254037511302312", date(1948, 3, 12), "female", ["year"]),
    ("254037511302312", date(1954, 4, 12), "unknown", ["month"]),
    ("254037511302312", None, None, []),
    ("2 54 03 75 113 023 12", date(2054, 3, 1), "female", []),   # two digits of the year only
])
def test_a_nir_is_read_against_the_sex_and_date_of_birth_typed_beside_it(nir, born, sex, found):
    assert nir_disagreements(nir, born, sex) == found


def test_a_nir_whose_month_of_birth_was_unknown_agrees_with_any_month():
    body = "1543099123456"   # month 30: born in 1954, month not known when the number was given
    assert nir_disagreements(f"{body}{nir_key(body):02d}", date(1954, 1, 1), "male") == []
