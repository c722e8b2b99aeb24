"""A change of position less often than the patient's pressure ulcer risk asks (NICE CG179: every
4 hours at high risk) keeps the nurse's reason (the care plan), and the service refuses it without,
naming the field: only the form on screen asked, and kept nothing of the answer."""

import pytest

from downtime.services import records, repositioning
from downtime.services.errors import ValidationFailed

BRADEN_9 = {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "1", "activity": "1",
            "mobility": "1", "nutrition": "2", "friction": "2"}
SIX_HOURLY = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "6"}
PLAN = "Care plan: 6-hourly turns agreed with the patient, air mattress"


def _check(nurse, patient, values, before=None, lang="en"):
    repositioning.check_often_enough(nurse.db, nurse.form(repositioning.FORM), patient, values, before, lang)


def test_a_six_hourly_plan_at_a_very_high_risk_is_refused_without_its_reason_naming_the_field(session_for, patient):
    nurse = session_for("nurse")
    _check(nurse, patient, SIX_HOURLY)  # no risk assessed: nothing asked
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        _check(nurse, patient, SIX_HOURLY)
    [error] = refused.value.errors
    assert error.path == repositioning.SELDOM_REASON
    assert error.message == (
        "The latest pressure ulcer risk is Braden 9, very high risk (28/11 09:30): NICE asks for a change of position "
        "at least every 4 hours, not every 6. Give the reason (the care plan) in “Less often than the Braden risk "
        "advises: why (care plan)”.")
    with pytest.raises(ValidationFailed) as french:
        _check(nurse, patient, {**SIX_HOURLY, repositioning.SELDOM_REASON: "  "}, lang="fr")  # blank: no reason
    assert french.value.errors[0].message.endswith(
        "En indiquer le motif (le plan de soins) dans « Moins souvent que ne le demande le risque de Braden : motif "
        "(plan de soins) ».")
    _check(nurse, patient, {**SIX_HOURLY, repositioning.SELDOM_REASON: PLAN})
    _check(nurse, patient, {**SIX_HOURLY, "next_in": "4"})


def test_an_amendment_leaving_what_is_asked_as_it_was_is_not_asked_again(session_for, patient):
    """A record of the form's version 1, saved 6-hourly before the reason was kept, is corrected
    (its skin, its time) as before; one changed to 6-hourly is asked."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    _check(nurse, patient, {**SIX_HOURLY, "skin": "blanching", "skin_where": "sacrum"}, before=SIX_HOURLY)
    with pytest.raises(ValidationFailed):
        _check(nurse, patient, SIX_HOURLY, before={**SIX_HOURLY, "next_in": "4"})


def test_the_reason_is_kept_in_the_record_and_its_line(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    saved = records.save_new(nurse, "repositioning", {**SIX_HOURLY, repositioning.SELDOM_REASON: PLAN},
                             patient_id=patient)
    assert saved.data[repositioning.SELDOM_REASON] == PLAN and saved.form_version >= 2
    assert PLAN in records.record_label(nurse, saved)
