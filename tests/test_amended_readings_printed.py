"""A reading amended after it was saved, on the printed bedside charts (NEWS2, neuro, glucose,
PEWS): its set's time marked, and under the chart the old value and the new, when, by whom and
why, as a correction on paper is struck through and initialled (a pulse typed 142, scored 3 and
the doctor called, printed as if it had always been 72); a chart with no amendment prints no
such list, and a set entered in error prints no reading."""

from downtime.services import printing, records
from tests.pdf_text import pdf_text
from tests.test_glucose import LOW
from tests.test_neuro import SET as NEURO_SET
from tests.test_pdf_news2 import SETS
from tests.test_pews import SET as PEWS_SET
from tests.test_pews import child  # noqa: F401 (a fixture)

NEWS2_SETS = [{**SETS[0], "taken_at": "2026-11-28T10:00+01:00"}, {**SETS[1], "pulse": 142}]
"""The NEWS2 chart's sets, after the patient's admission at 09:00, the second's pulse scoring 3."""
REASON = "Typed from the wrong monitor: the patient's read 72"
AMENDED = "† Amended after it was saved"


def _amended(nurse, form_id, values, patient, changed, clock):
    """A record saved, then amended 20 minutes later with REASON."""
    saved = records.save_new(nurse, form_id, values, patient_id=patient)
    clock.advance(minutes=20)
    records.amend(nurse, saved.record_id, {**values, **changed}, REASON)
    return saved


def test_an_amended_news2_set_is_marked_and_its_old_pulse_listed_with_the_reason(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", NEWS2_SETS[0], patient_id=patient)
    plain = pdf_text(printing.print_news2_chart(nurse, patient, tmp_path / "plain.pdf"))
    assert "†" not in plain and "Amended after" not in plain
    _amended(nurse, "observations", NEWS2_SETS[1], patient, {"pulse": 72}, clock)
    text = pdf_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf"))
    assert "28/11 12:00 †1" in text and "72 (0)" in text
    assert AMENDED in text
    assert "†1 28/11 12:00 Pulse: 142 /min → 72 /min 28/11 14:20 Hélène Lefèvre (nurse)" in text
    assert REASON in text


def test_a_news2_set_entered_in_error_prints_no_reading(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", NEWS2_SETS[0], patient_id=patient)
    wrong = records.save_new(nurse, "observations", {**NEWS2_SETS[1], "pulse": 142}, patient_id=patient)
    records.mark_entered_in_error(nurse, wrong.record_id, "Another patient's set")
    text = pdf_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf"))
    assert "28/11 12:00" not in text and "142" not in text and "72 (0)" in text


def test_an_amended_neuro_set_is_marked_and_listed(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    plain = records.save_new(nurse, "neuro_observations", NEURO_SET, patient_id=patient)
    assert "Amended after" not in pdf_text(printing.print_neuro_chart(nurse, patient, tmp_path / "plain.pdf"))
    records.amend(nurse, plain.record_id, {**NEURO_SET, "pupil_left_size": 5}, REASON)
    text = pdf_text(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf"))
    assert "28/11 10:00 †1" in text and AMENDED in text
    assert "Left pupil size: 3 mm → 5 mm" in text
    assert REASON in text


def test_an_amended_glucose_reading_is_marked_and_listed_with_initials(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    assert "Amended after" not in pdf_text(printing.print_glucose_chart(nurse, patient, tmp_path / "none.pdf"))
    _amended(nurse, "blood_glucose", LOW, patient, {"glucose": 5.2}, clock)
    text = pdf_text(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf"))
    assert "28/11 13:50 †1" in text and AMENDED in text
    assert "†1 28/11 13:50 Glucose: 3.2 → 5.2 28/11 14:20 HL" in text  # initials, as the chart's own column
    assert REASON in text


def test_an_amended_glucose_reading_is_listed_in_french(session_for, patient, clock, tmp_path):
    _amended(session_for("nurse"), "blood_glucose", LOW, patient, {"glucose": 5.2}, clock)
    text = pdf_text(printing.print_glucose_chart(session_for("nurse", "fr"), patient, tmp_path / "g.pdf"))
    assert "† Modifiée après son enregistrement" in text and "Glycémie : 3,2 → 5,2" in text and "Motif" in text


def test_an_amended_pews_set_is_marked_and_listed(session_for, child, clock, tmp_path):  # noqa: F811 (the fixture)
    nurse = session_for("nurse")
    assert "Amended after" not in pdf_text(printing.print_pews_chart(nurse, child, tmp_path / "none.pdf"))
    _amended(nurse, "paediatric_observations", {**PEWS_SET, "taken_at": "2026-11-28T12:00+01:00"}, child,
             {"heart_rate": 148}, clock)
    text = pdf_text(printing.print_pews_chart(nurse, child, tmp_path / "pews.pdf"))
    assert "28/11 12:00 †1" in text and AMENDED in text
    assert "Heart rate: 158 /min → 148 /min" in text
    assert REASON in text
