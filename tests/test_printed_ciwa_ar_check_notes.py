"""What a printed CIWA-Ar check says beside its answers (services.alcohol_withdrawal.printed_beside):
"not scored: doctor to be told" only while that check tells no doctor (a night nurse reading the
paper bleeped again a doctor the sheet records told), and hallucinations with disorientation beside
item 10, where the disorientation is scored, not in the seizure box it read as the answer of."""

from downtime.domain.alcohol_withdrawal import ITEMS
from downtime.services import alcohol_withdrawal, printing, records
from tests.pdf_text import pdf_text

FORM = alcohol_withdrawal.FORM
DROWSY = {"checked_at": "2026-11-28T12:00+01:00", "unable_to_assess": "drowsy", "seizure": False,
          "consciousness_falling": False}


def _printed(nurse, saved, tmp_path) -> str:
    return " ".join(pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "check.pdf")).split())


def test_a_check_not_scored_with_the_doctor_told_does_not_say_the_doctor_is_to_be_told(session_for, patient,
                                                                                     tmp_path):
    nurse = session_for("nurse")
    untold = records.save_new(nurse, FORM, DROWSY, patient_id=patient)
    assert "not scored: doctor to be told" in _printed(nurse, untold, tmp_path)
    told = records.save_new(nurse, FORM, {**DROWSY, "doctor_told": "Dr Benali",
                                          "doctor_told_at": "2026-11-28T12:05+01:00"}, patient_id=patient)
    text = _printed(nurse, told, tmp_path)
    assert "Dr Benali" in text
    assert "doctor to be told" not in text


def test_hallucinations_with_disorientation_print_beside_orientation_not_the_seizure_box(session_for, patient,
                                                                                       tmp_path):
    nurse = session_for("nurse")
    answers = {"checked_at": "2026-11-28T13:00+01:00", **dict.fromkeys(ITEMS, "0"), "visual": "4",
               "orientation": "2", "seizure": False, "consciousness_falling": False}
    text = _printed(nurse, records.save_new(nurse, FORM, answers, patient_id=patient), tmp_path)
    assert "☐ 4 Disoriented for place and/or person HALLUCINATIONS WITH DISORIENTATION" in text
    assert text.rindex("HALLUCINATIONS WITH DISORIENTATION") < text.index("Seizure since the last check")
