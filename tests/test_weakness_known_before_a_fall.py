"""The limbs weak before a fall (form version 5's `weak_limbs`): only they are not new at the first
neuro set. An old weakness of the left side recorded as "limb weakness known before" silenced a new
weakness of the right, a focal deficit NICE asks a CT head within 1 hour for. Version 4's Yes, which
names no limbs, keeps the weakness asked, to be checked against the one known before."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from downtime.domain.falls import Fall, head_ct
from downtime.domain.gcs import Alarm, gcs, weaker_than_opposite
from downtime.formspec.loader import load_form
from downtime.services import census, falls, neuro, records

FORMS = Path(__file__).parents[1] / "forms"
FELL_AT = datetime.fromisoformat("2026-11-28T11:00+01:00")
FALL = {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False, "weak_before": True}
SET = {"taken_at": "2026-11-28T11:10+01:00", "eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "mild", "leg_left": "mild", "arm_right": "severe", "leg_right": "severe", "next_set_in": "30"}
"""The first set after the fall: the left side mildly weak (the old stroke), the right severely."""
LEFT = ("arm_left", "leg_left")


def _old_stroke(**changed) -> Fall:
    return Fall(**{"fell_at": FELL_AT, "head_injury": "yes", "anticoagulated": False, "fracture_suspected": False,
                   "reviewed_at": None, "weak_before": True, "weak_limbs": LEFT, **changed})


def test_a_new_weakness_of_the_other_side_asks_the_focal_deficit_s_ct():
    flag = head_ct(_old_stroke(), FELL_AT, gcs(SET), one_sided=weaker_than_opposite(SET))
    assert flag is not None and flag.alarm is Alarm.CT_ONE_SIDED
    assert flag.text("en").startswith("Weakness of the right arm and right leg (weaker than the other side)")


def test_the_limbs_known_weak_alone_ask_nothing():
    old_side = {**SET, "arm_right": "normal", "leg_right": "normal", "arm_left": "severe", "leg_left": "severe"}
    assert head_ct(_old_stroke(), FELL_AT, gcs(old_side), one_sided=weaker_than_opposite(old_side)) is None
    arm_only = _old_stroke(weak_limbs=("arm_left",))
    flag = head_ct(arm_only, FELL_AT, gcs(old_side), one_sided=weaker_than_opposite(old_side))
    assert flag is not None and flag.values["limbs"] == {"en": "left leg", "fr": "jambe gauche"}


def test_a_weakness_known_before_that_names_no_limbs_is_asked_to_be_checked_against_it():
    """Version 4's Yes: which side was weak is not known."""
    flag = head_ct(_old_stroke(weak_limbs=()), FELL_AT, gcs(SET), one_sided=weaker_than_opposite(SET))
    assert flag is not None and flag.alarm is Alarm.CT_ONE_SIDED_BEFORE
    assert flag.text("en") == (
        "Weakness of the right arm and right leg (weaker than the other side) after a fall with a head injury, "
        "limb weakness known before it: check against the weakness known before; if it is new, tell the "
        "doctor now (focal deficit: CT head within 1 hour, NICE)")
    assert "comparer à la faiblesse connue avant" in flag.text("fr")


def test_the_neuro_chart_asks_the_new_side_and_the_fall_says_the_old_one(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "weak_limbs": list(LEFT)}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    first = neuro.chart(nurse.db, patient)[-1]
    assert [flag.alarm for flag in first.flags] == [Alarm.CT_ONE_SIDED]
    assert first.flags[0].text("en").startswith("Weakness of the right arm and right leg")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert "weakness of the left arm and left leg known before" in falls.handover(
        nurse.db, inside, nurse.clock(), "en")[patient]


def test_a_fall_of_version_4_saying_yes_keeps_the_weakness_asked(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    path = tmp_path / "inpatient_fall.yaml"
    path.write_text((FORMS / "inpatient_fall.yaml").read_text(encoding="utf-8").replace(
        "version: 5\n", "version: 4\n", 1).replace("        since: 5\n", ""), encoding="utf-8")
    older = replace(nurse, forms={**nurse.forms, "inpatient_fall": load_form(path)})
    records.save_new(older, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    assert [flag.alarm for flag in neuro.chart(nurse.db, patient)[-1].flags] == [Alarm.CT_ONE_SIDED_BEFORE]
