"""A bilateral operation whose side words also name the joint ("Both knees arthroscopy", "des
deux genoux") is the same operation as its wording with the joint alone ("Knee arthroscopy"
BILATERAL): taking "both knees" out whole left "arthroscopy" against "knee arthroscopy", and
the operation waiting for a new date was booked again, both knees on two lists."""

import pytest

from downtime.services import records, theatre
from downtime.services.errors import ServiceError
from tests.test_theatre_booked_again_side_in_words import _knee, _session


@pytest.mark.parametrize(("waiting_procedure", "procedure"), [
    ("Both knees arthroscopy", "Knee arthroscopy"), ("Knee arthroscopy", "Arthroscopy, both knees"),
    ("Arthroscopie des deux genoux", "Arthroscopie genou"), ("Knee arthroscopy", "Arthroscopy both knees"),
    # Read with the part and without it: a wording saying "bilateral" or no part at all, or naming
    # the part already, is the same operation (they were, before the part was kept).
    ("Bilateral grommets", "Grommets both ears"),
    ("Total knee replacement, both knees", "Bilateral total knee replacement"),
    ("Knee arthroscopy both knees", "Knee arthroscopy")])
def test_both_knees_is_the_knee_on_both_sides(session_for, admission_values, waiting_procedure, procedure):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", waiting_procedure,
                                                 "bilateral"))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    with pytest.raises(ServiceError, match="is already waiting to be rebooked for this patient"):
        theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03", procedure, "bilateral"))


def test_both_hips_is_not_the_knee(session_for, admission_values):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    waiting = theatre.book(coord, patient, _knee(_session(coord, "2026-11-28"), "2026-11-28", "Both hips arthroscopy",
                                                 "bilateral"))
    theatre.cancel(coord, waiting.record_id, {"cancelled_at": "2026-11-28T08:30+01:00", "reason": "information_system",
                                              "last_minute": True, "patient_told": "in_person"})
    theatre.book(coord, patient, _knee(_session(coord, "2026-12-03"), "2026-12-03", "Knee arthroscopy", "bilateral"))
