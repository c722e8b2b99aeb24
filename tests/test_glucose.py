"""Capillary blood glucose: what each reading asks of the nurse now (a hypo treated and rechecked,
ketones checked or told), when the next reading is due (a hypo's recheck, or as the reading
planned) falling overdue, the handover sheet's line, the paper chart filled and blank, and each
reading in the export in mmol/L."""

import json
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.glucose import Reading, Sign, reading, signs
from downtime.services import census, chart_alerts, glucose, prefill, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

LOW = {"taken_at": "2026-11-28T13:50+01:00", "timing": "before_lunch", "reading": "value", "glucose": 3.2,
       "glucose_unit": "mmol_l", "action": "150 mL orange juice", "next_in": "240"}
HOURLY = {"timing": "night", "reading": "value", "glucose": 8.2, "glucose_unit": "mmol_l", "next_in": "60"}
"""A reading on an insulin infusion, the next planned in an hour; its time to add."""


def _signs(**data):
    return signs(reading({"reading": "value", **data}))


def test_each_reading_says_what_it_asks_now():
    assert _signs(glucose=6.0) == []
    assert _signs(glucose=3.9) == [Sign.HYPO] and signs(reading({"reading": "lo"})) == [Sign.HYPO]
    assert _signs(glucose=12.1) == [Sign.CHECK_KETONES]
    assert _signs(glucose=12.1, ketones=0.4) == []  # checked: normal
    assert _signs(glucose=15.0, ketones=1.5) == [Sign.KETONES]
    assert _signs(glucose=7.0, ketones=3.2) == [Sign.KETONES_HIGH]  # whatever the glucose (an SGLT2 inhibitor)
    assert _signs(glucose=3.0, ketones=3.0) == [Sign.HYPO, Sign.KETONES_HIGH]
    assert Reading(None, True, False, None).text() == "LO" and Reading(5.6, False, False, None).text() == "5.6 mmol/L"


@given(st.one_of(st.none(), st.floats(0.6, 35)), st.sampled_from(("value", "lo", "hi")),
       st.one_of(st.none(), st.floats(0, 8)))
def test_a_low_reading_is_always_a_hypo_and_high_ketones_always_told(value, shown, ketones):
    found = Reading(value if shown == "value" else None, shown == "lo", shown == "hi", ketones)
    said = signs(found)
    assert (Sign.HYPO in said) == (shown == "lo" or (shown == "value" and value is not None and value < 4.0))
    if ketones is not None and ketones >= 1.5:
        assert {Sign.KETONES, Sign.KETONES_HIGH} & set(said)
    assert len(said) == len(set(said))


def test_a_hypos_recheck_is_due_in_15_minutes_whatever_the_plan_and_overdue_after(session_for, patient, clock):
    """Planned 4-hourly, a hypo is still rechecked within 15 minutes: the recheck wins."""
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", LOW, patient_id=patient)
    (low,) = glucose.chart(nurse.db, patient)
    assert (low.next_check(nurse.clock(), "en"), low.overdue(nurse.clock())) == ("hypo recheck due 28/11 14:05", False)
    assert glucose.coming([low], nurse.clock()) == datetime.fromisoformat("2026-11-28T14:05+01:00")
    clock.advance(minutes=16)
    assert glucose.asking([low], nurse.clock(), "en")[1:] == ["HYPO RECHECK OVERDUE since 28/11 14:05"]
    assert glucose.coming([low], nurse.clock()) is None
    records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T14:08+01:00", "timing": "recheck",
                                              "glucose": 5.4, "action": ""}, patient_id=patient)
    latest = glucose.chart(nurse.db, patient)[-1]
    assert latest.next_check(nurse.clock(), "en") == "next reading due 28/11 18:08 (every 4 hours)"
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "en") == []


def _night(session_for, patient, clock):
    """The nurse at 02:00 the night after the patient came in, a reading planned hourly then."""
    clock.now = datetime.fromisoformat("2026-11-29T02:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-29T02:00+01:00"}, patient_id=patient)
    return nurse


def _alerts(nurse, at: str) -> chart_alerts.ChartAlerts:
    """The escalation list at `at`, its glucose lines: the patient, never assessed for VTE, is
    asked for that besides from 14 hours after admission."""
    moment = datetime.fromisoformat(at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", moment), moment,
                                "en", ward="3B")
    return replace(found, alerts=[alert for alert in found.alerts if alert.form_id == glucose.FORM])


def test_a_reading_planned_hourly_falls_overdue_on_the_escalation_list_and_the_handover(session_for, patient, clock):
    """On an insulin infusion, the 02:00 reading asks for the next at 03:00: at 02:59 nothing is
    said but when, at 03:01 the escalation list and the handover sheet say it is overdue (a
    night without a check said nothing anywhere), and a reading since clears it."""
    nurse = _night(session_for, patient, clock)
    before = _alerts(nurse, "2026-11-29T02:59+01:00")
    assert before.alerts == [] and before.next_due == datetime.fromisoformat("2026-11-29T03:00+01:00")
    assert glucose.handover(nurse.db, [patient], datetime.fromisoformat("2026-11-29T02:59+01:00"), "en") == {
        patient: "GLUCOSE: 8.2 mmol/L at 29/11 02:00; next reading due 29/11 03:00 (hourly)"}
    late = datetime.fromisoformat("2026-11-29T03:01+01:00")
    (alert,) = _alerts(nurse, late.isoformat()).alerts
    assert (alert.form_id, alert.latest, alert.said) == (
        glucose.FORM, "8.2 mmol/L 29/11 02:00", ["GLUCOSE CHECK OVERDUE since 29/11 03:00 (hourly)"])
    assert glucose.handover(nurse.db, [patient], late, "en") == {
        patient: "GLUCOSE: 8.2 mmol/L at 29/11 02:00; GLUCOSE CHECK OVERDUE since 29/11 03:00 (hourly)"}
    assert glucose.handover(nurse.db, [patient], late, "fr") == {
        patient: "GLYCÉMIE : 8,2 mmol/L le 29/11 02:00 ; GLYCÉMIE EN RETARD depuis le 29/11 03:00 (toutes les heures)"}
    clock.now = datetime.fromisoformat("2026-11-29T03:05+01:00")
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-29T03:05+01:00", "glucose": 7.6},
                     patient_id=patient)
    after = _alerts(nurse, "2026-11-29T03:06+01:00")
    assert after.alerts == [] and after.next_due == datetime.fromisoformat("2026-11-29T04:05+01:00")


def test_each_plan_in_words_and_none_planned_is_never_overdue(session_for, patient, clock):
    nurse = session_for("nurse")
    for plan, en, fr in (("30", "every 30 minutes", "toutes les 30 minutes"), ("60", "hourly", "toutes les heures"),
                         ("240", "every 4 hours", "toutes les 4 heures"),
                         ("1440", "every 24 hours", "toutes les 24 heures")):
        saved = records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-28T13:50+01:00",
                                                          "next_in": plan}, patient_id=patient)
        latest = glucose.chart(nurse.db, patient)[-1]
        assert latest.next_check(nurse.clock(), "en").endswith(f"({en})")
        assert latest.next_check(nurse.clock(), "fr").startswith("prochaine glycémie le ")
        assert latest.next_check(nurse.clock(), "fr").endswith(f"({fr})")
        records.mark_entered_in_error(nurse, saved.record_id, "Practice entry")
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-28T13:00+01:00", "next_in": "none"},
                     patient_id=patient)
    clock.advance(days=2)
    assert _alerts(nurse, clock.now.isoformat()).alerts == []
    assert glucose.handover(nurse.db, [patient], clock.now, "en") == {patient: "GLUCOSE: 8.2 mmol/L at 28/11 13:00"}


def test_a_new_reading_is_refused_without_a_plan_and_starts_from_the_latest(session_for, patient):
    nurse = session_for("nurse")
    values = {key: value for key, value in HOURLY.items() if key != "next_in"} | {"taken_at": "2026-11-28T13:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_glucose", values, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("next_in", "“Next reading due in” is required.")]
    assert "next_in" not in prefill.first_answers(nurse, nurse.form("blood_glucose"), patient)
    saved = records.save_new(nurse, "blood_glucose", {**values, "next_in": "60"}, patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form("blood_glucose"), patient)["next_in"] == "60"
    with pytest.raises(ValidationFailed, match="Next reading due in"):
        records.amend(nurse, saved.record_id, {**values, "glucose": 8.4}, "Misread")
    assert records.amend(nurse, saved.record_id, {**values, "glucose": 8.4, "next_in": "60"}, "Misread").version == 2


def test_a_reading_written_before_the_form_asked_has_no_plan_is_never_overdue_and_is_corrected_as_it_was(
        session_for, patient, clock):
    """A reading from the hospital's snapshot, or an older app's (form version 1), has no plan:
    the chart says no next reading of it and never calls one overdue; corrected, it is not asked
    for a plan no one made then."""
    older = {"taken_at": "2026-11-28T10:00+01:00", "timing": "before_lunch", "reading": "value", "glucose": 9.1}
    saved = records.save_imported(session_for("records"), "blood_glucose", older, patient,
                                  "6d1c5a0e-3b7f-4d2a-9c8e-1f0a2b3c4d5e")
    nurse = session_for("nurse")
    clock.advance(days=1)
    (read,) = glucose.chart(nurse.db, patient)
    assert read.due_at is None and read.next_check(clock.now, "en") == "" and not read.overdue(clock.now)
    assert _alerts(nurse, clock.now.isoformat()).alerts == []
    assert glucose.handover(nurse.db, [patient], clock.now, "en") == {patient: "GLUCOSE: 9.1 mmol/L at 28/11 10:00"}
    assert records.amend(nurse, saved.record_id, {**older, "glucose": 9.7}, "Misread").data.get("next_in") is None


def test_the_next_reading_is_due_in_real_hours_the_nights_the_clocks_change(session_for, patient_on_the_clock):
    """Hourly at 02:30 summer time the night the clocks go back is due at 02:30 again, winter
    time (an hour later, not two); hourly at 01:30 the night they go forward is due at 03:30."""
    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2026, 10, 25, 4, 0), "2026-10-24T09:00+02:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-10-25T02:30+02:00"}, patient_id=patient)
    (back,) = glucose.chart(nurse.db, patient)
    not_yet = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=paris)  # winter time: 01:20 UTC
    late = datetime(2026, 10, 25, 2, 31, fold=1, tzinfo=paris)
    assert not back.overdue(not_yet) and back.overdue(late)
    assert back.next_check(late, "en") == "GLUCOSE CHECK OVERDUE since 25/10 02:30 +01:00 (hourly)"
    assert glucose.coming([back], not_yet) == datetime.fromisoformat("2026-10-25T02:30+01:00")


def test_the_next_reading_is_due_in_real_hours_the_night_the_clocks_go_forward(session_for, patient_on_the_clock):
    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2027, 3, 28, 4, 0), "2027-03-27T09:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2027-03-28T01:30+01:00"}, patient_id=patient)
    (forward,) = glucose.chart(nurse.db, patient)
    not_yet = datetime(2027, 3, 28, 3, 29, tzinfo=paris)
    assert forward.next_check(not_yet, "en") == "next reading due 28/03 03:30 (hourly)" and not forward.overdue(not_yet)
    assert forward.overdue(datetime(2027, 3, 28, 3, 30, tzinfo=paris))


def test_a_meter_showing_lo_or_hi_needs_no_number_and_a_value_needs_one(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_glucose", {**LOW, "glucose": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["glucose"]
    saved = records.save_new(nurse, "blood_glucose", {"taken_at": LOW["taken_at"], "reading": "hi", "next_in": "60"},
                             patient_id=patient)
    assert "glucose" not in saved.data
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "blood_glucose", LOW, patient_id=patient)


def test_the_handover_sheet_and_the_chart_say_the_latest_and_what_it_asks(session_for, patient, tmp_path, forms):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T10:00+01:00", "glucose": 14.2,
                                              "ketones": 1.8, "action": "Dr Benali told", "next_in": "60"},
                     patient_id=patient)
    records.save_new(nurse, "blood_glucose", LOW, patient_id=patient)
    said = ("GLUCOSE: 3.2 mmol/L at 28/11 13:50; HYPO (below 4 mmol/L, 0.72 g/L, 72 mg/dL): treat now as the "
            "hypoglycaemia protocol says; recheck within 15 minutes; Ketones 1.8 mmol/L at 28/11 10:00, not measured "
            "since: recheck them; hypo recheck due 28/11 14:05")
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "en") == {patient: said}
    census = " ".join(" ".join(page.extract_text().split()) for page in
                      PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in census
    text = " ".join(PdfReader(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf")).pages[0]
                    .extract_text().split())
    assert "Blood glucose monitoring chart" in text and "28/11 10:00 Other time" not in text
    assert ("28/11 10:00 Before lunch 14.2 mmol/L 1.8 1 hour Dr Benali told HL Ketones 1.5 mmol/L or more: tell the "
            "doctor") in text
    assert "Hypo recheck due 28/11 14:05" in text and "Next in" in text
    blank = PdfReader(printing.blank(forms, "glucose", tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                     printed_at=nurse.clock(), device_name="3B")).pages
    assert len(blank) == 1 and "Feuille de surveillance glycémique (vierge)" in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_reading_by_its_loinc_code_in_mmol_per_litre_flagged_low_or_high(session_for, patient,
                                                                                                 tmp_path):
    """R2 #7: sent in words alone, 0.52 g/L as 2.889 mmol/L with the typed value lost, no reading
    flagged low or high, a meter's LO as "not applicable": an EHR could file none of them."""
    nurse = session_for("nurse")
    valued = records.save_new(nurse, "blood_glucose", {**LOW, "ketones": 0.4}, patient_id=patient)
    lo = records.save_new(nurse, "blood_glucose", {"taken_at": "2026-11-28T13:55+01:00", "reading": "lo",
                                                   "next_in": "none", "action": "Glucagon 1 mg IM"},
                          patient_id=patient)
    in_g = records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T13:10+01:00", "glucose": 0.52,
                                                     "glucose_unit": "g_l"}, patient_id=patient)
    high = records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T13:20+01:00", "glucose": 14.0,
                                                     "ketones": 0.2}, patient_id=patient)
    hi = records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T13:30+01:00", "reading": "hi",
                                                   "glucose": None, "ketones": 0.2}, patient_id=patient)
    normal = records.save_new(nurse, "blood_glucose", {**LOW, "taken_at": "2026-11-28T13:40+01:00", "glucose": 6.1},
                              patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "Observation"}
    found = by_id[valued.record_id]
    assert [(coding.system, coding.code) for coding in found.code.coding] == [("http://loinc.org", "14743-9")]
    assert found.code.text == "Capillary blood glucose" and (float(found.valueQuantity.value),
                                                              found.valueQuantity.code) == (3.2, "mmol/L")
    assert [coding.code for coding in found.category[0].coding] == ["laboratory"]
    assert float(found.component[0].valueQuantity.value) == 0.4 and [note.text for note in found.note] == [
        "Before lunch", "150 mL orange juice", "Next reading in 4 hours"]

    def flag(record) -> str | None:
        interpretation = by_id[record.record_id].interpretation
        return interpretation[0].coding[0].code if interpretation else None

    # 0.52 g/L is 2.9 mmol/L, below 3: a level 2 hypo, critically low as LO.
    assert [flag(record) for record in (valued, lo, in_g, high, hi, normal)] == ["L", "LL", "LL", "H", "HH", None]
    absent = by_id[lo.record_id]
    assert (absent.valueQuantity.comparator, float(absent.valueQuantity.value), absent.valueQuantity.code) == (
        "<", 1.1, "mmol/L")
    assert [note.text for note in absent.note] == ["Meter showed LO (below what it measures)", "Glucagon 1 mg IM",
                                                   "No further check planned"]
    assert by_id[hi.record_id].valueQuantity.comparator == ">"
    typed = by_id[in_g.record_id]
    assert float(typed.valueQuantity.value) == 2.9 and typed.note[0].text == "As read on the meter: 0.52 g/L"


@pytest.mark.parametrize("glucose, flag", [(1.2, "LL"), (2.0, "LL"), (2.9, "LL"), (3.0, "L"), (3.9, "L")])
def test_a_level_2_hypo_typed_as_a_number_goes_critically_low_as_a_meters_lo(glucose, flag):
    """1.2 mmol/L is within a meter's range and as critical as its LO: it went "L", as 3.9 did."""
    from downtime.domain.glucose import Reading
    from downtime.sync.fhir_glucose import _interpretation

    assert _interpretation(Reading(glucose=glucose, lo=False, hi=False, ketones=None)) == flag


def test_a_ketone_meters_hi_is_charted_without_a_number_told_now_printed_and_exported_above_8(session_for, patient,
                                                                                              tmp_path):
    """R5 #6: a severe ketoacidosis, the ketone meter showing HI (above 8.0 mmol/L): 8.5 was refused
    and the nurse typed 8, a measured 8 on the chart, the handover and the export. Version 4 of the
    form asks what the ketone meter shows; a number typed with HI is not kept."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-28T13:00+01:00", "glucose": 25.0,
                                                      "ketones_reading": "hi", "ketones": 8.0}, patient_id=patient)
    assert saved.form_version >= 4 and "ketones" not in saved.data
    (found,) = glucose.chart(nurse.db, patient)
    assert found.signs == [Sign.KETONES_HIGH] and found.text("en") == "25 mmol/L, ketones HI"
    assert signs(reading({"reading": "hi", "ketones_reading": "hi"})) == [Sign.HYPEROSMOLAR, Sign.KETONES_HIGH]
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].startswith(
        "GLYCÉMIE : 25 mmol/L, cétonémie HI le 28/11 13:00 ; Cétonémie à 3 mmol/L ou plus, ou HI au lecteur de "
        "cétonémie : prévenir le médecin immédiatement")
    text = " ".join(PdfReader(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf")).pages[0]
                    .extract_text().split())
    print(text)
    assert "28/11 13:00 Night 25 mmol/L HI 1 hour" in text
    records.save_new(nurse, "blood_glucose", {**HOURLY, "taken_at": "2026-11-28T13:50+01:00", "glucose": 22.0},
                     patient_id=patient)
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "en")[1:] == [
        "Ketones HI at 28/11 13:00, not measured since: recheck them"]
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    (sent,) = [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
               if entry["resource"]["id"] == saved.record_id]
    ketones = sent.component[0].valueQuantity
    assert (ketones.comparator, float(ketones.value), ketones.code) == (">", 8.0, "mmol/L")


def test_ketones_typed_as_version_3_wrote_them_are_a_value(session_for, patient):
    """A reading of version 3 and older has no "Ketone meter shows": its ketones are a value, read,
    told and amended as before."""
    older = {**LOW, "ketones": 3.4}
    assert signs(reading(older)) == [Sign.HYPO, Sign.KETONES_HIGH]
    nurse = session_for("nurse")
    saved = records.save_imported(session_for("records"), "blood_glucose", older, patient,
                                  "6d1c5a0e-3b7f-4d2a-9c8e-1f0a2b3c4d5f")
    assert records.amend(nurse, saved.record_id, {**older, "ketones": 3.5}, "Misread").data["ketones"] == 3.5
    assert glucose.chart(nurse.db, patient)[-1].text("en") == "3.2 mmol/L, ketones 3.5 mmol/L"
