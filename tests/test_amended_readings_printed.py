"""A reading amended after it was saved, on the printed bedside charts (NEWS2, neuro, glucose,
PEWS): its set's time marked, and under the chart the old value and the new, when, by whom and
why, as a correction on paper is struck through and initialled (a pulse typed 142, scored 3 and
the doctor called, printed as if it had always been 72); a chart with no amendment prints no
such list, and a set entered in error prints no reading."""

import pytest

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


def _chart_pdf(nurse, patient, read, pdf, form_id, out, written=lambda one: (one.record,)):
    """The chart `pdf` makes of the patient's lines (`read`), given the amendments of the records
    each is written from (`written`) as services.printing gives them (version_changes.amendments)."""
    from downtime.services.census import patient_with_location
    from downtime.services.laptops import authors
    from downtime.services.version_changes import amendments

    found = read(nurse.db, patient)
    return pdf(patient_with_location(nurse.db, nurse.forms, patient), found, nurse.form(form_id), out,
               authors=authors(nurse), laptops={}, lang=nurse.lang, printed_by=nurse.user.name,
               printed_at=nurse.clock(), device_name=nurse.device.name,
               amended=amendments(nurse.db, [record for one in found for record in written(one)]))


def _charts():
    """Each chart whose lines are read without their amendments: its form, a line of it (and one
    before it, for a line needing one), the change amended, the marked time and the change listed."""
    from downtime.pdf.bowels import bowel_chart_pdf
    from downtime.pdf.devices import device_chart_pdf
    from downtime.pdf.pain import pain_chart_pdf
    from downtime.pdf.repositioning import repositioning_chart_pdf
    from downtime.pdf.wounds import wound_chart_pdf
    from downtime.services import bowels, devices, pain, repositioning, wounds
    from tests.test_bowels import LOOSE
    from tests.test_devices import CHECK, PUT_IN
    from tests.test_pain import PAIN
    from tests.test_repositioning import TURN
    from tests.test_wounds import LOOK

    return {
        "pain": (pain.FORM, pain.chart, pain_chart_pdf, [], {**PAIN, "score_numeric": 9}, {"score_numeric": 3},
                 "28/11 13:30 †1 3/10", "Score 0–10: 9 → 3"),
        "devices": (devices.FORM, devices.chart, device_chart_pdf, [PUT_IN], {**CHECK, "vip": "3"}, {"vip": "0"},
                    "28/11 13:00 †1 Peripheral venous cannula", "→ 0"),
        "bowels": (bowels.FORM, bowels.chart, bowel_chart_pdf, [], {**LOOSE, "charted_at": "2026-11-28T11:30+01:00"},
                   {"stool_type": "4"}, "28/11 11:30 †1", "no solid pieces → 4: smooth"),
        "wounds": (wounds.FORM, wounds.chart, wound_chart_pdf, [], LOOK, {"length_cm": 5.0}, "28/11 10:00 †1 Sacrum",
                   "3 cm → 5 cm"),
        "repositioning": (repositioning.FORM, repositioning.chart, repositioning_chart_pdf, [], TURN,
                          {"position": "right"}, "28/11 12:30 †1", "→"),
    }


@pytest.mark.parametrize("chart", ["pain", "devices", "bowels", "wounds", "repositioning"])
def test_an_amended_line_of_the_other_bedside_charts_is_marked_and_listed(session_for, patient, clock, tmp_path,
                                                                          chart):
    """A pain charted 9/10, morphine given, amended to 3/10 printed "3/10 Analgesia given" unmarked,
    as if morphine had been given for a pain of 3; a cannula scored VIP 3 amended to VIP 0 read
    VIP 0: the pain, line, bowel, wound and repositioning charts mark and list an amendment as the
    NEWS2 chart does."""
    form_id, read, pdf, before, values, changed, marked, listed = _charts()[chart]
    nurse = session_for("nurse")
    for earlier in before:
        records.save_new(nurse, form_id, earlier, patient_id=patient)
    saved = records.save_new(nurse, form_id, values, patient_id=patient)
    assert "†" not in pdf_text(_chart_pdf(nurse, patient, read, pdf, form_id, tmp_path / "plain.pdf"))
    clock.advance(minutes=20)
    records.amend(nurse, saved.record_id, {**values, **changed}, REASON)
    text = pdf_text(_chart_pdf(nurse, patient, read, pdf, form_id, tmp_path / "amended.pdf"))
    assert marked in text and AMENDED in text and REASON in text
    listed_at = text.index(AMENDED)
    assert "†1 " + marked.split(" †1")[0] in text[listed_at:] and listed in text[listed_at:]


def test_an_amended_blood_units_start_and_end_are_marked_and_listed_in_their_forms_words(session_for, patient, clock,
                                                                                       tmp_path):
    """A unit's start and its end are two records: each amended marks the time it corrects, and
    the list says each change in the words of the form it was made on."""
    from functools import partial

    from downtime.pdf.transfusion import transfusion_record_pdf
    from downtime.services import transfusion
    from tests.test_transfusion import END, UNIT

    nurse = session_for("nurse")
    started = records.save_new(nurse, transfusion.FORM, UNIT, patient_id=patient)
    ended = records.save_new(nurse, transfusion.END_FORM, {**END, "unit": started.record_id}, patient_id=patient)
    clock.advance(minutes=20)
    records.amend(nurse, started.record_id, {**started.data, "second_checker": "Anne Roux"}, REASON)
    records.amend(nurse, ended.record_id, {**ended.data, "volume": 250}, REASON)
    pdf = partial(transfusion_record_pdf, end_spec=nurse.form(transfusion.END_FORM),
                  order_spec=nurse.form(transfusion.ORDER_FORM), prescribed=[])
    text = pdf_text(_chart_pdf(nurse, patient, transfusion.chart, pdf, transfusion.FORM, tmp_path / "blood.pdf",
                               written=lambda unit: unit.records))
    assert "28/11 12:00 HL †1" in text and "28/11 13:40 HL †2" in text
    listed = text[text.index(AMENDED):]
    assert "†1 28/11 12:00" in listed and "Paul Martin → Anne Roux" in listed
    assert "†2 28/11 13:40" in listed and "280 mL → 250 mL" in listed


def test_an_amended_result_and_sample_are_marked_and_listed_in_their_forms_words(session_for, patient, clock,
                                                                                tmp_path):
    """A potassium of 6.8 called to a doctor, corrected to 4.8, read as a 4.8 called for nothing."""
    from functools import partial

    from downtime.pdf.lab_results import lab_results_pdf
    from downtime.services import lab_results
    from tests.test_lab_results import PHONED, SAMPLE

    nurse = session_for("nurse")
    sample = records.save_new(nurse, lab_results.REQUEST_FORM, SAMPLE, patient_id=patient)
    result = records.save_new(nurse, lab_results.FORM, PHONED, patient_id=patient)
    clock.advance(minutes=20)
    records.amend(nurse, sample.record_id, {**sample.data, "urgency": "routine"}, REASON)
    records.amend(nurse, result.record_id, {**result.data, "result": "4.8", "flag": "normal"}, REASON)
    sent = lab_results.samples(nurse.db, patient, lab_results.chart(nurse.db, patient))
    pdf = partial(lab_results_pdf, request_spec=nurse.form(lab_results.REQUEST_FORM), sent=sent)
    text = pdf_text(_chart_pdf(nurse, patient, lab_results.chart, pdf, lab_results.FORM, tmp_path / "results.pdf",
                               written=lambda one: (one.record, *(each.record for each in sent))))
    assert "28/11 11:40 †1" in text and "28/11 13:10 †2" in text
    listed = text[text.index(AMENDED):]
    assert "†1 28/11 11:40" in listed and "Urgent → Routine" in listed
    assert "†2 28/11 13:10" in listed and "6.8 → 4.8" in listed


def test_an_amended_volume_is_marked_and_listed_where_it_printed_v2_alone(session_for, patient, clock, tmp_path):
    from datetime import date

    from downtime.pdf.fluid_balance import fluid_chart_pdf
    from downtime.services import fluid_balance
    from downtime.services.census import patient_with_location
    from downtime.services.laptops import authors
    from downtime.services.version_changes import amendments
    from tests.test_fluid_balance import BAG

    nurse = session_for("nurse")
    saved = records.save_new(nurse, fluid_balance.FORM, BAG, patient_id=patient)
    clock.advance(minutes=20)
    records.amend(nurse, saved.record_id, {**BAG, "volume": 500}, REASON)
    found = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    text = pdf_text(fluid_chart_pdf(
        patient_with_location(nurse.db, nurse.forms, patient), date(2026, 11, 28), found.chart, found.entries,
        nurse.form(fluid_balance.FORM), tmp_path / "fluid.pdf", authors=authors(nurse), laptops={}, lang=nurse.lang,
        printed_by=nurse.user.name, printed_at=nurse.clock(), device_name=nurse.device.name,
        amended=amendments(nurse.db, [one.record for one in found.entries])))
    assert "28/11 10:00 †1" in text and "(v2)" not in text
    listed = text[text.index(AMENDED):]
    assert "†1 28/11 10:00" in listed and "1000 mL → 500 mL" in listed and REASON in listed
