"""A surgeon's compound name and a theatre's room number, typed another way on another booking,
were another person and another room: Dr Roux-Martin typed "Dr Roux Martin" was booked in T1 and
T2 at once with nothing said, and "Salle n°1" held a list beside "Salle 1"."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from downtime.domain.theatre import (
    Booking, TheatreSession, clashes, maybe_same_person, overlapping_sessions, person_key, theatre_key,
)

TZ = timezone(timedelta(hours=1))
NINE = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def _session(session_id: str, theatre: str) -> TheatreSession:
    return TheatreSession(session_id, theatre, NINE - timedelta(hours=1), NINE + timedelta(hours=4), "general")


def _clash_kinds(one: tuple[str, str], other: tuple[str, str]) -> list[str]:
    """The clashes of two 09:00 operations of 60 minutes, each (theatre, surgeon)."""
    sessions = {"s1": _session("s1", one[0]), "s2": _session("s2", other[0])}
    booked = Booking("a", "p1", "s1", NINE, 60, one[1], None)
    return [clash.kind for clash in clashes(Booking("b", "p2", "s2", NINE, 60, other[1], None), sessions, [booked])]


# ------------------------------------------------------------------ a surgeon's name

@pytest.mark.parametrize("one, other", [
    ("Dr Roux-Martin", "Dr Roux Martin"), ("Dr Roux–Martin", "Roux Martin"), ("Dr Roux-Martin", "Dr RouxMartin"),
    ("Dr St-Pierre", "Dr Saint-Pierre"), ("Dr St. Pierre", "Dr Saint Pierre"), ("Dr Ste-Marie", "Dr Sainte Marie"),
    ("Dr Ste-Marie", "Dr Saint-Marie"), ("Dr Jean-Pierre Roux", "Dr Jean Pierre Roux"), ("Dr O'Neill", "Dr ONeill"),
    ("Dr N'Diaye", "Dr Ndiaye"), ("Dr Le Goff", "Dr LE-GOFF"),
])
def test_a_compound_name_typed_with_a_space_or_a_saint_abbreviated_is_one_surgeon(one, other):
    assert person_key(one) == person_key(other)
    assert _clash_kinds(("T1", one), ("T2", other)) == ["surgeon"]


@pytest.mark.parametrize("one, other", [("Dr O'Neill", "Dr O Neill"), ("Dr O'Neill", "Dr O. Neill"),
                                        ("Dr D'Almeida", "Dr D Almeida")])
def test_a_name_with_a_letter_cut_off_that_may_be_an_initial_is_asked(one, other):
    """"Dr O Neill" may be Dr O'Neill or Dr Olivier Neill: asked, not refused."""
    assert person_key(one) != person_key(other)
    assert (maybe_same_person(one, other), maybe_same_person(other, one)) == (True, True)


@pytest.mark.parametrize("one, other", [("Dr O'Neill", "Dr Neill"), ("Dr Roux-Martin", "Dr Martin"),
                                        ("Dr M. Martin", "Dr L. Martin"), ("Dr P. Roux", "Dr Pierre-Paul Roux"),
                                        ("Dr Saint-Pierre", "Dr Pierre")])
def test_another_name_stays_another_surgeon(one, other):
    assert person_key(one) != person_key(other)
    assert _clash_kinds(("T1", one), ("T2", other)) == []


@st.composite
def _typed_names(draw: st.DrawFn) -> tuple[str, str]:
    """A name of several words as typed on a booking (title or not, any case, words apart by spaces,
    dashes or dots) and as typed on another."""
    words = draw(st.lists(st.sampled_from(["roux", "martin", "le", "goff", "dupont", "st", "ste", "saint"]),
                          min_size=2, max_size=4))
    typed = words[0] + "".join(draw(st.sampled_from([" ", "  ", "-", "–", " - ", ". "])) + word for word in words[1:])
    title = draw(st.sampled_from(["", "Dr ", "Dr. ", "Pr ", "Mr "]))
    return title + draw(st.sampled_from([str.upper, str.lower, str.title]))(typed), "Dr " + " ".join(words)


@given(_typed_names())
def test_a_surgeons_name_is_one_however_its_words_are_separated(names):
    typed, other = names
    assert person_key(typed) == person_key(other)


# ------------------------------------------------------------------ a theatre's name

@pytest.mark.parametrize("other", [
    "Salle n°1", "Salle N° 1", "Salle nº 1", "Salle numéro 1", "Salle d'opération n°1", "Theatre No 1",
    "Theatre no. 1", "Theatre № 1", "Theatre number 01", "OT1", "OT 1", "O.T. 1", "Operating theatre 1",
    "Operating room 1", "T n°1",
])
def test_a_room_number_written_with_its_number_sign_or_as_ot_is_the_same_theatre(other):
    assert theatre_key(other) == theatre_key("T1") == "t1"
    assert overlapping_sessions(_session("s1", other), [_session("s2", "Salle 1")])
    assert _clash_kinds(("Salle 1", "Dr A"), (other, "Dr B")) == ["theatre"]


@pytest.mark.parametrize("other", ["Theatre N1", "Bloc n°1", "DSU theatre no 1", "Salle n°10", "OT 11", "OT 1b",
                                   "Theatre nord 1"])
def test_another_rooms_number_sign_is_another_theatre(other):
    """"Theatre N1" may be the north wing's; a bloc is a suite of rooms."""
    assert theatre_key(other) != "t1"


_ROOM_WORDS = ["T", "Theatre", "Theater", "Th.", "Salle", "Salle d'opération", "Salle d’op", "OR", "OT", "O.T.",
               "Operating theatre", "Operating room"]
_NUMBER_SIGNS = ["", "#", "n°", "N°", "nº", "No", "no.", "№", "number", "numéro", "Num."]


@given(word=st.sampled_from(_ROOM_WORDS), sign=st.sampled_from(_NUMBER_SIGNS), number=st.integers(1, 99),
       zeros=st.integers(0, 2), letter=st.sampled_from(["", "a", "B"]),
       spaces=st.lists(st.sampled_from(["", " ", "  ", "-", "\t"]), min_size=3, max_size=3),
       case=st.sampled_from([str.upper, str.lower, str.title, str]))
def test_a_theatres_key_is_its_number_however_its_room_word_sign_spacing_and_case(word, sign, number, zeros, letter,
                                                                                   spaces, case):
    typed = case(f"{spaces[0]}{word}{spaces[1]}{sign}{spaces[2]}{'0' * zeros}{number}{letter}")
    assert theatre_key(typed) == f"t{number}{letter.lower()}"
