"""A patient's age on a given day, from their date of birth, as the clinical rules that depend
on it count it: NEWS2 applies from 16, a weight is checked against the age, a baby born on the
ward has no first name yet, PEWS's bands and a baby's medicines go by months."""

from __future__ import annotations

from datetime import date, timedelta

from downtime.i18n import QT_TRANSLATE_NOOP, Phrase


def age_in_years(born: date, on: date) -> int:
    """Whole years completed on `on`: a patient is 16 from their sixteenth birthday, not from
    the first of that year (someone born on 29 February turns a year older on 1 March)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def months_old(born: date, on: date) -> int:
    """Whole months completed on `on` (a baby born on the 31st is a month old on the last day of
    the next month that has no 31st, not a day later)."""
    months = (on.year - born.year) * 12 + on.month - born.month
    return months - (on.day < born.day and not _last_day_of_month(on))


def _last_day_of_month(day: date) -> bool:
    return (day + timedelta(days=1)).month != day.month


CHILD_UNTIL = 18
"""The age from which a patient's medicines are an adult's: a child's doses are worked out from
their weight until then (domain.dose_limits)."""


def age_words(born: date, on: date) -> Phrase:
    """A child's age as a paediatric chart gives it: in days under 4 weeks, in weeks under 3
    months, in months under 2 years, then in years ("10 days", "8 weeks", "2 months"): a date of
    birth alone left the nurse to work out that the baby was a neonate, whose doses go by days. A
    baby born on the day is "under a day" ("moins d’un jour"), which reads in every sentence that
    says an age ("the patient is … old", "Age: …"), where "0 days" read as a slip."""
    days = (on - born).days
    months = months_old(born, on)
    if days < 28:
        return Phrase(QT_TRANSLATE_NOOP("messages", "under a day") if days == 0 else
                      QT_TRANSLATE_NOOP("messages", "1 day") if days == 1 else
                      QT_TRANSLATE_NOOP("messages", "{count} days"), {"count": days})
    if months < 3:
        return Phrase(QT_TRANSLATE_NOOP("messages", "{count} weeks"), {"count": days // 7})
    if months < 24:
        return Phrase(QT_TRANSLATE_NOOP("messages", "{count} months"), {"count": months})
    return Phrase(QT_TRANSLATE_NOOP("messages", "{count} years"), {"count": age_in_years(born, on)})
