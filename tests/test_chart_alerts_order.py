"""The escalation list's chart alerts: those asking for a doctor now first (chart_alerts.asks_a_doctor_now)."""

import pytest

from downtime.domain import bowels, devices, falls, gcs, glucose, lab_results, pain, pews, sepsis
from downtime.services.chart_alerts import ChartAlert, asks_a_doctor_now

DOCTOR_NOW = (bowels.SIGNS[bowels.Sign.BLOOD], falls.ASKS[falls.Ask.ANTICOAGULANT], gcs.WARNINGS[gcs.Alarm.TOTAL_FELL],
              gcs.WARNINGS[gcs.Alarm.PUPIL_FIXED], glucose.SIGNS[glucose.Sign.KETONES_HIGH],
              glucose.SIGNS[glucose.Sign.HYPO_PERSISTS], lab_results.SIGNS[lab_results.Sign.TELL_NOW],
              pews.SIGNS[pews.Sign.RED], sepsis.OUTCOMES[sepsis.Outcome.RED])
"""Each chart's words for a doctor now, in both languages."""
IN_HER_OWN_TIME = (pain.SIGNS[pain.Sign.OVERDUE], devices.SIGNS[devices.Sign.OVERDUE])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_charts_words_for_a_doctor_now_put_its_line_first_in_either_language(lang):
    """The list is ordered on what each line says: a chart reworded, or a new one, whose words
    for a doctor now the list did not know, would go back to its bed's place, below the lines on
    screen."""
    def line(words: str) -> ChartAlert:
        return ChartAlert(None, "", "", [words])  # type: ignore[arg-type]  (only its words are read)

    assert all(asks_a_doctor_now(line(words[lang]), lang) for words in DOCTOR_NOW), [
        words[lang] for words in DOCTOR_NOW if not asks_a_doctor_now(line(words[lang]), lang)]
    assert not any(asks_a_doctor_now(line(words[lang]), lang) for words in IN_HER_OWN_TIME)
