"""The handover sheet as the night nurse reads it: who is on oxygen and how much, and whose
target saturation is scale 2's; who is isolated for new loose stools; and, for a patient moved
from another ward, when they came onto this one, from where, and what that ward handed over."""

import re
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader
from reportlab.platypus import Spacer

from downtime.domain.bowels import isolated_since
from downtime.domain.census import Movement, MovementEvent, locate, moved_in_lately
from downtime.pdf import census as census_pdf
from downtime.services import printing, records, wards
from tests.test_bowels import LOOSE
from tests.test_observations import CALM, HIGH

T0 = datetime.fromisoformat("2026-11-28T08:00:00+01:00")


def _at(hours):
    return T0 + timedelta(hours=hours)


def _sheet(nurse, tmp_path, ward, lang):
    """The sheet's text, its words as they read across the lines a cell breaks them over."""
    out = printing.print_census(replace(nurse, lang=lang), tmp_path / f"census-{lang}.pdf", ward=ward)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))


def _admit(nurse, admission_values, given, bed, arrival_at="2026-11-28T09:00+01:00", **values):
    return records.save_new(nurse, "admission", {**admission_values, "nir": None, "given_names": given, "bed": bed,
                                                 "arrival_at": arrival_at, **values}).patient_id


# Oxygen

@pytest.fixture
def breathing(session_for, admission_values):
    """Ward 3B: Anne on 1.5 L/min of oxygen on scale 2 (hypercapnic), Paul on 2 L/min on scale 1,
    Jean on air (he had 4 L/min this morning; his latest set says air), Marc on air on scale 2,
    Zoé put on 3 L/min at 13:00 (a set short of its temperature: her risk still the 12:00 set's)."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3", "4", "5"])
    nurse = session_for("nurse")
    beds = {given: _admit(nurse, admission_values, given, bed)
            for bed, given in (("1", "Anne"), ("2", "Paul"), ("3", "Jean"), ("4", "Marc"), ("5", "Zoé"))}
    scale_2 = {"spo2_scale": "scale_2", "spo2": 90, "scale_2_prescribed_by": "Dr Benali",
               "scale_2_prescribed_at": "2026-11-28T09:30+01:00"}
    at_one = {**CALM, "taken_at": "2026-11-28T13:00+01:00"}
    doctor = session_for("doctor")  # the stay's first scale-2 set is the doctor's (observations.check_scale_2)
    records.save_new(doctor, "observations", {**at_one, **scale_2, "on_oxygen": True, "oxygen_flow": 1.5},
                     patient_id=beds["Anne"])
    records.save_new(nurse, "observations", {**at_one, "on_oxygen": True, "oxygen_flow": 2.0}, patient_id=beds["Paul"])
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T09:30+01:00", "on_oxygen": True,
                                             "oxygen_flow": 4.0}, patient_id=beds["Jean"])
    records.save_new(nurse, "observations", at_one, patient_id=beds["Jean"])
    records.save_new(doctor, "observations", {**at_one, **scale_2}, patient_id=beds["Marc"])
    records.save_new(nurse, "observations", HIGH, patient_id=beds["Zoé"])
    records.save_new(nurse, "observations", {**at_one, "temperature": None, "on_oxygen": True, "oxygen_flow": 3.0},
                     patient_id=beds["Zoé"])
    return nurse


@pytest.mark.parametrize("lang, said", [
    ("en", ["2 Low 28/11 13:00 O2 1.5 L/min; target 88–92 % For resuscitation",
            "2 Low 28/11 13:00 O2 2 L/min For resuscitation", "0 Low 28/11 13:00 target 88–92 % For resuscitation",
            "7 HIGH 28/11 12:00 O2 3 L/min"]),
    ("fr", ["2 Faible 28/11 13:00 O2 1,5 L/min ; cible 88–92 % RCP", "2 Faible 28/11 13:00 O2 2 L/min RCP",
            "0 Faible 28/11 13:00 cible 88–92 % RCP", "7 ÉLEVÉ 28/11 12:00 O2 3 L/min"]),
])
def test_the_news2_cell_says_who_is_on_oxygen_how_much_and_whose_target_is_88_to_92(breathing, tmp_path, lang, said):
    """The night nurse read a score alone: not who was on oxygen, at what flow, nor which
    hypercapnic patient to keep at 88–92 % rather than 94–98 %."""
    text = _sheet(breathing, tmp_path, "3B", lang)
    for line in said:
        assert line in text, line


@pytest.mark.parametrize("lang, calm", [("en", "0 Low 28/11 13:00 For resuscitation"),
                                        ("fr", "0 Faible 28/11 13:00 RCP")])
def test_a_patient_on_air_on_scale_1_reads_as_before_whatever_an_earlier_set_said(breathing, tmp_path, lang, calm):
    """Jean had 4 L/min this morning; his latest set says air: nothing is said of oxygen."""
    text = _sheet(breathing, tmp_path, "3B", lang)
    jean = text[text.index("Jean"):text.index("Marc")]
    assert calm in jean and "O2" not in jean and "4 L/min" not in text
    assert len(re.findall(r"\bO2 ", text)) == 3  # Anne's, Paul's and Zoé's


def test_the_scale_2_target_stays_on_the_sheet_while_the_doctors_prescription_stands(session_for, admission_values,
                                                                                      tmp_path):
    """The doctor charted scale 2 at 10:00; the nurse's set at 13:00, on air, was left on scale 1:
    the sheet said nothing of the 88–92 % target, and the nurse taking over could turn the oxygen
    up for 94–98 %."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1"])
    nurse = session_for("nurse")
    anne = _admit(nurse, admission_values, "Anne", "1")
    records.save_new(session_for("doctor"), "observations", {
        **CALM, "taken_at": "2026-11-28T10:00+01:00", "spo2": 90, "on_oxygen": True, "oxygen_flow": 1.0,
        "spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T09:30+01:00"},
        patient_id=anne)
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00", "spo2": 89}, patient_id=anne)
    assert "3 Low-medium 28/11 13:00 target 88–92 %" in _sheet(nurse, tmp_path, "3B", "en")


# Isolation for loose stools

def test_loose_stools_isolate_from_the_first_of_three_in_a_day_until_48_hours_clear():
    """The chart's own rule (three loose stools with no known cause within 24 hours) starts it;
    it ends 48 hours after the last loose stool once a formed stool followed it, not when a
    sample is sent."""
    few = [_at(1), _at(20), _at(26)]
    assert isolated_since(few, few, [], _at(27)) is None  # never three within a day
    loose = [_at(1), _at(20), _at(24.5)]
    formed = [_at(30)]
    assert isolated_since(loose, loose, formed, _at(24)) is None
    assert isolated_since(loose, loose, formed, _at(24.5)) == _at(1)
    assert isolated_since(loose, loose, formed, _at(24.5 + 47.9)) == _at(1)
    assert isolated_since(loose, loose, formed, _at(24.5 + 48)) is None
    # A loose stool within the 48 hours keeps it; after them, a lone one starts no new count.
    assert isolated_since([*loose, _at(60), _at(100)], [*loose, _at(60), _at(100)], formed, _at(100)) == _at(1)
    assert isolated_since([*loose, _at(80)], [*loose, _at(80)], formed, _at(80)) is None


@pytest.fixture
def loose_stools(session_for, admission_values):
    """Ward 3B: Anne (under contact precautions since admission: a resistant germ) three loose
    stools this morning; Paul two, and a third after a laxative (a known cause); Jean none."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3"])
    nurse = session_for("nurse")
    anne = _admit(nurse, admission_values, "Anne", "1", isolation="contact")
    paul = _admit(nurse, admission_values, "Paul", "2")
    _admit(nurse, admission_values, "Jean", "3")
    for hour in (9, 11, 12):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour:02d}:30+01:00"},
                         patient_id=anne)
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour:02d}:40+01:00",
                                                "known_cause": hour == 12}, patient_id=paul)
    return nurse, anne


@pytest.mark.parametrize("lang, isolated, contact, plain", [
    ("en", "For resuscitation Contact precautions Enteric (loose stools since 28/11) Admitted for:",
     "For resuscitation Contact precautions Admitted for:", "For resuscitation Admitted for:"),
    ("fr", "RCP en cas d’arrêt Précautions contact Contact + savon (selles non moulées depuis le 28/11) Motif :",
     "RCP en cas d’arrêt Précautions contact Motif :", "RCP en cas d’arrêt Motif :"),
])
def test_a_patient_isolated_for_loose_stools_reads_so_in_the_isolation_column(loose_stools, clock, tmp_path, lang,
                                                                              isolated, contact, plain):
    """The Isolation column gave the admission's answer alone: a patient isolated this morning
    for new diarrhoea read as not isolated. The admission's contact precautions stay beside it
    (another germ, another end); a sample sent does not end it, 48 hours clear do."""
    nurse, anne = loose_stools
    text = _sheet(nurse, tmp_path, "3B", lang)
    assert isolated in text
    assert text.count(plain) == 2  # Paul and Jean: nothing in the column
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T13:30+01:00", "sample_sent": True},
                     patient_id=anne)
    assert isolated in _sheet(nurse, tmp_path, "3B", lang)
    clock.advance(hours=47)  # 30/11 13:00, the last loose stool (the one sampled) 47 h 30 ago
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-29T10:00+01:00", "stool_type": "4"},
                     patient_id=anne)  # a formed stool
    assert isolated in _sheet(nurse, tmp_path, "3B", lang)
    clock.advance(hours=1)
    text = _sheet(nurse, tmp_path, "3B", lang)
    assert isolated not in text and contact in text


# A patient moved from another ward

def test_the_ward_a_patient_came_onto_is_kept_through_a_bed_change_within_it():
    admitted = MovementEvent("p", "a", Movement.ADMIT, _at(1), _at(1), "3B", "12")
    moved = MovementEvent("p", "t", Movement.TRANSFER, _at(5), _at(5), "4A", "2")
    bed_changed = MovementEvent("p", "b", Movement.TRANSFER, _at(7), _at(7), "4a", "3")
    assert (locate([admitted], _at(2)).arrived, locate([admitted], _at(2)).came_from) == (admitted, None)
    here = locate([admitted, moved, bed_changed])
    assert (here.bed, here.since, here.arrived, here.came_from) == ("3", _at(7), moved, "3B")
    assert moved_in_lately(here, _at(5 + 23.9)) and not moved_in_lately(here, _at(5 + 24))
    assert not moved_in_lately(locate([admitted]), _at(2))


@pytest.fixture
def moved(session_for, admission_values):
    """Ward 4A at 14:00 on 28/11: Anne, admitted to 3B on 26/11, moved here 23 h 30 ago with a
    handover note, then to another bed of 4A this morning; Paul, moved here 24 h 30 ago; Jean,
    admitted here this morning."""
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Medicine", ["1", "2"])
    wards.add_ward(admin, "4A", "Surgery", ["1", "2", "3", "4"])
    nurse = session_for("nurse")
    anne = _admit(nurse, admission_values, "Anne", "1", arrival_at="2026-11-26T09:00+01:00")
    paul = _admit(nurse, admission_values, "Paul", "2", arrival_at="2026-11-26T10:00+01:00")
    _admit(nurse, admission_values, "Jean", "3", arrival_at="2026-11-28T09:00+01:00", ward="4A")
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-27T14:30+01:00", "to_ward": "4A", "to_bed": "1",
                                         "reason": "Needs telemetry",
                                         "handover_notes": "Confused at night,\nbed rails up."}, patient_id=anne)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-27T13:30+01:00", "to_ward": "4A", "to_bed": "2",
                                         "reason": "Surgical opinion", "handover_notes": "Nil by mouth."},
                     patient_id=paul)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "4A", "to_bed": "4",
                                         "reason": "Side room free"}, patient_id=anne)
    return nurse


@pytest.mark.parametrize("lang, anne, paul, note, jean", [
    ("en", "Admitted 26/11 09:00 On ward 27/11 14:30 from 3B", "Admitted 26/11 10:00 On ward 27/11 13:30 from 3B",
     "MOVED FROM 3B 27/11 14:30: Needs telemetry; Confused at night, bed rails up.", "Identity: Validated (document seen) 28/11 09:00"),
    ("fr", "Entrée 26/11 09:00 Arrivée de 3B 27/11 14:30", "Entrée 26/11 10:00 Arrivée de 3B 27/11 13:30",
     "MUTATION DEPUIS 3B le 27/11 14:30 : Needs telemetry ; Confused at night, bed rails up.", "Identité : Validée (pièce vue) 28/11 09:00"),
])
def test_a_patient_moved_from_another_ward_reads_when_they_came_from_where_and_its_handover(moved, tmp_path, lang,
                                                                                          anne, paul, note, jean):
    """"Arrived" gave the hospital admission alone: Anne, moved from 3B yesterday, read as on 4A
    since 26/11, and what 3B handed over was on no sheet of 4A's. The note is that of the move
    onto the ward (not of her bed changed since), in the day after it: Paul's, older, is not."""
    text = _sheet(moved, tmp_path, "4A", lang)
    assert anne in text and paul in text and note in text
    assert "Side room free" not in text and "Nil by mouth" not in text and "Surgical opinion" not in text
    assert len(re.findall(r"(Admitted|Entrée) \d", text)) == 2
    assert re.search(rf"DT-[0-9-]+ {re.escape(jean)}", text)  # Jean, admitted here, reads as before


def test_a_space_between_tables_never_ends_the_sheet(breathing, tmp_path, monkeypatch):
    """A ward's last bed filling its page, the space after its table printed a blank page."""
    built = []
    monkeypatch.setattr(census_pdf, "build_pdf", lambda out, story, info: built.append(story) or out)
    printing.print_census(breathing, tmp_path / "census.pdf", ward="3B")
    printing.print_census(breathing, tmp_path / "census.pdf")
    assert built and all(not isinstance(story[-1], Spacer) for story in built)


# Red flag sepsis in French

def test_red_flag_sepsis_reads_as_the_tools_finding_in_french_not_as_the_old_severe_sepsis(patient, session_for,
                                                                                           tmp_path):
    """"SEPSIS GRAVE" is the name of a diagnosis Sepsis-3 dropped (sepsis with organ dysfunction):
    a French doctor read the handover's red flag sepsis as that, not as the hour's Sepsis Six."""
    from downtime.domain.sepsis import OUTCOMES, Outcome
    from downtime.services import sepsis
    from tests.test_sepsis import SCREEN

    nurse = session_for("nurse", "fr")
    records.save_new(nurse, "sepsis_screening", SCREEN, patient_id=patient)  # NEWS2 7 with an infection likely
    text = _sheet(nurse, tmp_path, "3B", "fr")
    assert "Dépistage du sepsis le 28/11 13:10 (NEWS2 7) : SEPSIS « DRAPEAU ROUGE »" in text
    said = [*sepsis.SHORT[Outcome.RED].values(), *OUTCOMES[Outcome.RED].values(), sepsis.SHORT[Outcome.LOW]["fr"],
            OUTCOMES[Outcome.LOW]["fr"], text]
    assert not [words for words in said if "grave" in words.lower() or "gravité" in words.lower()]


# A line longer than the rest of a page

NOTE_WORDS = 220
"""Each patient's handover notes in words: over half a page, under a whole one."""


@pytest.fixture
def long_notes(session_for, admission_values, monkeypatch):
    """Ward 3B: five patients whose charts say more than half a page each, a line of ten words
    each chart, each word its bed's ("b3w017"), so that whole, no two of their lines fit one page."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3", "4", "5"])
    nurse = session_for("nurse")
    beds = {str(bed): _admit(nurse, admission_values, "Anne", str(bed), birth_name=f"Patient{bed}", used_name="")
            for bed in range(1, 6)}
    notes = {patient: [" ".join(f"b{bed}w{word:03d}" for word in range(first, first + 10))
                       for first in range(0, NOTE_WORDS, 10)] for bed, patient in beds.items()}
    monkeypatch.setattr(printing, "_charted", lambda session, patients, at, children: notes)
    return nurse


@pytest.mark.parametrize("lang, continued", [("en", "(continued)"), ("fr", "(suite)")])
def test_a_line_too_long_for_the_rest_of_a_page_carries_on_over_the_next_under_its_patients_name(
        long_notes, tmp_path, lang, continued):
    """Moved whole onto the next page, each line left the page before it half empty: the French
    sheet of ward 3B ran to 11 pages. Cut across the page, it carries on under the band and
    headings, its patient's name, date of birth and downtime number given again over what is
    carried on, each page naming the patient of every line on it; nothing is lost or said twice,
    and no chart's line is cut across two pages."""
    rows = {row.bed: row.patient for row in printing.census(long_notes.db, long_notes.forms, ward="3B")}
    out = printing.print_census(replace(long_notes, lang=lang), tmp_path / f"census-{lang}.pdf", ward="3B")
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(out).pages]
    assert len(pages) < len(rows)  # whole, one line a page
    for page in pages:
        for bed in sorted(set(re.findall(r"\bb(\d)w\d{3}\b", page))):
            patient = rows[bed]
            assert patient.display_name in page and patient.downtime_number in page, (bed, page)
            assert page.count(patient.downtime_number) == 1
        assert ("Ward 3B" if lang == "en" else "Service 3B") in page
    assert sum(continued in page for page in pages) >= 2
    words = re.findall(r"\bb\dw\d{3}\b", " ".join(pages))
    assert sorted(words) == sorted(f"b{bed}w{word:03d}" for bed in rows for word in range(NOTE_WORDS))
    for bed in rows:
        for first in range(0, NOTE_WORDS, 10):
            chart = " ".join(f"b{bed}w{word:03d}" for word in range(first, first + 10))
            assert sum(chart in page for page in pages) == 1, chart


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_line_carried_on_over_a_page_gives_its_patients_allergies_and_resuscitation_status_again(
        long_notes, tmp_path, lang):
    """Page 2 of the French 3B sheet began "LAMBERT Gaëtan (suite)", his date of birth, number and
    the rest of his notes, under an empty Allergies column: handed that page alone, a nurse read a
    named patient, his care, and no allergy. Every page gives the allergies and resuscitation
    status of each patient whose line is on it."""
    rows = {row.bed: row.patient for row in printing.census(long_notes.db, long_notes.forms, ward="3B")}
    out = printing.print_census(replace(long_notes, lang=lang), tmp_path / f"census-{lang}.pdf", ward="3B")
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(out).pages]
    resuscitation = {"en": "For resuscitation", "fr": "RCP en cas d’arrêt"}[lang]
    for page in pages:
        beds = set(re.findall(r"\bb(\d)w\d{3}\b", page))
        assert page.count("Penicillin") == len(beds), page
        assert page.count(resuscitation) == len(beds), page
    assert len(rows) < sum(len(set(re.findall(r"\bb(\d)w\d{3}\b", page))) for page in pages)  # lines carried on


# Diet

@pytest.mark.parametrize(("lang", "said"), [
    ("en", "DIET: Nil by mouth — NBM from midnight for theatre (admission record)"),
    ("fr", "RÉGIME : À jeun — NBM from midnight for theatre (fiche d’admission)")])
def test_the_admissions_diet_is_on_the_sheet_nil_by_mouth_first(session_for, admission_values, clock, tmp_path, lang,
                                                                said):
    """Nil by mouth ticked on the admission was printed nowhere: the night nurse offered tea and
    toast to a patient fasting for theatre. A normal diet with no notes says nothing."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    _admit(nurse, admission_values, "Marie", "12", diet=["nil_by_mouth"], diet_notes="NBM from midnight for theatre")
    _admit(nurse, admission_values, "Anne", "13", diet=["diabetic", "gluten_free"])
    _admit(nurse, admission_values, "Lucie", "14", diet=["normal"])
    sheet = _sheet(nurse, tmp_path, "3B", lang)
    assert said in sheet
    assert ("Diet: Diabetic, Gluten free" if lang == "en" else "Régime : Diabétique, Sans gluten") in sheet
    assert sheet.count("Diet:" if lang == "en" else "Régime :") == 1
