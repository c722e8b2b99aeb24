"""Defects found in the fifth review of the theatre pathway: the list silent on an anticoagulant
in force, an immediate operation booked days after its decision, the 28-day standard, names typed
two ways, the letters, a latex allergy in the notes, a cancelled attempt's checklist, side
abbreviations, and cancellations filed under another patient."""

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from downtime.domain.laterality import contradiction, sides_named
from downtime.services import printing, records, theatre
from downtime.services.errors import ValidationFailed
from tests import test_theatre_review as review
from tests.pdf_text import pdf_text

MONDAY = "2026-11-30"
CANCEL = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
          "patient_told": "phone"}
APIXABAN = {"drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-28T13:00+01:00", "controlled": False, "high_alert": True}


ward = review.ward  # the earlier review's ward of patients by bed


def _session(coord, theatre_name="T1", day=MONDAY, start="08:00", end="13:00"):
    return records.save_new(coord, "theatre_session", {
        "theatre": theatre_name, "specialty": "General surgery", "starts_at": f"{day}T{start}+01:00",
        "ends_at": f"{day}T{end}+01:00"}).record_id


def _booking(session_id, start, surgeon="Dr Roux", procedure="Inguinal hernia repair", side="left", day=MONDAY,
             **more):
    return {"procedure": procedure, "laterality": side, "priority": "elective", "decided_at": "2026-10-01T10:00+01:00",
            "surgeon": surgeon, "session": session_id, "planned_start": f"{day}T{start}+01:00",
            "expected_minutes": 60, **more}


def _line(coord, booking_id):
    line = theatre.booking_line(coord.db, coord.forms, booking_id, coord.clock())
    assert line is not None
    return line


# ------------------------------------------------------------------ anticoagulant in force

@pytest.fixture
def on_apixaban(session_for, ward):
    """A patient on apixaban by the medication chart, booked on Monday's T1 list at 08:00, and
    one on nothing at 09:00."""
    coord, patient, other = session_for("coord"), ward(1), ward(2, used_name="Zola")
    records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient)
    t1 = _session(coord)
    first = theatre.book(coord, patient, _booking(t1, "08:00")).record_id
    second = theatre.book(coord, other, _booking(t1, "09:00", surgeon="Dr Other", procedure="Appendicectomy",
                                                 side="not_applicable")).record_id
    return coord, first, second


def test_the_day_list_gives_the_anticoagulants_in_force(on_apixaban):
    """The list said nothing of apixaban on the chart: the surgeon learnt of it in theatre."""
    coord, first, second = on_apixaban
    assert _line(coord, first).anticoagulants == ("Apixaban",)
    assert _line(coord, second).anticoagulants == ()
    assert theatre.anticoagulant_said(_line(coord, first), "en") == ["ANTICOAGULANT: Apixaban"]


def test_an_anticoagulant_held_before_the_operation_is_on_the_list_with_when_it_stopped(session_for, ward, tmp_path):
    """Apixaban held the evening before (stopped 28/11 21:00, the operation 30/11 08:00) still
    anticoagulates for 48 hours: the list said nothing, and the anaesthetist planning a spinal
    never saw it, nor when the last dose was. Warfarin stopped a week before is said nowhere."""
    coord, patient = session_for("coord"), ward(1)
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**APIXABAN, "start_at": "2026-11-27T09:30+01:00",
                                                  "stop_at": "2026-11-28T21:00+01:00"}, patient_id=patient)
    records.save_new(doctor, "medication_order", {**APIXABAN, "drug": "Warfarin", "times": "18:00", "dose": 3.0,
                                                  "start_at": "2026-11-20T09:30+01:00",
                                                  "stop_at": "2026-11-23T18:00+01:00"}, patient_id=patient)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    line = _line(coord, booking)
    assert line.anticoagulants == ("Apixaban",)
    assert theatre.anticoagulant_said(line, "en") == ["ANTICOAGULANT: Apixaban (stopped 28/11 21:00)"]
    text = " ".join(pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).split())
    assert "ANTICOAGULANT: Apixaban (stopped 28/11 21:00)" in text and "Warfarin" not in text


def test_the_printed_list_says_the_anticoagulant_under_the_allergies(on_apixaban, tmp_path):
    coord, _, _ = on_apixaban
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "ANTICOAGULANT: Apixaban" in text
    assert text.count("ANTICOAGULANT") == 1


def test_the_command_line_list_says_the_allergies_and_the_anticoagulant(on_apixaban, db_path, capsys):
    """`downtime theatre list` said neither the allergies nor an anticoagulant in force, which the
    printed list gives under the patient."""
    from downtime.cli import main

    command = ["theatre", "list", "--date", MONDAY, "--db", str(db_path), "--user", "coord", "--pin", "3333"]
    assert main(command) == 0
    under_first = capsys.readouterr().out.splitlines()[3:5]
    assert [line.strip() for line in under_first] == ["ALLERGIES: Penicillin (Rash, moderate)",
                                                      "ANTICOAGULANT: Apixaban"]
    assert main([*command, "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["anticoagulants"] for line in lines] == [["Apixaban"], []]
    assert (lines[0]["allergies"], lines[1]["allergies"]) == (["Penicillin"], ["Penicillin"])


# ------------------------------------------------------------------ NCEPOD target, 28-day date

def test_an_immediate_operation_booked_past_its_target_is_flagged(session_for, ward):
    """An immediate, life-saving operation booked two days after its decision: nothing said."""
    coord, patient = session_for("coord"), ward(1)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00", procedure="Laparotomy for perforation",
                                                    side="not_applicable", priority="immediate_a",
                                                    decided_at="2026-11-28T13:30+01:00")).record_id
    line = _line(coord, booking)
    assert theatre.flagged(line, "en", coord.clock()) == ["PAST NCEPOD TARGET (decided 28/11 13:30)"]
    assert theatre.board_status(line, "en", coord.clock()) == "booked — PAST NCEPOD TARGET (decided 28/11 13:30)"


def test_an_operation_within_its_target_is_not_flagged(session_for, ward):
    coord, patient = session_for("coord"), ward(1)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00", priority="expedited",
                                                    decided_at="2026-11-28T10:00+01:00")).record_id
    assert theatre.flagged(_line(coord, booking), "en", coord.clock()) == []


def test_a_rebooking_past_its_rebook_by_date_says_so(session_for, ward, tmp_path):
    """Cancelled at the last minute for the outage on 28/11, to be done by 26/12, rebooked for
    11/01: its new line said only REBOOKED."""
    coord = session_for("coord")
    _cancelled_and_rebooked(coord, ward(1), "2027-01-11")
    (entry,) = [e for e in theatre.day_list(coord.db, coord.forms, date(2027, 1, 11), "T1")[0][1] if not e.struck]
    assert theatre.board_status(entry, "en", coord.clock()) == (
        "REBOOKED (from 30/11 08:00) — AFTER REBOOK-BY DATE 26/12/2026")
    assert "AFTER REBOOK-BY DATE 26/12/2026" in pdf_text(
        printing.print_theatre_list(coord, date(2027, 1, 11), tmp_path / "list.pdf"))


def test_a_rebooking_before_its_rebook_by_date_says_nothing_of_it(session_for, ward):
    coord = session_for("coord")
    booking = _cancelled_and_rebooked(coord, ward(1), "2026-12-07")
    assert theatre.flagged(_line(coord, booking), "en", coord.clock()) == []


def _cancelled_and_rebooked(coord, patient, day):
    """A booking for 30/11 08:00 cancelled at the last minute on 28/11 and rebooked for 08:00 on
    `day`: its id."""
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    theatre.cancel(coord, booking, CANCEL)
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": _session(coord, day=day),
                                    "planned_start": f"{day}T08:00+01:00", "decided_at": "2026-11-28T14:00+01:00",
                                    "patient_told": "phone", "told_at": "2026-11-28T14:00+01:00"})
    return booking


# ------------------------------------------------------------------ last minute, told by letter

def test_the_last_minute_label_says_the_day_due_in_the_day_of_the_operation_or_after_arriving(session_for):
    """"(on the day, after admission)" read as both at once: a day case rung at home at 07:30 on
    the day of the operation was answered No; and NHS England's "on the day the patient was due to
    arrive" was unsaid: a patient due in on Monday for Tuesday's bowel operation, rung at home on
    Monday for no bed, was answered No, and no 28-day date set."""
    label = session_for("coord").form("operation_cancellation").field("last_minute").label
    assert label.en == "Last minute (on the day the patient was due in or of the operation, or after arriving)"
    assert label.fr == "Dernière minute (le jour prévu de l’entrée ou de l’intervention, ou après l’arrivée)"


def test_a_cancellation_on_the_day_of_the_operation_cannot_say_not_last_minute(session_for, ward, clock):
    coord, patient = session_for("coord"), ward(1)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    clock.now = datetime.fromisoformat(f"{MONDAY}T07:30+01:00")
    on_the_day = {"cancelled_at": f"{MONDAY}T07:30+01:00", "reason": "no_ward_bed", "last_minute": False,
                  "patient_told": "phone"}
    with pytest.raises(theatre.ServiceError) as refused:
        theatre.cancel(coord, booking, on_the_day)
    assert refused.value.text("en") == ("Last minute: the operation was cancelled on its own day (30/11/2026), which "
                                        "makes it a last-minute cancellation; answer Yes.")
    theatre.cancel(coord, booking, {**on_the_day, "last_minute": True})
    (facts,) = [f for f in theatre.bookings(coord.db, coord.forms) if f.record.record_id == booking]
    assert f"{facts.rebook_by:%d/%m/%Y}" == "28/12/2026"


def test_a_cancellation_the_day_before_may_say_not_last_minute(session_for, ward, send_home, clock):
    """Of a patient at home: one in a bed is admitted already (next test)."""
    coord, patient = session_for("coord"), ward(1)
    send_home(patient)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    clock.now = datetime.fromisoformat("2026-11-29T23:30+01:00")
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-29T23:30+01:00", "reason": "no_ward_bed",
                                    "last_minute": False, "patient_told": "phone"})


def test_an_in_patients_cancellation_the_evening_before_is_a_last_minute_one(session_for, ward, clock):
    """The patient admitted to bed 1 of 3B for Monday's 08:00 list, the list cancelled on the
    Saturday: "No" was accepted, the 28-day date was lost and the case sank to the bottom of the
    rescheduling list. A clinical reason (the patient unfit) owes no 28-day date, and is answered."""
    coord, patient = session_for("coord"), ward(1)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    not_last_minute = {"cancelled_at": "2026-11-28T13:00+01:00", "reason": "no_ward_bed", "last_minute": False,
                       "patient_told": "in_person"}
    with pytest.raises(theatre.ServiceError, match=r"the patient was admitted \(ward 3B\) when the operation was "
                                                   r"cancelled, which makes it a last-minute cancellation; answer Yes"):
        theatre.cancel(coord, booking, not_last_minute)
    theatre.cancel(coord, booking, {**not_last_minute, "last_minute": True})
    (item,) = theatre.rescheduling(coord.db, coord.forms, clock.now)[0]
    assert item.rebook_by("en") == "26/12/2026"
    other = theatre.book(coord, ward(2), _booking(_session(coord, "T2"), "08:00")).record_id
    theatre.cancel(coord, other, {**not_last_minute, "reason": "patient_unfit"})


def test_the_cancel_dialog_starts_at_last_minute_for_an_in_patient(session_for, ward, send_home, qtbot):
    """It started blank the evening before, and the coordinator answered "No" for a patient in a bed."""
    from downtime.qt.theatre_panel import LAST_MINUTE, CancelDialog

    coord = session_for("coord")
    t1 = _session(coord)
    in_bed, at_home = ward(1), ward(2)
    send_home(at_home)
    for patient, said in ((in_bed, True), (at_home, None)):
        booking = theatre.book(coord, patient, _booking(t1, "08:00" if said else "09:00")).record_id
        dialog = CancelDialog(coord, next(s for s in theatre.bookings(coord.db, coord.forms)
                                          if s.record.record_id == booking))
        qtbot.addWidget(dialog)
        dialog.reason.setCurrentIndex(dialog.reason_codes.index("no_ward_bed"))
        assert LAST_MINUTE[dialog.last_minute.currentIndex()] is said


def test_an_in_patients_cancellation_weeks_before_the_operation_is_the_coordinators_to_answer(session_for, ward,
                                                                                            clock, qtbot):
    """On 3B since 28/11 after a fall, her hernia repair booked for 28/12, the list cancelled on
    28/11 by the surgeon's leave: "No" was refused as if she had arrived for the operation, the
    dialog started at "Yes", and "Yes" gave a rebook-by date (26/12) before the operation's own.
    From the evening before the operation her stay makes it a last-minute one again."""
    from downtime.qt.theatre_panel import LAST_MINUTE, CancelDialog

    coord, patient = session_for("coord"), ward(1)
    booking = theatre.book(coord, patient, _booking(_session(coord, day="2026-12-28"), "08:00",
                                                    day="2026-12-28")).record_id
    dialog = CancelDialog(coord, next(s for s in theatre.bookings(coord.db, coord.forms)
                                      if s.record.record_id == booking))
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason_codes.index("surgeon_unavailable"))
    assert LAST_MINUTE[dialog.last_minute.currentIndex()] is None
    not_last_minute = {"cancelled_at": "2026-11-28T13:00+01:00", "reason": "surgeon_unavailable",
                       "last_minute": False, "patient_told": "in_person"}
    cancelled = theatre.cancel(coord, booking, not_last_minute).record_id
    assert theatre.booking_facts(coord.db, booking).rebook_by is None
    records.mark_entered_in_error(coord, cancelled, "typed on the wrong day")
    clock.now = datetime.fromisoformat("2026-12-27T18:00+01:00")
    with pytest.raises(theatre.ServiceError, match=r"the patient was admitted \(ward 3B\) when the operation"):
        theatre.cancel(coord, booking, {**not_last_minute, "cancelled_at": "2026-12-27T18:00+01:00"})


# ------------------------------------------------------------------ filed under another patient

def test_a_cancellation_or_rebooking_is_filed_under_its_bookings_patient(session_for, ward):
    coord, patient, other = session_for("coord"), ward(1), ward(2)
    t1 = _session(coord)
    booking = theatre.book(coord, patient, _booking(t1, "08:00")).record_id
    with pytest.raises(theatre.ServiceError, match="booked for another patient"):
        records.save_new(coord, "operation_cancellation", {**CANCEL, "booking": booking}, patient_id=other)
    theatre.cancel(coord, booking, CANCEL)
    rebooking = {"booking": booking, "outcome": "rebooked", "session": t1, "planned_start": f"{MONDAY}T10:00+01:00",
                 "decided_at": "2026-11-28T13:30+01:00"}
    with pytest.raises(theatre.ServiceError, match="booked for another patient"):
        records.save_new(coord, "operation_rebooking", rebooking, patient_id=other)
    records.save_new(coord, "operation_rebooking", rebooking, patient_id=patient)


# ------------------------------------------------------------------ names typed two ways

def test_a_surgeon_typed_without_his_accent_is_the_same_surgeon(session_for, ward):
    coord = session_for("coord")
    theatre.book(coord, ward(1), _booking(_session(coord, "T1"), "08:00", surgeon="Dr Lefèvre"))
    with pytest.raises(theatre.ClashRefused):
        theatre.book(coord, ward(2), _booking(_session(coord, "T2"), "08:30", surgeon="Dr Lefevre",
                                              procedure="Appendicectomy", side="not_applicable"))


@pytest.mark.parametrize("other", ["T 1", "T-1", "t1 ", "Theatre 1", "Salle 1", "Salle d’opération 1", "Th1",
                                   "T01", "Salle 01", "Theatre 01", "Th01"])
def test_one_theatre_typed_otherwise_holds_one_list_at_a_time(session_for, other):
    coord = session_for("coord")
    _session(coord, "T1")
    with pytest.raises(theatre.ServiceError, match="already has a session"):
        _session(coord, other)


@pytest.mark.parametrize("other", ["DSU theatre 1", "Bloc 1", "T11", "Theatre 1b", "T10", "Salle 010"])
def test_another_suites_room_or_number_is_another_theatre(session_for, other):
    coord = session_for("coord")
    _session(coord, "T1")
    _session(coord, other)
    assert len(theatre.sessions(coord.db)) == 2


# ------------------------------------------------------------------ an in-patient's letter

def _rebooked_letter(session_for, ward, tmp_path, day, lang="en"):
    coord, patient = session_for("coord"), ward(1)  # on ward 3B now
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    theatre.cancel(coord, booking, CANCEL)
    later = _session(coord, day=day)
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": later, "planned_start": f"{day}T08:00+01:00",
                                    "decided_at": "2026-11-28T14:00+01:00"})
    return pdf_text(printing.print_letter(session_for("coord", lang=lang), booking, tmp_path / "letter.pdf"))


@pytest.mark.parametrize(("lang", "paragraph"), [
    ("en", "If you have gone home by then: please arrive 90 minutes before this time, follow the fasting instructions "
           "you were given (nothing to eat in the 6 hours before, clear water until 2 hours before), and if you cannot "
           "come, call the surgical department:"),
    ("fr", "Si vous êtes rentré(e) chez vous d’ici là : merci de vous présenter 1 h 30 avant cette heure, de respecter "
           "les consignes de jeûne reçues (rien à manger dans les 6 heures qui précèdent, eau claire jusqu’à 2 heures "
           "avant) et, si vous ne pouvez pas venir, d’appeler le service de chirurgie :")])
def test_an_in_patients_letter_for_a_date_weeks_away_says_how_to_come_from_home(session_for, ward, tmp_path, lang,
                                                                                 paragraph):
    """Rebooked six weeks on, an in-patient's letter said only that the ward would take them to
    theatre: sent home in between, they did not know when to arrive, nor whom to call."""
    letter = _rebooked_letter(session_for, ward, tmp_path, "2027-01-11", lang)
    assert paragraph in letter
    assert ("ward 3B will get you ready" if lang == "en" else "service 3B vous préparera") in letter


def test_an_in_patients_letter_for_the_next_days_is_for_the_ward_alone(session_for, ward, tmp_path):
    letter = _rebooked_letter(session_for, ward, tmp_path, "2026-11-29")
    assert "gone home" not in letter and "ward 3B will get you ready" in letter


# ------------------------------------------------------------------ latex allergy in the notes

def test_a_latex_allergy_written_in_the_booking_notes_is_flagged_when_not_first(session_for, ward):
    """The notes' label asks for a latex allergy there ("e.g. latex allergy"): written so, the
    patient booked second was accepted with nothing said."""
    coord = session_for("coord")
    t1 = _session(coord)
    first = theatre.book(coord, ward(1), _booking(t1, "08:00")).record_id
    latex = theatre.book(coord, ward(2, allergy_status="nka", allergies=[], used_name="Zola"), _booking(
        t1, "09:00", surgeon="Dr Other", procedure="Appendicectomy", side="not_applicable",
        notes="Allergie au latex")).record_id
    assert _line(coord, latex).after_latex and not _line(coord, first).after_latex
    assert theatre.flagged(_line(coord, latex), "en", coord.clock()) == [
        "LATEX ALLERGY: move first, latex-free theatre"]


# ------------------------------------------------------------------ a cancelled attempt's checklist

SIGNED_IN = {"led_by": "Marie Roux (IBODE)", "consent_confirmed": True, "site_marked": "yes",
             "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": True, "airway_risk": "no",
             "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes"}


@pytest.mark.parametrize(("checked_at", "unchecked"), [("2026-11-28T09:00+01:00", True),
                                                       ("2026-12-01T07:50+01:00", False)])
def test_only_a_checklist_after_the_last_cancellation_counts(session_for, ward, clock, checked_at, unchecked):
    """The sign-in of an attempt cancelled in the anaesthetic room on 28/11 cleared NO SAFETY
    CHECKLIST for the operation done on 01/12, whose own checklist nobody had."""
    coord, nurse, patient = session_for("coord"), session_for("nurse"), ward(1)
    first = _session(coord, day="2026-11-28")
    booking = theatre.book(coord, patient, _booking(first, "09:00", day="2026-11-28",
                                                    side="not_applicable", procedure="Appendicectomy")).record_id
    theatre.cancel(coord, booking, {"cancelled_at": "2026-11-28T09:20+01:00", "reason": "patient_unfit",
                                    "last_minute": True, "patient_told": "in_person"})
    later = _session(coord, day="2026-12-01")
    theatre.rebook(coord, booking, {"outcome": "rebooked", "session": later, "planned_start": "2026-12-01T08:00+01:00",
                                    "decided_at": "2026-11-28T13:00+01:00"})
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")
    records.save_new(nurse, theatre.CHECKLIST_FORM, {**SIGNED_IN, "checked_at": checked_at, "booking": booking},
                     patient_id=patient)
    theatre.record_done(coord, booking, {"done_at": "2026-12-01T08:05+01:00", "theatre": "T1"})
    assert _line(coord, booking).no_checklist is unchecked


# ------------------------------------------------------------------ side abbreviations

@pytest.mark.parametrize(("text", "side", "said"), [("RIH repair", "left", "RIH"), ("LIH repair", "right", "LIH"),
                                                    ("Hernie inguinale bilat.", "left", "bilat"),
                                                    ("RTKR", "bilateral", "RTKR"), ("BIH repair", "right", "BIH")])
def test_a_side_abbreviation_naming_another_side_is_found(text, side, said):
    assert contradiction(text, side) == said


@pytest.mark.parametrize(("text", "side"), [("RIH repair", "right"), ("Hernie inguinale bilat.", "bilateral"),
                                            ("LTHR", "left"), ("TKR", "right"), ("Lichtenstein IH repair", "left")])
def test_a_side_abbreviation_agrees_with_its_own_side(text, side):
    assert contradiction(text, side) is None


def test_a_booking_of_a_right_inguinal_hernia_on_the_left_is_refused(session_for, ward):
    coord = session_for("coord")
    with pytest.raises(ValidationFailed, match="RIH"):
        theatre.book(coord, ward(1), _booking(_session(coord), "08:00", procedure="RIH repair", side="left"))


ORDINARY = ["repair", "hernia", "inguinal", "Lichtenstein", "hernie", "inguinale", "knee", "hip", "genou", "hanche",
            "prothèse", "totale", "arthroscopy", "cholecystectomy", "appendicectomy", "bilan", "biliaire", "bile",
            "bilirubin", "rib", "rhinoplasty", "ligation", "lithotripsy", "Richter", "TKR", "THR", "TKA", "THA", "IH",
            "ORIF", "DHS", "L4-L5", "D&C", "R-CHOP", "T1", "EUA", "OGD", "ERCP", "lipoma", "bilateralism",
            "riha", "Lihue", "bilatéralité", "Dr", "de", "du", "la", "le", "and", "of", "with", "under", "GA", "LA"]


@settings(max_examples=300)
@given(words=st.lists(st.sampled_from(ORDINARY), min_size=1, max_size=10),
       cases=st.lists(st.sampled_from([str.lower, str.title, str.upper, str]), min_size=10, max_size=10))
def test_ordinary_words_name_no_side(words, cases):
    """Whatever the case ordinary words of the wards are typed in, none is read as a side: a
    false refusal would make the coordinator rewrite a correct procedure."""
    text = " ".join(case(word) for case, word in zip(cases, words))
    assert sides_named(text) == {}, text


@pytest.mark.parametrize(("cancelled_at", "untold"), [("2026-11-28T13:00+01:00", True),
                                                      ("2026-11-23T13:00+01:00", False)])
def test_a_letter_counts_as_telling_only_when_it_can_arrive(session_for, ward, send_home, clock, cancelled_at,
                                                            untold):
    """"Told by letter" on Saturday afternoon of Monday 08:00's cancellation counted as told: the
    patient at home came in fasting. Sent the Monday before, it has the week to arrive."""
    coord, patient = session_for("coord"), ward(1)
    send_home(patient)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    clock.now = datetime.fromisoformat(cancelled_at)
    theatre.cancel(coord, booking, {**CANCEL, "cancelled_at": cancelled_at, "patient_told": "letter"})
    (waiting,), _ = theatre.rescheduling(coord.db, coord.forms, coord.clock())
    assert waiting.state.untold is untold and waiting.state.letter_late is untold
    (entry,) = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30), "T1", now=coord.clock())[0][1]
    said = theatre.board_status(entry, "en", coord.clock())
    assert ("letter may not arrive: ring" in said) is untold and ("PATIENT NOT TOLD YET" in said) is untold


def test_a_patient_rung_after_a_late_letter_is_told(session_for, ward, send_home):
    coord, patient = session_for("coord"), ward(1)
    send_home(patient)
    booking = theatre.book(coord, patient, _booking(_session(coord), "08:00")).record_id
    theatre.cancel(coord, booking, {**CANCEL, "cancelled_at": "2026-11-28T13:00+01:00", "patient_told": "letter"})
    theatre.record_told(coord, booking, "phone", datetime.fromisoformat("2026-11-28T14:00+01:00"))
    (waiting,), _ = theatre.rescheduling(coord.db, coord.forms, coord.clock())
    assert not waiting.state.untold


# ------------------------------------------------------------------ turnover between cases

def test_a_list_booked_back_to_back_past_its_end_with_turnovers_says_it_overruns(session_for, ward, tmp_path):
    """Five 60-minute cases filling a 08:00-13:00 list to the minute were accepted, and nothing
    said the list would run an hour late once each case's turnover (15 min) was counted. Four fit;
    the fifth's line says so on the board, the print and to the coordinator booking it."""
    coord = session_for("coord")
    t1 = _session(coord)
    for n, start in enumerate(("08:00", "09:00", "10:00", "11:00"), start=1):
        theatre.book(coord, ward(n), _booking(t1, start, procedure=f"Case {n}"))
    (_, lines), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    assert [line.overrun for line in lines] == [None] * 4
    fifth = theatre.book(coord, ward(5), _booking(t1, "12:00", procedure="Case 5")).record_id
    said = "LIST OVERRUNS: ends about 14:00 with 15 min between cases (list ends 13:00)"
    (_, lines), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    assert [theatre.board_status(line, "en") for line in lines] == ["booked"] * 4 + [f"booked — {said}"]
    assert said in theatre.flagged(_line(coord, fifth), "en", coord.clock())
    assert said in " ".join(pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "l.pdf")).split())


def test_the_coordinator_whose_booking_makes_the_list_overrun_is_told_though_it_is_not_the_last(session_for, ward):
    """T1 08:00-12:40 held cases at 09:00, 10:15 and 11:30, in time with their turnovers; the
    coordinator added one at 08:00, which pushed the list to 12:45: the flag went to the 11:30
    line nobody touched, and the booking was saved with nothing said."""
    coord = session_for("coord")
    t1 = _session(coord, end="12:40")
    first = theatre.book(coord, ward(1), _booking(t1, "09:00", procedure="Case 1")).record_id
    for n, start in ((2, "10:15"), (3, "11:30")):
        theatre.book(coord, ward(n), _booking(t1, start, procedure=f"Case {n}"))
    assert not any("LIST OVERRUNS" in flag for flag in theatre.flagged(_line(coord, first), "en", coord.clock()))
    added = theatre.book(coord, ward(4), _booking(t1, "08:00", procedure="Case 4")).record_id
    assert "LIST OVERRUNS: ends about 12:45 with 15 min between cases (list ends 12:40)" in theatre.flagged(
        _line(coord, added), "en", coord.clock())
    (_, lines), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    assert ["LIST OVERRUNS" in theatre.board_status(line, "en") for line in lines] == [False, False, False, True]


@pytest.mark.parametrize("last_done, said", [
    ("12:00", "DONE 12:00 — NO SAFETY CHECKLIST recorded"),
    ("12:30", "DONE 12:30 — NO SAFETY CHECKLIST recorded — LIST OVERRUNS: ends about 13:30 with 15 min between cases "
              "(list ends 13:00)")])
def test_a_list_whose_cases_were_done_counts_them_from_their_recorded_times(session_for, ward, clock, last_done, said):
    """Five 60-minute cases 08:00-13:00, each done at its planned start, the last at 12:00: the
    list was over by 13:00, and its last line still said "LIST OVERRUNS: ends about 14:00",
    before the safety flag. The last begun at 12:30 does run late."""
    coord = session_for("coord")
    t1 = _session(coord)
    booked = [theatre.book(coord, ward(n), _booking(t1, f"{hour:02d}:00", procedure=f"Case {n}")).record_id
              for n, hour in enumerate(range(8, 13), start=1)]
    clock.now = datetime.fromisoformat("2026-11-30T13:30+01:00")
    for booking, done in zip(booked, ("08:00", "09:00", "10:00", "11:00", last_done)):
        theatre.record_done(coord, booking, {"done_at": f"2026-11-30T{done}+01:00", "theatre": "T1"})
    (_, lines), = theatre.day_list(coord.db, coord.forms, date(2026, 11, 30))
    assert theatre.board_status(lines[-1], "en", clock.now) == said


# ------------------------------------------------------------------ a surgeon typed with an initial

@pytest.mark.parametrize("one, other, asked", [
    ("Dr Le Goff", "Dr A. Le Goff", True), ("Dr de Gaulle", "Dr C. de Gaulle", True),
    ("Dr Van der Berg", "Dr J. Van der Berg", True), ("Dr ROUX P.", "Dr Roux", True), ("ROUX Pierre", "Dr P. Roux", True),
    ("Dr Le Goff", "Dr Le Roux", False), ("ROUX Pierre", "Dr M. Roux", False), ("Dr M. Martin", "Dr L. Martin", False),
    ("Dr Pierre Roux", "Dr Paul Roux", False)])
def test_a_french_surgeons_name_with_a_particle_or_written_family_name_first_is_asked(one, other, asked):
    """"Dr A. Le Goff" booked in T2 while "Dr Le Goff" operated in T1 was asked nothing (the
    particle read as a first name), nor "ROUX Pierre", as French lists write it, beside "Dr P. Roux"."""
    from downtime.domain.theatre import maybe_same_person

    assert (maybe_same_person(one, other), maybe_same_person(other, one)) == (asked, asked)


def test_a_surgeon_typed_with_an_initial_beside_the_same_family_name_elsewhere_is_asked(session_for, ward):
    """Dr Roux operating in T1 08:00-09:00, a case for "Dr P. Roux" in T2 at 08:30 was accepted
    with nothing said: the only Roux of the hospital was booked in two theatres. Asked, never
    refused: "Dr M. Martin" and "Dr L. Martin" are two people, and say nothing."""
    coord = session_for("coord")
    theatre.book(coord, ward(1), _booking(_session(coord, "T1"), "08:00", surgeon="Dr Roux"))
    theatre.book(coord, ward(2), _booking(_session(coord, "T3"), "08:00", surgeon="Dr M. Martin",
                                          procedure="Appendicectomy", side="not_applicable"))
    t2 = _session(coord, "T2")
    asked = _booking(t2, "08:30", surgeon="Dr P. Roux", procedure="Appendicectomy", side="not_applicable")
    assert theatre.maybe_same_people(coord.db, asked, None, "en") == (
        "Dr Roux operates 08:00\u201309:00 in theatre T1: is Dr P. Roux the same person?")
    assert theatre.maybe_same_people(coord.db, {**asked, "planned_start": f"{MONDAY}T09:00+01:00"}, None, "en") is None
    assert theatre.maybe_same_people(coord.db, {**asked, "surgeon": "Dr L. Martin"}, None, "en") is None
    booked = theatre.book(coord, ward(3), asked)
    assert theatre.maybe_same_people(coord.db, booked.data, booked.record_id, "en") is not None, "asked again on amending"


# ------------------------------------------------------------------ days waited, in the singular

def test_a_day_waited_is_said_in_the_singular_on_the_rescheduling_list(session_for, ward, clock, qtbot):
    """An operation decided yesterday read "1 days" on the rescheduling list ("1 jours" in French)."""
    from downtime.qt.theatre_panel import TheatrePanel

    coord = session_for("coord")
    for decided, procedure in (("2026-11-27T10:00+01:00", "Appendicectomy"), ("2026-11-25T10:00+01:00", "Hernia")):
        booking = theatre.book(coord, ward(1 if procedure == "Hernia" else 2), _booking(
            _session(coord, "T1" if procedure == "Hernia" else "T2"), "08:00", procedure=procedure,
            side="not_applicable", decided_at=decided)).record_id
        theatre.cancel(coord, booking, CANCEL)
    waiting, _ = theatre.rescheduling(coord.db, coord.forms, clock.now)
    assert sorted((item.waited_said("en"), item.waited_said("fr")) for item in waiting) == [
        ("1 day", "1 jour"), ("3 days", "3 jours")]
    panel = TheatrePanel(coord)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    model = panel.waiting_model
    assert sorted(model.texts(row)[9] for row in range(model.rowCount())) == ["1 day", "3 days"]
