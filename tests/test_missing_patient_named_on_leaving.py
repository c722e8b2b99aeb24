"""The leaving confirmation's line of a patient back from missing says what it is about (review
s65 R3 D8): "• returned 29/11 17:15; doctor to review" named no chart, where the lines around it
say theirs ("NO OBSERVATIONS SINCE THE FALL…"). The return line says the time missing from, as
the ward's line and the escalation list read it too."""

import pytest

from downtime.i18n import semicolon
from downtime.services import leaving, missing_patient, records
from tests.test_missing_patient_line_says_the_return import MISSING

BACK = {"en": ("missing from the ward 13:20, returned 13:55", "doctor to review"),
        "fr": ("disparu(e) du service à 13:20, revenu(e) à 13:55", "à faire examiner par le médecin")}
"""The French the same for a man or a woman: "disparu …, revenu …" was said of Mme Martin."""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_return_line_says_missing_from_the_ward(session_for, patient, lang):
    nurse = session_for("nurse", lang)
    saved = records.save_new(nurse, missing_patient.FORM, MISSING, patient_id=patient)
    records.amend(nurse, saved.record_id, {**MISSING, "returned_at": "2026-11-28T13:55+01:00",
                                           "returned_where": "car park"}, "Found")
    back, review = BACK[lang]
    (line,) = leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), lang).splitlines()[1:]
    assert line.startswith(f"• {back}{semicolon(lang)}{review}"), line
    ward_line = missing_patient.ward_lines(nurse.db, nurse.forms, [patient], nurse.clock(), lang)[patient]
    assert ward_line.startswith(f"{back}{' :' if lang == 'fr' else ':'} {review}"), ward_line
