"""The theatre list in time order with cancelled operations marked; rescheduling list; letter."""

import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from downtime.i18n import translate
from downtime.services import printing, records, settings, theatre
from tests.conftest import death_answers
from tests.pdf_text import pdf_text


@pytest.fixture
def day(session_for, admission_values, clock):
    nurse, coord = session_for("nurse"), session_for("coord")
    session = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": "2026-11-30T08:00+01:00", "ends_at": "2026-11-30T13:00+01:00"}).record_id
    later = records.save_new(coord, "theatre_session", {
        "theatre": "T2", "specialty": "General surgery",
        "starts_at": "2026-12-01T08:00+01:00", "ends_at": "2026-12-01T13:00+01:00"}).record_id
    made = {}
    for bed, (name, start, procedure, side) in enumerate(
            (("Zola", "10:30", "Inguinal hernia repair", "left"), ("Abel", "08:00", "Knee arthroscopy", "right"),
             ("Morin", "09:15", "Appendicectomy", "not_applicable")), start=1):
        patient = records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "birth_name": name,
                                                        "used_name": ""}).patient_id
        made[name] = theatre.book(coord, patient, {
            "procedure": procedure, "laterality": side, "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
            "surgeon": f"Dr {name}", "anaesthetist": f"Dr A{name}", "session": session,
            "planned_start": f"2026-11-30T{start}+01:00", "expected_minutes": 60}).record_id
    theatre.cancel(coord, made["Morin"], {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                          "last_minute": False, "patient_told": "phone"})
    return coord, made, later


def test_theatre_list_in_time_order_with_cancellations_marked(day, tmp_path):
    coord, _, _ = day
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    positions = [text.index(name) for name in ("ABEL", "MORIN", "ZOLA")]
    assert positions == sorted(positions)
    assert "CANCELLED — Information-system outage" in text
    assert "LEFT" in text and "RIGHT" in text and "Theatre T1" in text


def test_the_list_prints_each_operations_diagnosis_and_notes(day, tmp_path, session_for):
    """The booking's notes ("latex allergy", "diabetic: first on the list") and its diagnosis
    were typed on the form and printed nowhere: theatre staff work from the paper list."""
    coord, made, _ = day
    (zola,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Zola"]]
    records.amend(coord, made["Zola"], {**zola.record.data, "diagnosis": "Strangulated hernia",
                                        "notes": "LATEX ALLERGY; diabetic, first on the list"}, "notes given by the ward")
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "Inguinal hernia repair Diagnosis: Strangulated hernia Notes: LATEX ALLERGY; diabetic, first on the list" in text
    french = pdf_text(printing.print_theatre_list(session_for("coord", lang="fr"), date(2026, 11, 30), tmp_path / "fr.pdf"))
    assert "Diagnostic : Strangulated hernia Remarques : LATEX ALLERGY" in french


def test_the_list_names_each_patients_allergies(day, tmp_path, session_for):
    """The WHO checklist's Sign In asks for a known allergy, and in an outage the paper list is
    all theatre has: it named none, not even the penicillin allergy recorded on admission."""
    coord, _, _ = day
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert text.count("ALLERGIES: Penicillin (Rash, moderate)") == 2, "Abel and Zola; Morin's operation is cancelled"
    french = pdf_text(printing.print_theatre_list(session_for("coord", lang="fr"), date(2026, 11, 30), tmp_path / "fr.pdf"))
    assert "ALLERGIES : Pénicilline" in french or "ALLERGIES : Penicillin" in french


def test_rescheduling_list_and_letter_in_french(day, tmp_path, session_for, clock):
    coord, made, later = day
    text = pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf"))
    assert "MORIN" in text and "Appendicectomy" in text
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    french = session_for("coord", lang="fr")
    letter = pdf_text(printing.print_letter(french, made["Morin"], tmp_path / "letter.pdf"))
    assert "mardi 1er décembre 2026 à 08:00" in letter and "avoir lieu : panne du système d’information" in letter
    assert "MORIN" in letter and "Madame," in letter
    assert "appelez le service de chirurgie : ____" in letter  # no number set: a line to write it on
    assert "DOSSIER PROCÉDURE DÉGRADÉE" not in letter  # the patient's letter, not a record to back-enter
    settings.set_letter_contact(session_for("admin"), "  Bureau des admissions,\n01 23 45 67 89 ")
    letter = pdf_text(printing.print_letter(french, made["Morin"], tmp_path / "letter.pdf"))
    assert "appelez le service de chirurgie : Bureau des admissions, 01 23 45 67 89." in letter
    moved = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "l2.pdf"))
    assert "MOVED to 01/12 08:00" in moved


def test_the_rescheduling_list_gives_the_number_to_call(day, tmp_path, session_for, send_home):
    """The coordinator rings each patient at home on the list for a new date: neither the screen
    nor the paper list gave a telephone, though the admission holds the next of kin's. The
    patient's own (an optional box of the admission form's identity section, as the paper
    admission record's demographics hold it) comes first; else the next of kin's, said so."""
    coord, made, _ = day
    (morin,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Morin"]]
    send_home(morin.patient.patient_id)
    admission = records.current(coord.db, morin.patient.admission_record_id)
    nurse = session_for("nurse")
    records.amend(nurse, admission.record_id, {**admission.data, "nok_name": "Claire Morin",
                                               "nok_phone": "06 11 22 33 44"}, "daughter's number")
    (waiting,), _ = theatre.rescheduling(coord.db, coord.forms, coord.clock())
    assert theatre.phone_to_call(waiting.state.patient, "en") == "06 11 22 33 44 (next of kin)"
    printed = pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf"))
    assert "06 11 22 33 44 (next of kin)" in printed
    assert "Appendicectomy (60 min)" in printed, "the operation's length, to find it a gap on a list"
    admission = records.current(coord.db, admission.record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "phone": "01 23 45 67 89"}, "her own number")
    (waiting,), _ = theatre.rescheduling(coord.db, coord.forms, coord.clock())
    assert theatre.phone_to_call(waiting.state.patient, "en") == "01 23 45 67 89"
    text = pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf"))
    assert "Downtime no. / Whom to tell" in text and f"{waiting.state.patient.downtime_number} 01 23 45 67 89" in text and "06 11 22 33 44" not in text
    french = pdf_text(printing.print_rescheduling(session_for("coord", lang="fr"), tmp_path / "fr.pdf"))
    assert f"N° dégradé / {translate('fr', '', theatre.WHOM_TO_TELL)}" in french


def test_the_rescheduling_list_names_the_ward_of_a_patient_in_a_bed_not_their_number(day, tmp_path, session_for):
    """A patient in bed 3 of ward 3B is told of their new date by the ward's team: the printed
    list gave their home number, which the coordinator rang."""
    coord, made, _ = day
    (morin,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Morin"]]
    admission = records.current(coord.db, morin.patient.admission_record_id)
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "phone": "01 23 45 67 89"},
                  "her own number")
    text = pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf"))
    assert f"{morin.patient.downtime_number} ward 3B (bed 3)" in text and "01 23 45 67 89" not in text


def test_the_printed_day_list_heads_the_birth_date_as_the_board_does(day, tmp_path, session_for):
    """The board and the rescheduling list said "Né(e) le" where the printed day list said "Date
    de naissance": one heading, from the catalogue the screen reads."""
    text = pdf_text(printing.print_theatre_list(session_for("coord", lang="fr"), date(2026, 11, 30), tmp_path / "l.pdf"))
    assert "Patient Né(e) le Sexe N° dégradé" in text and "Date de naissance" not in text


def test_a_list_running_onto_the_next_page_names_its_theatre_there(session_for, admission_values, tmp_path):
    """The theatre's band sat alone at the foot of a page and its operations went over unnamed."""
    nurse, coord = session_for("nurse"), session_for("coord")
    session = records.save_new(coord, "theatre_session", {
        "theatre": "T7", "specialty": "Day surgery",
        "starts_at": "2026-11-30T07:00+01:00", "ends_at": "2026-11-30T21:00+01:00"}).record_id
    for number in range(28):
        patient = records.save_new(nurse, "admission", {**admission_values, "bed": str(number + 1),
                                                        "birth_name": f"Patient{number:02d}", "used_name": ""}).patient_id
        start = 7 * 60 + number * 30
        theatre.book(coord, patient, {
            "procedure": "Carpal tunnel release", "laterality": "left", "priority": "elective",
            "decided_at": "2026-10-01T09:00+01:00", "surgeon": f"Dr S{number % 2}", "anaesthetist": f"Dr A{number % 2}",
            "session": session, "planned_start": f"2026-11-30T{start // 60:02d}:{start % 60:02d}+01:00",
            "expected_minutes": 25})
    pages = PdfReader(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).pages
    assert len(pages) > 1
    assert all("Theatre T7 — Day surgery" in page.extract_text() for page in pages)


def _printed_with_clashes(coord, clashes, out, lang="en"):
    """The day's list with its first operation meeting `clashes` (as a merge of laptops' exports
    leaves them: the clash check refuses them on one laptop)."""
    from dataclasses import replace

    from downtime.pdf.theatre import theatre_list_pdf

    ((session, entries),) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    lists = [(session, [replace(entries[0], clashes=tuple(clashes)), *entries[1:]])]
    return theatre_list_pdf(date(2026, 11, 30), lists, out, theatre=None, booking_spec=coord.form("operation_booking"),
                            cancel_spec=coord.form("operation_cancellation"),
                            rebook_spec=coord.form("operation_rebooking"), lang=lang, printed_by="Chloé Martin",
                            printed_at=coord.clock(), device_name="laptop")


def test_an_operation_clashing_with_a_page_of_others_still_prints(day, tmp_path):
    """A records office's merged day: every laptop booked theatre T1 at its own times, each
    operation clashing with dozens of others. Its status was taller than a page and the day's
    list did not print at all (a LayoutError); it now carries on over the next page."""
    from downtime.domain.theatre import Clash
    from downtime.i18n import Phrase

    coord, _, _ = day
    out = _printed_with_clashes(coord, [Clash("theatre", f"other{n}", Phrase("theatre {theatre} is booked {window}", {
        "theatre": "T1", "window": f"30/11 {8 + n // 60:02d}:{n % 60:02d}-{9 + n // 60:02d}:{n % 60:02d}"}))
        for n in range(120)], tmp_path / "list.pdf")
    text = pdf_text(out)
    assert len(PdfReader(out).pages) > 1 and "30/11 09:59-10:59" in text and "ZOLA" in text


def test_a_clash_met_many_times_over_is_said_once_with_its_count(day, tmp_path):
    """Twenty laptops each booked theatre T1 at 08:00: each operation's status said "theatre T1
    is booked 08:00-09:00" nineteen times over, and the merged day's list ran to 600 pages."""
    from dataclasses import replace

    from downtime.domain.theatre import Clash
    from downtime.i18n import Phrase

    coord, _, _ = day
    ((_, entries),) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    same = [Clash(kind, f"other{n}", Phrase(words, {"theatre": "T1", "surgeon": "Dr Abel", "window": "30/11 08:00-09:00"}))
            for n in range(19) for kind, words in (("theatre", "theatre {theatre} is booked {window}"),
                                                   ("surgeon", "surgeon {surgeon} operates {window}"))]
    entry = replace(entries[0], clashes=(*same, Clash("theatre", "other", Phrase(
        "theatre {theatre} is booked {window}", {"theatre": "T1", "window": "30/11 08:30-09:30"}))))
    assert entry.clash_text("en") == ("theatre T1 is booked 30/11 08:00-09:00 (×19); surgeon Dr Abel operates 30/11 "
                                      "08:00-09:00 (×19); theatre T1 is booked 30/11 08:30-09:30")
    assert pdf_text(_printed_with_clashes(coord, entry.clashes, tmp_path / "list.pdf")).count("is booked 30/11 08:00-09:00") == 1


@pytest.mark.parametrize("reason, words, sorry", [
    ("information_system", "could not take place: information-system outage.", True),
    ("no_ward_bed", "could not take place: no ward bed.", True),
    ("did_not_attend", "could not take place: patient did not attend.", False),
    ("patient_declined", "could not take place: patient declined.", False),
    ("patient_unfit", "could not take place: patient unfit (clinical).", False),
])
def test_the_letter_apologises_only_when_the_hospital_cancelled(day, tmp_path, clock, reason, words, sorry):
    """Every letter ended its reason with "We apologise for this": the hospital apologised to a
    patient for their not coming, or for their own refusal."""
    from downtime.storage.records import list_current

    coord, made, later = day
    (cancellation,) = list_current(coord.db, form_id="operation_cancellation")
    if reason != cancellation.data["reason"]:
        records.amend(coord, cancellation.record_id, {**cancellation.data, "reason": reason}, "reason corrected")
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    letter = pdf_text(printing.print_letter(coord, made["Morin"], tmp_path / "letter.pdf"))
    assert words in letter
    assert ("We apologise" in letter) is sorry


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_heading_side_or_flag_of_the_lists_is_cut_inside_a_word(day, session_for, admission_values, tmp_path, lang):
    """Columns narrower than their words broke them: the rescheduling list read "Waitin g" /
    "Attent e", "Not app licable" and "ne pas reprogr ammer", the French theatre list "Sex e"."""
    from downtime.i18n import translate
    from downtime.pdf.theatre import LIST_COLUMNS, RESCHED_COLUMNS, WORDS

    coord, made, later = day
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "bed": "9", "birth_name": "Vidal",
                                                    "used_name": ""}).patient_id
    both = theatre.book(coord, patient, {
        "procedure": "Varicose vein stripping", "laterality": "bilateral", "priority": "immediate_b",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr V", "anaesthetist": "Dr W", "session": later,
        "planned_start": "2026-12-01T09:00+01:00", "expected_minutes": 60}).record_id
    french = session_for("coord", lang=lang)
    words = set(pdf_text(printing.print_theatre_list(french, date(2026, 11, 30), tmp_path / "a.pdf")).split())
    words |= set(pdf_text(printing.print_theatre_list(french, date(2026, 12, 1), tmp_path / "b.pdf")).split())
    for heading in [WORDS["line_number"][lang], *(translate(lang, "", word) for word in LIST_COLUMNS)]:
        assert set(heading.split()) <= words, heading
    theatre.cancel(coord, both, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                 "last_minute": False, "patient_told": "phone"})
    words = set(pdf_text(printing.print_rescheduling(french, tmp_path / "r.pdf")).split())
    side = {"en": "BOTH SIDES Not applicable", "fr": "BILATÉRAL Sans objet"}[lang]
    priority = {"en": "Immediate — limb or organ saving", "fr": "Immédiate — membre ou organe"}[lang]
    headings = [translate(lang, "", word) for words in RESCHED_COLUMNS for word in words]
    for expected in [*headings, side, priority]:
        assert set(expected.split()) <= words, expected
    morin = theatre.bookings(coord.db, coord.forms, lambda facts: facts.record.record_id == made["Morin"])[0]
    records.save_new(nurse, "death", {**death_answers("2026-11-28T12:00+01:00"), "verified_by": "Dr X", "expected": False,
                                      "family_informed": True}, patient_id=morin.patient.patient_id)
    printed = pdf_text(printing.print_rescheduling(french, tmp_path / "r.pdf"))
    assert " ".join(printed.split()).count(WORDS["left_by_death"][lang].split(":")[0]) == 1, "Morin left the list"


def test_a_long_procedure_and_surname_print_as_whole_words_on_the_theatre_and_rescheduling_lists(
        day, session_for, admission_values, tmp_path):
    """The procedure column broke "Cholecystojejunostomy" and the patient column
    "PAPADOPOULOPOULOS" inside the word: each is now set a little smaller, whole."""
    coord, made, later = day
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "bed": "9", "birth_name": "Papadopoulopoulos", "used_name": ""}).patient_id
    booking = theatre.book(coord, patient, {
        "procedure": "Cholecystojejunostomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr V", "anaesthetist": "Dr W", "session": later,
        "planned_start": "2026-12-01T09:00+01:00", "expected_minutes": 60}).record_id
    words = pdf_text(printing.print_theatre_list(coord, date(2026, 12, 1), tmp_path / "list.pdf")).split()
    assert "Cholecystojejunostomy" in words and "PAPADOPOULOPOULOS" in words
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                    "last_minute": False, "patient_told": "phone"})
    words = pdf_text(printing.print_rescheduling(coord, tmp_path / "r.pdf")).split()
    assert "Cholecystojejunostomy" in words and "PAPADOPOULOPOULOS" in words


@pytest.mark.parametrize("lang, words", [("en", "Your operation (Appendicectomy) planned for Monday 30 November 2026 at 09:15"),
                                         ("fr", "Votre intervention (Appendicectomy) prévue le lundi 30 novembre 2026 à 09:15")])
def test_the_letter_of_an_operation_without_a_side_names_none(day, tmp_path, clock, session_for, lang, words):
    """An appendicectomy's letter told the patient "side: Not applicable" ("côté : Sans objet")."""
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    letter = pdf_text(printing.print_letter(session_for("coord", lang=lang), made["Morin"], tmp_path / "letter.pdf"))
    assert words in letter


def test_a_compound_name_breaks_after_its_hyphen_on_the_ward_lists(session_for, admission_values, tmp_path):
    """Table cells broke a name only at its spaces, then inside a word too long for the line:
    the census, theatre list and rescheduling list read "MONTMORENCY-LAVA" over "L Marie Anne"."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Dupont-Martin",
                                                    "used_name": "Montmorency-Laval"}).patient_id
    session = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": "2026-11-30T08:00+01:00", "ends_at": "2026-11-30T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Appendicectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr S", "anaesthetist": "Dr A", "session": session,
        "planned_start": "2026-11-30T09:00+01:00", "expected_minutes": 60}).record_id
    prints = [printing.print_census(nurse, tmp_path / "census.pdf", ward="3B"),
              printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")]
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                    "last_minute": False, "patient_told": "phone"})
    prints.append(printing.print_rescheduling(coord, tmp_path / "r.pdf"))
    for out in prints:
        text = " ".join(page.extract_text() for page in PdfReader(out).pages).replace("-\n", "-")
        assert "MONTMORENCY-LAVAL Hélène Marie (née DUPONT-MARTIN)" in re.sub(r"\s+", " ", text), out.name


@pytest.mark.parametrize("lang, sex, dear", [
    ("fr", "female", "Madame,"), ("fr", "male", "Monsieur,"), ("fr", "unknown", "Madame, Monsieur,"),
    ("en", "female", "Dear Ms Morin,"), ("en", "male", "Dear Mr Morin,"), ("en", "unknown", "Dear MORIN Hélène Marie,"),
])
def test_the_letter_greets_the_patient_as_a_letter_does(day, tmp_path, session_for, clock, lang, sex, dear):
    """"Madame, Monsieur MORIN Hélène Marie," and "Dear MORIN Hélène Marie,": the register's name,
    capitals first, where a letter writes "Madame," or "Dear Ms Morin," (the sex is recorded)."""
    coord, made, later = day
    (morin,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Morin"]]
    admission = records.current(coord.db, morin.patient.admission_record_id)
    if sex != "female":
        records.amend(session_for("nurse"), admission.record_id, {**admission.data, "sex": sex}, "sex mistyped")
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    letter = pdf_text(printing.print_letter(session_for("coord", lang=lang), made["Morin"], tmp_path / "letter.pdf"))
    assert dear in letter
    if sex != "unknown":
        assert "Madame, Monsieur" not in letter and "MORIN Hélène Marie," not in letter


def test_a_booking_in_one_line_names_its_answers(day):
    """The patient's records and the back-entry list read a booking "Appendicectomy — Not
    applicable — Elective — 01/10/2026 09:00": the date of the decision to operate, unnamed, read
    as the operation's."""
    coord, made, _ = day
    label = records.record_label(coord, records.current(coord.db, made["Zola"]))
    assert label == ("Inguinal hernia repair — Side: LEFT — Priority (NCEPOD): Elective — Planned start: 30/11/2026 10:30"
                     " — Surgeon: Dr Zola")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_cancellation_and_a_rebooking_in_one_line_name_every_answer(day, session_for, clock, lang):
    """The back-entry list read a cancellation "… — Surgeon: Dr Morin — 28/11/2026 09:00 —
    Information-system outage — No": the clerk could not tell what "No" answered, nor whether
    the patient was told; and a rebooking "… — Rebooked here — 01/12/2026 20:00", the time of the
    decision, without the new date to enter. The booking it is about first, as its own line
    reads, then every answer after its label."""
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    reader = session_for("records", lang=lang)
    (cancellation,) = records.list_current(coord.db, form_id="operation_cancellation")
    (rebooking,) = records.list_current(coord.db, form_id="operation_rebooking")
    booking = records.record_label(reader, records.current(coord.db, made["Morin"]))
    said = {"en": (f"{booking} — Cancelled at: 28/11/2026 09:00 — Reason: Information-system outage — Last minute (on "
                   "the day the patient was due in or of the operation, or after arriving): No — Patient told: By phone",
                   f"{booking} — Outcome: Rebooked here — New theatre session: (T2 — Specialty: General surgery — "
                   "Start: 01/12/2026 08:00 — End: 01/12/2026 13:00) — New planned start: 01/12/2026 08:00 — Decided "
                   f"at: {clock.now:%d/%m/%Y %H:%M}"),
            "fr": (f"{booking} — Annulée le : 28/11/2026 09:00 — Motif : Panne du système d’information — Dernière "
                   "minute (le jour prévu de l’entrée ou de l’intervention, ou après l’arrivée) : Non — Patient informé : Par téléphone",
                   f"{booking} — Issue : Reprogrammée ici — Nouvelle vacation : (T2 — Spécialité : General surgery — "
                   "Début : 01/12/2026 08:00 — Fin : 01/12/2026 13:00) — Nouveau début prévu : 01/12/2026 08:00 — "
                   f"Décidée le : {clock.now:%d/%m/%Y %H:%M}")}[lang]
    assert (records.record_label(reader, cancellation), records.record_label(reader, rebooking)) == said


def test_each_days_struck_line_gives_the_reason_it_left_that_day(day, tmp_path, clock):
    """Cancelled on Monday for the outage, rebooked on Tuesday, then cancelled again because the
    patient was unfit: Monday's printed list read "CANCELLED — Patient unfit (clinical)" too, the
    reason of Tuesday's cancellation, for an operation the hospital had cancelled."""
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T09:00+01:00",
                                          "decided_at": "2026-11-28T10:00+01:00"})
    theatre.cancel(coord, made["Morin"], {"cancelled_at": "2026-11-28T11:00+01:00", "reason": "patient_unfit",
                                          "last_minute": False, "patient_told": "phone"})
    monday = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "monday.pdf"))
    tuesday = pdf_text(printing.print_theatre_list(coord, date(2026, 12, 1), tmp_path / "tuesday.pdf"))
    assert "CANCELLED — Information-system outage" in monday and "unfit" not in monday
    assert "CANCELLED — Patient unfit (clinical)" in tuesday


@pytest.mark.parametrize(("lang", "words"), [("en", "TRANSFERRED to CHU Sud"), ("fr", "TRANSFÉRÉE vers CHU Sud")])
def test_a_transferred_operation_names_the_hospital_it_went_to(day, tmp_path, clock, session_for, lang, words):
    """The letter names the receiving hospital; the day's list said "TRANSFERRED elsewhere", and
    a theatre asked where the patient went found it nowhere on paper."""
    coord, made, _ = day
    theatre.rebook(coord, made["Morin"], {"outcome": "transferred", "other_hospital": "CHU Sud",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    text = pdf_text(printing.print_theatre_list(session_for("coord", lang=lang), date(2026, 11, 30), tmp_path / "l.pdf"))
    assert words in text


@pytest.mark.parametrize(("lang", "sentences"), [
    ("en", ["Your operation (Appendicectomy) planned for Monday 30 November 2026 at 09:15 could not take place: information-system "
            "outage. We apologise for this.",
            "It is now planned for Tuesday 1 December 2026 at 08:00, theatre T2. Please arrive 90 minutes before this time.",
            "(nothing to eat in the 6 hours before, clear water until 2 hours before)"]),
    ("fr", ["Votre intervention (Appendicectomy) prévue le lundi 30 novembre 2026 à 09:15 n’a pas pu avoir lieu : panne du système "
            "d’information. Nous vous prions de nous en excuser.",
            "Elle est désormais prévue le mardi 1er décembre 2026 à 08:00, salle T2. Merci de vous présenter 1 h 30 avant cette heure.",
            "(rien à manger dans les 6 heures qui précèdent, eau claire jusqu’à 2 heures avant)"]),
])
def test_the_letter_reads_as_a_letter(day, tmp_path, clock, session_for, send_home, lang, sentences):
    """A patient read "prévue le 30/11/2026 08:00" (no "à"), a capital after a colon ("n'a pas
    pu avoir lieu : Panne du système d'information"), "Please arrive 90 minutes before." (before
    what?) and "no food for 6 hours" (which six?). Mrs Morin went home to wait for her new date."""
    coord, made, _ = day
    (morin,) = theatre.bookings(coord.db, coord.forms, lambda facts: facts.record.record_id == made["Morin"])
    send_home(morin.patient.patient_id)
    letter = _letter_rebooked(day, clock, session_for, lang, tmp_path, day[2], "2026-12-01T08:00+01:00")
    for sentence in sentences:
        assert sentence in letter


@pytest.mark.parametrize(("lang", "sentences", "unsaid"), [
    ("en", ["It is now planned for Tuesday 1 December 2026 at 08:00, theatre T2. The team of ward 3B will get you ready "
            "and take you to theatre.",
            "Fasting: nothing to eat from Tuesday 1 December 2026 at 02:00, clear water only until Tuesday 1 December "
            "2026 at 06:00.",
            "If your health has changed, tell the ward team. For any question about your operation, call the surgical "
            "department:"],
     ["Please arrive", "If you cannot come", "Follow the fasting instructions"]),
    ("fr", ["Elle est désormais prévue le mardi 1er décembre 2026 à 08:00, salle T2. L’équipe du service 3B vous "
            "préparera et vous accompagnera au bloc.",
            "Jeûne : plus rien à manger à partir du mardi 1er décembre 2026 à 02:00, eau claire seulement jusqu’au mardi "
            "1er décembre 2026 à 06:00.",
            "Si votre état de santé a changé, prévenez l’équipe du service. Pour toute question sur votre intervention, "
            "appelez le service de chirurgie :"],
     ["Merci de vous présenter", "Si vous ne pouvez pas venir", "Respectez les consignes de jeûne"]),
])
def test_an_in_patients_letter_is_for_the_ward_that_prepares_them(day, tmp_path, clock, session_for, lang, sentences,
                                                                  unsaid):
    """Mrs Morin, in bed 3 of ward 3B, was asked to present herself 1 h 30 before her operation,
    to keep the fasting instructions "you were given", and to call if she could not come: the
    letter of a patient called in from home, told by her operation's elective priority. On a ward
    by the census, her letter names the ward that prepares her and the times she fasts from."""
    letter = _letter_rebooked(day, clock, session_for, lang, tmp_path, day[2], "2026-12-01T08:00+01:00")
    for sentence in sentences:
        assert sentence in letter
    for words in unsaid:
        assert words not in letter


def _letter_rebooked(day, clock, session_for, lang, tmp_path, session, start):
    """Mrs Morin's operation rebooked on `session` at `start`, and the text of her letter."""
    coord, made, _ = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": session, "planned_start": start,
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    return pdf_text(printing.print_letter(session_for("coord", lang=lang), made["Morin"], tmp_path / "letter.pdf"))


@pytest.mark.parametrize(("lang", "dates"), [
    ("en", ["planned for Monday 30 November 2026 at 09:15", "now planned for Saturday 2 January 2027 at 08:00"]),
    ("fr", ["prévue le lundi 30 novembre 2026 à 09:15", "désormais prévue le samedi 2 janvier 2027 à 08:00"]),
])
def test_the_letter_writes_its_dates_in_words(day, tmp_path, clock, session_for, lang, dates):
    """The letter a patient keeps read "now planned for 02/01/2027": the 1st of February to a
    reader who writes the month first. A letter writes the day and the month in words."""
    session = records.save_new(day[0], "theatre_session", {
        "theatre": "T2", "specialty": "General surgery",
        "starts_at": "2027-01-02T08:00+01:00", "ends_at": "2027-01-02T13:00+01:00"}).record_id
    letter = _letter_rebooked(day, clock, session_for, lang, tmp_path, session, "2027-01-02T08:00+01:00")
    for words in dates:
        assert words in letter
    assert "/20" not in letter.split("Printed by")[0].split("Imprimé par")[0]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Your operation will take place at another hospital, CHU Sud, which will contact you."),
    ("fr", "Votre intervention aura lieu dans un autre établissement, CHU Sud, qui vous contactera."),
])
def test_the_letter_of_a_transfer_reads_whatever_the_hospitals_name(day, tmp_path, clock, session_for, lang, sentence):
    """"aura lieu à CHU Sud": French says "au CHU", "à la clinique", "à l'hôpital", which a
    name typed on the form does not tell."""
    coord, made, _ = day
    theatre.rebook(coord, made["Morin"], {"outcome": "transferred", "other_hospital": "CHU Sud",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    letter = pdf_text(printing.print_letter(session_for("coord", lang=lang), made["Morin"], tmp_path / "letter.pdf"))
    assert sentence in letter


def test_an_operation_carried_over_a_page_is_ruled_off_from_the_repeated_headings():
    """A line split across pages (a merged day's clashes) carried on under the repeated headings
    with no rule between them: a blank strip, the headings' grey running into the line."""
    from downtime.pdf.page import PageInfo, style
    from downtime.pdf.theatre import _grid

    tall = Paragraph("<br/>".join(["theatre T1 is booked"] * 200), style(size=8))
    heading = [Paragraph("Status", style(size=8))]
    info = PageInfo(title="Theatre list", lang="en", printed_by=None, printed_at=datetime(2026, 11, 30, 8, 0),
                    device_name="Ward 3B laptop", landscape=True, patient_box=False)
    table = _grid([heading, [tall]], [1.0], info, named_by=1, name_column=0, title="Theatre T1")
    table.wrap(200, 400)
    _, carried = table.split(200, 400)
    carried.wrap(200, 400)
    ruled = {(op, start[1], end[1]) for op, start, end, *_ in carried._linecmds}
    # the headings are row 1 (under the theatre's band); the rest of the line, row 2
    assert ("LINEBELOW", 1, 1) in ruled or ("LINEABOVE", 2, 2) in ruled, ruled


def test_an_operation_at_the_foot_of_a_page_goes_over_whole_with_its_patient(session_for, admission_values, tmp_path):
    """A theatre's list starting low on a page had its first operation cut in two there: the
    name and procedure at the foot, the rest of the allergies and the notes ("diabetic, first
    on the list") at the top of the next page, on a line with no name, time or number."""
    nurse, coord = session_for("nurse"), session_for("coord")
    admission = {key: value for key, value in admission_values.items() if key != "nir"}
    allergies = [{"substance": "Piperacillin-tazobactam and all other penicillins",
                  "reaction": "Anaphylaxis with bronchospasm and hypotension", "severity": "severe"}]
    lines = [(number, turn) for number in range(12) for turn in range(1 + number % 3)]
    for number in range(12):
        session = records.save_new(coord, "theatre_session", {
            "theatre": f"T{number + 1}", "specialty": "Orthopaedics",
            "starts_at": "2026-11-30T08:00+01:00", "ends_at": "2026-11-30T13:00+01:00"}).record_id
        for turn in range(1 + number % 3):
            patient = records.save_new(nurse, "admission", {
                **admission, "bed": str(number * 3 + turn + 1), "birth_name": f"Patient{number:02d}{turn}",
                "used_name": "", "birth_date": f"19{40 + number}-0{1 + turn}-12", "allergies": allergies}).patient_id
            theatre.book(coord, patient, {
                "procedure": "Open reduction and internal fixation of an intertrochanteric femoral fracture",
                "laterality": "left", "priority": "urgent", "decided_at": "2026-10-01T09:00+01:00",
                "surgeon": f"Dr Delacroix{number}", "session": session,
                "planned_start": f"2026-11-30T{8 + turn:02d}:00+01:00", "expected_minutes": 60,
                "notes": "Diabetic, first on the list; " + "latex-free theatre; " * 6 + f"end of line {number:02d}{turn}"})
    pages = [re.sub(r"\s+", " ", page.extract_text())
             for page in PdfReader(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).pages]
    assert len(pages) > 2
    for number, turn in lines:
        (page,) = [page for page in pages if f"end of line {number:02d}{turn}" in page]
        assert f"PATIENT{number:02d}{turn}" in page, (number, turn)


@pytest.mark.parametrize("lang, born", [("en", "12-Mar-1954"), ("fr", "12-Mars-1954")])
def test_the_lists_give_the_birth_date_as_the_wristband_does(day, tmp_path, session_for, lang, born):
    """The theatre's day list and the rescheduling list gave the date of birth as 12/03/1954, the
    3rd of December to a reader who writes the month first, where the wristband checked against
    it at the theatre's door reads 12-Mar-1954 (the census and the worklist did as well)."""
    coord = session_for("coord", lang=lang)
    for printed in (printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"),
                    printing.print_rescheduling(coord, tmp_path / "resched.pdf"),
                    printing.print_census(session_for("nurse", lang=lang), tmp_path / "census.pdf")):
        text = pdf_text(printed)
        assert born in text and "12/03/1954" not in text, printed.name


def test_the_day_list_says_where_each_patient_is(day, tmp_path, session_for):
    """The porter sent for the next patient had only a name and a number: the list named no
    ward. An operation struck from the list names none (nobody is fetched)."""
    text = pdf_text(printing.print_theatre_list(day[0], date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "ABEL Hélène Marie Ward 3B, bed 2 ALLERGIES" in text and "ZOLA Hélène Marie Ward 3B, bed 1" in text
    assert "bed 3" not in text  # Morin's operation was cancelled
    french = pdf_text(printing.print_theatre_list(session_for("coord", lang="fr"), date(2026, 11, 30), tmp_path / "f.pdf"))
    assert "Service 3B, lit 2" in french


def test_the_letter_prints_a_long_email_address_whole(day, session_for, tmp_path, clock):
    """The contact set as an address longer than the letter's line was cut inside it, where
    only a break after one of its own hyphens reads as the same address."""
    address = "secretariat.chirurgie-orthopedique-traumatologique@chu-saint-etienne-hopital-nord.example.fr"
    settings.set_letter_contact(session_for("admin"), address)
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    lines = PdfReader(printing.print_letter(coord, made["Morin"], tmp_path / "letter.pdf")).pages[0].extract_text()
    assert address in re.sub(r"-\n", "-", lines)


def test_the_list_gives_each_operations_expected_end(day, tmp_path, session_for):
    """The list gave each operation's start alone: the theatre team, working from paper, could
    not see when the next patient was due to be sent for, nor that a list would run late."""
    coord, made, _ = day
    (zola,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Zola"]]
    records.amend(coord, made["Zola"], {**zola.record.data, "expected_minutes": 150}, "longer repair")
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert re.search(r"08:00 ?–09:00 ABEL", text) and re.search(r"10:30 ?–13:00 ZOLA", text)
    assert re.search(r"09:15 ?–10:15 MORIN", text), "where a cancelled operation stood, struck"


def _placed(path):
    """The first page's words, each with its baseline and size, and its horizontal rules, each as
    (x, y, to x): where the page puts them, in points from its foot."""
    from pypdf.generic import ContentStream

    def times(m, n):
        a, b, c, d, e, f = m
        return [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3],
                e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]

    page = PdfReader(path).pages[0]
    words = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: words.append(
        (text.strip(), *times(tm, cm)[4:], size)) if text.strip() else None)
    matrix, saved, rules, at = [1, 0, 0, 1, 0, 0], [], [], (0.0, 0.0)
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            saved.append(matrix)
        elif operator == b"Q":
            matrix = saved.pop()
        elif operator == b"cm":
            matrix = times([float(value) for value in operands], matrix)
        elif operator in (b"m", b"l"):
            to = (float(operands[0]), float(operands[1]))
            if operator == b"l" and at[1] == to[1]:
                rules.append((matrix[0] * at[0] + matrix[4], matrix[3] * at[1] + matrix[5], matrix[0] * to[0] + matrix[4]))
            at = to
    return words, rules


def test_a_struck_lines_times_are_struck_through_their_figures_with_air_between_them(day, tmp_path):
    """Under a cancelled operation's start, struck low across its foot like an underline, its
    small expected end sat pressed against it, the dash of "–10:15" lost in its own strike: at
    the theatre's printer, the two read as one smudge. Each is struck through the middle of its
    figures, the end set clear below the start."""
    coord, _, _ = day
    words, rules = _placed(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    (start,), (end,) = ([word for word in words if word[0] == text] for text in ("09:15", "–10:15"))
    for text, x, baseline, size in (start, end):
        (strike,) = [y for left, y, _ in rules if abs(left - x) < 0.5 and baseline < y < baseline + size]
        assert 0.3 <= (strike - baseline) / size <= 0.45, (text, (strike - baseline) / size)
    figures_top = end[2] + 0.73 * end[3]
    assert start[2] - figures_top >= 0.6 * end[3], "air between the start and the expected end under it"


@pytest.mark.parametrize(("lang", "not_told", "told"), [
    ("en", "PATIENT NOT TOLD YET", "Patient told: By phone, 28/11 11:30"),
    ("fr", "PATIENT PAS ENCORE INFORMÉ", "Patient informé : Par téléphone, 28/11 11:30")])
def test_a_moved_operation_says_whether_its_patient_was_told_on_both_days_lists(
        day, tmp_path, session_for, lang, not_told, told):
    """The theatre reception answers the phone from the printed list: the board on screen said
    PATIENT NOT TOLD YET, the paper only that the operation moved, and a patient who turned up on
    the old day, never told, found nobody who knew whether anyone had rung them."""
    from datetime import datetime, timedelta, timezone

    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later,
                                          "planned_start": "2026-12-01T09:00+01:00",
                                          "decided_at": "2026-11-28T10:00+01:00"})
    reader = session_for("coord", lang=lang)

    def lists():
        return [pdf_text(printing.print_theatre_list(reader, day_, tmp_path / f"{day_}.pdf"))
                for day_ in (date(2026, 11, 30), date(2026, 12, 1))]

    assert all(not_told in text and told not in text for text in lists())
    theatre.record_told(coord, made["Morin"], "phone", datetime(2026, 11, 28, 11, 30, tzinfo=timezone(timedelta(hours=1))))
    assert all(told in text and not_told not in text for text in lists())


@pytest.mark.parametrize(("lang", "not_told", "told", "tell"), [
    ("en", "PATIENT NOT TOLD YET", "Patient told: By phone, 28/11 11:30", "Tell: ward 3B (bed 1)"),
    ("fr", "PATIENT PAS ENCORE INFORMÉ", "Patient informé : Par téléphone, 28/11 11:30", "Prévenir : service 3B (lit 1)")])
def test_a_cancelled_operation_says_whether_its_patient_was_told(day, tmp_path, session_for, lang, not_told, told, tell):
    """A patient not told of a cancellation comes in fasting: the list said so of an operation
    moved, never of one cancelled with its patient "Not yet" told. One told as it was cancelled
    says when (the cancellation's time). One not told says whom to tell, the patient's ward for
    one in a bed: the list said PATIENT NOT TOLD YET and left the reception to find out where."""
    from datetime import datetime, timedelta, timezone

    coord, made, _ = day
    theatre.cancel(coord, made["Zola"], {"cancelled_at": "2026-11-28T10:00+01:00", "reason": "surgeon_unavailable",
                                         "last_minute": False, "patient_told": "not_yet"})
    reader = session_for("coord", lang=lang)

    def listed() -> str:
        return pdf_text(printing.print_theatre_list(reader, date(2026, 11, 30), tmp_path / "list.pdf"))

    text = listed()
    assert text.count(not_told) == 1 and told not in text
    assert f"{not_told} {tell}" in " ".join(text.split())
    assert told.replace("11:30", "09:00") in text, "Morin, told by phone as it was cancelled"
    theatre.record_told(coord, made["Zola"], "phone", datetime(2026, 11, 28, 11, 30, tzinfo=timezone(timedelta(hours=1))))
    text = listed()
    assert told in text and not_told not in text and tell.split()[0] not in text


@pytest.mark.parametrize(("lang", "not_told"), [("en", "PATIENT NOT TOLD YET"), ("fr", "PATIENT PAS ENCORE INFORMÉ")])
def test_the_rescheduling_list_says_a_patient_not_told_of_the_cancellation(day, tmp_path, session_for, lang, not_told):
    """The coordinator rings from the printed rescheduling list, which gave the cancellation's
    time alone: a patient never told of it came in fasting. It says so under that time until the
    telling is recorded; Morin, told by phone as it was cancelled, is not said untold."""
    from datetime import datetime, timedelta, timezone

    coord, made, _ = day
    theatre.cancel(coord, made["Zola"], {"cancelled_at": "2026-11-28T10:00+01:00", "reason": "surgeon_unavailable",
                                         "last_minute": False, "patient_told": "not_yet"})
    reader = session_for("coord", lang=lang)
    text = pdf_text(printing.print_rescheduling(reader, tmp_path / f"r_{lang}.pdf"))
    assert " ".join(text.split()).count(f"28/11 10:00 {not_told}") == 1 and text.count(not_told.split()[-1]) == 1
    theatre.record_told(coord, made["Zola"], "phone", datetime(2026, 11, 28, 11, 30, tzinfo=timezone(timedelta(hours=1))))
    assert not_told.split()[-1] not in pdf_text(printing.print_rescheduling(reader, tmp_path / "told.pdf"))


def test_the_printed_rescheduling_list_says_the_rebook_by_date_in_the_screens_words(day, session_for, tmp_path):
    """The screen and the command line said "Au plus tard le … BIENTÔT", the printed list "À
    faire avant … PROCHE": a coordinator holding the paper list beside the laptop read two
    notions. The print takes the screen's words from the one catalogue."""
    coord, made, _ = day
    for name, priority, decided in (("Morin", "expedited", "2026-11-25T10:00+01:00"),
                                    ("Zola", "urgent", "2026-11-26T09:00+01:00")):
        (state,) = theatre.bookings(coord.db, coord.forms, lambda facts, name=name: facts.record.record_id == made[name])
        records.amend(coord, made[name], {**state.record.data, "priority": priority, "decided_at": decided},
                      "priority reviewed")
    theatre.cancel(coord, made["Zola"], {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                         "last_minute": False, "patient_told": "phone"})
    text = pdf_text(printing.print_rescheduling(session_for("coord", lang="fr"), tmp_path / "r.pdf"))
    assert "Au plus tard le" in text and "À faire avant" not in text
    assert "02/12/2026 10:00 BIENTÔT" in text, "Morin: expedited, 7 days from 25/11 10:00"
    assert "27/11/2026 09:00 DÉPASSÉ" in text, "Zola: urgent, 24 hours from 26/11 09:00"


BETWEEN = {"en": "; ", "fr": " ; "}
"""A list's parts as each language writes them: French typography puts a space before ";"."""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_operations_clashes_are_listed_with_a_space_before_the_semicolon_in_french(day, tmp_path, lang):
    """A merged day's operation meeting theatre T1 and Dr Abel: the French list read "…09:00;
    le chirurgien…", where every sentence of its catalogue writes " ; "."""
    from downtime.domain.theatre import Clash
    from downtime.i18n import Phrase

    coord, _, _ = day
    window = {"theatre": "T1", "surgeon": "Dr Abel", "window": "30/11 08:00-09:00"}
    clashes = [Clash("theatre", "one", Phrase("theatre {theatre} is booked {window}", window)),
               Clash("surgeon", "two", Phrase("surgeon {surgeon} operates {window}", window))]
    assert f"08:00-09:00{BETWEEN[lang]}" in pdf_text(_printed_with_clashes(coord, clashes, tmp_path / "list.pdf", lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_operations_left_by_death_are_listed_with_a_space_before_the_semicolon_in_french(
        day, tmp_path, session_for, lang):
    """Two patients of cancelled operations died: the French rescheduling list read "…12:00;
    ZOLA…"."""
    coord, made, _ = day
    nurse = session_for("nurse")
    theatre.cancel(coord, made["Zola"], {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system",
                                         "last_minute": False, "patient_told": "phone"})
    for name in ("Morin", "Zola"):
        booked = theatre.bookings(coord.db, coord.forms, lambda facts, name=name: facts.record.record_id == made[name])
        records.save_new(nurse, "death", {**death_answers("2026-11-28T12:00+01:00"), "verified_by": "Dr X",
                                          "expected": False, "family_informed": True},
                         patient_id=booked[0].patient.patient_id)
    printed = pdf_text(printing.print_rescheduling(session_for("coord", lang=lang), tmp_path / "r.pdf"))
    assert f"28/11/2026 12:00{BETWEEN[lang]}" in printed


def _gone(session_for, patient_id, leaving):
    """The patient leaves the hospital at 12:00 on 28/11 (before Monday's list) by `leaving`."""
    nurse = session_for("nurse")
    if leaving == "discharge":
        admission = records.current(nurse.db, records.list_current(nurse.db, "admission", patient_ids=[patient_id])[0].record_id)
        records.amend(nurse, admission.record_id, {**admission.data, "phone": "01 23 45 67 89"}, "her own number")
        records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "care_home",
                                              "letter_given": True, "medicines_given": True}, patient_id=patient_id)
    elif leaving == "death":
        records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T12:00+01:00"), "verified_by": "Dr Benali",
                                                          "expected": False, "family_informed": True}, patient_id=patient_id)
    else:
        records.save_new(nurse, "transfer_out", {
            "departed_at": "2026-11-28T12:00+01:00", "receiving_hospital": "CHU Nord", "receiving_unit": "Cardiologie",
            "transport_mode": "mobile_icu", "escort": "doctor", "situation": "STEMI", "background": "-",
            "condition": "unstable", "current_treatments": "Aspirin 250 mg IV, 11:30", "devices": ["peripheral_iv"],
            "allergies_checked": True, "resuscitation": "full", "obs_at": "2026-11-28T11:45+01:00",
            "resp_rate": 20, "spo2": 95,
            "documents_sent": ["admission_record"]}, patient_id=patient_id)


@pytest.mark.parametrize(("leaving", "said"), [
    ("discharge", "PATIENT DISCHARGED 28/11/2026 12:00 — Care home / nursing home: call 01 23 45 67 89"),
    ("death", "PATIENT DIED 28/11/2026 12:00: cancel"),
    ("transfer_out", "PATIENT TRANSFERRED OUT 28/11/2026 12:00 to CHU Nord")])
def test_a_patient_gone_from_the_hospital_has_no_ward_to_be_fetched_from_and_each_list_says_where_they_went(
        day, tmp_path, session_for, leaving, said):
    """Discharged at 02:44 and booked at 13:30, a patient was printed "Ward 3B, bed 12" on the day
    list (the census keeps the last bed of a stay that ended), and the board and `theatre list`
    said "booked" with nothing flagged: a porter went to fetch her. The ward and bed are printed
    for a patient in hospital only; the board, the printed list and the command line say where
    the patient went, in the same words."""
    coord, made, _ = day
    (abel,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Abel"]]
    _gone(session_for, abel.record.patient_id, leaving)
    (lines,) = [entries for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))]
    statuses = {entry.state.patient.display_name: theatre.board_status(entry, "en") for entry in lines}
    assert statuses["ABEL Hélène Marie"] == f"booked — {said}"
    assert statuses["ZOLA Hélène Marie"] == "booked", "a patient still in hospital has nothing more said"
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "bed 2" not in text and "ZOLA Hélène Marie Ward 3B, bed 1" in text
    assert said in text
    french = pdf_text(printing.print_theatre_list(session_for("coord", lang="fr"), date(2026, 11, 30), tmp_path / "f.pdf"))
    assert "lit 2" not in french and "Service 3B, lit 1" in french


def test_a_rebooked_operation_says_so_on_its_new_days_printed_list(day, tmp_path, clock):
    """The board and `theatre list` said "rebooked" on the new day's line; the printed list
    printed only whether its patient was told, and the theatre did not know it came from another
    day."""
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later, "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 12, 1), tmp_path / "list.pdf"))
    assert "REBOOKED (from 30/11 09:15)" in text
    assert "REBOOKED" not in pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "old.pdf"))


def test_the_same_operation_booked_twice_is_marked_on_both_lines(day, tmp_path):
    """A second "carpal tunnel release " on the right, booked three days after the first still
    booked, stood on both days' lists unmarked. Each line now says the other's date (a staged
    repair is booked twice on purpose); another operation of the patient is not marked."""
    coord, made, later = day
    (abel,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Abel"]]
    theatre.book(coord, abel.record.patient_id, {**abel.record.data, "procedure": " knee  ARTHROSCOPY ", "session": later,
                                                 "planned_start": "2026-12-01T08:00+01:00"})
    statuses = {(entry.start.day, entry.state.patient.display_name): theatre.board_status(entry, "en")
                for day_ in (date(2026, 11, 30), date(2026, 12, 1))
                for _, entries in theatre.day_list(coord.db, coord.forms, day_) for entry in entries}
    assert statuses[(30, "ABEL Hélène Marie")] == "booked — ALSO BOOKED 01/12 08:00"
    assert statuses[(1, "ABEL Hélène Marie")] == "booked — ALSO BOOKED 30/11 08:00"
    assert statuses[(30, "ZOLA Hélène Marie")] == "booked"
    assert "ALSO BOOKED 01/12 08:00" in pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "l.pdf"))
    assert theatre.booked_already(coord.db, abel.record.patient_id, abel.record.data, None, "en") == (
        "Knee arthroscopy, right side is already booked for this patient: 30/11/2026 08:00 T1; 01/12/2026 08:00 T2.")
    assert theatre.booked_already(coord.db, abel.record.patient_id, {**abel.record.data, "laterality": "left"}, None,
                                  "en") is None


def test_a_patient_gone_home_still_to_be_told_is_rung_once_on_the_line(day, tmp_path, session_for, clock):
    """A line already saying whom to ring (its patient not yet told of the new date) gave the
    number a second time after the discharge: the discharge says where they went, once."""
    coord, made, later = day
    (morin,) = [state for state in theatre.bookings(coord.db, coord.forms) if state.record.record_id == made["Morin"]]
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later, "planned_start": "2026-12-01T08:00+01:00",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    _gone(session_for, morin.record.patient_id, "discharge")
    (entry,) = [entry for _, entries in theatre.day_list(coord.db, coord.forms, date(2026, 12, 1), now=clock.now)
                for entry in entries]
    assert theatre.board_status(entry, "en") == ("REBOOKED (from 30/11 09:15) — PATIENT NOT TOLD YET — tell: 01 23 45 67 89 — "
                                                 "PATIENT "
                                                 "DISCHARGED 28/11/2026 12:00 — Care home / nursing home")
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 12, 1), tmp_path / "list.pdf"))
    assert text.count("01 23 45 67 89") == 1


THEATRE_ALLERGENS = ["Benzylpenicillin", "Co-trimoxazole", "Chlorhexidine gluconate", "Latex (natural rubber)",
                     "Ibuprofen", "Morphine sulfate", "Ondansetron", "Vancomycin", "Iodinated contrast media"]


@pytest.mark.parametrize("lang, continued", [("en", "(continued)"), ("fr", "(suite)")])
def test_an_operation_taller_than_a_page_carries_on_under_its_patient_time_and_number(
        session_for, admission_values, tmp_path, lang, continued):
    """Operations with long procedures, diagnoses and notes and nine allergies each took two
    pages each, the second beginning with the rest of the notes ("difficult airway", "first on
    the list") under empty number, time, name and downtime number cells: a theatre nurse handed
    that page read them for nobody. Each page an operation carries on to gives them again, its
    name said continued, once."""
    nurse, coord = session_for("nurse"), session_for("coord", lang=lang)
    admission = {key: value for key, value in admission_values.items() if key != "nir"}
    allergies = [{"substance": substance, "severity": "severe",
                  "reaction": "Anaphylaxis: bronchospasm, angio-oedema, hypotension, ICU admission"}
                 for substance in THEATRE_ALLERGENS]
    session = records.save_new(coord, "theatre_session", {
        "theatre": "Main theatre 1", "specialty": "Colorectal and general surgery",
        "starts_at": "2026-11-30T08:00+01:00", "ends_at": "2026-11-30T20:00+01:00"}).record_id
    patients = {}
    for number in range(3):
        patient = records.save_new(nurse, "admission", {
            **admission, "bed": str(number + 1), "birth_name": f"Patient{number}", "used_name": "",
            "allergies": allergies}).patient_id
        patients[number] = patient
        theatre.book(coord, patient, {
            "procedure": (f"op{number} Laparoscopic-assisted right hemicolectomy with extended lymphadenectomy, "
                          "intracorporeal anastomosis and possible conversion to open procedure " * 2)[:200],
            "diagnosis": (f"op{number} Adenocarcinoma of the ascending colon, T3N1M0, after neoadjuvant "
                          "chemotherapy; " * 3)[:200],
            "notes": (f"op{number} LATEX ALLERGY — latex-free theatre; difficult airway (Mallampati IV), awake "
                      "fibreoptic; diabetic on insulin, first on list if possible; interpreter needed. " * 3)[:300],
            "laterality": "right", "priority": "elective", "decided_at": "2026-10-01T09:00+01:00",
            "surgeon": "Professor Bartholomew Fitzwilliam-Ashworth", "session": session,
            "planned_start": f"2026-11-30T{9 + number:02d}:00+01:00", "expected_minutes": 45})
    from downtime.services.census import patient_with_location

    numbers = {number: patient_with_location(coord.db, coord.forms, patient).downtime_number
               for number, patient in patients.items()}
    pages = [re.sub(r"\s+", " ", page.extract_text()).replace("- ", "-") for page in PdfReader(
        printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).pages]
    carried = 0
    for page in pages:
        for number, downtime_number in numbers.items():
            if f"op{number}" in page:
                assert f"PATIENT{number}" in page and downtime_number in page and f"{9 + number:02d}:00" in page, page
        carried += page.count(continued)
        assert page.count(continued) <= 1, page
        assert "Anaphylaxis" not in page or "DT-042-" in page, page
    assert carried >= 1
