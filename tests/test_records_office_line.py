"""The records office's worklist line, what the clerk types into the EHR from (T2's walk): a
safeguarding concern's says it is confidential and gives what the EHR's safeguarding record
needs, which the bedside line withholds; an enhanced care record's names its chart; a death
verified under version 4 of its form reads its verifier as a doctor, as its print does. The
printed worklist and the merged export's CSV of the concern say it is confidential too."""
import csv
from dataclasses import replace
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.formspec import FormSpecError, load_form
from downtime.pdf.worklist import worklist_pdf
from downtime.services import back_entry, records, staff, wards
from downtime.services.context import Session
from downtime.sync.export import CONFIDENTIAL_COLUMN, CSV_ENCODING, export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_death_recorded_under_version_4 import DEATH, _under_version_4
from tests.test_enhanced_observation import URGENT, entry
from tests.test_formspec import NAME_FIELD, _write
from tests.test_safeguarding_concern import REFERRED


@pytest.fixture
def ward(tmp_path, laptop, clock, admission_values):
    """A ward laptop (nurse, clerk), its patient admitted, and an office laptop to import its stick."""
    nurse, clerk = laptop(tmp_path / "ward.sqlite", 1)
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    wards.add_ward(admin, "3B", "3B", [str(n) for n in range(1, 21)])
    pid = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    return nurse, clerk, pid


def _at_the_office(tmp_path, laptop, clerk):
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "stick").folder)
    return office


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_office_line_of_a_safeguarding_concern_says_it_is_confidential_and_what_to_enter(
        tmp_path, laptop, ward, lang):
    """The bedside line (no category, no words, no raiser's name: the visitor at the bedside may
    be the one who harms) reached the clerk, who was told "enter" and nothing of its being
    confidential: typed by hand into the ordinary notes, it was readable by the patient's online
    and proxy access."""
    nurse, clerk, pid = ward
    saved = records.save_new(nurse, "safeguarding_concern", REFERRED, patient_id=pid)
    office = _at_the_office(tmp_path, laptop, clerk)
    office = replace(office, lang=lang)
    label = back_entry.line_of(office, saved.record_id).label
    spec = office.form("safeguarding_concern")
    assert label.startswith(f"{spec.office.notice.get(lang)} — {spec.title.get(lang)} — "), label
    for field_id in ("raised_by", "categories", "referral_decision", "referral_ref"):
        assert spec.field(field_id).line_label(lang) in label, (field_id, label)
    assert REFERRED["raised_by"] in label and REFERRED["referral_ref"] in label
    bedside = records.record_label(office, records.current(office.db, saved.record_id))
    assert "CONFIDENTI" not in bedside and REFERRED["raised_by"] not in bedside
    assert spec.field("categories").line_label(lang) not in bedside


def test_the_printed_worklist_and_the_csv_say_the_concern_is_confidential(tmp_path, laptop, ward, clock):
    nurse, clerk, pid = ward
    saved = records.save_new(nurse, "safeguarding_concern", REFERRED, patient_id=pid)
    office = _at_the_office(tmp_path, laptop, clerk)
    pdf = tmp_path / "worklist.pdf"
    worklist_pdf(back_entry.worklist(office), pdf, whole=True, printed_by="Clerk", printed_at=clock(),
                 device_name="Office", lang="en", same_person={}, missing=[], reconciled="")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "CONFIDENTIAL — enter in the EHR's restricted safeguarding record" in text
    folder = merge([export(clerk, tmp_path / "again").folder], tmp_path / "merged").folder
    with (folder / "csv" / "safeguarding_concern.csv").open(encoding=CSV_ENCODING, newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert [line[CONFIDENTIAL_COLUMN] for line in lines if line["record_id"] == saved.record_id] == [
        office.form("safeguarding_concern").office.notice.en]
    with (folder / "csv" / "admission.csv").open(encoding=CSV_ENCODING, newline="") as handle:
        assert CONFIDENTIAL_COLUMN not in next(csv.reader(handle))


def test_the_office_line_of_an_enhanced_care_record_names_its_chart(tmp_path, laptop, ward):
    """"This record is: A log entry — Where the patient was: Walking with staff", under the step
    "Observations and other records": the clerk could not tell which EHR chart it went in."""
    nurse, clerk, pid = ward
    decision = records.save_new(nurse, "enhanced_observation", URGENT, patient_id=pid)
    logged = records.save_new(nurse, "enhanced_observation", entry("11:00"), patient_id=pid)
    office = _at_the_office(tmp_path, laptop, clerk)
    title = office.form("enhanced_observation").title.en
    for saved in (decision, logged):
        assert back_entry.line_of(office, saved.record_id).label.startswith(f"{title} — This record is: "), saved


def test_the_office_line_of_a_death_of_version_4_reads_its_verifier_as_a_doctor(tmp_path, laptop, ward, clock):
    """Its print, read-only screen and hold read "Verified by a: Doctor" (values.standing_for); the
    worklist line, what the clerk types from, left it out, where a version 5 death's said it."""
    nurse, clerk, pid = ward
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    death = records.save_new(_under_version_4(nurse), "death", DEATH, patient_id=pid)
    office = _at_the_office(tmp_path, laptop, clerk)
    assert "Verified by a: Doctor" in back_entry.line_of(office, death.record_id).label


def test_a_death_awaiting_verification_is_verified_by_no_one_on_its_line(tmp_path, laptop, ward, clock):
    """The role an unanswered verifier stands for is read only where the form asks it: a death
    found at night, not verified yet, named no verifier and must not read as a doctor's."""
    nurse, clerk, pid = ward
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    found = {key: value for key, value in DEATH.items() if key not in ("verified_at", "verified_by")}
    death = records.save_new(nurse, "death", {**found, "verification_pending": True}, patient_id=pid)
    office = _at_the_office(tmp_path, laptop, clerk)
    assert "Verified by a" not in back_entry.line_of(office, death.record_id).label


def test_an_office_line_naming_no_field_of_the_form_is_refused(tmp_path):
    """A typo in the office's fields would drop an answer from the line the clerk types from."""
    path = _write(tmp_path, NAME_FIELD)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "version: 1\n", "version: 1\noffice: {titled: true, summary: [name, nmae]}\n"), encoding="utf-8")
    with pytest.raises(FormSpecError, match="summary names unknown field 'nmae'"):
        load_form(path)
