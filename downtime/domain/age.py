"""A patient's age on a given day, from their date of birth, as the clinical rules that depend
on it count it: NEWS2 applies from 16, a weight is checked against the age, a baby born on the
ward has no first name yet."""

from __future__ import annotations

from datetime import date


def age_in_years(born: date, on: date) -> int:
    """Whole years completed on `on`: a patient is 16 from their sixteenth birthday, not from
    the first of that year (someone born on 29 February turns a year older on 1 March)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
