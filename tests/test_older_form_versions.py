"""Records kept under an older version of a form, once the app ships a later one: what the later
version withdrew (an option `retired`, a field renamed with `formerly`, or dropped outright) is
still read in words, printed, listed, and carried by an amendment or a settlement unchanged.

The later versions are those hospital IT would write: the clinical note's `focus` renamed
`problem` and its option `midwifery` withdrawn, the admission's isolation `protective` and diet
`no_pork` withdrawn.
"""

from __future__ import annotations

import csv
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, load_forms
from downtime.paths import forms_dir
from downtime.services import printing, records, staff
from downtime.services.context import Session, Vault, load_device
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.version_changes import changes, changes_text
from downtime.sync import export
from downtime.sync.fhir_elements import label
from tests.pdf_text import pdf_text
from tests.conftest import STAFF

MIDWIFE_NOTE = {"written_at": "2026-11-28T11:00+01:00", "discipline": "midwifery", "focus": "Fall at 10:40",
                "note": "Found on the floor.", "written_by": "Hélène Lefèvre"}


def later_forms_folder(tmp_path: Path, *, kept: bool = True) -> Path:
    """The forms of a later release. `kept`: as the README says to withdraw (the option retired,
    the field's former id given); otherwise the option and the field simply removed."""
    folder = tmp_path / ("forms_later" if kept else "forms_dropped")
    shutil.copytree(forms_dir(), folder)
    note = (folder / "clinical_note.yaml").read_text(encoding="utf-8").replace("version: 1\n", "version: 2\n", 1)
    midwife = "{code: midwifery, label: {en: Midwife, fr: Sage-femme}}"
    if kept:
        note = note.replace("      - id: focus\n", "      - id: problem\n        formerly: [focus]\n", 1)
        note = note.replace(midwife, midwife[:-1] + ", retired: true}", 1)
    else:
        note = re.sub(r"      - id: focus\n(?:        .*\n)+", "", note, count=1)
        note = note.replace(f"          - {midwife}\n", "", 1)
    note = note.replace("summary: [written_at, discipline, focus,",
                        "summary: [written_at, discipline, problem," if kept else "summary: [written_at, discipline,", 1)
    (folder / "clinical_note.yaml").write_text(note, encoding="utf-8")
    admission = (folder / "admission.yaml").read_text(encoding="utf-8")
    admission = re.sub(r"^version: (\d+)", lambda m: f"version: {int(m.group(1)) + 1}", admission, count=1, flags=re.M)
    protective = "{code: protective, label: {en: Protective isolation, fr: Isolement protecteur}}"
    no_pork = "{code: no_pork, label: {en: No pork, fr: Sans porc}}"
    for option in (protective, no_pork):
        admission = admission.replace(option, option[:-1] + ", retired: true}" if kept else "", 1)
    if not kept:
        admission = re.sub(r"\n *-\s*\n", "\n", admission)
    (folder / "admission.yaml").write_text(admission, encoding="utf-8")
    return folder


def later_forms(tmp_path: Path, *, kept: bool = True) -> dict[str, FormSpec]:
    return load_forms(later_forms_folder(tmp_path, kept=kept))


@pytest.fixture
def upgraded(ward_db, db_path, clock):
    """upgraded(forms, staff_id): the same ward database read by a later release."""
    def make(forms: dict[str, FormSpec], staff_id: str = "nurse") -> Session:
        user = staff.sign_in(ward_db, staff_id, STAFF[staff_id][2], clock)
        return Session(ward_db, load_device(ward_db), user, forms, clock, "en", vault=Vault(db_path, ward_db))
    return make


@pytest.fixture
def midwife_note(session_for, patient) -> RecordVersion:
    return records.save_new(session_for("nurse"), "clinical_note", MIDWIFE_NOTE, patient_id=patient)


def test_forms_check_accepts_a_retired_option_and_a_former_id(tmp_path, capsys):
    assert main(["forms", "check", str(later_forms_folder(tmp_path))]) == 0, capsys.readouterr().err
    note = load_forms(later_forms_folder(tmp_path / "again"))["clinical_note"]
    assert note.field("problem").formerly == ["focus"]


def test_a_retired_option_is_not_offered_for_a_new_answer(tmp_path, upgraded, patient):
    nurse = upgraded(later_forms(tmp_path))
    with pytest.raises(ValidationFailed, match="Written by a"):
        records.save_new(nurse, "clinical_note", {**MIDWIFE_NOTE, "focus": None}, patient_id=patient)


def test_an_amendment_keeps_a_retired_code_and_reads_a_renamed_answer_under_its_new_id(
        tmp_path, upgraded, midwife_note):
    """The note's screen under the later version sends its own fields only: the retired code as
    it was, the focus under its new id."""
    nurse = upgraded(later_forms(tmp_path))
    typed = {"written_at": MIDWIFE_NOTE["written_at"], "discipline": "midwifery", "problem": "Fall at 10:40",
             "note": "Found on the floor, no head injury.", "written_by": "Hélène Lefèvre"}
    amended = records.amend(nurse, midwife_note.record_id, typed, "completed")
    assert amended.data == typed and amended.form_version == 2


def test_a_laptop_on_the_older_release_does_not_amend_a_record_the_later_form_wrote(
        tmp_path, upgraded, session_for, midwife_note):
    """The patient went back to a ward whose laptop was not upgraded: its amendment signed the
    later version's answers on a screen that could not show them, stamped with the older form's
    number (the CSV then said the record was written under a form without them). Withdrawing it
    there keeps the later number."""
    later = records.amend(upgraded(later_forms(tmp_path)), midwife_note.record_id,
                          {**midwife_note.data, "note": "Seen again."}, "completed")
    older = session_for("nurse")
    with pytest.raises(ServiceError, match="written with version 2 of the form and this laptop has version 1, which "
                                           "cannot show all its answers: update Downtime"):
        records.amend(older, later.record_id, {**MIDWIFE_NOTE, "note": "Seen a third time."}, "completed")
    assert records.current(older.db, later.record_id).version == later.version
    withdrawn = records.mark_entered_in_error(older, later.record_id, "wrong patient")
    assert (withdrawn.version, withdrawn.form_version) == (later.version + 1, 2)


def test_an_amendment_reads_an_answer_kept_under_a_former_id(tmp_path, upgraded, midwife_note):
    nurse = upgraded(later_forms(tmp_path))
    amended = records.amend(nurse, midwife_note.record_id, {**midwife_note.data, "note": "Seen again."}, "completed")
    assert amended.data["problem"] == "Fall at 10:40" and "focus" not in amended.data
    assert amended.data["discipline"] == "midwifery"


def test_an_amendment_carries_forward_what_the_form_no_longer_asks(tmp_path, upgraded, midwife_note):
    """A field removed and an option removed, without a word in the later form: the amendment of
    the note changes the note alone."""
    nurse = upgraded(later_forms(tmp_path, kept=False))
    typed = {"written_at": MIDWIFE_NOTE["written_at"], "discipline": "midwifery",
             "note": "Found on the floor, no head injury.", "written_by": "Hélène Lefèvre"}
    amended = records.amend(nurse, midwife_note.record_id, typed, "completed")
    assert amended.data == {**typed, "focus": "Fall at 10:40"}


def test_a_code_the_form_no_longer_offers_is_refused_when_newly_chosen(tmp_path, upgraded, session_for, patient):
    note = records.save_new(session_for("nurse"), "clinical_note", {**MIDWIFE_NOTE, "discipline": "nursing"},
                            patient_id=patient)
    nurse = upgraded(later_forms(tmp_path))
    with pytest.raises(ValidationFailed, match="Written by a"):
        records.amend(nurse, note.record_id, {**note.data, "discipline": "midwifery"}, "was the midwife")


@pytest.mark.parametrize("kept, said", [
    (True, ["Written by a: Midwife", "Focus (the problem or event, e.g. pain, fall, fever): Fall at 10:40"]),
    (False, ["Written by a: midwifery (no longer on the form)", "No longer on the form: focus: Fall at 10:40"])])
def test_the_record_line_of_an_older_note_says_every_answer_in_words(tmp_path, upgraded, midwife_note, kept, said):
    nurse = upgraded(later_forms(tmp_path, kept=kept))
    line = records.record_label(nurse, records.current(nurse.db, midwife_note.record_id))
    assert all(words in line for words in said), line


@pytest.mark.parametrize("kept, said", [
    (True, ["☒ Midwife", "Fall at 10:40"]),
    (False, ["☒ midwifery (no longer on the form)", "No longer on the form", "focus: Fall at 10:40"])])
def test_the_printed_older_note_keeps_every_answer_in_words(tmp_path, upgraded, midwife_note, kept, said):
    nurse = upgraded(later_forms(tmp_path, kept=kept))
    out = printing.print_record(nurse, midwife_note.record_id, tmp_path / "note.pdf")
    text = pdf_text(out)
    assert all(words in text for words in said), text


def test_the_blank_form_offers_no_retired_option(tmp_path):
    from downtime.pdf.forms import blank_form_pdf
    spec = later_forms(tmp_path)["admission"]
    out = blank_form_pdf(spec, tmp_path / "blank.pdf", lang="en", printed_by=None, printed_at=datetime(2026, 11, 28),
                         device_name="Ward 3B")
    text = pdf_text(out)
    assert "Airborne precautions" in text and "Protective isolation" not in text


@pytest.mark.parametrize("kept, said", [(True, "Midwife"), (False, "midwifery (no longer on the form)")])
def test_fhir_words_a_withdrawn_code(tmp_path, kept, said):
    assert label(later_forms(tmp_path, kept=kept)["clinical_note"], "discipline", "midwifery") == said


def test_settling_a_hold_to_an_older_laptops_version_asks_no_question_asked_since(
        tmp_path, upgraded, session_for, patient):
    """The later note asks a question more, and no longer has the option the older laptop chose:
    the clerk settles to what that laptop wrote (see records.settle_to)."""
    folder = later_forms_folder(tmp_path, kept=False)
    path = folder / "clinical_note.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - id: note\n", "      - id: asked_since\n        kind: text\n        required: true\n"
        "        label: {en: Asked since, fr: Demandé depuis}\n      - id: note\n", 1), encoding="utf-8")
    note = records.save_new(session_for("nurse"), "clinical_note", MIDWIFE_NOTE, patient_id=patient)
    chosen = note.model_copy(update={"version": 2, "data": {**note.data, "note": "Seen, comfortable."}})
    clerk = upgraded(load_forms(folder), "records")
    with clerk.db.conn:
        settled = records.settle_to(clerk, note.record_id, note, chosen, "the ward chose the laptop's")
    assert settled.data == chosen.data


@pytest.mark.parametrize("kept, column", [(True, "problem"), (False, "focus")])
def test_the_csv_export_keeps_an_older_answer_and_says_the_form_version(tmp_path, upgraded, midwife_note, kept, column):
    export.export(upgraded(later_forms(tmp_path, kept=kept), "records"), tmp_path / "out")
    rows = list(csv.DictReader((tmp_path / "out" / "csv" / "clinical_note.csv").open(encoding="utf-8-sig")))
    assert [(row["form_version"], row[column]) for row in rows] == [("1", "Fall at 10:40")]


def test_what_an_amendment_changed_reads_a_renamed_answer_under_its_new_id(tmp_path, upgraded, midwife_note):
    nurse = upgraded(later_forms(tmp_path))
    amended = records.amend(nurse, midwife_note.record_id, {**midwife_note.data, "note": "Seen again."}, "completed")
    said = changes_text(changes(nurse.form("clinical_note"), midwife_note.data, amended.data), "en")
    assert said == "Note: Found on the floor. → Seen again."
