"""A patient found on the floor was last seen well in the stay of the fall (services.falls.check):
"19/11 22:00" typed for 28/11 (a date slip) was saved, said the CT head passed 9 days before,
and the GCS at 2 hours asked a scan at every set under 15. The patient is admitted at 09:00 on
28/11 (conftest's `patient`)."""

import pytest

from downtime.services import falls
from downtime.services.errors import ValidationFailed

FOUND = {"fell_at": "2026-11-29T06:30+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
         "head_injury": "not_excluded", "anticoagulated": True}


@pytest.mark.parametrize("seen", ["2026-11-19T22:00+01:00", "2026-11-28T08:30+01:00"])
@pytest.mark.parametrize("lang, label", [("en", "Found on the floor: last seen well at"),
                                         ("fr", "Trouvé au sol : vu en bon état pour la dernière fois à")])
def test_last_seen_well_before_the_stay_is_refused_naming_the_field(session_for, patient, seen, lang, label):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, {**FOUND, "last_seen_well_at": seen}, lang)
    assert [error.path for error in refused.value.errors] == ["last_seen_well_at"]
    assert label in str(refused.value)


def test_last_seen_well_in_the_stay_is_taken(session_for, patient):
    nurse = session_for("nurse")
    falls.check(nurse.db, nurse.forms["inpatient_fall"], patient,
                {**FOUND, "last_seen_well_at": "2026-11-28T09:30+01:00"}, "en")


def test_an_amendment_leaving_last_seen_well_as_it_was_is_not_asked_again(session_for, patient):
    """Held to what an amendment changes, as the form's other checks are."""
    nurse = session_for("nurse")
    old = {**FOUND, "last_seen_well_at": "2026-11-19T22:00+01:00"}
    falls.check(nurse.db, nurse.forms["inpatient_fall"], patient, {**old, "family_told": True}, "en", old)


def test_last_seen_well_in_an_earlier_stay_is_refused(readmitted, medication_ward):
    """Discharged at 21:00 on 27/11, readmitted at 12:00 on 28/11: in hospital at 20:00 on 27/11,
    but not in the stay of a fall found at 06:30 on 29/11."""
    with pytest.raises(ValidationFailed):
        falls.check(readmitted.db, readmitted.forms["inpatient_fall"], medication_ward[0],
                    {**FOUND, "last_seen_well_at": "2026-11-27T20:00+01:00"}, "en")
    falls.check(readmitted.db, readmitted.forms["inpatient_fall"], medication_ward[0],
                {**FOUND, "last_seen_well_at": "2026-11-28T22:00+01:00"}, "en")
