"""A moderate breathing effort in a child under 5 is a red flag with a fever in the same set (NICE
NG143, `Red.INDRAWING`), so a set of one without a temperature can neither show that flag nor rule
it out: a toddler with moderate recession and the temperature not taken scored her points, called
no one, and nothing asked for the temperature (NG143 measures it in every febrile child). The
latest such set with none charted in the hour before asks for it as a set missing a scored reading
asks for that one (on the chart, the escalation list and the handover), and its next set is within
the hour until it is taken."""

from datetime import datetime

import pytest

from downtime.domain.pews import PewsSet, temperature_asked
from downtime.services import census, chart_alerts, pews, records
from downtime.services.errors import ValidationFailed

TODDLER = {"taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 36, "respiratory_effort": "moderate",
           "spo2": 96, "oxygen": "room_air", "heart_rate": 120, "systolic_bp": 100, "capillary_refill": "under_3",
           "consciousness": "alert", "concern": False, "next_in": "60"}  # PEWS 3 at 2 years, no temperature
ASKED = ("TEMPERATURE NOT TAKEN (28/11 08:00), none in the hour before: moderate breathing effort under 5 years, "
         "which with a fever calls the doctor (NICE NG143's red flag for chest indrawing or grunting): take it now")


@pytest.mark.parametrize(("effort", "months", "temperature", "asked"), [
    ("moderate", 0, None, True), ("moderate", 29, None, True), ("moderate", 59, None, True),
    ("moderate", 29, 37.0, False), ("moderate", 60, None, False), ("moderate", None, None, False),
    ("mild", 29, None, False), ("severe", 29, None, False), ("normal", 6, None, False)])
def test_the_temperature_is_asked_of_a_moderate_effort_under_5(effort, months, temperature, asked):
    assert temperature_asked(PewsSet(respiratory_effort=effort, temperature=temperature), months) is asked


@pytest.fixture
def toddler(admit_to_paediatrics, clock) -> str:
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    return admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")


def _watch(session, patient_id, at, lang="en"):
    return pews.watches(session.db, session.forms, [census.patient_with_location(session.db, session.forms, patient_id)],
                        at, lang)[patient_id]


def test_the_chart_the_escalation_list_and_the_handover_ask_for_the_temperature(session_for, toddler, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, TODDLER, patient_id=toddler)
    lines, born = pews.chart(nurse.db, toddler), census.patient_with_location(nurse.db, nurse.forms, toddler).birth_date
    assert pews.asking(lines, born, nurse.forms[pews.FORM], clock.now, "en") == [ASKED]
    inside = census.in_patients(nurse.db, nurse.forms)
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward="PED").alerts
                if alert.form_id == pews.FORM]
    assert alert.said == [ASKED]
    watch = _watch(nurse, toddler, clock.now)
    assert watch.asking and not watch.incomplete and watch.short("en") == "PEWS 3"
    assert pews.handover({toddler: watch}, "en")[toddler].endswith(ASKED)
    assert pews.handover({toddler: _watch(nurse, toddler, clock.now, "fr")}, "fr")[toddler].endswith(
        "TEMPÉRATURE NON PRISE (28/11 08:00), aucune dans l’heure précédente : travail respiratoire modérément "
        "augmenté avant 5 ans, qui avec de la fièvre fait appeler le médecin (signe de gravité de NICE NG143 pour le "
        "tirage ou le geignement) : la prendre maintenant")


def test_a_set_with_the_temperature_asks_nothing_and_an_earlier_one_is_not_asked_again(session_for, toddler, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, TODDLER, patient_id=toddler)
    records.save_new(nurse, pews.FORM, {**TODDLER, "taken_at": "2026-11-28T08:04+01:00", "temperature": 37.4,
                                        "next_in": "240"}, patient_id=toddler)
    lines, born = pews.chart(nurse.db, toddler), census.patient_with_location(nurse.db, nurse.forms, toddler).birth_date
    assert pews.asking(lines, born, nurse.forms[pews.FORM], clock.now, "en") == []
    assert not _watch(nurse, toddler, clock.now).asking


def test_its_next_set_is_within_the_hour_until_the_temperature_is_typed(session_for, toddler):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, pews.FORM, {**TODDLER, "next_in": "240"}, patient_id=toddler)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "next_in", ("“Next observations in”: no temperature in this set or in the hour before, and with a moderate "
                    "breathing effort under 5 years a fever calls the doctor: type the temperature, or choose 1 hour or "
                    "less."))]
    records.save_new(nurse, pews.FORM, {**TODDLER, "next_in": "240", "temperature": 37.0}, patient_id=toddler)


def test_the_form_asks_for_the_temperature_as_the_set_is_typed(forms, clock):
    """At the bedside, where the thermometer is: the score under the readings says it until a
    temperature is typed."""
    born, spec = datetime(2024, 6, 1).date(), forms[pews.FORM]
    typed = {**TODDLER, "next_in": None}
    assert pews.as_typed(typed, born, spec, clock(), "en") == ("PEWS 3 (1 to under 4 years)", [ASKED])
    assert pews.as_typed({**typed, "temperature": 38.4}, born, spec, clock(), "en")[1] == [
        ("RED FLAG (moderate breathing effort with a fever, under 5 (NICE NG143), 28/11 08:00): call the doctor now, "
         "whatever the score")]


def test_a_fevers_red_flag_is_read_by_the_next_set_until_one_takes_the_temperature_again(session_for, toddler, clock):
    """Moderate recession at 38.6 °C at 07:00, the doctor called; at 07:30 the same recession, no
    temperature: the call went off every list, as if the fever had gone. The 07:30 set reads the
    07:00 temperature and says so (`test_pews_recent_temperature`)."""
    nurse = session_for("nurse")
    records.save_new(nurse, pews.FORM, {**TODDLER, "taken_at": "2026-11-28T07:00+01:00", "temperature": 38.6,
                                        "notes": "Dr Benali told 07:05"}, patient_id=toddler)
    records.save_new(nurse, pews.FORM, {**TODDLER, "taken_at": "2026-11-28T07:30+01:00"}, patient_id=toddler)
    spec, born = nurse.forms[pews.FORM], census.patient_with_location(nurse.db, nurse.forms, toddler).birth_date
    assert pews.asking(pews.chart(nurse.db, toddler), born, spec, clock.now, "en") == [
        ("RED FLAG (moderate breathing effort with a fever, under 5 (NICE NG143): temperature of the 28/11 07:00 set, "
         "28/11 07:30): call the doctor now, whatever the score")]
    # Its own call, as a set charting the fever again would make: who was told of it is its own note's.
    assert _watch(nurse, toddler, clock.now).told == ""
    records.save_new(nurse, pews.FORM, {**TODDLER, "taken_at": "2026-11-28T08:00+01:00", "temperature": 37.4},
                     patient_id=toddler)
    assert pews.asking(pews.chart(nurse.db, toddler), born, spec, clock.now, "en") == []
