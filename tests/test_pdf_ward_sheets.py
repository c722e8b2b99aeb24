"""Census sheet and ID labels read back from the PDF."""

import re

import pytest
from pypdf import PdfReader

from downtime.pdf import labels as labels_module
from downtime.pdf import page
from downtime.services import printing, records, settings, wards
from downtime.services.errors import PermissionDenied, ServiceError


@pytest.fixture
def ward(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 31)])
    nurse = session_for("nurse")
    for bed in range(1, 26):
        records.save_new(nurse, "admission", {**admission_values, "bed": str(bed),
                                              "birth_name": f"Patient{bed:02d}", "used_name": ""})
    return nurse


def test_census_lists_every_occupied_bed_on_landscape_pages(ward, tmp_path):
    out = printing.print_census(ward, tmp_path / "census.pdf", ward="3B")
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    text = " ".join(p.extract_text() for p in reader.pages)
    for bed in range(1, 26):
        assert f"PATIENT{bed:02d} Hélène Marie" in re.sub(r"\s+", " ", text)
    assert "25 patient(s), 5 empty bed(s)" in text
    pages = len(reader.pages)
    for number, p in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in p.extract_text()


@pytest.mark.parametrize("lang, alert", [("en", "SAME NAME: bed"), ("fr", "MÊME NOM : lit")])
def test_the_census_points_out_patients_of_the_ward_sharing_a_family_name(ward, admission_values, tmp_path,
                                                                          lang, alert):
    """Two PATIENT03 on the ward (and their handover sheet silent about it): a dose, a label or a
    transfer goes to the wrong one."""
    from dataclasses import replace

    records.save_new(ward, "admission", {**admission_values, "bed": "26", "birth_name": "Patient03",
                                         "used_name": "", "given_names": "Paul", "nir": None})
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(printing.print_census(
        replace(ward, lang=lang), tmp_path / "census.pdf", ward="3B")).pages))
    assert f"PATIENT03 Hélène Marie {alert} 26" in text and f"PATIENT03 Paul {alert} 3" in text
    assert text.count(alert) == 2


def test_labels_carry_both_identifiers_a_code128_and_a_qr(ward, tmp_path, monkeypatch):
    coded: list[str] = []
    real = page.barcode
    monkeypatch.setattr(page, "barcode", lambda value, *size: coded.append(value) or real(value, *size))
    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    out = printing.print_labels(ward, patient.patient_id, tmp_path / "labels.pdf")
    text = PdfReader(out).pages[0].extract_text()
    assert patient.display_name in text and "12-Mar-1954" in text and patient.downtime_number in text
    assert coded == [patient.downtime_number] * 21


def test_the_qr_code_scans_to_the_downtime_number_which_finds_the_patient(ward, tmp_path, monkeypatch):
    """A wristband's QR read by a keyboard scanner into Find types its whole content: it held
    "DT1|DT-042-00001-8|MARTIN Hélène…|1954-03-12|female|", which found nobody."""
    from downtime.services import search

    scanned: list[str] = []
    real = labels_module.QrCodeWidget
    monkeypatch.setattr(labels_module, "QrCodeWidget", lambda value, **kw: scanned.append(value) or real(value, **kw))
    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    printing.print_labels(ward, patient.patient_id, tmp_path / "labels.pdf", count=2)
    assert scanned == [patient.downtime_number] * 2
    assert [found.patient_id for found in search.search(ward.db, ward.forms, scanned[0])] == [patient.patient_id]


@pytest.mark.parametrize("stock, per_sheet", [("L7159", 24), ("L7160", 21), ("L7163", 14), ("wristband", 1)])
def test_label_stock_is_a_setting(ward, session_for, tmp_path, stock, per_sheet, monkeypatch):
    coded: list[str] = []
    real = page.barcode
    monkeypatch.setattr(page, "barcode", lambda value, *size: coded.append(value) or real(value, *size))
    settings.set_label_stock(session_for("admin"), stock)
    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    printing.print_labels(ward, patient.patient_id, tmp_path / "l.pdf")
    assert len(coded) == per_sheet


def _drawn(monkeypatch):
    """Each barcode drawn, as (its bars, left, bottom), and each QR code's (left, bottom)."""
    bars, squares = [], []
    real_bars, real_square = page.Barcode.drawOn, labels_module.renderPDF.draw
    monkeypatch.setattr(page.Barcode, "drawOn", lambda code, c, x, y, *rest: bars.append((code, x, y)) or real_bars(
        code, c, x, y, *rest))
    monkeypatch.setattr(labels_module.renderPDF, "draw", lambda drawing, c, x, y, *rest: squares.append((x, y)) or
                        real_square(drawing, c, x, y, *rest))
    return bars, squares


def _inside(stock, bars, squares, top):
    """The first label's barcode (the sheet's top left) with bars of at least 0.25 mm, its quiet
    zones inside the label, and clear of its QR codes."""
    code, x, y = bars[0]
    left, bottom = stock.left, top - stock.top - stock.height
    assert code.module >= page.SMALLEST_MODULE
    quiet = page.QUIET * code.module
    assert left <= x - quiet and x + code.width + quiet <= left + stock.width
    assert bottom <= y and y + code.height <= bottom + stock.height
    for square_x, square_y in squares:
        if left <= square_x < left + stock.width and bottom <= square_y < bottom + stock.height:
            assert x + code.width + quiet <= square_x or y + code.height < square_y, (x, y, square_x, square_y)


@pytest.mark.parametrize("stock", ["L7159", "L7160", "L7163", "wristband"])
def test_label_barcodes_have_bars_a_bedside_scanner_reads(ward, session_for, tmp_path, monkeypatch, stock):
    """Every label's and band's Code128 had reportlab's 0.19 mm bars and no quiet zone, though a
    band curved round a wrist, a thermal or worn insert, needs 0.25 mm: on L7163 and the band the
    column beside the QR code has room for them; on L7159 and L7160 the bars run across the label
    under the QR code, which goes to the label's top."""
    settings.set_label_stock(session_for("admin"), stock)
    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    bars, squares = _drawn(monkeypatch)
    out = printing.print_labels(ward, patient.patient_id, tmp_path / "l.pdf")
    assert {code.code.value for code, _, _ in bars} == {patient.downtime_number}
    _inside(labels_module.STOCKS[stock], bars, squares, float(PdfReader(out).pages[0].mediabox.top))


@pytest.mark.parametrize("stock", ["L7159", "L7160", "L7163"])
def test_paper_number_labels_have_bars_a_bedside_scanner_reads(session_for, tmp_path, monkeypatch, stock):
    settings.set_label_stock(session_for("admin"), stock)
    bars, squares = _drawn(monkeypatch)
    out, numbers = printing.print_paper_numbers(session_for("nurse"), tmp_path / "paper.pdf", 2)
    assert [code.code.value for code, _, _ in bars] == numbers
    _inside(labels_module.STOCKS[stock], bars, squares, float(PdfReader(out).pages[0].mediabox.top))


def test_only_administrators_change_the_label_stock(session_for):
    with pytest.raises(PermissionDenied):
        settings.set_label_stock(session_for("nurse"), "L7159")
    with pytest.raises(ServiceError, match="one of"):
        settings.set_label_stock(session_for("admin"), "A4-plain")


def test_a_label_stock_typed_in_lower_case_is_the_stock(session_for):
    """`downtime set label-stock l7163`, as the box's label reads, was refused."""
    admin = session_for("admin")
    settings.set_label_stock(admin, " l7163 ")
    settings.set_label_stock(admin, "WRISTBAND")
    assert settings.get(admin.db, "label_stock") == "wristband"
    settings.set_label_stock(admin, "l7163")
    assert settings.get(admin.db, "label_stock") == "L7163"


def test_the_census_prints_its_answers_in_the_wards_language(ward, tmp_path):
    """A French ward read "Full" for resuscitation and the codes of identity and isolation."""
    from dataclasses import replace

    text = " ".join(page.extract_text() for page in PdfReader(printing.print_census(
        replace(ward, lang="fr"), tmp_path / "census.pdf", ward="3B")).pages)
    flat = re.sub(r"\s+", " ", text)
    assert "RCP en cas d’arrêt" in flat and "Validée (pièce vue)" in flat
    assert not re.search(r"\b(Full|provisional|validated|droplet|contact)\b", flat)


@pytest.mark.parametrize("lang, said", [("en", "Admitted for:"), ("fr", "Motif :")])
def test_the_census_gives_each_patients_reason_for_admission_over_their_handover_notes(ward, admission_values,
                                                                                       tmp_path, lang, said):
    """A nurse taking over a ward from the sheet had each bed's name, allergies and NEWS2 and no
    reason for any. A long one is cut to about three lines, the rest of the cell left to write
    in: the admission holds it whole."""
    from dataclasses import replace

    from downtime.pdf.census import REASON_CHARACTERS

    long = ("Community-acquired pneumonia, right lower lobe, CURB-65 score 3 on arrival; background of COPD "
            "on home oxygen 2 L/min, type 2 diabetes on insulin, chronic kidney disease stage 3b. "
            "Daughter is the main carer.")
    records.save_new(ward, "admission", {**admission_values, "bed": "26", "birth_name": "Longreason",
                                         "used_name": "", "nir": None, "reason": long})
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(printing.print_census(
        replace(ward, lang=lang), tmp_path / "census.pdf", ward="3B")).pages)).replace("- ", "-")
    assert text.count(f"{said} Fall at home, suspected hip fracture.") == 25
    assert f"{said} Community-acquired pneumonia, right lower lobe" in text
    assert "Daughter is the main carer" not in text and "CURB-65 score 3 on arrival; background of COPD on home …" in text
    assert len(long) > REASON_CHARACTERS


@pytest.mark.parametrize("lang, said, unnamed", [("en", "Interpreter: Portuguese", "Interpreter needed"),
                                                ("fr", "Interprète : Portuguese", "Interprète nécessaire")])
def test_the_census_says_under_a_patients_name_that_an_interpreter_is_needed(ward, admission_values, tmp_path, lang,
                                                                             said, unnamed):
    from dataclasses import replace

    records.save_new(ward, "admission", {**admission_values, "bed": "26", "birth_name": "Silva", "used_name": "",
                                         "nir": None, "language": "Portuguese", "interpreter_needed": True})
    records.save_new(ward, "admission", {**admission_values, "bed": "27", "birth_name": "Roux", "used_name": "",
                                         "nir": None, "interpreter_needed": True})
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(printing.print_census(
        replace(ward, lang=lang), tmp_path / "census.pdf", ward="3B")).pages))
    assert f"SILVA Hélène Marie {said}" in text and f"ROUX Hélène Marie {unnamed}" in text
    assert text.count(said) == 1 and text.count(unnamed) == 1


@pytest.mark.parametrize("stock", ["L7159", "L7160", "L7163", "wristband"])
def test_twins_labels_print_each_whole_name(session_for, admission_values, tmp_path, stock):
    """Twins born the same day, "Marie Anne Louise" and "Marie Anne Lucie": the name was cut to
    fit one line, and both sheets read "DUPONT-MARTIN Marie Anne …", 01-May-1990, F."""
    nurse = session_for("nurse")
    texts = []
    for bed, given in (("1", "Marie Anne Louise"), ("2", "Marie Anne Lucie")):
        twin = records.save_new(nurse, "admission", {
            **admission_values, "bed": bed, "birth_name": "Dupont-Martin", "used_name": "Montmorency-Laval",
            "given_names": given, "birth_date": "1990-05-01"}).patient_id
        out = printing.print_labels(nurse, twin, tmp_path / f"{bed}.pdf", count=1, stock=stock)
        texts.append(re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text()))
    for text, given in zip(texts, ("Marie Anne Louise", "Marie Anne Lucie")):
        assert f"MONTMORENCY-LAVAL {given} (née DUPONT-MARTIN)" in text.replace("- ", "-")
        assert "…" not in text


@pytest.mark.parametrize("name", ["L7159", "L7160", "L7163"])
def test_avery_sheets_labels_sit_where_the_sheet_has_them(name):
    """Avery's A4 sheets are centred: the same margin left and right, top and bottom. L7159's
    left margin was 6.45 mm where Avery (and L7160 beside it) has 7.2 mm: every label printed
    0.8 mm left of its sticker."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    stock = labels_module.STOCKS[name]
    right = A4[0] - stock.left - (stock.columns - 1) * stock.pitch_x - stock.width
    bottom = A4[1] - stock.top - (stock.rows - 1) * stock.pitch_y - stock.height
    assert abs(right - stock.left) < 0.2 * mm and abs(bottom - stock.top) < 0.2 * mm


def test_a_french_label_tells_june_from_july():
    """The French labels gave juin and juillet as "Jun" and "Jul", English abbreviations a
    French nurse reads as the same "Ju…" month: a date of birth, an identifier, misread by one."""
    from datetime import date
    from types import SimpleNamespace

    from downtime.pdf.page import MONTHS, birth_date_label

    def born(day: date) -> str:
        return birth_date_label(SimpleNamespace(birth_date=day), "fr")

    assert (born(date(1990, 6, 15)), born(date(1990, 7, 15))) == ("15-Juin-1990", "15-Juil-1990")
    assert len(set(MONTHS["fr"])) == 12


@pytest.mark.parametrize(("given", "refused"), [("小明", "小 明"), ("محمد", "م ح د"), ("Marie\u202e", "U+202E")])
def test_a_name_the_labels_cannot_print_as_typed_is_refused_where_it_is_typed(session_for, admission_values, given,
                                                                             refused):
    """Chinese printed blank on the wristband and labels (the fonts have no glyph for it), Arabic
    letters reversed and unjoined, and a right-to-left override showed a name on screen that the
    paper did not: a patient identified on paper by a blank or a garbled name."""
    nurse = session_for("nurse")
    with pytest.raises(ServiceError, match=re.escape(f"“First names (all, as on the ID document)”: {refused} cannot be printed")):
        records.save_new(nurse, "admission", {**admission_values, "given_names": given})


def test_names_in_every_script_the_fonts_print_are_taken_and_printed(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    given = "Đặng Thị Łucja Ωμέγα Пётр Ærøskøbing"
    patient = records.save_new(nurse, "admission", {**admission_values, "given_names": given}).patient_id
    out = printing.print_labels(nurse, patient, tmp_path / "l.pdf", count=1)
    assert given in re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())


LONG_ALLERGIES = [{"substance": f"Substance {number:02d} " + "x" * 87, "reaction": "Anaphylaxis, " * 14 + "urticaria",
                   "severity": "severe"} for number in range(20)]
"""As many allergies as the admission form takes, each as long as it takes."""


def test_a_patient_with_the_longest_allergy_list_leaves_the_census_printable(ward, tmp_path):
    """The allergies the form takes made a census line taller than a page: reportlab gave up, and
    the whole ward's census did not print."""
    records.save_new(ward, "admission", {"unidentified": False, "birth_name": "Allergic", "given_names": "Anne",
                                         "sex": "female", "birth_date": "1950-01-01", "identity_status": "provisional",
                                         "arrival_at": "2026-11-28T10:30+01:00", "admission_mode": "emergency",
                                         "reason": "Fall", "ward": "3B", "bed": "26", "admitting_clinician": "Dr B",
                                         "allergy_status": "allergies", "allergies": LONG_ALLERGIES,
                                         "resuscitation": "full"})
    out = printing.print_census(ward, tmp_path / "census.pdf", ward="3B")
    text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert all(f"Substance{number:02d}" in text for number in range(20))
    assert "PATIENT25" in text


def test_a_long_surname_and_a_long_drug_allergy_print_as_whole_words_on_the_census(ward, admission_values, tmp_path):
    """Too long for their columns, the name printed as "PAPADOPOULOPOUL" over "OS" and the
    allergy as "Sulfame" / "thoxazole-trimethop" / "rim": each is now set smaller, or broken
    after its hyphen, rather than cut inside a word."""
    records.save_new(ward, "admission", {
        **admission_values, "bed": "26", "birth_name": "Papadopoulopoulos", "used_name": "",
        "given_names": "Konstantinos",
        "allergies": [{"substance": "Sulfamethoxazole-trimethoprim", "reaction": "Stevens-Johnson", "severity": "severe"}]})
    out = printing.print_census(ward, tmp_path / "census.pdf", ward="3B")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages).replace("-\n", "-")
    words = set(text.split())
    assert {"PAPADOPOULOPOULOS", "Konstantinos", "Sulfamethoxazole-trimethoprim", "(Stevens-Johnson,"} <= words


def test_a_label_sheets_printed_line_stops_short_of_its_page_number(ward, tmp_path):
    """The sheet's line saying who printed it, when and on which laptop was never shortened: a
    long name and laptop name ran it over "Page 1 of 1" and off the sheet."""
    from datetime import datetime

    from reportlab.pdfbase.pdfmetrics import stringWidth

    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    out = labels_module.labels_pdf(patient, tmp_path / "l.pdf", stock="L7159", count=1, lang="en",
                                   printed_by="Marie-Thérèse Dupont-Montmorency de La Rochefoucauld-Liancourt",
                                   printed_at=datetime(2026, 11, 28, 14, 0),
                                   device_name="Ward 3B (internal medicine and geriatrics) — nurses' station laptop no. 2")
    chunks: list[tuple[str, float, float]] = []
    PdfReader(out).pages[0].extract_text(visitor_text=lambda text, cm, tm, font, size: chunks.append(
        (text, cm[4] + tm[4], cm[4] + tm[4] + stringWidth(text, page.SANS, 6))) if text.strip() else None)
    (printed,) = [chunk for chunk in chunks if chunk[0].startswith("Printed by")]
    (number,) = [chunk for chunk in chunks if chunk[0].startswith("Page 1 of 1")]
    assert printed[2] < number[1] - 6


def test_a_register_note_longer_than_a_page_leaves_the_page_printable(session_for, tmp_path):
    """A receipt's note (the app sets it no length) taller than a page made reportlab give up,
    and the drug's page of the controlled-drug register did not print."""
    from downtime.services import cd_register

    nurse = session_for("nurse")
    note = " ".join(f"word{number}" for number in range(1500)) + " END-OF-NOTE"
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"), note=note)
    out = printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "cd.pdf")
    assert "word1499 END-OF-NOTE" in re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))


@pytest.mark.parametrize("lang, when", [("en", "28/11/2026 10:00 (written 14:10)"),
                                        ("fr", "28/11/2026 10:00 (saisie 14:10)")])
def test_a_register_page_dates_a_dose_charted_late_by_its_giving(session_for, medication_ward, clock, tmp_path,
                                                                   lang, when):
    """A dose of morphine given at 10:00 and charted at 14:10: the printed register's line is
    dated by the giving, with the time written beside it."""
    from datetime import timedelta

    from downtime.services import cd_register, medication

    nurse = session_for("nurse", lang)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    clock.now += timedelta(minutes=10)
    medication.record_dose(nurse, medication_ward[2], {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                       "given_for": "pain",
                                                       "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    out = printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "cd.pdf")
    assert when in re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))


@pytest.mark.parametrize(("status", "allergies", "said"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"},
                   {"substance": "Latex", "reaction": "Rash", "severity": "mild"}],
     "ALLERGIES: Penicillin (Anaphylaxis, severe); Latex (Rash, mild)"),
    ("nka", None, "No known allergies"),
    ("unknown", None, "ALLERGIES NOT KNOWN YET — ask the patient, family or GP"),
])
def test_a_wristband_says_the_patients_allergies(session_for, admission_values, tmp_path, status, allergies, said):
    """The ward clerk's review: the wristband insert carried no allergy, so a nurse at the bedside
    of a patient from another ward, the chart not at hand, read nothing there (paper wristbands
    are written with the allergies or put in a red band). The sheet labels, stuck on forms and
    specimen tubes, stay identity only."""
    values = {**admission_values, "allergy_status": status}
    if allergies is None:
        values.pop("allergies")
    else:
        values["allergies"] = allergies
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", values).patient_id
    band = printing.print_labels(nurse, patient, tmp_path / "band.pdf", count=1, stock="wristband")
    sheet = printing.print_labels(nurse, patient, tmp_path / "sheet.pdf", count=1, stock="L7159")
    assert said in re.sub(r"\s+", " ", PdfReader(band).pages[0].extract_text())
    assert "llergies" not in PdfReader(sheet).pages[0].extract_text().replace("ALLERGIES", "llergies")


def test_a_wristbands_allergies_too_many_for_their_severities_are_named_by_substance(session_for, admission_values,
                                                                                      tmp_path):
    """Twelve allergies do not fit a 25 mm band, even by substance and severity: each substance
    is named alone, with their count, rather than the list cut (cut, it ended "Codeine phosph…"
    and named none after), and none runs over the QR code or below the band's edge."""
    from reportlab.lib.units import mm

    many = [{"substance": f"Substance number {n}", "reaction": "Anaphylaxis with bronchospasm",
             "severity": "severe"} for n in range(12)]
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": many}).patient_id
    band = PdfReader(printing.print_labels(nurse, patient, tmp_path / "band.pdf", count=1, stock="wristband")).pages[0]
    placed: list[tuple[str, float, float]] = []
    band.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and placed.append((text.strip(), tm[4], tm[5])))
    allergy = [(text, x, y) for text, x, y in placed
               if "Substance" in text or "ALLERGIES" in text or "Anaphylaxis" in text]
    top = float(band.mediabox.top) - labels_module.STOCKS["wristband"].top
    said = " ".join(text for text, _, _ in allergy)
    assert said.startswith("ALLERGIES (12): Substance number 0; Substance number 1;") and "…" not in said
    assert all(f"Substance number {n}" in said for n in range(12)), said
    assert all(top - 25 * mm < y < top for _, _, y in allergy)


def test_a_wristbands_long_drug_beside_a_long_name_stays_whole_and_clear_of_the_qr_code(session_for, admission_values,
                                                                                         tmp_path):
    """Beside a long name the allergy band is narrow: "Sulfamethoxazole-trimethoprim" at 10 pt
    ran over the QR code, where a scanner and a nurse read neither."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {
        **admission_values, "birth_name": "PAPADOPOULOPOULOS-KARAMANLIS", "given_names": "Konstantina Alexandra",
        "allergies": [{"substance": "Sulfamethoxazole-trimethoprim", "reaction": "Stevens-Johnson syndrome",
                       "severity": "severe"}]}).patient_id
    band = PdfReader(printing.print_labels(nurse, patient, tmp_path / "band.pdf", count=1, stock="wristband")).pages[0]
    placed: list[tuple[str, float, float, float]] = []
    band.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and placed.append(
        (text.strip(), tm[4], tm[5], tm[0] * size)))
    stock = labels_module.STOCKS["wristband"]
    top, qr_left = float(band.mediabox.top) - stock.top, stock.left + stock.width - 20 * mm - 2 * mm
    allergy = [(text, x, size) for text, x, y, size in placed if x > stock.left + 60 * mm and top - 25 * mm < y < top]
    assert "Sulfamethoxazole-trimethoprim" in re.sub(r"-\n", "-", "\n".join(text for text, _, _ in allergy))
    assert all(x + stringWidth(text, page.BOLD, size) <= qr_left for text, x, size in allergy), allergy


@pytest.mark.parametrize("lang, said", [
    ("en", ["7 HIGH 28/11 12:00 next set overdue since 28/11 13:00", "0 Low 28/11 13:00", "no set yet"]),
    ("fr", ["7 ÉLEVÉ 28/11 12:00 relevé en retard depuis 28/11 13:00", "0 Faible 28/11 13:00", "aucun relevé"]),
])
def test_the_census_says_each_patients_news2_for_the_handover(session_for, admission_values, tmp_path, lang, said):
    """The night review: the sheet handed over at 21:00 showed the patient scoring 7 (high) and the
    one scoring 0 alike, and the one with no observations since admission too."""
    from dataclasses import replace

    from tests.test_observations import CALM, HIGH

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3"])
    nurse = session_for("nurse")
    beds = {}
    for bed, given in (("1", "Anne"), ("2", "Paul"), ("3", "Jean")):
        beds[bed] = records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": bed,
                                                          "given_names": given}).patient_id
    records.save_new(nurse, "observations", HIGH, patient_id=beds["1"])
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=beds["2"])
    text = PdfReader(printing.print_census(replace(nurse, lang=lang), tmp_path / "census.pdf", ward="3B")).pages[0]
    flat = re.sub(r"\s+", " ", text.extract_text())
    assert "NEWS2" in flat
    for line in said:
        assert line in flat


@pytest.mark.parametrize("lang, said, not_said", [
    ("en", ["since 28/11 13:00 Told: Dr Benali called at 12:05, coming", "since 28/11 13:00 Told: NOT RECORDED",
            "0 Low 28/11 13:00"], "0 Low 28/11 13:00 Told"),
    ("fr", ["depuis 28/11 13:00 Prévenu : Dr Benali called at 12:05, coming",
            "depuis 28/11 13:00 Prévenu : NON RENSEIGNÉ", "0 Faible 28/11 13:00"], "0 Faible 28/11 13:00 Prévenu"),
])
def test_the_census_says_who_was_told_of_each_score_above_low_risk(session_for, admission_values, tmp_path, lang,
                                                                   said, not_said):
    """The escalation list on screen says who was told of each patient's score, from the set's
    escalation notes; the sheet handed over at night gave the score alone, so the nurse taking
    over could not tell the HIGH patient whose doctor was called from the one nobody called."""
    from dataclasses import replace

    from tests.test_observations import CALM, HIGH

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3"])
    nurse = session_for("nurse")
    beds = {bed: records.save_new(nurse, "admission", {**admission_values, "nir": None, "bed": bed,
                                                       "given_names": given}).patient_id
            for bed, given in (("1", "Anne"), ("2", "Paul"), ("3", "Jean"))}
    records.save_new(nurse, "observations", {**HIGH, "notes": "Dr Benali called at 12:05,\ncoming"},
                     patient_id=beds["1"])
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00",
                                             "notes": "Comfortable"}, patient_id=beds["2"])
    records.save_new(nurse, "observations", HIGH, patient_id=beds["3"])
    page = PdfReader(printing.print_census(replace(nurse, lang=lang), tmp_path / "census.pdf", ward="3B")).pages[0]
    flat = re.sub(r"\s+", " ", page.extract_text())
    for line in said:
        assert line in flat, line
    assert not_said not in flat


@pytest.mark.parametrize("lang, when", [("en", "28/11/2026 10:00 (withdrawn 14:40)"),
                                        ("fr", "28/11/2026 10:00 (annulée 14:40)")])
def test_a_register_page_dates_a_dose_withdrawn_by_its_giving(session_for, medication_ward, clock, tmp_path, lang,
                                                              when):
    """The line giving back a dose withdrawn at 14:40 was dated 14:40 alone: it is dated by the
    dose it undoes, and says when it was withdrawn."""
    from datetime import timedelta

    from downtime.services import cd_register, medication

    nurse = session_for("nurse", lang)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    dose = medication.record_dose(nurse, medication_ward[2], {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                              "given_for": "pain",
                                                              "given_at": "2026-11-28T10:00+01:00"},
                                  witness=("doctor", "2222"))
    clock.now += timedelta(minutes=40)
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=("doctor", "2222"))
    out = printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "cd.pdf")
    assert when in re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))


@pytest.mark.parametrize("lang, heading", [("en", "Ward {ward}"), ("fr", "Service {ward}")])
def test_the_census_names_each_ward_whole_on_every_page_of_its_beds(session_for, admission_values, tmp_path,
                                                                    lang, heading):
    """A ward code as long as the forms take printed in the census's narrow Ward column, one
    piece of a word to a line ("Chirur", "gie or", "thopé"…) on every bed; the whole site's
    census now gives each ward a band over its beds, repeated on each page they run onto."""
    from dataclasses import replace

    long_ward = "Chirurgie orthopédique et traumatologie"
    admin, nurse = session_for("admin"), session_for("nurse")
    wards.add_ward(admin, "3B", "Medicine", ["1", "2", "3"])
    wards.add_ward(admin, long_ward, "Orthopaedics", [str(n) for n in range(1, 25)])
    for ward, beds in (("3B", 3), (long_ward, 24)):
        for bed in range(1, beds + 1):
            records.save_new(nurse, "admission", {**admission_values, "ward": ward, "bed": str(bed),
                                                  "birth_name": f"Patient{ward[:2]}{bed:02d}", "used_name": ""})
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(printing.print_census(
        replace(nurse, lang=lang), tmp_path / "census.pdf")).pages]
    assert len(pages) > 2
    for ward, beds in (("3B", 3), (long_ward, 24)):
        for bed in range(1, beds + 1):
            (page,) = [page for page in pages if f"PATIENT{ward[:2].upper()}{bed:02d}" in page]
            assert heading.format(ward=ward) in page, (ward, bed)


@pytest.mark.parametrize(("lang", "sheet"), [("en", "wristband inserts"), ("fr", "inserts de bracelet")])
def test_the_wristband_sheet_is_named_in_the_page_s_language(ward, session_for, tmp_path, lang, sheet):
    """The footer names the sheet to load: "— wristband" on a French sheet."""
    from pypdf import PdfReader

    settings.set_label_stock(session_for("admin"), "wristband")
    patient = next(p for p in printing.census(ward.db, ward.forms) if p.patient).patient
    out = printing.print_labels(session_for("nurse", lang), patient.patient_id, tmp_path / "l.pdf")
    assert f"— {sheet}" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize("lang, heading", [("en", "Handover notes"), ("fr", "Transmissions")])
def test_the_census_gives_the_handover_notes_two_fifths_of_the_page_and_breaks_no_date(ward, tmp_path, lang,
                                                                                         heading):
    """The notes nurses write by hand at handover had 15 % of the page and ran down many lines;
    widened to 19.5 %, dates beside them broke over two lines and the sheet took a page more.
    The date of birth and sex, the downtime number and the identity now stand in the patient's
    box, as on a label, and the notes have 45 %. Each date of birth is whole on its line with the
    sex, each set's day with its time, and an arrival's day and time each on a line of their own."""
    from dataclasses import replace

    from tests.test_observations import HIGH

    patients = [row.patient for row in printing.census(ward.db, ward.forms) if row.patient]
    for patient in patients[:6]:
        records.save_new(ward, "observations", {**HIGH, "notes": "Registrar Dr Marchetti told at 12:05, came"},
                         patient_id=patient.patient_id)
    reader = PdfReader(printing.print_census(replace(ward, lang=lang), tmp_path / "census.pdf", ward="3B"))
    pieces = []
    for sheet in reader.pages:
        sheet.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and pieces.append(
            (re.sub(r"\s+", " ", text).strip(), cm[0] * tm[4] + cm[2] * tm[5] + cm[4])))
    width = float(reader.pages[0].mediabox.width)
    columns = [width - page.MARGIN - x for text, x in pieces if text == heading]
    assert len(columns) == len(reader.pages) and min(columns) >= 0.4 * (width - 2 * page.MARGIN), columns
    texts = [text for text, _ in pieces]
    born = [text for text in texts if re.search(r"\d{2}-[^\W\d]+-", text)]
    assert sorted(born) == sorted(f"{page.birth_date_label(patient, lang)} {page.SEX[patient.sex][lang]}"
                                  for patient in patients), born
    for index, text in enumerate(texts):
        if re.fullmatch(r"\d{2}/\d{2}", text):
            assert re.fullmatch(r"\d{2}:\d{2}", texts[index + 1]), texts[index:index + 2]
        elif re.search(r"(?<![/\d])\d{2}/\d{2}(?![/\d])", text):
            assert re.search(r"\d{2}/\d{2} \d{2}:\d{2}", text), text
    said = sum("28/11 12:00" in text for text in texts)
    assert said == 12  # each set's time in its NEWS2 column, and in the handover's ask for a sepsis screening


@pytest.mark.parametrize(("status", "allergies", "boxed"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}], True),
    ("unknown", [], True), ("nka", [], False)])
def test_a_wristbands_allergy_warning_prints_black_in_a_box_for_a_black_and_white_printer(
        session_for, admission_values, tmp_path, status, allergies, boxed):
    """In red the allergy line printed as a grey halftone like the name on a black-and-white ward
    printer: it is black, every colour of the band is, and a warning is framed with a 1-point line;
    "no known allergy" is not."""
    from pypdf.generic import ContentStream

    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergy_status": status,
                                                    "allergies": allergies}).patient_id
    reader = PdfReader(printing.print_labels(nurse, patient, tmp_path / "band.pdf", count=1, stock="wristband"))
    band = reader.pages[0]
    operations = ContentStream(band.get_contents(), reader).operations
    fills = {tuple(round(float(number), 3) for number in operands) for operands, operator in operations
             if operator == b"rg"}
    assert all(len(set(fill)) == 1 for fill in fills), fills
    placed = []
    band.extract_text(visitor_text=lambda text, cm, tm, font, size: placed.append((text, cm[4] + tm[4], cm[5] + tm[5])))
    x, y = next((left, bottom) for text, left, bottom in placed if "allerg" in text.lower())
    width = None
    frames = []
    for operands, operator in operations:
        if operator == b"w":
            width = float(operands[0])
        elif operator == b"re":
            left, bottom, w, h = (float(number) for number in operands)
            frames.append((width, left <= x <= left + w and bottom <= y <= bottom + h and w < 300))
    assert ((1.0, True) in frames) is boxed, frames


def test_a_wristband_gives_the_ipp_beside_the_downtime_number_and_sheet_labels_do_not(session_for, admission_values,
                                                                                      tmp_path):
    """The band is matched with the EHR's records and labels once it is back: by the hospital's
    own number, which it did not carry. A long one is set smaller, never cut; the sheet labels
    (37 mm of text on L7159) stay as they were."""
    nurse = session_for("nurse")
    texts = {}
    for ipp in ("80012345", "12345678901234567890"):
        patient = records.save_new(nurse, "admission", {**admission_values, "ipp": ipp, "bed": ipp[-1],
                                                        "nir": None}).patient_id
        for stock in ("wristband", "L7159"):
            out = printing.print_labels(nurse, patient, tmp_path / f"{ipp}-{stock}.pdf", count=1, stock=stock)
            texts[ipp, stock] = re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())
        number = printing.patient_with_location(nurse.db, nurse.forms, patient).downtime_number
        assert f"{number} IPP {ipp}" in texts[ipp, "wristband"], texts[ipp, "wristband"]
        assert "IPP" not in texts[ipp, "L7159"] and "…" not in texts[ipp, "wristband"]


def test_a_decision_not_to_resuscitate_is_in_bold_red_on_the_handover_sheet():
    """It printed as plainly as "For resuscitation" beside it."""
    from downtime.pdf.census import _resuscitation
    from downtime.pdf.page import ALERT

    dnacpr, full = _resuscitation("Not for resuscitation (DNACPR)", "dnacpr"), _resuscitation("For resuscitation", "full")
    assert dnacpr.style.textColor == ALERT and dnacpr.style.fontName != full.style.fontName  # red, and bold
    assert full.style.textColor != ALERT


def test_a_band_printed_while_the_admission_is_on_hold_names_the_other_laptops_allergy(allergy_on_one_laptop,
                                                                                       tmp_path):
    """MOREAU moved from laptop 1's ward to laptop 2's; laptop 1's nurse then recorded a penicillin
    anaphylaxis, and its stick reached laptop 2, where the admission is on hold. Laptop 2's band
    read codeine alone, where the MAR and census print the penicillin in red: it names it, boxed,
    and, her identity the same in both versions, asks no check of it."""
    from pypdf.generic import ContentStream

    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    saved, _, clerk_1, nurse_2, clerk_2 = allergy_on_one_laptop
    import_export(clerk_2, export(clerk_1, tmp_path / "later").folder)
    reader = PdfReader(printing.print_wristband(nurse_2, saved.patient_id, tmp_path / "band.pdf"))
    band = reader.pages[0]
    text = re.sub(r"\s+", " ", band.extract_text())
    assert "ALLERGIES: Codeine (Vomiting, mild) Penicillin (Anaphylaxis, severe) — in the version on hold from laptop" \
        in text, text
    assert "CHECK IDENTITY" not in text
    placed = []
    band.extract_text(visitor_text=lambda said, cm, tm, font, size: placed.append((said, cm[4] + tm[4], cm[5] + tm[5])))
    x, y = next((left, bottom) for said, left, bottom in placed if "Penicillin" in said)
    frames = [[float(number) for number in operands] for operands, operator in
              ContentStream(band.get_contents(), reader).operations if operator == b"re"]
    assert any(left <= x <= left + w and bottom <= y <= bottom + h for left, bottom, w, h in frames), frames


@pytest.mark.parametrize("lang, said", [("en", "CHECK IDENTITY — admission on hold"),
                                        ("fr", "VÉRIFIER L’IDENTITÉ — admission en attente")])
def test_bands_and_labels_of_an_admission_on_hold_naming_her_otherwise_say_to_check_her_identity(
        allergy_on_one_laptop, tmp_path, clock, lang, said):
    """Laptop 1's nurse corrected MOREAU's date of birth (1954 typed for 1945) after she left for
    laptop 2's ward, where the admission is now on hold: laptop 2's band and labels printed
    12-Mar-1954 with no word that another version dates her otherwise. Another patient's do not
    say it."""
    from dataclasses import replace

    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    saved, nurse_1, clerk_1, nurse_2, clerk_2 = allergy_on_one_laptop
    admitted = records.current(nurse_1.db, saved.record_id)
    clock.advance(minutes=5)
    records.amend(nurse_1, saved.record_id, {**admitted.data, "birth_date": "1945-03-12"}, "1954 typed for 1945")
    import_export(clerk_2, export(clerk_1, tmp_path / "later").folder)
    other = records.save_new(nurse_2, "admission", {**admitted.data, "birth_name": "Roux", "bed": "7"}).patient_id
    nurse = replace(nurse_2, lang=lang)
    for stock in ("wristband", "L7159", "L7163"):
        for patient, checked in ((saved.patient_id, True), (other, False)):
            out = printing.print_labels(nurse, patient, tmp_path / f"{stock}-{checked}.pdf", count=1, stock=stock)
            assert (said in re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())) is checked, (stock, patient)


def test_id_labels_on_a_ward_whose_stock_is_wristbands_print_one_band(session_for, admission_values, tmp_path):
    """The administrator set the ward's label stock to wristbands; the nurse pressed Print ID labels
    and got a page of ten bands bearing Mrs Martin's name, number and allergies: the spare bands
    that get put on the wrong patient, which Print wristband prints one to avoid. One band, unless
    a count is given on purpose."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    settings.set_label_stock(session_for("admin"), "wristband")
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    for count, bands in ((None, 1), (3, 3)):
        out = printing.print_labels(nurse, patient, tmp_path / f"{count}.pdf", count=count)
        assert PdfReader(out).pages[0].extract_text().count("DT-042-00001-8") == bands


def test_a_wristbands_qr_code_is_repeated_along_the_band_clear_of_its_words(session_for, admission_values, tmp_path,
                                                                            monkeypatch):
    """PAPER-REFERENCES: a 2D code repeated along the band. The insert had one QR code, at its
    right end, often underneath once the band is round a wrist: another stands between the
    identity and the allergies, half the band or so from it, under no word."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    drawn = []
    real = labels_module.renderPDF.draw
    monkeypatch.setattr(labels_module.renderPDF, "draw", lambda drawing, c, x, y: drawn.append(x) or real(drawing, c, x, y))
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "ipp": "80012345", "allergies": [
        {"substance": "Sulfamethoxazole-trimethoprim", "reaction": "Stevens-Johnson syndrome", "severity": "severe"},
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}).patient_id
    band = PdfReader(printing.print_wristband(nurse, patient, tmp_path / "band.pdf")).pages[0]
    stock = labels_module.STOCKS["wristband"]
    assert len(drawn) == 2
    assert drawn[-1] - drawn[0] >= stock.width / 2 - 20 * mm and drawn[-1] > stock.left + stock.width - 25 * mm
    placed = []
    top = float(band.mediabox.top) - stock.top
    band.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and top - stock.height < cm[5] + tm[5]
                      and placed.append((text.strip(), cm[4] + tm[4], tm[0] * size)))
    words = [(x, x + stringWidth(text, page.BOLD, size)) for text, x, size in placed]
    (name_at,) = [x for text, x, _ in placed if text.startswith("MARTIN")]
    (allergies_at,) = [x for text, x, _ in placed if text.startswith("ALLERGIES")]
    assert name_at < drawn[0] < allergies_at
    for square in drawn:
        assert not [(left, right) for left, right in words if left < square + 20 * mm and right > square], square
