"""The MAR chart shows every order and every dose recorded for the days printed."""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.medication import DoseState
from downtime.domain.paper_gap import Silence
from downtime.services import cd_register, census, medication, paper_gap, printing, records


def _text(path):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def _dose_rows(text: str, rows: str) -> int:
    """How many as-required orders' rows of dose boxes `text` has, each labelled `rows` ("Date Time Dose
    Reason By / witness") in order, whatever the order's own boxes beside them read between."""
    return len(re.findall(".*?".join(map(re.escape, rows.split(" ", 4))), text))


def test_mar_chart_shows_every_order_and_dose(tmp_path, forms, clock, demo_database):
    from downtime.services import staff
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)
    patient = next(p for p in census.in_patients(db, forms, ward="3B")
                   if any(o.controlled for o in medication.orders(db, p.patient_id, clock.now)))
    out = printing.print_mar(nurse, [patient.patient_id], tmp_path / "mar.pdf", days=3)
    pages = _text(out)
    text = " ".join(pages)
    for order in medication.orders(db, patient.patient_id, clock.now):
        assert f"{order.drug} {order.dose:g} {order.dose_unit} {order.route}" in text
    first = date(2026, 11, 26)
    shown = [a for a in medication.administrations(db, patient.patient_id) if a.at.date() >= first]
    assert shown
    # The controlled drug's witness on shift: Dr Karim Benali by day, Julien Masson (the second night nurse) by night.
    witnessed = {"nurse": "HL", "night": "NF", "doctor": "KB", "night2": "JM"}
    for dose in shown:
        stamp = dose.at.strftime("%d/%m %H:%M") if dose.scheduled_for is None else dose.at.strftime("%H:%M")
        if dose.reason is None:  # signed by the nurse on shift: Hélène Lefèvre by day, Nadia Ferhat by night
            signed = f"{'HL' if dose.given_by == 'nurse' else 'NF'} {stamp}"
            assert signed + (f" / {witnessed[dose.witness]}" if dose.witness else "") in text, stamp
    assert "CONTROLLED DRUG" in text and any(dose.witness for dose in shown)
    for page in pages:
        assert patient.display_name in page and patient.downtime_number in page


def test_ward_pack_gives_each_patient_their_own_header(tmp_path, forms, clock, demo_database):
    from downtime.services import staff
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)
    out = printing.print_ward_mar_pack(nurse, "ICU", tmp_path / "pack.pdf")
    pages = _text(out)
    names = [p.display_name for p in census.in_patients(db, forms, ward="ICU")]
    for name in names:
        assert any(page.count(name) >= 2 for page in pages), name


@pytest.mark.parametrize(("lang", "page", "sheet"), [("en", "Page {} of {}", "Sheet {} of {} of the pack"),
                                                     ("fr", "Page {} sur {}", "Feuille {} sur {} du lot")])
def test_each_chart_of_a_ward_pack_numbers_its_own_pages_and_the_pack_its_sheets(tmp_path, forms, clock, demo_database,
                                                                                lang, page, sheet):
    """The paper chart says "chart 1 of 2": the pack, numbered through ("Page 6 of 37"), once
    split into bedside folders told no one a patient's second page was missing. Each page now
    says its place among its patient's, and in small print its place in the pack."""
    from downtime.services import staff
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock, lang=lang)
    pages = _text(printing.print_ward_mar_pack(nurse, "3B", tmp_path / "pack.pdf", days=14))
    patients = [p for p in census.in_patients(db, forms, ward="3B")]
    charts = [next(p.downtime_number for p in patients if p.downtime_number in text) for text in pages]
    assert len(set(charts)) == len(patients) and any(charts.count(number) > 1 for number in charts)
    for number, text in enumerate(pages, start=1):
        own = charts[:number].count(charts[number - 1]), charts.count(charts[number - 1])
        assert page.format(*own) in text and sheet.format(number, len(pages)) in text, number


@pytest.mark.parametrize(("lang", "measures", "usual", "unknown"), [
    ("en", "Weight: 61.5 kg on admission (27/11/2026) — Height: 158 cm", "Medicines taken before admission: Apixaban 5 mg twice a day, last "
                                               "taken 08:00", "Medicines taken before admission: not recorded — ask"),
    ("fr", "Poids : 61,5 kg à l’admission (27/11/2026) — Taille : 158 cm", "Traitement habituel : Apixaban 5 mg twice a day, last taken 08:00",
     "Traitement habituel : non renseigné — demander")])
def test_a_chart_prints_the_height_and_the_medicines_taken_before_admission(tmp_path, session_for, medication_ward,
                                                                            lang, measures, usual, unknown):
    """The national chart's front page gives weight and height and the medicines taken before
    admission; the printed chart gave the weight alone, and a doctor rewriting the charts during
    the outage did not see the patient's home anticoagulant. None recorded says to ask."""
    patient = medication_ward[0]
    text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "before.pdf")))
    assert measures in text and unknown in text
    admission = census.in_patients(session_for("nurse").db, session_for("nurse").forms, ward="3B")[0]
    record = records.current(session_for("nurse").db, admission.admission_record_id)
    records.amend(session_for("nurse"), record.record_id,
                  {**record.data, "usual_medicines": "Apixaban 5 mg twice a day, last taken 08:00"}, "home medicines")
    text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "after.pdf")))
    assert measures in text and usual in text and unknown not in text


@pytest.mark.parametrize(("lang", "weight"), [("en", "Weight: 55.4 kg weighed 28/11/2026"),
                                              ("fr", "Poids : 55,4 kg pesé le 28/11/2026")])
def test_a_chart_gives_the_latest_weight_and_when_it_was_taken(tmp_path, session_for, medication_ward, lang, weight):
    """Weight-based doses (enoxaparin, gentamicin) are worked out from the chart's weight: it gave
    the admission's, undated, after a nutrition screening had weighed the patient 6 kg lighter."""
    patient = medication_ward[0]
    records.save_new(session_for("nurse"), "nutrition_screening", {
        "screened_at": "2026-11-28T13:00+01:00", "weight_kg": 55.4, "height_cm": 158, "weight_loss": "5_to_10",
        "acute_no_intake": False}, patient_id=patient)
    text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "chart.pdf")))
    assert weight in text and "61.5" not in text and "61,5" not in text


def test_blank_mar_has_the_allergy_box_and_grid(tmp_path, capsys):
    out = tmp_path / "blank-mar.pdf"
    assert main(["pdf", "blank", "mar", "--out", str(out)]) == 0
    text = " ".join(_text(out))
    assert "ALLERGIES / ADVERSE REACTIONS" in text and "Regular medicines" in text
    assert "As required (PRN) medicines" in text and "R refused" in text


@pytest.mark.parametrize("lang, allergy, usual", [
    ("en", "Drug or substance Reaction Allergy or intolerance", "Medicine, dose, route How often Last taken (date, time)"),
    ("fr", "Médicament ou substance Réaction Allergie ou intolérance",
     "Médicament, dose, voie Fréquence Dernière prise (date, heure)")])
def test_the_blank_chart_gives_each_allergy_and_each_home_medicine_a_ruled_line(forms, tmp_path, lang, allergy, usual):
    """A patient allergic to penicillin (anaphylaxis), codeine and latex: the red box's label took
    two of its lines and left 8 mm, one handwritten line for every allergy; the medicines taken
    before admission beside it as little. Four ruled lines for the allergies, a drug, its reaction
    and its type each, as the national chart's front page has them, the first page still holding
    three regular orders; eight for the home medicines, on the once-only page."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from downtime.pdf import mar
    from downtime.pdf.page import PageInfo, body_width

    blank = printing.blank_mar(forms, tmp_path / "blank.pdf", lang=lang, printed_by=None, device_name="Ward 3B",
                               printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00"))
    pages = _text(blank)
    assert pages[0].count(allergy) == 2 and pages[0].count(mar.w("prescriber", lang)) == 3
    home = mar.w("usual_box", lang).split(" (")[0]
    assert pages[-1].count(usual) == 2 and pages[-1].index(mar.w("once", lang)) < pages[-1].index(home)
    info = PageInfo(title="", lang=lang, printed_by=None, printed_at=datetime.now(), device_name="", landscape=True,
                    blank=True)
    box = mar._allergy_box(body_width(info), lang)
    box.wrapOn(Canvas(str(tmp_path / "measure.pdf")), body_width(info), 1000)
    written_in = box._rowHeights[1:]
    assert len(written_in) * 2 >= 3 and min(written_in) >= 6 * mm


def test_as_required_doses_in_the_hour_the_clocks_go_back_are_told_apart(session_for, patient_on_the_clock,
                                                                          cyclizine_as_required, tmp_path):
    """The night the clocks go back, cyclizine at 02:30 summer time and again at 02:30 winter time,
    an hour apart: "When printed: last 25/10 02:30" did not say which. Each time the ward's clock
    reads twice gives its offset, as the app asks it typed."""
    from tests.conftest import CYCLIZINE_GIVEN

    patient = patient_on_the_clock(datetime(2026, 10, 25, 4, 0), "2026-10-24T09:00+02:00")
    order = cyclizine_as_required(patient, "2026-10-25T02:00+02:00")
    nurse = session_for("nurse")
    for given in ("2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00"):
        medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": given})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=2,
                                             first_day=date(2026, 10, 24))))
    assert "Start 25/10 02:00 +02:00" in text and "When printed: last 25/10 02:30 +01:00" in text
    assert "HL 25/10 02:30 +02:00 — 50 mg" in text and "HL 25/10 02:30 +01:00 — 50 mg" in text


def test_a_regular_dose_given_at_the_second_02_10_says_which_on_the_chart(session_for, patient_on_the_clock, clock,
                                                                         tmp_path):
    """Ondansetron due at 02:00 summer time, given at 02:10 winter time, seventy minutes late: the
    cell read "02:00 … HL 02:10", ten minutes late to the day team and the records clerk, and
    given an hour before it was. Its offset is said as the as-required line's are; a dose the
    clock reads once is written as ever."""
    from zoneinfo import ZoneInfo

    from downtime.domain.medication import Check

    patient = patient_on_the_clock(datetime(2026, 10, 24, 12, 0), "2026-10-24T09:00+02:00")
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Ondansetron", "dose": 4, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "02:00 10:00 18:00", "start_at": "2026-10-24T10:00+02:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime(2026, 10, 25, 10, 10, tzinfo=ZoneInfo("Europe/Paris"))
    for given, due in (("2026-10-25T02:10+01:00", "2026-10-25T02:00+02:00"),
                       ("2026-10-25T10:05+01:00", "2026-10-25T10:00+01:00")):
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": given, "scheduled_for": due,
                                              "dose_given": 4, "route": "IV"}, overrides={check: "late" for check in Check})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=2,
                                             first_day=date(2026, 10, 24))))
    assert "HL 02:10 +01:00" in text
    assert re.search(r"HL 10:05(?! \+)", text)


@pytest.mark.parametrize("fold, offset", [(0, "+02:00"), (1, "+01:00")])
def test_a_chart_printed_in_the_repeated_hour_says_which_time_it_stops_at(patient_on_the_clock, session_for, clock,
                                                                          tmp_path, fold, offset):
    """Printed at 02:45 summer time, the chart said "Doses recorded after 25/10/2026 02:45 (when
    this was printed) are not shown", and its footer "on 25/10/2026 02:45": read at 02:20 winter
    time beside a dose given at 02:10 winter time, its empty box read as not given, a second dose."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 2, 45, fold=fold), "2026-10-24T19:00+02:00")
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=2)))
    assert f"Doses recorded after 25/10/2026 02:45 {offset} (when this was printed) are not shown." in text
    assert f"Printed by Hélène Lefèvre on 25/10/2026 02:45 {offset}" in text


def test_a_french_chart_names_its_days_in_french(tmp_path, forms, clock, demo_database):

    from downtime.services import staff
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock, lang="fr")
    patient = census.in_patients(db, forms, ward="3B")[0]
    text = " ".join(_text(printing.print_mar(nurse, [patient.patient_id], tmp_path / "mar.pdf", days=3)))
    assert "jeu. 26/11" in text and "sam. 28/11" in text and "Thu" not in text and "Sat" not in text


def test_a_french_chart_writes_decimals_with_a_comma(tmp_path, session_for, medication_ward):
    """"Morphine 2.5 mg" and a weight of "61.5 kg" on a French ward's chart, where the form, the
    nurse and every French paper chart write 2,5 mg; and "18 units" where the form says unités."""
    from downtime.services import records

    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Oxycodone", "dose": 2.5, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 1.5, "max_doses_24h": 6, "start_at": "2026-11-27T10:00+01:00",
        "controlled": True, "high_alert": True}, patient_id=patient)
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin glargine", "dose": 18, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "time_critical": True},
        patient_id=patient)
    for lang, doses, weight in (("fr", ("Oxycodone 2,5 mg PO", "Insulin glargine 18 unités SC"), "61,5 kg"),
                                ("en", ("Oxycodone 2.5 mg PO", "Insulin glargine 18 units SC"), "61.5 kg")):
        text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf", days=3)))
        assert all(dose in text for dose in doses) and weight in text, lang
    assert "1,5" in " ".join(_text(tmp_path / "fr.pdf"))


def test_the_regular_medicines_band_stays_with_its_first_order(tmp_path, session_for, admission_values):
    """A long allergy list left room at the foot of the page for the "Regular medicines" band
    alone: it sat there, its orders starting on the next page."""
    from downtime.services import records

    allergies = [{"substance": f"Substance {number} " + "x" * 80, "reaction": "Anaphylaxis with urticaria " * 7,
                  "severity": "severe"} for number in range(20)]
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "allergies": allergies}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    pages = _text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3))
    (band,) = [page for page in pages if "Regular medicines" in page]
    assert "Amoxicillin 1 g IV" in band


def test_a_long_medicine_prints_as_whole_words_on_the_chart(tmp_path, session_for, medication_ward):
    """A review found "Piperaci" over "llin" in a chart's medicine column: the name and the
    prescriber's allergy reason under it print as whole words beside nine days."""
    from downtime.services import records

    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Piperacillin with tazobactam", "dose": 4.5, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "06:00 14:00 22:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
        "controlled": False, "high_alert": False, "allergy_reason": "Piperacillin-tazobactam tolerated in 2024"}, patient_id=medication_ward[0])
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [medication_ward[0]], tmp_path / "mar.pdf", days=9)))
    assert "Piperacillin with tazobactam 4.5 g IV" in text
    assert "Piperacillin-tazobactam tolerated in 2024" in text.replace("- ", "-")


def test_as_required_doses_of_a_long_outage_run_over_pages(tmp_path, session_for, admission_values):
    """Paracetamol as required, given four-hourly for two weeks: its doses, all in one line of
    the chart, were taller than a page, reportlab gave up, and the chart did not print. 500 mg a
    dose: six grams a day would be questioned (domain.dose_limits)."""
    from datetime import datetime, timedelta

    from downtime.services import records

    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-14T09:00+01:00"}).patient_id
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 500, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 6, "start_at": "2026-11-14T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    given = datetime.fromisoformat("2026-11-14T10:00+01:00")
    times = []
    while given < datetime.fromisoformat("2026-11-28T13:00+01:00"):
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": given.isoformat(timespec="minutes"),
                                              "given_for": "pain", "dose_given": 500, "route": "PO"})
        times.append(given)
        given += timedelta(hours=4, minutes=5)
    pages = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=14, first_day=date(2026, 11, 15)))
    text = " ".join(pages)
    assert all(f"HL {at:%d/%m %H:%M}" in text for at in times if at.date() >= date(2026, 11, 15))
    assert all("Paracetamol 500 mg PO" in page for page in pages if re.search(r"HL \d\d/\d\d", page))


NOT_GIVEN = ("refused", "nil_by_mouth", "patient_away", "unavailable", "held", "vomited", "asleep", "other")


def _a_fortnight_of_doses(session_for, admission_values):
    """Two weeks of an order at five times a day (given at 08:00, 13:20, 14:00 and 20:00, not
    given at 12:00 with each code in turn) and of one stopped since yesterday (given every
    other morning): today at 14:00 its 12:00 is overdue, 13:20 late and 14:00 due."""
    from datetime import datetime, timedelta

    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-14T09:00+01:00"}).patient_id
    order = {"dose_unit": "mg", "frequency": "scheduled", "start_at": "2026-11-14T10:00+01:00", "controlled": False,
             "high_alert": False}
    # 60 mg five times a day by mouth, each dose given unasked, and so each reason a dose is not
    # given allowed (nil by mouth is for a dose by mouth: see reason_offered)
    regular = records.save_new(doctor, "medication_order", {
        **order, "drug": "Diltiazem", "dose": 60, "route": "PO", "times": "08:00 12:00 13:20 14:00 20:00",
        "review_at": "2026-11-17T10:00+01:00"},
        patient_id=patient).record_id
    stopped = records.save_new(doctor, "medication_order", {
        **order, "drug": "Enoxaparin", "dose": 40, "route": "SC", "times": "09:00 21:00", "high_alert": True,
        "stop_at": "2026-11-27T10:00+01:00"}, patient_id=patient).record_id
    codes = iter(NOT_GIVEN * 2)
    for day in range(14, 28):
        for clock in ("08:00", "12:00", "13:20", "14:00", "20:00"):
            slot = datetime.fromisoformat(f"2026-11-{day}T{clock}+01:00")
            if slot.isoformat() < order["start_at"]:
                continue
            given = {"outcome": "given", "given_at": (slot + timedelta(minutes=7)).isoformat(timespec="minutes"),
                     "scheduled_for": slot.isoformat(timespec="minutes")}
            if clock == "12:00":
                reason = next(codes)
                values = {**given, "outcome": "not_given", "not_given_reason": reason,
                          **({"not_given_detail": "Line blocked"} if reason in ("held", "other") else {})}
            else:
                values = {**given, "dose_given": 60, "route": "PO"}
            medication.record_dose(nurse, regular, values)
        if day % 2:
            medication.record_dose(nurse, stopped, {"outcome": "given", "dose_given": 40, "route": "SC",
                                                    "scheduled_for": f"2026-11-{day}T09:00+01:00",
                                                    "given_at": f"2026-11-{day}T09:10+01:00"},
                                   witness=("doctor", "2222"))  # a high-alert medicine's second check
    medication.record_dose(nurse, regular, {"outcome": "given", "scheduled_for": "2026-11-28T08:00+01:00",
                                            "given_at": "2026-11-28T08:05+01:00", "dose_given": 60, "route": "PO"})
    return nurse, patient


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("days", [9, 10, 11, 12, 13, 14])
def test_no_word_is_broken_inside_the_day_columns_of_a_long_chart(tmp_path, session_for, admission_values, clock,
                                                                  days, lang):
    """Fourteen days across one grid left each day a column narrower than its words: OVERDUE
    printed as OVER / DUE, "not recorded (stopped)" as "not re / corde / d (sto / pped)"."""
    from datetime import timedelta

    from downtime.domain.medication import dose_text
    from downtime.pdf.mar import STATE_WORDS, w
    from downtime.services.laptops import authors

    nurse, patient = _a_fortnight_of_doses(session_for, admission_values)
    nurse = session_for("nurse", lang)
    first = clock().date() - timedelta(days=days - 1)
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=days)))
    cells = [cell for row in medication.mar_grid(nurse.db, patient, first, days, clock()) for cell in row.cells]
    names = authors(nurse)
    for state, key in STATE_WORDS.items():
        words = w(key, lang)
        expected = sum(cell.state is state for cell in cells)
        assert len(re.findall(rf"(?<!\w){re.escape(words)}(?!\w)", text)) == expected, (words, expected)
    assert {cell.state for cell in cells} >= {DoseState.OVERDUE, DoseState.LATE, DoseState.DUE,
                                              DoseState.NOT_RECORDED, DoseState.GIVEN, DoseState.NOT_GIVEN}
    for cell in cells:
        for dose in cell.recorded:
            assert dose_text(dose, names, {}, lang) in text, dose_text(dose, names, {}, lang)


def test_the_dose_forms_reasons_name_the_letters_the_charts_print(forms):
    """A French nurse picks "J — À jeun" and "S — Suspendu"; the chart printed F and W (the
    English letters) with a key to match, and the screen's MAR did too."""
    from downtime.domain.medication import NOT_GIVEN_CODES, NotGivenReason

    field = forms["medication_administration"].field("not_given_reason")
    for lang, letters in NOT_GIVEN_CODES.items():
        assert {option.code: option.label.get(lang).split(" — ")[0] for option in field.options} == \
            {reason.value: letter for reason, letter in letters.items()}, lang
        assert len(set(letters.values())) == len(NotGivenReason)


@pytest.mark.parametrize("lang, key, letters", [
    ("en", "Key: initials + time = given, followed by / witness's initials for a controlled drug, second checker's "
           "for a high-alert medicine.",
     "Circled letter = not given: "),
    ("fr", "Légende : initiales + heure = donné, suivies de / initiales du témoin pour un stupéfiant, du second soignant "
           "pour un médicament à haut risque.",
     "Lettre entourée = non donné : ")])
def test_the_chart_s_key_says_whose_initials_follow_the_slash(forms, tmp_path, session_for, paper_night, lang, key, letters):
    """The morphine's cell reads "HL 07:00 / KB", and the key said only "initials + time =
    given": whose were the initials after the slash? It says, filled or blank, each part of the
    key a line of its own (the French key already reached the page's edge on one)."""
    from datetime import datetime

    from downtime.pdf.mar import code_names

    nurse, patient, _, morphine, _ = paper_night
    medication.record_dose(nurse, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_for": "pain",
                                             "given_at": "2026-11-29T07:00+01:00"}, witness=("doctor", "2222"))
    filled = printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf")
    blank = printing.blank_mar(forms, tmp_path / "blank.pdf", lang=lang, printed_by=None, device_name="Ward 3B",
                               printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00"))
    for chart in (filled, blank):
        lines = [line.strip() for page in PdfReader(chart).pages for line in page.extract_text().splitlines()]
        assert key in lines and letters + code_names(lang) in lines, chart.name


def test_the_chart_s_key_stays_on_one_page_at_a_full_pages_foot(tmp_path, session_for, admission_values, clock):
    """Orders filling the first page to a few lines above its foot (eleven of them, before each
    named its prescriber; eight since): the key's first line fitted there, and "Circled letter =
    not given" went alone onto the next page. The key's lines, the hatched box's too, go together
    onto the page after the chart's last order."""
    from datetime import datetime

    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-29T07:15+01:00")
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    for number in range(8):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": f"Drug {number}", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
            "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
                         patient_id=patient)
    pages = _text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf"))
    assert len(pages) == 2 and "Drug 7 1 g PO" in pages[0]
    assert [n for n, page in enumerate(pages) if "Key: initials + time = given" in page] == [1]
    assert [n for n, page in enumerate(pages) if "Circled letter = not given" in page] == [1]
    assert [n for n, page in enumerate(pages) if "Hatched box: no dose" in page] == [1]


def test_a_french_chart_circles_the_letters_of_the_french_dose_form(tmp_path, session_for, admission_values):
    nurse, patient = _a_fortnight_of_doses(session_for, admission_values)
    text = " ".join(_text(printing.print_mar(session_for("nurse", "fr"), [patient], tmp_path / "mar.pdf", days=14)))
    assert "(J) HL" in text and "(S) HL" in text and "(F)" not in text and "(W)" not in text
    assert "J à jeun" in text and "S suspendu" in text
    english = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar-en.pdf", days=14)))
    assert "(F) HL" in english and "(W) HL" in english and "F fasting/nil by mouth" in english


HELD_KEY = ("DOSE ON HOLD: another laptop recorded this dose otherwise (given, not given or withdrawn), "
            "check it before giving or leaving the next dose")


def test_a_printed_chart_and_ward_pack_flag_a_dose_two_laptops_recorded_otherwise(tmp_path, dose_on_hold):
    """The paper a ward keeps when the laptop goes: the 08:00 dose given on laptop 1 and withdrawn
    on laptop 2 printed as given on one and as OVERDUE on the other, neither saying the other
    laptop's version exists. Each now says so in its cell, with the key beneath the chart."""
    patient, _, _, nurse_1, nurse_2 = dose_on_hold
    given = " ".join(_text(printing.print_mar(nurse_1, [patient], tmp_path / "given.pdf")))
    assert "N 08:05 — left arm (typed 14:00) DOSE ON HOLD" in given and HELD_KEY in given  # its site too
    assert "N 28/11 09:00 — 4 mg (typed 14:00) — DOSE ON HOLD" in given, "an as-required dose too"
    withdrawn = " ".join(_text(printing.print_ward_mar_pack(nurse_2, "3B", tmp_path / "pack.pdf")))
    # Its order written at 14:00 to start the day before, the dose may be on paper as well.
    assert "NOT RECORDED — check the paper DOSE ON HOLD" in withdrawn and HELD_KEY in withdrawn
    # Given by laptop 1's nurse, withdrawn by laptop 2's: the giver is the dose's first author.
    assert "nurse@001 28/11 09:00 — 4 mg (typed 14:00) — withdrawn here — DOSE ON HOLD" in withdrawn, "listed, though withdrawn here"
    assert withdrawn.count("DOSE ON HOLD") == 3, "the cell held, the as-required dose and the key, no other"


def test_a_chart_without_a_dose_on_hold_prints_no_key_for_it(tmp_path, session_for, medication_ward):
    patient, _, _ = medication_ward
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")))
    assert "DOSE ON HOLD" not in text and "recorded on another laptop" not in text


def test_a_printed_chart_names_another_laptops_giver_and_witness_by_staff_id_and_laptop(tmp_path,
                                                                                        doses_from_laptop_1):
    """Laptop 2's chart of doses laptop 1 recorded wrote their initials from laptop 2's staff
    list: "KB", Karim Benali, who has the staff ID hl here, for laptop 1's witness Hélène
    Lefèvre (staff IDs are each laptop's own). The key says what "nurse@001" is."""
    patient, _, _, _, nurse = doses_from_laptop_1
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "nurse@001 08:05" in text and "nurse@001 28/11 09:00 / hl@001" in text
    assert "KB" not in text and "N 08:05" not in text
    assert "Staff ID@number (nurse@002): recorded on another laptop" in text


def test_a_printed_dose_given_other_than_ordered_reads_with_its_amount(tmp_path, medication_ward, half_dose):
    """The paper chart printed half a dose of amoxicillin as "HL 08:05", a full dose to whoever
    read it next."""
    patient = medication_ward[0]
    assert "HL 08:05 — 0.5 g" in " ".join(_text(printing.print_mar(half_dose, [patient], tmp_path / "mar.pdf")))


def test_a_readmitted_patients_printed_chart_reads_not_in_hospital_for_the_time_at_home(tmp_path, medication_ward,
                                                                                       readmitted):
    """The morning at home between two stays printed OVERDUE, a dose to give on the paper chart."""
    printed = " ".join(_text(printing.print_mar(readmitted, [medication_ward[0]], tmp_path / "mar.pdf", days=2)))
    # 27/11 14:00 and 20:00, due before the order was typed in on 28/11, to look for on paper.
    assert printed.count("not in hospital") == 1 and printed.count("NOT RECORDED — check the paper") == 2
    assert "OVERDUE" not in printed


def test_a_printed_chart_lists_an_order_of_an_earlier_stay_apart_first_with_no_dose_due(tmp_path, medication_ward,
                                                                                       earlier_stay):
    """The paper chart of a readmitted patient printed the first stay's furosemide as a running
    order, its 14:00 dose of the day "due". It is listed apart before the medicines, stopped at
    the end of that stay, and its line in the grid holds that stay's 14:00 alone."""
    printed = " ".join(_text(printing.print_mar(earlier_stay[0], [medication_ward[0]], tmp_path / "mar.pdf", days=2)))
    apart = ("Orders of an earlier stay: not to be given Furosemide 40 mg PO — Stopped at the end of the stay of "
             "27/11/2026 — prescribe again if it still stands")
    assert printed.index(apart) < printed.index("Regular medicines")
    assert printed.count("Stopped at the end of the stay of 27/11/2026") == 2
    line = printed[printed.index("Furosemide 40 mg PO", printed.index("Regular medicines")):]
    assert line.startswith("Furosemide 40 mg PO Start 27/11 11:00 — Stopped 27/11 21:00 Prescriber: Dr Karim Benali (doctor) "
                           "Stopped at the end of the stay of "
                           "27/11/2026 — prescribe again if it still stands 14:00 not recorded (stopped) Amoxicillin")


def _furosemide_printed(session, patient, out, days):
    """The chart printed over `days` days, and from the first stay's furosemide's line among the
    regular medicines on (its 14:00 of 27/11)."""
    printed = " ".join(_text(printing.print_mar(session, [patient], out, days=days)))
    return printed, printed[printed.index("Furosemide 40 mg PO Start 27/11", printed.index("Regular medicines")):]


def test_a_printed_order_of_an_earlier_stay_names_the_order_it_was_prescribed_again_as(tmp_path, medication_ward,
                                                                                      earlier_stay, session_for):
    """It still said "prescribe again if it still stands" once prescribed again, then stayed in
    the red box "ordered again" for the whole stay: decided on, it leaves the box, and its line
    among the regular medicines (that stay's 14:00) names the new order, printed below it."""
    doctor = session_for("doctor")
    answers = medication.prescribed_again(doctor, earlier_stay[1])
    records.save_new(doctor, "medication_order", answers, patient_id=medication_ward[0])
    printed, line = _furosemide_printed(earlier_stay[0], medication_ward[0], tmp_path / "mar.pdf", 2)
    assert "Orders of an earlier stay" not in printed and "prescribe again" not in printed
    assert line.startswith("Furosemide 40 mg PO Start 27/11 11:00 — Stopped 27/11 21:00 Prescriber: Dr Karim Benali (doctor) "
                           "Stopped at the end of the stay of "
                           "27/11/2026 — ordered again: Furosemide 40 mg PO, at 14:00, from 28/11/2026 14:30 14:00 "
                           "not recorded (stopped)")
    assert printed.count("Stopped at the end of the stay") == 1


def test_a_printed_order_of_an_earlier_stay_prescribed_again_stays_out_of_the_box_once_the_new_order_stops(
        tmp_path, medication_ward, ordered_again):
    """The furosemide prescribed again, its new order stopped the next day (course finished), was
    printed back in the red box, "prescribe again if it still stands": it stays out, its line
    naming the new order, stopped (read as the chart's course reads it when printed)."""
    printed, line = _furosemide_printed(ordered_again[0], medication_ward[0], tmp_path / "mar.pdf", 3)
    assert "Orders of an earlier stay" not in printed and "prescribe again" not in printed
    assert line.startswith("Furosemide 40 mg PO Start 27/11 11:00 — Stopped 27/11 21:00 Prescriber: Dr Karim Benali (doctor) "
                           "Stopped at the end of the stay of "
                           "27/11/2026 — ordered again: Furosemide 40 mg PO, at 14:00, from 28/11/2026 14:30, stopped "
                           "29/11/2026 15:00 14:00 not recorded (stopped)")  # printed at 16:00: "until" said it ran on


def test_a_printed_order_of_an_earlier_stay_stays_in_the_box_beside_its_medicine_written_apart(
        tmp_path, medication_ward, earlier_stay, session_for):
    """A furosemide written on readmission for another reason, not prescribed again from the
    chart, printed the first stay's as "ordered again", decided on by nobody: it stays in the box."""
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Furosemide", "dose": 20.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "18:00", "controlled": False, "high_alert": False, "start_at": "2026-11-28T14:30+01:00"},
        patient_id=medication_ward[0])
    printed = " ".join(_text(printing.print_mar(earlier_stay[0], [medication_ward[0]], tmp_path / "mar.pdf", days=2)))
    assert ("Orders of an earlier stay: not to be given Furosemide 40 mg PO — Stopped at the end of the stay of "
            "27/11/2026 — prescribe again if it still stands") in printed and "ordered again" not in printed


def test_a_printed_order_of_an_earlier_stay_not_continued_is_a_stopped_order_out_of_the_box(
        tmp_path, medication_ward, earlier_stay, session_for):
    """Recorded not continued, the first stay's furosemide was printed on every chart in the
    red box all the same, "prescribe again if it still stands": it is a medicine stopped at the
    discharge, among the regular medicines."""
    medication.not_continued(session_for("doctor"), earlier_stay[1], "Renal function worse")
    printed, line = _furosemide_printed(earlier_stay[0], medication_ward[0], tmp_path / "mar.pdf", 2)
    assert "Orders of an earlier stay" not in printed and "Stopped at the end of the stay" not in printed
    # The as-required band after it, on this page or atop the next; the stop with why it was written.
    assert line.startswith("Furosemide 40 mg PO Start 27/11 11:00 — Stopped 27/11 21:00: Reviewed on readmission: not "
                           "continued — Renal function worse Prescriber: Dr Karim Benali (doctor) "
                           "14:00 not recorded (stopped) ") and "As required" in line


def test_a_printed_chart_flags_both_orders_of_a_medicine_ordered_twice(tmp_path, medication_ward, insulin_twice):
    printed = " ".join(_text(printing.print_mar(insulin_twice[0], [medication_ward[0]], tmp_path / "mar.pdf")))
    assert printed.count("ALSO ORDERED: Insulin glargine 18 units SC, at 22:00, from") == 2


def test_an_as_required_order_on_hold_keeps_its_flag_beside_its_doses_on_hold(tmp_path, dose_on_hold):
    """Both the ondansetron order and its dose on hold: each says so."""
    from dataclasses import replace

    from downtime.domain.laptops import NOBODY
    from downtime.pdf.mar import mar_pdf

    patient, _, _, _, nurse = dose_on_hold
    first = nurse.clock().date()
    [chart] = printing.charts(nurse, [patient], first, 1)
    prn = next(row.order.record_id for row in chart.rows if row.order.drug == "Ondansetron")
    out = mar_pdf([replace(chart, held=chart.held | {prn})], tmp_path / "mar.pdf", first_day=first, days=1, authors=NOBODY,
                  laptops={}, order_form=nurse.form(medication.ORDER_FORM), dose_form=nurse.form(medication.DOSE_FORM), lang="en",
                  printed_by="Nurse",
                  printed_at=nurse.clock(), device_name="laptop 2")
    printed = " ".join(_text(out))
    assert "ON HOLD: another laptop wrote this order otherwise, check it" in printed
    assert "09:00 — 4 mg (typed 14:00) — withdrawn here — DOSE ON HOLD" in printed


def test_each_chart_of_a_ward_pack_names_the_patients_ward_and_bed(tmp_path, forms, clock, demo_database):
    """A nurse sorting a printed pack for bed 12's chart had only names and numbers to go by:
    every page of each chart now carries, beside its identifiers, where the census puts them."""
    from downtime.services import staff
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)
    pages = _text(printing.print_ward_mar_pack(nurse, "ICU", tmp_path / "pack.pdf"))
    patients = census.in_patients(db, forms, ward="ICU")
    assert patients and all(patient.bed for patient in patients)
    for patient in patients:
        own = [page for page in pages if patient.downtime_number in page]
        assert own and all(f"Ward ICU — Bed {patient.bed}" in page for page in own), patient.bed


def test_a_chart_names_a_long_ward_whole_in_both_languages(tmp_path, session_for, admission_values):
    """A ward code near the longest the forms take (40 characters) and its bed, in English and French."""
    from downtime.services import records, wards

    ward = "Chirurgie orthopédique et traumatologie"
    wards.add_ward(session_for("admin"), ward, "Orthopaedics", ["12", "14"])
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "ward": ward,
                                                                   "bed": "14"}).patient_id
    for lang, place in (("en", f"Ward {ward} — Bed 14"), ("fr", f"Service {ward} — Lit 14")):
        pages = _text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf"))
        assert all(place in page for page in pages), lang


def test_a_chart_of_a_patient_who_has_left_does_not_put_them_in_their_bed(tmp_path, session_for, medication_ward):
    """A discharged patient's chart says they left, as their screen does, not that they lie in bed 12."""
    from downtime.services import records

    patient = medication_ward[0]
    records.save_new(session_for("nurse"), "discharge", {"discharged_at": "2026-11-27T21:00+01:00",
                                                          "destination": "home", "letter_given": True,
                                                          "medicines_given": True}, patient_id=patient)
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf")))
    assert "DISCHARGED — was in ward 3B, bed 12" in text and "Ward 3B — Bed 12" not in text


def test_a_printed_chart_flags_a_dose_this_laptop_has_only_on_hold(tmp_path, dose_held_whole):
    """The 08:00 dose laptop 2 holds only as others' versions on hold printed OVERDUE, with no
    word of it: the paper said to give a dose another laptop says was given."""
    patient, _, _, nurse = dose_held_whole
    printed = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "NOT RECORDED — check the paper DOSE ON HOLD" in printed and HELD_KEY in printed


def test_a_printed_chart_marks_each_dose_given_over_a_warning_with_the_warning_and_reason_under_it(
        tmp_path, session_for, medication_ward):
    """Amoxicillin given over the penicillin allergy and morphine given twice within its 4 h: the
    reasons were kept in each dose's record alone, the pharmacist reviewing the chart could not
    see which doses were given over a warning. Each is marked in its cell, numbered in the order
    given, and named with its warning and reason in the notes under the chart."""
    from downtime.domain.medication import Check

    patient, amox, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00", "dose_given": 1.0,
                                         "route": "IV", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "Tolerated in 2024"})
    for at, overrides in (("2026-11-28T10:00+01:00", {}), ("2026-11-28T11:00+01:00", {Check.PRN_INTERVAL: "Pain 9/10"})):
        medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": at, "dose_given": 5.0, "route": "SC",
                                                 "given_for": "pain"},
                               witness=("doctor", "2222"), overrides=overrides)
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "HL 08:05 (typed 14:00) ⚠1" in text and "HL 28/11 11:00 / KB — 5 mg (typed 14:00) ⚠2" in text \
        and "10:00 / KB — 5 mg (typed 14:00) ⚠" not in text
    assert "⚠ Recorded over a warning, given or not (the warning and the reason recorded):" in text
    assert "⚠1 28/11 08:05 Amoxicillin 1 g IV: Allergy: Tolerated in 2024" in text
    assert "⚠2 28/11 11:00 Morphine 5 mg SC: PRN interval: Pain 9/10" in text


def test_a_dose_recorded_not_given_ahead_is_marked_and_its_reason_printed(tmp_path, session_for, medication_ward):
    """The 20:00 amoxicillin recorded at 14:00 as not given, held by the surgeon for the evening's
    theatre: the chart marks it and says why under its key, under a heading that said "Given over
    a warning" of a dose not given."""
    from downtime.domain.medication import Check

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "held",
                                         "not_given_detail": "surgeon's decision",
                                         "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T20:00+01:00"},
                           overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "(W) HL 14:00 ⚠1" in text
    assert "⚠1 28/11 14:00 Amoxicillin 1 g IV: Not given, recorded ahead: Theatre at 20:30" in text


GENTAMICIN_ONCE = {"drug": "Gentamicin", "dose": 350, "dose_unit": "mg", "route": "IV", "frequency": "once",
                   "start_at": "2026-11-28T00:10+01:00", "controlled": False, "high_alert": True}


def test_a_once_only_order_prints_under_once_only_medicines_not_regular_ones(tmp_path, session_for, medication_ward):
    """Gentamicin written once at 00:10 printed under "Regular medicines", its 00:10 row read as
    a dose due at 00:10 each day, blank on the next: the day team's chart asked for it again."""
    from downtime.services import records

    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", GENTAMICIN_ONCE, patient_id=patient)
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3,
                                             first_day=date(2026, 11, 27))))
    regular, once = text.index("Regular medicines"), text.index("Once-only medicines")
    assert regular < text.index("Amoxicillin 1 g IV") < once < text.index("Gentamicin 350 mg IV")
    assert text.count("Gentamicin 350 mg IV") == 1


def test_a_printed_order_the_allergy_matches_says_why_it_was_prescribed(tmp_path, session_for, medication_ward):
    """The chart printed for the day team read "ALLERGIES: Penicillin" above "Amoxicillin 1 g IV"
    and nothing else: the doctor's reason was on the screen's dose dialog alone."""
    patient, _, _ = medication_ward
    for lang, said in (("en", "Prescribed despite the allergy to Penicillin (Rash, moderate): "
                              "“Rash as a child; amoxicillin tolerated since”"),
                       ("fr", "Prescrit malgré l’allergie enregistrée — Penicillin (Rash, modérée) : "
                              "« Rash as a child; amoxicillin tolerated since »")):
        text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf",
                                                 days=3, first_day=date(2026, 11, 27))))
        assert said in text, lang


def test_a_reason_kept_from_the_medicine_an_order_was_amended_from_is_not_printed(tmp_path, session_for,
                                                                                  medication_ward):
    """Amoxicillin amended to clarithromycin keeps the reason written for amoxicillin: printed,
    it said clarithromycin was prescribed despite the allergy."""
    from downtime.services import records

    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "drug": "Clarithromycin"}, "other antibiotic")
    text = " ".join(_text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3,
                                             first_day=date(2026, 11, 27))))
    assert "Clarithromycin 1 g IV" in text and "Prescribed despite" not in text


def test_a_printed_opioid_above_a_first_dose_says_the_prescribers_reason(tmp_path, session_for, medication_ward):
    """MST 60 mg twice a day printed as any other order: the day team read no reason for a dose
    four times a usual first one, which the prescriber had given on the laptop."""
    from downtime.services import records

    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine sulfate MR", "dose": 60.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": True, "high_alert": False,
        "dose_reason": "MST 60 mg BD at home"}, patient_id=patient)
    for lang, said in (("en", "Prescribed above a usual first dose: “MST 60 mg BD at home”"),
                       ("fr", "Prescrit au-dessus de la dose initiale habituelle : « MST 60 mg BD at home »")):
        text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf",
                                                 days=3, first_day=date(2026, 11, 27))))
        assert said in text, lang


FLUIDS = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": False}


def test_an_iv_fluid_order_carries_its_rate_on_the_chart(tmp_path, session_for, medication_ward):
    """A litre of saline was ordered with no rate: the chart said "1000 mL IV" at 08:00 and
    16:00, and the nurse setting the pump asked the doctor, or guessed. Its rate is now on the
    order, and the chart reads it on screen and paper; an order that is no infusion has none."""
    from downtime.services import records

    patient = medication_ward[0]
    fluids = records.save_new(session_for("doctor"), "medication_order", FLUIDS, patient_id=patient)
    nurse = session_for("nurse")
    order = medication.order(nurse.db, fluids.record_id)
    assert medication.order_label(order, nurse.form("medication_order"), "en") == \
        "Sodium chloride 0.9% 1000 mL IV at 125 mL/h"
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "Sodium chloride 0.9% 1000 mL IV at 125 mL/h" in text
    bolus = records.save_new(session_for("doctor"), "medication_order", {**FLUIDS, "form": "injection", "dose": 250.0},
                             patient_id=patient)
    assert "rate_ml_h" not in bolus.data and medication.order(nurse.db, bolus.record_id).rate_ml_h is None


def test_another_laptops_dose_amended_here_keeps_its_giver_and_witness_of_that_laptop(tmp_path, doses_from_laptop_1):
    """Laptop 2's nurse corrected the site of the morphine laptop 1 gave: the chart then gave
    the dose to laptop 2's nurse, witnessed by Karim Benali (laptop 2's hl), on paper and in the
    FHIR bundle; the giver and witness are those of the dose's first version, on laptop 1."""
    import json

    from downtime.services import records
    from downtime.sync.export import export

    patient, _, _, dose, nurse = doses_from_laptop_1
    records.amend(nurse, dose, {**records.current(nurse.db, dose).data, "site": "left arm"}, "site")
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "nurse@001 28/11 09:00 / hl@001" in text and "KB" not in text
    bundle = json.loads((export(nurse, tmp_path / "usb").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (given,) = [entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{dose}"]
    actors = [performer["actor"] for performer in given["performer"]]
    assert [actor["display"] for actor in actors] == ["Nurse (ward nurse)", "Hélène Lefèvre (ward nurse)"]
    laptop_2 = f"urn:downtime:staff:{nurse.device.device_id}"
    assert [actor["identifier"]["value"] for actor in actors] == ["nurse", "hl"]
    assert all(actor["identifier"]["system"] != laptop_2 for actor in actors), "laptop 1's staff, not laptop 2's"


def test_a_french_chart_says_an_overdue_dose_as_the_screen_does(tmp_path, session_for, medication_ward, clock):
    """The screen read DÉPASSÉ and the paper "OUBLI ?" for one dose: two words for one state."""
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")  # the 14:00 dose overdue
    text = " ".join(_text(printing.print_mar(session_for("nurse", "fr"), [medication_ward[0]], tmp_path / "mar.pdf")))
    assert "DÉPASSÉ" in text and "OUBLI" not in text


def test_a_dose_not_given_for_another_reason_says_why_under_the_chart(tmp_path, session_for, medication_ward, clock):
    """Amoxicillin's 08:00 dose not given, "O — Other (write why)": the nurse wrote "IV line
    tissued, resited at 10:00", and the chart read "(O) HL", the why in the dose's record alone:
    the pharmacist reviewing omitted doses could not tell one that mattered. The reasons written
    are listed under the chart, as the warnings given over are; a dose not given with none is not."""
    from datetime import datetime

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "other",
                                         "not_given_detail": "IV line tissued, resited at 10:00",
                                         "given_at": "2026-11-28T08:10+01:00",
                                         "scheduled_for": "2026-11-28T08:00+01:00"})
    medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "refused",
                                         "given_at": "2026-11-28T14:10+01:00",
                                         "scheduled_for": "2026-11-28T14:00+01:00"})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert ("Not given, the reason written: 28/11 08:00 Amoxicillin 1 g IV: (O) IV line tissued, resited at 10:00"
            in text)
    assert "28/11 14:00 Amoxicillin" not in text
    french = " ".join(_text(printing.print_mar(session_for("nurse", "fr"), [patient], tmp_path / "fr.pdf")))
    assert ("Non donnée, le motif écrit : 28/11 08:00 Amoxicillin 1 g IV : (O) IV line tissued, resited at 10:00"
            in french)


def test_an_as_required_dose_not_given_is_dated_in_the_printed_list(tmp_path, session_for, medication_ward, clock):
    """The as-required doses are a list, not a day's cell: morphine offered at 10:00 and refused
    printed "(R) HL" among the dated doses, nothing saying which day or hour it was refused."""
    from datetime import datetime

    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:30+01:00")
    medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                             "given_at": "2026-11-28T10:00+01:00"})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "(R) HL 28/11 10:00" in text


@pytest.mark.parametrize("lang, words", [
    ("en", ["Start (date, time)", "Prescriber signature and printed name", "Indication Interval, most in 24 h",
            "min ___ h apart max ___ /24 h", "Once-only medicines", "Date and time to give",
            "Given (time, initials, witness)"]),
    ("fr", ["Début (date, heure)", "Signature et nom du prescripteur", "Indication Intervalle, max sur 24 h",
            "intervalle ___ h max ___ /24 h", "Doses uniques", "Date et heure prévues",
            "Donnée (heure, initiales, témoin)"]),
])
def test_a_blank_chart_asks_what_a_paper_chart_asks_of_each_order(tmp_path, lang, words):
    """A blank chart gave each order a box for "medicine, dose, route" and a signature alone: no
    start date, indication, printed name (a signature is not read), and for an as-required
    medicine no least interval or most in 24 hours, which the filled chart prints for each;
    nor anywhere to write a once-only dose (the national inpatient chart's front page)."""
    out = tmp_path / "blank-mar.pdf"
    assert main(["pdf", "blank", "mar", "--lang", lang, "--out", str(out)]) == 0
    pages = _text(out)
    text = " ".join(pages)
    for said in words:
        assert said in text, said
    assert text.count(words[1]) == 11 + 6 + 1  # each regular and as-required order, the once-only heading
    assert len(pages) == 6
    for page in PdfReader(out).pages:
        right, top = float(page.mediabox.width), float(page.mediabox.height)
        placed = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and placed.append((tm[4], tm[5])))
        assert all(0 <= x < right and 0 <= y < top for x, y in placed)


@pytest.mark.parametrize("lang, title, rows", [("en", "blank 7-day chart", "Date Time Dose Reason By / witness"),
                                               ("fr", "vierge, 7 jours", "Date Heure Dose Motif Par / témoin")])
def test_a_blank_chart_runs_a_week_with_a_column_for_each_as_required_dose(tmp_path, lang, title, rows):
    """The blank chart ran 3 days, with 4 as-required lines and a box each to write their doses
    in as they came: a ward's paper chart runs a week, and gives each as-required dose a column
    of boxes (date, time, dose, who gave and witnessed it). Every box still takes handwriting."""
    from reportlab.lib.units import mm

    out = tmp_path / "blank-mar.pdf"
    assert main(["pdf", "blank", "mar", "--lang", lang, "--out", str(out)]) == 0
    pages = _text(out)
    assert all(title in page for page in pages)
    assert _dose_rows(" ".join(pages), rows) == 6
    reader = PdfReader(out)

    def placed(page: int) -> list[tuple[str, float, float]]:
        found: list[tuple[str, float, float]] = []
        reader.pages[page].extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and found.append(
            (text.strip(), cm[4] + tm[4], cm[5] + tm[5])))
        return found

    days = sorted(x for text, x, _ in placed(0) if text == "__/__")
    assert len(days) == 7 and min(b - a for a, b in zip(days, days[1:])) >= 20 * mm
    date, time, dose = rows.split()[:3]
    heights = {text: y for text, _, y in placed(3) if text in (date, time, dose)}
    assert heights[date] - heights[time] >= 7 * mm - 0.1 and heights[time] - heights[dose] >= 7 * mm - 0.1



@pytest.mark.parametrize("lang, rows, signed", [
    ("en", "Date Time Dose Reason By / witness", "Prescriber signature and printed name"),
    ("fr", "Date Heure Dose Motif Par / témoin", "Signature et nom du prescripteur"),
])
def test_a_blank_chart_asks_why_each_as_required_dose_was_given(tmp_path, lang, rows, signed):
    """The laptop asks why each as-required dose was given ("pain 7/10") and the filled chart
    prints it, but the blank chart's as-required doses had boxes for their date, time, dose and
    who gave them only: a dose written on paper while the laptop was down lacked its reason.
    Each as-required order's doses now have a box each for it, tall enough to write in, and the
    chart keeps its six pages."""
    from reportlab.lib.units import mm

    out = tmp_path / "blank-mar.pdf"
    assert main(["pdf", "blank", "mar", "--lang", lang, "--out", str(out)]) == 0
    pages = _text(out)
    assert len(pages) == 6
    reason, by = rows.split()[3], rows.split(maxsplit=4)[4]
    as_required = [index for index, page in enumerate(pages) if by in page]
    assert as_required == [3, 4]
    for index in as_required:
        assert _dose_rows(pages[index], rows) == pages[index].count(signed) > 0
    found: list[tuple[str, float]] = []
    PdfReader(out).pages[3].extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and found.append(
        (text.strip(), cm[5] + tm[5])))
    tops = [y for text, y in found if text == reason]
    bottoms = [y for text, y in found if text == by]
    assert len(tops) == len(bottoms) == 3
    assert all(top - bottom >= 7 * mm - 0.1 for top, bottom in zip(tops, bottoms))
def test_an_as_required_dose_prints_why_it_was_given_beside_it_whole(tmp_path, paracetamol, clock):
    """Each as-required dose with the reason its nurse gave it for, as the paper MAR's
    as-required part asks; one recorded before the dose form asked it prints as it did."""
    nurse, _, prn = paracetamol
    why = ("pain 7/10 in the left hip after physiotherapy, not eased by repositioning; "
           "asked for it again at the end of the session")
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T06:30+01:00",
                                                  "dose_given": 1.0, "route": "PO", "given_for": why})
    records.save_new(nurse, medication.DOSE_FORM, {  # as recorded before the form asked why
        "order": prn.record_id, "outcome": "given", "given_at": "2026-11-27T22:00+01:00", "dose_given": 1.0,
        "route": "PO"}, patient_id=prn.patient_id, checked_by_service=True)
    clock.now = clock.now.replace(hour=8)
    for lang, said, typed in (("en", "for: ", "typed"), ("fr", "motif : ", "saisie")):
        text = " ".join(_text(printing.print_mar(replace(nurse, lang=lang), [prn.patient_id],
                                                 tmp_path / f"mar_{lang}.pdf", days=2, first_day=date(2026, 11, 27))))
        assert f"HL 27/11 22:00 — 1 g ({typed} 28/11 07:00) HL 28/11 06:30 — 1 g ({typed} 07:00) — {said}{why}" in text


HATCH_RGB = (0.54902, 0.54902, 0.54902)  # pdf.grid.HATCH as the page writes it
LINE_TOP = 3.0 + 7.5  # a cell's first baseline under its row's top: the padding, and a line of the chart's text


def _hatches(form, reader) -> bool:
    """Whether a form XObject strokes lines in the hatching's grey."""
    from pypdf.generic import ContentStream

    colour, lines = None, 0
    for operands, operator in ContentStream(form.get_object(), reader).operations:
        if operator == b"RG":
            colour = tuple(round(float(value), 5) for value in operands)
        elif operator == b"l" and colour == HATCH_RGB:
            lines += 1
    return lines > 0


def _drawn(page, reader):
    """The page's words (text, x, y of its baseline) and the boxes (x, y, width, height) a
    hatching form is drawn through, on the page: its grids are placed by translations alone,
    their text set by Tm, and each hatched run is a rectangle of the clipping path the grid
    shows the form through."""
    from pypdf.generic import ContentStream

    forms = page["/Resources"].get("/XObject", {})
    offsets, offset, at, boxes, words, clipped, path = [], (0.0, 0.0), (0.0, 0.0), [], [], [], []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            offsets.append((offset, clipped))
        elif operator == b"Q":
            offset, clipped = offsets.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(value) for value in operands)
            assert (a, b, c, d) == (1, 0, 0, 1), "a grid placed otherwise than by a translation"
            offset = (offset[0] + e, offset[1] + f)
        elif operator == b"Tm":
            at = (float(operands[4]) + offset[0], float(operands[5]) + offset[1])
        elif operator == b"Tj":
            words.append((str(operands[0]), *at))
        elif operator == b"re":
            x, y, width, height = (float(value) for value in operands)
            path.append((x + offset[0], y + offset[1], width, height))
        elif operator in (b"W", b"W*"):
            clipped, path = path, []
        elif operator in (b"n", b"f", b"f*", b"F", b"S", b"s", b"B", b"b"):
            path = []
        elif operator == b"Do" and _hatches(forms[operands[0]], reader):
            boxes += clipped
            clipped = []
    return words, boxes


def _hatched_cells(path, drugs, days):
    """(drug, day heading, time) of each chart cell a hatching is drawn through, placed by where
    the page prints the day headings, the time rows and the orders (a row begins at its first
    line's top); "below" one placed in none."""
    reader = PdfReader(path)
    cells = set()
    for page in reader.pages:
        words, boxes = _drawn(page, reader)
        columns = sorted((x, text) for text, x, _ in words if text in days)
        if not columns:
            continue
        tops = {kind: sorted((y + LINE_TOP, text) for text, x, y in words if x < columns[0][0] and match(text))
                for kind, match in (("time", lambda said: re.fullmatch(r"\d\d:\d\d", said)),
                                    ("drug", lambda said: said.split(" ")[0] in drugs))}
        for left, bottom, width, height in boxes:
            y = bottom + height / 2
            for x, day in columns:
                if left <= x - PAD + 1 < left + width:
                    time, drug = ([text for top, text in tops[kind] if top >= y][:1] or ["below"]
                                  for kind in ("time", "drug"))
                    cells.add((drug[0].split(" ")[0], day, time[0]))
    return cells


PAD = 6.0  # a cell's text from its left edge


@pytest.mark.parametrize("lang, course", [("en", "Start 27/11 10:00 — Stopped 28/11 12:00"),
                                          ("fr", "Début 27/11 10:00 — Arrêt 28/11 12:00")])
def test_the_cells_outside_an_orders_course_are_hatched_and_its_start_and_stop_named(tmp_path, session_for,
                                                                                      course_orders, lang, course):
    """LEFÈVRE's furosemide, started on the chart's last day at 14:03, printed "01/12 14:03" and
    its 08:00 cells of the three days blank: on paper, blank reads as a dose not given or not
    signed, and a nurse could sign in it. A cell no dose falls in (see
    medication.MarRow.outside_course) is hatched, and the order names its start and stop."""
    from tests.test_medication_service import OUTSIDE_COURSE

    patient = course_orders[0]
    out = printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf", days=3)
    text = " ".join(_text(out))
    assert course in text
    assert ("Hatched box: no dose of the order at that time" if lang == "en" else
            "Case hachurée : aucune dose de la prescription à cette heure") in text
    headings = {"en": ("Thu", "Fri", "Sat"), "fr": ("jeu.", "ven.", "sam.")}[lang]
    days = {f"{name} {day}/11": day for name, day in zip(headings, (26, 27, 28))}
    hatched = _hatched_cells(out, ("Amoxicillin", "Furosemide", "Ondansetron", "Morphine"), days)
    assert {(drug, days.get(day, day), time) for drug, day, time in hatched} == OUTSIDE_COURSE


BETWEEN = {"en": "; ", "fr": " ; "}
"""A list's parts as each language writes them: French typography puts a space before ";"."""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_printed_charts_lists_put_a_space_before_the_semicolon_in_french(tmp_path, session_for, medication_ward,
                                                                           insulin_twice, lang):
    """A third insulin order flags the two others, and a dose given over two warnings names both
    reasons: the French chart read "…22:00; Insulin…" and "…en 2024; Dose…", where every
    sentence of its catalogue writes " ; "."""
    from downtime.domain.medication import Check

    patient, amox, _ = medication_ward
    nurse, first, _ = insulin_twice
    records.save_new(session_for("doctor"), "medication_order", {**first.data, "start_at": "2026-11-28T09:00+01:00"},
                     patient_id=patient)
    medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 0.5, "route": "IV",
                                         "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "tolerated in 2024", Check.DOSE_MISMATCH: "renal function"})
    printed = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf")))
    assert f"from 28/11/2026 09:00{BETWEEN[lang]}Insulin glargine" in printed.replace("à partir du", "from")
    assert f"tolerated in 2024{BETWEEN[lang]}" in printed


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_printed_charts_cell_of_two_doses_puts_a_space_before_the_semicolon_in_french(tmp_path, paracetamol,
                                                                                        session_for, lang):
    """Paracetamol of 27/11 14:00 refused, then given at 14:30: its cell names both doses, as
    they happened, in French "(R) HL ; HL 14:30" where every sentence of the chart writes " ; "."""
    nurse, regular, _ = paracetamol
    slot = "2026-11-27T14:00+01:00"
    medication.record_dose(nurse, regular.record_id, {"outcome": "not_given", "not_given_reason": "refused",
                                                      "scheduled_for": slot, "given_at": slot})
    medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": "2026-11-27T14:30+01:00",
                                                      "scheduled_for": slot, "dose_given": 1.0, "route": "PO"})
    printed = " ".join(_text(printing.print_mar(session_for("nurse", lang), [regular.patient_id], tmp_path / "mar.pdf")))
    typed = {"en": "typed", "fr": "saisie"}[lang]
    assert f"(R) HL ({typed} 28/11 07:00){BETWEEN[lang]}HL 14:30 ({typed} 28/11 07:00)" in printed, printed


def test_doses_given_over_the_same_warning_for_the_same_reason_share_one_note(tmp_path, session_for, medication_ward):
    """A patient whose allergies were not known yet had every dose recorded over that warning,
    for one reason: the chart listed it once a dose (two weeks of them spilled a page of the same
    line). One note per order and reason, naming each dose's time; another reason has its own."""
    from downtime.domain.medication import Check

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    for slot, at, reason in (("27T14:00", "27T14:05", "Tolerated in 2024"), ("27T20:00", "27T20:10", "Prescriber asked"),
                             ("28T08:00", "28T08:05", "Tolerated in 2024")):
        medication.record_dose(nurse, amox, {"outcome": "given", "given_at": f"2026-11-{at}+01:00", "dose_given": 1.0,
                                             "route": "IV", "scheduled_for": f"2026-11-{slot}+01:00"},
                               overrides={Check.ALLERGY: reason})
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "HL 14:05 (typed 28/11 14:00) ⚠1" in text and "HL 20:10 (typed 28/11 14:00) ⚠2" in text \
        and "HL 08:05 (typed 14:00) ⚠1" in text
    assert "⚠1 27/11 14:05, 28/11 08:05 Amoxicillin 1 g IV: Allergy: Tolerated in 2024" in text
    assert "⚠2 27/11 20:10 Amoxicillin 1 g IV: Allergy: Prescriber asked" in text and "⚠3" not in text


@pytest.mark.parametrize(("lang", "first", "second"), [
    ("en", "Ward 3B — Bed 12 — SAME NAME: bed 3", "Ward 3B — Bed 3 — SAME NAME: bed 12"),
    ("fr", "Service 3B — Lit 12 — MÊME NOM : lit 3", "Service 3B — Lit 3 — MÊME NOM : lit 12")])
def test_the_charts_of_two_patients_sharing_a_name_say_so_in_their_header_box(tmp_path, session_for, medication_ward,
                                                                               twin, lang, first, second):
    """The census sheet said "SAME NAME: bed 3"; the printed charts of the two Mrs Martin said
    nothing of it, each page alike but for its bed. Each chart alone and the ward pack say it."""
    patient = medication_ward[0]
    nurse = session_for("nurse", lang)
    for who, place in ((patient, first), (twin, second)):
        pages = _text(printing.print_mar(nurse, [who], tmp_path / f"{who}.pdf"))
        assert all(place in page for page in pages), (place, pages[0][:400])
    pack = _text(printing.print_ward_mar_pack(nurse, "3B", tmp_path / "pack.pdf"))
    assert {place for page in pack for place in (first, second) if place in page} == {first, second}


def test_a_chart_of_a_patient_alone_with_their_name_prints_no_name_alert(tmp_path, session_for, medication_ward):
    pages = _text(printing.print_mar(session_for("nurse"), [medication_ward[0]], tmp_path / "mar.pdf"))
    assert all("Ward 3B — Bed 12" in page and "SAME NAME" not in page for page in pages)


def test_an_hourly_order_prints_its_24_times_each_day(tmp_path, session_for, medication_ward, clock):
    """An hourly order could not be written ("too long (at most 60 characters)"); written, its
    24 times each print as a line of the chart, every time whole."""
    from datetime import datetime

    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T12:10+01:00")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Glucose 10 % (capillary check and top-up)", "dose": 50.0, "dose_unit": "mL", "route": "IV",
        "frequency": "scheduled", "times": " ".join(f"{hour:02d}:00" for hour in range(24)),
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True}, patient_id=patient)
    out = printing.print_mar(session_for("nurse"), [patient], tmp_path / "hourly.pdf")
    text = " ".join(_text(out))
    assert all(f"{hour:02d}:00" in text for hour in range(24))
    # Twelve times to a box of the medicine, a page breaking between them: the 24 in one box were
    # taller than a page, and the chart did not print. The box going on says its flag again.
    assert "Glucose 10 % (capillary check and top-up) 50 mL IV Start 27/11 10:00 Prescriber: Dr Karim Benali (doctor) " \
           "HIGH-ALERT" in text
    assert "Glucose 10 % (capillary check and top-up) 50 mL IV (continued) HIGH-ALERT" in text


BLANK_ORDER_BOX = {"en": ("Prescriber signature and printed name", ["Infusion rate: ________ mL/h", "☐ CD — witness",
                                                                    "☐ High-alert", "Start (date, time)",
                                                                    "Stop (date) or duration"]),
                   "fr": ("Signature et nom du prescripteur", ["Perfusion, débit : ________ mL/h",
                                                              "☐ Stupéfiant — témoin", "☐ Haut risque",
                                                              "Début (date, heure)", "Arrêt (date) ou durée"])}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_blank_chart_asks_of_each_order_what_the_order_screen_asks(tmp_path, lang):
    """A blank chart's order asked its medicine, start, indication and signature alone: its stop
    date or duration, an infusion's rate, and whether it is a controlled drug (a witness to each
    dose) or a high-alert medicine, which the order screen asks and the filled chart prints, had
    nowhere to be written, and an order written on paper was typed in without them. Each regular
    and as-required order's box asks them, in the box beside its grid, and each once-only line
    an infusion's rate and the two ticks."""
    out = tmp_path / "blank-mar.pdf"
    assert main(["pdf", "blank", "mar", "--lang", lang, "--out", str(out)]) == 0
    pages = _text(out)
    signed, asked = BLANK_ORDER_BOX[lang]
    for page in pages[:5]:  # the regular orders', then the as-required orders' pages
        assert all(page.count(said) == page.count(signed) > 0 for said in asked), page
    rate, controlled, high_alert = asked[:3]
    # Seven once-only lines, the medicines taken before admission under them on the page.
    assert pages[5].count(rate) == pages[5].count(controlled) == pages[5].count(high_alert) == 7
    reader = PdfReader(out)
    for index in (0, 3):
        found: list[tuple[str, float]] = []
        reader.pages[index].extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and found.append(
            (text.strip(), cm[4] + tm[4])))
        grid = min(x for text, x in found if text in ("__/__", "Date"))  # the first day's column, the first dose's
        ticks = [x for text, x in found if text.startswith(("☐", controlled, high_alert))]
        assert ticks and all(x < grid for x in ticks)


def test_a_chart_prints_all_an_order_box_asks_of_an_order(tmp_path, session_for, medication_ward):
    """The blank chart and the order screen ask each order's indication; the filled chart printed
    an as-required order's alone, and a regular order's was on no chart. Its box now prints each
    answer the blank one asks: rate, indication, start and stop, prescriber (its printed name: a
    nurse at night did not know whom to call), controlled drug, high-alert. A telephone order
    typed in by the doctor on the ward names its prescriber, printed in place of its writer."""
    patient = medication_ward[0]
    records.save_new(session_for("doctor"), "medication_order", {
        **FLUIDS, "drug": "Morphine", "dose": 50.0, "dose_unit": "mg", "rate_ml_h": 2.0,
        "dose_reason": "On oral morphine 120 mg in 24 h",
        "indication": "Palliative pain", "stop_at": "2026-11-30T08:00+01:00", "controlled": True, "high_alert": True},
        patient_id=patient)
    records.save_new(session_for("doctor"), "medication_order", {**FLUIDS, "drug": "Ondansetron", "dose": 4.0,
                                                                 "dose_unit": "mg", "prescriber": "Dr Anne Roux (phone)"},
                     patient_id=patient)
    for lang, said, phoned in (
            ("en", "Morphine 50 mg IV at 2 mL/h Indication: Palliative pain Start 28/11 08:00 — Until 30/11 08:00 "
                   "Prescriber: Dr Karim Benali (doctor) CONTROLLED DRUG — witness HIGH-ALERT",
             "Ondansetron 4 mg IV at 125 mL/h Start 28/11 08:00 Prescriber: Dr Anne Roux (phone)"),
            ("fr", "Morphine 50 mg IV à 2 mL/h Indication : Palliative pain Début 28/11 08:00 — "
                   "Jusqu’au 30/11 08:00 Prescripteur : Dr Karim Benali (doctor) STUPÉFIANT — témoin HAUT RISQUE",
             "Ondansetron 4 mg IV à 125 mL/h Début 28/11 08:00 Prescripteur : Dr Anne Roux (phone)")):
        text = " ".join(_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf")))
        assert said in text and phoned in text, lang
        assert text.count("Dr Karim Benali") == 3, "the morphine infusion's, the fixture's amoxicillin's and morphine's"


def test_two_nurses_with_the_same_initials_are_told_apart_and_named_in_the_key(tmp_path, session_for, night):
    """Hélène Lefèvre and Hugo Laurent both printed "HL", and the chart named neither: nobody could
    tell who gave which dose. Each now has initials of their own, and the key names everyone
    who signed the chart, as a paper chart's signature sheet does."""
    from downtime.domain.medication import Check
    from downtime.domain.staff import Role
    from downtime.services import staff
    from downtime.services.context import Session

    patient, amox, _ = night
    staff.add_staff(session_for("admin"), "hlaurent", "Hugo Laurent", Role.WARD_NURSE, "7777")
    nurse = session_for("nurse")
    hugo = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "hlaurent", "7777", nurse.clock), nurse.forms,
                   nurse.clock)
    for who, at, slot in ((nurse, "08:05", "08:00"), (hugo, "13:58", "14:00")):
        medication.record_dose(who, amox, {"outcome": "given", "given_at": f"2026-11-28T{at}+01:00", "dose_given": 1.0,
                                           "route": "IV", "scheduled_for": f"2026-11-28T{slot}+01:00"},
                               overrides={Check.ALLERGY: "tolerated", "late": "charted late"})
    (text,) = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    assert "HL2 08:05" in text and "HL1 13:58" in text
    assert "Signatures: HL1 = Hugo Laurent (hlaurent); HL2 = Hélène Lefèvre (nurse)" in text
    (french,) = _text(printing.print_mar(session_for("nurse", lang="fr"), [patient], tmp_path / "fr.pdf"))
    assert "Signatures : HL1 = Hugo Laurent (hlaurent) ; HL2 = Hélène Lefèvre (nurse)" in french


def test_one_nurse_of_her_initials_keeps_them_and_is_named_in_the_key(tmp_path, session_for, night):
    from downtime.domain.medication import Check

    patient, amox, _ = night
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00", "dose_given": 1.0,
                                         "route": "IV", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "tolerated", "late": "charted late"})
    (text,) = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    assert "HL 08:05" in text and "Signatures: HL = Hélène Lefèvre (nurse)" in text


def _eight_orders(doctor, patient):
    """Eight regular orders more: the chart runs over two pages and the as-required morphine to a third."""
    for drug in ("Paracetamol", "Omeprazole", "Pantoprazole", "Furosemide", "Bisoprolol", "Ramipril", "Atorvastatin",
                 "Lansoprazole"):
        records.save_new(doctor, "medication_order", {
            "drug": drug, "dose": 1.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
            "high_alert": False}, patient_id=patient)


def test_every_page_of_a_printed_mar_gives_the_allergy_status(tmp_path, session_for, medication_ward):
    """A penicillin-allergic patient's chart ran to three pages: the first named the allergy, the
    rest of the regular orders and the as-required page (morphine) named none, and a page parted
    from the first read as if there were no allergy. Each page's identification box words it."""
    patient, _, _ = medication_ward
    _eight_orders(session_for("doctor"), patient)
    pages = _text(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf"))
    assert len(pages) > 1 and any("Morphine" in page for page in pages[1:])
    assert all("ALLERGIES: Penicillin (Rash, moderate)" in page for page in pages)


def test_each_chart_of_a_ward_pack_gives_its_own_patients_allergy_status(tmp_path, session_for, medication_ward,
                                                                        admission_values):
    """In a pack the identification box changes with the patient, and its allergy line with it."""
    _eight_orders(session_for("doctor"), medication_ward[0])
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Durand", "used_name": "Durand",
                                          "nir": None, "identity_status": "provisional", "bed": "13",
                                          "allergy_status": "nka", "allergies": []})
    pages = _text(printing.print_ward_mar_pack(nurse, "3B", tmp_path / "pack.pdf"))
    assert len(pages) > 2
    for page in pages:
        assert ("DURAND" in page) == ("No known allergies" in page) != ("Penicillin (Rash, moderate)" in page)


LONG_REACTIONS = [{"substance": substance, "reaction": "Anaphylaxis with urticaria and wheeze", "severity": "severe"}
                  for substance in ("Penicillin", "Latex", "Codeine", "Iodinated contrast")]


@pytest.mark.parametrize(("status", "allergies", "said"), [
    ("allergies", [{"substance": "Penicillin", "reaction": "Hives", "severity": "moderate"}],
     "ALLERGIES: Penicillin (Hives, moderate)"),
    ("nka", [], "No known allergies"),
    ("unknown", [], "ALLERGIES NOT KNOWN YET — ask the patient, family or GP"),
])
def test_each_mar_page_says_the_allergy_status_once(tmp_path, session_for, medication_ward, admission_values, status,
                                                    allergies, said):
    """Page 1 said the allergies twice, in its identification box and again in big letters over
    the orders, where every other page has the box alone: one statement a page, "No known
    allergies" told apart from "not known yet" all the same."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    admission = census.in_patients(nurse.db, nurse.forms, ward="3B")[0]
    record = records.current(nurse.db, admission.admission_record_id)
    records.amend(nurse, record.record_id, {**record.data, "allergy_status": status, "allergies": allergies},
                  "Asked the family")
    _eight_orders(session_for("doctor"), patient)
    pages = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    assert len(pages) > 1
    assert [page.count(said) for page in pages] == [1] * len(pages)


def test_a_mar_whose_box_names_the_allergens_alone_gives_their_reactions_on_its_first_page(
        tmp_path, session_for, medication_ward):
    """Reactions too long for the identification box's two lines: the box names each allergen
    with its severity, and page 1 keeps the reactions, as the whole line it printed before."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    admission = census.in_patients(nurse.db, nurse.forms, ward="3B")[0]
    record = records.current(nurse.db, admission.admission_record_id)
    records.amend(nurse, record.record_id, {**record.data, "allergies": LONG_REACTIONS}, "Asked the family")
    pages = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    assert all("ALLERGIES (4): Penicillin (severe); Latex (severe)" in page for page in pages)
    assert pages[0].count("ALLERGIES: Penicillin (Anaphylaxis with urticaria and wheeze, severe); Latex (Anaphylaxis "
                          "with urticaria and wheeze, severe); Codeine (Anaphylaxis with urticaria and wheeze, severe); "
                          "Iodinated contrast (Anaphylaxis with urticaria and wheeze, severe)") == 1


def test_the_blank_charts_prompts_survive_a_photocopy(tmp_path, forms):
    """Each box's prompt ("Drug or substance", "Indication", "Infusion rate: ___ mL/h") was set at
    6 pt in mid grey (#555555), lost on a copy of a copy, its box read as unlabelled: at 7 pt in
    dark grey or black, white on a band aside."""
    from tests.pdf_text import pdf_runs

    runs = pdf_runs(printing.blank_mar(forms, tmp_path / "blank.pdf", lang="en", printed_by=None, device_name="3B",
                                       printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00")))
    assert any(run.text.startswith("Drug or substance") for run in runs)
    assert not [run for run in runs if run.size < 7 or 0.25 < run.grey < 0.99]


@pytest.mark.parametrize(("lang", "said"), [("en", "NOT FOR RESUSCITATION (DNACPR) — Dr Benali, 28/11 10:00"),
                                            ("fr", "PAS DE RCP EN CAS D’ARRÊT (DNACPR) — Dr Benali, 28/11 10:00")])
@pytest.mark.parametrize("pack", [False, True])
def test_a_chart_says_who_decided_the_dnacpr_as_the_news2_chart_does(tmp_path, session_for, medication_ward, lang, said,
                                                                     pack):
    """The NEWS2 chart at the bedside named the doctor who decided the DNACPR and when; the MAR
    beside it, one patient's or the ward's pack, said DNACPR of no one."""
    nurse, patient = session_for("nurse", lang), medication_ward[0]
    admission = census.in_patients(nurse.db, nurse.forms, ward="3B")[0]
    record = records.current(nurse.db, admission.admission_record_id)
    records.amend(nurse, record.record_id, {**record.data, "resuscitation": "dnacpr",
                                            "resuscitation_decided_by": "Dr Benali",
                                            "resuscitation_decided_at": "2026-11-28T10:00+01:00"}, "Decided with family")
    out = tmp_path / "chart.pdf"
    text = " ".join(_text(printing.print_ward_mar_pack(nurse, "3B", out) if pack
                          else printing.print_mar(nurse, [patient], out)))
    assert said in text


def test_a_dose_given_after_midnight_for_the_evenings_time_says_its_day(tmp_path, session_for, medication_ward,
                                                                         clock):
    """The 20:00 amoxicillin of 28/11 given at 00:30 on 29/11 read "HL 00:30" in the 28/11
    column, on screen and printed: 20 hours before its time to a clerk back-entering it. Its day
    is written; a dose given on its own day is not."""
    from downtime.domain.medication import Check, dose_text
    from downtime.services.laptops import authors

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T00:35+01:00")
    for slot, at in (("2026-11-28T14:00", "2026-11-28T14:05"), ("2026-11-28T20:00", "2026-11-29T00:30")):
        medication.record_dose(nurse, amox, {"outcome": "given", "given_at": f"{at}+01:00", "dose_given": 1.0,
                                             "route": "IV", "scheduled_for": f"{slot}+01:00"},
                               overrides={check: "tolerated, late in the night" for check in Check})
    names = authors(nurse)
    assert [dose_text(dose, names, {}, "en") for dose in medication.administrations(nurse.db, patient)] == [
        "HL 14:05", "HL 29/11 00:30"]
    text = " ".join(_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")))
    assert "HL 29/11 00:30" in text and "HL 14:05" in text


def test_the_orders_written_after_they_started_are_listed_by_time_then_name():
    """The MAR's (and the round's) list of orders typed in after they started came in set order,
    another on each run for orders starting together: by their start, then their medicine's name."""
    start, written = datetime(2026, 11, 27, 10, 0), datetime(2026, 11, 28, 9, 0)
    drugs = ["Thiamine", "Senna", "Ramipril", "Omeprazole", "Lactulose", "Furosemide", "Amlodipine"]
    found = [Silence(start, written, written=drug) for drug in drugs] + [
        Silence(start - timedelta(hours=1), written, written="Zopiclone")]
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said(found)]
    assert said.startswith("8 orders were written on this laptop after they started: Zopiclone 27/11 09:00–28/11 "
                           "09:00, " + ", ".join(f"{drug} 27/11 10:00–28/11 09:00" for drug in sorted(drugs)) + ".")
