"""A baby's age said in words where a refusal names it, as the MAR and the patient header say it
(domain.age.age_words): codeine for a 7-month-old read "the patient is 0" (review R1 D10)."""

from datetime import date, datetime, time

import pytest

from downtime.domain.age import age_words
from downtime.domain.medication import Check, Frequency, Order, beyond_dose_limits
from downtime.domain.order_units import limits_refusals
from downtime.services import records
from downtime.services.errors import ValidationFailed

AT = datetime.fromisoformat("2026-11-28T20:00+01:00")
CODEINE = Order(record_id="o", patient_id="p", drug="Codeine phosphate", dose=4.0, dose_unit="mg", route="PO",
                frequency=Frequency.SCHEDULED, times=(time(8), time(20)), start_at=AT)


@pytest.mark.parametrize("age, days, said", [(0, 215, "7 months"), (0, 10, "10 days"), (10, 3700, "10 years"),
                                             (10, None, "10 years")])  # the days not known: in years
def test_codeine_for_a_child_says_the_age_in_words(age, days, said):
    (refused,) = limits_refusals(CODEINE, [], age=age, kg=8.0, days=days)
    assert f"and the patient is {said} old: children" in str(refused.said)
    (warning,) = [warning for warning in beyond_dose_limits(CODEINE, AT, 4.0, (), (), {"o": CODEINE}, {}, age, 8.0,
                                                            days=days) if warning.check is Check.NOT_FOR_AGE]
    assert f"and the patient is {said} old: children" in warning.text("en")


def test_a_babys_codeine_order_is_refused_saying_its_age_in_months(session_for, admit_to_paediatrics):
    baby = admit_to_paediatrics("1", "2026-05-01", 8.0, "Lea")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Codeine phosphate", "dose": 4.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False},
            patient_id=baby)
    (error,) = refused.value.errors
    assert "Codeine is never given under 12 years, and the patient is 6 months old" in error.message


@pytest.mark.parametrize("lang, said", [("en", "the patient is under a day old: children"),
                                        ("fr", "et le patient a moins d’un jour : des enfants")])
def test_a_baby_born_today_is_under_a_day_old_not_0_days(lang, said):
    """A baby born on the ward the same day read "the patient is 0 days old", "le patient a 0
    jours"; its age in words reads the same in both languages wherever it is said."""
    (refused,) = limits_refusals(CODEINE, [], age=0, kg=3.5, days=0)
    assert said in refused.said.text(lang)
    assert age_words(date(2026, 11, 28), date(2026, 11, 28)).text(lang) == {"en": "under a day",
                                                                           "fr": "moins d’un jour"}[lang]
    assert age_words(date(2026, 11, 27), date(2026, 11, 28)).text(lang) == {"en": "1 day", "fr": "1 jour"}[lang]
