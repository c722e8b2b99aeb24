"""Blank and filled forms read back with pypdf: labels, values, identifiers on every page."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.formspec.schema import RepeatField
from downtime.pdf.forms import blank_form_pdf
from downtime.services import printing, records
from downtime.storage import records as stored
from tests.conftest import death_answers


def _pages(path):
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text):
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("form_id", ["admission", "transfer_out", "medication_order"])
def test_blank_form_has_every_label_and_page_furniture(tmp_path, forms, lang, form_id):
    spec = forms[form_id]
    out = blank_form_pdf(spec, tmp_path / "blank.pdf", lang=lang, printed_by="Hélène Lefèvre",
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    pages = _pages(out)
    text = _flat(" ".join(pages))
    for section in spec.sections:
        assert _flat(section.title.get(lang)) in text
        for field in section.fields:
            if not field.paper.on_blank:  # written elsewhere on the blank (its signature box, the handover's background)
                assert _flat(field.line_label(lang)) not in text, field.id
                continue
            assert _flat(field.line_label(lang)) in text, field.id
            if isinstance(field, RepeatField):
                for sub in field.fields:
                    assert _flat(sub.label.get(lang)) in text, sub.id
    word = "of" if lang == "en" else "sur"
    footer = "DOWNTIME RECORD" if lang == "en" else "DOSSIER PROCÉDURE DÉGRADÉE"
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} {word} {len(pages)}" in page
        assert footer in page and "28/11/2026 14:00" in page


@pytest.mark.parametrize(("lang", "safety", "signed"), [
    ("en", "Safety", "Name and signature of the person completing this form"),
    ("fr", "Sécurité", "Nom et signature de la personne qui remplit ce formulaire")])
def test_the_blank_medication_order_prints_on_two_pages(tmp_path, forms, lang, safety, signed):
    """Its Safety section, moved whole with the signature under the last of the When section,
    made a third page of a box or two: the controlled drug's and high-alert ticks share a line
    with the time-critical question, the telephone order's questions go by two, and the
    as-required order's indication, interval and most in 24 hours share one line."""
    out = blank_form_pdf(forms["medication_order"], tmp_path / "blank.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00"), device_name="3B")
    pages = [_flat(page) for page in _pages(out)]
    assert len(pages) == 2
    assert safety in pages[1] and signed in pages[1]


@pytest.mark.parametrize("lang, asked", [("en", "ALLERGIES (substance, reaction, severity)"),
                                         ("fr", "ALLERGIES (substance, réaction, sévérité)")])
def test_a_blank_patient_form_has_a_box_to_write_the_allergies_in(tmp_path, forms, lang, asked):
    """The filled form prints the patient's allergies under its heading; the blank one had no
    place for them: the transfer to another hospital, the paper that goes with the patient,
    asked "Allergies checked and written on this form" with nowhere on it to write them. The
    admission asks them in its own section, and a theatre session is no patient's."""
    def text(form_id):
        out = blank_form_pdf(forms[form_id], tmp_path / f"{form_id}.pdf", lang=lang, printed_by="x",
                             printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d")
        return _flat(" ".join(_pages(out)))

    for form_id in ("transfer_out", "transfer", "discharge", "operation_booking"):
        assert asked in text(form_id), form_id
    assert "☐ " + ("No known allergies" if lang == "en" else "Aucune allergie connue") in text("transfer_out")
    assert asked not in text("admission") and asked not in text("theatre_session")


def test_filled_form_shows_values_identifiers_and_pages(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    values = {**admission_values, "allergies": [
        {"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"},
        {"substance": "Latex", "reaction": "Eczema", "severity": "mild"},
        {"substance": "Iodine", "reaction": "Anaphylaxis", "severity": "severe"}]}
    record = records.save_new(nurse, "admission", values)
    out = printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf")
    pages = _pages(out)
    text = _flat(" ".join(pages))
    for value in ("Lefèvre", "Martin", "Hélène Marie", "12/03/1954", "Penicillin", "Iodine",
                  "Fall at home, suspected hip fracture.", "61.5 kg", "Dr Benali"):
        assert value in text, value
    number = nurse.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    assert len(pages) >= 2
    for index, page in enumerate(pages, start=1):
        assert "MARTIN Hélène Marie" in page and "12-Mar-1954" in page and number in page
        assert f"Page {index} of {len(pages)}" in page
    assert "ALLERGIES: Penicillin (Rash, moderate); Latex (Eczema, mild); Iodine (Anaphylaxis, severe)" in text


def test_filled_form_carries_a_code128_of_the_downtime_number(session_for, admission_values, tmp_path, monkeypatch):
    from downtime.pdf import page

    drawn = []
    real = page.barcode
    monkeypatch.setattr(page, "barcode", lambda value, *size: drawn.append(value) or real(value, *size))
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    out = printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf")
    number = nurse.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    assert drawn and set(drawn) == {number}
    assert len(drawn) == len(PdfReader(out).pages)


def test_amended_record_prints_its_history(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "Moved to the window bed")
    text = _flat(" ".join(_pages(printing.print_record(nurse, first.record_id, tmp_path / "a.pdf"))))
    assert "Amendment history" in text and "Moved to the window bed" in text
    assert "Version 2 — amended" in text


@pytest.mark.parametrize("lang, changed", [
    ("en", "Re-weighed Weight: 61.5 kg → 45 kg; Resuscitation status: For resuscitation → Not for resuscitation "
           "(DNACPR)"),
    ("fr", "Re-weighed Poids : 61,5 kg → 45 kg ; Réanimation cardio-pulmonaire (RCP) en cas d’arrêt : RCP en cas "
           "d’arrêt → Pas de RCP (décision tracée)")])
def test_an_amended_records_history_says_what_each_version_changed_old_and_new(session_for, admission_values,
                                                                               tmp_path, lang, changed):
    """It gave each version's reason only: the weight the doctor dosed by (61.5 kg) and the
    resuscitation status before were nowhere on the print, where paper leaves the old value
    readable under the line through it."""
    nurse = session_for("nurse", lang)
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "weight_kg": 45.0, "weight_confirmed_kg": 45.0, "resuscitation": "dnacpr",
                                           "resuscitation_decided_by": "Dr Benali",
                                           "resuscitation_decided_at": "2026-11-28T13:00+01:00"}, "Re-weighed")
    text = _flat(" ".join(_pages(printing.print_record(nurse, first.record_id, tmp_path / "a.pdf"))))
    assert changed in text


def test_a_saved_theatre_session_prints_as_its_blank_form_does_filled(session_for, tmp_path):
    """It did not print at all ("record … has no patient"), from the form's Print button or
    `downtime pdf record`: a session is about no patient, as its blank form is."""
    from downtime.pdf.page import WORDS

    coord = session_for("coord")
    saved = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"})
    text = _flat(" ".join(_pages(printing.print_record(coord, saved.record_id, tmp_path / "session.pdf"))))
    assert "Theatre * T1 Specialty * General surgery Start * 30/11/2026 08:00 End * 30/11/2026 13:00" in text
    assert WORDS["label_here"]["en"] not in text and "ALLERG" not in text.upper()


def test_a_printed_record_and_news2_chart_name_another_laptops_nurse_by_name_and_laptop(tmp_path, laptop,
                                                                                            admission_values):
    """The patient moved to laptop 2's ward with their records: laptop 2's printed record and
    NEWS2 chart named laptop 1's nurse from laptop 2's staff list, "Nurse (nurse)", laptop 2's
    own nurse (staff IDs are each laptop's own); laptop 2's own version keeps its name."""
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    first = records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_1, "observations", {
        "taken_at": "2026-11-28T13:20+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=first.patient_id)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    records.amend(nurse_2, first.record_id, {**admission_values, "bed": "14"}, "Moved to the window bed")
    text = _flat(" ".join(_pages(printing.print_record(nurse_2, first.record_id, tmp_path / "a.pdf"))))
    assert "Recorded by Nurse (nurse) at" in text
    assert text.count("Nurse (nurse, laptop 001)") == 1 and text.count("Nurse (nurse)") == 2, "version 1, then 2"
    chart = _flat(" ".join(_pages(printing.print_news2_chart(nurse_2, first.patient_id, tmp_path / "n.pdf"))))
    assert "Nurse (nurse, laptop 001)" in chart and "Nurse (nurse)" not in chart


@pytest.mark.parametrize("amended_here", [False, True])
def test_a_printed_dose_of_another_laptop_names_its_witness_by_name_and_laptop(tmp_path, doses_from_laptop_1,
                                                                                  amended_here):
    """Laptop 2's print of a dose laptop 1 recorded named its witness by laptop 2's staff list,
    "Karim Benali (hl)", whoever has the ID hl here: laptop 1's Hélène Lefèvre witnessed it. So
    did it once its site was corrected here."""
    _, _, _, dose, nurse = doses_from_laptop_1
    if amended_here:
        records.amend(nurse, dose, {**records.current(nurse.db, dose).data, "site": "left arm"}, "site")
    text = _flat(" ".join(_pages(printing.print_record(nurse, dose, tmp_path / "dose.pdf"))))
    assert "Hélène Lefèvre (hl, laptop 001)" in text and "Karim" not in text


def test_a_printed_record_names_who_recorded_it_and_each_version(session_for, admission_values, tmp_path):
    """It printed "Recorded by nurse", a sign-in, not someone the records office can ask."""
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "Moved to the window bed")
    text = _flat(" ".join(_pages(printing.print_record(nurse, first.record_id, tmp_path / "a.pdf"))))
    assert "Recorded by Hélène Lefèvre (nurse) at" in text
    assert text.count("Hélène Lefèvre (nurse)") == 3, "the line above and both versions of the history"


def test_a_printed_dose_names_its_witness(session_for, medication_ward, tmp_path):
    """It printed the witness as the stored staff ID ("doctor")."""
    from downtime.services import cd_register, medication

    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    dose = medication.record_dose(nurse, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                    "given_for": "pain",
                                                    "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    text = _flat(" ".join(_pages(printing.print_record(nurse, dose.record_id, tmp_path / "dose.pdf"))))
    assert "Dr Karim Benali (doctor)" in text


@pytest.mark.parametrize("lang, given_by", [("en", "Given by"), ("fr", "Administré par")])
def test_a_printed_dose_names_its_giver_in_the_blank_form_s_words(session_for, paper_night, forms, tmp_path, lang,
                                                                 given_by):
    """The night's paracetamol typed in by the day nurse printed "Given by (if not you)", the
    screen's words to the nurse typing, above the night nurse's name, where the blank dose form
    and the clerk's worklist read "Given by"; read so, the 07:00 dose she gave herself, naming
    nobody else, must name her, not "—"."""
    from downtime.services import medication

    nurse, _, _, _, paracetamol = paper_night
    night = medication.record_dose(nurse, paracetamol, {
        "outcome": "given", "dose_given": 1.0, "route": "PO", "given_at": "2026-11-29T06:00+01:00",
        "scheduled_for": "2026-11-29T06:00+01:00", "given_by": "night", "transcribed": True})
    hers = medication.record_dose(nurse, paracetamol, {
        "outcome": "given", "dose_given": 1.0, "route": "PO", "given_at": "2026-11-29T07:00+01:00"},
        overrides={"dose_spacing": "Pain 8/10, doctor agreed"})
    for dose, giver in ((night, "Noémie Faure (night)"), (hers, "Hélène Lefèvre (nurse)")):
        text = _flat(" ".join(_pages(printing.print_record(session_for("nurse", lang), dose.record_id,
                                                           tmp_path / "dose.pdf"))))
        assert f"{given_by} {giver}" in text
        assert forms["medication_administration"].field("given_by").label.get(lang) not in text


def test_entered_in_error_record_is_watermarked(session_for, admission_values, tmp_path):
    nurse = session_for("nurse", lang="fr")
    first = records.save_new(nurse, "admission", admission_values)
    records.mark_entered_in_error(nurse, first.record_id, "Mauvais patient")
    pages = _pages(printing.print_record(nurse, first.record_id, tmp_path / "e.pdf"))
    assert all("SAISIE PAR ERREUR" in page for page in pages)
    assert "Mauvais patient" in pages[0]


def test_printing_is_audited_and_needs_a_role(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    printing.print_record(session_for("records"), record.record_id, tmp_path / "r.pdf")
    printing.print_blank(nurse, "admission", tmp_path / "b.pdf")
    prints = [row["actor"] for row in nurse.db.query("SELECT actor FROM audit WHERE action = 'print'")]
    assert prints == ["records", "nurse"]


def test_a_failed_print_leaves_no_file(forms, tmp_path, monkeypatch):
    from downtime.pdf import page

    def broken(*args, **kwargs):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(page, "_draw_footer", broken)
    with pytest.raises(RuntimeError):
        blank_form_pdf(forms["admission"], tmp_path / "x.pdf", lang="en", printed_by="x",
                       printed_at=datetime.now().astimezone(), device_name="d")
    assert list(tmp_path.iterdir()) == []


def test_every_page_names_each_allergy_with_its_reaction_and_severity(session_for, admission_values):
    """A drug chart asks for the reaction, not only the substance (an anaphylaxis read as a rash)."""
    from downtime.pdf.forms import allergy_line
    from downtime.services import census, records

    values = {**admission_values, "allergies": [{"substance": "Iodinated contrast", "reaction": "anaphylaxis",
                                                 "severity": "severe"}, {"substance": "Latex"}]}
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", values).patient_id
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert allergy_line(summary, "en") == "ALLERGIES: Iodinated contrast (anaphylaxis, severe); Latex"
    assert allergy_line(summary, "fr") == "ALLERGIES : Iodinated contrast (anaphylaxis, sévère) ; Latex"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("what", ["admission", "mar", "news2"])
def test_a_blank_form_has_room_for_the_wards_sticky_label(tmp_path, forms, lang, what):
    """The identification box of a form filled by hand takes any sheet label the app prints,
    and the header's words stay beside it (the French 'à saisir dans le DPI' ran under it)."""
    from pypdf.generic import ContentStream
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from downtime.pdf.labels import STOCKS
    from downtime.pdf.page import BOLD, MARGIN, WORDS

    out = tmp_path / "blank.pdf"
    furniture = {"lang": lang, "printed_by": "Hélène Lefèvre", "printed_at": datetime(2026, 11, 28, 14, 0),
                 "device_name": "Ward 3B"}
    printing.blank(forms, what, out, **furniture)
    reader = PdfReader(out)
    page = reader.pages[0]
    page_w, page_h = float(page.mediabox.width), float(page.mediabox.height)
    boxes = [[float(number) for number in operands] for operands, operator in
             ContentStream(page.get_contents(), reader).operations if operator == b"re"]
    (x, y, w, h), = [box for box in boxes if abs(box[0] + box[2] - (page_w - MARGIN)) < 0.5
                     and abs(box[1] + box[3] - (page_h - MARGIN)) < 0.5]
    for stock in STOCKS.values():
        if stock.name != "wristband":
            assert w >= stock.width + 2 * mm and h >= stock.height + 2 * mm, stock.name
    mark = WORDS["downtime_record"][lang]
    placed = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: placed.append(
        (text.strip(), cm[4] + tm[4], cm[5] + tm[5])))
    in_header = [(text, left) for text, left, bottom in placed if text and bottom > y and text in mark]
    assert in_header, placed
    for text, left in in_header:
        assert left + stringWidth(text, BOLD, 8) <= x, text


def test_two_first_prints_at_once_register_the_fonts_once(monkeypatch):
    """The back-entry worklist and a census are each made on a thread of their own: the second
    registering the fonts again replaced those the first was drawing with."""
    import threading
    import time

    from reportlab.pdfbase import pdfmetrics

    from downtime.pdf import page

    real, registered = pdfmetrics.registerFont, []

    def slow(font):
        registered.append(font.fontName)
        time.sleep(0.05)
        return real(font)

    monkeypatch.setattr(pdfmetrics, "registerFont", slow)
    page._register_fonts.cache_clear()
    try:
        threads = [threading.Thread(target=page.register_fonts) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        page._register_fonts.cache_clear()
    assert sorted(registered) == sorted({page.SANS, page.BOLD, page.CONDENSED, page.CONDENSED_BOLD})


def _header_and_footer(patient, tmp_path):
    """The text of a page holding only the page furniture around this patient."""
    from reportlab.platypus import Spacer

    from downtime.pdf.page import PageInfo, build_pdf

    info = PageInfo(title="MAR", lang="en", printed_by="Hélène Lefèvre", printed_at=datetime(2026, 11, 28, 14, 0),
                    device_name="Ward 3B laptop", patient=patient)
    return _flat(PdfReader(build_pdf(tmp_path / "page.pdf", [Spacer(1, 1)], info)).pages[0].extract_text())


def test_twins_page_headers_print_each_whole_name(session_for, admission_values, tmp_path):
    """Twins born the same day, "Marie Anne Louise" and "Marie Anne Lucie": the identification
    box cut both to "MONTMORENCY-LAVAL Marie Anne L…" on every MAR and chart page."""
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    for bed, given in (("1", "Marie Anne Louise"), ("2", "Marie Anne Lucie")):
        twin = records.save_new(nurse, "admission", {
            **admission_values, "bed": bed, "birth_name": "Dupont-Martin", "used_name": "Montmorency-Laval",
            "given_names": given, "birth_date": "1990-05-01"}).patient_id
        text = _header_and_footer(patient_with_location(nurse.db, nurse.forms, twin), tmp_path).replace("- ", "-")
        assert text.count(f"MONTMORENCY-LAVAL {given} (née DUPONT-MARTIN)") == 2, text  # the box and the footer
        assert "…" not in text


def test_a_long_name_leaves_the_footers_birth_date_and_number_whole(session_for, admission_values, tmp_path):
    """The footer cut "name — date of birth — number" at its end: a long description of an
    unidentified patient took the downtime number off the foot of every page. The unknown date
    of birth reads as on the wristband, where it read "Date of birth DOB unknown". The name is
    not cut either: set condensed, or carried on under its first line."""
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    unknown = records.save_new(nurse, "admission", {
        **admission_values, "unidentified": True, "temporary_name": "Inconnu Gare", "sex": "male",
        "identity_status": "provisional",
        "descriptor": "homme d'environ 40 ans trouvé à la gare de Lyon, veste bleue, jean, baskets blanches, "
                      "cicatrice à l'avant-bras gauche, tatouage d'une ancre sur l'épaule droite"})
    patient = patient_with_location(nurse.db, nurse.forms, unknown.patient_id)
    text = _header_and_footer(patient, tmp_path)
    assert re.search(rf"INCONNU GARE \(homme d'environ[^—]*droite\) — DOB unknown Sex M — "
                     rf"{patient.downtime_number}", text), text
    assert "…" not in text


def test_the_longest_allergy_list_the_admission_takes_prints_whole(session_for, admission_values, tmp_path):
    """Twenty allergies, each as long as the form takes, made the allergies' box taller than a
    page: reportlab gave up, and the admission could not be printed at all."""
    nurse = session_for("nurse")
    allergies = [{"substance": f"Substance {number:02d} " + "x" * 87, "reaction": "Anaphylaxis, " * 14 + "urticaria",
                  "severity": "severe"} for number in range(20)]
    record = records.save_new(nurse, "admission", {**admission_values, "allergies": allergies})
    pages = _pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))
    text = "".join("".join(pages).split())
    # In the allergy line under the header and in the allergies' table; each page's box counts them.
    assert all(text.count(f"Substance{number:02d}x") >= 2 for number in range(20))
    for index, page in enumerate(pages, start=1):
        assert "MARTIN Hélène Marie" in page and f"Page {index} of {len(pages)}" in page
        assert "ALLERGIES (20): Substance 00" in _flat(page)


def test_french_prints_put_a_space_before_their_colons(forms, tmp_path, session_for, admission_values):
    """French typography sets a space before a colon, as the rest of the French prints do: the
    blank form's notes read "(si Patient non identifié: Oui)" and the NEWS2 chart "Conduite à
    tenir (dernier score): NEWS2 0"."""
    blank = _flat(" ".join(_pages(blank_form_pdf(forms["admission"], tmp_path / "blank.pdf", lang="fr",
                                                 printed_by="x", printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"),
                                                 device_name="d"))))
    assert "(si Patient non identifié : Oui)" in blank and "identifié:" not in blank
    nurse = session_for("nurse", lang="fr")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=patient)
    chart = _flat(" ".join(_pages(printing.print_news2_chart(nurse, patient, tmp_path / "news2.pdf"))))
    assert "Conduite à tenir selon le score retenu : NEWS2 0" in chart


def test_a_reason_longer_than_a_page_leaves_the_record_printable(session_for, admission_values, tmp_path):
    """An amendment's reason (the app sets it no length) taller than a page made reportlab give
    up on the history table, and the record could not be printed."""
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    reason = " ".join(f"word{number}" for number in range(1200)) + " END-OF-REASON"
    records.amend(nurse, record.record_id, {**admission_values, "weight_kg": 60.0}, reason)
    text = _flat(" ".join(_pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))))
    assert "word1199 END-OF-REASON" in text


@pytest.mark.parametrize("lang, signature", [("en", "Name and signature of the person completing this form"),
                                             ("fr", "Nom et signature de la personne qui remplit ce formulaire")])
def test_no_blank_forms_signature_box_sits_alone_on_a_page(forms, tmp_path, lang, signature):
    """The blank medication order and administration forms printed their signature box alone
    on page 2, under nothing: it is kept with the form's last row (the last the blank asks).
    Its title is on the last page, with the space to sign under it: the French blank
    administration form put the title at the foot of page 3 and the space alone on page 4."""
    for form_id, spec in forms.items():
        pages = [_flat(page) for page in _pages(blank_form_pdf(
            spec, tmp_path / f"{form_id}.pdf", lang=lang, printed_by="x",
            printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d"))]
        (signed,) = [page for page in pages if signature in page]
        assert signed == pages[-1], f"{form_id}: the signature title on page {pages.index(signed) + 1} of {len(pages)}"
        last = [field for field in spec.fields() if field.paper.on_blank][-1]
        assert _flat((last.paper.label or last.label).get(lang)) in signed, form_id  # as the paper words it


TRANSFER_OUT = {
    "departed_at": "2026-11-28T13:00+01:00", "receiving_hospital": "CHU Sud", "receiving_unit": "Réanimation",
    "receiving_clinician": "Dr Petit", "transport_mode": "mobile_icu", "escort": "doctor",
    "situation": "Respiratory failure", "background": "COPD", "condition": "unstable", "assessment": "Needs ventilation",
    "recommendation": "Admit to ICU", "current_treatments": "Amoxicillin 1 g IV 8-hourly, last 12:00",
    "devices": ["peripheral_iv", "oxygen"], "allergies_checked": True, "resuscitation": "dnacpr",
    "isolation": "contact", "obs_at": "2026-11-28T12:45+01:00",
    "resp_rate": 28, "spo2": 89, "systolic": 95, "diastolic": 60, "pulse": 110, "temperature": 38.4,
    "consciousness": "alert", "documents_sent": ["admission_record", "medication_chart"], "handed_over_to": "Dr Petit"}


@pytest.mark.parametrize("treatments", [1, 24])
@pytest.mark.parametrize("lang, signature, last", [("en", "Checked on paper by", "Handed over to (name) Dr Petit"),
                                                   ("fr", "Vérifié sur papier par", "Remis à (nom) Dr Petit")])
def test_a_transfer_outs_signature_box_stays_with_the_end_of_the_handover(
        session_for, admission_values, tmp_path, treatments, lang, signature, last):
    """A transfer's handover filling page 1 (or, with a long list of treatments, page 2) sent its
    signature box alone to the next page."""
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    values = {**TRANSFER_OUT, "current_treatments": "\n".join(
        f"Drug {number} 1 g IV 8-hourly, last 12:00" for number in range(treatments))}
    record = records.save_new(nurse, "transfer_out", values, patient_id=patient)
    pages = [_flat(page) for page in _pages(printing.print_record(nurse, record.record_id, tmp_path / "out.pdf"))]
    (signed,) = [page for page in pages if signature in page]
    assert last in signed


def test_a_filled_handover_says_how_to_talk_with_the_patient_and_the_blank_stays_one_sheet(
        session_for, admission_values, tmp_path):
    """Copied from the admission (tests/test_prefill.py); the blank leaves them to the background
    written by hand: a row more took it to a third page."""
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    record = records.save_new(nurse, "transfer_out", {
        **TRANSFER_OUT, "language": "Vietnamese", "interpreter_needed": True,
        "communication_needs": "Hard of hearing: left ear"}, patient_id=patient)
    text = " ".join(_flat(page) for page in _pages(printing.print_record(nurse, record.record_id, tmp_path / "out.pdf")))
    assert "Language spoken, if not the ward's Vietnamese" in text and "Hard of hearing: left ear" in text
    blank = _pages(printing.print_blank(nurse, "transfer_out", tmp_path / "blank.pdf"))
    assert len(blank) == 2 and not any("Interpreter needed" in _flat(page) for page in blank)


def test_an_amended_records_signature_box_stays_with_its_history(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    record = records.save_new(nurse, "transfer_out", TRANSFER_OUT, patient_id=patient)
    records.amend(nurse, record.record_id, {**TRANSFER_OUT, "handed_over_to": "Dr Moreau"}, "Dr Petit off duty")
    pages = [_flat(page) for page in _pages(printing.print_record(nurse, record.record_id, tmp_path / "out.pdf"))]
    (signed,) = [page for page in pages if "Checked on paper by" in page]
    assert "Amendment history" in signed and "Dr Petit off duty" in signed


def test_a_printed_dose_reads_its_order_as_a_nurse_does_not_as_a_record_id(session_for, medication_ward, tmp_path):
    """A dose's "Order" box printed the order's record id (a UUID): which medicine, at what
    dose, how and when was nowhere on the page."""
    from downtime.services import cd_register, medication

    _, amox, morphine = medication_ward
    nurse = session_for("nurse")
    regular = medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "refused",
                                                   "given_at": "2026-11-28T08:05+01:00",
                                                   "scheduled_for": "2026-11-28T08:00+01:00"})
    text = _flat(" ".join(_pages(printing.print_record(nurse, regular.record_id, tmp_path / "regular.pdf"))))
    assert "Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00" in text and amox not in text
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    prn = medication.record_dose(nurse, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                   "given_for": "pain",
                                                   "given_at": "2026-11-28T10:00+01:00"}, witness=("doctor", "2222"))
    text = _flat(" ".join(_pages(printing.print_record(nurse, prn.record_id, tmp_path / "prn.pdf"))))
    assert ("Morphine 5 mg SC, as required (pain score > 4), at least 4 h apart, at most 4 in 24 h, from "
            "27/11/2026 10:00") in text and morphine not in text


@pytest.mark.parametrize("form_id, labels", [
    ("transfer_out", ["Private vehicle", "VSL (light vehicle)", "SMUR (mobile ICU)"]),
    ("operation_cancellation", ["Anaesthetist unavailable", "Family told"]),
])
def test_a_tick_box_keeps_its_words_together(tmp_path, forms, form_id, labels):
    """An answer broke across two lines inside itself ("☐ Private" at a line's end, "vehicle" at
    the start of the next, beside the next box): on paper a nurse ticked the box before
    "vehicle" for the light medical vehicle."""
    out = blank_form_pdf(forms[form_id], tmp_path / "blank.pdf", lang="en", printed_by="Hélène Lefèvre",
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    text = "\n".join(_pages(out)).replace("\xa0", " ")
    for label in labels:
        assert label in text, label


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_blank_transfer_handover_is_one_sheet_printed_both_sides(tmp_path, forms, lang):
    """With the NEWS2 line, the English handover ran onto a third page for its last two boxes
    (documents sent, the signature): a page that goes astray in the ambulance."""
    out = blank_form_pdf(forms["transfer_out"], tmp_path / "blank.pdf", lang=lang, printed_by="Hélène Lefèvre",
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    assert len(_pages(out)) == 2


@pytest.mark.parametrize("lang, label", [("en", "Medicines taken before admission (drug, dose, when last taken)"),
                                         ("fr", "Traitement habituel (médicament, dose, dernière prise)")])
def test_the_admission_asks_the_medicines_taken_before_admission(forms, session_for, admission_values, tmp_path,
                                                                  lang, label):
    """A paper admission record (and the national inpatient chart's front page) asks what the
    patient took at home; ours did not, on paper or on the laptop, and a chart rewritten in an
    outage lost the home insulin or anticoagulant nobody wrote down."""
    blank = _flat(" ".join(_pages(blank_form_pdf(forms["admission"], tmp_path / "blank.pdf", lang=lang,
                                                printed_by="x", printed_at=datetime(2026, 11, 30, 8, 0),
                                                device_name="laptop"))))
    assert label in blank
    nurse = session_for("nurse", lang)
    record = records.save_new(nurse, "admission", {**admission_values,
                                                   "usual_medicines": "Apixaban 5 mg twice a day, last 29/11 20:00"})
    printed = _flat(" ".join(_pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))))
    assert f"{label} Apixaban 5 mg twice a day, last 29/11 20:00" in printed


@pytest.mark.parametrize("lang, said", [("en", "Date of birth 12-Mar-1954"), ("fr", "Date de naissance 12-Mars-1954")])
def test_every_page_gives_the_birth_date_as_the_wristband_does(session_for, admission_values, tmp_path, lang, said):
    """Every page's identification box and footer gave the date of birth as 12/03/1954 (the 3rd
    of December to a reader who writes the month first) where the wristband and labels it is
    checked against give 12-Mar-1954."""
    nurse = session_for("nurse", lang)
    record = records.save_new(nurse, "admission", admission_values)
    pages = _pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))
    pages += _pages(printing.print_mar(nurse, [record.patient_id], tmp_path / "mar.pdf"))
    for page in pages:
        assert _flat(page).count(said) == 2, page  # the box and the footer


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_blank_form_about_no_patient_has_no_patient_label_box(tmp_path, forms, lang):
    """The theatre session (a theatre's list of the day, no one patient) asked for a patient's
    label, name, date of birth and downtime number on its blank print."""
    from downtime.pdf.page import WORDS

    furniture = {"lang": lang, "printed_by": "Hélène Lefèvre", "printed_at": datetime(2026, 11, 28, 14, 0),
                 "device_name": "Ward 3B"}
    for form_id, boxed in (("theatre_session", False), ("admission", True)):
        text = " ".join(page.extract_text() for page in PdfReader(
            blank_form_pdf(forms[form_id], tmp_path / f"{form_id}.pdf", **furniture)).pages)
        assert (WORDS["label_here"][lang] in text) is boxed, form_id


def _placed(path):
    """Each page's pieces of text with their heights on the page, and the page's height."""
    pages = []
    for page in PdfReader(path).pages:
        found = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and found.append(
            (_flat(text).strip(), cm[1] * tm[4] + cm[3] * tm[5] + cm[5])))
        pages.append((found, float(page.mediabox.height)))
    return pages


@pytest.mark.parametrize("lang, title, number", [("en", "Death", "Form death, version 5"),
                                                 ("fr", "Décès", "Formulaire death, version 5")])
def test_a_blank_form_is_headed_by_its_title_and_numbered_at_its_foot(tmp_path, forms, lang, title, number):
    """Under the title "Décès" a French nurse read "death v1", the form's code, where a paper form
    has its name; a paper form prints its form number at its foot, in small print."""
    from downtime.pdf.page import FOOTER_HEIGHT, HEADER_HEIGHT, MARGIN

    out = blank_form_pdf(forms["death"], tmp_path / "blank.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d")
    for found, height in _placed(out):
        header = [text for text, y in found if y > height - MARGIN - HEADER_HEIGHT]
        footer = [text for text, y in found if y < MARGIN + FOOTER_HEIGHT]
        assert title in header, header
        assert not any("death" in text for text in header), header
        assert number in footer, footer


def test_a_filled_form_is_numbered_at_its_foot_with_the_version_of_the_form_it_was_written_on(
        session_for, admission_values, tmp_path):
    from downtime.pdf.page import FOOTER_HEIGHT, MARGIN

    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    for found, _ in _placed(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf")):
        assert f"Form admission, version {record.form_version}" in [text for text, y in found if y < MARGIN + FOOTER_HEIGHT]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_record_giving_no_care_blank_or_filled_says_nothing_of_allergies_which_every_care_form_still_carries(
        session_for, admission_values, tmp_path, forms, lang):
    """A death asks nothing of the patient's allergies: its blank form had the red box to write
    them in, and the filled one printed "ALLERGIES: Penicillin" under its heading. Nor do the
    theatre's records of what became of a booking (cancelled, rebooked, done): the binder's blank
    ones each carried the red box, to be filled in by a coordinator moving a date. The booking,
    which plans the operation, keeps it."""
    from dataclasses import replace

    nurse = replace(session_for("nurse"), lang=lang)
    admitted = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}]})
    died = records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                             "expected": True, "family_informed": False},
                            patient_id=admitted.patient_id)

    def blank(form_id):
        return _flat(" ".join(_pages(blank_form_pdf(
            forms[form_id], tmp_path / f"{form_id}.pdf", lang=lang, printed_by=None,
            printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d"))))

    def filled(record):
        return _flat(" ".join(_pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))))

    assert "ALLERGIES" not in filled(died)
    for form_id in ("death", "operation_cancellation", "operation_rebooking", "operation_done"):
        assert "ALLERGIES" not in blank(form_id), form_id
    for form_id in ("transfer", "transfer_out", "discharge", "medication_order", "medication_administration",
                    "observations", "operation_booking"):
        assert "ALLERGIES" in blank(form_id), form_id
    assert "ALLERGIES" in filled(admitted) and "Penicillin" in filled(admitted)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_blank_dose_form_offers_the_warnings_a_dose_is_given_over_as_tick_boxes(tmp_path, forms, lang):
    """The screen names each warning a dose is recorded over, from the form's twelve, and asks a
    reason for each; the blank dose form's "Warnings overridden" was two empty lines under
    "Warning" and "Reason", and a nurse wrote "interval" where the clerk had to choose between
    the as-required interval and regular doses too close. Each line ticks one of the form's
    warnings, in its words, beside its reason (as any choice prints on a blank form)."""
    spec = forms["medication_administration"]
    out = blank_form_pdf(spec, tmp_path / "blank.pdf", lang=lang, printed_by="Hélène Lefèvre",
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    text = "\n".join(_pages(out)).replace("\xa0", " ")
    overrides = spec.field("overrides")
    check = next(sub for sub in overrides.fields if sub.id == "check")
    for option in check.options:
        ticked = re.findall(rf"☐ {re.escape(option.label.get(lang))}(?!\w)", text)  # "Allergie", not "Allergies …"
        assert len(ticked) == overrides.paper.rows, option.code


@pytest.mark.parametrize("lang, given_by, witness, transcribed, signed", [
    ("en", "Given by (if Outcome: Given)", "Witness / second check", "Transcribed", "name, signature"),
    ("fr", "Administré par (si Résultat : Administré)", "Témoin / double contrôle", "Retranscrit", "nom, signature"),
])
def test_a_blank_dose_form_asks_who_gave_the_dose_and_who_witnessed_it_to_sign(tmp_path, forms, lang, given_by,
                                                                                 witness, transcribed, signed):
    """On paper the one writing is the one who gave the dose, but the blank dose form asked the
    screen's "Given by (if not you)", with a blank line for the giver and the witness where paper
    signs, and asked the paper chart whether it was "Transcribed from the paper chart"."""
    spec = forms["medication_administration"]
    out = blank_form_pdf(spec, tmp_path / "blank.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    text = _flat(" ".join(_pages(out)))
    assert given_by in text and witness in text and text.count(signed) == 2
    assert spec.field("given_by").label.get(lang) not in text and transcribed not in text


@pytest.mark.parametrize(("status", "allergies", "said"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}],
     "ALLERGIES: Penicillin (Rash, moderate)"),
    ("nka", [], "No known allergies"),
    ("unknown", [], "ALLERGIES NOT KNOWN YET"),
])
def test_every_page_of_a_filled_record_gives_the_allergy_status(session_for, admission_values, tmp_path, status,
                                                                allergies, said):
    """The admission record's page 2 named no allergy: the line under the heading was on page 1
    alone. Each page's identification box words it, "No known allergies" too."""
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", {**admission_values, "allergy_status": status,
                                                   "allergies": allergies})
    pages = [_flat(page) for page in _pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))]
    assert len(pages) > 1 and all(said in page for page in pages)


@pytest.mark.parametrize(("status", "allergies", "said"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}],
     "ALLERGIES: Penicillin (Rash, moderate)"),
    ("nka", [], "No known allergies"),
    ("unknown", [], "ALLERGIES NOT KNOWN YET — ask the patient, family or GP"),
])
def test_a_filled_records_first_page_says_the_allergy_status_once(session_for, admission_values, tmp_path, status,
                                                                   allergies, said):
    """A printed medication order gave the allergy line under its heading and again in its
    identification box; its other pages, the box alone."""
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "allergy_status": status,
                                                                   "allergies": allergies}).patient_id
    doctor = session_for("doctor")
    record = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    nurse = session_for("nurse")
    pages = [_flat(page) for page in _pages(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))]
    assert [page.count(said) for page in pages] == [1] * len(pages)


def test_the_identification_box_counts_the_allergies_it_has_no_room_to_word_whole(session_for, admission_values):
    """Where the reactions do not fit the box's two lines, it names each allergen with its
    severity and their count, as the census does; cut only beyond that, the count still said."""
    from reportlab.lib.units import mm

    from downtime.pdf import page
    from downtime.services import census

    nurse = session_for("nurse")
    many = [{"substance": substance, "reaction": "Anaphylaxis with urticaria and wheeze", "severity": "severe"}
            for substance in ("Penicillin", "Latex", "Codeine", "Iodinated contrast")]
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": many}).patient_id
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    said = " ".join(page.box_allergies(summary, "en", page.BOX_W - 4 * mm))
    assert said.startswith("ALLERGIES (4): Penicillin (severe); Latex (severe); Codeine (severe); Iodinated contrast")
    patient = records.save_new(nurse, "admission", {**admission_values, "nir": None, "identity_status": "provisional",
                                                    "bed": "13", "allergies": many * 5}).patient_id
    lines = page.box_allergies(census.patient_with_location(nurse.db, nurse.forms, patient), "en",
                               page.BOX_W - 4 * mm)
    assert len(lines) == page.ALLERGY_LINES and lines[0].startswith("ALLERGIES (20):") and lines[-1].endswith("…")


def test_an_amended_answer_is_marked_where_it_is_printed_and_the_history_says_what_the_mark_means(
        session_for, admission_values, tmp_path):
    """A weight amended from 71.9 to 54 kg read "Weight 54 kg" where a doctor doses from it, its
    old value only in the history at the form's end, pages later on a long form."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 71.9})
    plain = _flat(" ".join(_pages(printing.print_record(nurse, saved.record_id, tmp_path / "plain.pdf"))))
    assert "†" not in plain
    records.amend(nurse, saved.record_id, {**saved.data, "weight_kg": 54, "weight_confirmed_kg": 54},
                  "Weight re-measured on the ward scale")
    text = _flat(" ".join(_pages(printing.print_record(nurse, saved.record_id, tmp_path / "record.pdf"))))
    assert "Weight † 54 kg" in text and text.count("†") == 3  # the weight confirmed, amended with it
    assert "† beside an answer: amended since it was first saved" in text[text.index("Amendment history"):]


@pytest.mark.parametrize(("form_id", "words"), [
    ("admission", None),
    ("surgical_safety_checklist", "A WHO stop item"),
    ("inpatient_fall", "Before the patient is moved"),
    ("delirium_screening", "A total of 4 or more"),
    ("braden_assessment", "9 or less very high"),
    ("nutrition_screening", "BMI over 20 scores 0"),
])
def test_a_blank_forms_words_survive_a_photocopy(tmp_path, forms, form_id, words):
    """Each field's help and condition were set at 6.5 pt in mid grey (#555555): on a copy of a
    copy a WHO stop, a score's thresholds and what a box is for were lost. Nothing a nurse reads
    is under 7 pt nor lighter than dark grey (white on a band aside), and a help in black."""
    from tests.pdf_text import pdf_runs

    runs = pdf_runs(blank_form_pdf(forms[form_id], tmp_path / f"{form_id}.pdf", lang="en", printed_by=None,
                                   printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00"), device_name="3B"))
    assert not [run for run in runs if run.size < 7 or 0.25 < run.grey < 0.99]
    if words is not None:
        assert all(run.grey < 0.1 for run in runs if words in run.text)
        assert any(words in run.text for run in runs)


def test_the_page_headers_barcode_survives_a_photocopy(session_for, admission_values, tmp_path):
    """The downtime number's Code128 was drawn at reportlab's 0.19 mm bar, which a photocopier's
    ink fills in, 1.8 mm from the box's black frame, under the ten bars' clear space a scanner
    needs: its narrowest bar is 0.25 mm or more, and as many as ten of them clear of the frame."""
    from reportlab.lib.units import mm

    from downtime.pdf.page import BOX_W

    inside = 0.5  # the frame's inner edge from its line: half its 1 pt

    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    reader = PdfReader(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))
    rects = []
    reader.pages[0].extract_text(visitor_operand_before=lambda operator, operands, cm, tm: operator == b"re" and rects.append(
        (cm[0] * float(operands[0]) + cm[4], cm[0] * float(operands[2]), float(operands[3]))))
    box_x = next(x for x, width, _ in rects if abs(width - BOX_W) < 0.5)
    bars = [(x, width) for x, width, height in rects if 5 * mm < height < 9 * mm and width < 2 * mm]
    narrowest = min(width for _, width in bars)
    assert len(bars) > 20
    assert narrowest >= 0.25 * mm
    assert min(x for x, _ in bars) - (box_x + inside) >= 10 * narrowest - 0.01
    assert box_x + BOX_W - inside - max(x + width for x, width in bars) >= 10 * narrowest - 0.01


@pytest.mark.parametrize("form_id", ["transfer", "sepsis_screening"])
def test_a_form_ending_with_its_score_keeps_the_signature_box_with_it(forms, tmp_path, form_id):
    """The signature box was measured against the last section's rows, and a NEWS2 or sepsis
    score's rows are held together (a KeepTogether, which reportlab sizes only while drawing):
    any form whose last section scores crashed on print ("'KeepTogether' object has no
    attribute 'canv'")."""
    spec = forms[form_id]
    scored = next(section for section in spec.sections if section.news2 or section.sepsis)
    last = spec.model_copy(update={"sections": [*(s for s in spec.sections if s is not scored), scored]})
    pages = [_flat(page) for page in _pages(blank_form_pdf(
        last, tmp_path / "blank.pdf", lang="en", printed_by="x",
        printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d"))]
    (signed,) = [page for page in pages if "Name and signature of the person completing this form" in page]
    assert _flat(scored.title.get("en")) in signed


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_short_section_of_a_blank_form_is_printed_whole_on_one_page(tmp_path, forms, lang):
    """The admission's blood products section (two rows) is kept on one page, its relevance said
    with the question once: its advance decision was printed alone at the top of page 3."""
    spec = forms["admission"]
    out = blank_form_pdf(spec, tmp_path / "blank.pdf", lang=lang, printed_by=None,
                         printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="Ward 3B")
    section = next(one for one in spec.sections if one.id == "blood")
    words = [_flat(section.title.get(lang)), *(_flat(field.line_label(lang)) for field in section.fields)]
    [page] = [_flat(text) for text in _pages(out) if words[0] in _flat(text)]
    assert all(word in page for word in words)
    refusal = spec.field("blood_refusal")
    answers = " / ".join(option.label.get(lang) for option in refusal.options if option.code != "none")
    assert f"{refusal.label.get(lang)}{' :' if lang == 'fr' else ':'} {answers})" in page


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("count", [16, 20])
def test_a_long_allergy_list_follows_the_admission_section_on_its_page(session_for, admission_values, tmp_path,
                                                                       lang, count):
    """The allergies section is two rows, its status and its table: with 16 or 20 allergies kept
    whole as a short section, it was moved to the next page, leaving two thirds of the Admission
    section's page blank (and 20, taller than a page, were split all the same)."""
    nurse = session_for("nurse", lang)
    values = {**admission_values, "allergy_status": "allergies",
              "allergies": [{"substance": f"Substance number {i} with a long name",
                             "reaction": "Rash and wheeze, swelling of the lips", "severity": "moderate"}
                            for i in range(count)]}
    record = records.save_new(nurse, "admission", values)
    out = printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf")
    spec = nurse.forms["admission"]
    clinician = _flat(spec.field("admitting_clinician").line_label(lang))
    [page] = [_flat(text) for text in _pages(out) if clinician in _flat(text)]
    allergies = next(one for one in spec.sections if one.id == "allergies")
    assert _flat(allergies.title.get(lang)) in page
    assert "Substance number 0 with a long name" in page


def test_a_record_of_the_second_02_30_prints_its_times_with_their_offset(patient_on_the_clock, session_for, tmp_path):
    """The night the clocks go back, the box refused 02:30 until typed with its offset; the print
    then gave the arrival, when it was recorded and each version as "25/10/2026 02:30", an hour's
    doubt on the record (the version times on their stored offset, not the ward's clock)."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 2, 45, fold=1), "2026-10-25T02:30+01:00")
    nurse = session_for("nurse")
    [admission] = stored.list_current(nurse.db, form_id="admission", patient_id=patient)
    records.amend(nurse, admission.record_id, {**admission.data, "weight_kg": 45.0, "weight_confirmed_kg": 45.0}, "Re-weighed")
    text = _flat(" ".join(_pages(printing.print_record(nurse, admission.record_id, tmp_path / "a.pdf"))))
    assert "25/10/2026 02:30 +01:00" in text  # the arrival, typed with its offset
    assert text.count("25/10/2026 02:45 +01:00") >= 3  # recorded, and each version of the history


@pytest.mark.parametrize("lang, daily, weekly", [("en", "Every day", "Once a week"),
                                                 ("fr", "Tous les jours", "Une fois par semaine")])
def test_an_order_s_how_often_left_empty_prints_every_day_ticked(session_for, medication_ward, tmp_path, lang, daily,
                                                                  weekly):
    """The app gives an order whose How often is empty every day; its filled form printed the nine
    boxes empty, and the clerk back-entering it could not tell a daily senna from a weekly
    methotrexate. An order that says its days prints them."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse", lang)
    assert "every_days" not in stored.current(nurse.db, amoxicillin).data
    text = _flat(" ".join(_pages(printing.print_record(nurse, amoxicillin, tmp_path / "daily.pdf"))))
    assert f"☒ {daily}" in text and f"☐ {weekly}" in text
    weekly_order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Methotrexate", "dose": 10.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "every_days": "7", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": True}, patient_id=patient)
    text = _flat(" ".join(_pages(printing.print_record(nurse, weekly_order.record_id, tmp_path / "weekly.pdf"))))
    assert f"☐ {daily}" in text and f"☒ {weekly}" in text


APP_SPEAK = re.compile(r"\bthe app\b|\bthis app\b|\blaptop\b|l[’']application|\bportable\b", re.IGNORECASE)


def test_no_blank_form_tells_the_paper_what_the_app_does(forms):
    """The blank sepsis, delirium and falls forms printed "the app asks for it until this is
    answered (amend the screening once they have)" under the doctor's name: on paper nothing
    asks, and nothing is amended; a blank weight form asked to confirm "a weight the app found
    unusual". Each field the blank asks gives the paper's own help."""
    spoken = [f"{form_id}.{field.id}: {printed}" for form_id, spec in forms.items() for field in spec.fields()
              if field.paper.on_blank and (help_ := field.blank_help()) is not None
              for printed in (help_.get("en"), help_.get("fr")) if APP_SPEAK.search(printed)]
    assert not spoken, "\n".join(spoken)


@pytest.mark.parametrize("lang, asked", [("en", "Within the hour of a screening finding an infection likely"),
                                         ("fr", "Dans l’heure d’un dépistage trouvant une infection probable")])
def test_the_blank_sepsis_screening_asks_the_doctors_review_in_the_papers_words(forms, tmp_path, lang, asked):
    text = _flat(" ".join(_pages(blank_form_pdf(
        forms["sepsis_screening"], tmp_path / "sepsis.pdf", lang=lang, printed_by="x",
        printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), device_name="d"))))
    assert asked in text and not APP_SPEAK.search(text)
