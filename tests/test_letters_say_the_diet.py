"""The letters handing a patient on (discharge, transfer_out) say how the patient is fed, as their
admission's diet says it (amended as the stay goes), before the MUST screening's line: a patient
fed by NG or PEG, or nil by mouth, left with letters saying neither, and the district nurses had
no feed regimen. No regimen made up: empty notes say it is not recorded."""

import pytest

from downtime.services import census, nutrition, prefill, printing, records
from downtime.storage.records import current
from tests.pdf_text import pdf_text
from tests.test_pdf_forms import TRANSFER_OUT

SCREEN = {"screened_at": "2026-11-28T10:00+01:00", "weight_kg": 61.5, "height_cm": 158, "weight_loss": "5_to_10",
          "acute_no_intake": False}  # the admission's weight, BMI 24.6: 0, loss 1
MUST = {"en": "Nutrition: MUST 1, MEDIUM RISK: observe, record what is eaten for 3 days on a paper food chart (none "
              "in this app) (BMI 24.6, 28/11 10:00)",
        "fr": "Nutrition : MUST 1, RISQUE MOYEN : surveiller, noter ce qui est mangé pendant 3 jours sur une "
              "feuille alimentaire papier (aucune dans l’application) (IMC 24,6, 28/11 10:00)"}
REGIMEN = "Jevity 1.5 at 75 ml/h over 20 h,  50 ml water flush 4-hourly"


def _diet(session, patient: str, diet: list[str], notes: str | None = None) -> None:
    """The admission amended to `diet` (and its notes), as the ward does once the feed starts."""
    admission = current(session.db, census.patient_with_location(session.db, session.forms, patient).admission_record_id)
    data = {key: value for key, value in admission.data.items() if key != "diet_notes"}
    records.amend(session, admission.record_id, {**data, "diet": diet, **({"diet_notes": notes} if notes else {})},
                  "feed started")


def _nutrition(session, patient: str, form_id: str) -> str | None:
    return prefill.first_answers(session, session.form(form_id), patient).get("nutrition")


@pytest.mark.parametrize("form_id", ["discharge", "transfer_out"])
def test_a_tube_fed_patient_s_letters_say_the_regimen_then_the_screening(session_for, patient, form_id):
    nurse, infirmiere = session_for("nurse"), session_for("nurse", "fr")
    records.save_new(nurse, nutrition.FORM, SCREEN, patient_id=patient)
    assert _nutrition(nurse, patient, form_id) == MUST["en"]
    _diet(nurse, patient, ["tube_fed"], REGIMEN)
    assert _nutrition(nurse, patient, form_id) == (
        f"Fed by tube: Jevity 1.5 at 75 ml/h over 20 h, 50 ml water flush 4-hourly\n{MUST['en']}")
    assert _nutrition(infirmiere, patient, form_id) == (
        f"Nutrition par sonde : Jevity 1.5 at 75 ml/h over 20 h, 50 ml water flush 4-hourly\n{MUST['fr']}")
    _diet(nurse, patient, ["tube_fed"])
    assert _nutrition(nurse, patient, form_id) == (
        f"Fed by tube (regimen not recorded on the admission: ask the ward)\n{MUST['en']}")
    assert _nutrition(infirmiere, patient, form_id) == (
        f"Nutrition par sonde (protocole non noté à l’admission : demander au service)\n{MUST['fr']}")


def test_nil_by_mouth_is_said_never_screened_too_and_a_diet_by_mouth_adds_nothing(session_for, patient):
    nurse = session_for("nurse")
    _diet(nurse, patient, ["diabetic"], "Low sugar")
    assert _nutrition(nurse, patient, "discharge") is None
    _diet(nurse, patient, ["nil_by_mouth"], "Fasting for theatre")
    assert _nutrition(nurse, patient, "discharge") == "NIL BY MOUTH"
    assert _nutrition(session_for("nurse", "fr"), patient, "transfer_out") == "À JEUN STRICT"


def test_the_longest_regimen_nil_by_mouth_and_the_screening_fit_the_box_uncut(session_for, patient):
    """The diet notes' most (200 characters) with both diets and the screening's line, in French
    (the longer): `_fitted` would keep the feed and send the screening to its chart, but none is
    cut."""
    nurse, infirmiere = session_for("nurse"), session_for("nurse", "fr")
    records.save_new(nurse, nutrition.FORM, SCREEN, patient_id=patient)
    most = nurse.form("admission").field("diet_notes").max_length
    _diet(nurse, patient, ["nil_by_mouth", "tube_fed"], "x" * most)
    said = _nutrition(infirmiere, patient, "transfer_out")
    assert said == f"À JEUN STRICT\nNutrition par sonde : {'x' * most}\n{MUST['fr']}"
    assert len(said) <= infirmiere.form("transfer_out").field("nutrition").max_length


def test_the_printed_transfer_letter_says_the_feed(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, nutrition.FORM, SCREEN, patient_id=patient)
    _diet(nurse, patient, ["tube_fed"], REGIMEN)
    letter = records.save_new(nurse, "transfer_out", {
        **TRANSFER_OUT, "departed_at": "2026-11-28T14:00+01:00", "obs_at": "2026-11-28T13:58+01:00",
        "nutrition": _nutrition(nurse, patient, "transfer_out")}, patient_id=patient)
    printed = " ".join(pdf_text(printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).split())
    assert "Fed by tube: Jevity 1.5 at 75 ml/h over 20 h, 50 ml water flush 4-hourly Nutrition: MUST 1" in printed
