"""The paper NEWS2 chart: each reading with its points, the total and band in words, French
labels, a blank chart with rows to write in and the scoring key over the page, and the downtime
binder."""

import json
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from downtime.pdf.news2 import news2_chart_pdf
from downtime.services import observations, printing, records, wards
from downtime.services.census import patient_with_location
from downtime.services.laptops import authors
from tests.conftest import death_answers

SETS = [{"taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
         "on_oxygen": False, "systolic_bp": 125, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
         "temperature": 36.8},
        {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
         "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
         "temperature": 38.3}]


def _text(path):
    """Each page's text; the pages drawing what one drew (a binder's copies of a form) read once."""
    read: dict[int, str] = {}
    pages = []
    for page in PdfReader(path).pages:
        drawing = page.raw_get("/Contents").idnum
        if drawing not in read:
            read[drawing] = re.sub(r"\s+", " ", page.extract_text())
        pages.append(read[drawing])
    return pages


def _charted(session_for, admission_values, lang="en"):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    for values in SETS:
        records.save_new(nurse, "observations", values, patient_id=patient)
    return nurse, patient


def test_the_chart_prints_each_reading_with_its_points_and_the_band_in_words(session_for, admission_values, tmp_path):
    nurse, patient = _charted(session_for, admission_values)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "NEWS2 observation chart" in page and "DT-042-" in page
    for reading in ("16 (0)", "22 (2)", "95 (1)", "105/70 (1)", "115 (2)", "38.3 (1)", "Air (0)", "A (0)"):
        assert reading in page, reading
    assert "28/11 08:00" in page and "28/11 12:00" in page
    assert "Low HIGH" in page
    assert "Response to the score that stands: NEWS2 7 — HIGH (28/11 12:00) Emergency response" in page
    assert nurse.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'print'").fetchone()[0] == 1


def test_a_set_on_oxygen_at_0_litres_prints_its_flow_as_the_screen_says_it(session_for, admission_values, tmp_path,
                                                                           monkeypatch):
    """A set saved before the form refused 0 L/min: the chart printed "O2 (2)", the screen and the
    handover "O2 0 L/min"."""
    nurse, patient = _charted(session_for, admission_values)
    monkeypatch.setattr(records, "validate", lambda *args, **kwargs: [])  # saved before the form's check
    records.save_new(nurse, "observations", {**SETS[1], "taken_at": "2026-11-28T13:00+01:00", "on_oxygen": True,
                                             "oxygen_flow": 0.0}, patient_id=patient)
    monkeypatch.undo()
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "O2 0 L/min (2)" in page


def test_the_chart_prints_in_french(session_for, admission_values, tmp_path):
    nurse, patient = _charted(session_for, admission_values, lang="fr")
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "Feuille de surveillance NEWS2" in page and "Fréq. respiratoire" in page
    assert "Conduite à tenir selon le score retenu : NEWS2 7 — ÉLEVÉ (28/11 12:00)" in page
    assert "Réponse d’urgence" in page
    assert "Faible ÉLEVÉ" in page and "NEWS2 7 — ÉLEVÉ" in page and "HIGH" not in page
    assert "38,3 (1)" in page and "36,8 (0)" in page and "38.3" not in page   # as a French ward writes it


@pytest.mark.parametrize("lang, words, not_words", [
    ("en", ("Scoring key (RCP NEWS2)", "Respiration rate", "Oxygen", "Alert", "Response to the NEWS2 score (RCP)",
            "3 in any one parameter", "7 or more", "Emergency response"), ()),
    ("fr", ("Barème (NEWS2, RCP)", "Fréq. respiratoire", "Oxygène", "Alerte", "PA systolique", "Pouls",
            "Conduite à tenir selon le score NEWS2 (RCP)", "3 dans un seul paramètre", "7 ou plus", "Réponse d’urgence"),
     ("Respiration rate", "Consciousness", "Oxygen", "Pulse", "Temperature"))])
def test_the_blank_charts_second_page_holds_the_scoring_key_and_the_response_to_each_score(forms,
        tmp_path, clock, lang, words, not_words):
    """Under the label box a sticky label needs (see test_pdf_forms), in the ward's language; the
    first page says where they are."""
    path = printing.blank_news2_chart(forms, tmp_path / "blank.pdf", lang=lang, printed_by="Nurse", printed_at=clock(),
                                      device_name="Ward 3B laptop")
    grid, key = _text(path)
    temperatures = ("36.1–38.0", "≥39.1") if lang == "en" else ("36,1–38,0", "≥39,1")
    for band in ("≤8", "21–24", "≥25", "88–92 / ≥93 air", "≥97 O2", "111–219", "≥131", *temperatures, *words):
        assert band in key, band
    for word in not_words:
        assert word not in key, word
    assert {"en": "over the page", "fr": "au verso"}[lang] in grid


def _label_heights(page) -> dict[str, float]:
    """Where each line of text sits on the page, by its text (its baseline's height)."""
    found: dict[str, float] = {}
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: found.setdefault(
        text.strip(), cm[5] + tm[5] * cm[3]) if text.strip() else None)
    return found


def test_the_blank_charts_rows_are_tall_enough_to_write_in(forms, tmp_path, clock):
    """Its rows were 5.5 mm, too small to write a reading in by hand: each is now taller than a
    blank form's writing line (9 mm), the date and time a line each."""
    path = printing.blank_news2_chart(forms, tmp_path / "blank.pdf", lang="en", printed_by="Nurse", printed_at=clock(),
                                      device_name="Ward 3B laptop")
    heights = _label_heights(PdfReader(path).pages[0])
    rows = ["Respiration rate /min", "SpO2 scale 1 %", "Air or oxygen", "Systolic BP mmHg", "Pulse /min",
            "Consciousness (ACVPU)", "Temperature °C", "NEWS2 total", "Clinical risk", "Recorded by"]
    gaps = [heights[above] - heights[below] for above, below in zip(rows, rows[1:]) if above != "SpO2 scale 1 %"]
    assert min(gaps) >= 9 * mm, [round(gap / mm, 1) for gap in gaps]
    assert heights["__/__"] - heights["__:__"] >= 4.5 * mm


def test_the_binder_holds_every_blank_form_a_ward_needs_for_eight_hours(forms, tmp_path, clock):
    path = printing.binder(forms, tmp_path / "binder.pdf", lang="en", printed_by="Nurse", printed_at=clock(),
                           device_name="Ward 3B laptop")
    assert path.stat().st_size < 4_000_000, "a form's copies draw it once: each read anew was 14 MB to print"
    reader = PdfReader(path)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert list(outline) == [
        "Downtime admission record × 4", "Medication chart (MAR) × 4", "NEWS2 observation chart × 30",
        "Internal transfer × 4", "Discharge × 6", "Transfer to another hospital — handover × 2", "Death × 1",
        "Theatre session × 1", "Operation booking × 2", "Operation cancellation × 4", "Operation rebooking × 2",
        "Operation done × 4", "Surgical safety checklist × 4", "Clinical note × 30", "Fluid balance chart × 10",
        "Neurological observation chart (GCS) × 4", "Blood glucose monitoring chart × 8",
        "Blood transfusion record × 3", "Laboratory results received (ward log) × 2",
        "Repositioning and skin chart × 8", "Pressure ulcer risk (Braden scale) × 4",
        "Wound assessment and dressing chart × 4", "Line and catheter chart × 20", "Pain assessment chart × 10",
        "Bowel chart (Bristol stool scale) × 8", "Paediatric observation chart (PEWS) × 4",
        "Nutrition screening (MUST) × 4", "Weight × 4", "Delirium screening (4AT) × 4",
        "Inpatient fall × 2", "Falls-risk assessment (multifactorial) × 4", "Patient missing from the ward × 2", "Bedside swallow screen × 4",
        "Mental capacity assessment (MCA 2005) and best-interests decision × 2", "Safeguarding concern (adult or child) × 2",
        "Alcohol withdrawal chart (CIWA-Ar) × 12", "Enhanced care: observation level and log × 2",
            "Enhanced care: observation log × 2", "Sepsis screening and Sepsis Six × 3", "VTE risk assessment × 6",
        "Medicines reconciliation × 4"]
    pages = _text(path)
    news2 = outline["NEWS2 observation chart × 30"]
    assert all("NEWS2 observation chart (blank)" in page for page in pages[news2:news2 + 30])
    assert "Internal transfer" in pages[outline["Internal transfer × 4"]]
    done = pages[outline["Operation done × 4"]]
    assert "Operation done" in done and "Theatre" in done
    assert "theatre clash" not in done, "asked of a record typed over the app's warning, not on paper"
    fluid = outline["Fluid balance chart × 10"]
    assert all("Fluid balance chart (blank)" in page for page in pages[fluid:fluid + 10])
    gcs = outline["Neurological observation chart (GCS) × 4"]
    assert all("Neurological observation chart (GCS, blank)" in page for page in pages[gcs:gcs + 8])
    sugar = outline["Blood glucose monitoring chart × 8"]
    assert all("Blood glucose monitoring chart (blank)" in page for page in pages[sugar:sugar + 8])
    blood = outline["Blood transfusion record × 3"]
    assert all("Blood transfusion record (blank)" in page for page in pages[blood:blood + 3])
    results = outline["Laboratory results received (ward log) × 2"]
    assert all("Laboratory results received: ward log (blank)" in page for page in pages[results:results + 2])
    turns = outline["Repositioning and skin chart × 8"]
    assert all("Repositioning and skin chart (blank)" in page for page in pages[turns:turns + 8])
    risk = outline["Pressure ulcer risk (Braden scale) × 4"]
    assert all("Braden" in page for page in pages[risk:risk + 4])
    wounds = outline["Wound assessment and dressing chart × 4"]
    assert all("Wound assessment and dressing chart (blank)" in page for page in pages[wounds:wounds + 4])
    lines = outline["Line and catheter chart × 20"]
    assert all("Line and catheter chart (blank)" in page for page in pages[lines:lines + 20])
    pain = outline["Pain assessment chart × 10"]
    assert all("Pain assessment chart (blank)" in page for page in pages[pain:pain + 10])
    stools = outline["Bowel chart (Bristol stool scale) × 8"]
    assert all("Bowel chart (Bristol stool scale, blank)" in page for page in pages[stools:stools + 8])
    children = outline["Paediatric observation chart (PEWS) × 4"]
    assert all("Paediatric observation chart (PEWS, blank)" in page for page in pages[children:children + 4])
    screening = outline["Nutrition screening (MUST) × 4"]
    assert all("Malnutrition Universal Screening Tool" in page for page in pages[screening:screening + 4])
    delirium = outline["Delirium screening (4AT) × 4"]
    assert all("months of the year backwards" in page for page in pages[delirium:delirium + 4])
    fell = outline["Inpatient fall × 2"]
    assert all("Signs of a fracture or spinal injury" in page for page in pages[fell:fell + 2])
    vte = outline["VTE risk assessment × 6"]
    assert all("Platelets under 75" in page for page in pages[vte:vte + 6])
    reconciled = outline["Medicines reconciliation × 4"]
    assert reconciled == vte + 6 and len(pages) == reconciled + 8, "two pages each"
    assert all("Medicines reconciliation" in page for page in pages[reconciled:reconciled + 8:2])


# The forms written on a chart of the binder rather than on a form of their own.
ON_CHARTS = {"medication_order": "mar", "medication_administration": "mar", "infusion_rate": "mar", "infusion_check": "mar",
             "observations": "news2",
             "fluid_balance": "fluid", "neuro_observations": "neuro", "blood_glucose": "glucose",
             "blood_transfusion": "transfusion", "transfusion_end": "transfusion", "blood_order": "transfusion",
             "lab_result": "lab_results", "lab_request": "lab_results", "fluid_plan": "fluid", "observation_plan": "news2",
             "repositioning": "repositioning", "wound_care": "wounds", "device_check": "devices", "bowel_chart": "bowels",
             "paediatric_observations": "pews",
             "pain_assessment": "pain"}


def test_every_form_is_in_the_binder_or_on_a_chart_that_is(forms):
    """The binder predated "Operation done" and nothing asked that it hold a new form: an
    operation done on paper had no form to write it on (nor a theatre list added)."""
    binder = {what for what, _ in printing.BINDER}
    assert {form_id: ON_CHARTS.get(form_id, form_id) for form_id in forms
            if ON_CHARTS.get(form_id, form_id) not in binder} == {}


def test_a_french_binder_names_each_form_in_french(forms, tmp_path, clock):
    """The French binder's bookmarks gave its drug and observation charts in English."""
    path = printing.binder(forms, tmp_path / "binder.pdf", lang="fr", printed_by="Infirmière", printed_at=clock(),
                           device_name="Ward 3B laptop")
    titles = [item.title for item in PdfReader(path).outline]
    assert titles[:3] == ["Fiche d’admission en procédure dégradée × 4", "Plan d’administration des médicaments × 4",
                          "Feuille de surveillance NEWS2 × 30"]


RECHECK = {"taken_at": "2026-11-28T12:30+01:00", "spo2_scale": "scale_1", "on_oxygen": False, "temperature": 37.9}


def test_an_incomplete_total_is_explained_and_never_answered_with_the_low_response(
        session_for, admission_values, tmp_path):
    nurse, patient = _charted(session_for, admission_values)
    records.save_new(nurse, "observations", RECHECK, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "0*" in page
    assert "* incomplete set: a row was not measured; the total can only underestimate the risk." in page
    assert "judged by the last complete set (NEWS2 7 — HIGH at 28/11 12:00)" in page
    assert "Emergency response" in page and "12-hourly" not in page


def test_the_incomplete_key_prints_in_french(session_for, admission_values, tmp_path):
    nurse, patient = _charted(session_for, admission_values, lang="fr")
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "* série incomplète : un paramètre n’a pas été mesuré" in page and "incomplete set" not in page


def test_the_patients_chart_carries_the_scoring_key_for_its_empty_columns(session_for, admission_values, tmp_path):
    """Its empty columns are filled by hand when the laptop is away; nothing scored them."""
    nurse, patient = _charted(session_for, admission_values)
    text = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "Scoring key (RCP NEWS2)" in text and "36.1–38.0" in text


def test_each_saturation_is_written_in_its_own_scales_row_as_on_the_rcp_chart(session_for, admission_values, tmp_path):
    """The chart had one SpO2 row: a scale 2 reading read "88 (sc. 2)" there, and on the blank
    chart a saturation written by hand said nothing of the key that scores it."""
    nurse, patient = _charted(session_for, admission_values)
    records.save_new(session_for("doctor"), "observations", {**SETS[0], "taken_at": "2026-11-28T13:00+01:00",
                                                             "spo2": 88, **SCALE_2}, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert re.search(r"SpO2 scale 1 % 97 \(0\) 95 \(1\) SpO2 scale 2 % \(if prescribed\).* 88 \(0\) Air or oxygen", page)


SCALE_2 = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T09:30+01:00"}


@pytest.mark.parametrize("lang, words", [("en", "prescribed by Dr Benali on 28/11/2026 09:30"),
                                         ("fr", "prescrite par Dr Benali le 28/11/2026 09:30")])
def test_the_scale_2_row_names_who_prescribed_it_and_when(session_for, admission_values, tmp_path, lang, words):
    """The RCP chart's scale 2 is used only as prescribed: the chart printed its readings and
    never who decided it, so a nurse taking over could not tell a prescription from a slip."""
    nurse, patient = _charted(session_for, admission_values, lang)
    # The stay's first scale-2 set is the doctor's (observations.check_scale_2); the nurse's follows it.
    for hour, author in (("13", session_for("doctor", lang)), ("14", nurse)):
        records.save_new(author, "observations", {**SETS[0], "taken_at": f"2026-11-28T{hour}:00+01:00", "spo2": 88,
                                                  **SCALE_2}, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert page.count(words) == 1


@pytest.mark.parametrize("lang, words", [("en", "prescribed by ______"), ("fr", "prescrite par ______")])
def test_the_blank_chart_asks_who_prescribed_scale_2_and_when(forms, tmp_path, clock, lang, words):
    path = printing.blank_news2_chart(forms, tmp_path / "blank.pdf", lang=lang, printed_by="Nurse", printed_at=clock(),
                                      device_name="Ward 3B laptop")
    page = _text(path)[0]  # the grid; the key is over the page
    assert words in page and "__/__ __:__" in page


def test_an_oxygen_flow_is_printed_with_its_unit(session_for, admission_values, tmp_path):
    """"O2 2 (2)": two litres a minute, or 2 %, or the points? The chart now says "O2 2 L/min (2)"."""
    nurse, patient = _charted(session_for, admission_values, lang="fr")
    records.save_new(nurse, "observations", {**SETS[1], "taken_at": "2026-11-28T13:00+01:00", "on_oxygen": True,
                                             "oxygen_flow": 2.5}, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "O2 2,5 L/min (2)" in page


def test_the_chart_names_who_recorded_each_set(session_for, admission_values, tmp_path):
    """Its last row gave the staff ID alone ("nurse"), a sign-in, not someone to find on the ward."""
    nurse, patient = _charted(session_for, admission_values)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "Recorded by Hélène Lefèvre (nurse) Hélène Lefèvre (nurse)" in page


def test_the_chart_says_where_the_patient_is_or_that_they_died(session_for, admission_values, tmp_path):
    """The chart's box named the patient and nothing of their ward or bed, and a dead patient's
    chart read as a live one's; it says both now, as the MAR does."""
    nurse, patient = _charted(session_for, admission_values)
    assert all("Ward 3B — Bed 12" in page for page in _text(printing.print_news2_chart(nurse, patient, tmp_path / "in.pdf")))
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                      "expected": False, "family_informed": True}, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "died.pdf")))
    assert "DECEASED — was in ward 3B, bed 12" in page and "Ward 3B — Bed 12" not in page


def test_two_sets_in_the_hour_the_clocks_go_back_are_told_apart(session_for, admission_values, clock, tmp_path):
    """A set at 02:30 summer time and one an hour later, 02:30 winter time: both columns read
    "25/10 02:30", the second one seemingly the same set or the first. Each gives its offset, as
    the app asks it typed."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    clock.now = datetime(2026, 10, 25, 4, 0, tzinfo=ZoneInfo("Europe/Paris"))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-10-24T09:00+02:00"}).patient_id
    for taken_at in ("2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00"):
        records.save_new(nurse, "observations", {**SETS[0], "taken_at": taken_at}, patient_id=patient)
    page = " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf")))
    assert "25/10 02:30 +02:00" in page and "25/10 02:30 +01:00" in page
    assert "(25/10 02:30 +01:00)" in page, "the score that stands, the later one"


def _dnacpr(nurse, patient):
    """The doctor's decision not to resuscitate, recorded by amending the admission."""
    row = nurse.db.execute("SELECT record_id, data FROM current_records WHERE form_id = 'admission' AND patient_id = ?",
                           [patient]).fetchone()
    data = json.loads(row[1])
    records.amend(nurse, row[0], {**data, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
                                  "resuscitation_decided_at": "2026-11-28T10:00+01:00"},
                  "Decision of Dr Benali with the family")


@pytest.mark.parametrize(("lang", "said"), [("en", "NOT FOR RESUSCITATION (DNACPR)"),
                                            ("fr", "PAS DE RCP EN CAS D’ARRÊT (DNACPR)")])
def test_the_chart_of_a_patient_not_for_resuscitation_says_so(session_for, admission_values, tmp_path, lang, said):
    """The 03:00 nurse escalating from the bedside paper called outreach: neither the chart nor
    its box said DNACPR, which the census, the banner and the escalation list said."""
    nurse, patient = _charted(session_for, admission_values, lang)
    assert said not in " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "full.pdf")))
    _dnacpr(nurse, patient)
    assert said in " ".join(_text(printing.print_news2_chart(nurse, patient, tmp_path / "dnacpr.pdf")))


def test_the_chart_gives_the_plan_standing_and_its_response_instead_of_the_rcps(session_for, admission_values,
                                                                                tmp_path, clock):
    nurse, patient = _charted(session_for, admission_values)
    records.save_new(nurse, "observation_plan", {"decided_at": "2026-11-28T13:00+01:00", "decided_by": "Dr Benali",
                                                 "escalation": "ward_ceiling", "frequency": "four_hourly"},
                     patient_id=patient)
    found = patient_with_location(nurse.db, nurse.forms, patient)
    plan = observations.plans(nurse.db, [found], clock()).get(patient)
    news2_chart_pdf(found, observations.chart(nurse.db, found), nurse.form(observations.FORM), tmp_path / "plan.pdf",
                    authors=authors(nurse), laptops={}, lang="en", printed_by="Nurse", printed_at=clock(),
                    device_name="Ward 3B laptop", plan=plan)
    page = " ".join(_text(tmp_path / "plan.pdf"))
    assert page.count("Ward-based care, not for ICU (Dr Benali, 28/11 13:00)") == 2
    assert "observations every 4 hours" in page and "Urgent ward-based response" not in page


def test_the_blank_chart_has_a_box_for_the_doctors_plan(forms, tmp_path, clock):
    path = printing.blank_news2_chart(forms, tmp_path / "blank.pdf", lang="en", printed_by="Nurse", printed_at=clock(),
                                      device_name="Ward 3B laptop")
    grid, _ = _text(path)
    assert "Observation and escalation plan:" in grid and "comfort care only (end of life)" in grid
    assert "decided by (doctor)" in grid


@pytest.mark.parametrize(("lang", "heading", "ends"), [
    ("en", "Response to the score that stands", "observations every 4 hours"),
    ("fr", "Conduite à tenir selon le score retenu", "toutes les 4 heures")])
@pytest.mark.parametrize("dnacpr", [False, True])
def test_the_response_to_the_score_stays_whole_on_the_grids_page_under_a_dnacpr_and_a_plan(
        session_for, admission_values, tmp_path, lang, heading, ends, dnacpr):
    """A chart pinned at the bed is read one page at a time: the DNACPR and the doctor's plan
    printed over the sets, and the plan's words in the response, sent the response (or its end,
    the plan's frequency) over the page, away from the grid it answers."""
    nurse, patient = _charted(session_for, admission_values, lang)
    doctor = "Dr Anne-Sophie Van der Berghe-Delacroix"
    if dnacpr:
        row = nurse.db.execute("SELECT record_id, data FROM current_records WHERE form_id = 'admission' "
                               "AND patient_id = ?", [patient]).fetchone()
        records.amend(nurse, row[0], {**json.loads(row[1]), "resuscitation": "dnacpr",
                                      "resuscitation_decided_by": doctor,
                                      "resuscitation_decided_at": "2026-11-28T10:00+01:00"}, "Decided with family")
    records.save_new(nurse, "observation_plan", {"decided_at": "2026-11-28T13:00+01:00", "decided_by": doctor,
                                                 "escalation": "ward_ceiling", "frequency": "four_hourly"},
                     patient_id=patient)
    grid_page = _text(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf"))[0]
    assert "28/11 12:00" in grid_page and heading in grid_page
    assert ends in grid_page.split(heading)[1]
