"""The enhanced care log (forms/enhanced_observation.yaml's entries): on paper a chart's day of
hourly rows on a day's and a night's landscape sheet, blank in the binder and filled from the
entries (pdf.enhanced_observation); on the laptop an entry made quick at 3 a.m.: where and how the
patient was as two choices with the words optional, the time starting as now, the level standing
and the last entry said under the form's first field (services.enhanced_observation.notes). The
tests' clock is 14:00 on 28/11 (Paris), the patient admitted at 09:00."""

from datetime import date, datetime

import pytest
from pypdf import PdfReader

from downtime.domain.roles import Role
from downtime.formspec.values import offered
from downtime.pdf.enhanced_observation import CODED, CODES
from downtime.services import prefill, printing, records, staff
from downtime.services.context import Session, load_device
from downtime.services.errors import ValidationFailed
from tests.conftest import death_answers
from tests.pdf_text import pdf_pages
from tests.test_enhanced_observation import FORM, SET, URGENT, entry

DAY = [f"{hour:02d}:00" for hour in range(7, 19)]
NIGHT = [f"{hour:02d}:00" for hour in (*range(19, 24), *range(7))]


@pytest.mark.parametrize("lang, key", [("en", ["B in bed", "W walking with staff", "A asleep", "AG agitated",
                                               "Watch handed to", "quarter-hour box"]),
                                       ("fr", ["L au lit", "M marche accompagné(e)", "E endormi(e)", "AG agité(e)",
                                               "Relève passée à", "case du quart d’heure"])])
def test_the_blank_log_is_a_day_of_hourly_rows_on_a_day_and_a_night_landscape_sheet(forms, clock, tmp_path, lang,
                                                                                    key):
    """A ward on paper writes an entry an hour at a continuous level (96 a day at every 15
    minutes): the binder's copies of the two-page form were four hours of it."""
    path = printing.blank(forms, "enhanced_log", tmp_path / f"log-{lang}.pdf", lang=lang, printed_by=None,
                          printed_at=clock(), device_name="3B")
    pages = pdf_pages(path)
    assert len(pages) == 2, pages
    assert all(hour in pages[0] for hour in DAY) and all(hour in pages[1] for hour in NIGHT), pages
    assert all(word in page for page in pages for word in key), pages
    assert all(page.mediabox.width > page.mediabox.height for page in PdfReader(path).pages)


def test_the_binder_holds_a_decision_and_a_days_log_for_two_patients():
    binder = dict(printing.BINDER)
    assert (binder["enhanced_observation"], binder["enhanced_log"]) == (2, 2)
    assert "enhanced_log" in printing.CHARTS


def test_each_choice_of_an_entry_has_letters_of_its_own_on_paper(forms):
    """A quarter box holds "B/S" and initials: each of the entry's choices its letters, in each
    language, none two choices' of a field."""
    for field_id in CODED:
        codes = [option.code for option in offered(forms[FORM].field(field_id))]
        for lang in ("en", "fr"):
            letters = [CODES[code][lang] for code in codes]
            assert len(set(letters)) == len(letters), (field_id, lang, letters)


def test_a_printed_entry_is_its_days_log_each_entry_in_its_hour_and_quarter(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, entry("11:00"), patient_id=patient)
    records.save_new(nurse, FORM, entry("11:15", where="bed", state="asleep", doing=""), patient_id=patient)
    last = records.save_new(nurse, FORM, entry("12:05", handed_to="Paul Martin", engagement="Tea and a photo album"),
                            patient_id=patient)
    records.amend(nurse, last.record_id, {**last.data, "state": "agitated"}, "wrong state picked")
    pages = pdf_pages(printing.print_record(nurse, last.record_id, tmp_path / "log.pdf"))
    day, night, amended = pages
    assert "12:05 †1 Walking with staff" in day and "W/AG AB" in day, day
    assert "†1" in amended and "Restless" in amended and "Agitated" in amended, amended
    assert "24 hours from 28/11/2026 07:00 to 29/11/2026 07:00" in day, day
    assert "ENHANCED OBSERVATION from 10:00 within eyesight: an entry every 60 min; review by 29/11/2026 09:00" in day, day
    assert "11:00 Walking with staff: Walking to the door" in day and "11:15 In bed" in day, day
    assert "Restless: Asking for her husband" in day and "Asleep" in day, day
    assert day.count("W/R AB") == 1 and "B/A AB" in day, day
    assert "Tea and a photo album" in day and "Paul Martin" in day, day
    assert "Walking with staff" not in night and all(hour in night for hour in NIGHT), night


def test_each_check_is_initialled_by_whoever_watched_not_whoever_typed_it(session_for, patient, tmp_path):
    """The paper's rule: who watched initials the quarter box. The night nurse typed the assistant's
    checks at the desk, and the log read as if she had watched."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, entry("11:00", observer="Aïcha Benali (HCA)"), patient_id=patient)
    last = records.save_new(nurse, FORM, entry("11:30", observer="Hélène Lefèvre"), patient_id=patient)
    day = pdf_pages(printing.print_record(nurse, last.record_id, tmp_path / "log.pdf"))[0]
    assert day.count("W/R AB") == 1 and day.count("W/R HL") == 1, day


def test_over_the_bedside_log_only_the_level_how_often_and_the_review(session_for, patient, tmp_path):
    """The printed log lies on the bay's table for the day: not the risks ("self-harm"), the DoLS
    answers nor the capacity (the handover's, for staff), nor an "entry OVERDUE" stale once printed."""
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, {**URGENT, "level": "intermittent", "interval_minutes": "30",
                                   "risks": ["self_harm", "leaving"]}, patient_id=patient)
    last = records.save_new(nurse, FORM, entry("11:00"), patient_id=patient)
    pages = pdf_pages(printing.print_record(nurse, last.record_id, tmp_path / "log.pdf"))
    for said, begun in zip(pages, ("from 10:00 ", ""), strict=True):
        assert f"ENHANCED OBSERVATION {begun}high-level intermittent: an entry every 30 min; review by 29/11/2026 09:00" in said
        for hidden in ("self-harm", "leaving", "DoLS", "capacity", "OVERDUE", "DUE"):
            assert hidden not in said, (hidden, said)


def _changed(time: str, level: str, **more: object) -> dict[str, object]:
    return {**SET, "noted_at": time, "decision": "changed", "level": level, **more}


@pytest.mark.parametrize("lang, day_sheet, night_sheet, next_day", [
    ("en", ("ENHANCED OBSERVATION from 10:00 within eyesight: an entry every 60 min; from 14:20 high-level "
            "intermittent: an entry every 30 min; review by 29/11/2026 09:00"),
     ("ENHANCED OBSERVATION high-level intermittent: an entry every 30 min; from 02:10 within arm’s length 2:1: "
      "an entry every 60 min; review by 29/11/2026 09:00"),
     ("ENHANCED OBSERVATION within arm’s length 2:1: an entry every 60 min; from 09:00 general (low-level "
      "intermittent): an entry every 60 min; stopped at 15:00")),
    ("fr", ("SURVEILLANCE RAPPROCHÉE à partir de 10:00 à portée de vue : une ligne toutes les 60 min ; à partir de "
            "14:20 intermittente rapprochée : une ligne toutes les 30 min ; réévaluation : 29/11/2026 09:00"),
     ("SURVEILLANCE RAPPROCHÉE intermittente rapprochée : une ligne toutes les 30 min ; à partir de 02:10 à portée "
      "de main 2:1 : une ligne toutes les 60 min ; réévaluation : 29/11/2026 09:00"),
     ("SURVEILLANCE RAPPROCHÉE à portée de main 2:1 : une ligne toutes les 60 min ; à partir de 09:00 générale "
      "(intermittente, niveau bas) : une ligne toutes les 60 min ; arrêtée à 15:00"))])
def test_each_sheet_says_the_watches_kept_over_it_not_the_level_at_print_time(session_for, patient, clock, tmp_path,
                                                                                lang, day_sheet, night_sheet, next_day):
    """Within eyesight on Monday, intermittent every 30 minutes from 14:20: Monday's log printed on
    Wednesday said the level standing on Wednesday over each sheet, stopped since, and nothing.
    The step down to general on Tuesday is a change: it was a review ("level unchanged"), which
    check now refuses of another level than the one standing."""
    clock.now = datetime.fromisoformat("2026-11-30T11:00+01:00")
    nurse = session_for("nurse", lang)
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, _changed("2026-11-28T14:20+01:00", "intermittent", interval_minutes="30"),
                     patient_id=patient)
    records.save_new(nurse, FORM, _changed("2026-11-29T02:10+01:00", "arms_length", two_staff=True),
                     patient_id=patient)
    records.save_new(nurse, FORM, _changed("2026-11-29T09:00+01:00", "general"), patient_id=patient)
    records.save_new(nurse, FORM, {"kind": "decision", "noted_at": "2026-11-29T15:00+01:00", "decision": "stopped",
                                   "decided_by": "Hélène Lefèvre", "decider_role": "registered_nurse",
                                   "told": "Told her daughter", "stopped_reason": "Settled"}, patient_id=patient)
    day, night = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 28), tmp_path / "log.pdf"))
    assert day_sheet in day and night_sheet in night, (day, night)
    assert "2:1" not in day, day
    assert next_day in pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 29),
                                                             tmp_path / "next.pdf"))[0]


@pytest.mark.parametrize("lang, day_sheet", [
    ("en", "ENHANCED OBSERVATION from 10:00 within eyesight: an entry every 60 min; discharged at 12:00"),
    ("fr", "SURVEILLANCE RAPPROCHÉE à partir de 10:00 à portée de vue : une ligne toutes les 60 min ; sortie à 12:00")])
def test_a_sheet_says_the_watch_ended_with_the_stay_and_the_sheet_after_it_nothing(session_for, patient, send_home,
                                                                                    tmp_path, lang, day_sheet):
    """Within eyesight from 10:00, sent home at 12:00 with no decision stopping it: the night sheet,
    twelve hours she was at home, said "within eyesight: an entry every 60 min" over twelve empty
    hours, read at an incident review as twelve hours unwatched."""
    nurse = session_for("nurse", lang)
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, entry("11:00"), patient_id=patient)
    send_home(patient)
    day, night = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 28), tmp_path / "log.pdf"))
    assert day_sheet in day and "29/11/2026 09:00" not in day, day
    assert "ENHANCED OBSERVATION" not in night and "SURVEILLANCE RAPPROCHÉE" not in night, night


def test_a_watch_ends_at_the_patients_death(session_for, patient, clock, tmp_path):
    """She died at 20:30 within arm's length: the night sheet says the watch to then, and the death."""
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, FORM, {**SET, "level": "arms_length"}, patient_id=patient)
    records.save_new(nurse, "death", {**death_answers("2026-11-28T20:30+01:00"), "verified_by": "Dr Benali",
                                      "expected": True, "family_informed": False}, patient_id=patient)
    _, night = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 28), tmp_path / "log.pdf"))
    assert ("SURVEILLANCE RAPPROCHÉE à portée de main : une ligne toutes les 60 min ; décès à 20:30 Code"
            in night), night


def test_a_move_to_another_ward_is_the_same_stay_its_watch_goes_on(session_for, patient, tmp_path):
    """A move within the hospital does not end the stay (services.bedside.stays_began) nor the
    level: the receiving ward keeps the watch until it reviews it, its entries printed in their hours."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["Side 2"])
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "ICU", "to_bed": "Side 2",
                                         "reason": "Needs monitoring"}, patient_id=patient)
    _, night = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 28), tmp_path / "log.pdf"))
    assert ("ENHANCED OBSERVATION within eyesight: an entry every 60 min; review by 29/11/2026 09:00"
            in night), night


def test_an_earlier_stays_log_printed_after_a_readmission_is_of_that_stay(session_for, medication_ward, admission_values,
                                                                          tmp_path):
    """Within eyesight on 27/11 in her first stay, sent home at 21:00, readmitted on 28/11 at 12:00
    and set within arm's length at 13:00: the first stay's log of 27/11, printed for the records
    office, came out empty, no watch over it and no entry (the chart read only the present stay);
    its level is not the second stay's, and the second stay's day is its own."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-27T10:00+01:00", "review_by": "2026-11-28T09:00+01:00"},
                     patient_id=patient)
    first = records.save_new(nurse, FORM, {**entry("x"), "noted_at": "2026-11-27T11:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T21:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+01:00", "bed": "5"},
                     patient_id=patient)
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-11-28T13:00+01:00", "level": "arms_length"},
                     patient_id=patient)
    day, night = pdf_pages(printing.print_record(nurse, first.record_id, tmp_path / "first.pdf"))
    assert ("ENHANCED OBSERVATION from 10:00 within eyesight: an entry every 60 min; review by 28/11/2026 09:00"
            in day and "Walking to the door" in day), day
    assert "ENHANCED OBSERVATION within eyesight: an entry every 60 min; discharged at 21:00" in night, night
    assert "within arm’s length" not in day + night, (day, night)
    day, _ = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 11, 28), tmp_path / "second.pdf"))
    assert ("ENHANCED OBSERVATION from 13:00 within arm’s length: an entry every 60 min; review by 29/11/2026 09:00"
            in day and "within eyesight" not in day), day


def test_the_night_the_clocks_go_back_a_change_at_0230_is_on_the_night_sheet(session_for, admission_values, clock,
                                                                            tmp_path):
    """On 25/10 the clocks go back at 03:00 (summer time ends): the night sheet of 24/10 runs 19:00
    to 07:00 on the wall clock, thirteen hours, a change at 02:30 winter time within it, its offset
    said: 02:30 comes twice that night."""
    from zoneinfo import ZoneInfo

    from downtime.services import wards

    clock.now = datetime(2026, 10, 26, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-10-24T09:00+02:00"}).patient_id
    records.save_new(nurse, FORM, {**SET, "noted_at": "2026-10-24T10:00+02:00", "review_by": "2026-10-25T09:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, FORM, _changed("2026-10-25T02:30+01:00", "intermittent", interval_minutes="30",
                                           review_by="2026-10-25T09:00+01:00"), patient_id=patient)
    records.save_new(nurse, FORM, {**entry("x"), "noted_at": "2026-10-25T06:45+01:00"}, patient_id=patient)
    _, night = pdf_pages(printing.print_enhanced_log(nurse, patient, date(2026, 10, 24), tmp_path / "oct.pdf"))
    assert ("ENHANCED OBSERVATION within eyesight: an entry every 60 min; from 02:30 +01:00 high-level intermittent: "
            "an entry every 30 min; review by 25/10/2026 09:00") in night, night
    assert "Walking to the door" in night, night


@pytest.mark.parametrize("role", [Role.HEALTHCARE_ASSISTANT, Role.STUDENT_NURSE])
def test_a_new_record_of_an_assistant_or_a_student_starts_as_a_log_entry(session_for, patient, forms, clock, role):
    """At 3 a.m. the assistant's new record started blank at "This record is", "A level decision"
    offered, which she cannot save: she writes the log."""
    staff.add_staff(session_for("admin"), "watch", "Léa Petit", role, "6666")
    nurse = session_for("nurse")
    watch = Session(nurse.db, load_device(nurse.db), staff.sign_in(nurse.db, "watch", "6666", clock), forms, clock)
    assert prefill.first_answers(watch, forms[FORM], patient)["kind"] == "entry"
    assert "kind" not in prefill.first_answers(nurse, forms[FORM], patient)


def test_an_entry_is_where_and_how_chosen_its_words_optional(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, FORM, SET, patient_id=patient)
    quick = {"kind": "entry", "noted_at": "2026-11-28T11:00+01:00", "where": "bed", "state": "asleep",
             "observer": "Aïcha Benali"}
    assert records.save_new(nurse, FORM, quick, patient_id=patient).data["state"] == "asleep"
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, FORM, {**quick, "state": None, "noted_at": "2026-11-28T12:00+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["state"]


def test_a_new_record_starts_now_and_says_the_level_and_its_last_entry(session_for, patient, forms):
    nurse = session_for("nurse")
    spec = forms[FORM]
    assert prefill.notes(nurse, spec, patient) == {}
    records.save_new(nurse, FORM, SET, patient_id=patient)
    records.save_new(nurse, FORM, entry("13:00", where="chair", state="settled"), patient_id=patient)
    assert prefill.first_answers(nurse, spec, patient)["noted_at"] == "2026-11-28T14:00+01:00"
    assert prefill.notes(nurse, spec, patient) == {"kind": (
        "ENHANCED OBSERVATION within eyesight (leaving the ward, wandering / falls); last entry 13:00 (in the "
        "chair, settled, with Aïcha Benali); entry OVERDUE since 14:00")}
    assert ", avec Aïcha Benali) ; " in prefill.notes(session_for("nurse", "fr"), spec, patient)["kind"]
