"""Blood in the stool asks a doctor to see it now until a doctor is recorded as told of it on
the stool's line (bowel chart version 2: a name and a time not before the stool, as the 4AT's);
the chart then says who was told and when, and the escalation list drops it. A line with no
doctor told (every line of version 1) asks as before, while it is the last stool."""


import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.services import bowels, census, chart_alerts, printing, records
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text

MELAENA = {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened", "stool_type": "4", "amount": "medium",
           "seen": ["melaena"], "known_cause": False}
TOLD = {"doctor_told": " Dr  Benali ", "doctor_told_at": "2026-11-28T10:20+01:00"}


def _bowel_alerts(nurse, at):
    patients = census.in_patients(nurse.db, nurse.forms, at=at)
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, patients, at, "en", ward=None).alerts
            if alert.form_id == bowels.FORM]


def test_blood_a_doctor_is_told_of_leaves_the_asks_and_is_said_told(session_for, patient):
    nurse = session_for("nurse")
    assert nurse.form(bowels.FORM).version == 2
    records.save_new(nurse, bowels.FORM, {**MELAENA, **TOLD}, patient_id=patient)
    lines, spec, at = bowels.chart(nurse.db, patient), nurse.form(bowels.FORM), nurse.clock()
    assert bowels.asking(lines, spec, at, "en") == []
    assert _bowel_alerts(nurse, at) == []
    assert bowels.state(lines, spec, at, "en") == (
        "last opened 28/11 10:00 (type 4, Medium); Black, tarry (melaena) 28/11 10:00, doctor told: Dr Benali "
        "28/11 10:20")
    assert bowels.state(lines, spec, at, "fr").endswith("médecin prévenu : Dr Benali le 28/11 10:20")


def test_blood_no_doctor_is_told_of_is_still_asked_while_it_is_the_last_stool(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, bowels.FORM, {**MELAENA, "notes": "Dr Benali bleeped, no answer"}, patient_id=patient)
    clock.advance(hours=30)
    lines, spec, at = bowels.chart(nurse.db, patient), nurse.form(bowels.FORM), nurse.clock()
    assert bowels.asking(lines, spec, at, "en") == [
        "BLOOD IN THE STOOL (Black, tarry (melaena), 28/11 10:00): tell the doctor now"]


def test_the_doctor_told_needs_a_name_and_a_time_not_before_the_stool(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, bowels.FORM, {**MELAENA, "doctor_told": "Dr Benali"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["doctor_told_at"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, bowels.FORM, {**MELAENA, **TOLD, "doctor_told_at": "2026-11-28T09:00+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["charted_at"]


def test_the_doctor_told_is_exported_as_the_doctors_review(session_for, patient, exported_resource):
    saved = records.save_new(session_for("nurse"), bowels.FORM, {**MELAENA, **TOLD}, patient_id=patient)
    found = exported_resource(saved.record_id, Observation)
    said = {component.code.text: component for component in found.component}
    assert said["Doctor told"].valueString == "Dr Benali"
    assert said["Doctor told, at"].valueDateTime.isoformat() == "2026-11-28T10:20:00+01:00"


def test_the_paper_chart_has_a_place_for_the_doctor_told(session_for, patient, clock, tmp_path):
    """The blank chart asks who was told and when of each stool, and the patient's chart keeps
    it on the stool's line after later stools (the state line forgets it)."""
    nurse = session_for("nurse")
    blank = " ".join(pdf_text(printing.print_blank(nurse, "bowels", tmp_path / "blank.pdf")).split())
    assert "Doctor told (name, time)" in blank
    records.save_new(nurse, bowels.FORM, {**MELAENA, **TOLD}, patient_id=patient)
    records.save_new(nurse, bowels.FORM, {**MELAENA, "seen": [], "charted_at": "2026-11-28T12:00+01:00"},
                     patient_id=patient)
    clock.advance(hours=30)
    printed = " ".join(pdf_text(printing.print_bowel_chart(nurse, patient, tmp_path / "b.pdf")).split())
    assert "Doctor told (name, time)" in printed and "Dr Benali 28/11 10:20" in printed
    nurse.lang = "fr"
    blank_fr = " ".join(pdf_text(printing.print_blank(nurse, "bowels", tmp_path / "blank_fr.pdf")).split())
    assert "Médecin prévenu (nom, heure)" in blank_fr


def test_the_doctor_told_column_leaves_the_notes_their_room(session_for, patient, clock, tmp_path):
    """The column the doctor told took came out of the narrow yes/no and amount columns, not the
    notes: a three-line note ran to seven, a word a line, and the time and stool type wrapped."""
    nurse = session_for("nurse")
    records.save_new(nurse, bowels.FORM, {**MELAENA, **TOLD, "stool_type": "6",
                                          "notes": "Side room 4; sample sent to microbiology, awaiting result; "
                                                   "family informed"}, patient_id=patient)
    for lang in ("en", "fr"):
        nurse.lang = lang
        out = printing.print_bowel_chart(nurse, patient, tmp_path / f"b_{lang}.pdf")
        lines = [line.strip() for line in PdfReader(out).pages[0].extract_text().splitlines()]
        assert not {"28/11", "10:00"} & set(lines) and any("Opened, 6" in line or "Selles, 6" in line
                                                            for line in lines), lines
        first = next(n for n, line in enumerate(lines) if "Side room 4" in line)
        assert "informed" in " ".join(lines[first:first + 4]), lines[first:first + 7]


def test_the_blank_form_asks_the_doctor_told_as_paper_does(session_for, tmp_path):
    """The blank bowel form is filled in with no laptop at hand: its doctor told box says nothing
    of what the app asks or of amending a line, and the told at box names it as it is labelled."""
    nurse = session_for("nurse")
    for lang, label, screen_words in (("en", "Doctor told (name)", ("the app", "amend")),
                                      ("fr", "Médecin prévenu (nom)", ("l’application", "modifier"))):
        nurse.lang = lang
        blank = pdf_text(printing.print_blank(nurse, bowels.FORM, tmp_path / f"form_{lang}.pdf"))
        assert label in blank and not any(words in blank for words in screen_words)
        assert f"{label} {'answered' if lang == 'en' else 'renseigné'}" in blank
