"""Version 5 of the blood glucose form: "Ketone meter shows: A value" needs the value (saved with
none, the measured ketones were lost and the chart asked to check them), and a plan that reaches
breakfast from the bedtime reading (6 hours said it overdue at 04:00, 12 hours was due after the
breakfast insulin)."""

from datetime import datetime

import pytest

from downtime.services import glucose, records
from downtime.services.errors import ValidationFailed

READ = {"timing": "bedtime", "reading": "value", "glucose_unit": "mmol_l", "next_in": "240"}


def test_ketones_said_a_value_with_none_typed_is_refused(session_for, medication_ward, clock):
    patient, nurse = medication_ward[0], session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    values = {**READ, "taken_at": "2026-11-28T14:00+01:00", "glucose": 18.4, "ketones_reading": "value"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, glucose.FORM, values, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["ketones"]
    saved = records.save_new(nurse, glucose.FORM, {**values, "ketones": 0.4}, patient_id=patient)
    assert (saved.version, saved.data["ketones"]) == (1, 0.4)
    assert nurse.form(glucose.FORM).version == 5
    # HI needs no number, as before.
    assert "ketones" not in records.save_new(nurse, glucose.FORM, {**values, "ketones_reading": "hi"},
                                             patient_id=patient).data


@pytest.mark.parametrize("plan, due", [("480", "29/11 06:00 (every 8 hours)"), ("600", "29/11 08:00 (every 10 hours)")])
def test_a_bedtime_reading_can_plan_the_next_at_breakfast(session_for, medication_ward, clock, plan, due):
    patient, nurse = medication_ward[0], session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T22:05+01:00")
    records.save_new(nurse, glucose.FORM, {**READ, "taken_at": "2026-11-28T22:00+01:00", "glucose": 8.4,
                                           "next_in": plan}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-29T04:30+01:00")
    assert glucose.handover(nurse.db, [patient], at, "en")[patient] == (
        f"GLUCOSE: 8.4 mmol/L at 28/11 22:00; next reading due {due}")
    assert glucose.asking(glucose.chart(nurse.db, patient), at, "en") == []


def test_a_version_4_reading_saying_ketones_a_value_with_none_is_corrected_as_it_was(session_for, medication_ward,
                                                                                     clock):
    """Version 4 let "A value" be saved with no ketones; its glucose typed 1.4 for 14 could no longer
    be corrected without a ketone value no one measured. An amendment that says "A value" anew
    still asks it."""
    import dataclasses

    patient, nurse = medication_ward[0], session_for("nurse")
    v4 = nurse.form(glucose.FORM).model_copy(update={"version": 4})
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    saved = records.save_new(dataclasses.replace(nurse, forms={**nurse.forms, glucose.FORM: v4}), glucose.FORM,
                             {**READ, "taken_at": "2026-11-28T10:00+01:00", "glucose": 1.4, "ketones_reading": "value",
                              "action": "sugar given"}, patient_id=patient)
    assert saved.form_version == 4
    clock.now = datetime.fromisoformat("2026-11-28T10:20+01:00")
    amended = records.amend(nurse, saved.record_id, {**saved.data, "glucose": 14.0}, "typed 1.4 for 14")
    assert amended.data["glucose"] == 14.0 and "ketones" not in amended.data
    hi = records.amend(nurse, saved.record_id, {**amended.data, "ketones_reading": "hi"}, "meter said HI")
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**hi.data, "ketones_reading": "value"}, "meter said a value")
    assert [error.path for error in refused.value.errors] == ["ketones"]
