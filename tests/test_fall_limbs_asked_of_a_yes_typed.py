"""The limbs weak before a fall (form version 5's `weak_limbs`) are asked of a new fall saying
"limb weakness known before: Yes", or of an amendment changing it to Yes (services.falls.check),
not of a fall of version 4 saved Yes and corrected later: the nurse recording the CT at night was
refused until she named the limbs of an old stroke she may not know, and a guess silenced those
limbs' new weakness. Limbs beside a No are not kept, nor read: the answer says there were none,
and they silenced a new one-sided weakness of those limbs."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from downtime.domain.falls import fall_of, head_ct
from downtime.domain.gcs import Alarm, gcs, weaker_than_opposite
from downtime.formspec.loader import load_form
from downtime.services import falls, records
from downtime.services.errors import ValidationFailed

FORMS = Path(__file__).parents[1] / "forms"
FALL = {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": True, "weak_before": True}
LEFT_WEAK = {"taken_at": "2026-11-28T11:10+01:00", "eyes": "4", "verbal": "5", "motor": "6",
             "arm_left": "severe", "leg_left": "severe", "arm_right": "normal", "leg_right": "normal"}


def test_a_fall_of_version_4_saying_yes_is_amended_without_naming_the_limbs(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    path = tmp_path / "inpatient_fall.yaml"
    path.write_text((FORMS / "inpatient_fall.yaml").read_text(encoding="utf-8").replace(
        "version: 5\n", "version: 4\n", 1).replace("        since: 5\n", ""), encoding="utf-8")
    older = replace(nurse, forms={**nurse.forms, "inpatient_fall": load_form(path)})
    saved = records.save_new(older, "inpatient_fall", FALL, patient_id=patient)
    amended = records.amend(nurse, saved.record_id, {**saved.data, "ct_head": "requested",
                                                     "ct_head_at": "2026-11-28T11:40+01:00"}, "CT asked")
    assert amended.data["weak_before"] is True and "weak_limbs" not in amended.data
    falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, amended.data, "en", saved.data)


@pytest.mark.parametrize("lang, label", [("en", "Which limbs were weak before the fall"),
                                         ("fr", "Membres faibles avant la chute")])
def test_a_new_fall_saying_yes_is_refused_without_its_limbs(session_for, patient, lang, label):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, FALL, lang)
    assert [error.path for error in refused.value.errors] == ["weak_limbs"]
    assert label in str(refused.value)
    falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, {**FALL, "weak_limbs": ["arm_left"]}, lang)


def test_an_amendment_changing_no_to_yes_asks_the_limbs(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed):
        falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, FALL, "en", {**FALL, "weak_before": False})


def test_limbs_beside_no_are_not_kept(session_for, patient):
    """The screen asks the limbs only after a Yes: ticked before the answer changed to No, they went."""
    saved = records.save_new(session_for("nurse"), "inpatient_fall",
                             {**FALL, "weak_before": False, "weak_limbs": ["arm_left", "leg_left"]}, patient_id=patient)
    assert "weak_limbs" not in saved.data


def test_limbs_beside_no_do_not_silence_their_new_weakness():
    """A record holding both (another laptop's, an import): the No is believed, the alarm kept."""
    fall = fall_of({**FALL, "weak_before": False, "weak_limbs": ["arm_left", "leg_left"]})
    assert fall.weak_limbs == ()
    flag = head_ct(fall, datetime.fromisoformat("2026-11-28T11:10+01:00"), gcs(LEFT_WEAK),
                   one_sided=weaker_than_opposite(LEFT_WEAK))
    assert flag is not None and flag.alarm is Alarm.CT_ONE_SIDED


def test_limbs_with_the_weakness_known_before_unanswered_are_read():
    """The paper form asks the limbs alone: typed back with the yes/no left blank, they stand."""
    unanswered = {key: value for key, value in FALL.items() if key != "weak_before"}
    assert fall_of({**unanswered, "weak_limbs": ["leg_left", "arm_left"]}).weak_limbs == ("arm_left", "leg_left")
